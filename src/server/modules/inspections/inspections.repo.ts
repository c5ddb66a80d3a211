import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { inspectionEvents, inspectionFindings, inspectionRemedies, inspections } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { InspectionListQuery, RemedyListQuery } from '../../../shared/contracts/inspections';
import { withNextVersion } from '../../platform/db/versions';

export type InspectionRow = typeof inspections.$inferSelect;
export type FindingRow = typeof inspectionFindings.$inferSelect;
export type RemedyRow = typeof inspectionRemedies.$inferSelect;
type UnitPlace = { id: number; code: string; name: string; path: string };

/** An inspection with the places that decide who may act on it: the inspecting level and the inspected unit. */
export type InspectionContext = { inspection: InspectionRow; owner: UnitPlace; unit: UnitPlace };

const placeOf = (prefix: 'o' | 'u') =>
  sql.raw(
    `${prefix}.id AS ${prefix}_id, ${prefix}.code AS ${prefix}_code, ${prefix}.name AS ${prefix}_name, ${prefix}.path::text AS ${prefix}_path`,
  );
type PlaceColumns<P extends string> = { [K in `${P}_id` | `${P}_code` | `${P}_name` | `${P}_path`]: K extends `${P}_id` ? number : string };
const toPlace = <P extends 'o' | 'u'>(row: PlaceColumns<P>, prefix: P): UnitPlace => {
  const record = row as Record<string, string | number>;
  return {
    id: Number(record[`${prefix}_id`]),
    code: String(record[`${prefix}_code`]),
    name: String(record[`${prefix}_name`]),
    path: String(record[`${prefix}_path`]),
  };
};

export async function findInspection(executor: Executor, id: number, forUpdate = false): Promise<InspectionContext | undefined> {
  if (forUpdate) await executor.execute(sql`SELECT id FROM inspections WHERE id = ${id} FOR UPDATE`);
  const places = await executor.execute<PlaceColumns<'o'> & PlaceColumns<'u'>>(sql`
    SELECT ${placeOf('o')}, ${placeOf('u')}
    FROM inspections i JOIN units o ON o.id = i.owner_unit_id JOIN units u ON u.id = i.unit_id
    WHERE i.id = ${id}`);
  const place = places.rows[0];
  if (!place) return undefined;
  const inspection = (await executor.select().from(inspections).where(eq(inspections.id, id)))[0]!;
  return { inspection, owner: toPlace(place, 'o'), unit: toPlace(place, 'u') };
}

export async function insertInspection(executor: Executor, values: typeof inspections.$inferInsert): Promise<InspectionRow> {
  return (await executor.insert(inspections).values(values).returning())[0]!;
}

/** Writes an inspection's changes and its next version: the one place an inspection's version moves. */
export async function updateInspection(
  executor: Executor,
  id: number,
  values: Partial<typeof inspections.$inferInsert>,
): Promise<InspectionRow> {
  const rows = await executor.update(inspections).set(withNextVersion(inspections, values)).where(eq(inspections.id, id)).returning();
  return rows[0]!;
}

export async function insertEvent(executor: Executor, values: typeof inspectionEvents.$inferInsert): Promise<void> {
  await executor.insert(inspectionEvents).values(values);
}

export async function listEvents(executor: Executor, inspectionId: number) {
  return executor.select().from(inspectionEvents).where(eq(inspectionEvents.inspectionId, inspectionId)).orderBy(asc(inspectionEvents.id));
}

export async function listFindings(executor: Executor, inspectionId: number): Promise<FindingRow[]> {
  return executor
    .select()
    .from(inspectionFindings)
    .where(eq(inspectionFindings.inspectionId, inspectionId))
    .orderBy(asc(inspectionFindings.id));
}

export async function insertFinding(executor: Executor, values: typeof inspectionFindings.$inferInsert): Promise<FindingRow> {
  return (await executor.insert(inspectionFindings).values(values).returning())[0]!;
}

export async function updateFinding(
  executor: Executor,
  id: number,
  values: Partial<typeof inspectionFindings.$inferInsert>,
): Promise<void> {
  await executor.update(inspectionFindings).set(values).where(eq(inspectionFindings.id, id));
}

export async function deleteFinding(executor: Executor, id: number): Promise<void> {
  await executor.delete(inspectionFindings).where(eq(inspectionFindings.id, id));
}

export async function insertRemedies(executor: Executor, values: Array<typeof inspectionRemedies.$inferInsert>): Promise<RemedyRow[]> {
  if (values.length === 0) return [];
  return executor.insert(inspectionRemedies).values(values).returning();
}

/** A remedy with its inspection's places, locked when asked. */
export async function findRemedy(executor: Executor, id: number, forUpdate = false) {
  if (forUpdate) await executor.execute(sql`SELECT id FROM inspection_remedies WHERE id = ${id} FOR UPDATE`);
  const remedy = (await executor.select().from(inspectionRemedies).where(eq(inspectionRemedies.id, id)))[0];
  if (!remedy) return undefined;
  const context = (await findInspection(executor, remedy.inspectionId))!;
  return { remedy, ...context };
}

/** Writes a remedy's changes and its next version: the one place a remedy's version moves. */
export async function updateRemedy(
  executor: Executor,
  id: number,
  values: Partial<typeof inspectionRemedies.$inferInsert>,
): Promise<RemedyRow> {
  const rows = await executor
    .update(inspectionRemedies)
    .set(withNextVersion(inspectionRemedies, values))
    .where(eq(inspectionRemedies.id, id))
    .returning();
  return rows[0]!;
}

export async function listRemediesOfInspection(executor: Executor, inspectionId: number): Promise<RemedyRow[]> {
  return executor
    .select()
    .from(inspectionRemedies)
    .where(eq(inspectionRemedies.inspectionId, inspectionId))
    .orderBy(asc(inspectionRemedies.id));
}

export type InspectionListRow = InspectionRow & {
  ownerCode: string;
  ownerName: string;
  unitCode: string;
  unitName: string;
  findingCount: number;
  remedyCount: number;
  remediesClosed: number;
  remediesOverdue: number;
};

/**
 * A level's plan ('owned': inspections it carries out) or the inspections of a unit and the units
 * below it ('inspected'), limited to the subtrees the caller may read.
 */
export async function searchInspections(
  executor: Executor,
  filter: InspectionListQuery & { unitPath: string; scope: string[]; today: string; folded?: string },
): Promise<{ items: InspectionListRow[]; total: number }> {
  const conditions: SQL[] = [
    sql`i.year = ${filter.year}`,
    filter.view === 'owned' ? sql`i.owner_unit_id = ${filter.unitId}` : sql`u.path <@ ${filter.unitPath}::ltree`,
    sql`u.path <@ ANY(${sql.param(filter.scope)}::ltree[])`,
  ];
  if (filter.status) conditions.push(sql`i.status = ${filter.status}`);
  if (filter.folded) conditions.push(sql`i.search_text LIKE ${`%${filter.folded}%`}`);
  const where = sql.join(conditions, sql` AND `);
  const total = await executor.execute<{ n: number }>(sql`
    SELECT count(*) AS n FROM inspections i JOIN units u ON u.id = i.unit_id WHERE ${where}`);
  const rows = await executor.execute<{
    id: number;
    owner_code: string;
    owner_name: string;
    unit_code: string;
    unit_name: string;
    finding_count: number;
    remedy_count: number;
    remedies_closed: number;
    remedies_overdue: number;
  }>(sql`
    SELECT i.id, o.code AS owner_code, o.name AS owner_name, u.code AS unit_code, u.name AS unit_name,
      (SELECT count(*) FROM inspection_findings f WHERE f.inspection_id = i.id) AS finding_count,
      (SELECT count(*) FROM inspection_remedies r WHERE r.inspection_id = i.id) AS remedy_count,
      (SELECT count(*) FROM inspection_remedies r WHERE r.inspection_id = i.id AND r.status = 'closed') AS remedies_closed,
      (SELECT count(*) FROM inspection_remedies r WHERE r.inspection_id = i.id AND ${remedyIsOverdue(filter.today)}) AS remedies_overdue
    FROM inspections i JOIN units u ON u.id = i.unit_id JOIN units o ON o.id = i.owner_unit_id
    WHERE ${where}
    ORDER BY i.starts_on, i.id
    LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`);
  const ids = rows.rows.map((row) => Number(row.id));
  const full = ids.length === 0 ? [] : await executor.select().from(inspections).where(inArray(inspections.id, ids));
  const byId = new Map(full.map((row) => [row.id, row]));
  return {
    total: Number(total.rows[0]?.n ?? 0),
    items: rows.rows.map((row) => ({
      ...byId.get(Number(row.id))!,
      ownerCode: row.owner_code,
      ownerName: row.owner_name,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      findingCount: Number(row.finding_count),
      remedyCount: Number(row.remedy_count),
      remediesClosed: Number(row.remedies_closed),
      remediesOverdue: Number(row.remedies_overdue),
    })),
  };
}

export type RemedyListRow = RemedyRow & {
  inspectionTitle: string;
  finding: string;
  ownerId: number;
  ownerCode: string;
  ownerName: string;
  ownerPath: string;
  unitCode: string;
  unitName: string;
  unitPath: string;
};

/**
 * A remedy is overdue when its deadline has passed and the unit has not reported on it (never
 * reported, or returned to it): the one rule of the lists, the figures and the lagging units, on
 * `inspection_remedies r`.
 */
export const remedyIsOverdue = (today: string): SQL => sql`r.status IN ('open', 'returned') AND r.due_on < ${today}::date`;

const REMEDY_STATES: Record<RemedyListQuery['state'], (today: string) => SQL> = {
  all: () => sql`TRUE`,
  pending: () => sql`r.status IN ('open', 'returned')`,
  overdue: remedyIsOverdue,
  reported: () => sql`r.status = 'reported'`,
  closed: () => sql`r.status = 'closed'`,
};

/** Remedies owed by a unit and the units below it, or owed to it as the inspecting level, within the caller's scope. */
export async function searchRemedies(
  executor: Executor,
  filter: RemedyListQuery & { unitPath: string; scope: string[]; today: string },
): Promise<{ items: RemedyListRow[]; total: number }> {
  const where = sql.join(
    [
      sql`r.year = ${filter.year}`,
      sql`(u.path <@ ${filter.unitPath}::ltree OR i.owner_unit_id = ${filter.unitId})`,
      sql`(u.path <@ ANY(${sql.param(filter.scope)}::ltree[]) OR o.path <@ ANY(${sql.param(filter.scope)}::ltree[]))`,
      REMEDY_STATES[filter.state](filter.today),
    ],
    sql` AND `,
  );
  const from = sql`FROM inspection_remedies r JOIN inspections i ON i.id = r.inspection_id
    JOIN units u ON u.id = r.unit_id JOIN units o ON o.id = i.owner_unit_id
    JOIN inspection_findings f ON f.id = r.finding_id`;
  const total = await executor.execute<{ n: number }>(sql`SELECT count(*) AS n ${from} WHERE ${where}`);
  const rows = await executor.execute<{
    id: number;
    inspection_title: string;
    finding: string;
    owner_id: number;
    owner_code: string;
    owner_name: string;
    owner_path: string;
    unit_code: string;
    unit_name: string;
    unit_path: string;
  }>(sql`
    SELECT r.id, i.title AS inspection_title, f.text AS finding, o.id AS owner_id, o.code AS owner_code, o.name AS owner_name,
      o.path::text AS owner_path, u.code AS unit_code, u.name AS unit_name, u.path::text AS unit_path
    ${from} WHERE ${where}
    ORDER BY (r.status = 'closed'), r.due_on, r.id
    LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`);
  const ids = rows.rows.map((row) => Number(row.id));
  const full = ids.length === 0 ? [] : await executor.select().from(inspectionRemedies).where(inArray(inspectionRemedies.id, ids));
  const byId = new Map(full.map((row) => [row.id, row]));
  return {
    total: Number(total.rows[0]?.n ?? 0),
    items: rows.rows.map((row) => ({
      ...byId.get(Number(row.id))!,
      inspectionTitle: row.inspection_title,
      finding: row.finding,
      ownerId: Number(row.owner_id),
      ownerCode: row.owner_code,
      ownerName: row.owner_name,
      ownerPath: row.owner_path,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      unitPath: row.unit_path,
    })),
  };
}

/** Remedies of the inspections of one inspection's list, as list rows (for the detail view). */
export async function listRemedyRowsOfInspection(executor: Executor, inspectionId: number): Promise<RemedyListRow[]> {
  const context = await findInspection(executor, inspectionId);
  if (!context) return [];
  const remedies = await listRemediesOfInspection(executor, inspectionId);
  const findings = new Map((await listFindings(executor, inspectionId)).map((finding) => [finding.id, finding.text]));
  return remedies.map((remedy) => ({
    ...remedy,
    inspectionTitle: context.inspection.title,
    finding: findings.get(remedy.findingId) ?? '',
    ownerId: context.owner.id,
    ownerCode: context.owner.code,
    ownerName: context.owner.name,
    ownerPath: context.owner.path,
    unitCode: context.unit.code,
    unitName: context.unit.name,
    unitPath: context.unit.path,
  }));
}

/** Remedies past their deadline and not reported, per inspected unit of a subtree (for today's figures). */
export async function countOverdueRemedies(
  executor: Executor,
  unitIds: number[],
  year: number,
  today: string,
): Promise<Map<number, number>> {
  const result = new Map<number, number>(unitIds.map((id) => [id, 0]));
  if (unitIds.length === 0) return result;
  const rows = await executor.execute<{ unit_id: number; n: number }>(sql`
    SELECT top.id AS unit_id, count(r.id) AS n
    FROM units top
    JOIN units u ON u.path <@ top.path
    JOIN inspection_remedies r ON r.unit_id = u.id
    WHERE top.id = ANY(${sql.param(unitIds)}::bigint[]) AND r.year = ${year} AND ${remedyIsOverdue(today)}
    GROUP BY top.id`);
  for (const row of rows.rows) result.set(Number(row.unit_id), Number(row.n));
  return result;
}
