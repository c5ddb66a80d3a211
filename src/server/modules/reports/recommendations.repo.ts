import { eq, sql } from 'drizzle-orm';
import { reportRecommendations } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import { withNextVersion } from '../../platform/db/versions';
import type { RecommendationKind, RecommendationStatus } from '../../../shared/contracts/reports';

/** At submission, an item without a due date must be answered within 30 days. */
export async function setDefaultDueDates(executor: Executor, answerId: number, dueOn: string): Promise<void> {
  await executor.execute(sql`UPDATE report_recommendations SET due_on = ${dueOn} WHERE answer_id = ${answerId} AND due_on IS NULL`);
}

export type RegisterRow = {
  id: number;
  kind: RecommendationKind;
  body: string;
  status: RecommendationStatus;
  answer: string | null;
  answered_at: Date | null;
  due_on: string | null;
  version: number;
  unit_id: number;
  unit_name: string;
  addressed_unit_id: number;
  addressed_name: string;
  request_title: string;
  answer_id: number;
};

/** Items of submitted reports, addressed to (or raised by) a subtree, within the actor's scope. */
export async function searchRegister(
  executor: Executor,
  filter: {
    unitPath: string;
    scope: string[];
    direction: 'addressed' | 'raised';
    status?: string;
    overdue: boolean;
    q?: string;
    today: string;
    page: number;
    pageSize: number;
  },
): Promise<{ items: RegisterRow[]; total: number }> {
  const side = filter.direction === 'addressed' ? sql`au` : sql`ru`;
  const where = sql.join(
    [
      sql`a.first_submitted_on IS NOT NULL`,
      sql`${side}.path <@ ${filter.unitPath}::ltree`,
      sql`${side}.path <@ ANY(${sql.param(filter.scope)}::ltree[])`,
      filter.status ? sql`i.status = ${filter.status}` : sql`TRUE`,
      filter.overdue ? sql`i.status IN ('received', 'in_progress') AND i.due_on < ${filter.today}` : sql`TRUE`,
      filter.q ? sql`i.search_text LIKE ${`%${filter.q}%`}` : sql`TRUE`,
    ],
    sql` AND `,
  );
  const from = sql`report_recommendations i JOIN report_answers a ON a.id = i.answer_id JOIN report_requests r ON r.id = a.request_id
    JOIN units ru ON ru.id = i.unit_id JOIN units au ON au.id = i.addressed_unit_id`;
  const total = await executor.execute<{ n: number }>(sql`SELECT count(*) AS n FROM ${from} WHERE ${where}`);
  const rows = await executor.execute<RegisterRow>(sql`
    SELECT i.id, i.kind, i.body, i.status, i.answer, i.answered_at, i.due_on::text, i.version, i.unit_id, ru.name AS unit_name,
      i.addressed_unit_id, au.name AS addressed_name, r.title AS request_title, i.answer_id
    FROM ${from} WHERE ${where}
    ORDER BY (i.status IN ('received', 'in_progress')) DESC, i.due_on NULLS LAST, i.id
    LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`);
  return {
    total: Number(total.rows[0]!.n),
    items: rows.rows.map((row) => ({
      ...row,
      id: Number(row.id),
      version: Number(row.version),
      unit_id: Number(row.unit_id),
      addressed_unit_id: Number(row.addressed_unit_id),
      answer_id: Number(row.answer_id),
    })),
  };
}

export async function findItem(executor: Executor, id: number) {
  const rows = await executor.execute<{ id: number; addressed_path: string; submitted: boolean }>(sql`
    SELECT i.id, au.path::text AS addressed_path, a.first_submitted_on IS NOT NULL AS submitted
    FROM report_recommendations i JOIN units au ON au.id = i.addressed_unit_id JOIN report_answers a ON a.id = i.answer_id
    WHERE i.id = ${id} FOR UPDATE OF i`);
  const found = rows.rows[0];
  if (!found) return undefined;
  const item = (await executor.select().from(reportRecommendations).where(eq(reportRecommendations.id, id)))[0]!;
  return { item, addressedPath: found.addressed_path, submitted: found.submitted };
}

export async function updateItem(executor: Executor, id: number, values: Partial<typeof reportRecommendations.$inferInsert>) {
  const rows = await executor
    .update(reportRecommendations)
    .set(withNextVersion(reportRecommendations, values))
    .where(eq(reportRecommendations.id, id))
    .returning();
  return rows[0]!;
}
