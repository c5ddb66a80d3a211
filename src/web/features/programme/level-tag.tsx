import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import type { NamedRef } from '../../../shared/contracts/common';

type Relation = 'own' | 'above' | 'below';

/** Paths are made of unit ids, so a unit above the acting unit is one of the labels of its path. */
export function relationTo(actingUnit: ActingUnit, unitId: number): Relation {
  if (unitId === actingUnit.id) return 'own';
  return actingUnit.path.split('.').includes(String(unitId)) ? 'above' : 'below';
}

const COLORS: Record<Relation, string> = { own: 'blue', above: 'volcano', below: 'default' };

/** The unit a record comes from, with where it stands from the acting unit. */
export function UnitLevel({ actingUnit, unit }: { actingUnit: ActingUnit; unit: NamedRef }) {
  const { t } = useTranslation();
  const relation = relationTo(actingUnit, unit.id);
  return (
    <span className="unit-level">
      <span>{unit.name}</span> <Tag color={COLORS[relation]}>{t(`programme.relation.${relation}`)}</Tag>
    </span>
  );
}
