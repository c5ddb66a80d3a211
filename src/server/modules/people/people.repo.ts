import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { memberships, personCategoryChanges, persons, units } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import { withNextVersion } from '../../platform/db/versions';
import type { PersonCategory } from '../../../shared/contracts/domain';

export type PersonRow = typeof persons.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

export async function findPersonById(executor: Executor, id: number): Promise<PersonRow | undefined> {
  const rows = await executor.select().from(persons).where(eq(persons.id, id)).limit(1);
  return rows[0];
}

export async function findPersonByCardNumber(executor: Executor, cardNumber: string) {
  const rows = await executor.select().from(persons).where(eq(persons.cardNumber, cardNumber)).limit(1);
  return rows[0];
}

export async function findPersonByIdNumber(executor: Executor, idNumber: string) {
  const rows = await executor.select().from(persons).where(eq(persons.idNumber, idNumber)).limit(1);
  return rows[0];
}

export async function insertPerson(executor: Executor, values: typeof persons.$inferInsert): Promise<PersonRow> {
  const rows = await executor.insert(persons).values(values).returning();
  return rows[0]!;
}

export async function updatePerson(executor: Executor, id: number, values: Partial<typeof persons.$inferInsert>): Promise<PersonRow> {
  const rows = await executor.update(persons).set(withNextVersion(persons, values)).where(eq(persons.id, id)).returning();
  return rows[0]!;
}

/** Keeps a change of category with its day, for the lists of the days before it. */
export async function insertCategoryChange(
  executor: Executor,
  change: { personId: number; changedOn: string; fromCategory: PersonCategory; toCategory: PersonCategory },
): Promise<void> {
  await executor.insert(personCategoryChanges).values(change);
}

export async function lockPerson(executor: Executor, id: number): Promise<void> {
  await executor.execute(sql`SELECT id FROM persons WHERE id = ${id} FOR UPDATE`);
}

/** The membership counted in figures: primary and not ended. */
export async function findActivePrimaryMembership(executor: Executor, personId: number) {
  const rows = await executor
    .select({ membership: memberships, unitPath: units.path, unitName: units.name, unitCode: units.code })
    .from(memberships)
    .innerJoin(units, eq(units.id, memberships.unitId))
    .where(and(eq(memberships.personId, personId), eq(memberships.isPrimary, true), isNull(memberships.toDate)))
    .limit(1);
  return rows[0];
}

export async function insertMembership(executor: Executor, values: typeof memberships.$inferInsert): Promise<MembershipRow> {
  const rows = await executor.insert(memberships).values(values).returning();
  return rows[0]!;
}

export async function endMembership(executor: Executor, id: number, toDate: string): Promise<void> {
  await executor.update(memberships).set({ toDate }).where(eq(memberships.id, id));
}

export async function updateMembership(executor: Executor, id: number, values: Partial<typeof memberships.$inferInsert>) {
  await executor.update(memberships).set(values).where(eq(memberships.id, id));
}

export async function listMembershipsOfPerson(executor: Executor, personId: number) {
  return executor
    .select({ membership: memberships, unitName: units.name, unitCode: units.code, unitPath: units.path })
    .from(memberships)
    .innerJoin(units, eq(units.id, memberships.unitId))
    .where(eq(memberships.personId, personId))
    .orderBy(desc(memberships.fromDate), desc(memberships.id));
}

export async function countActiveMembers(executor: Executor, unitId: number): Promise<number> {
  const rows = await executor.execute<{ value: number }>(sql`
    SELECT count(*) AS value FROM memberships WHERE unit_id = ${unitId} AND to_date IS NULL AND is_primary`);
  return Number(rows.rows[0]?.value ?? 0);
}

export async function listActivePrimaryMemberships(executor: Executor, unitId: number) {
  return executor
    .select({ membership: memberships, category: persons.category })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(and(eq(memberships.unitId, unitId), eq(memberships.isPrimary, true), isNull(memberships.toDate)));
}

export type PeopleSearch = {
  scope: string[];
  /** Where the actor may also find people by card number. */
  personalScope: string[];
  unitPath?: string;
  includeSubtree: boolean;
  q?: string;
  category?: PersonCategory;
  asOf?: string;
  sort: 'name' | 'birthDate' | 'unit';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

/** People through their primary membership (current, or the one held on `asOf`), inside the scope. */
export async function searchPeople(executor: Executor, search: PeopleSearch) {
  const conditions: SQL[] = [sql`${units.path} <@ ANY(${sql.param(search.scope)}::ltree[])`, eq(memberships.isPrimary, true)];
  if (search.asOf) {
    conditions.push(
      sql`${memberships.fromDate} <= ${search.asOf} AND (${memberships.toDate} IS NULL OR ${memberships.toDate} > ${search.asOf})`,
    );
  } else {
    conditions.push(isNull(memberships.toDate));
  }
  if (search.unitPath) {
    conditions.push(
      search.includeSubtree ? sql`${units.path} <@ ${search.unitPath}::ltree` : sql`${units.path} = ${search.unitPath}::ltree`,
    );
  }
  if (search.q) {
    const byCard =
      /^\d{4,12}$/.test(search.q) && search.personalScope.length > 0
        ? sql` OR (${persons.cardNumber} LIKE ${`${search.q}%`} AND ${units.path} <@ ANY(${sql.param(search.personalScope)}::ltree[]))`
        : sql``;
    conditions.push(sql`(${persons.searchText} LIKE ${`%${search.q}%`}${byCard})`);
  }
  if (search.category) conditions.push(eq(persons.category, search.category));
  const where = and(...conditions);
  const direction = search.order === 'desc' ? desc : asc;
  // Sort keys encode Vietnamese order in their bytes: compared under a linguistic collation (a
  // server's default such as en_US.UTF-8), punctuation in them is skipped and the order breaks.
  const personKey = sql`${persons.sortKey} COLLATE "C"`;
  const unitKey = sql`${units.sortKey} COLLATE "C"`;
  const orderBy =
    search.sort === 'birthDate'
      ? [direction(persons.birthDate), asc(personKey)]
      : search.sort === 'unit'
        ? [direction(unitKey), asc(personKey)]
        : [direction(personKey), asc(persons.id)];
  const base = executor
    .select({ person: persons, membership: memberships, unitName: units.name, unitCode: units.code, unitPath: units.path })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(units, eq(units.id, memberships.unitId))
    .where(where);
  const [total] = await executor
    .select({ value: sql<number>`count(*)` })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(units, eq(units.id, memberships.unitId))
    .where(where);
  const items = await base
    .orderBy(...orderBy)
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize);
  return { items, total: Number(total?.value ?? 0) };
}
