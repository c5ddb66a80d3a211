import { can, type Actor } from '../../platform/auth/policy';
import type { FileSummary } from '../files/index';
import type { NominationContent } from '../../db/schema/commendations';
import {
  NOMINATION_DIFF_FIELDS,
  type NominationChange,
  type NominationDiffField,
  type NominationHistoryEvent,
  type NominationListItem,
  type NominationStatus,
  type NominationView,
} from '../../../shared/contracts/commendations';
import { diffFields } from '../../../shared/field-diff';
import { NOMINATION_STEPS, type NominationStep } from './nomination-machine';
import type { NominationContext, NominationEventView, NominationListRow } from './nominations.repo';
import { linksOf, type LinkNames } from './nomination-links';

/** A submission as its reader compares it: the texts and dates, and links and files by their names. */
function readable(content: NominationContent, names: LinkNames): Record<NominationDiffField, string> {
  const list = (ids: number[] | undefined, nameOf: (id: number) => string | undefined) =>
    (ids ?? []).map((id) => nameOf(id) ?? `#${id}`).join('; ');
  return {
    title: content.title,
    story: content.story,
    results: content.results,
    periodFrom: content.periodFrom,
    periodTo: content.periodTo,
    registrations: list(content.registrationIds, (id) => {
      const link = names.registrations.get(id);
      return link && `${link.name} (${link.year})`;
    }),
    breakthroughs: list(content.breakthroughIds, (id) => names.breakthroughs.get(id)?.name),
    files: list(content.fileIds, (id) => names.files.get(id)),
  };
}

/** The history, each resubmission with what changed since the submission before it, before and after. */
export function describeHistory(events: NominationEventView[], names: LinkNames): NominationHistoryEvent[] {
  let previous: Record<NominationDiffField, string> | null = null;
  return events.map((event) => {
    let changes: NominationChange[] | null = null;
    if (event.action === 'submit' && event.snapshot) {
      const current = readable(event.snapshot as NominationContent, names);
      if (previous) changes = diffFields(previous, current, NOMINATION_DIFF_FIELDS);
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
  const status = context.nomination.status;
  const publish = context.decisionUnitPath && can(actor, 'commendations.decide', context.decisionUnitPath) ? (['publish'] as const) : [];
  return [
    ...(Object.keys(NOMINATION_STEPS) as NominationStep[]).filter((step) => {
      const rule = NOMINATION_STEPS[step];
      if (!(rule.from as readonly NominationStatus[]).includes(status)) return false;
      if (rule.by === 'nominator') return can(actor, 'commendations.nominate', context.unitPath);
      const held = context.atUnitPath;
      if (!held) return false;
      if (step === 'forward' && context.atUnitParentId === null) return false;
      return can(actor, rule.by === 'vetter' ? 'commendations.vet' : 'commendations.decide', held);
    }),
    ...publish,
  ];
}

export function presentNomination(
  actor: Actor,
  context: NominationContext,
  events: NominationEventView[],
  files: FileSummary[],
  names: LinkNames,
): NominationView {
  const { nomination } = context;
  return {
    id: nomination.id,
    kind: nomination.kind,
    status: nomination.status,
    unit: { id: nomination.unitId, name: context.unitName },
    atUnit: nomination.atUnitId === null ? null : { id: nomination.atUnitId, name: context.atUnitName ?? '' },
    subject: { unitId: nomination.subjectUnitId, personId: nomination.subjectPersonId, name: context.subjectName },
    title: nomination.title,
    story: nomination.story,
    results: nomination.results,
    periodFrom: nomination.periodFrom,
    periodTo: nomination.periodTo,
    registrationIds: nomination.registrationIds,
    breakthroughIds: nomination.breakthroughIds,
    links: linksOf(names, nomination.registrationIds, nomination.breakthroughIds),
    decisionId: nomination.decisionId,
    isPublic: nomination.isPublic,
    returnReason: nomination.returnReason,
    files,
    version: nomination.version,
    updatedAt: nomination.updatedAt.toISOString(),
    steps: stepsFor(actor, context),
    history: describeHistory(events, names),
  };
}

export function presentNominationItem(row: NominationListRow): NominationListItem {
  return row;
}
