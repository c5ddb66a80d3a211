import { sql } from 'drizzle-orm';
import type { Executor } from './db/client';

/**
 * Live figures: every write that changes a figure records a delta for (unit, metric, day) on the
 * unit and on every ancestor, in the writer's transaction. A subtree's figure as of a date is then
 * the sum of one unit's deltas up to that date: an indexed range read, whatever the tree's size.
 * Rows are written in (unit, metric, day) order so concurrent writers lock them in the same order.
 */
export type FigureDelta = { unitPath: string; metric: string; day: string; delta: number };

export function ancestorIdsOf(path: string): number[] {
  return path.split('.').map(Number);
}

export async function addFigureDeltas(executor: Executor, deltas: FigureDelta[]): Promise<void> {
  const merged = new Map<string, number>();
  for (const change of deltas) {
    if (change.delta === 0) continue;
    for (const unitId of ancestorIdsOf(change.unitPath)) {
      const key = `${unitId}|${change.metric}|${change.day}`;
      merged.set(key, (merged.get(key) ?? 0) + change.delta);
    }
  }
  const rows = [...merged.entries()]
    .filter(([, delta]) => delta !== 0)
    .map(([key, delta]) => {
      const [unitId, metric, day] = key.split('|') as [string, string, string];
      return { unitId: Number(unitId), metric, day, delta };
    })
    .sort((a, b) => a.unitId - b.unitId || a.metric.localeCompare(b.metric) || a.day.localeCompare(b.day));
  for (let start = 0; start < rows.length; start += 5000) {
    const chunk = rows.slice(start, start + 5000);
    await executor.execute(sql`
      INSERT INTO figure_counters (unit_id, metric, day, delta)
      SELECT * FROM unnest(
        ${sql.param(chunk.map((row) => row.unitId))}::bigint[],
        ${sql.param(chunk.map((row) => row.metric))}::text[],
        ${sql.param(chunk.map((row) => row.day))}::date[],
        ${sql.param(chunk.map((row) => row.delta))}::bigint[])
      ON CONFLICT (unit_id, metric, day) DO UPDATE SET delta = figure_counters.delta + EXCLUDED.delta`);
  }
}

/** Figures of each unit's subtree as of a date: { unitId → { metric → value } }. */
export async function readFigures(
  executor: Executor,
  unitIds: number[],
  metrics: string[] | { prefix: string },
  asOf: string,
): Promise<Map<number, Record<string, number>>> {
  const result = new Map<number, Record<string, number>>(unitIds.map((id) => [id, {}]));
  if (unitIds.length === 0) return result;
  const metricFilter = Array.isArray(metrics)
    ? sql`metric = ANY(${sql.param(metrics)}::text[])`
    : sql`metric LIKE ${`${metrics.prefix}%`}`;
  const rows = await executor.execute<{ unit_id: number; metric: string; value: number }>(sql`
    SELECT unit_id, metric, SUM(delta) AS value FROM figure_counters
    WHERE unit_id = ANY(${sql.param(unitIds)}::bigint[]) AND ${metricFilter} AND day <= ${asOf}
    GROUP BY unit_id, metric`);
  for (const row of rows.rows) {
    const figures = result.get(Number(row.unit_id));
    if (figures) figures[row.metric] = Number(row.value);
  }
  return result;
}

/** A unit's own deltas, for carrying a whole subtree's figures across a move. */
export async function readUnitDeltas(
  executor: Executor,
  unitId: number,
): Promise<Array<{ metric: string; day: string; delta: number }>> {
  const rows = await executor.execute<{ metric: string; day: string; delta: number }>(sql`
    SELECT metric, day::text AS day, delta FROM figure_counters WHERE unit_id = ${unitId}`);
  return rows.rows.map((row) => ({ metric: row.metric, day: row.day, delta: Number(row.delta) }));
}

/**
 * When a subtree moves on `day`, its contribution leaves the old ancestors and joins the new ones
 * from that day on; ancestors common to both paths are untouched.
 */
export function deltasForSubtreeMove(
  subtreeDeltas: Array<{ metric: string; day: string; delta: number }>,
  oldParentPath: string,
  newParentPath: string,
  day: string,
): Array<{ unitId: number; metric: string; day: string; delta: number }> {
  const oldIds = ancestorIdsOf(oldParentPath);
  const newIds = ancestorIdsOf(newParentPath);
  const leaving = oldIds.filter((id) => !newIds.includes(id));
  const joining = newIds.filter((id) => !oldIds.includes(id));
  const carried = new Map<string, number>();
  for (const change of subtreeDeltas) {
    const effectiveDay = change.day <= day ? day : change.day;
    const key = `${change.metric}|${effectiveDay}`;
    carried.set(key, (carried.get(key) ?? 0) + change.delta);
  }
  const out: Array<{ unitId: number; metric: string; day: string; delta: number }> = [];
  for (const [key, delta] of carried) {
    if (delta === 0) continue;
    const [metric, effectiveDay] = key.split('|') as [string, string];
    for (const unitId of leaving) out.push({ unitId, metric, day: effectiveDay, delta: -delta });
    for (const unitId of joining) out.push({ unitId, metric, day: effectiveDay, delta });
  }
  return out;
}

/** Writes deltas already expanded to single units (no ancestor expansion). */
export async function addUnitDeltas(
  executor: Executor,
  rows: Array<{ unitId: number; metric: string; day: string; delta: number }>,
): Promise<void> {
  await addFigureDeltas(
    executor,
    rows.map((row) => ({ unitPath: String(row.unitId), metric: row.metric, day: row.day, delta: row.delta })),
  );
}
