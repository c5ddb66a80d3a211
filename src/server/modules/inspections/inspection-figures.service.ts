import type { Database } from '../../platform/db/client';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { todayIso } from '../../platform/dates';
import type { InspectionFigures, InspectionFiguresAnswer } from '../../../shared/contracts/inspections';
import { asOfForYear, INSPECTION_FIGURE_DEFINITIONS, INSPECTION_METRICS, subtreeFigures } from '../figures/index';
import { getUnitOrThrow } from '../units/index';
import { countOverdueRemedies } from './inspections.repo';
import { countLaggingByChild } from './lagging.service';

const metricsFor = (year: number) => [
  INSPECTION_METRICS.planned(year),
  INSPECTION_METRICS.done(year),
  INSPECTION_METRICS.findings(year),
  INSPECTION_METRICS.shortcomings(year),
  INSPECTION_METRICS.remedies(year),
  INSPECTION_METRICS.remediesClosed(year),
  INSPECTION_METRICS.remediesClosedOnTime(year),
];

function shape(values: Record<string, number> | undefined, year: number): InspectionFigures {
  const read = (metric: string) => values?.[metric] ?? 0;
  return {
    planned: read(INSPECTION_METRICS.planned(year)),
    done: read(INSPECTION_METRICS.done(year)),
    findings: read(INSPECTION_METRICS.findings(year)),
    shortcomings: read(INSPECTION_METRICS.shortcomings(year)),
    remedies: read(INSPECTION_METRICS.remedies(year)),
    remediesClosed: read(INSPECTION_METRICS.remediesClosed(year)),
    remediesClosedOnTime: read(INSPECTION_METRICS.remediesClosedOnTime(year)),
    remediesOverdue: 0,
    laggingUnits: 0,
  };
}

/**
 * The inspection figures of a subtree and of each open child unit: the counters, plus what depends
 * on today (overdue remedies) and on the live figures (lagging units), counted when asked.
 */
export async function getInspectionFigures(db: Database, actor: Actor, unitId: number, year: number): Promise<InspectionFiguresAnswer> {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'inspections.read', unit.path);
  const answer = await subtreeFigures(db, actor, unitId, year, asOfForYear(year), {
    name: 'inspection-figures',
    metrics: metricsFor,
    shape,
    definitions: INSPECTION_FIGURE_DEFINITIONS,
  });
  const ids = [unitId, ...answer.children.map((child) => child.unit.id)];
  const overdue = await countOverdueRemedies(db, ids, year, todayIso());
  const lagging = await countLaggingByChild(db, unitId, year);
  const total = [...lagging.values()].reduce((sum, value) => sum + value, 0);
  return {
    unit: answer.unit,
    year,
    figures: { ...answer.figures, remediesOverdue: overdue.get(unitId) ?? 0, laggingUnits: total },
    definitions: INSPECTION_FIGURE_DEFINITIONS,
    children: answer.children.map((child) => ({
      unit: { id: child.unit.id, code: child.unit.code, name: child.unit.name },
      figures: { ...child.figures, remediesOverdue: overdue.get(child.unit.id) ?? 0, laggingUnits: lagging.get(child.unit.id) ?? 0 },
    })),
  };
}
