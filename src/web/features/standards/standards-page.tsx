import { type ActingUnit, useRequiredActingUnit } from '../../app/acting-unit';
import { QueryContent } from '../../components/query-content';
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
  return (
    <QueryContent query={view}>
      {(data) => (data.isStandardKeeping ? <UnitStandards data={data} /> : <StandardsOverview actingUnit={actingUnit} />)}
    </QueryContent>
  );
}
