import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { breakthroughContents, breakthroughDoneSpans, breakthroughUpdates, units } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { BreakthroughsQuery } from '../../../shared/contracts/programme';
import { levelCondition } from './levels.repo';
import { withNextVersion } from '../../platform/db/versions';

export type BreakthroughRow = typeof breakthroughContents.$inferSelect;
export type BreakthroughUpdateRow = typeof breakthroughUpdates.$inferSelect;

const owners = alias(units, 'owner_units');
const contentWithUnits = {
  content: breakthroughContents,
  unitName: units.name,
  unitCode: units.code,
  unitPath: sql<string>`${units.path}::text`,
  ownerName: owners.name,
  ownerPath: sql<string>`${owners.path}::text`,
};
export type BreakthroughWithUnits = {
  content: BreakthroughRow;
  unitName: string;
  unitCode: string;
  unitPath: string;
  ownerName: string;
  ownerPath: string;
};

function selectWithUnits(executor: Executor) {
  return executor
    .select(contentWithUnits)
    .from(breakthroughContents)
    .innerJoin(units, eq(units.id, breakthroughContents.unitId))
    .innerJoin(owners, eq(owners.id, breakthroughContents.ownerUnitId));
}

export async function findBreakthrough(executor: Executor, id: number): Promise<BreakthroughWithUnits | undefined> {
  const rows = await selectWithUnits(executor)
    .where(and(eq(breakthroughContents.id, id), isNull(breakthroughContents.deletedAt)))
    .limit(1);
  return rows[0];
}

export async function lockBreakthrough(executor: Executor, id: number): Promise<void> {
  await executor.execute(sql`SELECT id FROM breakthrough_contents WHERE id = ${id} FOR UPDATE`);
}

export async function insertBreakthrough(executor: Executor, values: typeof breakthroughContents.$inferInsert): Promise<BreakthroughRow> {
  const rows = await executor.insert(breakthroughContents).values(values).returning();
  return rows[0]!;
}

export async function updateBreakthrough(
  executor: Executor,
  id: number,
  values: Partial<typeof breakthroughContents.$inferInsert>,
): Promise<BreakthroughRow> {
  const rows = await executor
    .update(breakthroughContents)
    .set(withNextVersion(breakthroughContents, values))
    .where(eq(breakthroughContents.id, id))
    .returning();
  return rows[0]!;
}

/** A content counts as done from `day` (its completion day) until a span is closed. */
export async function openDoneSpan(executor: Executor, contentId: number, day: string): Promise<void> {
  await executor.insert(breakthroughDoneSpans).values({ contentId, doneFrom: day });
}

/** It stops counting as done on `day` (reopened or deleted). */
export async function closeDoneSpan(executor: Executor, contentId: number, day: string): Promise<void> {
  await executor
    .update(breakthroughDoneSpans)
    .set({ doneUntil: day })
    .where(and(eq(breakthroughDoneSpans.contentId, contentId), isNull(breakthroughDoneSpans.doneUntil)));
}

/** The live adoption of a content by one unit, if any (one per unit). */
export async function findAdoption(executor: Executor, sourceId: number, unitId: number) {
  const rows = await executor
    .select({ id: breakthroughContents.id })
    .from(breakthroughContents)
    .where(
      and(
        eq(breakthroughContents.adoptedFromId, sourceId),
        eq(breakthroughContents.unitId, unitId),
        isNull(breakthroughContents.deletedAt),
      ),
    )
    .limit(1);
  return rows[0];
}

/** How many units adopted each content, and how many of those copies are done. */
export async function countAdoptions(executor: Executor, sourceIds: number[]) {
  const result = new Map<number, { adopted: number; done: number }>();
  if (sourceIds.length === 0) return result;
  const rows = await executor
    .select({
      sourceId: breakthroughContents.adoptedFromId,
      adopted: sql<number>`count(*)`,
      done: sql<number>`count(*) FILTER (WHERE ${breakthroughContents.status} = 'done')`,
    })
    .from(breakthroughContents)
    .where(and(inArray(breakthroughContents.adoptedFromId, sourceIds), isNull(breakthroughContents.deletedAt)))
    .groupBy(breakthroughContents.adoptedFromId);
  for (const row of rows) result.set(Number(row.sourceId), { adopted: Number(row.adopted), done: Number(row.done) });
  return result;
}

/** The live copies of a content, only in the subtrees the reader may see, highest units first. */
export async function listAdoptionsInScope(executor: Executor, sourceId: number, scope: string[]) {
  if (scope.length === 0) return [];
  return executor
    .select({
      id: breakthroughContents.id,
      unitId: breakthroughContents.unitId,
      unitName: units.name,
      status: breakthroughContents.status,
      progressPercent: breakthroughContents.progressPercent,
      completedOn: breakthroughContents.completedOn,
      deadline: breakthroughContents.deadline,
    })
    .from(breakthroughContents)
    .innerJoin(units, eq(units.id, breakthroughContents.unitId))
    .where(
      and(
        eq(breakthroughContents.adoptedFromId, sourceId),
        isNull(breakthroughContents.deletedAt),
        sql`${units.path} <@ ANY(${sql.param(scope)}::ltree[])`,
      ),
    )
    .orderBy(asc(units.depth), asc(sql`${units.sortKey} COLLATE "C"`));
}

export async function findSources(executor: Executor, ids: number[]) {
  if (ids.length === 0) return new Map<number, { id: number; title: string; unitName: string; deleted: boolean }>();
  const rows = await executor
    .select({
      id: breakthroughContents.id,
      title: breakthroughContents.title,
      unitName: units.name,
      deletedAt: breakthroughContents.deletedAt,
    })
    .from(breakthroughContents)
    .innerJoin(units, eq(units.id, breakthroughContents.unitId))
    .where(inArray(breakthroughContents.id, ids));
  return new Map(rows.map((row) => [row.id, { id: row.id, title: row.title, unitName: row.unitName, deleted: row.deletedAt !== null }]));
}

export async function insertUpdate(executor: Executor, values: typeof breakthroughUpdates.$inferInsert): Promise<BreakthroughUpdateRow> {
  const rows = await executor.insert(breakthroughUpdates).values(values).returning();
  return rows[0]!;
}

export async function listUpdates(executor: Executor, breakthroughId: number): Promise<BreakthroughUpdateRow[]> {
  return executor
    .select()
    .from(breakthroughUpdates)
    .where(eq(breakthroughUpdates.breakthroughId, breakthroughId))
    .orderBy(desc(breakthroughUpdates.reportedOn), desc(breakthroughUpdates.id));
}

export type BreakthroughSearch = Omit<BreakthroughsQuery, 'unitId' | 'q'> & { roots: string[]; q?: string };

function searchConditions(search: Omit<BreakthroughSearch, 'page' | 'pageSize' | 'sort' | 'order'>): SQL | undefined {
  const conditions: SQL[] = [isNull(breakthroughContents.deletedAt), levelCondition(sql`${units.path}`, search.roots, search.level)];
  if (search.q) conditions.push(sql`${breakthroughContents.searchText} LIKE ${`%${search.q}%`}`);
  if (search.year !== undefined) conditions.push(eq(breakthroughContents.year, search.year));
  if (search.status) conditions.push(eq(breakthroughContents.status, search.status));
  return and(...conditions);
}

export async function searchBreakthroughs(executor: Executor, search: BreakthroughSearch) {
  const where = searchConditions(search);
  const direction = search.order === 'desc' ? desc : asc;
  const orderBy =
    search.sort === 'year'
      ? [direction(breakthroughContents.year), asc(breakthroughContents.deadline)]
      : search.sort === 'progress'
        ? [direction(breakthroughContents.progressPercent), asc(breakthroughContents.deadline)]
        : search.sort === 'unit'
          ? [direction(units.depth), direction(sql`${units.sortKey} COLLATE "C"`), asc(breakthroughContents.deadline)]
          : [direction(breakthroughContents.deadline)];
  const [total] = await executor
    .select({ value: sql<number>`count(*)` })
    .from(breakthroughContents)
    .innerJoin(units, eq(units.id, breakthroughContents.unitId))
    .where(where);
  const items = await selectWithUnits(executor)
    .where(where)
    .orderBy(...orderBy, asc(breakthroughContents.id))
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize);
  return { items, total: Number(total?.value ?? 0) };
}

/** Every match, for the Excel export (bounded by the caller). */
export async function listBreakthroughsForExport(executor: Executor, search: Omit<BreakthroughSearch, 'page' | 'pageSize'>, limit: number) {
  return selectWithUnits(executor)
    .where(searchConditions(search))
    .orderBy(asc(units.depth), asc(sql`${units.sortKey} COLLATE "C"`), asc(breakthroughContents.deadline), asc(breakthroughContents.id))
    .limit(limit);
}

/** Breakthrough contents by id with where they were issued, deleted ones included (a record naming one keeps its title). */
export async function findBreakthroughsByIds(executor: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return executor
    .select({
      id: breakthroughContents.id,
      title: breakthroughContents.title,
      year: breakthroughContents.year,
      unitPath: sql<string>`${units.path}::text`,
      deletedAt: breakthroughContents.deletedAt,
    })
    .from(breakthroughContents)
    .innerJoin(units, eq(units.id, breakthroughContents.unitId))
    .where(inArray(breakthroughContents.id, ids));
}
