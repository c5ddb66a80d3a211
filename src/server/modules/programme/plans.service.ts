import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { scopePaths, type Actor, type RecordPlace } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { foldVietnamese } from '../../../shared/text';
import type { CreatePlan, LegalBasis, Plan, PlansAnswer, PlansQuery, TaskGroup, UpdatePlan } from '../../../shared/contracts/programme';
import { listAttachments, replaceAttachments } from '../files/index';
import { getUnitOrThrow } from '../units/index';
import { partyOrganisationOf, placeOf, writePlanDocument } from './plan-document';
import * as repo from './plans.repo';
import { presentLegalBasis, presentPlan } from './programme.presenter';
import { assertVersion, getReadableUnitOrThrow, getWritableUnitOrThrow, listRoots, notFound } from './programme.scope';
import { exportFileName } from '../../platform/file-names';

function planSearchText(input: { numberSymbol: string; title: string; taskGroups: TaskGroup[] }): string {
  const groups = input.taskGroups.map((group) => `${group.title} ${group.contents.join(' ')}`).join(' ');
  return foldVietnamese(`${input.numberSymbol} ${input.title} ${groups}`);
}

async function presentPlans(executor: Executor, actor: Actor, rows: repo.PlanWithUnit[]): Promise<Plan[]> {
  const baseIds = [...new Set(rows.flatMap((row) => row.plan.legalBasisIds))];
  const bases = new Map((await repo.findLegalBasesByIds(executor, baseIds)).map((basis) => [basis.id, basis]));
  const files = await listAttachments(
    executor,
    'plan',
    rows.map((row) => row.plan.id),
  );
  return rows.map((row) => presentPlan(actor, row, bases, files.get(row.plan.id) ?? []));
}

/** New references must be to active bases; a basis deactivated later may stay on a plan that cites it. */
async function assertLegalBases(executor: Executor, ids: number[], alreadyCited: number[] = []): Promise<number[]> {
  const unique = [...new Set(ids)];
  const found = await repo.findLegalBasesByIds(executor, unique);
  for (const id of unique) {
    const basis = found.find((row) => row.id === id);
    if (!basis) throw new AppError('VALIDATION_FAILED', `Căn cứ số ${id} không có trong danh mục.`);
    if (!basis.isActive && !alreadyCited.includes(id)) {
      throw new AppError('VALIDATION_FAILED', `Căn cứ ${basis.symbol} đã ngừng sử dụng, không thể chọn thêm.`);
    }
  }
  return unique;
}

async function assertNumberFree(executor: Executor, unitId: number, numberSymbol: string, exceptId?: number) {
  const other = await repo.findPlanByNumber(executor, unitId, numberSymbol);
  if (other && other.id !== exceptId) {
    const note = other.deletedAt ? ' (kế hoạch đó đã bị xóa)' : '';
    throw new AppError('DUPLICATE', `Đơn vị đã có kế hoạch số ${other.numberSymbol}${note}. Hãy dùng số, ký hiệu khác.`);
  }
}

function planColumns(input: Omit<CreatePlan, 'unitId' | 'fileIds'>, legalBasisIds: number[]) {
  return {
    numberSymbol: input.numberSymbol,
    title: input.title,
    issuedOn: input.issuedOn,
    fromYear: input.fromYear,
    toYear: input.toYear,
    legalBasisIds,
    taskGroups: input.taskGroups,
    searchText: planSearchText(input),
  };
}

export async function createPlan(db: Database, actor: Actor, input: CreatePlan) {
  const unit = await getWritableUnitOrThrow(db, actor, input.unitId);
  const id = await db.transaction(async (tx) => {
    const legalBasisIds = await assertLegalBases(tx, input.legalBasisIds);
    await assertNumberFree(tx, unit.id, input.numberSymbol);
    const plan = await repo.insertPlan(tx, { unitId: unit.id, ...planColumns(input, legalBasisIds), createdBy: actor.userId });
    const files = await replaceAttachments(tx, { purpose: 'plan', ownerId: plan.id, unitId: unit.id }, input.fileIds);
    await recordAudit(tx, actor, {
      action: 'plan.create',
      entityType: 'plan',
      entityId: plan.id,
      unitPath: unit.path,
      after: { ...plan, fileIds: files.map((file) => file.id) },
    });
    return plan.id;
  });
  return getPlan(db, actor, id);
}

/** Where a plan named in a request sits (its issuing unit), for the check made before the body is read. */
export async function findPlanPlace(executor: Executor, id: number): Promise<RecordPlace | undefined> {
  const row = await repo.findPlan(executor, id);
  return row ? { unitPaths: [row.unitPath] } : undefined;
}

async function getPlanRowOrThrow(executor: Executor, id: number): Promise<repo.PlanWithUnit> {
  const row = await repo.findPlan(executor, id);
  if (!row) throw notFound('kế hoạch');
  return row;
}

export async function getPlan(db: Database, actor: Actor, id: number): Promise<Plan> {
  const row = await getPlanRowOrThrow(db, id);
  await getReadableUnitOrThrow(db, actor, row.plan.unitId);
  const [view] = await presentPlans(db, actor, [row]);
  return view!;
}

/** The plan as a Party-format Word document, for whoever may read the plan. */
export async function exportPlanDocument(db: Database, actor: Actor, id: number) {
  const plan = await getPlan(db, actor, id);
  const unit = await getUnitOrThrow(db, plan.unit.id);
  const parent = unit.parentId ? await getUnitOrThrow(db, unit.parentId) : null;
  const body = await writePlanDocument({
    numberSymbol: plan.numberSymbol,
    title: plan.title,
    issuedOn: plan.issuedOn,
    fromYear: plan.fromYear,
    toYear: plan.toYear,
    unitName: unit.name,
    parentName: parent ? partyOrganisationOf(parent.name) : null,
    place: placeOf(unit.name) ?? (parent ? placeOf(parent.name) : null),
    legalBases: plan.legalBases.map((basis) => basis.title),
    taskGroups: plan.taskGroups,
  });
  return { fileName: exportFileName(`Kế hoạch ${plan.numberSymbol}`, 'docx'), body };
}

export async function updatePlan(db: Database, actor: Actor, id: number, input: UpdatePlan) {
  await db.transaction(async (tx) => {
    await repo.lockPlan(tx, id);
    const row = await getPlanRowOrThrow(tx, id);
    const unit = await getWritableUnitOrThrow(tx, actor, row.plan.unitId);
    assertVersion(row.plan.version, input.version, `Kế hoạch ${row.plan.numberSymbol}`);
    const legalBasisIds = await assertLegalBases(tx, input.legalBasisIds, row.plan.legalBasisIds);
    await assertNumberFree(tx, unit.id, input.numberSymbol, id);
    const after = await repo.updatePlan(tx, id, planColumns(input, legalBasisIds));
    const files = await replaceAttachments(tx, { purpose: 'plan', ownerId: id, unitId: unit.id }, input.fileIds);
    await recordAudit(tx, actor, {
      action: 'plan.update',
      entityType: 'plan',
      entityId: id,
      unitPath: unit.path,
      before: row.plan,
      after: { ...after, fileIds: files.map((file) => file.id) },
    });
  });
  return getPlan(db, actor, id);
}

/** Soft delete: the row stays for the audit trail and keeps its number taken. */
export async function deletePlan(db: Database, actor: Actor, id: number, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.lockPlan(tx, id);
    const row = await getPlanRowOrThrow(tx, id);
    const unit = await getWritableUnitOrThrow(tx, actor, row.plan.unitId);
    assertVersion(row.plan.version, version, `Kế hoạch ${row.plan.numberSymbol}`);
    await repo.updatePlan(tx, id, { deletedAt: new Date() });
    await recordAudit(tx, actor, { action: 'plan.delete', entityType: 'plan', entityId: id, unitPath: unit.path, before: row.plan });
  });
}

export async function searchPlans(db: Database, actor: Actor, query: PlansQuery): Promise<PlansAnswer> {
  const roots = await listRoots(db, actor, query.unitId);
  const { items, total } = await repo.searchPlans(db, { ...query, roots, q: query.q ? foldVietnamese(query.q) : undefined });
  return { items: await presentPlans(db, actor, items), total, page: query.page, pageSize: query.pageSize };
}

// ── Legal bases ─────────────────────────────────────────────────────────────

/** The list is shared by the whole tree, so only an administrator of a top-level unit keeps it. */
function assertCanKeepLegalBases(actor: Actor): void {
  if (!scopePaths(actor, 'accounts.manage').some((path) => !path.includes('.'))) {
    throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống cấp cao nhất mới được sửa danh mục căn cứ.');
  }
}

export async function listLegalBases(db: Database, actor: Actor, includeInactive: boolean): Promise<LegalBasis[]> {
  if (scopePaths(actor, 'programme.read').length === 0) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem nội dung này.');
  return (await repo.listLegalBases(db, includeInactive)).map(presentLegalBasis);
}

export async function createLegalBasis(
  db: Database,
  actor: Actor,
  input: { symbol: string; title: string; issuedOn: string },
): Promise<LegalBasis> {
  assertCanKeepLegalBases(actor);
  return db.transaction(async (tx) => {
    if (await repo.findLegalBasisBySymbol(tx, input.symbol)) {
      throw new AppError('DUPLICATE', `Căn cứ ${input.symbol} đã có trong danh mục.`);
    }
    const row = await repo.insertLegalBasis(tx, input);
    await recordAudit(tx, actor, { action: 'legal_basis.create', entityType: 'legal_basis', entityId: row.id, after: row });
    return presentLegalBasis(row);
  });
}

export async function updateLegalBasis(
  db: Database,
  actor: Actor,
  id: number,
  input: { title?: string; isActive?: boolean },
): Promise<LegalBasis> {
  assertCanKeepLegalBases(actor);
  return db.transaction(async (tx) => {
    const [before] = await repo.findLegalBasesByIds(tx, [id]);
    if (!before) throw notFound('căn cứ');
    const after = await repo.updateLegalBasis(tx, id, { title: input.title ?? before.title, isActive: input.isActive ?? before.isActive });
    await recordAudit(tx, actor, { action: 'legal_basis.update', entityType: 'legal_basis', entityId: id, before, after });
    return presentLegalBasis(after!);
  });
}
