import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/contracts/units';

/** Active, or how the unit ended: closed, merged into another, or split into several. */
export function UnitStatusTag({ unit }: { unit: Pick<Unit, 'validTo' | 'closedReason'> }) {
  const { t } = useTranslation();
  if (!unit.validTo) return <Tag color="green">{t('units.status.active')}</Tag>;
  const reason = unit.closedReason ?? 'closed';
  return <Tag color={reason === 'closed' ? 'default' : 'orange'}>{t(`units.status.${reason}`)}</Tag>;
}
