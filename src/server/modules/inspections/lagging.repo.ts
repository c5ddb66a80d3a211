import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { laggingActions, laggingThresholds } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { LaggingAction, LaggingReasonCode, LaggingThresholds } from '../../../shared/contracts/inspections';
import type { UnitKind } from '../../../shared/contracts/domain';
import { remedyIsOverdue } from './inspections.repo';

export type EvaluatedUnitRow = {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  path: string;
  /** Vietnamese order of the name (units.sort_key). */
  sortKey: string;
  parent: { id: number; code: string; name: string } | null;
};

/**
 * Which units a level evaluates: a condition on `units u`. They are those open today: a unit
 * closed since cannot be reminded or inspected. (Their figures are still read as of the year's end
 * for a past year.)
 */
export type EvaluatedUnits = SQL;

/**
 * Open units of a kind strictly below the unit (the partial index on open units' kind finds them).
 * Under a top unit, its subtree is every unit whose path starts with it, checked on the kind's
 * units: asked with the path index, the planner combines it with the kind index and reads the
 * paths of the whole tree (30 ms of the root's list over 300,000 units). Deeper, the subtree is
 * small and its path index is the better start.
 */
export const openUnitsOfKind = (root: { id: number; path: string; parentId: number | null }, kind: string): EvaluatedUnits =>
  root.parentId === null
    ? sql`u.kind = ${kind} AND subpath(u.path, 0, 1) = ${root.path}::ltree AND u.id <> ${root.id}`
    : sql`u.kind = ${kind} AND u.path <@ ${root.path}::ltree AND u.path <> ${root.path}::ltree`;

export const openChildren = (parentId: number): EvaluatedUnits => sql`u.parent_id = ${parentId}`;

/**
 * The units with their parents. The parents (a few dozen) are read apart: joined to thousands of
 * units, the planner starts parallel workers whose start costs more than the read.
 */
export async function listEvaluatedUnits(executor: Executor, units: EvaluatedUnits): Promise<EvaluatedUnitRow[]> {
  const rows = await executor.execute<{
    id: number;
    code: string;
    name: string;
    kind: UnitKind;
    path: string;
    sort_key: string;
    parent_id: number | null;
  }>(sql`
    SELECT u.id, u.code, u.name, u.kind, u.path::text AS path, u.sort_key, u.parent_id FROM units u
    WHERE u.valid_to IS NULL AND ${units}`);
  const parentIds = [...new Set(rows.rows.flatMap((row) => (row.parent_id === null ? [] : [Number(row.parent_id)])))];
  const parents = parentIds.length
    ? await executor.execute<{ id: number; code: string; name: string }>(
        sql`SELECT id, code, name FROM units WHERE id = ANY(${sql.param(parentIds)}::bigint[])`,
      )
    : { rows: [] };
  const parentOf = new Map(
    parents.rows.map((parent) => [Number(parent.id), { id: Number(parent.id), code: parent.code, name: parent.name }]),
  );
  return rows.rows.map((row) => ({
    id: Number(row.id),
    code: row.code,
    name: row.name,
    kind: row.kind,
    path: row.path,
    sortKey: row.sort_key,
    parent: row.parent_id === null ? null : (parentOf.get(Number(row.parent_id)) ?? null),
  }));
}

/**
 * The same units' ids, as a query (figures are read for them while they are listed); `part` keeps
 * one of `of` shares of them, so a long read can run in shares side by side.
 */
export const selectEvaluatedUnitIds = (units: EvaluatedUnits, part: { index: number; of: number } = { index: 0, of: 1 }): SQL =>
  sql`SELECT u.id FROM units u WHERE u.valid_to IS NULL AND ${units} AND u.id % ${part.of} = ${part.index}`;

/**
 * Where the records are counted (remedies, overdue as of today; everything else is a live
 * counter). The count is per unit of the record (one small grouped read, with the unit's path);
 * the service attributes it to the evaluated units above the unit from the paths. Joining each record to the evaluated units in SQL made the planner scan the
 * 300,000 units for the root's list (bench/inspections.ts). Below the top, the rows are narrowed to
 * the subtree first.
 */
export type CountScope = { rootPath: string; isTop: boolean };

const inScope = (unitColumn: SQL, scope: CountScope) =>
  scope.isTop ? sql`TRUE` : sql`${unitColumn} IN (SELECT id FROM units WHERE path <@ ${scope.rootPath}::ltree)`;

/** Counts per unit path, from a query grouping by `unit_id`. */
async function countByUnitPath(executor: Executor, grouped: SQL): Promise<Map<string, number>> {
  const rows = await executor.execute<{ path: string; n: number }>(sql`
    SELECT u.path::text AS path, counted.n FROM (${grouped}) counted JOIN units u ON u.id = counted.unit_id`);
  return new Map(rows.rows.map((row) => [row.path, Number(row.n)]));
}

/**
 * Remedies owed after the year's inspections, past their deadline and not reported on (never
 * reported, or returned to the unit), per unit: overdue as the inspection figures and the remedies list count them.
 */
export function countOverdueRemediesByUnit(executor: Executor, scope: CountScope, year: number, today: string) {
  return countByUnitPath(
    executor,
    sql`SELECT r.unit_id, count(*) AS n FROM inspection_remedies r
      WHERE r.year = ${year} AND ${remedyIsOverdue(today)} AND ${inScope(sql`r.unit_id`, scope)}
      GROUP BY r.unit_id`,
  );
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
