import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, can, type Actor, type RecordPlace } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addFigureDeltas } from '../../platform/figures';
import { formatVietnameseDate, todayIso } from '../../platform/dates';
import type { Criterion, StandardVersion, UnitStandards } from '../../../shared/contracts/standards';
import { findUnitPlace, getUnitOrThrow, type UnitRow } from '../units/index';
import { listAttachments } from '../files/index';
import { STANDARD_KEEPING_KINDS } from '../figures/index';
import { publicUnitUrl } from '../../platform/http/public-paths';
import * as repo from './standards.repo';
import { criteriaOf, presentSign, presentStandard } from './standards.presenter';
import { adoptionDeltas } from './standards.figures';

export function isStandardKeeping(kind: string): boolean {
  return (STANDARD_KEEPING_KINDS as readonly string[]).includes(kind);
}

/** The unit, if the actor may keep its standards: a cell or agency that is still open. */
export async function getWritableUnitOrThrow(executor: Executor, actor: Actor, unitId: number): Promise<UnitRow> {
  const unit = await getUnitOrThrow(executor, unitId);
  assertKeepsStandards(actor, unit);
  return unit;
}

/** Whether the actor may keep the unit's standards: a cell or agency that is still open, in their scope. */
export function assertKeepsStandards(actor: Actor, unit: { name: string; kind: string; path: string; validTo: string | null }): void {
  assertCan(actor, 'standards.write', unit.path);
  if (!isStandardKeeping(unit.kind)) {
    throw new AppError('INVALID_STATE', `"${unit.name}" không phải chi bộ hay cơ quan, đơn vị nên không xây dựng chuẩn mực đạo đức riêng.`);
  }
  if (unit.validTo) throw new AppError('INVALID_STATE', `Đơn vị "${unit.name}" đã kết thúc hoạt động.`);
}

export function assertDateNotInFuture(day: string, what: string): void {
  if (day > todayIso()) throw new AppError('VALIDATION_FAILED', `${what} (${formatVietnameseDate(day)}) không được sau ngày hôm nay.`);
}

export function defaultTitle(unit: { name: string }): string {
  return `Chuẩn mực đạo đức của cán bộ, đảng viên ${unit.name}`;
}

/** Where a standard named in a request sits (its unit), for the check made before the body is read. */
export async function findStandardPlace(executor: Executor, id: number): Promise<RecordPlace | undefined> {
  const standard = await repo.findStandardById(executor, id);
  return standard ? findUnitPlace(executor, standard.unitId) : undefined;
}

async function getStandardForWriteOrThrow(tx: Executor, actor: Actor, id: number, expectedVersion: number) {
  const found = await repo.findStandardById(tx, id);
  if (!found) throw new AppError('NOT_FOUND', 'Không tìm thấy bản chuẩn mực này.');
  const unit = await getWritableUnitOrThrow(tx, actor, found.unitId);
  await repo.lockUnit(tx, unit.id);
  const standard = (await repo.findStandardById(tx, id))!;
  if (standard.status !== 'draft') {
    throw new AppError(
      'INVALID_STATE',
      `Phiên bản ${standard.versionNumber} đã được thông qua nên không sửa được; hãy tạo bản dự thảo mới.`,
    );
  }
  if (standard.version !== expectedVersion) {
    throw new AppError('VERSION_CONFLICT', 'Bản dự thảo vừa được người khác sửa. Hãy tải lại rồi sửa tiếp.');
  }
  return { unit, standard };
}

/** Everything the unit's page shows: every version, the sign and where its QR code points. */
export async function getUnitStandards(db: Database, actor: Actor, unitId: number, publicBaseUrl: string): Promise<UnitStandards> {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'programme.read', unit.path);
  const keeping = isStandardKeeping(unit.kind);
  const versions = keeping ? await repo.listStandardsOfUnit(db, unit.id) : [];
  const sign = keeping ? await repo.findSign(db, unit.id) : undefined;
  const photo = sign?.photoFileId ? ((await listAttachments(db, 'standard_sign', [unit.id])).get(unit.id)?.[0] ?? null) : null;
  const presented = versions.map(presentStandard);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, isOpen: unit.validTo === null },
    isStandardKeeping: keeping,
    canEdit: keeping && unit.validTo === null && can(actor, 'standards.write', unit.path),
    current: presented.find((version) => version.status === 'adopted') ?? null,
    draft: presented.find((version) => version.status === 'draft') ?? null,
    versions: presented,
    sign: sign ? presentSign(sign, photo) : null,
    publicUrl: publicUnitUrl(publicBaseUrl, unit.code),
  };
}

export async function createDraft(
  db: Database,
  actor: Actor,
  input: { unitId: number; title?: string; criteria?: Criterion[] },
): Promise<StandardVersion> {
  const row = await db.transaction(async (tx) => {
    const unit = await getWritableUnitOrThrow(tx, actor, input.unitId);
    await repo.lockUnit(tx, unit.id);
    if (await repo.findStandardByStatus(tx, unit.id, 'draft')) {
      throw new AppError('CONFLICT', 'Đơn vị đang có một bản dự thảo chưa thông qua; hãy sửa tiếp bản đó.');
    }
    // A new version starts from the current one, so a cell revises rather than retypes.
    const current = await repo.findStandardByStatus(tx, unit.id, 'adopted');
    const criteria = input.criteria ?? (current ? criteriaOf(current) : undefined);
    if (!criteria || criteria.length === 0) {
      throw new AppError('VALIDATION_FAILED', 'Hãy nhập ít nhất một tiêu chí cho bản dự thảo đầu tiên.');
    }
    const created = await repo.insertStandard(tx, {
      unitId: unit.id,
      versionNumber: await repo.findNextVersionNumber(tx, unit.id),
      title: input.title ?? current?.title ?? defaultTitle(unit),
      criteria,
      status: 'draft',
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'standard.draft.create',
      entityType: 'ethics_standard',
      entityId: created.id,
      unitPath: unit.path,
      after: presentStandard(created),
    });
    return created;
  });
  return presentStandard(row);
}

export async function updateDraft(
  db: Database,
  actor: Actor,
  id: number,
  input: { title?: string; criteria?: Criterion[]; version: number },
): Promise<StandardVersion> {
  const row = await db.transaction(async (tx) => {
    const { unit, standard } = await getStandardForWriteOrThrow(tx, actor, id, input.version);
    const updated = await repo.updateStandard(tx, id, {
      ...(input.title === undefined ? {} : { title: input.title }),
      ...(input.criteria === undefined ? {} : { criteria: input.criteria }),
    });
    await recordAudit(tx, actor, {
      action: 'standard.draft.update',
      entityType: 'ethics_standard',
      entityId: id,
      unitPath: unit.path,
      before: presentStandard(standard),
      after: presentStandard(updated),
    });
    return updated;
  });
  return presentStandard(row);
}

export async function deleteDraft(db: Database, actor: Actor, id: number, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const { unit, standard } = await getStandardForWriteOrThrow(tx, actor, id, version);
    await repo.deleteStandard(tx, id);
    await recordAudit(tx, actor, {
      action: 'standard.draft.delete',
      entityType: 'ethics_standard',
      entityId: id,
      unitPath: unit.path,
      before: presentStandard(standard),
    });
  });
}

/**
 * The day a version is adopted: not in the future, not before the unit was founded, and not before
 * the current version (which it supersedes on that day) was adopted.
 */
export function checkAdoptionDate(
  unit: { validFrom: string },
  adoptedOn: string,
  current: { versionNumber: number; adoptedOn: string | null } | undefined,
): void {
  assertDateNotInFuture(adoptedOn, 'Ngày thông qua');
  if (adoptedOn < unit.validFrom) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Ngày thông qua không được trước ngày thành lập đơn vị (${formatVietnameseDate(unit.validFrom)}).`,
    );
  }
  if (current?.adoptedOn && adoptedOn < current.adoptedOn) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Ngày thông qua không được trước ngày thông qua phiên bản hiện hành ${current.versionNumber} (${formatVietnameseDate(current.adoptedOn)}).`,
    );
  }
}

/**
 * Adopts a draft on a date: it becomes the current version and the previous one is superseded on
 * that date. Only the unit's first adoption counts in "standards adopted".
 */
export async function adoptDraft(
  db: Database,
  actor: Actor,
  id: number,
  input: { adoptedOn: string; version: number },
): Promise<StandardVersion> {
  const row = await db.transaction(async (tx) => {
    const { unit, standard } = await getStandardForWriteOrThrow(tx, actor, id, input.version);
    const current = await repo.findStandardByStatus(tx, unit.id, 'adopted');
    checkAdoptionDate(unit, input.adoptedOn, current);
    const isFirst = !(await repo.hasEverAdopted(tx, unit.id));
    if (current) await repo.updateStandard(tx, current.id, { status: 'superseded', supersededOn: input.adoptedOn });
    const adopted = await repo.updateStandard(tx, id, { status: 'adopted', adoptedOn: input.adoptedOn });
    await addFigureDeltas(tx, adoptionDeltas(unit.path, input.adoptedOn, isFirst));
    await recordAudit(tx, actor, {
      action: 'standard.adopt',
      entityType: 'ethics_standard',
      entityId: id,
      unitPath: unit.path,
      before: presentStandard(standard),
      after: { ...presentStandard(adopted), supersededVersion: current?.versionNumber ?? null },
    });
    return adopted;
  });
  return presentStandard(row);
}
