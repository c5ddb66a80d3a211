import type { Database, Executor } from '../../platform/db/client';
import { cachedRead } from '../../platform/db/read-cache';
import { assertCan, isPathWithin, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { todayIso } from '../../platform/dates';
import { AppError } from '../../platform/errors';
import { ancestorIdsOf, readFiguresOfSelected } from '../../platform/figures';
import { compareSortKeys } from '../../../shared/text';
import type {
  LaggingActionItem,
  LaggingActionsAnswer,
  LaggingAnswer,
  LaggingQuery,
  LaggingThresholds,
  LaggingThresholdsAnswer,
  LaggingUnit,
  RecordLaggingAction,
} from '../../../shared/contracts/inspections';
import type { UnitRef } from '../../../shared/contracts/units';
import { getUnitOrThrow, type UnitRow } from '../units/index';
import { asOfForYear, FEEDBACK_METRICS } from '../figures/index';
import * as repo from './lagging.repo';
import {
  DEFAULT_LAGGING_THRESHOLDS,
  describeReason,
  LAGGING_REASON_DEFINITIONS,
  laggingMetrics,
  measuredReasonsOf,
  measureOf,
  type MeasuredReason,
} from './lagging-rules';

const refOf = (unit: { id: number; code: string; name: string }): UnitRef => ({ id: unit.id, code: unit.code, name: unit.name });

/** The thresholds that apply in a unit's subtree: the nearest level (the unit or above) that set its own. */
async function thresholdsFor(executor: Executor, unitPath: string): Promise<{ thresholds: LaggingThresholds; from: UnitRef | null }> {
  const row = await repo.findNearestThresholds(executor, ancestorIdsOf(unitPath));
  return row
    ? { thresholds: { ...DEFAULT_LAGGING_THRESHOLDS, ...row.thresholds }, from: row.unit }
    : { thresholds: DEFAULT_LAGGING_THRESHOLDS, from: null };
}

/** Which units a level evaluates: a name for the cache key, and the units. */
type Scope = { key: string; units: repo.EvaluatedUnits };

const scopeOf = (root: UnitRow, kind: string | null | undefined): Scope =>
  kind ? { key: `kind:${kind}`, units: repo.openUnitsOfKind(root, kind) } : { key: 'children', units: repo.openChildren(root.id) };

type EvaluatedUnit = { unit: repo.EvaluatedUnitRow; reasons: MeasuredReason[]; lastAction: LaggingUnit['lastAction'] };
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
function attribute(byPath: Map<string, number>, evaluated: Set<number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [path, n] of byPath) {
    for (const id of ancestorIdsOf(path)) if (evaluated.has(id)) counts.set(id, (counts.get(id) ?? 0) + n);
  }
  return counts;
}

/**
 * The live figures a measure reads, as of the year's reading day, and the overdue feedback as of
 * today (as the supervision inbox flags it): one read when the two days are the same. The units
 * are read in two shares side by side, each on its own connection: a country's 3,321 communes sum
 * some hundred thousand counter rows, work a second core halves.
 */
async function readMeasuredFigures(db: Database, scope: Scope, year: number, asOf: string, today: string) {
  const metrics = laggingMetrics(year);
  const read = async (wanted: string[], day: string) => {
    const shares = await Promise.all(
      [0, 1].map((index) => readFiguresOfSelected(db, repo.selectEvaluatedUnitIds(scope.units, { index, of: 2 }), wanted, day)),
    );
    return new Map(shares.flatMap((share) => [...share]));
  };
  if (asOf === today) {
    const figures = await read([...metrics, FEEDBACK_METRICS.overdue], asOf);
    return { figures, feedback: figures };
  }
  const [figures, feedback] = await Promise.all([read(metrics, asOf), read([FEEDBACK_METRICS.overdue], today)]);
  return { figures, feedback };
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
    // The units are listed while their figures are read: each on its own connection.
    const [units, applied, { figures, feedback }, remediesByPath] = await Promise.all([
      repo.listEvaluatedUnits(db, scope.units),
      thresholdsFor(db, root.path),
      readMeasuredFigures(db, scope, year, asOf, today),
      repo.countOverdueRemediesByUnit(db, { rootPath: root.path, isTop: root.parentId === null }, year, today),
    ]);
    const ids = units.map((unit) => unit.id);
    const remedies = attribute(remediesByPath, new Set(ids));
    const actions = await repo.latestActionsOfYear(db, ids, year);
    const listed = units.map((unit): EvaluatedUnit => {
      const measure = measureOf(unit.id, year, figures.get(unit.id), {
        overdueFeedback: feedback.get(unit.id)?.[FEEDBACK_METRICS.overdue] ?? 0,
        overdueRemedies: remedies.get(unit.id) ?? 0,
      });
      const action = actions.get(unit.id);
      return {
        unit,
        reasons: measuredReasonsOf(measure, applied.thresholds),
        lastAction: action
          ? { action: action.action, note: action.note, at: new Date(action.at).toISOString(), actorName: action.actorName }
          : null,
      };
    });
    const kept = listed.filter((item) => item.reasons.length > 0 || item.lastAction !== null);
    kept.sort((a, b) => b.reasons.length - a.reasons.length || compareSortKeys(a.unit, b.unit) || a.unit.id - b.unit.id);
    return { asOf, thresholds: applied.thresholds, thresholdsFrom: applied.from, evaluated: units.length, units: kept };
  });
}

const presentUnit = (item: EvaluatedUnit, year: number): LaggingUnit => ({
  unit: { ...refOf(item.unit), kind: item.unit.kind },
  parent: item.unit.parent,
  reasons: item.reasons.map((reason) => describeReason(reason, item.unit.id, year)),
  lastAction: item.lastAction,
});

/**
 * The lagging units of a year under a level: how many, and those of the slice asked for (the list
 * asks a page, the export takes them all), described.
 */
export async function findLaggingUnits(
  db: Database,
  actor: Actor,
  query: Omit<LaggingQuery, 'page' | 'pageSize'>,
  slice?: { offset: number; limit: number },
) {
  const root = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'inspections.read', root.path);
  const evaluation = await evaluate(db, root, query.year, scopeOf(root, query.kind));
  const items = evaluation.units.filter((item) =>
    query.reason
      ? item.reasons.some((reason) => reason.code === query.reason)
      : item.reasons.length > 0 || (query.includeRecovered && item.lastAction !== null),
  );
  const shown = slice ? items.slice(slice.offset, slice.offset + slice.limit) : items;
  return { root, evaluation, total: items.length, items: shown.map((item) => presentUnit(item, query.year)) };
}

export async function listLaggingUnits(db: Database, actor: Actor, query: LaggingQuery): Promise<LaggingAnswer> {
  const slice = { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
  const { root, evaluation, total, items } = await findLaggingUnits(db, actor, query, slice);
  return {
    unit: refOf(root),
    year: query.year,
    asOf: evaluation.asOf,
    thresholds: evaluation.thresholds,
    thresholdsFrom: evaluation.thresholdsFrom,
    definitions: LAGGING_REASON_DEFINITIONS,
    evaluated: evaluation.evaluated,
    total,
    items,
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
export async function listLaggingActions(
  db: Database,
  actor: Actor,
  query: { unitId: number; year?: number | undefined },
): Promise<LaggingActionsAnswer> {
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
