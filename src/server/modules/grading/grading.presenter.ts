import type { Actor } from '../../platform/auth/policy';
import {
  GRADING_STEPS,
  type Grade,
  type GradingListItem,
  type GradingRuleView,
  type GradingStatus,
  type GradingStep,
  type GradingSubject,
  type GradingView,
} from '../../../shared/contracts/grading';
import type { CompletionLevel } from '../../../shared/contracts/registration-status';
import { campaignPoints } from './grading-rules';
import { mayTake } from './grading-machine';
import type { GradingContext, GradingRuleRow, SubjectRow } from './grading.repo';

type EventRow = {
  action: string;
  fromStatus: GradingStatus;
  toStatus: GradingStatus;
  grade: Grade | null;
  reason: string | null;
  actorName: string;
  at: Date;
};

const numberOrNull = (value: string | number | null | undefined) => (value === null || value === undefined ? null : Number(value));
const isoOrNull = (value: Date | null) => (value === null ? null : value.toISOString());

export function presentRule(rule: GradingRuleRow): GradingRuleView {
  return { code: rule.code, name: rule.name, validFromYear: rule.validFromYear, config: rule.config };
}

export function presentCampaign(
  rule: GradingRuleRow,
  registrationId: number | null,
  level: CompletionLevel | null,
): GradingView['campaign'] {
  if (registrationId === null) return null;
  const suggestion = campaignPoints(rule.config, level);
  return { registrationId, level, suggestedPoints: suggestion?.points ?? null, criterion: rule.config.campaign.criterion };
}

export function presentGrading(
  actor: Actor,
  context: GradingContext,
  rule: GradingRuleRow,
  events: EventRow[],
  subtreeResults: GradingView['subtreeResults'],
): GradingView {
  const { grading } = context;
  return {
    id: grading.id,
    subject: grading.subject,
    year: grading.year,
    status: grading.status,
    version: grading.version,
    person: grading.personId === null ? null : { id: grading.personId, name: context.personName ?? '' },
    unit: { id: grading.unitId, name: context.unitName },
    decidingUnitName: context.parentName,
    rule: presentRule(rule),
    selfReview: {
      strengths: grading.strengths,
      shortcomings: grading.shortcomings,
      remedies: grading.remedies,
      scores: grading.selfScores,
      conditions: grading.selfConditions,
      grade: grading.selfGrade,
      total: numberOrNull(grading.selfTotal),
    },
    campaign: presentCampaign(rule, grading.campaignRegistrationId, grading.campaignLevel),
    assessment: {
      scores: grading.scores,
      conditions: grading.conditions ?? [],
      comment: grading.comment,
      proposedGrade: grading.proposedGrade,
      proposedTotal: numberOrNull(grading.proposedTotal),
      proposedReason: grading.proposedReason,
      grade: grading.grade,
      overrideReason: grading.overrideReason,
      votes: grading.votes,
      gradedAt: isoOrNull(grading.gradedAt),
    },
    decision:
      grading.decidedGrade && grading.decidedAt
        ? { grade: grading.decidedGrade, note: grading.decisionNote, decidedAt: grading.decidedAt.toISOString() }
        : null,
    subtreeResults,
    returnReason: grading.returnReason,
    history: events.map((event) => ({
      action: event.action as GradingStep,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      grade: event.grade,
      reason: event.reason,
      actorName: event.actorName,
      at: event.at.toISOString(),
    })),
    steps: GRADING_STEPS.filter((step) => mayTake(actor, step, context)),
  };
}

export function presentListItem(subject: GradingSubject, row: SubjectRow): GradingListItem {
  return {
    subject,
    person: row.person_id === null ? null : { id: Number(row.person_id), name: row.person_name ?? '' },
    unit: { id: Number(row.unit_id), name: row.unit_name, kind: row.unit_kind },
    gradingId: row.grading_id === null ? null : Number(row.grading_id),
    status: row.status,
    version: row.version,
    selfGrade: row.self_grade,
    proposedGrade: row.proposed_grade,
    proposedTotal: numberOrNull(row.proposed_total),
    grade: row.grade,
    decidedGrade: row.decided_grade,
  };
}
