import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { studyTopics, units } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { TopicsQuery } from '../../../shared/contracts/programme';
import { levelCondition } from './levels.repo';
import { withNextVersion } from '../../platform/db/versions';

export type TopicRow = typeof studyTopics.$inferSelect;

const topicWithUnit = { topic: studyTopics, unitName: units.name, unitCode: units.code, unitPath: sql<string>`${units.path}::text` };
export type TopicWithUnit = { topic: TopicRow; unitName: string; unitCode: string; unitPath: string };

export async function findTopic(executor: Executor, id: number): Promise<TopicWithUnit | undefined> {
  const rows = await executor
    .select(topicWithUnit)
    .from(studyTopics)
    .innerJoin(units, eq(units.id, studyTopics.unitId))
    .where(and(eq(studyTopics.id, id), isNull(studyTopics.deletedAt)))
    .limit(1);
  return rows[0];
}

export async function lockTopic(executor: Executor, id: number): Promise<void> {
  await executor.execute(sql`SELECT id FROM study_topics WHERE id = ${id} FOR UPDATE`);
}

export async function insertTopic(executor: Executor, values: typeof studyTopics.$inferInsert): Promise<TopicRow> {
  const rows = await executor.insert(studyTopics).values(values).returning();
  return rows[0]!;
}

export async function updateTopic(executor: Executor, id: number, values: Partial<typeof studyTopics.$inferInsert>): Promise<TopicRow> {
  const rows = await executor.update(studyTopics).set(withNextVersion(studyTopics, values)).where(eq(studyTopics.id, id)).returning();
  return rows[0]!;
}

/** Topics studied in a unit in a year: its own and every ancestor's whose years include that year. */
export async function listApplicableTopicRows(executor: Executor, unitPath: string, year: number): Promise<TopicWithUnit[]> {
  return (
    executor
      .select(topicWithUnit)
      .from(studyTopics)
      .innerJoin(units, eq(units.id, studyTopics.unitId))
      .where(
        and(
          isNull(studyTopics.deletedAt),
          sql`${units.path} @> ${unitPath}::ltree`,
          sql`${studyTopics.fromYear} <= ${year} AND ${studyTopics.toYear} >= ${year}`,
        ),
      )
      // Highest level first (the Centre's or the province's topic), then the unit's own additions.
      .orderBy(asc(units.depth), asc(studyTopics.fromYear), asc(studyTopics.id))
  );
}

export type TopicSearch = Omit<TopicsQuery, 'unitId' | 'q' | 'applicable'> & { roots: string[]; q?: string };

export async function searchTopics(executor: Executor, search: TopicSearch) {
  const conditions: SQL[] = [isNull(studyTopics.deletedAt), levelCondition(sql`${units.path}`, search.roots, search.level)];
  if (search.q) conditions.push(sql`${studyTopics.searchText} LIKE ${`%${search.q}%`}`);
  if (search.year !== undefined)
    conditions.push(sql`${studyTopics.fromYear} <= ${search.year} AND ${studyTopics.toYear} >= ${search.year}`);
  const where = and(...conditions);
  const direction = search.order === 'asc' ? asc : desc;
  const orderBy =
    search.sort === 'unit'
      ? [direction(units.depth), direction(sql`${units.sortKey} COLLATE "C"`)]
      : search.sort === 'createdAt'
        ? [direction(studyTopics.createdAt)]
        : [direction(studyTopics.fromYear), direction(studyTopics.toYear), asc(units.depth)];
  const [total] = await executor
    .select({ value: sql<number>`count(*)` })
    .from(studyTopics)
    .innerJoin(units, eq(units.id, studyTopics.unitId))
    .where(where);
  const items = await executor
    .select(topicWithUnit)
    .from(studyTopics)
    .innerJoin(units, eq(units.id, studyTopics.unitId))
    .where(where)
    .orderBy(...orderBy, desc(studyTopics.id))
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize);
  return { items, total: Number(total?.value ?? 0) };
}
