import type { DrillableMetricKey } from '../../../shared/contracts/campaign-overview';
import { GRADES, type Grade } from '../../../shared/contracts/grading';
import { MEMBERS_METRIC, PARTY_MEMBERS_METRIC } from '../people/index';
import { unitKindMetric } from '../units/index';
import { NOMINATION_KINDS } from '../../../shared/contracts/commendations';
import {
  COMMENDATION_METRICS,
  FEEDBACK_METRICS,
  GRADING_METRICS,
  INSPECTION_METRICS,
  PROGRAMME_METRICS,
  STANDARD_KEEPING_KINDS,
  REGISTRATION_BUCKETS,
  REGISTRATION_METRICS,
  REPORT_METRICS,
  type RegistrationBucket,
  type RegistrationKind,
} from '../figures/index';

/**
 * What each drillable metric counts, as rows, and the live counters that hold how many there are:
 * the rows are read with the rules the counters are written with (people.figures.ts for members,
 * registration-metrics.ts for registrations), so a list has as many rows as its number says.
 * - members: primary memberships in force on the day;
 * - studied: the year's study records (study.figures.ts) made by the day, on the unit each counts on;
 * - units that first adopted ethics standards, or have their sign posted, by the day and are still
 *   open on it (standards.lifecycle.ts takes a closed unit back); units of the standard-keeping kinds
 *   open on the day, with the kind of their version in force then (units.service.ts);
 * - registrations of the year, of the kinds, now in a bucket's statuses, or reviewed at the levels
 *   (individual ones: only they are reviewed at a level), counted on the registration's unit;
 * - Party members: members whose person is now a Party member (a change of category counts from
 *   the day it is made, so a list of an earlier year shows today's category);
 * - check-ins on the year's registrations (followup.service.ts), on the registration's unit;
 * - members' gradings of the year with a decided grade (grading-machine.ts counts a decision and
 *   takes it back on reopening), on the graded member's unit;
 * - reports owed for periods ending in the year by the day (report.figures.ts dates them on the
 *   period's last day), those submitted at least once, and those first submitted by the deadline;
 * - nominations named in a decision signed in the year by the day (nomination-machine.ts counts
 *   them on the decision's day, at the nominating unit);
 * - the year's concluded inspections, and the remedies they owe (closed ones for the numerator), on
 *   the inspected unit (inspection-machine.ts counts them when concluded and accepted; both are final);
 * - the year's breakthrough contents counted as chosen on the day (from the day written, inside
 *   their year, until deleted), and the spans in which they counted as done (breakthroughs.service.ts);
 * - feedback past its answer day on the day and not answered or hidden by then (feedback-metrics.ts
 *   counts an item from the day after its answer day until the day it is settled, kept on the row).
 */
export type RecordSet =
  | { kind: 'members' }
  | { kind: 'studied' }
  | { kind: 'standardsAdopted' }
  | { kind: 'signsPosted' }
  | { kind: 'standardKeepingUnits' }
  | { kind: 'registrations'; kinds: RegistrationKind[]; bucket: RegistrationBucket }
  | { kind: 'reviewed'; levels: string[] }
  | { kind: 'partyMembers' }
  | { kind: 'checkIns' }
  | { kind: 'graded'; grades: readonly Grade[] }
  | { kind: 'reports'; which: 'expected' | 'submitted' | 'onTime' }
  | { kind: 'commended' }
  | { kind: 'inspectionsDone' }
  | { kind: 'remedies'; closedOnly: boolean }
  | { kind: 'feedbackOverdue' }
  | { kind: 'breakthroughs'; doneOnly: boolean };

const BOTH: RegistrationKind[] = ['individual', 'collective'];
const REVIEW_LEVELS = ['completed_well', 'completed', 'not_completed'];

export const RECORD_SETS: Record<DrillableMetricKey, { numerator: RecordSet; denominator?: RecordSet }> = {
  members: { numerator: { kind: 'members' } },
  registrationRate: {
    numerator: { kind: 'registrations', kinds: ['individual'], bucket: 'registered' },
    denominator: { kind: 'members' },
  },
  studyRate: { numerator: { kind: 'studied' }, denominator: { kind: 'members' } },
  standardsRate: { numerator: { kind: 'standardsAdopted' }, denominator: { kind: 'standardKeepingUnits' } },
  signsRate: { numerator: { kind: 'signsPosted' }, denominator: { kind: 'standardKeepingUnits' } },
  breakthroughRate: {
    numerator: { kind: 'breakthroughs', doneOnly: true },
    denominator: { kind: 'breakthroughs', doneOnly: false },
  },
  collectiveRegistered: { numerator: { kind: 'registrations', kinds: ['collective'], bucket: 'registered' } },
  approvedShare: {
    numerator: { kind: 'registrations', kinds: BOTH, bucket: 'approved' },
    denominator: { kind: 'registrations', kinds: BOTH, bucket: 'registered' },
  },
  publishedShare: {
    numerator: { kind: 'registrations', kinds: BOTH, bucket: 'published' },
    denominator: { kind: 'registrations', kinds: BOTH, bucket: 'registered' },
  },
  completedWellShare: {
    numerator: { kind: 'reviewed', levels: ['completed_well'] },
    denominator: { kind: 'reviewed', levels: REVIEW_LEVELS },
  },
  checkIns: { numerator: { kind: 'checkIns' } },
  reportingRate: { numerator: { kind: 'reports', which: 'submitted' }, denominator: { kind: 'reports', which: 'expected' } },
  onTimeRate: { numerator: { kind: 'reports', which: 'onTime' }, denominator: { kind: 'reports', which: 'expected' } },
  commended: { numerator: { kind: 'commended' } },
  commendedPerThousand: { numerator: { kind: 'commended' }, denominator: { kind: 'members' } },
  gradedShare: { numerator: { kind: 'graded', grades: GRADES }, denominator: { kind: 'partyMembers' } },
  excellentShare: { numerator: { kind: 'graded', grades: ['excellent'] }, denominator: { kind: 'graded', grades: GRADES } },
  inspectionsDone: { numerator: { kind: 'inspectionsDone' } },
  remediesClosedRate: {
    numerator: { kind: 'remedies', closedOnly: true },
    denominator: { kind: 'remedies', closedOnly: false },
  },
  feedbackOverdue: { numerator: { kind: 'feedbackOverdue' } },
};

/** The counters whose sum is the number of records of a set in a year. */
export function countersOfSet(set: RecordSet, year: number): string[] {
  if (set.kind === 'members') return [MEMBERS_METRIC];
  if (set.kind === 'studied') return [PROGRAMME_METRICS.studied(year)];
  if (set.kind === 'standardsAdopted') return [PROGRAMME_METRICS.standardsAdopted];
  if (set.kind === 'signsPosted') return [PROGRAMME_METRICS.signsPosted];
  if (set.kind === 'standardKeepingUnits') return STANDARD_KEEPING_KINDS.map(unitKindMetric);
  if (set.kind === 'partyMembers') return [PARTY_MEMBERS_METRIC];
  if (set.kind === 'checkIns') return [REGISTRATION_METRICS.checkIns(year)];
  if (set.kind === 'graded') return set.grades.map((grade) => GRADING_METRICS.decided('member', grade, year));
  if (set.kind === 'reports') return [REPORT_METRICS[set.which](year)];
  if (set.kind === 'commended') return NOMINATION_KINDS.map((kind) => COMMENDATION_METRICS.commended(kind, year));
  if (set.kind === 'inspectionsDone') return [INSPECTION_METRICS.done(year)];
  if (set.kind === 'remedies') return [set.closedOnly ? INSPECTION_METRICS.remediesClosed(year) : INSPECTION_METRICS.remedies(year)];
  if (set.kind === 'feedbackOverdue') return [FEEDBACK_METRICS.overdue];
  if (set.kind === 'breakthroughs')
    return [set.doneOnly ? PROGRAMME_METRICS.breakthroughsDone(year) : PROGRAMME_METRICS.breakthroughs(year)];
  if (set.kind === 'reviewed') return set.levels.map((level) => REGISTRATION_METRICS.reviewLevel(level, year));
  return set.kinds.map((kind) => REGISTRATION_METRICS.bucket(kind, set.bucket, year));
}

/** The statuses of a registration set's bucket. */
export function statusesOfSet(set: Extract<RecordSet, { kind: 'registrations' }>): readonly string[] {
  return REGISTRATION_BUCKETS[set.bucket];
}
