import { sql, type SQL } from 'drizzle-orm';
import { withNextVersion } from '../../platform/db/versions';
import { feedback } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { FeedbackCounts, FeedbackStatus, UnitFeedbackCounts } from '../../../shared/contracts/supervision';
import { todayIso } from '../../platform/dates';
import { REGISTRATION_BUCKETS } from '../figures/index';

const PUBLIC_REGISTRATION_STATUSES = REGISTRATION_BUCKETS.published as readonly string[];

/** Overdue: still unanswered past its due day (a Vietnamese calendar day). */
const isOverdue = () => sql`(f.status = 'new' AND f.due_on < ${todayIso()}::date)`;

export type FeedbackRow = typeof feedback.$inferSelect;

export async function insertFeedback(executor: Executor, values: typeof feedback.$inferInsert): Promise<FeedbackRow> {
  const rows = await executor.insert(feedback).values(values).returning();
  return rows[0]!;
}

/** An edit of an item (its answer, its hiding): the version moves on. */
export async function updateFeedback(executor: Executor, id: number, values: Partial<typeof feedback.$inferInsert>): Promise<FeedbackRow> {
  const rows = await executor
    .update(feedback)
    .set(withNextVersion(feedback, values))
    .where(sql`${feedback.id} = ${id}`)
    .returning();
  return rows[0]!;
}

/** How many items a sender (by hash) has sent since a moment: the rate limit's count. */
export async function eraseSenderContactsBefore(executor: Executor, before: Date): Promise<number> {
  const rows = await executor.execute<{ id: number }>(sql`
    UPDATE feedback SET sender_name = NULL, sender_contact = NULL
    WHERE created_at < ${before.toISOString()} AND (sender_name IS NOT NULL OR sender_contact IS NOT NULL) RETURNING id`);
  return rows.rows.length;
}

export async function countFromSender(executor: Executor, senderHash: string, since: Date): Promise<number> {
  const rows = await executor.execute<{ value: number }>(sql`
    SELECT count(*) AS value FROM feedback WHERE sender_hash = ${senderHash} AND created_at >= ${since.toISOString()}::timestamptz`);
  return Number(rows.rows[0]?.value ?? 0);
}

export type FeedbackListRow = {
  id: number;
  unit_id: number;
  unit_name: string;
  unit_code: string;
  unit_path: string;
  registration_id: number | null;
  registrant_name: string | null;
  sender_name: string | null;
  sender_contact: string | null;
  body: string;
  status: FeedbackStatus;
  hidden_reason: string | null;
  answer: string | null;
  answered_at: string | null;
  answered_by_name: string | null;
  due_on: string;
  overdue: boolean;
  version: number;
  created_at: string;
};

const LIST_COLUMNS = sql`
  f.id, f.unit_id, u.name AS unit_name, u.code AS unit_code, u.path::text AS unit_path, f.registration_id,
  CASE WHEN r.kind = 'collective' THEN ru.name ELSE p.full_name END AS registrant_name,
  f.sender_name, f.sender_contact, f.body, f.status, f.hidden_reason, f.answer, f.answered_at,
  au.display_name AS answered_by_name, f.due_on::text AS due_on,
  ${isOverdue()} AS overdue, f.version, f.created_at`;

const LIST_FROM = sql`
  FROM feedback f
  JOIN units u ON u.id = f.unit_id
  LEFT JOIN registrations r ON r.id = f.registration_id
  LEFT JOIN persons p ON p.id = r.person_id
  LEFT JOIN units ru ON ru.id = r.unit_id
  LEFT JOIN users au ON au.id = f.answered_by`;

function normalise(row: FeedbackListRow): FeedbackListRow {
  return {
    ...row,
    id: Number(row.id),
    unit_id: Number(row.unit_id),
    registration_id: row.registration_id === null ? null : Number(row.registration_id),
    version: Number(row.version),
    answered_at: row.answered_at === null ? null : new Date(row.answered_at).toISOString(),
    created_at: new Date(row.created_at).toISOString(),
  };
}

export type FeedbackSearch = {
  /** Subtree roots the caller may see; the list never leaves them. */
  scope: string[];
  unitPath: string | null;
  status?: FeedbackStatus | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

function whereOf(search: Omit<FeedbackSearch, 'page' | 'pageSize'>): SQL {
  const conditions: SQL[] = [sql`u.path <@ ANY(${sql.param(search.scope)}::ltree[])`];
  if (search.unitPath) conditions.push(sql`u.path <@ ${search.unitPath}::ltree`);
  if (search.status) conditions.push(sql`f.status = ${search.status}`);
  if (search.overdue === true) conditions.push(isOverdue());
  if (search.overdue === false) conditions.push(sql`NOT ${isOverdue()}`);
  if (search.q) conditions.push(sql`f.search_text LIKE ${`%${search.q}%`}`);
  return sql.join(conditions, sql` AND `);
}

/** Newest first; overdue items first of all, since they are what a manager must act on. */
export async function searchFeedback(executor: Executor, search: FeedbackSearch) {
  const where = whereOf(search);
  const total = await executor.execute<{ value: number }>(
    sql`SELECT count(*) AS value FROM feedback f JOIN units u ON u.id = f.unit_id WHERE ${where}`,
  );
  const items = await executor.execute<FeedbackListRow>(sql`
    SELECT ${LIST_COLUMNS} ${LIST_FROM}
    WHERE ${where}
    ORDER BY ${isOverdue()} DESC, f.created_at DESC, f.id DESC
    LIMIT ${search.pageSize} OFFSET ${(search.page - 1) * search.pageSize}`);
  return { items: items.rows.map(normalise), total: Number(total.rows[0]?.value ?? 0) };
}

export async function findFeedbackListRow(executor: Executor, id: number): Promise<FeedbackListRow | undefined> {
  const rows = await executor.execute<FeedbackListRow>(sql`SELECT ${LIST_COLUMNS} ${LIST_FROM} WHERE f.id = ${id}`);
  const row = rows.rows[0];
  return row ? normalise(row) : undefined;
}

export type FeedbackFigureRow = {
  id: number;
  unit_path: string;
  due_on: string;
  status: FeedbackStatus;
  answered_at: Date | string | null;
  created_at: Date | string;
};

/** Every item with what its overdue figure depends on (for counting the items sent before it was kept). */
export async function listFeedbackForFigures(executor: Executor): Promise<FeedbackFigureRow[]> {
  const rows = await executor.execute<FeedbackFigureRow>(sql`
    SELECT f.id, u.path::text AS unit_path, f.due_on::text AS due_on, f.status, f.answered_at, f.created_at
    FROM feedback f JOIN units u ON u.id = f.unit_id`);
  return rows.rows;
}

/** Keeps the day each item stopped waiting for its answer, as its overdue figure counted it. */
export async function setSettledDays(executor: Executor, settled: Array<{ id: number; day: string }>): Promise<void> {
  if (settled.length === 0) return;
  await executor.execute(sql`
    UPDATE feedback f SET settled_on = s.day
    FROM unnest(${sql.param(settled.map((item) => item.id))}::bigint[], ${sql.param(settled.map((item) => item.day))}::date[]) AS s(id, day)
    WHERE f.id = s.id`);
}

/** The row and its unit's path, locked for the rest of the transaction. */
export async function lockFeedback(executor: Executor, id: number) {
  const rows = await executor.execute<{
    id: number;
    version: number;
    status: FeedbackStatus;
    unit_path: string;
    answer: string | null;
    body: string;
    due_on: string;
  }>(sql`
    SELECT f.id, f.version, f.status, u.path::text AS unit_path, f.answer, f.body, f.due_on::text AS due_on
    FROM feedback f JOIN units u ON u.id = f.unit_id WHERE f.id = ${id} FOR UPDATE OF f`);
  const row = rows.rows[0];
  return row ? { ...row, id: Number(row.id), version: Number(row.version) } : undefined;
}

export async function countFeedback(executor: Executor, scope: string[], unitPath: string | null): Promise<FeedbackCounts> {
  const where = whereOf({ scope, unitPath });
  const rows = await executor.execute<Record<keyof FeedbackCounts, number>>(sql`
    SELECT count(*) AS total,
      count(*) FILTER (WHERE f.status = 'new') AS new,
      count(*) FILTER (WHERE f.status = 'answered') AS answered,
      count(*) FILTER (WHERE f.status = 'hidden') AS hidden,
      count(*) FILTER (WHERE ${isOverdue()}) AS overdue
    FROM feedback f JOIN units u ON u.id = f.unit_id WHERE ${where}`);
  const row = rows.rows[0];
  return {
    total: Number(row?.total ?? 0),
    new: Number(row?.new ?? 0),
    answered: Number(row?.answered ?? 0),
    hidden: Number(row?.hidden ?? 0),
    overdue: Number(row?.overdue ?? 0),
  };
}

export type PublicFeedbackRow = {
  id: number;
  body: string;
  answer: string;
  answered_at: string;
  created_at: string;
  registrant_name: string | null;
};

/** What the public page shows: answered, not hidden, of this unit only; never who sent it. */
export async function listPublicFeedback(executor: Executor, unitId: number, limit: number): Promise<PublicFeedbackRow[]> {
  const rows = await executor.execute<PublicFeedbackRow>(sql`
    SELECT f.id, f.body, f.answer, f.answered_at, f.created_at,
      -- A registration taken off the page no longer names its registrant here either.
      CASE WHEN r.status IS NULL OR NOT (r.status = ANY(${sql.param([...PUBLIC_REGISTRATION_STATUSES])}::text[])) THEN NULL
        WHEN r.kind = 'collective' THEN ru.name ELSE p.full_name END AS registrant_name
    FROM feedback f
    LEFT JOIN registrations r ON r.id = f.registration_id
    LEFT JOIN persons p ON p.id = r.person_id
    LEFT JOIN units ru ON ru.id = r.unit_id
    WHERE f.unit_id = ${unitId} AND f.status = 'answered' AND f.answer IS NOT NULL
    ORDER BY f.answered_at DESC, f.id DESC LIMIT ${limit}`);
  return rows.rows.map((row) => ({
    ...row,
    id: Number(row.id),
    answered_at: new Date(row.answered_at).toISOString(),
    created_at: new Date(row.created_at).toISOString(),
  }));
}

/**
 * Counts per unit directly below `unitId` (each with its whole subtree), plus the unit's own: the
 * level above sees at a glance which unit lets feedback go unanswered past its due day.
 */
export async function countFeedbackByChild(executor: Executor, unitId: number): Promise<UnitFeedbackCounts[]> {
  const rows = await executor.execute<{
    unit_id: number;
    unit_name: string;
    own: boolean;
    total: number;
    new: number;
    answered: number;
    hidden: number;
    overdue: number;
  }>(sql`
    WITH target AS (
      SELECT c.id AS unit_id, c.name AS unit_name, c.sort_key, false AS own, c.path FROM units c WHERE c.parent_id = ${unitId}
      UNION ALL
      SELECT u.id, u.name, '', true, u.path FROM units u WHERE u.id = ${unitId}
    )
    SELECT t.unit_id, t.unit_name, t.own,
      count(*) AS total,
      count(*) FILTER (WHERE f.status = 'new') AS new,
      count(*) FILTER (WHERE f.status = 'answered') AS answered,
      count(*) FILTER (WHERE f.status = 'hidden') AS hidden,
      count(*) FILTER (WHERE ${isOverdue()}) AS overdue
    FROM feedback f JOIN units u ON u.id = f.unit_id
    JOIN target t ON (t.own AND f.unit_id = t.unit_id) OR (NOT t.own AND u.path <@ t.path)
    GROUP BY t.unit_id, t.unit_name, t.own, t.sort_key
    ORDER BY t.own DESC, count(*) FILTER (WHERE ${isOverdue()}) DESC, t.sort_key COLLATE "C"`);
  return rows.rows.map((row) => ({
    unitId: Number(row.unit_id),
    unitName: row.unit_name,
    own: row.own,
    total: Number(row.total),
    new: Number(row.new),
    answered: Number(row.answered),
    hidden: Number(row.hidden),
    overdue: Number(row.overdue),
  }));
}

/** Many items at once (a load). */
export async function insertFeedbackRows(executor: Executor, rows: Array<typeof feedback.$inferInsert>): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) await executor.insert(feedback).values(rows.slice(start, start + 1000));
}
