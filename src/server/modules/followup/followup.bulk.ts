import type { Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { todayIso } from '../../platform/dates';
import { addFigureDeltas, type FigureDelta } from '../../platform/figures';
import {
  CheckInSchema,
  ReviewSchema,
  SelfAssessmentSchema,
  type ReviewInput,
  type SelfAssessmentInput,
} from '../../../shared/contracts/followup';
import {
  findRegistrationWithUnit,
  setActionProgresses,
  setActionSelfAssessments,
  setLastCheckIns,
  transitionRegistration,
} from '../registrations/index';
import * as repo from './followup.repo';
import {
  assertCanCheckIn,
  assertEveryActionAssessed,
  assertFollowed,
  checkInDeltas,
  reviewLevelDeltas,
  type Located,
} from './followup.service';

/**
 * Bulk writes of the year's follow-up, for loads (the demo, a migration): many rows in few
 * statements, through the rules recordCheckIn, selfAssess and review apply to one — who may write,
 * in which status, the status machine's steps, the same figure changes — everything checked
 * before anything is written.
 */

function refuse(where: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', `${where}: ${message}`);
}

/** The registrations, locked in id order, each found or refused. */
async function locateAll(tx: Executor, ids: number[]): Promise<Map<number, Located>> {
  const located = new Map<number, Located>();
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
    const found = await findRegistrationWithUnit(tx, id, { forUpdate: true });
    if (!found) throw new AppError('NOT_FOUND', `Không tìm thấy bản đăng ký số ${id}.`);
    located.set(id, found);
  }
  return located;
}

/** A check-in typed in later: which action, when it was made (its day is the Vietnamese calendar day of `at`), how far, what was done. */
export type BulkCheckIn = { registrationId: number; actionId: number; at: Date; progressPercent: number; note: string };

/**
 * Records many check-ins, as recordCheckIn records each: only by the registrant, on an action of
 * the registration, while it is published or in progress (the first moves a published one to "in
 * progress" through the status machine). Each action keeps the progress of its latest check-in,
 * each registration the time of its latest; each check-in counts one in its year's figure, on its
 * day. One audit row for the batch. Returns each registration's version after the batch.
 */
export async function recordCheckInsInBulk(tx: Executor, actor: Actor, checkIns: BulkCheckIn[]): Promise<Map<number, number>> {
  const now = new Date();
  const parsed = checkIns.map((checkIn, index) => {
    const where = `Lần cập nhật thứ ${index + 1}`;
    const result = CheckInSchema.safeParse({ actionId: checkIn.actionId, progressPercent: checkIn.progressPercent, note: checkIn.note });
    if (!result.success) refuse(where, result.error.issues[0]?.message ?? 'không hợp lệ');
    if (!(checkIn.at instanceof Date) || Number.isNaN(checkIn.at.getTime()) || checkIn.at > now)
      refuse(where, 'ngày cập nhật không hợp lệ hoặc ở tương lai.');
    return { ...checkIn, note: result.data.note };
  });
  const located = await locateAll(
    tx,
    parsed.map((checkIn) => checkIn.registrationId),
  );
  for (const found of located.values()) {
    await assertCanCheckIn(tx, actor, found);
    assertFollowed(found.registration.status);
  }
  const owner = new Map((await repo.listActionsOfMany(tx, [...located.keys()])).map((action) => [action.id, action.registrationId]));
  parsed.forEach((checkIn, index) => {
    if (owner.get(checkIn.actionId) !== checkIn.registrationId)
      refuse(`Lần cập nhật thứ ${index + 1}`, 'việc đăng ký đã chọn không thuộc bản đăng ký này.');
  });
  const versions = new Map([...located].map(([id, found]) => [id, found.registration.version]));
  for (const [id, found] of located) {
    if (found.registration.status !== 'published') continue;
    const { registration } = await transitionRegistration(tx, actor, {
      registrationId: id,
      transition: 'start',
      expectedVersion: found.registration.version,
    });
    versions.set(id, registration.version);
  }
  await repo.insertCheckIns(
    tx,
    parsed.map((checkIn) => ({
      registrationId: checkIn.registrationId,
      actionId: checkIn.actionId,
      checkedOn: todayIso(checkIn.at),
      progressPercent: checkIn.progressPercent,
      note: checkIn.note,
      createdBy: actor.userId,
      createdAt: checkIn.at,
    })),
  );
  // The latest check-in of each action and of each registration (the later given wins a tie, as it would have been written later).
  const latestOfAction = new Map<number, BulkCheckIn>();
  const latestOfRegistration = new Map<number, Date>();
  for (const checkIn of parsed) {
    const action = latestOfAction.get(checkIn.actionId);
    if (!action || checkIn.at >= action.at) latestOfAction.set(checkIn.actionId, checkIn);
    const last = latestOfRegistration.get(checkIn.registrationId);
    if (!last || checkIn.at > last) latestOfRegistration.set(checkIn.registrationId, checkIn.at);
  }
  await setActionProgresses(
    tx,
    [...latestOfAction].map(([actionId, checkIn]) => ({ actionId, progressPercent: checkIn.progressPercent })),
  );
  await setLastCheckIns(
    tx,
    [...latestOfRegistration].map(([registrationId, at]) => ({ registrationId, at })),
  );
  await addFigureDeltas(
    tx,
    parsed.flatMap((checkIn) => {
      const { registration, unitPath } = located.get(checkIn.registrationId)!;
      return checkInDeltas(registration, unitPath, todayIso(checkIn.at));
    }),
  );
  if (parsed.length > 0) {
    const single = located.size === 1 ? [...located.values()][0]! : null;
    await recordAudit(tx, actor, {
      action: 'registration.check_in_bulk',
      entityType: 'registration',
      entityId: single ? single.registration.id : 'bulk',
      unitPath: single?.unitPath ?? null,
      after: { checkIns: parsed.length, registrationIds: [...located.keys()] },
    });
  }
  return versions;
}

/**
 * Many year-end self-assessments, as selfAssess writes each: every action of the registration
 * gets its level (all in one statement), then the registration steps to "self-assessed" through
 * the status machine, which counts the actions done into the figures and audits the step.
 */
export async function selfAssessInBulk(
  tx: Executor,
  actor: Actor,
  items: Array<SelfAssessmentInput & { registrationId: number }>,
): Promise<void> {
  const parsed = items.map((item, index) => {
    const result = SelfAssessmentSchema.safeParse(item);
    if (!result.success) refuse(`Bản tự đánh giá thứ ${index + 1}`, result.error.issues[0]?.message ?? 'không hợp lệ');
    return { ...result.data, registrationId: item.registrationId };
  });
  const actions = await repo.listActionsOfMany(
    tx,
    parsed.map((item) => item.registrationId),
  );
  const levels = parsed.flatMap((item) => {
    const given = assertEveryActionAssessed(
      actions.filter((action) => action.registrationId === item.registrationId),
      item.actions,
    );
    return [...given.values()].map((action) => ({ actionId: action.actionId, selfLevel: action.level, selfNote: action.note }));
  });
  // The actions' levels first: the transition counts the actions done into the figures.
  await setActionSelfAssessments(tx, levels);
  for (const item of parsed) {
    await transitionRegistration(tx, actor, {
      registrationId: item.registrationId,
      transition: 'selfAssess',
      expectedVersion: item.version,
      patch: { selfLevel: item.selfLevel, selfExplanation: item.selfExplanation },
    });
  }
}

/**
 * Many reviews by the cell, as review writes each: the step to "reviewed" through the status
 * machine (which audits it) with the level and comment, and the review level's figure, for all
 * of them in one call.
 */
export async function reviewInBulk(tx: Executor, actor: Actor, items: Array<ReviewInput & { registrationId: number }>): Promise<void> {
  const parsed = items.map((item, index) => {
    const result = ReviewSchema.safeParse(item);
    if (!result.success) refuse(`Bản nhận xét thứ ${index + 1}`, result.error.issues[0]?.message ?? 'không hợp lệ');
    return { ...result.data, registrationId: item.registrationId };
  });
  const deltas: FigureDelta[] = [];
  for (const item of parsed) {
    const { registration, unitPath } = await transitionRegistration(tx, actor, {
      registrationId: item.registrationId,
      transition: 'review',
      expectedVersion: item.version,
      patch: { reviewLevel: item.reviewLevel, reviewComment: item.reviewComment, reviewedBy: actor.userId, reviewedAt: new Date() },
    });
    deltas.push(...reviewLevelDeltas(registration, unitPath, item.reviewLevel));
  }
  await addFigureDeltas(tx, deltas);
}
