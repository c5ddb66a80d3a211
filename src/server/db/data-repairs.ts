import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../platform/db/client';
import { normalizeTonePlacement, personNameSortKey, vietnameseSortKey } from '../../shared/text';
import { addFigureDeltas, type FigureDelta } from '../platform/figures';
import { REGISTRATION_BUCKETS, REGISTRATION_METRICS, registrationFigureDay } from '../modules/figures/index';
import type { RegistrationKind, RegistrationStatus } from '../../shared/contracts/registration-status';
import { redateRequestFigures } from '../modules/reports/index';
import { settleAllTwins } from '../modules/registrations/index';
import { countExistingOverdueFeedback } from '../modules/supervision/index';

type Repair = { name: string; run(tx: Executor): Promise<number> };

// A superset of the names normalizeTonePlacement changes; the code decides row by row.
const MAY_HAVE_SECOND_VOWEL_TONE = '[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]';

/** Rewrites one text column (and its sort key) of the rows whose value changes; returns how many. */
async function rewriteNames(tx: Executor, table: string, column: string, sortKey: ((name: string) => string) | null): Promise<number> {
  const rows = await tx.execute<{ id: number; value: string }>(
    sql`SELECT id, ${sql.identifier(column)} AS value FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} ~ ${MAY_HAVE_SECOND_VOWEL_TONE}`,
  );
  const changed = rows.rows
    .map((row) => ({ id: Number(row.id), value: normalizeTonePlacement(row.value), before: row.value }))
    .filter((row) => row.value !== row.before);
  if (changed.length === 0) return 0;
  const ids = sql.param(changed.map((row) => row.id));
  const values = sql.param(changed.map((row) => row.value));
  const keys = sql.param(changed.map((row) => (sortKey ? sortKey(row.value) : '')));
  const setKey = sortKey ? sql`, sort_key = data.sort_key` : sql``;
  await tx.execute(sql`
    UPDATE ${sql.identifier(table)} AS target SET ${sql.identifier(column)} = data.value${setKey}
    FROM unnest(${ids}::bigint[], ${values}::text[], ${keys}::text[]) AS data(id, value, sort_key)
    WHERE target.id = data.id`);
  return changed.length;
}

/**
 * The action counters ("việc" registered, approved, done) of the registrations written before they
 * were counted, from the rows, dated as the status machine dates them; returns how many rows.
 */
async function countExistingActions(tx: Executor): Promise<number> {
  const rows = await tx.execute<{
    kind: RegistrationKind;
    year: number;
    status: RegistrationStatus;
    unit_path: string;
    total: number;
    done: number;
  }>(sql`
    SELECT r.kind, r.year, r.status, u.path::text AS unit_path, count(a.id) AS total,
      count(a.id) FILTER (WHERE a.self_level IN ('completed_well', 'completed')) AS done
    FROM registrations r JOIN units u ON u.id = r.unit_id JOIN registration_actions a ON a.registration_id = r.id
    WHERE r.status <> 'draft'
    GROUP BY r.kind, r.year, r.status, u.path`);
  const deltas: FigureDelta[] = [];
  const holds = (bucket: keyof typeof REGISTRATION_BUCKETS, status: string) =>
    (REGISTRATION_BUCKETS[bucket] as readonly string[]).includes(status);
  for (const row of rows.rows) {
    const [kind, year, day] = [row.kind, Number(row.year), registrationFigureDay(Number(row.year))];
    if (holds('registered', row.status))
      deltas.push({
        unitPath: row.unit_path,
        metric: REGISTRATION_METRICS.actions(kind, 'registered', year),
        day,
        delta: Number(row.total),
      });
    if (holds('approved', row.status))
      deltas.push({ unitPath: row.unit_path, metric: REGISTRATION_METRICS.actions(kind, 'approved', year), day, delta: Number(row.total) });
    if (holds('selfAssessed', row.status))
      deltas.push({ unitPath: row.unit_path, metric: REGISTRATION_METRICS.actionsDone(kind, year), day, delta: Number(row.done) });
  }
  await addFigureDeltas(tx, deltas);
  return rows.rows.length;
}

/** `units.moved_on` for units moved before it was kept: the last parent change of the unit or an ancestor. */
async function recordPastMoves(tx: Executor): Promise<number> {
  const result = await tx.execute<{ id: number }>(sql`
    WITH changes AS (
      SELECT unit_id, valid_from, parent_id IS DISTINCT FROM lag(parent_id) OVER (PARTITION BY unit_id ORDER BY valid_from) AS moved,
        row_number() OVER (PARTITION BY unit_id ORDER BY valid_from) AS nth
      FROM unit_versions),
    last_move AS (SELECT unit_id, max(valid_from) AS day FROM changes WHERE moved AND nth > 1 GROUP BY unit_id),
    inherited AS (
      SELECT u.id, max(m.day) AS day FROM units u JOIN units a ON a.path @> u.path JOIN last_move m ON m.unit_id = a.id GROUP BY u.id)
    UPDATE units SET moved_on = inherited.day FROM inherited WHERE units.id = inherited.id RETURNING units.id`);
  return result.rows.length;
}

/** Report figures were once dated by the deadline; they count in the report's period now. */
async function redateReportFigures(tx: Executor): Promise<number> {
  const requests = await tx.execute<{ id: number; deadline: string; period_to: string }>(sql`
    SELECT id, deadline::text AS deadline, period_to::text AS period_to FROM report_requests WHERE deadline <> period_to ORDER BY id`);
  for (const request of requests.rows) await redateRequestFigures(tx, Number(request.id), request.deadline, request.period_to);
  return requests.rows.length;
}

const REPAIRS: Repair[] = [
  {
    // Names stored before one tone placement was kept ("Hoà" beside "Hòa"); search and sort already ignored it.
    name: 'tone-placement',
    run: async (tx) =>
      (await rewriteNames(tx, 'units', 'name', vietnameseSortKey)) +
      (await rewriteNames(tx, 'unit_versions', 'name', null)) +
      (await rewriteNames(tx, 'persons', 'full_name', personNameSortKey)) +
      (await rewriteNames(tx, 'users', 'display_name', null)),
  },
  { name: 'registration-action-figures', run: countExistingActions },
  { name: 'unit-moved-on', run: recordPastMoves },
  { name: 'report-figures-by-period', run: redateReportFigures },
  // Registrations paired before has_twin and its figure were kept.
  { name: 'registration-twin-figures', run: settleAllTwins },
  // Feedback sent before its overdue figure was kept.
  { name: 'feedback-overdue-figures', run: countExistingOverdueFeedback },
];

/** Runs, once each and in a transaction each, the repairs this database has not had yet. */
export async function runDataRepairs(db: Database): Promise<void> {
  const done = await db.execute<{ name: string }>(sql`SELECT name FROM data_repairs`);
  const applied = new Set(done.rows.map((row) => row.name));
  for (const repair of REPAIRS.filter((candidate) => !applied.has(candidate.name))) {
    await db.transaction(async (tx) => {
      const changedRows = await repair.run(tx);
      await tx.execute(
        sql`INSERT INTO data_repairs (name, changed_rows) VALUES (${repair.name}, ${changedRows}) ON CONFLICT (name) DO NOTHING`,
      );
    });
  }
}
