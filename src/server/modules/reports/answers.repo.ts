import { eq, sql } from 'drizzle-orm';
import { reportAnswerEvents, reportAnswers, reportRecommendations } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import { withNextVersion } from '../../platform/db/versions';
import type { AnswerStatus, ReportKind } from '../../../shared/contracts/reports';

export type AnswerRow = typeof reportAnswers.$inferSelect;
export type RecommendationRow = typeof reportRecommendations.$inferSelect;

/** One statement for any number of expected units: a request to 3,321 communes is one insert. */
export async function insertAnswers(executor: Executor, requestId: number, unitIds: number[]): Promise<void> {
  for (let start = 0; start < unitIds.length; start += 5000) {
    const chunk = unitIds.slice(start, start + 5000);
    await executor.execute(sql`
      INSERT INTO report_answers (request_id, unit_id) SELECT ${requestId}, unnest(${sql.param(chunk)}::bigint[])`);
  }
}

export async function updateAnswer(executor: Executor, id: number, values: Partial<typeof reportAnswers.$inferInsert>): Promise<AnswerRow> {
  const rows = await executor.update(reportAnswers).set(withNextVersion(reportAnswers, values)).where(eq(reportAnswers.id, id)).returning();
  return rows[0]!;
}

export type AnswerContext = { answer: AnswerRow; unitPath: string; unitName: string; unitCode: string; parentName: string | null };

export async function findAnswer(executor: Executor, id: number, forUpdate = false): Promise<AnswerContext | undefined> {
  const lock = forUpdate ? sql` FOR UPDATE OF a` : sql``;
  const rows = await executor.execute<{ unit_path: string; unit_name: string; unit_code: string; parent_name: string | null }>(sql`
    SELECT u.path::text AS unit_path, u.name AS unit_name, u.code AS unit_code, p.name AS parent_name
    FROM report_answers a JOIN units u ON u.id = a.unit_id LEFT JOIN units p ON p.id = u.parent_id
    WHERE a.id = ${id}${lock}`);
  const found = rows.rows[0];
  if (!found) return undefined;
  const answer = (await executor.select().from(reportAnswers).where(eq(reportAnswers.id, id)).limit(1))[0]!;
  return { answer, unitPath: found.unit_path, unitName: found.unit_name, unitCode: found.unit_code, parentName: found.parent_name };
}

export type AnswerListRow = {
  id: number;
  unit_id: number;
  unit_name: string;
  unit_code: string;
  status: AnswerStatus;
  first_submitted_on: string | null;
  on_time: boolean | null;
  submitted_at: Date | null;
  number_symbol: string | null;
  return_reason: string | null;
  version: number;
  frozen_figures: Record<string, number | null> | null;
  narrative: Record<string, string>;
  manual_values: Record<string, string>;
};

/** Every expected unit of a request with its answer, in the tree's order. */
export async function listAnswersOfRequest(executor: Executor, requestId: number): Promise<AnswerListRow[]> {
  const rows = await executor.execute<AnswerListRow>(sql`
    SELECT a.id, a.unit_id, u.name AS unit_name, u.code AS unit_code, a.status, a.first_submitted_on::text, a.on_time, a.submitted_at,
      a.number_symbol, a.return_reason, a.version, a.frozen_figures, a.narrative, a.manual_values
    FROM report_answers a JOIN units u ON u.id = a.unit_id
    WHERE a.request_id = ${requestId}
    ORDER BY u.depth, u.sort_key, u.id`);
  return rows.rows.map((row) => ({ ...row, id: Number(row.id), unit_id: Number(row.unit_id), version: Number(row.version) }));
}

/** The answers of a request by the child of the requesting unit whose subtree holds their unit. */
export async function listAnswerSubtrees(
  executor: Executor,
  requestId: number,
  requesterPath: string,
): Promise<Array<{ answerId: number; childId: number; childName: string }>> {
  const rows = await executor.execute<{ answer_id: number; child_id: number; child_name: string }>(sql`
    SELECT a.id AS answer_id, c.id AS child_id, c.name AS child_name
    FROM report_answers a JOIN units u ON u.id = a.unit_id
    JOIN units c ON c.path = subpath(u.path, 0, nlevel(${requesterPath}::ltree) + 1)
    WHERE a.request_id = ${requestId}`);
  return rows.rows.map((row) => ({ answerId: Number(row.answer_id), childId: Number(row.child_id), childName: row.child_name }));
}

export type AnswerFigureRow = { unitPath: string; submitted: boolean; onTime: boolean };

/** What each answer of a request counts in the live figures: its unit, whether it was submitted, and on time. */
export async function listAnswerFigureRows(executor: Executor, requestId: number): Promise<AnswerFigureRow[]> {
  const rows = await executor.execute<{ unit_path: string; submitted: boolean; on_time: boolean | null }>(sql`
    SELECT u.path::text AS unit_path, a.first_submitted_on IS NOT NULL AS submitted, a.on_time
    FROM report_answers a JOIN units u ON u.id = a.unit_id WHERE a.request_id = ${requestId}`);
  return rows.rows.map((row) => ({ unitPath: row.unit_path, submitted: row.submitted, onTime: row.on_time === true }));
}

export type InboxRow = {
  id: number;
  request_id: number;
  unit_id: number;
  unit_name: string;
  requester_name: string;
  kind: ReportKind;
  title: string;
  period_from: string;
  period_to: string;
  deadline: string;
  status: AnswerStatus;
  first_submitted_on: string | null;
  version: number;
};

/** The reports units of a subtree must write, newest deadline first; "late" is filtered by date. */
export async function searchInbox(
  executor: Executor,
  filter: { unitPath: string; scope: string[]; status?: string; today: string; page: number; pageSize: number },
): Promise<{ items: InboxRow[]; total: number }> {
  const status =
    filter.status === 'late'
      ? sql`a.status IN ('not_started', 'draft') AND r.deadline < ${filter.today}`
      : filter.status
        ? sql`a.status = ${filter.status}`
        : sql`TRUE`;
  const where = sql`u.path <@ ${filter.unitPath}::ltree AND u.path <@ ANY(${sql.param(filter.scope)}::ltree[]) AND ${status}`;
  const total = await executor.execute<{ n: number }>(sql`
    SELECT count(*) AS n FROM report_answers a JOIN report_requests r ON r.id = a.request_id JOIN units u ON u.id = a.unit_id WHERE ${where}`);
  const rows = await executor.execute<InboxRow>(sql`
    SELECT a.id, a.request_id, a.unit_id, u.name AS unit_name, ru.name AS requester_name, r.kind, r.title,
      r.period_from::text, r.period_to::text, r.deadline::text, a.status, a.first_submitted_on::text, a.version
    FROM report_answers a JOIN report_requests r ON r.id = a.request_id JOIN units u ON u.id = a.unit_id JOIN units ru ON ru.id = r.unit_id
    WHERE ${where}
    ORDER BY r.deadline DESC, a.id
    LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`);
  return {
    total: Number(total.rows[0]!.n),
    items: rows.rows.map((row) => ({
      ...row,
      id: Number(row.id),
      request_id: Number(row.request_id),
      unit_id: Number(row.unit_id),
      version: Number(row.version),
    })),
  };
}

export async function insertEvent(executor: Executor, values: typeof reportAnswerEvents.$inferInsert): Promise<void> {
  await executor.insert(reportAnswerEvents).values(values);
}

export async function listEvents(executor: Executor, answerId: number) {
  return executor.select().from(reportAnswerEvents).where(eq(reportAnswerEvents.answerId, answerId)).orderBy(reportAnswerEvents.id);
}

export async function listRecommendationsOfAnswers(executor: Executor, answerIds: number[]): Promise<RecommendationRow[]> {
  if (answerIds.length === 0) return [];
  const rows = await executor.execute<{ id: number }>(sql`
    SELECT id FROM report_recommendations WHERE answer_id = ANY(${sql.param(answerIds)}::bigint[]) ORDER BY answer_id, position`);
  if (rows.rows.length === 0) return [];
  const ids = rows.rows.map((row) => Number(row.id));
  const found = await executor
    .select()
    .from(reportRecommendations)
    .where(sql`${reportRecommendations.id} = ANY(${sql.param(ids)}::bigint[])`);
  const byId = new Map(found.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}

/** Replaces a draft's items; once submitted, items are tracked one by one and no longer replaced. */
export async function replaceRecommendations(
  executor: Executor,
  answerId: number,
  rows: Array<Omit<typeof reportRecommendations.$inferInsert, 'answerId'>>,
): Promise<void> {
  await executor.delete(reportRecommendations).where(eq(reportRecommendations.answerId, answerId));
  if (rows.length) await executor.insert(reportRecommendations).values(rows.map((row) => ({ ...row, answerId })));
}

/**
 * Reports the answering unit itself received from below for a period that overlaps its own:
 * what it may pull figures and recommendations from.
 */
export async function listLowerAnswers(executor: Executor, unitId: number, periodFrom: string, periodTo: string) {
  const rows = await executor.execute<{
    id: number;
    request_id: number;
    title: string;
    unit_name: string;
    status: AnswerStatus;
    narrative: Record<string, string>;
    manual_values: Record<string, string>;
  }>(sql`
    SELECT a.id, a.request_id, r.title, u.name AS unit_name, a.status, a.narrative, a.manual_values
    FROM report_requests r JOIN report_answers a ON a.request_id = r.id JOIN units u ON u.id = a.unit_id
    WHERE r.unit_id = ${unitId} AND r.period_from <= ${periodTo} AND r.period_to >= ${periodFrom} AND a.status IN ('submitted', 'accepted')
    ORDER BY r.period_to DESC, u.sort_key, a.id`);
  return rows.rows.map((row) => ({ ...row, id: Number(row.id), request_id: Number(row.request_id) }));
}

/** In-app reminders: one row per account holding a writing role on a late unit (or above it, below the requester). */
export async function insertReminders(
  executor: Executor,
  input: { unitIds: number[]; requesterPath: string; roles: string[]; title: string; body: string; link: string },
): Promise<number> {
  if (input.unitIds.length === 0) return 0;
  const rows = await executor.execute<{ n: number }>(sql`
    WITH targets AS (
      SELECT DISTINCT g.user_id FROM units late
      JOIN units gu ON gu.path @> late.path AND gu.path <> ${input.requesterPath}::ltree AND gu.path <@ ${input.requesterPath}::ltree
      JOIN grants g ON g.unit_id = gu.id AND g.role = ANY(${sql.param(input.roles)}::text[])
      JOIN users us ON us.id = g.user_id AND NOT us.is_disabled
      WHERE late.id = ANY(${sql.param(input.unitIds)}::bigint[])
    ), inserted AS (
      INSERT INTO notifications (user_id, kind, title, body, link)
      SELECT user_id, 'report_reminder', ${input.title}, ${input.body}, ${input.link} FROM targets RETURNING 1
    )
    SELECT count(*) AS n FROM inserted`);
  return Number(rows.rows[0]!.n);
}

/** The display name of the account that last saved a report, for "entered by" beside its typed figures. */
export async function findUserName(executor: Executor, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  const rows = await executor.execute<{ display_name: string }>(sql`SELECT display_name FROM users WHERE id = ${userId}`);
  return rows.rows[0]?.display_name ?? null;
}
