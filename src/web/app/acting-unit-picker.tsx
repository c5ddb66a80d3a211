import { useTranslation } from 'react-i18next';
import { UnitTreeSelect } from '../components/unit-tree-select';
import { useActingUnit } from './acting-unit';

/** The header control that decides whose data every page shows. */
export function ActingUnitPicker({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { actingUnit, setActingUnit } = useActingUnit();
  return (
    <div className={`acting-unit ${className ?? ''}`}>
      <label htmlFor="acting-unit-select" className="acting-unit-label">
        {t('header.actingUnit')}
      </label>
      <UnitTreeSelect
        id="acting-unit-select"
        data-testid="acting-unit"
        className="acting-unit-select"
        value={actingUnit ? { value: actingUnit.id, label: actingUnit.name } : null}
        placeholder={t('header.actingUnitPlaceholder')}
        onPickUnit={(unit) => setActingUnit({ id: unit.id, code: unit.code, name: unit.name, path: unit.path })}
      />
    </div>
  );
}
