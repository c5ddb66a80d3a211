import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { todayIso } from '../../platform/dates';
import type { UnitKind } from '../../../shared/contracts/domain';
import { unitMembers } from '../../platform/unit-members';
import { moveGrants } from '../accounts/index';
import * as repo from './units.repo';
import { presentUnit } from './units.presenter';
import { closeUnitInTx, createUnitInTx, getUnitOrThrow, moveUnitInTx } from './units.service';

type NewPart = { code: string; name: string; kind: UnitKind };

/**
 * Merge: the sources become one new unit. Their sub-units, members and grants move to it on the
 * effective date; the sources close with a pointer to it, so their history stays readable.
 */
export async function mergeUnits(
  db: Database,
  actor: Actor,
  input: { sourceIds: number[]; target: NewPart & { parentId: number }; effectiveDate?: string },
) {
  const merged = await db.transaction((tx) => mergeUnitsInTx(tx, actor, input));
  return presentUnit(merged, (await repo.listOpenChildIds(db, merged.id)).length > 0);
}

/** The merge inside an open transaction (the demo replays the reorganisation of 1/7/2025 in its own). */
export async function mergeUnitsInTx(
  tx: Executor,
  actor: Actor,
  input: { sourceIds: number[]; target: NewPart & { parentId: number }; effectiveDate?: string },
): Promise<repo.UnitRow> {
  const day = input.effectiveDate ?? todayIso();
  const sourceIds = [...new Set(input.sourceIds)];
  if (sourceIds.length < 2) throw new AppError('VALIDATION_FAILED', 'Hãy chọn ít nhất hai đơn vị để hợp nhất.');
  await repo.lockUnits(tx, [...sourceIds, input.target.parentId]);
  const sources = await Promise.all(sourceIds.map((id) => getUnitOrThrow(tx, id)));
  const parent = await getUnitOrThrow(tx, input.target.parentId);
  for (const source of sources) {
    assertCan(actor, 'units.write', source.path);
    if (source.validTo) throw new AppError('INVALID_STATE', `Đơn vị "${source.name}" đã kết thúc hoạt động.`);
    if (parent.path === source.path || parent.path.startsWith(`${source.path}.`)) {
      throw new AppError('VALIDATION_FAILED', 'Đơn vị cấp trên của đơn vị mới không được nằm trong các đơn vị đem hợp nhất.');
    }
  }
  assertCan(actor, 'units.write', parent.path);
  const target = await createUnitInTx(tx, { ...input.target, validFrom: day });
  for (const source of sources) {
    for (const childId of await repo.listOpenChildIds(tx, source.id)) {
      const child = await getUnitOrThrow(tx, childId);
      await moveUnitInTx(tx, child, await getUnitOrThrow(tx, target.id), day);
    }
    await unitMembers().moveActive(tx, source.id, target.id, day);
    await closeUnitInTx(tx, await getUnitOrThrow(tx, source.id), day, 'merged', [target.id]);
  }
  await moveGrants(tx, sourceIds, target.id);
  const after = await getUnitOrThrow(tx, target.id);
  await recordAudit(tx, actor, {
    action: 'unit.merge',
    entityType: 'unit',
    entityId: target.id,
    unitPath: after.path,
    before: sources.map((source) => presentUnit(source, false)),
    after: { ...presentUnit(after, false), effectiveDate: day },
  });
  return after;
}

/**
 * Split: one unit becomes several under the same parent. Listed sub-units and people go to their
 * part; whatever is not listed goes to the first part, so nothing is left in the closed unit.
 */
export async function splitUnit(
  db: Database,
  actor: Actor,
  id: number,
  input: { effectiveDate?: string; parts: Array<NewPart & { childIds: number[]; personIds: number[] }> },
) {
  const day = input.effectiveDate ?? todayIso();
  if (input.parts.length < 2) throw new AppError('VALIDATION_FAILED', 'Chia tách cần ít nhất hai đơn vị mới.');
  const parts = await db.transaction(async (tx) => {
    await repo.lockUnits(tx, [id]);
    const source = await getUnitOrThrow(tx, id);
    assertCan(actor, 'units.write', source.path);
    if (source.validTo) throw new AppError('INVALID_STATE', `Đơn vị "${source.name}" đã kết thúc hoạt động.`);
    if (!source.parentId) throw new AppError('VALIDATION_FAILED', 'Không thể chia tách đơn vị gốc.');
    const openChildren = await repo.listOpenChildIds(tx, id);
    const listedChildren = input.parts.flatMap((part) => part.childIds);
    if (new Set(listedChildren).size !== listedChildren.length) {
      throw new AppError('VALIDATION_FAILED', 'Một đơn vị trực thuộc chỉ được chuyển sang một đơn vị mới.');
    }
    const stray = listedChildren.find((childId) => !openChildren.includes(childId));
    if (stray) throw new AppError('VALIDATION_FAILED', `Đơn vị ${stray} không trực thuộc đơn vị đem chia tách.`);
    const created = [];
    for (const part of input.parts) {
      created.push(
        await createUnitInTx(tx, { code: part.code, name: part.name, kind: part.kind, parentId: source.parentId, validFrom: day }),
      );
    }
    for (const [index, part] of input.parts.entries()) {
      const target = created[index]!;
      for (const childId of part.childIds) {
        await moveUnitInTx(tx, await getUnitOrThrow(tx, childId), await getUnitOrThrow(tx, target.id), day);
      }
      if (part.personIds.length > 0) await unitMembers().moveActive(tx, id, target.id, day, part.personIds);
    }
    const first = created[0]!;
    for (const childId of await repo.listOpenChildIds(tx, id)) {
      await moveUnitInTx(tx, await getUnitOrThrow(tx, childId), await getUnitOrThrow(tx, first.id), day);
    }
    await unitMembers().moveActive(tx, id, first.id, day);
    await moveGrants(tx, [id], first.id);
    await closeUnitInTx(
      tx,
      await getUnitOrThrow(tx, id),
      day,
      'split',
      created.map((unit) => unit.id),
    );
    const after = await Promise.all(created.map((unit) => getUnitOrThrow(tx, unit.id)));
    await recordAudit(tx, actor, {
      action: 'unit.split',
      entityType: 'unit',
      entityId: id,
      unitPath: source.path,
      before: presentUnit(source, false),
      after: { parts: after.map((unit) => presentUnit(unit, false)), effectiveDate: day },
    });
    return after;
  });
  return Promise.all(parts.map(async (unit) => presentUnit(unit, (await repo.listOpenChildIds(db, unit.id)).length > 0)));
}
