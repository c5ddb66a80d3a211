import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { DeferredControl } from '../components/deferred-control';
import { useActingUnit } from './acting-unit';

const loadTreeSelect = () => import('../components/unit-tree-select');
const UnitTreeSelect = lazy(() => loadTreeSelect().then((module) => ({ default: module.UnitTreeSelect })));

/** The header control that decides whose data every page shows; its tree loads when first opened. */
export function ActingUnitPicker({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { actingUnit, setActingUnit } = useActingUnit();
  return (
    <div className={`acting-unit ${className ?? ''}`}>
      <label htmlFor="acting-unit-select" className="acting-unit-label">
        {t('header.actingUnit')}
      </label>
      <DeferredControl
        id="acting-unit-select"
        data-testid="acting-unit"
        className="acting-unit-select"
        text={actingUnit?.name ?? t('header.actingUnitPrompt')}
        preload={loadTreeSelect}
      >
        <UnitTreeSelect
          id="acting-unit-select"
          data-testid="acting-unit"
          className="acting-unit-select"
          value={actingUnit ? { value: actingUnit.id, label: actingUnit.name } : null}
          onPickUnit={(unit) => setActingUnit({ id: unit.id, code: unit.code, name: unit.name, path: unit.path })}
          defaultOpen
          autoFocus
        />
      </DeferredControl>
    </div>
  );
}
