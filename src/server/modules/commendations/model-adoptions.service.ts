import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import {
  assertCan,
  assertHasPermissionSomewhere,
  can,
  canReadDownward,
  isPathWithin,
  scopePaths,
  type Actor,
  type RecordPlace,
} from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { formatVietnameseDate, todayIso } from '../../platform/dates';
import { foldVietnamese } from '../../../shared/text';
import type {
  AdoptableModelItem,
  AdoptableModelsQuery,
  CreateModelAdoptionInput,
  ModelAdoptionsAnswer,
  ModelAdoptionView,
  UpdateModelAdoptionInput,
} from '../../../shared/contracts/commendations-spread';
import { getUnitOrThrow, type UnitRow } from '../units/index';
import { listAttachments, replaceAttachments } from '../files/index';
import { findNomination, type NominationContext } from './nominations.repo';
import { findDecision } from './decisions.repo';
import * as repo from './model-adoptions.repo';

const PURPOSE = 'model_adoption' as const;
const notFound = () => new AppError('NOT_FOUND', 'Không tìm thấy bản ghi nhận áp dụng mô hình này.');

async function present(executor: Executor, actor: Actor, rows: repo.AdoptionWithUnit[]): Promise<ModelAdoptionView[]> {
  const files = await listAttachments(
    executor,
    PURPOSE,
    rows.map((row) => row.adoption.id),
  );
  return rows.map(({ adoption, unitName, unitPath }) => ({
    id: adoption.id,
    nominationId: adoption.nominationId,
    unit: { id: adoption.unitId, name: unitName },
    adoptedOn: adoption.adoptedOn,
    note: adoption.note ?? '',
    files: files.get(adoption.id) ?? [],
    version: adoption.version,
    canEdit: can(actor, 'commendations.nominate', unitPath),
    updatedAt: adoption.updatedAt.toISOString(),
  }));
}

/** A commended model and the level that decided it; anything else cannot be taken up. */
async function getCommendedModelOrThrow(executor: Executor, id: number, forUpdate = false) {
  const context = await findNomination(executor, id, forUpdate);
  if (!context) throw new AppError('NOT_FOUND', 'Không tìm thấy mô hình này.');
  const decision = context.nomination.decisionId ? await findDecision(executor, context.nomination.decisionId) : undefined;
  if (context.nomination.kind !== 'model' || context.nomination.status !== 'commended' || !decision) {
    throw new AppError('INVALID_STATE', 'Chỉ ghi nhận áp dụng được mô hình, cách làm hay đã được khen thưởng.');
  }
  return { context, decision };
}

/** A unit strictly below the deciding level, other than the one that nominated the model, still open. */
function assertMayAdopt(unit: UnitRow, context: NominationContext, decision: { unitPath: string; unitName: string }): void {
  if (unit.path === decision.unitPath || !isPathWithin(unit.path, decision.unitPath) || unit.id === context.nomination.unitId) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Chỉ đơn vị trực thuộc ${decision.unitName}, khác đơn vị đã đề nghị, mới ghi nhận áp dụng được mô hình này.`,
    );
  }
  if (unit.validTo !== null) throw new AppError('INVALID_STATE', `${unit.name} đã kết thúc hoạt động.`);
}

function assertAdoptedOn(adoptedOn: string, context: NominationContext): void {
  if (adoptedOn > todayIso()) throw new AppError('VALIDATION_FAILED', 'Ngày áp dụng không được sau ngày hôm nay.');
  if (adoptedOn < context.nomination.periodFrom) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Ngày áp dụng không được trước khi mô hình bắt đầu (${formatVietnameseDate(context.nomination.periodFrom)}).`,
    );
  }
}

async function viewOf(executor: Executor, actor: Actor, id: number): Promise<ModelAdoptionView> {
  const [view] = await present(executor, actor, await repo.listAdoptionsByIds(executor, [id]));
  return view!;
}

export async function adoptModel(
  db: Database,
  actor: Actor,
  nominationId: number,
  input: CreateModelAdoptionInput,
): Promise<ModelAdoptionView> {
  const unit = await getUnitOrThrow(db, input.unitId);
  assertCan(actor, 'commendations.nominate', unit.path);
  const id = await db.transaction(async (tx) => {
    // Locking the model makes two records of one unit at once queue, so the second sees the first.
    const { context, decision } = await getCommendedModelOrThrow(tx, nominationId, true);
    assertMayAdopt(unit, context, decision);
    assertAdoptedOn(input.adoptedOn, context);
    if (await repo.findAdoptionOf(tx, nominationId, unit.id)) {
      throw new AppError('DUPLICATE', `${unit.name} đã ghi nhận áp dụng mô hình "${context.nomination.title}".`);
    }
    const row = await repo.insertAdoption(tx, {
      nominationId,
      unitId: unit.id,
      adoptedOn: input.adoptedOn,
      note: input.note,
      createdBy: actor.userId,
    });
    await replaceAttachments(tx, { purpose: PURPOSE, ownerId: row.id, unitId: unit.id }, input.fileIds);
    await recordAudit(tx, actor, {
      action: 'model.adopt',
      entityType: 'model_adoption',
      entityId: row.id,
      unitPath: unit.path,
      after: { ...row, fileIds: input.fileIds },
    });
    return row.id;
  });
  return viewOf(db, actor, id);
}

/** Where an adoption named in a request sits (the adopting unit), for the check made before the body is read. */
export async function findAdoptionPlace(executor: Executor, id: number): Promise<RecordPlace | undefined> {
  const found = await repo.findAdoption(executor, id);
  return found ? { unitPaths: [found.unitPath] } : undefined;
}

async function getWritableAdoptionOrThrow(tx: Executor, actor: Actor, id: number, version: number) {
  const found = await repo.findAdoption(tx, id, true);
  if (!found) throw notFound();
  assertCan(actor, 'commendations.nominate', found.unitPath);
  if (found.adoption.version !== version)
    throw new AppError('VERSION_CONFLICT', 'Bản ghi nhận vừa được người khác thay đổi. Hãy tải lại rồi thực hiện lại.');
  return found;
}

export async function updateAdoption(db: Database, actor: Actor, id: number, input: UpdateModelAdoptionInput): Promise<ModelAdoptionView> {
  await db.transaction(async (tx) => {
    const found = await getWritableAdoptionOrThrow(tx, actor, id, input.version);
    const context = await findNomination(tx, found.adoption.nominationId);
    assertAdoptedOn(input.adoptedOn, context!);
    const after = await repo.updateAdoption(tx, id, { adoptedOn: input.adoptedOn, note: input.note });
    await replaceAttachments(tx, { purpose: PURPOSE, ownerId: id, unitId: found.adoption.unitId }, input.fileIds);
    await recordAudit(tx, actor, {
      action: 'model.adoption_update',
      entityType: 'model_adoption',
      entityId: id,
      unitPath: found.unitPath,
      before: found.adoption,
      after: { ...after, fileIds: input.fileIds },
    });
  });
  return viewOf(db, actor, id);
}

export async function deleteAdoption(db: Database, actor: Actor, id: number, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await getWritableAdoptionOrThrow(tx, actor, id, version);
    await replaceAttachments(tx, { purpose: PURPOSE, ownerId: id, unitId: found.adoption.unitId }, []);
    await repo.deleteAdoption(tx, id);
    await recordAudit(tx, actor, {
      action: 'model.adoption_delete',
      entityType: 'model_adoption',
      entityId: id,
      unitPath: found.unitPath,
      before: found.adoption,
    });
  });
}

/**
 * Who took a model up. Read by those who read the model, and by the units below the deciding level
 * (who may take it up); each sees the adoptions of its own subtrees, and how many there are in all.
 */
export async function listModelAdoptions(db: Database, actor: Actor, nominationId: number): Promise<ModelAdoptionsAnswer> {
  assertHasPermissionSomewhere(actor, 'commendations.read');
  const { context, decision } = await getCommendedModelOrThrow(db, nominationId);
  if (!can(actor, 'commendations.read', context.unitPath) && !canReadDownward(actor, 'commendations.read', decision.unitPath)) {
    throw new AppError('FORBIDDEN', 'Bạn không có quyền xem mô hình này.');
  }
  const rows = await repo.listAdoptionsInScope(db, nominationId, scopePaths(actor, 'commendations.read'));
  return { total: await repo.countAdoptions(db, nominationId), items: await present(db, actor, rows) };
}

/** The commended models decided above a unit, which it may take up, with its own record of each. */
export async function listAdoptableModels(db: Database, actor: Actor, query: AdoptableModelsQuery) {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'commendations.read', unit.path);
  const result = await repo.searchAdoptableModels(db, {
    unitId: unit.id,
    unitPath: unit.path,
    q: query.q ? foldVietnamese(query.q) : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
  const ids = result.items.map((item) => item.adoptionId).filter((id): id is number => id !== null);
  const adoptions = new Map((await present(db, actor, await repo.listAdoptionsByIds(db, ids))).map((view) => [view.id, view]));
  const items: AdoptableModelItem[] = result.items.map(({ adoptionId, ...item }) => ({
    ...item,
    adoption: adoptionId === null ? null : (adoptions.get(adoptionId) ?? null),
  }));
  return { items, total: result.total, page: query.page, pageSize: query.pageSize };
}
