import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, can, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addFigureDeltas, type FigureDelta } from '../../platform/figures';
import { todayIso } from '../../platform/dates';
import { foldVietnamese } from '../../../shared/text';
import { REGISTRATION_STATUS_LABELS, type RegistrationStatus } from '../../../shared/contracts/registration-status';
import type {
  CheckInInput,
  FollowupListQuery,
  FollowupMine,
  FollowupPage,
  FollowupRegistration,
  ReviewInput,
  SelfAssessmentInput,
} from '../../../shared/contracts/followup';
import { getUnitOrThrow } from '../units/index';
import { listAttachments, replaceAttachments } from '../files/index';
import { REGISTRATION_METRICS } from '../figures/index';
import {
  findRegistrationWithUnit,
  isRegistrant,
  listActionsOf,
  setActionProgress,
  setActionSelfAssessment,
  setLastCheckIn,
  stepFigureDay,
  transitionRegistration,
} from '../registrations/index';
import * as repo from './followup.repo';
import { presentDetail, presentListRow } from './followup.presenter';

export type Located = NonNullable<Awaited<ReturnType<typeof findRegistrationWithUnit>>>;

async function locate(executor: Executor, id: number, forUpdate = false): Promise<Located> {
  const located = await findRegistrationWithUnit(executor, id, { forUpdate });
  if (!located) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đăng ký này.');
  return located;
}

/** The registrant sees their own registration; readers of registrations see those of their subtree. */
async function assertCanRead(executor: Executor, actor: Actor, located: Located): Promise<boolean> {
  const own = await isRegistrant(executor, actor, located);
  if (!own && !can(actor, 'registrations.read', located.unitPath)) {
    throw new AppError('FORBIDDEN', 'Bạn không có quyền xem bản đăng ký này.');
  }
  return own;
}

async function presentById(executor: Executor, actor: Actor, id: number): Promise<FollowupRegistration> {
  const located = await locate(executor, id);
  const own = await assertCanRead(executor, actor, located);
  const { registration, unitPath } = located;
  const status = registration.status;
  const appraiser = can(actor, 'registrations.appraise', unitPath);
  const [actions, checkIns, names] = await Promise.all([
    listActionsOf(executor, id),
    repo.listCheckInsOf(executor, [id]),
    repo.namesOf(executor, id),
  ]);
  const files = await listAttachments(
    executor,
    'check_in',
    checkIns.map((checkIn) => checkIn.id),
  );
  return presentDetail(
    registration,
    { personName: names?.person_name ?? null, unitName: names?.unit_name ?? '', reviewerName: names?.reviewer_name ?? null },
    actions,
    checkIns,
    files,
    {
      canCheckIn: own && (repo.FOLLOWED_STATUSES as readonly string[]).includes(status),
      canSelfAssess: own && (repo.FOLLOWED_STATUSES as readonly string[]).includes(status),
      canReview: appraiser && status === 'self_assessed',
      canClose: appraiser && status === 'reviewed',
    },
  );
}

export function getRegistration(db: Database, actor: Actor, id: number) {
  return presentById(db, actor, id);
}

/** The signed-in member's own registrations of a year, with actions and check-ins. */
export async function getMine(db: Database, actor: Actor, year: number): Promise<FollowupMine> {
  if (!actor.personId) return { linked: false, registrations: [] };
  const ids = await repo.listOwnRegistrationIds(db, actor.personId, year);
  const registrations = [];
  for (const id of ids) registrations.push(await presentById(db, actor, id));
  return { linked: true, registrations };
}

/** Months before now, for "not updated for N months". */
export function monthsAgo(months: number, now = new Date()): Date {
  const date = new Date(now);
  date.setMonth(date.getMonth() - months);
  return date;
}

export async function listFollowup(db: Database, actor: Actor, query: FollowupListQuery): Promise<FollowupPage> {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'registrations.read', unit.path);
  const folded = query.q ? foldVietnamese(query.q) : undefined;
  const rows = await repo.listFollowup(db, unit.path, { ...query, q: folded }, query.staleMonths ? monthsAgo(query.staleMonths) : null);
  return { items: rows.map(presentListRow), total: rows[0] ? Number(rows[0].total) : 0, page: query.page, pageSize: query.pageSize };
}

/** Only the registrant records a check-in (the unit's appraisers too on a registration they typed in for the member). */
export async function assertCanCheckIn(executor: Executor, actor: Actor, located: Located): Promise<void> {
  if (!(await isRegistrant(executor, actor, located))) {
    throw new AppError('FORBIDDEN', 'Chỉ người đăng ký mới ghi nhận được tiến độ thực hiện.');
  }
}

/** Check-ins are recorded while the year's work is under way: published, or in progress. */
export function assertFollowed(status: RegistrationStatus): void {
  if (!(repo.FOLLOWED_STATUSES as readonly string[]).includes(status)) {
    throw new AppError(
      'INVALID_STATE',
      `Chỉ ghi nhận tiến độ khi bản đăng ký đã công khai và đang thực hiện; bản này đang ở trạng thái "${REGISTRATION_STATUS_LABELS[status]}".`,
    );
  }
}

/** A check-in made on `checkedOn` counts one in the check-ins of its registration's year, on that day (stepFigureDay). */
export function checkInDeltas(registration: { year: number }, unitPath: string, checkedOn: string): FigureDelta[] {
  return [
    { unitPath, metric: REGISTRATION_METRICS.checkIns(registration.year), day: stepFigureDay(registration.year, checkedOn), delta: 1 },
  ];
}

/** A reviewed individual registration counts one in its review level's figure (a collective one in none). */
export function reviewLevelDeltas(registration: { kind: string; year: number }, unitPath: string, reviewLevel: string): FigureDelta[] {
  if (registration.kind !== 'individual') return [];
  return [
    {
      unitPath,
      metric: REGISTRATION_METRICS.reviewLevel(reviewLevel, registration.year),
      day: stepFigureDay(registration.year, todayIso()),
      delta: 1,
    },
  ];
}

/** A self-assessment gives every action of the registration a level, each once; returns them by action. */
export function assertEveryActionAssessed<T extends { actionId: number }>(actions: Array<{ id: number }>, given: T[]): Map<number, T> {
  const byAction = new Map(given.map((item) => [item.actionId, item]));
  if (byAction.size !== given.length || actions.length !== byAction.size || actions.some((action) => !byAction.has(action.id))) {
    throw new AppError('VALIDATION_FAILED', 'Hãy tự đánh giá đúng và đủ từng việc đã đăng ký (mỗi việc một lần).');
  }
  return byAction;
}

/**
 * A check-in on one action. Only the registrant records it, while the registration is published
 * or in progress; the first one moves a published registration to "in progress" through the status
 * machine. It updates the action's progress and the registration's last check-in, and counts one
 * check-in in the figures of the registration's year.
 */
export async function recordCheckIn(db: Database, actor: Actor, registrationId: number, input: CheckInInput) {
  await db.transaction(async (tx) => {
    const located = await locate(tx, registrationId, true);
    const { registration, unitPath } = located;
    await assertCanCheckIn(tx, actor, located);
    const status = registration.status;
    assertFollowed(status);
    const action = await repo.findAction(tx, registrationId, input.actionId);
    if (!action) throw new AppError('VALIDATION_FAILED', 'Việc đăng ký đã chọn không thuộc bản đăng ký này.');
    if (status === 'published') {
      await transitionRegistration(tx, actor, { registrationId, transition: 'start', expectedVersion: registration.version });
    }
    const today = todayIso();
    const checkIn = await repo.insertCheckIn(tx, {
      registrationId,
      actionId: action.id,
      checkedOn: today,
      progressPercent: input.progressPercent,
      note: input.note,
      createdBy: actor.userId,
    });
    const files = await replaceAttachments(tx, { purpose: 'check_in', ownerId: checkIn.id, unitId: registration.unitId }, input.fileIds);
    await setActionProgress(tx, action.id, input.progressPercent);
    // Not a change of content: the version stays, so an appraiser's open screen is not invalidated.
    await setLastCheckIn(tx, registrationId, checkIn.createdAt);
    await recordAudit(tx, actor, {
      action: 'registration.check_in',
      entityType: 'registration',
      entityId: String(registrationId),
      unitPath,
      before: { actionId: action.id, progressPercent: action.progressPercent },
      after: { actionId: action.id, progressPercent: input.progressPercent, note: input.note, fileIds: files.map((file) => file.id) },
    });
    await addFigureDeltas(tx, checkInDeltas(registration, unitPath, today));
  });
  return presentById(db, actor, registrationId);
}

/** The member's year-end self-assessment: every action gets a level, then the whole registration. */
export async function selfAssess(db: Database, actor: Actor, registrationId: number, input: SelfAssessmentInput) {
  await db.transaction(async (tx) => {
    const actions = await listActionsOf(tx, registrationId);
    const given = assertEveryActionAssessed(actions, input.actions);
    // The actions' levels first: the transition counts the actions done into the figures.
    for (const action of actions) {
      const item = given.get(action.id)!;
      await setActionSelfAssessment(tx, action.id, item.level, item.note);
    }
    await transitionRegistration(tx, actor, {
      registrationId,
      transition: 'selfAssess',
      expectedVersion: input.version,
      patch: { selfLevel: input.selfLevel, selfExplanation: input.selfExplanation },
    });
  });
  return presentById(db, actor, registrationId);
}

/** The cell's review: its level and comment, kept for the yearly grading of members. */
export async function review(db: Database, actor: Actor, registrationId: number, input: ReviewInput) {
  await db.transaction(async (tx) => {
    const { registration, unitPath } = await transitionRegistration(tx, actor, {
      registrationId,
      transition: 'review',
      expectedVersion: input.version,
      patch: { reviewLevel: input.reviewLevel, reviewComment: input.reviewComment, reviewedBy: actor.userId, reviewedAt: new Date() },
    });
    await addFigureDeltas(tx, reviewLevelDeltas(registration, unitPath, input.reviewLevel));
  });
  return presentById(db, actor, registrationId);
}

export async function close(db: Database, actor: Actor, registrationId: number, version: number) {
  await db.transaction((tx) => transitionRegistration(tx, actor, { registrationId, transition: 'close', expectedVersion: version }));
  return presentById(db, actor, registrationId);
}

/**
 * The year-end result of a person's individual registration (reviewed or closed), or null: what
 * the yearly grading of members (QĐ 366-QĐ/TW) reads.
 */
export async function getReviewResult(executor: Executor, personId: number, year: number) {
  const row = await repo.findReviewResult(executor, personId, year);
  if (!row) return null;
  return {
    registrationId: Number(row.id),
    status: row.status,
    selfLevel: row.self_level,
    reviewLevel: row.review_level,
    reviewComment: row.review_comment,
    reviewedAt: row.reviewed_at === null ? null : new Date(row.reviewed_at).toISOString(),
  };
}
