import { and, eq, sql, type SQL } from 'drizzle-orm';
import { sessionAttendance, studyRecords, studySessions } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { AttendanceStatus, SessionKind } from '../../../shared/contracts/study';
import { withNextVersion } from '../../platform/db/versions';

export type SessionRow = typeof studySessions.$inferSelect;
export type AttendanceRecord = typeof sessionAttendance.$inferSelect;
export type StudyRecordRow = typeof studyRecords.$inferSelect;

const rowsOf = <T>(result: { rows: T[] }) => result.rows;

export async function insertSession(executor: Executor, values: typeof studySessions.$inferInsert): Promise<SessionRow> {
  const rows = await executor.insert(studySessions).values(values).returning();
  return rows[0]!;
}

export async function updateSession(
  executor: Executor,
  id: number,
  values: Partial<typeof studySessions.$inferInsert>,
): Promise<SessionRow> {
  const rows = await executor.update(studySessions).set(withNextVersion(studySessions, values)).where(eq(studySessions.id, id)).returning();
  return rows[0]!;
}

export async function softDeleteSession(executor: Executor, id: number): Promise<void> {
  await executor
    .update(studySessions)
    .set(withNextVersion(studySessions, { deletedAt: new Date() }))
    .where(eq(studySessions.id, id));
}

/** A live session with its unit, locked when `forUpdate` (writes to it and its attendance are serialised). */
export async function findSession(executor: Executor, id: number, forUpdate = false) {
  const lock = forUpdate ? sql` FOR UPDATE OF s` : sql``;
  const rows = await executor.execute<{ id: number; unit_path: string; unit_name: string; topic_title: string | null }>(sql`
    SELECT s.id, u.path::text AS unit_path, u.name AS unit_name, t.title AS topic_title
    FROM study_sessions s JOIN units u ON u.id = s.unit_id LEFT JOIN study_topics t ON t.id = s.topic_id
    WHERE s.id = ${id} AND s.deleted_at IS NULL${lock}`);
  const found = rows.rows[0];
  if (!found) return undefined;
  const session = (await executor.select().from(studySessions).where(eq(studySessions.id, id)).limit(1))[0]!;
  return { session, unitPath: found.unit_path, unitName: found.unit_name, topicTitle: found.topic_title };
}

export type TopicRow = { id: number; title: string; unit_id: number; unit_name: string; from_year: number; to_year: number };

export async function findTopic(executor: Executor, id: number): Promise<TopicRow | undefined> {
  const rows = await executor.execute<TopicRow>(sql`
    SELECT t.id, t.title, t.unit_id, u.name AS unit_name, t.from_year, t.to_year
    FROM study_topics t JOIN units u ON u.id = t.unit_id WHERE t.id = ${id} AND t.deleted_at IS NULL`);
  return rows.rows[0];
}

/** Topics that reach a unit in a year: issued by the unit or any level above it, covering the year. */
export async function listApplicableTopics(executor: Executor, unitPath: string, year: number): Promise<TopicRow[]> {
  const rows = await executor.execute<TopicRow>(sql`
    SELECT t.id, t.title, t.unit_id, u.name AS unit_name, t.from_year, t.to_year
    FROM study_topics t JOIN units u ON u.id = t.unit_id
    WHERE t.deleted_at IS NULL AND u.path @> ${unitPath}::ltree AND t.from_year <= ${year} AND t.to_year >= ${year}
    ORDER BY nlevel(u.path), t.from_year DESC, t.id`);
  return rows.rows.map((row) => ({ ...row, id: Number(row.id), unit_id: Number(row.unit_id) }));
}

export type SessionListRow = {
  id: number;
  unit_id: number;
  unit_name: string;
  kind: SessionKind;
  topic_id: number | null;
  topic_title: string | null;
  title: string;
  held_on: string;
  place: string | null;
  is_online: boolean;
  has_campaign_item: boolean;
  notes: string | null;
  version: number;
  present: number;
  absent_excused: number;
  absent: number;
  made_up: number;
};

export type SessionSearch = {
  scope: string[];
  unitPath: string;
  kind?: string;
  year?: number;
  topicId?: number;
  q?: string;
  sort: 'heldOn' | 'title' | 'unit';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

const SESSION_COLUMNS = sql`
  s.id, s.unit_id, u.name AS unit_name, s.kind, s.topic_id, t.title AS topic_title, s.title, s.held_on::text AS held_on,
  s.place, s.is_online, s.has_campaign_item, s.notes, s.version,
  (SELECT count(*) FROM session_attendance a WHERE a.session_id = s.id AND a.status = 'present') AS present,
  (SELECT count(*) FROM session_attendance a WHERE a.session_id = s.id AND a.status = 'absent_excused') AS absent_excused,
  (SELECT count(*) FROM session_attendance a WHERE a.session_id = s.id AND a.status = 'absent') AS absent,
  (SELECT count(*) FROM session_attendance a WHERE a.session_id = s.id AND a.made_up_on IS NOT NULL) AS made_up`;

function normaliseSession(row: SessionListRow): SessionListRow {
  return {
    ...row,
    id: Number(row.id),
    unit_id: Number(row.unit_id),
    topic_id: row.topic_id === null ? null : Number(row.topic_id),
    present: Number(row.present),
    absent_excused: Number(row.absent_excused),
    absent: Number(row.absent),
    made_up: Number(row.made_up),
  };
}

/** Sessions of a subtree, inside the actor's scope, with attendance counts. */
export async function searchSessions(executor: Executor, search: SessionSearch) {
  const conditions: SQL[] = [
    sql`s.deleted_at IS NULL`,
    sql`u.path <@ ${search.unitPath}::ltree`,
    sql`u.path <@ ANY(${sql.param(search.scope)}::ltree[])`,
  ];
  if (search.kind) conditions.push(sql`s.kind = ${search.kind}`);
  if (search.year) conditions.push(sql`s.held_on >= ${`${search.year}-01-01`}::date AND s.held_on <= ${`${search.year}-12-31`}::date`);
  if (search.topicId) conditions.push(sql`s.topic_id = ${search.topicId}`);
  if (search.q) conditions.push(sql`s.search_text LIKE ${`%${search.q}%`}`);
  const where = sql.join(conditions, sql` AND `);
  const direction = search.order === 'asc' ? sql`ASC` : sql`DESC`;
  // Sort keys are compared byte-wise: they encode Vietnamese order (see shared/text.ts).
  const orderBy =
    search.sort === 'title'
      ? sql`s.search_text COLLATE "C" ${direction}, s.id`
      : search.sort === 'unit'
        ? sql`u.sort_key COLLATE "C" ${direction}, s.held_on DESC, s.id`
        : sql`s.held_on ${direction}, s.id ${direction}`;
  const total = await executor.execute<{ value: number }>(sql`
    SELECT count(*) AS value FROM study_sessions s JOIN units u ON u.id = s.unit_id WHERE ${where}`);
  const items = await executor.execute<SessionListRow>(sql`
    SELECT ${SESSION_COLUMNS}
    FROM study_sessions s JOIN units u ON u.id = s.unit_id LEFT JOIN study_topics t ON t.id = s.topic_id
    WHERE ${where} ORDER BY ${orderBy} LIMIT ${search.pageSize} OFFSET ${(search.page - 1) * search.pageSize}`);
  return { items: rowsOf(items).map(normaliseSession), total: Number(total.rows[0]?.value ?? 0) };
}

export async function findSessionListRow(executor: Executor, id: number): Promise<SessionListRow | undefined> {
  const rows = await executor.execute<SessionListRow>(sql`
    SELECT ${SESSION_COLUMNS}
    FROM study_sessions s JOIN units u ON u.id = s.unit_id LEFT JOIN study_topics t ON t.id = s.topic_id
    WHERE s.id = ${id} AND s.deleted_at IS NULL`);
  const row = rows.rows[0];
  return row ? normaliseSession(row) : undefined;
}

export type RosterRow = {
  person_id: number;
  full_name: string;
  card_number: string | null;
  unit_name: string;
  unit_path: string;
  position: string | null;
  is_member: boolean;
  status: AttendanceStatus | null;
  reason: string | null;
  made_up_on: string | null;
};

/**
 * Who the attendance is about: everyone whose primary membership in the session's subtree was open
 * on the session day, plus anyone already recorded (a person who left since keeps their row).
 */
export async function listRoster(executor: Executor, sessionId: number, unitPath: string, heldOn: string): Promise<RosterRow[]> {
  const rows = await executor.execute<RosterRow>(sql`
    WITH members AS (
      SELECT DISTINCT ON (m.person_id) m.person_id, m.position, u.name AS unit_name, u.path::text AS unit_path
      FROM memberships m JOIN units u ON u.id = m.unit_id
      WHERE m.is_primary AND u.path <@ ${unitPath}::ltree AND m.from_date <= ${heldOn} AND (m.to_date IS NULL OR m.to_date > ${heldOn})
      ORDER BY m.person_id, m.from_date DESC
    ), recorded AS (
      SELECT person_id, status, reason, made_up_on::text AS made_up_on FROM session_attendance WHERE session_id = ${sessionId}
    )
    SELECT p.id AS person_id, p.full_name, p.card_number, COALESCE(m.unit_name, '') AS unit_name, COALESCE(m.unit_path, '') AS unit_path,
      m.position, (m.person_id IS NOT NULL) AS is_member, r.status, r.reason, r.made_up_on
    FROM persons p
    LEFT JOIN members m ON m.person_id = p.id
    LEFT JOIN recorded r ON r.person_id = p.id
    WHERE m.person_id IS NOT NULL OR r.person_id IS NOT NULL
    ORDER BY p.sort_key COLLATE "C", p.id`);
  return rows.rows.map((row) => ({ ...row, person_id: Number(row.person_id) }));
}

export async function listAttendance(executor: Executor, sessionId: number): Promise<AttendanceRecord[]> {
  return executor.select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, sessionId));
}

export async function deleteAttendance(executor: Executor, sessionId: number): Promise<void> {
  await executor.delete(sessionAttendance).where(eq(sessionAttendance.sessionId, sessionId));
}

export async function insertAttendance(executor: Executor, rows: Array<typeof sessionAttendance.$inferInsert>): Promise<void> {
  for (let start = 0; start < rows.length; start += 2000) {
    await executor.insert(sessionAttendance).values(rows.slice(start, start + 2000));
  }
}

export async function upsertMakeUp(executor: Executor, sessionId: number, personId: number, madeUpOn: string | null): Promise<void> {
  await executor
    .insert(sessionAttendance)
    .values({ sessionId, personId, status: 'absent', madeUpOn })
    .onConflictDoUpdate({ target: [sessionAttendance.sessionId, sessionAttendance.personId], set: { madeUpOn } });
}

export async function findAttendance(executor: Executor, sessionId: number, personId: number): Promise<AttendanceRecord | undefined> {
  const rows = await executor
    .select()
    .from(sessionAttendance)
    .where(and(eq(sessionAttendance.sessionId, sessionId), eq(sessionAttendance.personId, personId)))
    .limit(1);
  return rows[0];
}

export type StudyCandidate = { person_id: number; session_id: number; studied_on: string };

/**
 * For each person, the first time they studied the year's topic: a present attendance (on the
 * session day) or a make-up (on its date), at a live study session or conference of that year.
 */
export async function findFirstStudies(executor: Executor, personIds: number[], year: number): Promise<StudyCandidate[]> {
  if (personIds.length === 0) return [];
  const rows = await executor.execute<StudyCandidate>(sql`
    SELECT DISTINCT ON (a.person_id) a.person_id, a.session_id,
      (CASE WHEN a.status = 'present' THEN s.held_on ELSE a.made_up_on END)::text AS studied_on
    FROM session_attendance a JOIN study_sessions s ON s.id = a.session_id
    WHERE a.person_id = ANY(${sql.param(personIds)}::bigint[])
      AND s.deleted_at IS NULL AND s.kind IN ('study', 'conference') AND s.topic_id IS NOT NULL
      AND s.held_on >= ${`${year}-01-01`}::date AND s.held_on <= ${`${year}-12-31`}::date
      AND (a.status = 'present' OR a.made_up_on IS NOT NULL)
    ORDER BY a.person_id, studied_on, a.session_id`);
  return rows.rows.map((row) => ({ person_id: Number(row.person_id), session_id: Number(row.session_id), studied_on: row.studied_on }));
}

export async function listStudyRecords(executor: Executor, personIds: number[], year: number) {
  if (personIds.length === 0) return [];
  const rows = await executor.execute<{
    person_id: number;
    unit_id: number;
    unit_path: string;
    studied_on: string;
    session_id: number;
  }>(sql`
    SELECT r.person_id, r.unit_id, u.path::text AS unit_path, r.studied_on::text AS studied_on, r.session_id
    FROM study_records r JOIN units u ON u.id = r.unit_id
    WHERE r.person_id = ANY(${sql.param(personIds)}::bigint[]) AND r.year = ${year}`);
  return rows.rows.map((row) => ({
    ...row,
    person_id: Number(row.person_id),
    unit_id: Number(row.unit_id),
    session_id: Number(row.session_id),
  }));
}

/** Where each person is counted now: the unit of their open primary membership. */
export async function findPrimaryUnits(executor: Executor, personIds: number[]) {
  if (personIds.length === 0) return new Map<number, { unitId: number; unitPath: string }>();
  const rows = await executor.execute<{ person_id: number; unit_id: number; unit_path: string }>(sql`
    SELECT m.person_id, m.unit_id, u.path::text AS unit_path FROM memberships m JOIN units u ON u.id = m.unit_id
    WHERE m.person_id = ANY(${sql.param(personIds)}::bigint[]) AND m.is_primary AND m.to_date IS NULL`);
  return new Map(rows.rows.map((row) => [Number(row.person_id), { unitId: Number(row.unit_id), unitPath: row.unit_path }]));
}

export async function deleteStudyRecord(executor: Executor, personId: number, year: number): Promise<void> {
  await executor.execute(sql`DELETE FROM study_records WHERE person_id = ${personId} AND year = ${year}`);
}

export async function insertStudyRecords(executor: Executor, rows: Array<typeof studyRecords.$inferInsert>): Promise<void> {
  for (let start = 0; start < rows.length; start += 2000) {
    await executor.insert(studyRecords).values(rows.slice(start, start + 2000));
  }
}

export type StatusRow = {
  person_id: number;
  full_name: string;
  unit_name: string;
  unit_id: number;
  position: string;
  studied_on: string | null;
  session_title: string | null;
  make_up_session_id: number | null;
  make_up_session_title: string | null;
};

/**
 * Each member of a subtree (on the given day) with whether they studied the year's topic, and the latest
 * session of their unit (or above it) they could make up: the secretary's to-do list.
 */
export async function searchStudyStatus(
  executor: Executor,
  search: {
    unitPath: string;
    year: number;
    asOf: string;
    status: 'all' | 'studied' | 'not_studied';
    q?: string;
    page: number;
    pageSize: number;
  },
) {
  // Members as the dashboard counts them: those in the subtree on the year's last day (or today).
  const conditions: SQL[] = [
    sql`m.is_primary`,
    sql`m.from_date <= ${search.asOf}::date AND (m.to_date IS NULL OR m.to_date > ${search.asOf}::date)`,
    sql`u.path <@ ${search.unitPath}::ltree`,
  ];
  if (search.status === 'studied') conditions.push(sql`r.person_id IS NOT NULL`);
  if (search.status === 'not_studied') conditions.push(sql`r.person_id IS NULL`);
  if (search.q) conditions.push(sql`p.search_text LIKE ${`%${search.q}%`}`);
  const where = sql.join(conditions, sql` AND `);
  const from = sql`
    FROM memberships m JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id
    LEFT JOIN study_records r ON r.person_id = m.person_id AND r.year = ${search.year}
    LEFT JOIN study_sessions rs ON rs.id = r.session_id`;
  const total = await executor.execute<{ value: number }>(sql`SELECT count(*) AS value ${from} WHERE ${where}`);
  const items = await executor.execute<StatusRow>(sql`
    SELECT p.id AS person_id, p.full_name, u.name AS unit_name, u.id AS unit_id, m.position,
      r.studied_on::text AS studied_on, rs.title AS session_title, ms.id AS make_up_session_id, ms.title AS make_up_session_title
    ${from}
    LEFT JOIN LATERAL (
      SELECT s.id, s.title FROM study_sessions s JOIN units su ON su.id = s.unit_id
      WHERE r.person_id IS NULL AND s.deleted_at IS NULL AND s.kind IN ('study', 'conference') AND s.topic_id IS NOT NULL
        AND su.path @> u.path AND s.held_on >= ${`${search.year}-01-01`}::date AND s.held_on <= ${`${search.year}-12-31`}::date
      ORDER BY s.held_on DESC, s.id DESC LIMIT 1
    ) ms ON true
    WHERE ${where}
    ORDER BY (r.person_id IS NOT NULL), u.sort_key COLLATE "C", p.sort_key COLLATE "C", p.id
    LIMIT ${search.pageSize} OFFSET ${(search.page - 1) * search.pageSize}`);
  return {
    total: Number(total.rows[0]?.value ?? 0),
    items: items.rows.map((row) => ({
      ...row,
      person_id: Number(row.person_id),
      unit_id: Number(row.unit_id),
      make_up_session_id: row.make_up_session_id === null ? null : Number(row.make_up_session_id),
    })),
  };
}

/** The unit of a session, deleted or not (a study record may point at one). */
export async function findSessionUnit(executor: Executor, sessionId: number) {
  const rows = await executor.execute<{ unit_id: number; unit_path: string }>(sql`
    SELECT s.unit_id, u.path::text AS unit_path FROM study_sessions s JOIN units u ON u.id = s.unit_id WHERE s.id = ${sessionId}`);
  const row = rows.rows[0]!;
  return { unitId: Number(row.unit_id), unitPath: row.unit_path };
}

/** The units sessions are written on, by id: their name, path and whether they are closed. */
export async function findUnitsOfSessions(executor: Executor, unitIds: number[]) {
  if (unitIds.length === 0) return new Map<number, { id: number; name: string; path: string; validTo: string | null }>();
  const rows = await executor.execute<{ id: number; name: string; path: string; valid_to: string | null }>(sql`
    SELECT id, name, path::text AS path, valid_to::text AS valid_to FROM units WHERE id = ANY(${sql.param(unitIds)}::bigint[])`);
  return new Map(rows.rows.map((row) => [Number(row.id), { id: Number(row.id), name: row.name, path: row.path, validTo: row.valid_to }]));
}

/** Of (unit, topic, year) triples, those where the topic does not reach the unit that year (see `listApplicableTopics`). */
export async function findInapplicableTopics(
  executor: Executor,
  checks: Array<{ unitId: number; topicId: number; year: number }>,
): Promise<Array<{ unitId: number; topicId: number; year: number }>> {
  if (checks.length === 0) return [];
  const rows = await executor.execute<{ unit_id: number; topic_id: number; year: number }>(sql`
    SELECT x.unit_id, x.topic_id, x.year
    FROM unnest(${sql.param(checks.map((check) => check.unitId))}::bigint[], ${sql.param(checks.map((check) => check.topicId))}::bigint[],
      ${sql.param(checks.map((check) => check.year))}::int[]) AS x(unit_id, topic_id, year)
    WHERE NOT EXISTS (
      SELECT 1 FROM study_topics t JOIN units tu ON tu.id = t.unit_id JOIN units u ON u.id = x.unit_id
      WHERE t.id = x.topic_id AND t.deleted_at IS NULL AND tu.path @> u.path AND t.from_year <= x.year AND t.to_year >= x.year)`);
  return rows.rows.map((row) => ({ unitId: Number(row.unit_id), topicId: Number(row.topic_id), year: Number(row.year) }));
}

/**
 * Of (person, session unit, day) rows, the positions (0-based) of those not on the roster: whose
 * primary membership in the unit's subtree was not open on the day (see `listRoster`).
 */
export async function findOffRoster(
  executor: Executor,
  rows: Array<{ personId: number; unitPath: string; heldOn: string }>,
): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const found = await executor.execute<{ position: number }>(sql`
    SELECT x.position - 1 AS position
    FROM unnest(${sql.param(rows.map((row) => row.personId))}::bigint[], ${sql.param(rows.map((row) => row.unitPath))}::ltree[],
      ${sql.param(rows.map((row) => row.heldOn))}::date[]) WITH ORDINALITY AS x(person_id, unit_path, held_on, position)
    WHERE NOT EXISTS (
      SELECT 1 FROM memberships m JOIN units u ON u.id = m.unit_id
      WHERE m.person_id = x.person_id AND m.is_primary AND u.path <@ x.unit_path
        AND m.from_date <= x.held_on AND (m.to_date IS NULL OR m.to_date > x.held_on))`);
  return new Set(found.rows.map((row) => Number(row.position)));
}

/** Many sessions at once, in multi-row inserts; their ids in the order given. */
export async function insertSessions(executor: Executor, rows: Array<typeof studySessions.$inferInsert>): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += 1000) {
    const inserted = await executor
      .insert(studySessions)
      .values(rows.slice(start, start + 1000))
      .returning({ id: studySessions.id });
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}
