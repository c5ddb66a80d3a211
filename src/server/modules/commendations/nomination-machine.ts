import type { Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, type Actor, type Permission } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addFigureDeltas } from '../../platform/figures';
import { todayIso } from '../../platform/dates';
import { COMMENDATION_METRICS, yearOfDay } from '../figures/index';
import type { NominationStatus } from '../../../shared/contracts/commendations';
import type { NominationContent } from '../../db/schema/commendations';
import * as repo from './nominations.repo';

type Who = 'nominator' | 'vetter' | 'decider';

/**
 * The one status machine of a nomination. The nominating unit saves and submits it to the level
 * above; the level holding it returns it with a reason, endorses it, sends it further up (the next
 * level holds it and vets it again) or decides: "commend" is taken by a decision that names it.
 */
export const NOMINATION_STEPS = {
  save: { from: ['draft', 'returned'], to: null, by: 'nominator' },
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'nominator' },
  return: { from: ['submitted', 'proposed', 'endorsed'], to: 'returned', by: 'vetter' },
  endorse: { from: ['submitted', 'proposed'], to: 'endorsed', by: 'vetter' },
  forward: { from: ['endorsed'], to: 'proposed', by: 'vetter' },
  decline: { from: ['submitted', 'proposed', 'endorsed'], to: 'not_commended', by: 'decider' },
  commend: { from: ['submitted', 'proposed', 'endorsed'], to: 'commended', by: 'decider' },
} as const satisfies Record<string, { from: readonly NominationStatus[]; to: NominationStatus | null; by: Who }>;
export type NominationStep = keyof typeof NOMINATION_STEPS;

const PERMISSION_OF: Record<Who, Permission> = {
  nominator: 'commendations.nominate',
  vetter: 'commendations.vet',
  decider: 'commendations.decide',
};

const REFUSALS: Record<NominationStep, string> = {
  save: 'Hồ sơ đã gửi lên cấp trên nên không sửa được. Cấp trên cần trả lại thì mới sửa tiếp.',
  submit: 'Chỉ gửi được hồ sơ đang soạn hoặc bị trả lại.',
  return: 'Chỉ trả lại được hồ sơ đang chờ cấp này thẩm định.',
  endorse: 'Chỉ thẩm định được hồ sơ vừa gửi đến cấp này.',
  forward: 'Chỉ đề nghị lên cấp trên được hồ sơ cấp này đã thẩm định.',
  decline: 'Chỉ quyết định được hồ sơ đang ở cấp này và chưa có quyết định.',
  commend: 'Chỉ khen thưởng được hồ sơ đang ở cấp này và chưa có quyết định.',
};

export function contentOf(row: repo.NominationRow, fileIds: number[]): NominationContent {
  return {
    title: row.title,
    story: row.story,
    results: row.results,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    registrationIds: row.registrationIds,
    breakthroughIds: row.breakthroughIds,
    fileIds,
  };
}

export type StepRequest = {
  nominationId: number;
  step: NominationStep;
  expectedVersion: number;
  reason?: string | null;
  /** Content changes of a save, prepared by the caller from the locked row. */
  patch?: Partial<repo.NominationRow>;
  /** The submitted content, kept in the event for the history and what changed. */
  snapshot?: NominationContent;
  decision?: { id: number; decidedOn: string; formCode: string; issuingUnitKind: string };
};

/**
 * Locks the nomination, checks its version, the step and who takes it (on the nominating unit's
 * subtree, or on the level that holds it), moves it to the level it goes to, writes the event,
 * the counters and the audit row.
 */
export async function stepNomination(tx: Executor, actor: Actor, request: StepRequest): Promise<repo.NominationRow> {
  const context = await repo.findNomination(tx, request.nominationId, true);
  if (!context) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ đề nghị này.');
  const rule = NOMINATION_STEPS[request.step];
  const { nomination } = context;
  const checkedPath = rule.by === 'nominator' ? context.unitPath : context.atUnitPath;
  if (!checkedPath) throw new AppError('INVALID_TRANSITION', REFUSALS[request.step]);
  assertCan(actor, PERMISSION_OF[rule.by], checkedPath);
  if (nomination.version !== request.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', 'Hồ sơ vừa được người khác thay đổi. Hãy tải lại rồi thực hiện lại.');
  }
  const from = nomination.status;
  if (!(rule.from as readonly NominationStatus[]).includes(from)) throw new AppError('INVALID_TRANSITION', REFUSALS[request.step]);
  if (request.step === 'return' && !request.reason)
    throw new AppError('VALIDATION_FAILED', 'Hãy ghi lý do trả lại để đơn vị biết cần sửa gì.');
  if (request.step === 'decline' && !request.reason) throw new AppError('VALIDATION_FAILED', 'Hãy ghi lý do không khen thưởng.');

  const to: NominationStatus = rule.to ?? from;
  const atUnitId = nextHolder(request.step, context);
  const today = todayIso();
  const firstSubmission = request.step === 'submit' && nomination.firstSubmittedOn === null;
  const after = await repo.updateNomination(tx, nomination.id, {
    ...request.patch,
    status: to,
    atUnitId,
    returnReason: request.step === 'return' ? request.reason! : request.step === 'submit' ? null : nomination.returnReason,
    ...(firstSubmission ? { firstSubmittedOn: today } : {}),
    ...(request.decision ? { decisionId: request.decision.id, decidedOn: request.decision.decidedOn } : {}),
  });
  if (from !== to) {
    await repo.insertEvent(tx, {
      nominationId: nomination.id,
      action: request.step,
      fromStatus: from,
      toStatus: to,
      atUnitId: request.step === 'submit' || request.step === 'forward' ? atUnitId : nomination.atUnitId,
      reason: request.reason ?? null,
      snapshot: request.snapshot ?? null,
      actorName: actor.name,
    });
  }
  if (firstSubmission) {
    // A nomination for a period already over counts on the period's last day: one typed in late for
    // last year's achievements is last year's nomination.
    const day = nomination.periodTo < today ? nomination.periodTo : today;
    await addFigureDeltas(tx, [{ unitPath: context.unitPath, metric: COMMENDATION_METRICS.nominated(yearOfDay(day)), day, delta: 1 }]);
  }
  if (request.decision) {
    const day = request.decision.decidedOn;
    const year = yearOfDay(day);
    await addFigureDeltas(tx, [
      { unitPath: context.unitPath, metric: COMMENDATION_METRICS.commended(nomination.kind, year), day, delta: 1 },
      { unitPath: context.unitPath, metric: COMMENDATION_METRICS.byForm(request.decision.formCode, year), day, delta: 1 },
      { unitPath: context.unitPath, metric: COMMENDATION_METRICS.byLevel(request.decision.issuingUnitKind, year), day, delta: 1 },
    ]);
  }
  await recordAudit(tx, actor, {
    action: `nomination.${request.step}`,
    entityType: 'nomination',
    entityId: nomination.id,
    unitPath: context.unitPath,
    before: { status: from, version: nomination.version, atUnitId: nomination.atUnitId },
    after: { status: to, version: after.version, atUnitId, reason: request.reason ?? null, decisionId: request.decision?.id ?? null },
  });
  return after;
}

/** Who holds the nomination after the step: the level above on submit and forward, nobody on return. */
function nextHolder(step: NominationStep, context: repo.NominationContext): number | null {
  const { nomination } = context;
  if (step === 'submit') {
    if (context.unitParentId === null) throw new AppError('INVALID_TRANSITION', 'Đơn vị cao nhất không có cấp trên để gửi hồ sơ.');
    return context.unitParentId;
  }
  if (step === 'forward') {
    if (context.atUnitParentId === null)
      throw new AppError('INVALID_TRANSITION', 'Cấp này là cấp cao nhất: hãy quyết định khen thưởng tại cấp này.');
    return context.atUnitParentId;
  }
  if (step === 'return') return null;
  return nomination.atUnitId;
}
