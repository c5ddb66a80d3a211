import { sql, type SQL } from 'drizzle-orm';
import { addDaysIso } from './dates';
import type { Executor } from './db/client';
import { PLAN_FOR_VALUES } from './db/named-statements';

/**
 * Live figures: every write that changes a figure records a delta for (unit, metric, day) on the
 * unit and on every ancestor, in the writer's transaction. A subtree's figure as of a date is then
 * the sum of one unit's deltas up to that date: an indexed range read, whatever the tree's size.
 * Rows are written in (unit, metric, day) order so concurrent writers lock them in the same order.
 *
 * Every writer in the country touches the counters of the root and of its province; on one row per
 * (unit, metric, day) they would queue behind each other's commits. Those units spread their rows
 * over COUNTER_STRIPES stripes: a transaction writes all its rows into the one stripe its
 * transaction id picks, so two writers in different stripes never wait for each other, and two in
 * the same stripe lock in the same order (no deadlock). Reads sum the stripes; nothing is lost.
 */
export type FigureDelta = { unitPath: string; metric: string; day: string; delta: number };

/** Ancestors at these depths of a path (0: the root, 1: a province) write striped rows. */
export const STRIPED_DEPTHS = 2;
export const COUNTER_STRIPES = 16;

export function ancestorIdsOf(path: string): number[] {
  return path.split('.').map(Number);
}

type CounterRow = { unitId: number; metric: string; day: string; delta: number; striped: boolean };

export async function addFigureDeltas(executor: Executor, deltas: FigureDelta[]): Promise<void> {
  // Merged per unit before the ancestors are expanded: an import of 50,000 people into a few
  // thousand cells expands a few thousand deltas, not 50,000 times the depth of the tree.
  const perUnit = new Map<string, FigureDelta>();
  for (const change of deltas) {
    if (change.delta === 0) continue;
    const key = `${change.unitPath}|${change.metric}|${change.day}`;
    const merged = perUnit.get(key);
    if (merged) merged.delta += change.delta;
    else perUnit.set(key, { ...change });
  }
  const changes = [...perUnit.values()].filter((change) => change.delta !== 0);
  await writeCounterRows(executor, await rowsOfChanges(executor, changes));
}

const leafIdOf = (path: string): number => Number(path.slice(path.lastIndexOf('.') + 1));

type ParentVersion = { parentId: number | null; validFrom: string };

/** The parent history of the units and of every unit that was ever above them, oldest version first. */
async function loadParentHistory(executor: Executor, unitIds: number[]): Promise<Map<number, ParentVersion[]>> {
  const history = new Map<number, ParentVersion[]>();
  let pending = unitIds;
  while (pending.length > 0) {
    const rows = await executor.execute<{ unit_id: number; parent_id: number | null; valid_from: string }>(sql`
      SELECT unit_id, parent_id, valid_from::text AS valid_from FROM unit_versions
      WHERE unit_id = ANY(${sql.param(pending)}::bigint[]) ORDER BY unit_id, valid_from`);
    for (const id of pending) history.set(id, []);
    for (const row of rows.rows) {
      history
        .get(Number(row.unit_id))!
        .push({ parentId: row.parent_id === null ? null : Number(row.parent_id), validFrom: row.valid_from });
    }
    const parents = rows.rows.flatMap((row) => (row.parent_id === null ? [] : [Number(row.parent_id)]));
    pending = [...new Set(parents)].filter((id) => !history.has(id));
  }
  return history;
}

/** The unit and its ancestors on `day`, root first (a day before the first version takes the first). */
function chainOn(history: Map<number, ParentVersion[]>, unitId: number, day: string): number[] {
  const chain = [unitId];
  for (let current: number | null = unitId; chain.length < 64;) {
    const versions: ParentVersion[] = history.get(current) ?? [];
    const inForce: ParentVersion | undefined = versions.filter((version) => version.validFrom <= day).at(-1) ?? versions[0];
    current = inForce?.parentId ?? null;
    if (current === null) break;
    chain.push(current);
  }
  return chain.reverse();
}

/**
 * A figure belongs to the tree of its own day: a 2012 study session typed in after its cell moved
 * on 1/7/2025 counts for the commune and district of 2012, and from the move on for the new ones,
 * exactly as if it had been written before the move (which carries a subtree's figures along).
 * Changes dated after every move of their unit and its ancestors take the current path: for them
 * this costs one key lookup.
 */
async function rowsOfChanges(executor: Executor, changes: FigureDelta[]): Promise<CounterRow[]> {
  const rows: CounterRow[] = [];
  const push = (ancestors: number[], change: FigureDelta, day: string, delta: number) => {
    ancestors.forEach((unitId, depth) => rows.push({ unitId, metric: change.metric, day, delta, striped: depth < STRIPED_DEPTHS }));
  };
  const leafIds = [...new Set(changes.map((change) => leafIdOf(change.unitPath)))];
  const moved =
    leafIds.length === 0
      ? { rows: [] }
      : await executor.execute<{ id: number; moved_on: string }>(sql`
    SELECT id, moved_on::text AS moved_on FROM units WHERE id = ANY(${sql.param(leafIds)}::bigint[]) AND moved_on IS NOT NULL`);
  const movedOn = new Map(moved.rows.map((row) => [Number(row.id), row.moved_on]));
  const beforeMoves = changes.filter((change) => change.day < (movedOn.get(leafIdOf(change.unitPath)) ?? ''));
  const needsHistory = new Set(beforeMoves);
  for (const change of changes) if (!needsHistory.has(change)) push(ancestorIdsOf(change.unitPath), change, change.day, change.delta);
  if (beforeMoves.length === 0) return rows;
  const history = await loadParentHistory(executor, [...new Set(beforeMoves.map((change) => leafIdOf(change.unitPath)))]);
  const changeDays = [...new Set([...history.values()].flatMap((versions) => versions.map((version) => version.validFrom)))].sort();
  for (const change of beforeMoves) {
    const leaf = leafIdOf(change.unitPath);
    let chain = chainOn(history, leaf, change.day);
    push(chain, change, change.day, change.delta);
    for (const day of changeDays.filter((candidate) => candidate > change.day)) {
      const next = chainOn(history, leaf, day);
      if (next.join('.') === chain.join('.')) continue;
      push(chain, change, day, -change.delta);
      push(next, change, day, change.delta);
      chain = next;
    }
  }
  return rows;
}

/** Merges rows of the same (unit, metric, day), then upserts them in lock order. */
async function writeCounterRows(executor: Executor, changes: CounterRow[]): Promise<void> {
  const merged = new Map<string, CounterRow>();
  for (const change of changes) {
    const key = `${change.unitId}|${change.metric}|${change.day}`;
    const row = merged.get(key);
    if (row) row.delta += change.delta;
    else merged.set(key, { ...change });
  }
  const rows = [...merged.values()]
    .filter((row) => row.delta !== 0)
    .sort((a, b) => a.unitId - b.unitId || a.metric.localeCompare(b.metric) || a.day.localeCompare(b.day));
  for (let start = 0; start < rows.length; start += 5000) {
    const chunk = rows.slice(start, start + 5000);
    // txid_current() is fixed for the whole transaction: every call of this transaction uses one stripe.
    await executor.execute(sql`
      INSERT INTO figure_counters (unit_id, metric, day, stripe, delta)
      SELECT unit_id, metric, day, CASE WHEN striped THEN (txid_current() % ${COUNTER_STRIPES})::smallint ELSE 0 END, delta
      FROM unnest(
        ${sql.param(chunk.map((row) => row.unitId))}::bigint[],
        ${sql.param(chunk.map((row) => row.metric))}::text[],
        ${sql.param(chunk.map((row) => row.day))}::date[],
        ${sql.param(chunk.map((row) => row.striped))}::boolean[],
        ${sql.param(chunk.map((row) => row.delta))}::bigint[]) AS t(unit_id, metric, day, striped, delta)
      ON CONFLICT (unit_id, metric, day, stripe) DO UPDATE SET delta = figure_counters.delta + EXCLUDED.delta`);
  }
}

/** Figures of each unit's subtree as of a date: { unitId → { metric → value } }. */
export async function readFigures(
  executor: Executor,
  unitIds: number[],
  metrics: string[] | { prefix: string },
  asOf: string,
): Promise<Map<number, Record<string, number>>> {
  if (unitIds.length === 0) return new Map();
  const result = await sumCounters(executor, sql`${sql.param(unitIds)}::bigint[]`, metrics, asOf);
  return new Map(unitIds.map((id) => [id, result.get(id) ?? {}]));
}

/**
 * Figures of the same units read at several days at once, each day with its own metrics (this
 * year's at its end beside last year's at its end): one pass over the units' counters instead of
 * one per day. Returns one map per read, in the order asked. The units are ids, or an id array
 * selected in SQL (`ARRAY(SELECT …)`), so the figures can be read while the caller lists those
 * units; then a unit without any figure is absent from the maps.
 *
 * With `parts` > 1 the units are dealt into that many shares (by id), each read by a statement of
 * its own, sent together: on PostgreSQL each takes a connection, so a second core reads and sums
 * the other half. A province's table (171 units, some 10,000 counter rows) took a median of 27 ms
 * read whole and 18 ms in two halves here. Pass it only with the database, never inside a
 * transaction: a transaction's statements run one after another.
 */
export async function readFiguresAtDays(
  executor: Executor,
  unitIds: number[] | SQL,
  reads: Array<{ metrics: string[]; asOf: string }>,
  options: { parts?: number } = {},
): Promise<Array<Map<number, Record<string, number>>>> {
  const parts = Math.max(1, Math.floor(options.parts ?? 1));
  if (parts === 1) return readFiguresAtDaysOnce(executor, unitIds, reads);
  const ids = Array.isArray(unitIds) ? sql`${sql.param(unitIds)}::bigint[]` : unitIds;
  const shares = Array.from(
    { length: parts },
    (_share, part) => sql`ARRAY(SELECT id FROM unnest(${ids}) AS id WHERE id % ${parts} = ${part})`,
  );
  const answers = await Promise.all(shares.map((share) => readFiguresAtDaysOnce(executor, share, reads)));
  return reads.map((_read, index) => {
    const merged = new Map<number, Record<string, number>>(Array.isArray(unitIds) ? unitIds.map((id) => [id, {}]) : []);
    for (const answer of answers) {
      for (const [unitId, figures] of answer[index]!) merged.set(unitId, Object.assign(merged.get(unitId) ?? {}, figures));
    }
    return merged;
  });
}

async function readFiguresAtDaysOnce(
  executor: Executor,
  unitIds: number[] | SQL,
  reads: Array<{ metrics: string[]; asOf: string }>,
): Promise<Array<Map<number, Record<string, number>>>> {
  const wanted = reads.filter((read) => read.metrics.length > 0);
  if ((Array.isArray(unitIds) && unitIds.length === 0) || wanted.length === 0) {
    return reads.map(() => new Map(Array.isArray(unitIds) ? unitIds.map((id) => [id, {}]) : []));
  }
  const ids = Array.isArray(unitIds) ? sql`${sql.param(unitIds)}::bigint[]` : unitIds;
  const branches = reads.flatMap((read, index) =>
    read.metrics.length === 0
      ? []
      : [
          sql`SELECT ${index}::int AS read, unit_id, metric, delta FROM (${deltasUpTo(ids, sql`metric = ANY(${sql.param(read.metrics)}::text[])`, read.asOf)}) d`,
        ],
  );
  const figures = reads.map(
    (_read, index) => sql`json_object_agg(metric, value) FILTER (WHERE read = ${index}::int)::text AS figures_${sql.raw(String(index))}`,
  );
  const rows = await executor.execute<Record<string, string | number | null>>(sql`${sql.raw(PLAN_FOR_VALUES)}
    SELECT unit_id, ${sql.join(figures, sql`, `)} FROM (
      SELECT read, unit_id, metric, SUM(delta) AS value FROM (${sql.join(branches, sql` UNION ALL `)}) deltas
      GROUP BY read, unit_id, metric) sums
    GROUP BY unit_id`);
  return reads.map((_read, index) => {
    const byUnit = new Map(Array.isArray(unitIds) ? unitIds.map((id) => [id, {} as Record<string, number>]) : []);
    for (const row of rows.rows) {
      const parsed = row[`figures_${index}`];
      // A metric with no delta by that day is absent, as in readFigures.
      if (typeof parsed === 'string') byUnit.set(Number(row.unit_id), JSON.parse(parsed) as Record<string, number>);
    }
    return byUnit;
  });
}

/**
 * The deltas that make the figures as of `asOf`: whole months before its month from
 * figure_counter_months, then the days of its month up to it. Summed, they are the sum of every
 * daily delta up to that day, read from a few dozen rows per unit and metric instead of one per day.
 */
function deltasUpTo(unitIdArray: SQL, metricFilter: SQL, asOf: string): SQL {
  const monthStart = `${asOf.slice(0, 7)}-01`;
  // A month's last day (a year's end, a quarter's) is read from the month totals alone.
  if (addDaysIso(asOf, 1).endsWith('-01')) {
    return sql`
    SELECT unit_id, metric, delta FROM figure_counter_months
    WHERE unit_id = ANY(${unitIdArray}) AND ${metricFilter} AND month <= ${monthStart}::date`;
  }
  return sql`
    SELECT unit_id, metric, delta FROM figure_counter_months
    WHERE unit_id = ANY(${unitIdArray}) AND ${metricFilter} AND month < ${monthStart}::date
    UNION ALL
    SELECT unit_id, metric, delta FROM figure_counters
    WHERE unit_id = ANY(${unitIdArray}) AND ${metricFilter} AND day >= ${monthStart}::date AND day <= ${asOf}::date`;
}

/**
 * The same, for the units a query selects (`SELECT id FROM units WHERE …`), so the figures are
 * read while the caller lists those units; a unit without any figure is absent from the answer.
 */
export function readFiguresOfSelected(
  executor: Executor,
  selectUnitIds: SQL,
  metrics: string[],
  asOf: string,
): Promise<Map<number, Record<string, number>>> {
  // ARRAY(…) is computed once per branch, first: the counters are then read by their index, unit by unit.
  return sumCounters(executor, sql`ARRAY(${selectUnitIds})`, metrics, asOf);
}

async function sumCounters(executor: Executor, unitIdArray: SQL, metrics: string[] | { prefix: string }, asOf: string) {
  const metricFilter = Array.isArray(metrics) ? sql`metric = ANY(${sql.param(metrics)}::text[])` : sql`metric LIKE ${`${metrics.prefix}%`}`;
  // One row per unit with its figures as a JSON object: thousands of units times a dozen metrics
  // would otherwise come back as tens of thousands of rows, each parsed field by field.
  const rows = await executor.execute<{ unit_id: number; figures: string }>(sql`${sql.raw(PLAN_FOR_VALUES)}
    SELECT unit_id, json_object_agg(metric, value)::text AS figures FROM (
      SELECT unit_id, metric, SUM(delta) AS value FROM (${deltasUpTo(unitIdArray, metricFilter, asOf)}) deltas
      GROUP BY unit_id, metric) sums
    GROUP BY unit_id`);
  return new Map(rows.rows.map((row) => [Number(row.unit_id), JSON.parse(row.figures) as Record<string, number>]));
}

/** A unit's own deltas, for carrying a whole subtree's figures across a move. */
export async function readUnitDeltas(executor: Executor, unitId: number): Promise<Array<{ metric: string; day: string; delta: number }>> {
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

/** Writes deltas already expanded to single units (no ancestor expansion), in stripe 0: moves are rare. */
export async function addUnitDeltas(
  executor: Executor,
  rows: Array<{ unitId: number; metric: string; day: string; delta: number }>,
): Promise<void> {
  await writeCounterRows(
    executor,
    rows.map((row) => ({ ...row, striped: false })),
  );
}
