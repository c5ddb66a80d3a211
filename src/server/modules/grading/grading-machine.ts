import type { Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { can, type Actor, type Permission } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addFigureDeltas } from '../../platform/figures';
import { GRADING_METRICS, registrationFigureDay } from '../figures/index';
import type { Grade, GradingStatus, GradingStep } from '../../../shared/contracts/grading';
import * as repo from './grading.repo';

type Who = 'self' | 'grader' | 'decider';

/**
 * The one status machine of a grading. The member (or the collective's own committee) writes the
 * self-review and sends it; the grading level (the cell for a member, the level above for a
 * collective) scores it and proposes a grade, or returns it; the level above the subject's unit
 * decides, and may reopen a decision it took.
 */
export const GRADING_MACHINE = {
  saveSelf: { from: ['draft', 'returned'], to: null, by: 'self' },
  submitSelf: { from: ['draft', 'returned'], to: 'self_reviewed', by: 'self' },
  // A member without an account, or who did not write, is still graded: from the draft too.
  grade: { from: ['draft', 'self_reviewed', 'graded', 'returned'], to: 'graded', by: 'grader' },
  return: { from: ['self_reviewed', 'graded'], to: 'returned', by: 'grader' },
  decide: { from: ['graded'], to: 'decided', by: 'decider' },
  reopen: { from: ['decided'], to: 'graded', by: 'decider' },
} as const satisfies Record<GradingStep, { from: readonly GradingStatus[]; to: GradingStatus | null; by: Who }>;

const REFUSALS: Record<GradingStep, string> = {
  saveSelf: 'Bản kiểm điểm đã gửi nên không sửa được. Cấp đánh giá cần trả lại thì mới sửa tiếp.',
  submitSelf: 'Chỉ gửi được bản kiểm điểm đang soạn hoặc bị trả lại.',
  grade: 'Bản này đã có quyết định xếp loại; cấp quyết định cần mở lại thì mới đánh giá lại được.',
  return: 'Chỉ trả lại được bản đã tự kiểm điểm hoặc đã đánh giá, chưa có quyết định.',
  decide: 'Chỉ quyết định được bản đã được đánh giá, đề xuất mức xếp loại.',
  reopen: 'Chỉ mở lại được bản đã có quyết định xếp loại.',
};

const PERMISSION_OF: Record<Who, Permission> = { self: 'grading.grade', grader: 'grading.grade', decider: 'grading.decide' };

/** Where the one who takes a step must hold the permission; null when nobody above may. */
function placeOf(who: Who, context: repo.GradingContext): string | null {
  const member = context.grading.subject === 'member';
  if (who === 'self' || (who === 'grader' && member)) return context.unitPath;
  return context.parentPath;
}

/** Whether the actor is the one who takes steps of this kind on this grading, whatever its status. */
function isAllowed(actor: Actor, who: Who, context: repo.GradingContext): boolean {
  // The member writes their own self-review; the grading level may write it for one without an account.
  if (who === 'self' && context.grading.personId !== null && actor.personId === context.grading.personId) return true;
  const path = placeOf(who, context);
  return path !== null && can(actor, PERMISSION_OF[who], path);
}

/** Whether the actor may take the step on this grading now (the machine's own check, for the presenter too). */
export function mayTake(actor: Actor, step: GradingStep, context: repo.GradingContext): boolean {
  const rule = GRADING_MACHINE[step];
  return (rule.from as readonly GradingStatus[]).includes(context.grading.status) && isAllowed(actor, rule.by, context);
}

export type StepRequest = {
  gradingId: number;
  step: GradingStep;
  expectedVersion: number;
  reason?: string | null;
  patch?: Partial<repo.GradingRow>;
  /** The grade the decision gives (decide), or the grade the grading level gives (grade). */
  grade?: Grade | null;
};

/**
 * Locks the grading, checks its version, the step and who takes it, writes the change, the
 * event, the decided-grade counters and the audit row; everything is checked before anything is written.
 */
export async function stepGrading(tx: Executor, actor: Actor, request: StepRequest): Promise<repo.GradingRow> {
  const context = await repo.findGrading(tx, request.gradingId, true);
  if (!context) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đánh giá, xếp loại này.');
  const { grading } = context;
  const rule = GRADING_MACHINE[request.step];
  const from = grading.status;
  if (!isAllowed(actor, rule.by, context))
    throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện bước này với bản đánh giá, xếp loại này.');
  if (grading.version !== request.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', 'Bản đánh giá vừa được người khác thay đổi. Hãy tải lại rồi thực hiện lại.');
  }
  if (!(rule.from as readonly GradingStatus[]).includes(from)) throw new AppError('INVALID_TRANSITION', REFUSALS[request.step]);
  if ((request.step === 'return' || request.step === 'reopen') && !request.reason) {
    throw new AppError('VALIDATION_FAILED', 'Hãy ghi lý do để người nhận biết cần làm gì.');
  }
  if (request.step === 'decide' && !(request.grade ?? grading.grade)) {
    throw new AppError('VALIDATION_FAILED', 'Chưa có mức xếp loại đề xuất để quyết định.');
  }

  const to: GradingStatus = rule.to ?? from;
  const decidedGrade = request.step === 'decide' ? (request.grade ?? grading.grade)! : null;
  const after = await repo.updateGrading(tx, grading.id, {
    ...request.patch,
    status: to,
    returnReason: request.step === 'return' ? request.reason! : request.step === 'submitSelf' ? null : grading.returnReason,
    ...(request.step === 'decide' ? { decidedGrade, decidedBy: actor.userId, decidedAt: new Date() } : {}),
    ...(request.step === 'reopen' ? { decidedGrade: null, decidedBy: null, decidedAt: null } : {}),
  });
  if (from !== to) {
    await repo.insertEvent(tx, {
      gradingId: grading.id,
      action: request.step,
      fromStatus: from,
      toStatus: to,
      grade: decidedGrade ?? (request.step === 'grade' ? after.grade : null),
      reason: request.reason ?? null,
      actorName: actor.name,
    });
  }
  const counted =
    request.step === 'decide'
      ? { grade: decidedGrade!, delta: 1 }
      : request.step === 'reopen'
        ? { grade: grading.decidedGrade!, delta: -1 }
        : null;
  if (counted) {
    await addFigureDeltas(tx, [
      {
        unitPath: context.unitPath,
        metric: GRADING_METRICS.decided(grading.subject, counted.grade, grading.year),
        day: registrationFigureDay(grading.year),
        delta: counted.delta,
      },
    ]);
  }
  await recordAudit(tx, actor, {
    action: `grading.${request.step}`,
    entityType: 'grading',
    entityId: grading.id,
    unitPath: context.unitPath,
    before: { status: from, version: grading.version, grade: grading.grade, decidedGrade: grading.decidedGrade },
    after: { status: to, version: after.version, grade: after.grade, decidedGrade: after.decidedGrade, reason: request.reason ?? null },
  });
  return after;
}
