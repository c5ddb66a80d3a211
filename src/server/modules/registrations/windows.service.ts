import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, assertCanReadDownward, can, scopePaths, type Actor, type RecordPlace } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import {
  ACTION_LINK_KINDS,
  type ActionLinkKind,
  type ApplicableWindow,
  type CreateWindow,
  type LinkOptions,
  type UpdateWindow,
  type WindowView,
} from '../../../shared/contracts/registrations';
import { getUnitOrThrow } from '../units/index';
import { listApplicableTopics } from '../programme/index';
import * as repo from './windows.repo';

export function presentWindow(actor: Actor | null, row: repo.WindowListRow): WindowView {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    year: row.year,
    toYear: row.toYear,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    topicId: row.topicId,
    topicTitle: row.topicTitle,
    breakthroughIds: row.breakthroughIds,
    guidance: row.guidance,
    version: row.version,
    registrationCount: row.registrationCount,
    canEdit: actor !== null && can(actor, 'registrations.windows', row.unitPath),
  };
}

async function getWindowOrThrow(executor: Executor, id: number, forUpdate = false) {
  const row = await repo.findWindow(executor, id, forUpdate);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy đợt đăng ký này.');
  return row;
}

/** The topic and breakthrough contents a window names must be ones that reach its level that year. */
export async function assertLinksValid(
  executor: Executor,
  unit: { id: number; path: string },
  input: { year: number; topicId: number | null; breakthroughIds: number[] },
) {
  if (input.topicId !== null) {
    const topics = await listApplicableTopics(executor, unit.path, input.year);
    if (!topics.some((topic) => topic.id === input.topicId)) {
      throw new AppError('VALIDATION_FAILED', 'Chuyên đề đã chọn không áp dụng cho đơn vị này trong năm đăng ký.');
    }
  }
  if (input.breakthroughIds.length > 0) {
    const allowed = new Set((await repo.listLevelBreakthroughs(executor, unit.id, input.year)).map((item) => item.id));
    if (input.breakthroughIds.some((id) => !allowed.has(id))) {
      throw new AppError('VALIDATION_FAILED', 'Chỉ chọn được nội dung đột phá của chính cấp này trong năm đăng ký.');
    }
  }
}

export async function listWindows(db: Database, actor: Actor, year: number | undefined): Promise<WindowView[]> {
  const rows = await repo.listWindows(db, scopePaths(actor, 'programme.read'), year);
  return rows.map((row) => presentWindow(actor, row));
}

/** What a unit's members link their actions to: the window's topic and breakthroughs, the unit's standards. */
const ALL_LINK_KINDS: ReadonlySet<ActionLinkKind> = new Set(ACTION_LINK_KINDS);

/**
 * What actions of a registration in this unit and year may link to. `kinds` limits the reading to
 * the kinds of link a registration being checked actually uses: most writes need one or none.
 */
export async function linkOptionsFor(
  executor: Executor,
  unit: { id: number; path: string },
  year: number,
  window: repo.WindowListRow,
  kinds: ReadonlySet<ActionLinkKind> = ALL_LINK_KINDS,
): Promise<LinkOptions> {
  const topics = !kinds.has('topic')
    ? []
    : window.topicId !== null
      ? [{ id: window.topicId, title: window.topicTitle ?? '' }]
      : (await listApplicableTopics(executor, unit.path, year)).map((topic) => ({ id: topic.id, title: topic.title }));
  const breakthroughs = !kinds.has('breakthrough')
    ? []
    : window.breakthroughIds.length > 0
      ? await repo.listBreakthroughsByIds(executor, window.breakthroughIds)
      : await repo.listLevelBreakthroughs(executor, window.unitId, year);
  const standards = kinds.has('standard_criterion') ? ((await repo.findAdoptedStandards(executor, unit.id)) ?? null) : null;
  return { topics, breakthroughs, standards };
}

export async function getApplicableWindow(db: Database, actor: Actor, unitId: number, year: number): Promise<ApplicableWindow> {
  const unit = await getUnitOrThrow(db, unitId);
  assertCanReadDownward(actor, 'programme.read', unit.path);
  const window = await repo.findApplicableWindow(db, unit.path, year);
  if (!window) return { window: null, options: null };
  return { window: presentWindow(actor, window), options: await linkOptionsFor(db, unit, year, window) };
}

export async function createWindow(db: Database, actor: Actor, input: CreateWindow): Promise<WindowView> {
  const unit = await getUnitOrThrow(db, input.unitId);
  assertCan(actor, 'registrations.windows', unit.path);
  if (unit.validTo) throw new AppError('INVALID_STATE', `Đơn vị "${unit.name}" đã kết thúc hoạt động.`);
  const id = await db.transaction(async (tx) => {
    if (await repo.findWindowOfUnitYear(tx, unit.id, input.year)) {
      throw new AppError('DUPLICATE', `${unit.name} đã mở đợt đăng ký cho năm ${input.year}. Hãy sửa đợt đã có.`);
    }
    await assertLinksValid(tx, unit, input);
    const row = await repo.insertWindow(tx, { ...input, createdBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'registration_window.create',
      entityType: 'registration_window',
      entityId: row.id,
      unitPath: unit.path,
      after: input,
    });
    return row.id;
  });
  return presentWindow(actor, await getWindowOrThrow(db, id));
}

/** Where a window named in a request sits (the unit that opened it), for the check made before the body is read. */
export async function findWindowPlace(executor: Executor, id: number): Promise<RecordPlace | undefined> {
  const window = await repo.findWindow(executor, id);
  return window ? { unitPaths: [window.unitPath] } : undefined;
}

export async function updateWindow(db: Database, actor: Actor, id: number, input: UpdateWindow): Promise<WindowView> {
  await db.transaction(async (tx) => {
    const window = await getWindowOrThrow(tx, id, true);
    assertCan(actor, 'registrations.windows', window.unitPath);
    if (window.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', 'Đợt đăng ký vừa được người khác sửa. Hãy tải lại rồi sửa tiếp.');
    }
    // Registrations already belong to the window's year: moving it would orphan them.
    if ((input.year !== window.year || input.toYear !== window.toYear) && (await repo.countWindowRegistrations(tx, id)) > 0) {
      throw new AppError('INVALID_STATE', 'Đã có bản đăng ký trong đợt này nên không đổi được năm.');
    }
    if (input.year !== window.year && (await repo.findWindowOfUnitYear(tx, window.unitId, input.year))) {
      throw new AppError('DUPLICATE', `${window.unitName} đã mở đợt đăng ký cho năm ${input.year}.`);
    }
    await assertLinksValid(tx, { id: window.unitId, path: window.unitPath }, input);
    const { version: _version, ...values } = input;
    await repo.updateWindow(tx, id, values);
    const { registrationCount: _count, unitName: _name, unitPath: _path, topicTitle: _title, ...before } = window;
    await recordAudit(tx, actor, {
      action: 'registration_window.update',
      entityType: 'registration_window',
      entityId: id,
      unitPath: window.unitPath,
      before,
      after: values,
    });
  });
  return presentWindow(actor, await getWindowOrThrow(db, id));
}

export async function deleteWindow(db: Database, actor: Actor, id: number, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const window = await getWindowOrThrow(tx, id, true);
    assertCan(actor, 'registrations.windows', window.unitPath);
    if (window.version !== version) throw new AppError('VERSION_CONFLICT', 'Đợt đăng ký vừa được người khác sửa. Hãy tải lại rồi thử lại.');
    const registrations = await repo.countWindowRegistrations(tx, id);
    if (registrations > 0) {
      throw new AppError('INVALID_STATE', `Đợt đăng ký đã có ${registrations} bản đăng ký nên không xóa được.`);
    }
    await repo.deleteWindow(tx, id);
    await recordAudit(tx, actor, {
      action: 'registration_window.delete',
      entityType: 'registration_window',
      entityId: id,
      unitPath: window.unitPath,
      before: { year: window.year, toYear: window.toYear, opensOn: window.opensOn, closesOn: window.closesOn },
    });
  });
}
