import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonCategory, Position, Role, Sex, UnitKind } from '../api/types';
import { CATEGORY_LIST, POSITION_LIST, ROLE_LIST, SEX_LIST, UNIT_KIND_LIST } from '../lib/enums';

type PassThrough<T> = Omit<SelectProps<T>, 'options'>;

export function UnitKindSelect(props: PassThrough<UnitKind>) {
  const { t } = useTranslation();
  return <Select<UnitKind> {...props} options={UNIT_KIND_LIST.map((kind) => ({ value: kind, label: t(`enums.unitKind.${kind}`) }))} />;
}

export function CategorySelect(props: PassThrough<PersonCategory>) {
  const { t } = useTranslation();
  return <Select<PersonCategory> {...props} options={CATEGORY_LIST.map((value) => ({ value, label: t(`enums.category.${value}`) }))} />;
}

export function PositionSelect(props: PassThrough<Position>) {
  const { t } = useTranslation();
  return <Select<Position> {...props} options={POSITION_LIST.map((value) => ({ value, label: t(`enums.position.${value}`) }))} />;
}

export function SexSelect(props: PassThrough<Sex>) {
  const { t } = useTranslation();
  return <Select<Sex> {...props} options={SEX_LIST.map((value) => ({ value, label: t(`enums.sex.${value}`) }))} />;
}

export function RoleSelect(props: PassThrough<Role>) {
  const { t } = useTranslation();
  return <Select<Role> {...props} options={ROLE_LIST.map((value) => ({ value, label: t(`enums.role.${value}`) }))} />;
}
