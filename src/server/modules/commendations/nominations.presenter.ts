import { can, type Actor } from '../../platform/auth/policy';
import type { FileSummary } from '../files/index';
import type { NominationContent } from '../../db/schema/commendations';
import type { NominationHistoryEvent, NominationKind, NominationListItem, NominationStatus, NominationView } from '../../../shared/contracts/commendations';
import { NOMINATION_STEPS, type NominationStep } from './nomination-machine';
import type { NominationContext, NominationEventView, NominationListRow } from './nominations.repo';

/** The labels of the fields a user edits, for "what changed" between two submissions. */
const FIELD_LABELS: Record<keyof NominationContent, string> = {
  title: 'Tên gương điển hình',
  story: 'Thành tích',
  results: 'Kết quả, số liệu',
  periodFrom: 'Thời gian lập thành tích',
  periodTo: 'Thời gian lập thành tích',
  registrationIds: 'Bản đăng ký minh chứng',
  fileIds: 'Tệp minh chứng',
};

function changedFields(before: NominationContent, after: NominationContent): string[] {
  const keys = Object.keys(FIELD_LABELS) as Array<keyof NominationContent>;
  const labels = keys.filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)).map((key) => FIELD_LABELS[key]);
  return [...new Set(labels)];
}

/** The history, each resubmission with the fields that changed since the submission before it. */
export function describeHistory(events: NominationEventView[]): NominationHistoryEvent[] {
  let previous: NominationContent | null = null;
  return events.map((event) => {
    let changes: string[] | null = null;
    if (event.action === 'submit' && event.snapshot) {
      const current = event.snapshot as NominationContent;
      if (previous) changes = changedFields(previous, current);
      previous = current;
    }
    return {
      id: Number(event.id),
      action: event.action,
      fromStatus: event.from_status,
      toStatus: event.to_status,
      atUnitName: event.at_name,
      reason: event.reason,
      actorName: event.actor_name,
      at: new Date(event.at).toISOString(),
      changes,
    };
  });
}

/** The steps this actor may take now, so the page offers exactly those ("publish": show it in the gallery or take it off). */
function stepsFor(actor: Actor, context: NominationContext): Array<NominationStep | 'publish'> {
  const status = context.nomination.status as NominationStatus;
  const publish = context.decisionUnitPath && can(actor, 'commendations.decide', context.decisionUnitPath) ? (['publish'] as const) : [];
  return [...(Object.keys(NOMINATION_STEPS) as NominationStep[]).filter((step) => {
    const rule = NOMINATION_STEPS[step];
    if (!(rule.from as readonly NominationStatus[]).includes(status)) return false;
    if (rule.by === 'nominator') return can(actor, 'commendations.nominate', context.unitPath);
    const held = context.atUnitPath;
    if (!held) return false;
    if (step === 'forward' && context.atUnitParentId === null) return false;
    return can(actor, rule.by === 'vetter' ? 'commendations.vet' : 'commendations.decide', held);
  }), ...publish];
}

export function presentNomination(actor: Actor, context: NominationContext, events: NominationEventView[], files: FileSummary[]): NominationView {
  const { nomination } = context;
  return {
    id: nomination.id,
    kind: nomination.kind as NominationKind,
    status: nomination.status as NominationStatus,
    unit: { id: nomination.unitId, name: context.unitName },
    atUnit: nomination.atUnitId === null ? null : { id: nomination.atUnitId, name: context.atUnitName ?? '' },
    subject: { unitId: nomination.subjectUnitId, personId: nomination.subjectPersonId, name: context.subjectName },
    title: nomination.title,
    story: nomination.story,
    results: nomination.results,
    periodFrom: nomination.periodFrom,
    periodTo: nomination.periodTo,
    registrationIds: nomination.registrationIds,
    decisionId: nomination.decisionId,
    isPublic: nomination.isPublic,
    returnReason: nomination.returnReason,
    files,
    version: nomination.version,
    updatedAt: nomination.updatedAt.toISOString(),
    steps: stepsFor(actor, context),
    history: describeHistory(events),
  };
}

export function presentNominationItem(row: NominationListRow): NominationListItem {
  return row;
}
