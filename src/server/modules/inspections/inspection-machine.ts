import type { Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { can, type Actor, type Permission } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { todayIso } from '../../platform/dates';
import { addFigureDeltas, type FigureDelta } from '../../platform/figures';
import { asOfForYear, INSPECTION_METRICS } from '../figures/index';
import type { InspectionStatus, InspectionStep, RemedyStatus, RemedyStep } from '../../../shared/contracts/inspections';
import * as repo from './inspections.repo';

/**
 * The one status machine of an inspection: planned → in progress → concluded, and a plan that is
 * not carried out may be cancelled. Every step is the inspecting level's (inspections.conduct on
 * the level that owns the plan); every check comes before anything is written.
 */
export const INSPECTION_MACHINE = {
  update: { from: ['planned', 'in_progress'], to: null },
  start: { from: ['planned'], to: 'in_progress' },
  conclude: { from: ['in_progress'], to: 'concluded' },
  cancel: { from: ['planned', 'in_progress'], to: 'cancelled' },
} as const satisfies Record<InspectionStep, { from: readonly InspectionStatus[]; to: InspectionStatus | null }>;

const INSPECTION_REFUSALS: Record<InspectionStep, string> = {
  update: 'Cuộc kiểm tra đã kết luận hoặc đã hủy nên không sửa được.',
  start: 'Chỉ bắt đầu được cuộc kiểm tra đang trong kế hoạch.',
  conclude: 'Chỉ kết luận được cuộc kiểm tra đang tiến hành.',
  cancel: 'Cuộc kiểm tra đã kết luận hoặc đã hủy.',
};

/**
 * A remedy: the inspected unit reports what it did (inspections.remedy on the unit); the
 * inspecting level accepts it, which closes it, or returns it with a reason.
 */
export const REMEDY_MACHINE = {
  report: { from: ['open', 'returned'], to: 'reported', by: 'unit' },
  accept: { from: ['reported'], to: 'closed', by: 'team' },
  return: { from: ['reported'], to: 'returned', by: 'team' },
} as const satisfies Record<RemedyStep, { from: readonly RemedyStatus[]; to: RemedyStatus; by: 'unit' | 'team' }>;

const REMEDY_REFUSALS: Record<RemedyStep, string> = {
  report: 'Việc khắc phục này đã được báo cáo hoặc đã xong.',
  accept: 'Chỉ công nhận được việc khắc phục đơn vị đã báo cáo.',
  return: 'Chỉ trả lại được việc khắc phục đơn vị đã báo cáo.',
};

const TEAM: Permission = 'inspections.conduct';
const UNIT: Permission = 'inspections.remedy';

export function mayConduct(actor: Actor, context: repo.InspectionContext): boolean {
  return can(actor, TEAM, context.owner.path);
}

export function mayTakeInspectionStep(actor: Actor, step: InspectionStep, context: repo.InspectionContext): boolean {
  return (INSPECTION_MACHINE[step].from as readonly InspectionStatus[]).includes(context.inspection.status) && mayConduct(actor, context);
}

export function mayTakeRemedyStep(
  actor: Actor,
  step: RemedyStep,
  remedy: repo.RemedyRow,
  places: { unitPath: string; ownerPath: string },
): boolean {
  const rule = REMEDY_MACHINE[step];
  if (!(rule.from as readonly RemedyStatus[]).includes(remedy.status)) return false;
  return rule.by === 'unit' ? can(actor, UNIT, places.unitPath) : can(actor, TEAM, places.ownerPath);
}

const figureDay = (year: number) => asOfForYear(year);

/** The counters a step moves, on the inspected unit. */
function inspectionDeltas(step: InspectionStep, context: repo.InspectionContext, findings: repo.FindingRow[]): FigureDelta[] {
  const { inspection, unit } = context;
  const day = figureDay(inspection.year);
  const delta = (metric: string, value: number): FigureDelta => ({ unitPath: unit.path, metric, day, delta: value });
  if (step === 'cancel') return [delta(INSPECTION_METRICS.planned(inspection.year), -1)];
  if (step !== 'conclude') return [];
  const shortcomings = findings.filter((finding) => finding.kind === 'shortcoming').length;
  return [
    delta(INSPECTION_METRICS.done(inspection.year), 1),
    delta(INSPECTION_METRICS.findings(inspection.year), findings.length),
    delta(INSPECTION_METRICS.shortcomings(inspection.year), shortcomings),
    delta(INSPECTION_METRICS.remedies(inspection.year), shortcomings),
  ];
}

export type InspectionStepRequest = {
  inspectionId: number;
  step: InspectionStep;
  expectedVersion: number;
  reason?: string | null;
  patch?: Partial<repo.InspectionRow>;
};

/** Locks the inspection and checks version, status and who acts; then writes the change, event, counters and audit. */
export async function stepInspection(tx: Executor, actor: Actor, request: InspectionStepRequest) {
  const context = await lockInspection(tx, actor, request.inspectionId, request.expectedVersion);
  const { inspection } = context;
  const rule = INSPECTION_MACHINE[request.step];
  if (!(rule.from as readonly InspectionStatus[]).includes(inspection.status))
    throw new AppError('INVALID_TRANSITION', INSPECTION_REFUSALS[request.step]);
  const findings = request.step === 'conclude' ? await repo.listFindings(tx, inspection.id) : [];
  const to: InspectionStatus = rule.to ?? inspection.status;
  const after = await repo.updateInspection(tx, inspection.id, { ...request.patch, status: to });
  if (to !== inspection.status) {
    await repo.insertEvent(tx, {
      inspectionId: inspection.id,
      action: request.step,
      fromStatus: inspection.status,
      toStatus: to,
      reason: request.reason ?? null,
      actorName: actor.name,
    });
  }
  await addFigureDeltas(tx, inspectionDeltas(request.step, context, findings));
  await recordAudit(tx, actor, {
    action: `inspection.${request.step}`,
    entityType: 'inspection',
    entityId: inspection.id,
    unitPath: context.unit.path,
    before: { status: inspection.status, version: inspection.version },
    after: { status: to, version: after.version, reason: request.reason ?? null },
  });
  return { context, after, findings };
}

/** Locks an inspection the caller conducts, at the version the caller read. */
export async function lockInspection(tx: Executor, actor: Actor, id: number, expectedVersion: number): Promise<repo.InspectionContext> {
  const context = await repo.findInspection(tx, id, true);
  if (!context) throw new AppError('NOT_FOUND', 'Không tìm thấy cuộc kiểm tra, giám sát này.');
  if (!mayConduct(actor, context)) throw new AppError('FORBIDDEN', 'Chỉ đoàn kiểm tra của cấp lập kế hoạch mới thực hiện được bước này.');
  if (context.inspection.version !== expectedVersion) {
    throw new AppError('VERSION_CONFLICT', 'Cuộc kiểm tra vừa được người khác thay đổi. Hãy tải lại rồi thực hiện lại.');
  }
  return context;
}

export type RemedyStepRequest = {
  remedyId: number;
  step: RemedyStep;
  expectedVersion: number;
  reason?: string | null;
  patch?: Partial<repo.RemedyRow>;
};

/** The remedy's one machine: checks, then the change, its event, the closing counters and the audit row. */
export async function stepRemedy(tx: Executor, actor: Actor, request: RemedyStepRequest) {
  const found = await repo.findRemedy(tx, request.remedyId, true);
  if (!found) throw new AppError('NOT_FOUND', 'Không tìm thấy việc khắc phục này.');
  const { remedy } = found;
  const rule = REMEDY_MACHINE[request.step];
  const permission = rule.by === 'unit' ? UNIT : TEAM;
  const path = rule.by === 'unit' ? found.unit.path : found.owner.path;
  if (!can(actor, permission, path)) {
    throw new AppError(
      'FORBIDDEN',
      rule.by === 'unit'
        ? 'Chỉ đơn vị được kiểm tra mới báo cáo được việc khắc phục.'
        : 'Chỉ cấp đã kiểm tra mới công nhận hoặc trả lại được việc khắc phục.',
    );
  }
  if (remedy.version !== request.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', 'Việc khắc phục vừa được người khác thay đổi. Hãy tải lại rồi thực hiện lại.');
  }
  if (!(rule.from as readonly RemedyStatus[]).includes(remedy.status))
    throw new AppError('INVALID_TRANSITION', REMEDY_REFUSALS[request.step]);
  const now = new Date();
  const after = await repo.updateRemedy(tx, remedy.id, {
    ...request.patch,
    status: rule.to,
    ...(request.step === 'report' ? { reportedAt: now, returnReason: null } : {}),
    ...(request.step === 'return' ? { returnReason: request.reason ?? null } : {}),
    ...(request.step === 'accept' ? { closedAt: now } : {}),
  });
  await repo.insertEvent(tx, {
    inspectionId: remedy.inspectionId,
    remedyId: remedy.id,
    action: `remedy.${request.step}`,
    fromStatus: remedy.status,
    toStatus: rule.to,
    reason: request.reason ?? null,
    actorName: actor.name,
  });
  if (request.step === 'accept') {
    const day = figureDay(remedy.year);
    // On time: the unit's (last) report came by the deadline.
    const onTime = remedy.reportedAt !== null && todayIso(remedy.reportedAt) <= remedy.dueOn;
    await addFigureDeltas(tx, [
      { unitPath: found.unit.path, metric: INSPECTION_METRICS.remediesClosed(remedy.year), day, delta: 1 },
      ...(onTime ? [{ unitPath: found.unit.path, metric: INSPECTION_METRICS.remediesClosedOnTime(remedy.year), day, delta: 1 }] : []),
    ]);
  }
  await recordAudit(tx, actor, {
    action: `remedy.${request.step}`,
    entityType: 'inspection_remedy',
    entityId: remedy.id,
    unitPath: found.unit.path,
    before: { status: remedy.status, version: remedy.version },
    after: { status: rule.to, version: after.version, reason: request.reason ?? null },
  });
  return { ...found, remedy: after };
}
