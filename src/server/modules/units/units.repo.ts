import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { withNextVersion } from '../../platform/db/versions';
import { unitVersions, units } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { UnitKind } from '../../../shared/contracts/domain';

export type UnitRow = typeof units.$inferSelect;
export type UnitVersionRow = typeof unitVersions.$inferSelect;

// Qualified by hand: inside the subquery an unqualified "id" would name the child's own id.
const hasOpenChildren = sql<boolean>`EXISTS (SELECT 1 FROM units c WHERE c.parent_id = "units"."id" AND c.valid_to IS NULL)`;

export async function findUnitById(executor: Executor, id: number): Promise<UnitRow | undefined> {
  const rows = await executor.select().from(units).where(eq(units.id, id)).limit(1);
  return rows[0];
}

/** The paths of the units at the top of the tree (the Centre, or each root of a deployment). */
export async function listRootPaths(executor: Executor): Promise<string[]> {
  const rows = await executor.select({ path: units.path }).from(units).where(isNull(units.parentId));
  return rows.map((row) => row.path);
}

export async function findUnitByCode(executor: Executor, code: string): Promise<UnitRow | undefined> {
  const rows = await executor.select().from(units).where(eq(units.code, code)).limit(1);
  return rows[0];
}

export async function findUnitsByCodes(executor: Executor, codes: string[]): Promise<UnitRow[]> {
  if (codes.length === 0) return [];
  return executor
    .select()
    .from(units)
    .where(sql`${units.code} = ANY(${sql.param(codes)}::text[])`);
}

export async function findUnitsByIds(executor: Executor, ids: number[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return executor
    .select()
    .from(units)
    .where(sql`${units.id} = ANY(${sql.param(ids)}::bigint[])`);
}

/** Locks units in id order, so two writers on overlapping units never deadlock. */
export async function lockUnits(executor: Executor, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await executor.execute(sql`SELECT id FROM units WHERE id = ANY(${sql.param(ids)}::bigint[]) ORDER BY id FOR UPDATE`);
}

export async function listOpenChildren(executor: Executor, parentId: number) {
  return executor
    .select({ unit: units, hasChildren: hasOpenChildren })
    .from(units)
    .where(and(eq(units.parentId, parentId), isNull(units.validTo)));
}

/** Children as they stood on a date, from the version history. */
export async function listChildrenAsOf(executor: Executor, parentId: number, asOf: string) {
  const rows = await executor.execute<{ unit_id: number }>(sql`
    SELECT v.unit_id FROM unit_versions v
    WHERE v.parent_id = ${parentId} AND v.valid_from <= ${asOf} AND (v.valid_to IS NULL OR v.valid_to > ${asOf})`);
  return rows.rows.map((row) => Number(row.unit_id));
}

export async function findVersionAsOf(executor: Executor, unitId: number, asOf: string): Promise<UnitVersionRow | undefined> {
  const rows = await executor
    .select()
    .from(unitVersions)
    .where(
      and(
        eq(unitVersions.unitId, unitId),
        sql`${unitVersions.validFrom} <= ${asOf}`,
        sql`(${unitVersions.validTo} IS NULL OR ${unitVersions.validTo} > ${asOf})`,
      ),
    )
    .limit(1);
  return rows[0];
}

export async function hasChildrenAsOf(executor: Executor, unitIds: number[], asOf: string): Promise<Set<number>> {
  if (unitIds.length === 0) return new Set();
  const rows = await executor.execute<{ parent_id: number }>(sql`
    SELECT DISTINCT parent_id FROM unit_versions
    WHERE parent_id = ANY(${sql.param(unitIds)}::bigint[]) AND valid_from <= ${asOf} AND (valid_to IS NULL OR valid_to > ${asOf})`);
  return new Set(rows.rows.map((row) => Number(row.parent_id)));
}

export async function listVersions(executor: Executor, unitId: number) {
  return executor
    .select({ version: unitVersions, parentName: units.name })
    .from(unitVersions)
    .leftJoin(units, eq(units.id, unitVersions.parentId))
    .where(eq(unitVersions.unitId, unitId))
    .orderBy(unitVersions.validFrom, unitVersions.id);
}

export async function listNamesByIds(executor: Executor, ids: number[]): Promise<Map<number, { id: number; code: string; name: string }>> {
  const rows = await findUnitsByIds(executor, ids);
  return new Map(rows.map((row) => [row.id, { id: row.id, code: row.code, name: row.name }]));
}

export type UnitSearch = {
  scope: string[];
  q?: string;
  kind?: UnitKind;
  underPath?: string;
  includeClosed: boolean;
  page: number;
  pageSize: number;
};

export async function searchUnits(executor: Executor, search: UnitSearch) {
  const conditions: SQL[] = [sql`${units.path} <@ ANY(${sql.param(search.scope)}::ltree[])`];
  if (search.q) conditions.push(sql`${units.searchText} LIKE ${`%${search.q}%`}`);
  if (search.kind) conditions.push(eq(units.kind, search.kind));
  if (search.underPath) conditions.push(sql`${units.path} <@ ${search.underPath}::ltree`);
  if (!search.includeClosed) conditions.push(isNull(units.validTo));
  const where = and(...conditions);
  const [total] = await executor
    .select({ value: sql<number>`count(*)` })
    .from(units)
    .where(where);
  // Exact code matches first, then shallower units, then by name.
  const items = await executor
    .select({ unit: units, hasChildren: hasOpenChildren })
    .from(units)
    .where(where)
    .orderBy(sql`(lower(${units.code}) = ${search.q ?? ''}) DESC`, units.depth, units.sortKey)
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize);
  return { items, total: Number(total?.value ?? 0) };
}

export async function insertUnit(executor: Executor, values: typeof units.$inferInsert): Promise<UnitRow> {
  const rows = await executor.insert(units).values(values).returning();
  return rows[0]!;
}

/** The path of a unit just inserted: made of ids, it is known only once the unit's id is (not an edit: version 1 stays). */
export async function setPathOfNewUnit(executor: Executor, id: number, path: string): Promise<UnitRow> {
  const rows = await executor.update(units).set({ path }).where(eq(units.id, id)).returning();
  return rows[0]!;
}

/** An edit of a unit (its name, its parent, its closing): the version moves on. */
export async function updateUnit(executor: Executor, id: number, values: Partial<typeof units.$inferInsert>): Promise<UnitRow> {
  const rows = await executor.update(units).set(withNextVersion(units, values)).where(eq(units.id, id)).returning();
  return rows[0]!;
}

/** Rewrites the path of a subtree after its root moved. */
/** Re-roots the descendants of a unit moved on `day`; the unit and all of them record the move day. */
export async function rewriteSubtreePaths(
  executor: Executor,
  oldPath: string,
  newPath: string,
  depthChange: number,
  day: string,
): Promise<void> {
  await executor.execute(sql`
    UPDATE units SET path = ${newPath}::ltree || subpath(path, nlevel(${oldPath}::ltree)), depth = depth + ${depthChange}
    WHERE path <@ ${oldPath}::ltree AND path <> ${oldPath}::ltree`);
  await executor.execute(sql`
    UPDATE units SET moved_on = GREATEST(moved_on, ${day}::date) WHERE path <@ ${newPath}::ltree OR path = ${oldPath}::ltree`);
}

export async function findCurrentVersion(executor: Executor, unitId: number): Promise<UnitVersionRow | undefined> {
  const rows = await executor
    .select()
    .from(unitVersions)
    .where(and(eq(unitVersions.unitId, unitId), isNull(unitVersions.validTo)))
    .limit(1);
  return rows[0];
}

/** The day each unit's current version began: a change dated before it is refused. */
export async function currentVersionStarts(executor: Executor, unitIds: number[]): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await executor
    .select({ unitId: unitVersions.unitId, validFrom: unitVersions.validFrom })
    .from(unitVersions)
    .where(and(inArray(unitVersions.unitId, unitIds), isNull(unitVersions.validTo)));
  return new Map(rows.map((row) => [row.unitId, row.validFrom]));
}

export async function insertVersion(executor: Executor, values: typeof unitVersions.$inferInsert): Promise<void> {
  await executor.insert(unitVersions).values(values);
}

export async function updateVersion(executor: Executor, id: number, values: Partial<typeof unitVersions.$inferInsert>): Promise<void> {
  await executor.update(unitVersions).set(values).where(eq(unitVersions.id, id));
}

export async function listOpenChildIds(executor: Executor, parentId: number): Promise<number[]> {
  const rows = await executor
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.parentId, parentId), isNull(units.validTo)));
  return rows.map((row) => row.id);
}

/**
 * The units below `unitId` as the tree stood on `day` (from the version history, so a district
 * dissolved since still has its communes of 2012), with their kind of that day; `depth` counts
 * from 1 for a child. Ordered by depth, then name.
 */
export async function listSubtreeOn(
  executor: Executor,
  unitId: number,
  day: string,
  maxDepth = 64,
): Promise<Array<{ id: number; kind: string; depth: number }>> {
  const rows = await executor.execute<{ id: number; kind: string; depth: number }>(sql`
    WITH RECURSIVE below AS (
      SELECT uv.unit_id AS id, uv.kind, 1 AS depth FROM unit_versions uv
      WHERE uv.parent_id = ${unitId} AND uv.valid_from <= ${day} AND (uv.valid_to IS NULL OR uv.valid_to > ${day})
      UNION ALL
      SELECT uv.unit_id, uv.kind, b.depth + 1 FROM below b JOIN unit_versions uv
        ON uv.parent_id = b.id AND uv.valid_from <= ${day} AND (uv.valid_to IS NULL OR uv.valid_to > ${day})
      WHERE b.depth < ${maxDepth})
    SELECT b.id, b.kind, b.depth FROM below b JOIN units u ON u.id = b.id ORDER BY b.depth, u.sort_key, u.id`);
  return rows.rows.map((row) => ({ id: Number(row.id), kind: row.kind, depth: Number(row.depth) }));
}
