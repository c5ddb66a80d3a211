import { Form, Select, type SelectProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PersonCategory, Position, Role, Sex, UnitKind } from '../../shared/contracts/domain';
import { CATEGORY_LIST, POSITION_LIST, ROLE_LIST, SEX_LIST, UNIT_KIND_LIST } from '../lib/enums';
import { unitKindExistsOn } from '../../shared/unit-kind-periods';

type PassThrough<T> = Omit<SelectProps<T>, 'options'>;

/**
 * Offers the kinds in force on the date of the form's `dateField` (today when empty): a district
 * committee only before 1/7/2025. The unit's current kind is always offered.
 */
export function UnitKindSelect({ dateField = 'effectiveDate', ...props }: PassThrough<UnitKind> & { dateField?: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const chosen = Form.useWatch<Dayjs | undefined>(dateField, form);
  const day = (chosen ?? dayjs()).format('YYYY-MM-DD');
  const kinds = UNIT_KIND_LIST.filter((kind) => kind === props.value || unitKindExistsOn(kind, day));
  return <Select<UnitKind> {...props} options={kinds.map((kind) => ({ value: kind, label: t(`enums.unitKind.${kind}`) }))} />;
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
