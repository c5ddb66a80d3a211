import { Skeleton } from 'antd';
import { type ActingUnit, useRequiredActingUnit } from '../../app/acting-unit';
import { QueryError } from '../../components/query-error';
import { StandardsOverview } from './standards-overview';
import { useUnitStandards } from './standards.api';
import { UnitStandards } from './unit-standards';

/** A cell or agency keeps its own standards; any level above sees the overview of its subtree. */
export function StandardsPage() {
  const actingUnit = useRequiredActingUnit();
  return <StandardsWorkspace key={actingUnit.id} actingUnit={actingUnit} />;
}

function StandardsWorkspace({ actingUnit }: { actingUnit: ActingUnit }) {
  const view = useUnitStandards(actingUnit.id);
  if (view.isPending) return <Skeleton active />;
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  return view.data.isStandardKeeping ? <UnitStandards data={view.data} /> : <StandardsOverview actingUnit={actingUnit} />;
}
