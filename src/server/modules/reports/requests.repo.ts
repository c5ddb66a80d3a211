import { eq, sql } from 'drizzle-orm';
import { reportRequests, reportTemplates } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { ReportAudience, ReportKind, RequestAudience } from '../../../shared/contracts/reports';
import type { ReportContent } from '../../db/schema/reports';
import { listSubtreeOn } from '../units/index';
import { withNextVersion } from '../../platform/db/versions';

export type RequestRow = typeof reportRequests.$inferSelect;
export type RequestWithUnit = { request: RequestRow; unitPath: string; unitName: string; unitCode: string; parentName: string | null };

/** Kinds of units that answer a request sent "to every grassroots unit of the subtree". */
export const GRASSROOTS_KINDS = ['commune_committee', 'grassroots_committee', 'grassroots_cell'] as const;

export async function insertRequest(executor: Executor, values: typeof reportRequests.$inferInsert): Promise<RequestRow> {
  return (await executor.insert(reportRequests).values(values).returning())[0]!;
}

export async function updateRequest(
  executor: Executor,
  id: number,
  values: Partial<typeof reportRequests.$inferInsert>,
): Promise<RequestRow> {
  const rows = await executor
    .update(reportRequests)
    .set(withNextVersion(reportRequests, values))
    .where(eq(reportRequests.id, id))
    .returning();
  return rows[0]!;
}

export async function findRequest(executor: Executor, id: number, forUpdate = false): Promise<RequestWithUnit | undefined> {
  const lock = forUpdate ? sql` FOR UPDATE OF r` : sql``;
  const rows = await executor.execute<{ unit_path: string; unit_name: string; unit_code: string; parent_name: string | null }>(sql`
    SELECT u.path::text AS unit_path, u.name AS unit_name, u.code AS unit_code, p.name AS parent_name
    FROM report_requests r JOIN units u ON u.id = r.unit_id LEFT JOIN units p ON p.id = u.parent_id
    WHERE r.id = ${id}${lock}`);
  const found = rows.rows[0];
  if (!found) return undefined;
  const request = (await executor.select().from(reportRequests).where(eq(reportRequests.id, id)).limit(1))[0]!;
  return { request, unitPath: found.unit_path, unitName: found.unit_name, unitCode: found.unit_code, parentName: found.parent_name };
}

/**
 * The units that must answer, chosen once when the request is issued: those in force at the end of
 * the period, or on the day it is issued if that comes first. A 2012 briefing typed in today goes
 * to the districts of 2012, not to today's communes.
 */
export async function listAudienceUnitIds(
  executor: Executor,
  unit: { id: number },
  audience: ReportAudience,
  day: string,
): Promise<number[]> {
  const kinds: readonly string[] = audience === 'communes' ? ['commune_committee'] : GRASSROOTS_KINDS;
  const below = await listSubtreeOn(executor, unit.id, day, audience === 'children' ? 1 : undefined);
  const chosen = audience === 'children' ? below : below.filter((entry) => kinds.includes(entry.kind));
  return chosen.map((entry) => entry.id);
}

/** A request as the list shows it, with its counts of expected, submitted, accepted and on-time reports. */
export type RequestListRow = Pick<
  RequestRow,
  'id' | 'unitId' | 'kind' | 'title' | 'periodFrom' | 'periodTo' | 'deadline' | 'audience' | 'version'
> & {
  unitName: string;
  expected: number;
  submitted: number;
  accepted: number;
  onTime: number;
};

export async function searchRequests(
  executor: Executor,
  filter: { unitPath: string; scope: string[]; q?: string; kind?: ReportKind; year?: number; page: number; pageSize: number },
): Promise<{ items: RequestListRow[]; total: number }> {
  const where = sql.join(
    [
      sql`u.path <@ ${filter.unitPath}::ltree`,
      sql`u.path <@ ANY(${sql.param(filter.scope)}::ltree[])`,
      filter.q ? sql`r.search_text LIKE ${`%${filter.q}%`}` : sql`TRUE`,
      filter.kind ? sql`r.kind = ${filter.kind}` : sql`TRUE`,
      filter.year ? sql`EXTRACT(YEAR FROM r.period_to) = ${filter.year}` : sql`TRUE`,
    ],
    sql` AND `,
  );
  const total = await executor.execute<{ n: number }>(
    sql`SELECT count(*) AS n FROM report_requests r JOIN units u ON u.id = r.unit_id WHERE ${where}`,
  );
  const rows = await executor.execute<{
    id: number;
    unit_id: number;
    unit_name: string;
    kind: ReportKind;
    title: string;
    period_from: string;
    period_to: string;
    deadline: string;
    audience: RequestAudience;
    version: number;
    expected: number;
    submitted: number;
    accepted: number;
    on_time: number;
  }>(sql`
    SELECT r.id, r.unit_id, u.name AS unit_name, r.kind, r.title, r.period_from::text, r.period_to::text, r.deadline::text, r.audience, r.version,
      (SELECT count(*) FROM report_answers a WHERE a.request_id = r.id) AS expected,
      (SELECT count(*) FROM report_answers a WHERE a.request_id = r.id AND a.first_submitted_on IS NOT NULL) AS submitted,
      (SELECT count(*) FROM report_answers a WHERE a.request_id = r.id AND a.status = 'accepted') AS accepted,
      (SELECT count(*) FROM report_answers a WHERE a.request_id = r.id AND a.on_time) AS on_time
    FROM report_requests r JOIN units u ON u.id = r.unit_id
    WHERE ${where}
    ORDER BY r.deadline DESC, r.id DESC
    LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`);
  return {
    total: Number(total.rows[0]!.n),
    items: rows.rows.map((row) => ({
      id: Number(row.id),
      unitId: Number(row.unit_id),
      unitName: String(row.unit_name),
      kind: row.kind,
      title: String(row.title),
      periodFrom: String(row.period_from),
      periodTo: String(row.period_to),
      deadline: String(row.deadline),
      audience: row.audience,
      version: Number(row.version),
      expected: Number(row.expected),
      submitted: Number(row.submitted),
      accepted: Number(row.accepted),
      onTime: Number(row.on_time),
    })),
  };
}

export async function listTemplates(executor: Executor, unitPath: string) {
  const rows = await executor.execute<{
    id: number;
    unit_id: number;
    unit_name: string;
    name: string;
    kind: ReportKind;
    content: ReportContent;
  }>(sql`
    SELECT t.id, t.unit_id, u.name AS unit_name, t.name, t.kind, t.content
    FROM report_templates t JOIN units u ON u.id = t.unit_id
    WHERE u.path @> ${unitPath}::ltree ORDER BY t.name, t.id`);
  return rows.rows.map((row) => ({ ...row, id: Number(row.id), unit_id: Number(row.unit_id) }));
}

export async function insertTemplate(executor: Executor, values: typeof reportTemplates.$inferInsert) {
  return (await executor.insert(reportTemplates).values(values).returning())[0]!;
}

export async function findTemplate(executor: Executor, id: number) {
  const rows = await executor.execute<{ id: number; unit_id: number; unit_path: string; name: string }>(sql`
    SELECT t.id, t.unit_id, u.path::text AS unit_path, t.name FROM report_templates t JOIN units u ON u.id = t.unit_id WHERE t.id = ${id}`);
  return rows.rows[0];
}

export async function deleteTemplate(executor: Executor, id: number) {
  await executor.delete(reportTemplates).where(eq(reportTemplates.id, id));
}
