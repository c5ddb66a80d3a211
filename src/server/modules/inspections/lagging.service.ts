import type { Database, Executor } from '../../platform/db/client';
import { cachedRead } from '../../platform/db/read-cache';
import { assertCan, isPathWithin, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { todayIso } from '../../platform/dates';
import { AppError } from '../../platform/errors';
import { ancestorIdsOf, readFigures } from '../../platform/figures';
import { compareVietnamese } from '../../../shared/text';
import type {
  LaggingActionItem,
  LaggingAnswer,
  LaggingQuery,
  LaggingReason,
  LaggingThresholds,
  LaggingThresholdsAnswer,
  LaggingUnit,
  RecordLaggingAction,
  UnitRef,
} from '../../../shared/contracts/inspections';
import { getUnitOrThrow, type UnitRow } from '../units/index';
import { asOfForYear, REGISTRATION_BUCKETS } from '../figures/index';
import { parentPathOf, SIMILARITY_THRESHOLD } from '../registrations/index';
import * as repo from './lagging.repo';
import { DEFAULT_LAGGING_THRESHOLDS, LAGGING_REASON_DEFINITIONS, laggingMetrics, measureOf, reasonsOf } from './lagging-rules';

const refOf = (unit: { id: number; code: string; name: string }): UnitRef => ({ id: unit.id, code: unit.code, name: unit.name });

/** The thresholds that apply in a unit's subtree: the nearest level (the unit or above) that set its own. */
async function thresholdsFor(executor: Executor, unitPath: string): Promise<{ thresholds: LaggingThresholds; from: UnitRef | null }> {
  const row = await repo.findNearestThresholds(executor, ancestorIdsOf(unitPath));
  return row
    ? { thresholds: { ...DEFAULT_LAGGING_THRESHOLDS, ...row.thresholds }, from: row.unit }
    : { thresholds: DEFAULT_LAGGING_THRESHOLDS, from: null };
}

/** Which units a level evaluates: a name for the cache key and how to list them. */
type Scope = { key: string; load(executor: Executor): Promise<repo.EvaluatedUnitRow[]> };

const scopeOf = (root: UnitRow, kind: string | null | undefined): Scope =>
  kind
    ? { key: `kind:${kind}`, load: (executor) => repo.listOpenUnitsOfKind(executor, root.path, kind) }
    : { key: 'children', load: (executor) => repo.listOpenChildren(executor, root.id) };

type EvaluatedUnit = { unit: repo.EvaluatedUnitRow; reasons: LaggingReason[]; lastAction: LaggingUnit['lastAction'] };
type Evaluation = {
  asOf: string;
  thresholds: LaggingThresholds;
  thresholdsFrom: UnitRef | null;
  evaluated: number;
  /**
   * The lagging units, and those handled this year that recovered since: most reasons first, then
   * by name. The others are left out, so a country's 3,321 communes do not sit in the cache.
   */
  units: EvaluatedUnit[];
};

/** Adds each unit's count to every evaluated unit on its path (the unit itself and its ancestors). */
function attribute(byUnit: Map<number, number>, paths: Map<number, string>, evaluated: Set<number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [unitId, n] of byUnit) {
    const path = paths.get(unitId);
    if (!path) continue;
    for (const id of ancestorIdsOf(path)) if (evaluated.has(id)) counts.set(id, (counts.get(id) ?? 0) + n);
  }
  return counts;
}

const REGISTERED = new Set<string>(REGISTRATION_BUCKETS.registered);

/**
 * Registrations with a near-identical twin, per unit: sent (in the registered bucket) and paired
 * with one in the subtree of the level above its unit, as the appraisal list flags them (a pair
 * left behind by a move does not count). `partnerPaths`: the unit path of every paired registration.
 */
function twinsByUnit(pairs: repo.PairRow[], partnerPaths: Map<number, string>): Map<number, number> {
  const twins = new Map<number, number>();
  for (const pair of pairs) {
    if (twins.has(pair.id) || !REGISTERED.has(pair.status)) continue;
    const other = partnerPaths.get(pair.otherId);
    if (other && isPathWithin(other, parentPathOf(pair.unitPath))) twins.set(pair.id, pair.unitId);
  }
  const byUnit = new Map<number, number>();
  for (const unitId of twins.values()) byUnit.set(unitId, (byUnit.get(unitId) ?? 0) + 1);
  return byUnit;
}

/**
 * Counts of records per evaluated unit: overdue feedback, overdue remedies, registrations with a
 * twin. Each is read per unit of the record, and the units' paths attribute them to the evaluated
 * units above (joining every record to its unit in one statement had the planner scan all units).
 */
async function countRecords(db: Database, root: UnitRow, ids: number[], year: number, today: string) {
  const scope: repo.CountScope = { rootPath: root.path, isTop: root.parentId === null };
  const twins = (async () => {
    const pairs = await repo.listPairsOfYear(db, scope, year, SIMILARITY_THRESHOLD);
    const partnerPaths = new Map(pairs.map((pair) => [pair.id, pair.unitPath]));
    const outside = [...new Set(pairs.map((pair) => pair.otherId).filter((id) => !partnerPaths.has(id)))];
    for (const [id, path] of await repo.findRegistrationUnitPaths(db, outside)) partnerPaths.set(id, path);
    return { byUnit: twinsByUnit(pairs, partnerPaths), paths: new Map(pairs.map((pair) => [pair.unitId, pair.unitPath])) };
  })();
  const records = (async () => {
    const [feedback, remedies] = await Promise.all([
      repo.countOverdueFeedbackByUnit(db, scope, today),
      repo.countOverdueRemediesByUnit(db, scope, year, today),
    ]);
    return { feedback, remedies, paths: await repo.findUnitPaths(db, [...new Set([...feedback.keys(), ...remedies.keys()])]) };
  })();
  const [registrations, { feedback, remedies, paths }] = await Promise.all([twins, records]);
  const evaluated = new Set(ids);
  return {
    feedback: attribute(feedback, paths, evaluated),
    remedies: attribute(remedies, paths, evaluated),
    twins: attribute(registrations.byUnit, registrations.paths, evaluated),
  };
}

/**
 * Measures every unit of the scope and applies the thresholds of the evaluating level. The answer
 * depends on the data and on today (overdue items, the year's reading day), so it is kept in the
 * read cache under today's date, until the next write (platform/db/read-cache.ts; PostgreSQL
 * computes it every time). Permissions are checked by the callers before this runs.
 */
function evaluate(db: Database, root: UnitRow, year: number, scope: Scope): Promise<Evaluation> {
  const today = todayIso();
  const asOf = asOfForYear(year, today);
  return cachedRead(db, `lagging:${root.id}:${year}:${scope.key}:${today}`, async () => {
    const [units, applied] = await Promise.all([scope.load(db), thresholdsFor(db, root.path)]);
    const ids = units.map((unit) => unit.id);
    const [figures, counts, actions] = await Promise.all([
      readFigures(db, ids, laggingMetrics(year), asOf),
      countRecords(db, root, ids, year, today),
      repo.latestActionsOfYear(db, ids, year),
    ]);
    const listed = units.map((unit): EvaluatedUnit => {
      const measure = measureOf(unit.id, year, figures.get(unit.id), {
        registrationsWithTwin: counts.twins.get(unit.id) ?? 0,
        overdueFeedback: counts.feedback.get(unit.id) ?? 0,
        overdueRemedies: counts.remedies.get(unit.id) ?? 0,
      });
      const action = actions.get(unit.id);
      return {
        unit,
        reasons: reasonsOf(measure, applied.thresholds),
        lastAction: action
          ? { action: action.action, note: action.note, at: new Date(action.at).toISOString(), actorName: action.actorName }
          : null,
      };
    });
    const kept = listed.filter((item) => item.reasons.length > 0 || item.lastAction !== null);
    kept.sort((a, b) => b.reasons.length - a.reasons.length || compareVietnamese(a.unit.name, b.unit.name) || a.unit.id - b.unit.id);
    return { asOf, thresholds: applied.thresholds, thresholdsFrom: applied.from, evaluated: units.length, units: kept };
  });
}

const presentUnit = (item: EvaluatedUnit): LaggingUnit => ({
  unit: { ...refOf(item.unit), kind: item.unit.kind },
  parent: item.unit.parent,
  reasons: item.reasons,
  lastAction: item.lastAction,
});

/** The lagging units of a year under a level, every one of them (the list pages it, the export takes it whole). */
export async function findLaggingUnits(db: Database, actor: Actor, query: Omit<LaggingQuery, 'page' | 'pageSize'>) {
  const root = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'inspections.read', root.path);
  const evaluation = await evaluate(db, root, query.year, scopeOf(root, query.kind));
  const items = evaluation.units.filter((item) =>
    query.reason
      ? item.reasons.some((reason) => reason.code === query.reason)
      : item.reasons.length > 0 || (query.includeRecovered && item.lastAction !== null),
  );
  return { root, evaluation, items: items.map(presentUnit) };
}

export async function listLaggingUnits(db: Database, actor: Actor, query: LaggingQuery): Promise<LaggingAnswer> {
  const { root, evaluation, items } = await findLaggingUnits(db, actor, query);
  return {
    unit: refOf(root),
    year: query.year,
    asOf: evaluation.asOf,
    thresholds: evaluation.thresholds,
    thresholdsFrom: evaluation.thresholdsFrom,
    definitions: LAGGING_REASON_DEFINITIONS,
    evaluated: evaluation.evaluated,
    total: items.length,
    items: items.slice((query.page - 1) * query.pageSize, query.page * query.pageSize),
  };
}

/**
 * Which of a unit's open children lag (1 each), for the inspection figures by child unit: the same
 * units the lagging tab lists by default, so each figure opens a list of exactly that many.
 */
export async function countLaggingByChild(db: Database, unitId: number, year: number): Promise<Map<number, number>> {
  const root = await getUnitOrThrow(db, unitId);
  const evaluation = await evaluate(db, root, year, scopeOf(root, undefined));
  const counts = new Map<number, number>();
  for (const item of evaluation.units) if (item.reasons.length > 0) counts.set(item.unit.id, 1);
  return counts;
}

export async function getThresholds(db: Database, actor: Actor, unitId: number): Promise<LaggingThresholdsAnswer> {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'inspections.read', unit.path);
  const applied = await thresholdsFor(db, unit.path);
  return { unit: refOf(unit), thresholds: applied.thresholds, thresholdsFrom: applied.from, defaults: DEFAULT_LAGGING_THRESHOLDS };
}

/** A level's own thresholds for its subtree; a level below may set its own in turn. */
export async function saveThresholds(
  db: Database,
  actor: Actor,
  input: { unitId: number; thresholds: LaggingThresholds },
): Promise<LaggingThresholdsAnswer> {
  const unit = await getUnitOrThrow(db, input.unitId);
  assertCan(actor, 'inspections.handle', unit.path);
  await db.transaction(async (tx) => {
    const before = await repo.findOwnThresholds(tx, unit.id);
    await repo.upsertThresholds(tx, unit.id, input.thresholds, actor.name);
    await recordAudit(tx, actor, {
      action: 'lagging_thresholds.save',
      entityType: 'lagging_thresholds',
      entityId: unit.id,
      unitPath: unit.path,
      before: before ?? null,
      after: input.thresholds,
    });
  });
  return getThresholds(db, actor, unit.id);
}

export type NewLaggingActionValues = RecordLaggingAction & {
  /** The inspection the unit was put into, when the handling is an inspection of the plan. */
  inspectionId?: number | null;
};

/**
 * Records what a level did about a lagging unit below it, inside the caller's transaction: the
 * inspections service calls it when it puts a lagging unit into its plan. The caller has checked
 * its own permission on `byUnitId`; this checks the unit is strictly below it.
 */
export async function recordLaggingActionInTx(tx: Executor, actor: Actor, values: NewLaggingActionValues): Promise<number> {
  // One after the other: a transaction is one connection.
  const unit = await getUnitOrThrow(tx, values.unitId);
  const byUnit = await getUnitOrThrow(tx, values.byUnitId);
  if (unit.id === byUnit.id || !isPathWithin(unit.path, byUnit.path)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Đơn vị "${unit.name}" không trực thuộc "${byUnit.name}": chỉ cấp trên mới xử lý được đơn vị chưa thực hiện nghiêm túc.`,
    );
  }
  const row = await repo.insertLaggingAction(tx, {
    unitId: unit.id,
    byUnitId: byUnit.id,
    year: values.year,
    action: values.action,
    note: values.note,
    reasons: [...new Set(values.reasons)],
    inspectionId: values.inspectionId ?? null,
    actorName: actor.name,
  });
  await recordAudit(tx, actor, {
    action: 'lagging_action.create',
    entityType: 'lagging_action',
    entityId: row.id,
    unitPath: unit.path,
    before: null,
    after: {
      unitId: unit.id,
      byUnitId: byUnit.id,
      year: values.year,
      action: values.action,
      reasons: row.reasons,
      inspectionId: row.inspectionId,
    },
  });
  return row.id;
}

export async function recordLaggingAction(db: Database, actor: Actor, input: RecordLaggingAction): Promise<LaggingActionItem> {
  const byUnit = await getUnitOrThrow(db, input.byUnitId);
  assertCan(actor, 'inspections.handle', byUnit.path);
  const id = await db.transaction((tx) => recordLaggingActionInTx(tx, actor, input));
  return presentAction((await repo.findActionById(db, id))!);
}

/** What was done about a unit, newest first: kept after the unit recovers. */
export async function listLaggingActions(db: Database, actor: Actor, query: { unitId: number; year?: number | undefined }) {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'inspections.read', unit.path);
  return { items: (await repo.listActionsOfUnit(db, unit.id, query.year)).map(presentAction) };
}

function presentAction(row: repo.LaggingActionRow): LaggingActionItem {
  return {
    id: Number(row.id),
    unit: { id: Number(row.unit_id), code: row.unit_code, name: row.unit_name },
    byUnit: { id: Number(row.by_unit_id), code: row.by_unit_code, name: row.by_unit_name },
    year: Number(row.year),
    action: row.action,
    note: row.note,
    reasons: row.reasons,
    inspectionId: row.inspection_id === null ? null : Number(row.inspection_id),
    actorName: row.actor_name,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
