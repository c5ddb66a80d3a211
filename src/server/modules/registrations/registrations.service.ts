import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, assertHasPermissionSomewhere, can, scopePaths, type Actor, type RecordPlace } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addFigureDeltas } from '../../platform/figures';
import { foldVietnamese } from '../../../shared/text';
import { EDITABLE_STATUSES, REGISTRATION_STATUS_LABELS } from '../../../shared/contracts/registration-status';
import type {
  ActionInput,
  CreateCollective,
  CreateOwnRegistration,
  LeaderMissing,
  LinkOptions,
  MineView,
  RegistrationDetail,
  RegistrationsPage,
  RegistrationsQuery,
  UpdateRegistration,
  ActionLinkKind,
} from '../../../shared/contracts/registrations';
import { getUnitOrThrow } from '../units/index';
import { registrationFigureDay } from '../figures/index';
import { actionCountDeltas, isRegistrant, snapshotOf, statusDeltas, transitionRegistration } from './registration-machine';
import * as repo from './registrations.repo';
import * as windows from './windows.repo';
import { linkOptionsFor, presentWindow } from './windows.service';
import { refreshSimilarities, SIMILARITY_THRESHOLD } from './similarity';
import { presentActions, presentDetail, presentHistory, presentLeaderMissing, presentSummary } from './registrations.presenter';

/** Folded shortcomings and actions: searched with LIKE and compared by trigrams for near-duplicates. */
export function searchTextOf(shortcomings: string, actions: Array<Pick<ActionInput, 'content' | 'measurableResult'>>): string {
  return foldVietnamese([shortcomings, ...actions.flatMap((action) => [action.content, action.measurableResult])].filter(Boolean).join(' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Each link must point to what the unit's window and standards offer that year. */
export function assertLinksOffered(actions: ActionInput[], options: LinkOptions): void {
  actions.forEach((action, index) => {
    const where = `Việc làm thứ ${index + 1}`;
    if (action.linkKind === 'topic' && !options.topics.some((topic) => topic.id === action.linkId)) {
      throw new AppError('VALIDATION_FAILED', `${where}: chuyên đề đã chọn không áp dụng cho đơn vị trong năm này.`);
    }
    if (action.linkKind === 'breakthrough' && !options.breakthroughs.some((item) => item.id === action.linkId)) {
      throw new AppError('VALIDATION_FAILED', `${where}: nội dung đột phá đã chọn không thuộc đợt đăng ký này.`);
    }
    if (action.linkKind === 'standard_criterion') {
      const standards = options.standards;
      if (!standards || standards.id !== action.linkId || action.linkIndex === null || action.linkIndex >= standards.criteria.length) {
        throw new AppError('VALIDATION_FAILED', `${where}: tiêu chí đã chọn không có trong chuẩn mực đạo đức hiện hành của đơn vị.`);
      }
    }
  });
}

/** The kinds of link the actions use: only those options need reading to check them. */
export function linkKindsOf(actions: ActionInput[]): Set<ActionLinkKind> {
  return new Set(actions.flatMap((action) => (action.linkKind ? [action.linkKind] : [])));
}

/** The stored columns of a registration's actions (a link index only on a standards criterion). */
export function actionColumns(actions: ActionInput[]) {
  return actions.map((action) => ({
    area: action.area,
    content: action.content,
    measurableResult: action.measurableResult,
    deadline: action.deadline,
    linkKind: action.linkKind,
    linkId: action.linkId,
    linkIndex: action.linkKind === 'standard_criterion' ? action.linkIndex : null,
  }));
}

export async function getWindowForOrThrow(executor: Executor, unit: { id: number; path: string; name: string }, year: number) {
  const window = await windows.findApplicableWindow(executor, unit.path, year);
  if (!window) throw new AppError('INVALID_STATE', `Chưa có cấp nào mở đợt đăng ký làm theo năm ${year} cho ${unit.name}.`);
  return window;
}

/** Two requests creating the same registration at once: the unique index lets one through. */
export function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return (error as { code?: string })?.code === '23505' || cause?.code === '23505';
}

/**
 * Writes a new draft with its actions, similarities, audit and figures. One entered on a member's
 * behalf also gets a first history event saying who typed it in.
 */
export async function insertWithActions(
  tx: Executor,
  actor: Actor,
  values: Parameters<typeof repo.insertRegistration>[1],
  actions: ActionInput[],
  unitPath: string,
) {
  const registration = await repo.insertRegistration(tx, { ...values, status: 'draft', createdBy: actor.userId });
  const columns = actionColumns(actions);
  await repo.insertActions(tx, registration.id, columns);
  if (registration.enteredOnBehalf) {
    await repo.insertEvent(tx, {
      registrationId: registration.id,
      actorUserId: actor.userId,
      actorName: actor.name,
      fromStatus: null,
      toStatus: 'draft',
      reason: null,
      snapshot: null,
      onBehalf: true,
    });
  }
  await refreshSimilarities(tx, registration.id, {
    year: registration.year,
    kind: registration.kind,
    searchText: registration.searchText,
    unitPath,
  });
  await recordAudit(tx, actor, {
    action: 'registration.create',
    entityType: 'registration',
    entityId: registration.id,
    unitPath,
    // The snapshot snapshotOf() would read back, built from what was just written.
    after: {
      kind: registration.kind,
      year: registration.year,
      unitId: registration.unitId,
      personId: registration.personId,
      shortcomings: registration.shortcomings,
      actions: columns,
    },
  });
  // A draft is in no bucket today; kept so creating goes through the same figure rules as every step.
  await addFigureDeltas(
    tx,
    statusDeltas(
      { ...registration, actionCount: actions.length, actionsDone: 0 },
      unitPath,
      null,
      'draft',
      registrationFigureDay(registration.year),
    ),
  );
  return registration;
}

export async function createOwnRegistration(db: Database, actor: Actor, input: CreateOwnRegistration): Promise<RegistrationDetail> {
  if (!actor.personId)
    throw new AppError(
      'FORBIDDEN',
      'Tài khoản của bạn chưa gắn với hồ sơ đảng viên, cán bộ nên chưa đăng ký được. Hãy báo quản trị hệ thống.',
    );
  const personId = actor.personId;
  const id = await db
    .transaction(async (tx) => {
      const membership = await repo.findPrimaryMembership(tx, personId);
      if (!membership) throw new AppError('INVALID_STATE', 'Bạn chưa có sinh hoạt chính thức ở đơn vị nào nên chưa đăng ký được.');
      const unit = { id: membership.unitId, path: membership.unitPath, name: membership.unitName };
      if (await repo.findIndividualId(tx, personId, input.year)) {
        throw new AppError('DUPLICATE', `Bạn đã có bản đăng ký năm ${input.year}. Hãy mở bản đó để sửa.`);
      }
      const window = await getWindowForOrThrow(tx, unit, input.year);
      if (input.supplementOfId !== null && (await repo.findTermRegistration(tx, personId, input.year))?.id !== input.supplementOfId) {
        throw new AppError('VALIDATION_FAILED', 'Bản đăng ký cả nhiệm kỳ được bổ sung không đúng.');
      }
      assertLinksOffered(input.actions, await linkOptionsFor(tx, unit, input.year, window, linkKindsOf(input.actions)));
      const registration = await insertWithActions(
        tx,
        actor,
        {
          kind: 'individual',
          year: input.year,
          unitId: unit.id,
          personId,
          windowId: window.id,
          supplementOfId: input.supplementOfId,
          shortcomings: input.shortcomings,
          isLeader: membership.isHead,
          searchText: searchTextOf(input.shortcomings, input.actions),
        },
        input.actions,
        unit.path,
      );
      await submitIfAsked(tx, actor, registration, input.submit);
      return registration.id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('DUPLICATE', `Bạn đã có bản đăng ký năm ${input.year}. Hãy tải lại trang.`);
      throw error;
    });
  return getRegistration(db, actor, id);
}

export async function createCollectiveRegistration(db: Database, actor: Actor, input: CreateCollective): Promise<RegistrationDetail> {
  const unit = await getUnitOrThrow(db, input.unitId);
  const id = await db
    .transaction(async (tx) => {
      const allowed = await isRegistrant(tx, actor, {
        registration: { kind: 'collective', unitId: unit.id } as repo.RegistrationRow,
        unitPath: unit.path,
      });
      if (!allowed) throw new AppError('FORBIDDEN', 'Chỉ người đứng đầu đơn vị hoặc cấp ủy có thẩm quyền mới đăng ký tập thể được.');
      if (unit.validTo) throw new AppError('INVALID_STATE', `Đơn vị "${unit.name}" đã kết thúc hoạt động.`);
      if (await repo.findCollectiveId(tx, unit.id, input.year)) {
        throw new AppError('DUPLICATE', `${unit.name} đã có bản đăng ký tập thể năm ${input.year}.`);
      }
      const window = await getWindowForOrThrow(tx, unit, input.year);
      assertLinksOffered(input.actions, await linkOptionsFor(tx, unit, input.year, window, linkKindsOf(input.actions)));
      const registration = await insertWithActions(
        tx,
        actor,
        {
          kind: 'collective',
          year: input.year,
          unitId: unit.id,
          personId: null,
          windowId: window.id,
          shortcomings: input.shortcomings,
          isLeader: false,
          searchText: searchTextOf(input.shortcomings, input.actions),
        },
        input.actions,
        unit.path,
      );
      await submitIfAsked(tx, actor, registration, input.submit);
      return registration.id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('DUPLICATE', `${unit.name} đã có bản đăng ký tập thể năm ${input.year}.`);
      throw error;
    });
  return getRegistration(db, actor, id);
}

/** Content changes only while the registrant holds it (draft, returned), and only over the version they saw. */
export async function updateRegistrationContent(
  db: Database,
  actor: Actor,
  id: number,
  input: UpdateRegistration,
): Promise<RegistrationDetail> {
  await db.transaction(async (tx) => {
    const located = await repo.findRegistrationWithUnit(tx, id, { forUpdate: true });
    if (!located) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đăng ký này.');
    const { registration, unitPath } = located;
    if (!(await isRegistrant(tx, actor, located))) throw new AppError('FORBIDDEN', 'Chỉ người đăng ký mới sửa được bản đăng ký này.');
    if (registration.version !== input.version) {
      throw new AppError(
        'VERSION_CONFLICT',
        'Bản đăng ký vừa được thay đổi (có thể đã được thẩm định). Hãy tải lại để xem bản mới nhất; nội dung bạn vừa nhập chưa được lưu.',
      );
    }
    const status = registration.status;
    if (!EDITABLE_STATUSES.includes(status)) {
      throw new AppError(
        'INVALID_STATE',
        `Bản đăng ký đang ở trạng thái "${REGISTRATION_STATUS_LABELS[status]}" nên không sửa được nội dung.`,
      );
    }
    if (registration.kind === 'individual' && !input.shortcomings) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Hãy nêu những hạn chế, khuyết điểm của bản thân cần khắc phục: đăng ký làm theo bắt đầu từ chính mình.',
      );
    }
    const window = await getWindowForOrThrow(tx, { id: registration.unitId, path: unitPath, name: located.unitName }, registration.year);
    assertLinksOffered(
      input.actions,
      await linkOptionsFor(tx, { id: registration.unitId, path: unitPath }, registration.year, window, linkKindsOf(input.actions)),
    );
    const before = await snapshotOf(tx, registration);
    await repo.replaceActions(tx, id, actionColumns(input.actions));
    await addFigureDeltas(
      tx,
      actionCountDeltas(
        registration,
        unitPath,
        status,
        before.actions.length,
        input.actions.length,
        registrationFigureDay(registration.year),
      ),
    );
    const searchText = searchTextOf(input.shortcomings, input.actions);
    const updated = await repo.updateRegistration(tx, id, {
      shortcomings: input.shortcomings,
      searchText,
    });
    await refreshSimilarities(tx, id, { year: registration.year, kind: registration.kind, searchText, unitPath });
    await recordAudit(tx, actor, {
      action: 'registration.update',
      entityType: 'registration',
      entityId: id,
      unitPath,
      before: { ...before, version: registration.version },
      after: { ...(await snapshotOf(tx, updated)), version: updated.version },
    });
    await submitIfAsked(tx, actor, updated, input.submit);
  });
  return getRegistration(db, actor, id);
}

/** A save that also submits: the machine's own step, in the save's transaction, so both happen or neither. */
async function submitIfAsked(
  tx: Executor,
  actor: Actor,
  saved: { id: number; version: number },
  submit: boolean | undefined,
): Promise<void> {
  if (submit) await transitionRegistration(tx, actor, { registrationId: saved.id, transition: 'submit', expectedVersion: saved.version });
}

/**
 * Reads one registration: its registrant, or whoever reads registrations of its unit. No
 * transaction: under READ COMMITTED it would not give the reads one snapshot anyway, and it would
 * cost two round trips on every answer after a write.
 */
/**
 * Where a registration named in a request sits, for the check made before the body is read: its
 * unit, and who may act on it as their own (the registrant, or for a collective one the unit's heads).
 */
export async function findRegistrationPlace(executor: Executor, id: number): Promise<RecordPlace | undefined> {
  const located = await repo.findRegistrationWithUnit(executor, id);
  if (!located) return undefined;
  const { registration, unitPath } = located;
  const personIds =
    registration.kind === 'individual'
      ? registration.personId == null
        ? []
        : [registration.personId]
      : await repo.listHeadsOfUnit(executor, registration.unitId);
  return { unitPaths: [unitPath], personIds };
}

export async function getRegistration(db: Database, actor: Actor, id: number): Promise<RegistrationDetail> {
  const located = await repo.findRegistrationWithUnit(db, id);
  if (!located) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đăng ký này.');
  const { registration, unitPath } = located;
  const registrant = await isRegistrant(db, actor, located);
  if (!registrant && !can(actor, 'registrations.read', unitPath)) {
    throw new AppError('FORBIDDEN', 'Bạn không có quyền xem bản đăng ký này.');
  }
  const { rows } = await repo.searchRegistrations(db, { scope: [unitPath], year: registration.year, ids: [id], page: 1, pageSize: 1 });
  const actions = await repo.listActionsOf(db, id);
  const window = registration.windowId ? await windows.findWindow(db, registration.windowId) : undefined;
  return presentDetail(presentSummary(rows[0]!), registration, {
    actions: presentActions(actions, await repo.findLinkLabels(db, actions)),
    history: presentHistory(await repo.listEventsOf(db, id)),
    closesOn: window?.closesOn ?? null,
    canEdit: registrant && EDITABLE_STATUSES.includes(registration.status),
    canAppraise: can(actor, 'registrations.appraise', unitPath),
  });
}

export async function listRegistrations(db: Database, actor: Actor, query: RegistrationsQuery): Promise<RegistrationsPage> {
  assertHasPermissionSomewhere(actor, 'registrations.read');
  let unitPath: string | undefined;
  if (query.unitId) {
    unitPath = (await getUnitOrThrow(db, query.unitId)).path;
    assertCan(actor, 'registrations.read', unitPath);
  }
  return db.transaction(async (tx) => {
    const { rows, total } = await repo.searchRegistrations(tx, {
      scope: scopePaths(actor, 'registrations.read'),
      year: query.year,
      unitPath,
      status: query.status,
      kind: query.kind,
      q: query.q ? foldVietnamese(query.q) : undefined,
      similarOnly: query.similarOnly,
      page: query.page,
      pageSize: query.pageSize,
    });
    return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize, threshold: SIMILARITY_THRESHOLD };
  });
}

/** The member's own page: their unit, the window that applies, what actions may link to, and their registration. */
export async function getMine(db: Database, actor: Actor, year: number): Promise<MineView> {
  const empty: MineView = {
    person: null,
    unit: null,
    isLeader: false,
    window: null,
    options: null,
    registration: null,
    termRegistration: null,
  };
  if (!actor.personId) return empty;
  const membership = await repo.findPrimaryMembership(db, actor.personId);
  if (!membership) {
    const fullName = await repo.findPersonName(db, actor.personId);
    return { ...empty, person: fullName ? { id: actor.personId, fullName } : null };
  }
  const unit = { id: membership.unitId, path: membership.unitPath };
  const window = await windows.findApplicableWindow(db, unit.path, year);
  const registrationId = await repo.findIndividualId(db, actor.personId, year);
  return {
    person: { id: membership.personId, fullName: membership.fullName },
    unit: { id: membership.unitId, name: membership.unitName },
    isLeader: membership.isHead,
    window: window ? presentWindow(actor, window) : null,
    options: window ? await linkOptionsFor(db, unit, year, window) : null,
    registration: registrationId ? await getRegistration(db, actor, registrationId) : null,
    termRegistration: (await repo.findTermRegistration(db, actor.personId, year)) ?? null,
  };
}

export async function listLeadersMissing(db: Database, actor: Actor, unitId: number, year: number): Promise<LeaderMissing[]> {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'registrations.read', unit.path);
  return (await repo.listLeadersMissing(db, unit.path, year)).map(presentLeaderMissing);
}
