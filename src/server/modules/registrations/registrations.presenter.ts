import type {
  ActionView,
  EventView,
  LeaderMissing,
  RegistrationDetail,
  RegistrationSummary,
  Snapshot,
} from '../../../shared/contracts/registrations';
import { diffSnapshots } from './registration-diff';
import type { LeaderMissingRow, RegistrationActionRow, RegistrationEventRow, RegistrationRow, SummaryRow } from './registrations.repo';

export function presentSummary(row: SummaryRow): RegistrationSummary {
  return {
    id: row.id,
    kind: row.kind,
    year: row.year,
    unitId: row.unit_id,
    unitName: row.unit_name,
    personId: row.person_id,
    personName: row.person_name,
    isLeader: row.is_leader,
    status: row.status,
    revision: row.revision,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    actionCount: row.action_count,
    maxSimilarity: row.max_similarity === null ? null : Math.round(Number(row.max_similarity) * 1000) / 1000,
    version: row.version,
  };
}

export function presentActions(actions: RegistrationActionRow[], labels: Map<string, string>): ActionView[] {
  return actions.map((action) => {
    const key =
      action.linkKind === 'standard_criterion'
        ? `${action.linkKind}:${action.linkId}:${action.linkIndex}`
        : `${action.linkKind}:${action.linkId}`;
    return {
      id: action.id,
      position: action.position,
      area: action.area as ActionView['area'],
      content: action.content,
      measurableResult: action.measurableResult,
      deadline: action.deadline,
      linkKind: action.linkKind as ActionView['linkKind'],
      linkId: action.linkId,
      linkIndex: action.linkIndex,
      linkLabel: action.linkKind ? (labels.get(key) ?? null) : null,
    };
  });
}

/** The history, each submission numbered, and the diff of the last two submitted versions. */
export function presentHistory(events: RegistrationEventRow[]) {
  let revision = 0;
  const submissions: Array<{ revision: number; snapshot: Snapshot }> = [];
  const views: EventView[] = events.map((event) => {
    let eventRevision: number | null = null;
    if (event.snapshot) {
      revision += 1;
      eventRevision = revision;
      submissions.push({ revision, snapshot: event.snapshot as Snapshot });
    }
    return {
      id: event.id,
      at: event.at.toISOString(),
      actorName: event.actorName,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      reason: event.reason,
      revision: eventRevision,
      onBehalf: event.onBehalf,
    };
  });
  const last = submissions.at(-1);
  const previous = submissions.at(-2);
  const diff = last && previous ? diffSnapshots(previous.snapshot, last.snapshot, previous.revision, last.revision) : null;
  const lastReturn = [...events].reverse().find((event) => event.toStatus === 'returned');
  return { events: views, diff, lastReturnReason: lastReturn?.reason ?? null };
}

export function presentDetail(
  summary: RegistrationSummary,
  registration: RegistrationRow,
  parts: {
    actions: ActionView[];
    history: ReturnType<typeof presentHistory>;
    closesOn: string | null;
    canEdit: boolean;
    canAppraise: boolean;
  },
): RegistrationDetail {
  return {
    ...summary,
    shortcomings: registration.shortcomings,
    supplementOfId: registration.supplementOfId,
    windowId: registration.windowId,
    closesOn: parts.closesOn,
    actions: parts.actions,
    events: parts.history.events,
    returnReason: registration.status === 'returned' ? parts.history.lastReturnReason : null,
    diff: parts.history.diff,
    enteredOnBehalf: registration.enteredOnBehalf,
    canEdit: parts.canEdit,
    canAppraise: parts.canAppraise,
  };
}

export function presentLeaderMissing(row: LeaderMissingRow): LeaderMissing {
  return { personId: row.person_id, fullName: row.full_name, unitId: row.unit_id, unitName: row.unit_name, status: row.status };
}
