import { eq, sql } from 'drizzle-orm';
import { registrationWindows } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import { withNextVersion } from '../../platform/db/versions';

export type WindowRow = typeof registrationWindows.$inferSelect;
/** A window with its place; `registrationCount` only where its managers see it (null elsewhere). */
export type WindowListRow = WindowRow & { unitName: string; unitPath: string; topicTitle: string | null; registrationCount: number | null };

type RawWindow = {
  id: number;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  year: number;
  to_year: number;
  opens_on: string;
  closes_on: string;
  topic_id: number | null;
  topic_title: string | null;
  breakthrough_ids: number[] | string[];
  guidance: string | null;
  reminded_on: string | null;
  version: number;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
  registration_count?: number;
};

const WINDOW_COLUMNS = sql`
  w.id, w.unit_id, u.name AS unit_name, u.path::text AS unit_path, w.year, w.to_year, w.opens_on, w.closes_on,
  w.topic_id, t.title AS topic_title, w.breakthrough_ids, w.guidance, w.reminded_on, w.version, w.created_by, w.created_at, w.updated_at`;
// Counted only for the windows list: a window the Centre opens holds millions of registrations, and
// the paths every registration takes (writing, submitting, a member's own page) need none of them.
const REGISTRATION_COUNT = sql`(SELECT count(*) FROM registrations r WHERE r.window_id = w.id) AS registration_count`;
const WINDOW_FROM = sql`FROM registration_windows w JOIN units u ON u.id = w.unit_id LEFT JOIN study_topics t ON t.id = w.topic_id`;

function normalise(row: RawWindow): WindowListRow {
  return {
    id: Number(row.id),
    unitId: Number(row.unit_id),
    unitName: row.unit_name,
    unitPath: row.unit_path,
    year: row.year,
    toYear: row.to_year,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    topicId: row.topic_id === null ? null : Number(row.topic_id),
    topicTitle: row.topic_title,
    breakthroughIds: (row.breakthrough_ids ?? []).map(Number),
    guidance: row.guidance,
    remindedOn: row.reminded_on,
    version: row.version,
    createdBy: row.created_by === null ? null : Number(row.created_by),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    registrationCount: row.registration_count === undefined ? null : Number(row.registration_count),
  };
}

export async function findWindow(executor: Executor, id: number, forUpdate = false): Promise<WindowListRow | undefined> {
  const lock = forUpdate ? sql` FOR UPDATE OF w` : sql``;
  const rows = await executor.execute<RawWindow>(sql`SELECT ${WINDOW_COLUMNS} ${WINDOW_FROM} WHERE w.id = ${id}${lock}`);
  return rows.rows[0] ? normalise(rows.rows[0]) : undefined;
}

/**
 * The window that applies to a unit in a year: the nearest one at the unit or above whose years
 * cover it (a whole-term window covers each of its years).
 */
export async function findApplicableWindow(executor: Executor, unitPath: string, year: number): Promise<WindowListRow | undefined> {
  const rows = await executor.execute<RawWindow>(sql`
    SELECT ${WINDOW_COLUMNS} ${WINDOW_FROM}
    WHERE u.path @> ${unitPath}::ltree AND w.year <= ${year} AND w.to_year >= ${year}
    ORDER BY nlevel(u.path) DESC, w.year DESC LIMIT 1`);
  return rows.rows[0] ? normalise(rows.rows[0]) : undefined;
}

/** Windows issued inside the given subtrees or above them (a unit sees what every level above opened). */
export async function listWindows(executor: Executor, scope: string[], year: number | undefined): Promise<WindowListRow[]> {
  if (scope.length === 0) return [];
  const paths = sql.join(
    scope.map((path) => sql`${path}::ltree`),
    sql`, `,
  );
  const yearCondition = year === undefined ? sql`` : sql` AND w.year <= ${year} AND w.to_year >= ${year}`;
  const rows = await executor.execute<RawWindow>(sql`
    SELECT ${WINDOW_COLUMNS}, ${REGISTRATION_COUNT} ${WINDOW_FROM}
    WHERE (u.path <@ ANY(ARRAY[${paths}]) OR u.path @> ANY(ARRAY[${paths}]))${yearCondition}
    ORDER BY w.year DESC, nlevel(u.path), u.name LIMIT 500`);
  return rows.rows.map(normalise);
}

/** How many registrations a window holds (before it is changed or deleted). */
export async function countWindowRegistrations(executor: Executor, id: number): Promise<number> {
  const rows = await executor.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM registrations WHERE window_id = ${id}`);
  return Number(rows.rows[0]?.n ?? 0);
}

export async function insertWindow(executor: Executor, values: typeof registrationWindows.$inferInsert): Promise<WindowRow> {
  const rows = await executor.insert(registrationWindows).values(values).returning();
  return rows[0]!;
}

export async function updateWindow(
  executor: Executor,
  id: number,
  values: Partial<typeof registrationWindows.$inferInsert>,
): Promise<void> {
  await executor.update(registrationWindows).set(withNextVersion(registrationWindows, values)).where(eq(registrationWindows.id, id));
}

export async function deleteWindow(executor: Executor, id: number): Promise<void> {
  await executor.delete(registrationWindows).where(eq(registrationWindows.id, id));
}

export async function findWindowOfUnitYear(executor: Executor, unitId: number, year: number): Promise<{ id: number } | undefined> {
  const rows = await executor.execute<{ id: number }>(
    sql`SELECT id FROM registration_windows WHERE unit_id = ${unitId} AND year = ${year}`,
  );
  return rows.rows[0] ? { id: Number(rows.rows[0].id) } : undefined;
}

/** Live breakthrough contents issued by a level for a year: the ones a window may name. */
export async function listLevelBreakthroughs(
  executor: Executor,
  unitId: number,
  year: number,
): Promise<Array<{ id: number; title: string }>> {
  const rows = await executor.execute<{ id: number; title: string }>(sql`
    SELECT id, title FROM breakthrough_contents WHERE unit_id = ${unitId} AND year = ${year} AND deleted_at IS NULL ORDER BY id`);
  return rows.rows.map((row) => ({ id: Number(row.id), title: row.title }));
}

export async function listBreakthroughsByIds(executor: Executor, ids: number[]): Promise<Array<{ id: number; title: string }>> {
  if (ids.length === 0) return [];
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await executor.execute<{ id: number; title: string }>(sql`
    SELECT id, title FROM breakthrough_contents WHERE id IN (${list}) AND deleted_at IS NULL ORDER BY id`);
  return rows.rows.map((row) => ({ id: Number(row.id), title: row.title }));
}

/** The unit's ethics standards in force (the adopted version), whose criteria actions may follow. */
export async function findAdoptedStandards(
  executor: Executor,
  unitId: number,
): Promise<{ id: number; title: string; criteria: string[] } | undefined> {
  const rows = await executor.execute<{ id: number; title: string; criteria: Array<{ text: string }> }>(sql`
    SELECT id, title, criteria FROM ethics_standards WHERE unit_id = ${unitId} AND status = 'adopted' ORDER BY version_number DESC LIMIT 1`);
  const row = rows.rows[0];
  return row ? { id: Number(row.id), title: row.title, criteria: row.criteria.map((criterion) => criterion.text) } : undefined;
}

/** Many windows at once; returns their ids in the order given. */
export async function insertWindows(executor: Executor, values: Array<typeof registrationWindows.$inferInsert>): Promise<number[]> {
  if (values.length === 0) return [];
  const rows = await executor.insert(registrationWindows).values(values).returning({ id: registrationWindows.id });
  return rows.map((row) => row.id);
}

/** findAdoptedStandards of many units in one read. */
export async function listAdoptedStandardsOfUnits(
  executor: Executor,
  unitIds: number[],
): Promise<Map<number, { id: number; title: string; criteria: string[] }>> {
  if (unitIds.length === 0) return new Map();
  const rows = await executor.execute<{ unit_id: number; id: number; title: string; criteria: Array<{ text: string }> }>(sql`
    SELECT DISTINCT ON (unit_id) unit_id, id, title, criteria FROM ethics_standards
    WHERE unit_id = ANY(${sql.param(unitIds)}::bigint[]) AND status = 'adopted' ORDER BY unit_id, version_number DESC`);
  return new Map(
    rows.rows.map((row) => [
      Number(row.unit_id),
      { id: Number(row.id), title: row.title, criteria: row.criteria.map((criterion) => criterion.text) },
    ]),
  );
}
