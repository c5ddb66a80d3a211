import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { legalBases, plans, units } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { PlansQuery } from '../../../shared/contracts/programme';
import { levelCondition } from './levels.repo';
import { withNextVersion } from '../../platform/db/versions';

export type PlanRow = typeof plans.$inferSelect;
export type LegalBasisRow = typeof legalBases.$inferSelect;

const planWithUnit = { plan: plans, unitName: units.name, unitCode: units.code, unitPath: sql<string>`${units.path}::text` };
export type PlanWithUnit = { plan: PlanRow; unitName: string; unitCode: string; unitPath: string };

export async function findPlan(executor: Executor, id: number): Promise<PlanWithUnit | undefined> {
  const rows = await executor
    .select(planWithUnit)
    .from(plans)
    .innerJoin(units, eq(units.id, plans.unitId))
    .where(and(eq(plans.id, id), isNull(plans.deletedAt)))
    .limit(1);
  return rows[0];
}

export async function lockPlan(executor: Executor, id: number): Promise<void> {
  await executor.execute(sql`SELECT id FROM plans WHERE id = ${id} FOR UPDATE`);
}

/** Any plan of the unit with that number, deleted ones included: the number stays taken. */
export async function findPlanByNumber(executor: Executor, unitId: number, numberSymbol: string) {
  const rows = await executor
    .select()
    .from(plans)
    .where(and(eq(plans.unitId, unitId), sql`lower(${plans.numberSymbol}) = lower(${numberSymbol})`))
    .limit(1);
  return rows[0];
}

export async function insertPlan(executor: Executor, values: typeof plans.$inferInsert): Promise<PlanRow> {
  const rows = await executor.insert(plans).values(values).returning();
  return rows[0]!;
}

export async function updatePlan(executor: Executor, id: number, values: Partial<typeof plans.$inferInsert>): Promise<PlanRow> {
  const rows = await executor.update(plans).set(withNextVersion(plans, values)).where(eq(plans.id, id)).returning();
  return rows[0]!;
}

export type PlanSearch = Omit<PlansQuery, 'unitId' | 'q'> & { roots: string[]; q?: string };

export async function searchPlans(executor: Executor, search: PlanSearch) {
  const conditions: SQL[] = [isNull(plans.deletedAt), levelCondition(sql`${units.path}`, search.roots, search.level)];
  if (search.q) conditions.push(sql`${plans.searchText} LIKE ${`%${search.q}%`}`);
  if (search.year !== undefined) conditions.push(sql`${plans.fromYear} <= ${search.year} AND ${plans.toYear} >= ${search.year}`);
  const where = and(...conditions);
  const direction = search.order === 'asc' ? asc : desc;
  const orderBy =
    search.sort === 'year'
      ? [direction(plans.fromYear), direction(plans.toYear), desc(plans.issuedOn)]
      : search.sort === 'unit'
        ? [direction(units.depth), direction(sql`${units.sortKey} COLLATE "C"`), desc(plans.issuedOn)]
        : [direction(plans.issuedOn)];
  const [total] = await executor
    .select({ value: sql<number>`count(*)` })
    .from(plans)
    .innerJoin(units, eq(units.id, plans.unitId))
    .where(where);
  const items = await executor
    .select(planWithUnit)
    .from(plans)
    .innerJoin(units, eq(units.id, plans.unitId))
    .where(where)
    .orderBy(...orderBy, desc(plans.id))
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize);
  return { items, total: Number(total?.value ?? 0) };
}

export async function listLegalBases(executor: Executor, includeInactive: boolean): Promise<LegalBasisRow[]> {
  return executor
    .select()
    .from(legalBases)
    .where(includeInactive ? undefined : eq(legalBases.isActive, true))
    .orderBy(asc(legalBases.issuedOn), asc(legalBases.id));
}

export async function findLegalBasesByIds(executor: Executor, ids: number[]): Promise<LegalBasisRow[]> {
  if (ids.length === 0) return [];
  return executor.select().from(legalBases).where(inArray(legalBases.id, ids));
}

export async function findLegalBasisBySymbol(executor: Executor, symbol: string) {
  const rows = await executor
    .select()
    .from(legalBases)
    .where(sql`lower(${legalBases.symbol}) = lower(${symbol})`)
    .limit(1);
  return rows[0];
}

export async function insertLegalBasis(executor: Executor, values: typeof legalBases.$inferInsert): Promise<LegalBasisRow> {
  const rows = await executor.insert(legalBases).values(values).returning();
  return rows[0]!;
}

export async function updateLegalBasis(executor: Executor, id: number, values: Partial<typeof legalBases.$inferInsert>) {
  const rows = await executor.update(legalBases).set(values).where(eq(legalBases.id, id)).returning();
  return rows[0];
}
