import { and, desc, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';

export type AuditRow = typeof auditLog.$inferSelect;

export type AuditSearch = {
  scope: string[];
  includeUnscoped: boolean;
  action?: string;
  entityType?: string;
  actor?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

export async function searchAudit(executor: Executor, search: AuditSearch) {
  const scoped = sql`(${auditLog.unitPath}::ltree <@ ANY(${sql.param(search.scope)}::ltree[]))`;
  const conditions: SQL[] = [
    search.includeUnscoped ? sql`(${auditLog.unitPath} IS NULL OR ${scoped})` : sql`(${auditLog.unitPath} IS NOT NULL AND ${scoped})`,
  ];
  if (search.action) conditions.push(sql`${auditLog.action} LIKE ${`${search.action}%`}`);
  if (search.entityType) conditions.push(sql`${auditLog.entityType} = ${search.entityType}`);
  // `actor` comes folded (no diacritics, lower case), so "dang van" finds "Đặng Văn".
  if (search.actor) conditions.push(sql`lower(unaccent(${auditLog.actorName})) LIKE ${`%${search.actor}%`}`);
  // Days are Vietnamese calendar days (UTC+7), whatever the database server's time zone.
  if (search.from) conditions.push(sql`${auditLog.at} >= ${`${search.from}T00:00:00+07:00`}::timestamptz`);
  if (search.to) conditions.push(sql`${auditLog.at} < ${`${search.to}T00:00:00+07:00`}::timestamptz + interval '1 day'`);
  const where = and(...conditions);
  const [total] = await executor
    .select({ value: sql<number>`count(*)` })
    .from(auditLog)
    .where(where);
  const items = await executor
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize);
  return { items, total: Number(total?.value ?? 0) };
}
