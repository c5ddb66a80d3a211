import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addFigureDeltas } from '../../platform/figures';
import { formatVietnameseDate } from '../../platform/dates';
import { replaceAttachments } from '../files/index';
import type { UnitRow } from '../units/index';
import * as repo from './standards.repo';
import { presentSign } from './standards.presenter';
import { signDelta } from './standards.figures';
import type { StandardSign } from '../../../shared/contracts/standards';
import { assertDateNotInFuture, getWritableUnitOrThrow } from './standards.service';

export type SignInput = { postedOn: string; location: string | null; photoFileId: number | null };

/** A sign shows adopted standards, so it cannot be posted before they were first adopted. */
async function assertPostable(tx: Executor, unit: UnitRow, postedOn: string): Promise<void> {
  checkSignPostedOn(unit, postedOn, await repo.findFirstAdoptedOn(tx, unit.id));
}

/** The date of a sign, given the day the unit first adopted its standards (null: never). */
export function checkSignPostedOn(unit: { name: string }, postedOn: string, firstAdoptedOn: string | null): void {
  assertDateNotInFuture(postedOn, 'Ngày gắn biển');
  if (!firstAdoptedOn) {
    throw new AppError('INVALID_STATE', `"${unit.name}" chưa thông qua chuẩn mực đạo đức nên chưa ghi nhận gắn biển được.`);
  }
  if (postedOn < firstAdoptedOn) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Ngày gắn biển không được trước ngày thông qua chuẩn mực lần đầu (${formatVietnameseDate(firstAdoptedOn)}).`,
    );
  }
}

/** The photo is a stored file attached to the sign, whose owner id is the unit's id (one sign per unit). */
async function attachPhoto(tx: Executor, unit: UnitRow, photoFileId: number | null) {
  const files = await replaceAttachments(
    tx,
    { purpose: 'standard_sign', ownerId: unit.id, unitId: unit.id },
    photoFileId ? [photoFileId] : [],
  );
  return files[0] ?? null;
}

async function getSignOrThrow(tx: Executor, unit: UnitRow) {
  const sign = await repo.findSign(tx, unit.id);
  if (!sign) throw new AppError('NOT_FOUND', `"${unit.name}" chưa ghi nhận gắn biển.`);
  return sign;
}

export async function recordSign(db: Database, actor: Actor, unitId: number, input: SignInput): Promise<StandardSign> {
  return db.transaction(async (tx) => {
    const unit = await getWritableUnitOrThrow(tx, actor, unitId);
    await repo.lockUnit(tx, unit.id);
    if (await repo.findSign(tx, unit.id)) {
      throw new AppError('CONFLICT', `"${unit.name}" đã ghi nhận gắn biển; hãy sửa thông tin biển hiện có.`);
    }
    await assertPostable(tx, unit, input.postedOn);
    const sign = await repo.insertSign(tx, {
      unitId: unit.id,
      postedOn: input.postedOn,
      location: input.location,
      photoFileId: input.photoFileId,
      createdBy: actor.userId,
    });
    const photo = await attachPhoto(tx, unit, input.photoFileId);
    await addFigureDeltas(tx, [signDelta(unit.path, input.postedOn, 1)]);
    const presented = presentSign(sign, photo);
    await recordAudit(tx, actor, {
      action: 'standard.sign.record',
      entityType: 'standard_sign',
      entityId: unit.id,
      unitPath: unit.path,
      after: presented,
    });
    return presented;
  });
}

export async function updateSign(
  db: Database,
  actor: Actor,
  unitId: number,
  input: SignInput & { version: number },
): Promise<StandardSign> {
  return db.transaction(async (tx) => {
    const unit = await getWritableUnitOrThrow(tx, actor, unitId);
    await repo.lockUnit(tx, unit.id);
    const before = await getSignOrThrow(tx, unit);
    if (before.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', 'Thông tin biển vừa được người khác sửa. Hãy tải lại rồi sửa tiếp.');
    }
    await assertPostable(tx, unit, input.postedOn);
    const sign = await repo.updateSign(tx, unit.id, { postedOn: input.postedOn, location: input.location, photoFileId: input.photoFileId });
    const photo = await attachPhoto(tx, unit, input.photoFileId);
    // A corrected date moves the sign in the figures from the old day to the new one.
    if (before.postedOn !== input.postedOn) {
      await addFigureDeltas(tx, [signDelta(unit.path, before.postedOn, -1), signDelta(unit.path, input.postedOn, 1)]);
    }
    const presented = presentSign(sign, photo);
    await recordAudit(tx, actor, {
      action: 'standard.sign.update',
      entityType: 'standard_sign',
      entityId: unit.id,
      unitPath: unit.path,
      before: presentSign(before, null),
      after: presented,
    });
    return presented;
  });
}

/** Removes a sign recorded by mistake: it leaves the figures and its photo is detached. */
export async function removeSign(db: Database, actor: Actor, unitId: number, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const unit = await getWritableUnitOrThrow(tx, actor, unitId);
    await repo.lockUnit(tx, unit.id);
    const before = await getSignOrThrow(tx, unit);
    if (before.version !== version) {
      throw new AppError('VERSION_CONFLICT', 'Thông tin biển vừa được người khác sửa. Hãy tải lại rồi thử lại.');
    }
    await attachPhoto(tx, unit, null);
    await repo.deleteSign(tx, unit.id);
    await addFigureDeltas(tx, [signDelta(unit.path, before.postedOn, -1)]);
    await recordAudit(tx, actor, {
      action: 'standard.sign.remove',
      entityType: 'standard_sign',
      entityId: unit.id,
      unitPath: unit.path,
      before: presentSign(before, null),
    });
  });
}
