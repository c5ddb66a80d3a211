import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { laggingActions, laggingThresholds } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { LaggingAction, LaggingReasonCode, LaggingThresholds } from '../../../shared/contracts/inspections';

export type EvaluatedUnitRow = {
  id: number;
  code: string;
  name: string;
  kind: string;
  path: string;
  parent: { id: number; code: string; name: string } | null;
};

type UnitRowRaw = {
  id: number;
  code: string;
  name: string;
  kind: string;
  path: string;
  parent_id: number | null;
  parent_code: string | null;
  parent_name: string | null;
};

const UNIT_COLUMNS = sql`u.id, u.code, u.name, u.kind, u.path::text AS path, p.id AS parent_id, p.code AS parent_code, p.name AS parent_name`;

function unitOf(row: UnitRowRaw): EvaluatedUnitRow {
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    kind: row.kind,
    path: row.path,
    parent: row.parent_id === null ? null : { id: Number(row.parent_id), code: row.parent_code ?? '', name: row.parent_name ?? '' },
  };
}

/**
 * The units a level evaluates are those open today: a unit closed since cannot be reminded or
 * inspected. (Their figures are still read as of the year's end for a past year.)
 */
async function listUnits(executor: Executor, where: SQL): Promise<EvaluatedUnitRow[]> {
  const rows = await executor.execute<UnitRowRaw>(sql`
    SELECT ${UNIT_COLUMNS} FROM units u LEFT JOIN units p ON p.id = u.parent_id
    WHERE u.valid_to IS NULL AND ${where}`);
  return rows.rows.map(unitOf);
}

/** Open units of a kind strictly below the unit (the partial index on open units' kind finds them). */
export function listOpenUnitsOfKind(executor: Executor, rootPath: string, kind: string): Promise<EvaluatedUnitRow[]> {
  return listUnits(executor, sql`u.kind = ${kind} AND u.path <@ ${rootPath}::ltree AND u.path <> ${rootPath}::ltree`);
}

export function listOpenChildren(executor: Executor, parentId: number): Promise<EvaluatedUnitRow[]> {
  return listUnits(executor, sql`u.parent_id = ${parentId}`);
}

/** Every open unit strictly below the unit. */
export function listOpenUnitsBelow(executor: Executor, rootPath: string): Promise<EvaluatedUnitRow[]> {
  return listUnits(executor, sql`u.path <@ ${rootPath}::ltree AND u.path <> ${rootPath}::ltree`);
}

/**
 * Where the records are counted. Every count below is per unit of the record (one small grouped
 * read); the service attributes it to the evaluated units above the unit from the units' paths.
 * Joining each record to its unit's path in SQL made the planner scan the 300,000 units for the
 * root's list (bench/inspections.ts). Below the top, the rows are narrowed to the subtree first.
 */
export type CountScope = { rootPath: string; isTop: boolean };

const inScope = (unitColumn: SQL, scope: CountScope) =>
  scope.isTop ? sql`TRUE` : sql`${unitColumn} IN (SELECT id FROM units WHERE path <@ ${scope.rootPath}::ltree)`;

async function countByUnit(executor: Executor, query: SQL): Promise<Map<number, number>> {
  const rows = await executor.execute<{ unit_id: number; n: number }>(query);
  return new Map(rows.rows.map((row) => [Number(row.unit_id), Number(row.n)]));
}

/** Feedback still waiting for its answer past its due day (as the supervision inbox calls it overdue), per unit. */
export function countOverdueFeedbackByUnit(executor: Executor, scope: CountScope, today: string) {
  return countByUnit(
    executor,
    sql`SELECT f.unit_id, count(*) AS n FROM feedback f
      WHERE f.status = 'new' AND f.due_on < ${today}::date AND ${inScope(sql`f.unit_id`, scope)}
      GROUP BY f.unit_id`,
  );
}

/**
 * Remedies owed after the year's inspections, past their deadline and not reported on (never
 * reported, or returned to the unit), per unit: overdue as the inspection figures and the remedies list count them.
 */
export function countOverdueRemediesByUnit(executor: Executor, scope: CountScope, year: number, today: string) {
  return countByUnit(
    executor,
    sql`SELECT m.unit_id, count(*) AS n FROM inspection_remedies m
      WHERE m.year = ${year} AND m.status IN ('open', 'returned') AND m.due_on < ${today}::date AND ${inScope(sql`m.unit_id`, scope)}
      GROUP BY m.unit_id`,
  );
}

export type PairRow = { id: number; otherId: number; status: string; unitId: number; unitPath: string };

/**
 * The stored near-identical pairs (at or above the threshold) of the year's registrations in the
 * scope, with each registration's status and unit. Pairs are stored both ways, so the other side of
 * a pair is itself listed unless it lies outside the scope. For the whole tree the pairs lead, each
 * looking its registration up by id; below it the subtree's units lead, through each unit's
 * registrations. OFFSET 0 keeps each round as written: left to itself the planner hashes the pairs
 * against a pass over every registration of the country, whose cost grows with the table, not with
 * the pairs (bench/inspections.ts).
 */
export async function listPairsOfYear(executor: Executor, scope: CountScope, year: number, threshold: number): Promise<PairRow[]> {
  const rows = await executor.execute<{ id: number; other_id: number; status: string; unit_id: number; unit_path: string }>(
    scope.isTop
      ? sql`
        SELECT s.registration_id AS id, s.other_id, r.status, r.unit_id, u.path::text AS unit_path
        FROM registration_similarities s
        CROSS JOIN LATERAL (SELECT r.unit_id, r.status FROM registrations r WHERE r.id = s.registration_id AND r.year = ${year} OFFSET 0) r
        JOIN units u ON u.id = r.unit_id
        WHERE s.similarity >= ${threshold}`
      : sql`
        SELECT s.registration_id AS id, s.other_id, r.status, u.id AS unit_id, u.path::text AS unit_path
        FROM units u
        CROSS JOIN LATERAL (SELECT r.id, r.status FROM registrations r WHERE r.unit_id = u.id AND r.year = ${year} OFFSET 0) r
        JOIN registration_similarities s ON s.registration_id = r.id
        WHERE u.path <@ ${scope.rootPath}::ltree AND s.similarity >= ${threshold}`,
  );
  return rows.rows.map((row) => ({
    id: Number(row.id),
    otherId: Number(row.other_id),
    status: row.status,
    unitId: Number(row.unit_id),
    unitPath: row.unit_path,
  }));
}

/** The paths of the units of these registrations (the other sides of pairs that lie outside a scope). */
export async function findRegistrationUnitPaths(executor: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor.execute<{ id: number; path: string }>(sql`
    SELECT r.id, u.path::text AS path FROM registrations r JOIN units u ON u.id = r.unit_id WHERE r.id = ANY(${sql.param(ids)}::bigint[])`);
  return new Map(rows.rows.map((row) => [Number(row.id), row.path]));
}

export async function findUnitPaths(executor: Executor, unitIds: number[]): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await executor.execute<{ id: number; path: string }>(sql`
    SELECT id, path::text AS path FROM units WHERE id = ANY(${sql.param(unitIds)}::bigint[])`);
  return new Map(rows.rows.map((row) => [Number(row.id), row.path]));
}

export type ThresholdsRow = { unit: { id: number; code: string; name: string }; thresholds: LaggingThresholds };

/** The thresholds of the nearest of these units (the unit and its ancestors) that has set its own. */
export async function findNearestThresholds(executor: Executor, ancestorIds: number[]): Promise<ThresholdsRow | undefined> {
  const rows = await executor.execute<{ id: number; code: string; name: string; thresholds: LaggingThresholds }>(sql`
    SELECT u.id, u.code, u.name, t.thresholds FROM lagging_thresholds t JOIN units u ON u.id = t.unit_id
    WHERE t.unit_id = ANY(${sql.param(ancestorIds)}::bigint[]) ORDER BY u.depth DESC LIMIT 1`);
  const row = rows.rows[0];
  return row && { unit: { id: Number(row.id), code: row.code, name: row.name }, thresholds: row.thresholds };
}

export async function findOwnThresholds(executor: Executor, unitId: number): Promise<LaggingThresholds | undefined> {
  const rows = await executor.select().from(laggingThresholds).where(eq(laggingThresholds.unitId, unitId)).limit(1);
  return rows[0]?.thresholds;
}

export async function upsertThresholds(
  executor: Executor,
  unitId: number,
  thresholds: LaggingThresholds,
  updatedBy: string,
): Promise<void> {
  await executor
    .insert(laggingThresholds)
    .values({ unitId, thresholds, updatedBy })
    .onConflictDoUpdate({ target: laggingThresholds.unitId, set: { thresholds, updatedBy, updatedAt: new Date() } });
}

export type NewLaggingAction = {
  unitId: number;
  byUnitId: number;
  year: number;
  action: LaggingAction;
  note: string;
  reasons: LaggingReasonCode[];
  inspectionId: number | null;
  actorName: string;
};

export async function insertLaggingAction(executor: Executor, values: NewLaggingAction) {
  const rows = await executor.insert(laggingActions).values(values).returning();
  return rows[0]!;
}

export type LaggingActionRow = {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  by_unit_id: number;
  by_unit_code: string;
  by_unit_name: string;
  year: number;
  action: LaggingAction;
  note: string;
  reasons: LaggingReasonCode[];
  inspection_id: number | null;
  actor_name: string;
  created_at: Date | string;
};

/** What was done about a unit (of one year, or every year), newest first. */
export async function listActionsOfUnit(executor: Executor, unitId: number, year: number | undefined): Promise<LaggingActionRow[]> {
  const rows = await executor.execute<LaggingActionRow>(sql`
    SELECT a.id, a.unit_id, u.code AS unit_code, u.name AS unit_name, a.by_unit_id, b.code AS by_unit_code, b.name AS by_unit_name,
      a.year, a.action, a.note, a.reasons, a.inspection_id, a.actor_name, a.created_at
    FROM lagging_actions a JOIN units u ON u.id = a.unit_id JOIN units b ON b.id = a.by_unit_id
    WHERE a.unit_id = ${unitId} ${year === undefined ? sql`` : sql`AND a.year = ${year}`}
    ORDER BY a.created_at DESC, a.id DESC`);
  return rows.rows;
}

export async function findActionById(executor: Executor, id: number): Promise<LaggingActionRow | undefined> {
  const rows = await executor.execute<LaggingActionRow>(sql`
    SELECT a.id, a.unit_id, u.code AS unit_code, u.name AS unit_name, a.by_unit_id, b.code AS by_unit_code, b.name AS by_unit_name,
      a.year, a.action, a.note, a.reasons, a.inspection_id, a.actor_name, a.created_at
    FROM lagging_actions a JOIN units u ON u.id = a.unit_id JOIN units b ON b.id = a.by_unit_id
    WHERE a.id = ${id}`);
  return rows.rows[0];
}

export type LatestActionRow = { action: LaggingAction; note: string; at: Date; actorName: string };

/** The latest action of the year on each of the units that has one. */
export async function latestActionsOfYear(executor: Executor, unitIds: number[], year: number): Promise<Map<number, LatestActionRow>> {
  if (unitIds.length === 0) return new Map();
  const rows = await executor
    .selectDistinctOn([laggingActions.unitId], {
      unitId: laggingActions.unitId,
      action: laggingActions.action,
      note: laggingActions.note,
      at: laggingActions.createdAt,
      actorName: laggingActions.actorName,
    })
    .from(laggingActions)
    .where(and(sql`${laggingActions.unitId} = ANY(${sql.param(unitIds)}::bigint[])`, eq(laggingActions.year, year)))
    .orderBy(laggingActions.unitId, desc(laggingActions.createdAt), desc(laggingActions.id));
  return new Map(rows.map((row) => [row.unitId, { action: row.action, note: row.note, at: row.at, actorName: row.actorName }]));
}
