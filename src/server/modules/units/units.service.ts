import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, can, scopePaths, type Actor, type RecordPlace } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addFigureDeltas, addUnitDeltas, deltasForSubtreeMove, readUnitDeltas } from '../../platform/figures';
import { assertNotBefore, todayIso } from '../../platform/dates';
import { foldVietnamese, normalizeTonePlacement, vietnameseSortKey } from '../../../shared/text';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../shared/contracts/domain';
import { unitKindChildProblem, unitKindCloseProblem, unitKindPeriodProblem } from '../../../shared/unit-kind-periods';
import * as repo from './units.repo';
import { presentUnit } from './units.presenter';
import { unitMembers } from '../../platform/unit-members';
import { emitUnitClosed, emitUnitMoved } from '../../platform/domain-events';

export const UNIT_METRIC = 'units';
export const unitKindMetric = (kind: string) => `units.kind.${kind}`;

export async function getUnitOrThrow(executor: Executor, id: number): Promise<repo.UnitRow> {
  const unit = await repo.findUnitById(executor, id);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return unit;
}

export async function findUnitPathOrThrow(executor: Executor, id: number): Promise<string> {
  return (await getUnitOrThrow(executor, id)).path;
}

/** Where a unit named in a request sits, for the check made before the body is read. */
export async function findUnitPlace(executor: Executor, id: number): Promise<RecordPlace | undefined> {
  const unit = await repo.findUnitById(executor, id);
  return unit ? { unitPaths: [unit.path] } : undefined;
}

/**
 * Where a catalogue the whole tree shares sits (legal bases, forms of commendation): at the top, so
 * only a top-level administrator passes the check made before the body is read.
 */
export async function findTopLevelPlace(executor: Executor): Promise<RecordPlace> {
  return { unitPaths: await repo.listRootPaths(executor) };
}

function assertOpen(unit: repo.UnitRow): void {
  if (unit.validTo) throw new AppError('INVALID_STATE', `Đơn vị "${unit.name}" đã kết thúc hoạt động.`);
}

function assertVersion(unit: repo.UnitRow, version: number): void {
  if (unit.version !== version) {
    throw new AppError(
      'VERSION_CONFLICT',
      `Đơn vị "${unit.name}" vừa được người khác thay đổi. Hãy tải lại để xem thay đổi mới nhất rồi thực hiện lại.`,
    );
  }
}

/** Opens a new version of the unit from `day` (or rewrites the current one when it starts that day). */
async function changeVersion(executor: Executor, unit: repo.UnitRow, day: string, changes: Partial<repo.UnitVersionRow>) {
  const current = await repo.findCurrentVersion(executor, unit.id);
  if (!current) throw new AppError('INTERNAL', 'Thiếu lịch sử của đơn vị.');
  assertNotBefore(day, current.validFrom, 'lần thay đổi gần nhất của đơn vị');
  if (current.validFrom === day) {
    await repo.updateVersion(executor, current.id, changes);
    return;
  }
  await repo.updateVersion(executor, current.id, { validTo: day });
  await repo.insertVersion(executor, {
    unitId: unit.id,
    code: changes.code ?? current.code,
    name: changes.name ?? current.name,
    kind: changes.kind ?? current.kind,
    parentId: changes.parentId === undefined ? current.parentId : changes.parentId,
    validFrom: day,
  });
}

/** A kind that existed only for a period (a district before 1/7/2025) cannot be in force outside it. */
export function assertKindExistsOn(kind: UnitKind, day: string): void {
  const problem = unitKindPeriodProblem(kind, UNIT_KIND_LABELS[kind], day);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
}

/** A unit of a kind that existed only for a period takes no unit below it after that period. */
function assertTakesChildrenOn(parent: repo.UnitRow, day: string): void {
  const problem = unitKindChildProblem(parent.kind, UNIT_KIND_LABELS[parent.kind], parent.name, day);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
}

export async function assertCodeFree(executor: Executor, code: string): Promise<void> {
  if (await repo.findUnitByCode(executor, code)) {
    throw new AppError('DUPLICATE', `Mã đơn vị "${code}" đã được dùng cho đơn vị khác.`);
  }
}

export type NewUnit = { code: string; name: string; kind: UnitKind; parentId: number | null; validFrom?: string };

/** Creates a unit inside an open transaction; the caller has checked permissions. */
export async function createUnitInTx(tx: Executor, input: NewUnit): Promise<repo.UnitRow> {
  const code = input.code.trim();
  const name = normalizeTonePlacement(input.name.trim());
  const validFrom = input.validFrom ?? todayIso();
  assertKindExistsOn(input.kind, validFrom);
  await assertCodeFree(tx, code);
  let parent: repo.UnitRow | undefined;
  if (input.parentId !== null) {
    parent = await getUnitOrThrow(tx, input.parentId);
    assertOpen(parent);
    assertNotBefore(validFrom, parent.validFrom, 'ngày thành lập của đơn vị cấp trên');
    assertTakesChildrenOn(parent, validFrom);
  }
  const inserted = await repo.insertUnit(tx, {
    code,
    name,
    searchText: foldVietnamese(`${name} ${code}`),
    sortKey: vietnameseSortKey(name),
    kind: input.kind,
    parentId: parent?.id ?? null,
    path: '0',
    depth: parent ? parent.depth + 1 : 0,
    validFrom,
    // Under a unit that moved, a figure of an earlier day belongs to the tree of that day.
    movedOn: parent?.movedOn ?? null,
  });
  // The path is made of ids, so it is known only once the id is.
  const path = parent ? `${parent.path}.${inserted.id}` : String(inserted.id);
  const unit = await repo.setPathOfNewUnit(tx, inserted.id, path);
  await repo.insertVersion(tx, { unitId: unit.id, code, name, kind: input.kind, parentId: unit.parentId, validFrom });
  await addFigureDeltas(tx, [
    { unitPath: path, metric: UNIT_METRIC, day: validFrom, delta: 1 },
    { unitPath: path, metric: unitKindMetric(input.kind), day: validFrom, delta: 1 },
  ]);
  return unit;
}

export async function createUnit(db: Database, actor: Actor, input: NewUnit) {
  if (input.parentId === null) {
    if (!scopePaths(actor, 'units.write').some((path) => !path.includes('.'))) {
      throw new AppError('FORBIDDEN', 'Chỉ quản trị viên toàn hệ thống được tạo đơn vị gốc.');
    }
  } else {
    assertCan(actor, 'units.write', await findUnitPathOrThrow(db, input.parentId));
  }
  const unit = await db.transaction(async (tx) => {
    const created = await createUnitInTx(tx, input);
    await recordAudit(tx, actor, {
      action: 'unit.create',
      entityType: 'unit',
      entityId: created.id,
      unitPath: created.path,
      after: presentUnit(created, false),
    });
    return created;
  });
  return presentUnit(unit, false);
}

/** Renames, recodes or re-kinds a unit from `day`, keeping the old values in its history. */
export async function updateUnitFieldsInTx(
  tx: Executor,
  unit: repo.UnitRow,
  fields: { name: string; code: string; kind: UnitKind },
  day: string,
): Promise<repo.UnitRow> {
  const { code, kind } = fields;
  const name = normalizeTonePlacement(fields.name.trim());
  if (kind !== unit.kind) assertKindExistsOn(kind, day);
  if (code !== unit.code) await assertCodeFree(tx, code);
  await changeVersion(tx, unit, day, { name, code, kind });
  if (kind !== unit.kind) {
    await addFigureDeltas(tx, [
      { unitPath: unit.path, metric: unitKindMetric(unit.kind), day, delta: -1 },
      { unitPath: unit.path, metric: unitKindMetric(kind), day, delta: 1 },
    ]);
  }
  return repo.updateUnit(tx, unit.id, {
    name,
    code,
    kind,
    searchText: foldVietnamese(`${name} ${code}`),
    sortKey: vietnameseSortKey(name),
  });
}

export async function updateUnit(
  db: Database,
  actor: Actor,
  id: number,
  input: { name?: string; code?: string; kind?: UnitKind; effectiveDate?: string; version: number },
) {
  const day = input.effectiveDate ?? todayIso();
  const updated = await db.transaction(async (tx) => {
    await repo.lockUnits(tx, [id]);
    const unit = await getUnitOrThrow(tx, id);
    assertCan(actor, 'units.write', unit.path);
    assertVersion(unit, input.version);
    assertOpen(unit);
    const after = await updateUnitFieldsInTx(
      tx,
      unit,
      { name: input.name?.trim() ?? unit.name, code: input.code?.trim() ?? unit.code, kind: input.kind ?? unit.kind },
      day,
    );
    await recordAudit(tx, actor, {
      action: 'unit.update',
      entityType: 'unit',
      entityId: id,
      unitPath: unit.path,
      before: presentUnit(unit, false),
      after: presentUnit(after, false),
    });
    return after;
  });
  return presentUnit(updated, (await repo.listOpenChildIds(db, id)).length > 0);
}

/** Moves a unit and its subtree under a new parent from `day`, carrying its figures along. */
export async function moveUnitInTx(tx: Executor, unit: repo.UnitRow, newParent: repo.UnitRow, day: string): Promise<repo.UnitRow> {
  assertOpen(unit);
  assertOpen(newParent);
  if (newParent.path === unit.path || newParent.path.startsWith(`${unit.path}.`)) {
    throw new AppError('VALIDATION_FAILED', 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị trực thuộc nó.');
  }
  if (unit.parentId === newParent.id) return unit;
  assertTakesChildrenOn(newParent, day);
  const oldParent = unit.parentId ? await getUnitOrThrow(tx, unit.parentId) : undefined;
  await changeVersion(tx, unit, day, { parentId: newParent.id });
  const newPath = `${newParent.path}.${unit.id}`;
  const depthChange = newParent.depth + 1 - unit.depth;
  await repo.rewriteSubtreePaths(tx, unit.path, newPath, depthChange, day);
  const moved = await repo.updateUnit(tx, unit.id, { parentId: newParent.id, path: newPath, depth: newParent.depth + 1 });
  if (oldParent) {
    const subtreeDeltas = await readUnitDeltas(tx, unit.id);
    await addUnitDeltas(tx, deltasForSubtreeMove(subtreeDeltas, oldParent.path, newParent.path, day));
  }
  await emitUnitMoved(tx, { unitId: unit.id, fromUnitPath: unit.path, toUnitPath: newPath, day });
  return moved;
}

export async function moveUnit(
  db: Database,
  actor: Actor,
  id: number,
  input: { parentId: number; effectiveDate?: string; version: number },
) {
  const day = input.effectiveDate ?? todayIso();
  const moved = await db.transaction(async (tx) => {
    const first = await getUnitOrThrow(tx, id);
    await repo.lockUnits(tx, [id, input.parentId, ...(first.parentId ? [first.parentId] : [])]);
    const unit = await getUnitOrThrow(tx, id);
    const newParent = await getUnitOrThrow(tx, input.parentId);
    assertCan(actor, 'units.write', unit.path);
    assertCan(actor, 'units.write', newParent.path);
    assertVersion(unit, input.version);
    const result = await moveUnitInTx(tx, unit, newParent, day);
    await recordAudit(tx, actor, {
      action: 'unit.move',
      entityType: 'unit',
      entityId: id,
      unitPath: result.path,
      before: { parentId: unit.parentId, path: unit.path },
      after: { parentId: result.parentId, path: result.path, effectiveDate: day },
    });
    return result;
  });
  return presentUnit(moved, (await repo.listOpenChildIds(db, id)).length > 0);
}

/** Closes a unit from `day`; it must have no open children and no current members left. */
export async function closeUnitInTx(
  tx: Executor,
  unit: repo.UnitRow,
  day: string,
  reason: 'closed' | 'merged' | 'split',
  successorIds: number[] = [],
): Promise<repo.UnitRow> {
  assertOpen(unit);
  const lateClose = unitKindCloseProblem(unit.kind, UNIT_KIND_LABELS[unit.kind], unit.name, day);
  if (lateClose) throw new AppError('VALIDATION_FAILED', lateClose);
  if ((await repo.listOpenChildIds(tx, unit.id)).length > 0) {
    throw new AppError(
      'INVALID_STATE',
      `Đơn vị "${unit.name}" còn đơn vị trực thuộc đang hoạt động: hãy chuyển hoặc kết thúc chúng trước.`,
    );
  }
  if ((await unitMembers().countActive(tx, unit.id)) > 0) {
    throw new AppError('INVALID_STATE', `Đơn vị "${unit.name}" còn người đang sinh hoạt: hãy chuyển sinh hoạt cho họ trước.`);
  }
  const current = await repo.findCurrentVersion(tx, unit.id);
  if (current) {
    assertNotBefore(day, current.validFrom, 'lần thay đổi gần nhất của đơn vị');
    await repo.updateVersion(tx, current.id, { validTo: day });
  }
  await addFigureDeltas(tx, [
    { unitPath: unit.path, metric: UNIT_METRIC, day, delta: -1 },
    { unitPath: unit.path, metric: unitKindMetric(unit.kind), day, delta: -1 },
  ]);
  await emitUnitClosed(tx, { unitId: unit.id, unitPath: unit.path, kind: unit.kind, day });
  return repo.updateUnit(tx, unit.id, { validTo: day, closedReason: reason, successorIds });
}

export async function closeUnit(db: Database, actor: Actor, id: number, input: { effectiveDate?: string; version: number }) {
  const day = input.effectiveDate ?? todayIso();
  const closed = await db.transaction(async (tx) => {
    await repo.lockUnits(tx, [id]);
    const unit = await getUnitOrThrow(tx, id);
    assertCan(actor, 'units.write', unit.path);
    assertVersion(unit, input.version);
    const result = await closeUnitInTx(tx, unit, day, 'closed');
    await recordAudit(tx, actor, {
      action: 'unit.close',
      entityType: 'unit',
      entityId: id,
      unitPath: unit.path,
      before: presentUnit(unit, false),
      after: presentUnit(result, false),
    });
    return result;
  });
  return presentUnit(closed, false);
}

export function canReadUnit(actor: Actor, unit: repo.UnitRow): boolean {
  return can(actor, 'units.read', unit.path);
}
