import type { Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import type { AnswerStatus } from '../../../shared/contracts/reports';
import * as repo from './answers.repo';
import { findRequest, type RequestWithUnit } from './requests.repo';

/**
 * The one status machine of a report: not_started → draft → submitted → returned ↺ → accepted.
 * The expected unit writes and submits (reports.answer on its unit); the requesting level returns
 * or accepts (reports.request on its unit), and may return an accepted report to reopen it.
 * "Late" is not a status: it is read from the deadline.
 */
export const ANSWER_TRANSITIONS = {
  save: { from: ['not_started', 'draft', 'returned'], to: null, by: 'answerer' },
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'answerer' },
  return: { from: ['submitted', 'accepted'], to: 'returned', by: 'requester' },
  accept: { from: ['submitted'], to: 'accepted', by: 'requester' },
} as const satisfies Record<string, { from: readonly AnswerStatus[]; to: AnswerStatus | null; by: 'answerer' | 'requester' }>;
export type AnswerTransition = keyof typeof ANSWER_TRANSITIONS;

const REFUSALS: Record<AnswerTransition, string> = {
  save: 'Báo cáo đã gửi hoặc đã được tiếp nhận nên không sửa được. Cấp yêu cầu cần trả lại báo cáo thì mới sửa tiếp.',
  submit: 'Chỉ gửi được báo cáo đang soạn hoặc bị trả lại. Hãy lưu nội dung trước khi gửi.',
  return: 'Chỉ trả lại được báo cáo đã gửi hoặc đã tiếp nhận.',
  accept: 'Chỉ tiếp nhận được báo cáo đã gửi.',
};

export type MachineContext = repo.AnswerContext & { requestContext: RequestWithUnit };

/**
 * Locks the answer, checks its version, the step and who takes it, then applies the patch the
 * caller prepares from the locked row, writes the history event and the audit row.
 */
export async function transitionAnswer(
  tx: Executor,
  actor: Actor,
  input: {
    answerId: number;
    transition: AnswerTransition;
    expectedVersion: number;
    reason?: string | null;
    prepare?: (
      context: MachineContext,
    ) => Promise<{ patch?: Partial<repo.AnswerRow>; snapshot?: unknown; audit?: Record<string, unknown> }>;
  },
): Promise<repo.AnswerRow> {
  const context = await repo.findAnswer(tx, input.answerId, true);
  if (!context) throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo này.');
  const requestContext = (await findRequest(tx, context.answer.requestId))!;
  const rule = ANSWER_TRANSITIONS[input.transition];
  if (rule.by === 'answerer') assertCan(actor, 'reports.answer', context.unitPath);
  else assertCan(actor, 'reports.request', requestContext.unitPath);
  if (context.answer.version !== input.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', 'Báo cáo vừa được người khác thay đổi. Hãy tải lại rồi thực hiện lại.');
  }
  const from = context.answer.status;
  if (!(rule.from as readonly AnswerStatus[]).includes(from)) throw new AppError('INVALID_TRANSITION', REFUSALS[input.transition]);
  const prepared = input.prepare ? await input.prepare({ ...context, requestContext }) : {};
  // Saving a report not yet started makes it a draft; saving a returned one keeps it returned until resubmitted.
  const to: AnswerStatus = rule.to ?? (from === 'not_started' ? 'draft' : from);
  const after = await repo.updateAnswer(tx, input.answerId, { ...prepared.patch, status: to, updatedBy: actor.userId });
  if (from !== to) {
    await repo.insertEvent(tx, {
      answerId: input.answerId,
      fromStatus: from,
      toStatus: to,
      reason: input.reason ?? null,
      snapshot: prepared.snapshot ?? null,
      actorName: actor.name,
    });
  }
  await recordAudit(tx, actor, {
    action: `report_answer.${input.transition}`,
    entityType: 'report_answer',
    entityId: input.answerId,
    unitPath: context.unitPath,
    before: { status: from, version: context.answer.version },
    after: { status: to, version: after.version, reason: input.reason ?? null, ...prepared.audit },
  });
  return after;
}
