import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { ethicsStandards, standardSigns } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { OverviewFilter, StandardsOverviewItem } from '../../../shared/contracts/standards';
import type { UnitKind } from '../../../shared/contracts/domain';
import { withNextVersion } from '../../platform/db/versions';

export type StandardRow = typeof ethicsStandards.$inferSelect;
export type SignRow = typeof standardSigns.$inferSelect;

/** Serialises every write on one unit's standards and sign (version numbers, one draft, one current). */
export async function lockUnit(executor: Executor, unitId: number): Promise<void> {
  await executor.execute(sql`SELECT id FROM units WHERE id = ${unitId} FOR UPDATE`);
}

export async function findStandardById(executor: Executor, id: number): Promise<StandardRow | undefined> {
  const rows = await executor.select().from(ethicsStandards).where(eq(ethicsStandards.id, id)).limit(1);
  return rows[0];
}

/** Every version of a unit's standards, newest first. */
export async function listStandardsOfUnit(executor: Executor, unitId: number): Promise<StandardRow[]> {
  return executor.select().from(ethicsStandards).where(eq(ethicsStandards.unitId, unitId)).orderBy(desc(ethicsStandards.versionNumber));
}

export async function findStandardByStatus(
  executor: Executor,
  unitId: number,
  status: 'draft' | 'adopted',
): Promise<StandardRow | undefined> {
  const rows = await executor
    .select()
    .from(ethicsStandards)
    .where(and(eq(ethicsStandards.unitId, unitId), eq(ethicsStandards.status, status)))
    .limit(1);
  return rows[0];
}

export async function findNextVersionNumber(executor: Executor, unitId: number): Promise<number> {
  const rows = await executor.execute<{ next: number }>(
    sql`SELECT COALESCE(MAX(version_number), 0) + 1 AS next FROM ethics_standards WHERE unit_id = ${unitId}`,
  );
  return Number(rows.rows[0]?.next ?? 1);
}

/** Whether the unit ever adopted standards: only the first adoption counts in the figures. */
export async function hasEverAdopted(executor: Executor, unitId: number): Promise<boolean> {
  const rows = await executor.execute<{ found: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM ethics_standards WHERE unit_id = ${unitId} AND adopted_on IS NOT NULL) AS found`,
  );
  return Boolean(rows.rows[0]?.found);
}

export async function findFirstAdoptedOn(executor: Executor, unitId: number): Promise<string | null> {
  const rows = await executor.execute<{ first: string | null }>(
    sql`SELECT MIN(adopted_on)::text AS first FROM ethics_standards WHERE unit_id = ${unitId}`,
  );
  return rows.rows[0]?.first ?? null;
}

export async function insertStandard(executor: Executor, values: typeof ethicsStandards.$inferInsert): Promise<StandardRow> {
  const rows = await executor.insert(ethicsStandards).values(values).returning();
  return rows[0]!;
}

export async function updateStandard(
  executor: Executor,
  id: number,
  values: Partial<typeof ethicsStandards.$inferInsert>,
): Promise<StandardRow> {
  const rows = await executor
    .update(ethicsStandards)
    .set(withNextVersion(ethicsStandards, values))
    .where(eq(ethicsStandards.id, id))
    .returning();
  return rows[0]!;
}

export async function deleteStandard(executor: Executor, id: number): Promise<void> {
  await executor.delete(ethicsStandards).where(eq(ethicsStandards.id, id));
}

export async function findSign(executor: Executor, unitId: number): Promise<SignRow | undefined> {
  const rows = await executor.select().from(standardSigns).where(eq(standardSigns.unitId, unitId)).limit(1);
  return rows[0];
}

export async function insertSign(executor: Executor, values: typeof standardSigns.$inferInsert): Promise<SignRow> {
  const rows = await executor.insert(standardSigns).values(values).returning();
  return rows[0]!;
}

export async function updateSign(executor: Executor, unitId: number, values: Partial<typeof standardSigns.$inferInsert>): Promise<SignRow> {
  const rows = await executor
    .update(standardSigns)
    .set(withNextVersion(standardSigns, values))
    .where(eq(standardSigns.unitId, unitId))
    .returning();
  return rows[0]!;
}

export async function deleteSign(executor: Executor, unitId: number): Promise<void> {
  await executor.delete(standardSigns).where(eq(standardSigns.unitId, unitId));
}

export type OverviewSearch = {
  unitPath: string;
  scope: string[];
  kinds: readonly string[];
  q?: string;
  filter: OverviewFilter;
  sort: 'name' | 'adoptedOn' | 'postedOn';
  order: 'asc' | 'desc';
  /** Without paging, every matching row (the Excel export). */
  page?: number;
  pageSize?: number;
};

/** A row of the overview is sent as it is. */
export type OverviewRow = StandardsOverviewItem;

const FILTERS: Record<OverviewFilter, SQL> = {
  all: sql`TRUE`,
  not_adopted: sql`cur.id IS NULL`,
  adopted: sql`cur.id IS NOT NULL`,
  no_sign: sql`s.unit_id IS NULL`,
  signed: sql`s.unit_id IS NOT NULL`,
};

/**
 * Open standard-keeping units of a subtree with their current standards and sign. The counts cover
 * the whole subtree (before search and filter), so the page can say "12 of 40 adopted".
 */
export async function searchOverview(executor: Executor, search: OverviewSearch) {
  const base = sql`
    FROM units u
    LEFT JOIN units p ON p.id = u.parent_id
    LEFT JOIN ethics_standards cur ON cur.unit_id = u.id AND cur.status = 'adopted'
    LEFT JOIN standard_signs s ON s.unit_id = u.id
    WHERE u.path <@ ${search.unitPath}::ltree
      AND u.path <@ ANY(${sql.param(search.scope)}::ltree[])
      AND u.valid_to IS NULL
      AND u.kind = ANY(${sql.param([...search.kinds])}::text[])`;
  const narrowed = sql`${base} AND ${FILTERS[search.filter]}${search.q ? sql` AND u.search_text LIKE ${`%${search.q}%`}` : sql``}`;
  const direction = search.order === 'desc' ? sql`DESC` : sql`ASC`;
  // Units without a date sort last either way; the name keeps the order stable.
  const orderBy =
    search.sort === 'adoptedOn'
      ? sql`cur.adopted_on ${direction} NULLS LAST, u.sort_key COLLATE "C", u.id`
      : search.sort === 'postedOn'
        ? sql`s.posted_on ${direction} NULLS LAST, u.sort_key COLLATE "C", u.id`
        : sql`u.sort_key COLLATE "C" ${direction}, u.id`;
  const paging = search.page && search.pageSize ? sql`LIMIT ${search.pageSize} OFFSET ${(search.page - 1) * search.pageSize}` : sql``;
  const rows = await executor.execute<{
    id: number;
    code: string;
    name: string;
    kind: UnitKind;
    path: string;
    parent_name: string | null;
    version_number: number | null;
    adopted_on: string | null;
    first_adopted_on: string | null;
    has_draft: boolean;
    posted_on: string | null;
    location: string | null;
    has_photo: boolean;
  }>(sql`
    SELECT u.id, u.code, u.name, u.kind, u.path::text AS path, p.name AS parent_name, cur.version_number, cur.adopted_on::text AS adopted_on,
      (SELECT MIN(e.adopted_on)::text FROM ethics_standards e WHERE e.unit_id = u.id) AS first_adopted_on,
      EXISTS (SELECT 1 FROM ethics_standards d WHERE d.unit_id = u.id AND d.status = 'draft') AS has_draft,
      s.posted_on::text AS posted_on, s.location, (s.photo_file_id IS NOT NULL) AS has_photo
    ${narrowed}
    ORDER BY ${orderBy}
    ${paging}`);
  const counts = await executor.execute<{ total: number; adopted: number; signed: number; matching: number }>(sql`
    SELECT count(*) AS total, count(cur.id) AS adopted, count(s.unit_id) AS signed,
      count(*) FILTER (WHERE ${FILTERS[search.filter]}${search.q ? sql` AND u.search_text LIKE ${`%${search.q}%`}` : sql``}) AS matching
    ${base}`);
  const count = counts.rows[0];
  const items: OverviewRow[] = rows.rows.map((row) => ({
    id: Number(row.id),
    code: row.code,
    name: row.name,
    kind: row.kind,
    path: row.path,
    parentName: row.parent_name,
    versionNumber: row.version_number === null ? null : Number(row.version_number),
    adoptedOn: row.adopted_on,
    firstAdoptedOn: row.first_adopted_on,
    hasDraft: Boolean(row.has_draft),
    postedOn: row.posted_on,
    location: row.location,
    hasPhoto: Boolean(row.has_photo),
  }));
  return {
    items,
    total: Number(count?.matching ?? 0),
    summary: { units: Number(count?.total ?? 0), adopted: Number(count?.adopted ?? 0), signed: Number(count?.signed ?? 0) },
  };
}

export type BulkUnitRow = {
  id: number;
  name: string;
  kind: string;
  path: string;
  validFrom: string;
  validTo: string | null;
  hasStandards: boolean;
  hasSign: boolean;
};

/** The units of a batch, locked as `lockUnit` does, with whether each already has standards or a sign. */
export async function lockUnitsForBulk(executor: Executor, unitIds: number[]): Promise<BulkUnitRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await executor.execute<{
    id: number;
    name: string;
    kind: string;
    path: string;
    valid_from: string;
    valid_to: string | null;
    has_standards: boolean;
    has_sign: boolean;
  }>(sql`
    SELECT u.id, u.name, u.kind, u.path::text AS path, u.valid_from::text AS valid_from, u.valid_to::text AS valid_to,
      EXISTS (SELECT 1 FROM ethics_standards e WHERE e.unit_id = u.id) AS has_standards,
      EXISTS (SELECT 1 FROM standard_signs s WHERE s.unit_id = u.id) AS has_sign
    FROM units u WHERE u.id = ANY(${sql.param(unitIds)}::bigint[]) ORDER BY u.id FOR UPDATE OF u`);
  return rows.rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    kind: row.kind,
    path: row.path,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    hasStandards: Boolean(row.has_standards),
    hasSign: Boolean(row.has_sign),
  }));
}

/** Many versions at once, in multi-row inserts. */
export async function insertStandards(executor: Executor, rows: Array<typeof ethicsStandards.$inferInsert>): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) await executor.insert(ethicsStandards).values(rows.slice(start, start + 500));
}

/** Many signs at once, in multi-row inserts. */
export async function insertSigns(executor: Executor, rows: Array<typeof standardSigns.$inferInsert>): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) await executor.insert(standardSigns).values(rows.slice(start, start + 500));
}
