import type { Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { can, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addFigureDeltas, type FigureDelta } from '../../platform/figures';
import { todayIso } from '../../platform/dates';
import {
  canTransition,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_TRANSITIONS,
  type RegistrationStatus,
  type RegistrationTransition,
} from '../../../shared/contracts/registration-status';
import {
  ACTION_BUCKETS,
  REGISTRATION_BUCKETS,
  REGISTRATION_METRICS,
  registrationFigureDay,
  type ActionBucket,
  type RegistrationBucket,
} from '../figures/index';
import * as repo from './registrations.repo';

type Located = { registration: repo.RegistrationRow; unitPath: string };

/**
 * Figure changes when a registration moves from one status to another (null: it did not exist,
 * or no longer does), dated `day`. Creating, deleting and every transition go through here, so the
 * counters always equal a recount of the rows.
 */
export function statusDeltas(
  registration: Pick<repo.RegistrationRow, 'kind' | 'year' | 'isLeader' | 'hasTwin'> & ActionCounts,
  unitPath: string,
  from: RegistrationStatus | null,
  to: RegistrationStatus | null,
  day: string,
): FigureDelta[] {
  const kind = registration.kind;
  const inBucket = (status: RegistrationStatus | null, bucket: RegistrationBucket) =>
    status !== null && (REGISTRATION_BUCKETS[bucket] as readonly string[]).includes(status);
  const deltas: FigureDelta[] = [];
  const push = (metric: string, delta: number) => {
    if (delta !== 0) deltas.push({ unitPath, metric, day, delta });
  };
  for (const bucket of Object.keys(REGISTRATION_BUCKETS) as RegistrationBucket[]) {
    const delta = Number(inBucket(to, bucket)) - Number(inBucket(from, bucket));
    if (delta === 0) continue;
    push(REGISTRATION_METRICS.bucket(kind, bucket, registration.year), delta);
    if (bucket === 'registered' && kind === 'individual' && registration.isLeader)
      push(REGISTRATION_METRICS.leadersRegistered(registration.year), delta);
    if (bucket === 'registered' && registration.hasTwin) push(REGISTRATION_METRICS.withTwin(registration.year), delta);
    if ((ACTION_BUCKETS as readonly string[]).includes(bucket))
      push(REGISTRATION_METRICS.actions(kind, bucket as ActionBucket, registration.year), delta * registration.actionCount);
    if (bucket === 'selfAssessed') push(REGISTRATION_METRICS.actionsDone(kind, registration.year), delta * registration.actionsDone);
  }
  return deltas;
}

/**
 * Figure changes when registrations gain or lose their near-identical twin (similarity.ts): one
 * in the registered bucket counts in the "with a twin" figure, dated as its status changes are.
 */
export function twinFlagDeltas(
  changes: Array<{ year: number; status: RegistrationStatus; unitPath: string; hasTwin: boolean }>,
): FigureDelta[] {
  const registered = REGISTRATION_BUCKETS.registered as readonly string[];
  return changes
    .filter((change) => registered.includes(change.status))
    .map((change) => ({
      unitPath: change.unitPath,
      metric: REGISTRATION_METRICS.withTwin(change.year),
      day: registrationFigureDay(change.year),
      delta: change.hasTwin ? 1 : -1,
    }));
}

/** How many actions a registration has, and how many of them its registrant assessed as done. */
export type ActionCounts = { actionCount: number; actionsDone: number };

/**
 * Figure changes when a registration's actions are rewritten in `status` (a returned one still
 * counts as registered): the action counts of the buckets it is in move by the difference.
 */
export function actionCountDeltas(
  registration: Pick<repo.RegistrationRow, 'kind' | 'year'>,
  unitPath: string,
  status: RegistrationStatus,
  before: number,
  after: number,
  day: string,
): FigureDelta[] {
  const kind = registration.kind;
  return ACTION_BUCKETS.filter((bucket) => (REGISTRATION_BUCKETS[bucket] as readonly string[]).includes(status) && after !== before).map(
    (bucket) => ({
      unitPath,
      metric: REGISTRATION_METRICS.actions(kind, bucket, registration.year),
      day,
      delta: after - before,
    }),
  );
}

/**
 * The day a step taken on `day` moves the figures: that day, or its year's figure day when that
 * comes first (registrationFigureDay: a step of a year that is over counts on its last day). A step
 * taken now is dated registrationFigureDay; one written later with its own day keeps that day.
 */
export function stepFigureDay(year: number, day: string): string {
  const latest = registrationFigureDay(year);
  return day < latest ? day : latest;
}

/** The columns a step stamps on the registration besides its status (submitting counts a revision). */
export function transitionStamps(
  transition: RegistrationTransition,
  registration: Pick<repo.RegistrationRow, 'revision'>,
  at: Date,
): Partial<repo.RegistrationRow> {
  if (transition === 'submit') return { submittedAt: at, revision: registration.revision + 1 };
  if (transition === 'approve') return { approvedAt: at };
  if (transition === 'publish') return { publishedAt: at };
  if (transition === 'unpublish') return { publishedAt: null };
  return {};
}

/** The step that moves a registration from one status to another, if the machine has one. */
export function transitionBetween(from: RegistrationStatus, to: RegistrationStatus): RegistrationTransition | undefined {
  return (Object.keys(REGISTRATION_TRANSITIONS) as RegistrationTransition[]).find(
    (transition) => REGISTRATION_TRANSITIONS[transition].to === to && canTransition(transition, from),
  );
}

/** The content both sides compare between versions: shortcomings and actions as they were. */
export async function snapshotOf(executor: Executor, registration: repo.RegistrationRow) {
  const actions = await repo.listActionsOf(executor, registration.id);
  return {
    shortcomings: registration.shortcomings,
    actions: actions.map((action) => ({
      area: action.area,
      content: action.content,
      measurableResult: action.measurableResult,
      deadline: action.deadline,
      linkKind: action.linkKind,
      linkId: action.linkId,
      linkIndex: action.linkIndex,
    })),
  };
}

/**
 * The registrant: the member for their own registration (and the unit's appraisers too when it was
 * entered on the member's behalf); for a collective one, the unit's head or its appraisers.
 */
export async function isRegistrant(executor: Executor, actor: Actor, located: Located): Promise<boolean> {
  const { registration, unitPath } = located;
  if (registration.kind === 'individual') {
    if (actor.personId != null && actor.personId === registration.personId) return true;
    return registration.enteredOnBehalf === true && can(actor, 'registrations.appraise', unitPath);
  }
  if (can(actor, 'registrations.appraise', unitPath)) return true;
  return actor.personId != null && (await repo.isHeadOfUnit(executor, actor.personId, registration.unitId));
}

/** A registrant's step on a member's registration taken by someone else than the member. */
export function actsOnBehalf(
  actor: Actor,
  registration: Pick<repo.RegistrationRow, 'kind' | 'personId'>,
  by: 'registrant' | 'appraiser',
): boolean {
  return by === 'registrant' && registration.kind === 'individual' && actor.personId !== registration.personId;
}

export async function assertRegistrant(executor: Executor, actor: Actor, located: Located): Promise<void> {
  if (!(await isRegistrant(executor, actor, located))) {
    throw new AppError(
      'FORBIDDEN',
      located.registration.kind === 'individual'
        ? 'Chỉ người đăng ký mới thực hiện được thao tác này.'
        : 'Chỉ người đứng đầu đơn vị hoặc cấp ủy có thẩm quyền mới thực hiện được thao tác này.',
    );
  }
}

export type TransitionRequest = {
  registrationId: number;
  transition: RegistrationTransition;
  /** The version the user saw: a registration changed meanwhile is refused, never overwritten. */
  expectedVersion: number;
  reason?: string | undefined;
  /** Columns the caller sets in the same write (e.g. the review level and comment). */
  patch?: Partial<repo.RegistrationRow>;
};

/**
 * The one status machine of registrations. Locks the row, checks the version, that the step is
 * allowed from the current status and by this actor, then writes the new status, the history
 * event (with a snapshot of the content on submission), the audit row and the figure changes, all
 * in the caller's transaction.
 */
export async function transitionRegistration(tx: Executor, actor: Actor, request: TransitionRequest) {
  const located = await repo.findRegistrationWithUnit(tx, request.registrationId, { forUpdate: true });
  if (!located) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đăng ký này.');
  const { registration, unitPath } = located;
  const rule = REGISTRATION_TRANSITIONS[request.transition];
  if (rule.by === 'appraiser') {
    if (!can(actor, 'registrations.appraise', unitPath)) {
      throw new AppError('FORBIDDEN', 'Bạn không có quyền thẩm định các bản đăng ký của đơn vị này.');
    }
  } else {
    await assertRegistrant(tx, actor, located);
  }
  if (registration.version !== request.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', 'Bản đăng ký vừa được người khác thay đổi. Hãy tải lại để xem bản mới nhất rồi thực hiện lại.');
  }
  const from = registration.status;
  if (!canTransition(request.transition, from)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `Không thể thực hiện thao tác này khi bản đăng ký đang ở trạng thái "${REGISTRATION_STATUS_LABELS[from]}".`,
      {
        status: from,
        transition: request.transition,
      },
    );
  }
  const reason = request.reason?.trim() || null;
  if (rule.needsReason && !reason) {
    throw new AppError('VALIDATION_FAILED', 'Hãy ghi rõ lý do để người đăng ký và cấp trên cùng biết.');
  }
  const to: RegistrationStatus = rule.to;
  const now = new Date();
  const stamps = transitionStamps(request.transition, registration, now);
  const updated = await repo.updateRegistration(tx, registration.id, {
    ...request.patch,
    ...stamps,
    status: to,
  });
  const snapshot = request.transition === 'submit' ? await snapshotOf(tx, updated) : null;
  await repo.insertEvent(tx, {
    registrationId: registration.id,
    actorUserId: actor.userId,
    actorName: actor.name,
    fromStatus: from,
    toStatus: to,
    reason,
    snapshot,
    onBehalf: actsOnBehalf(actor, registration, rule.by),
  });
  await recordAudit(tx, actor, {
    action: `registration.${request.transition}`,
    entityType: 'registration',
    entityId: String(registration.id),
    unitPath,
    before: { status: from, version: registration.version },
    after: { status: to, version: updated.version, reason, ...(request.patch ?? {}) },
  });
  // Counted as they stand now: a self-assessment writes the actions' levels before this step.
  const counts = await repo.countActionsOf(tx, registration.id);
  await addFigureDeltas(
    tx,
    statusDeltas({ ...registration, ...counts }, unitPath, from, to, stepFigureDay(registration.year, todayIso(now))),
  );
  /** `snapshot`: the content as submitted (submit only), for the caller's checks without reading it again. */
  return { registration: updated, unitPath, snapshot };
}
