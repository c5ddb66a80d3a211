import type { DrillableMetricKey } from '../../../shared/contracts/campaign-overview';
import { REGISTRATION_BUCKETS, type RegistrationKind } from '../figures/index';

/**
 * What each drillable metric counts, as rows: the records behind a number are read with the same
 * rules its counters are written with, so a list always has as many rows as the number says.
 * - members: primary memberships in force on the day (people.figures.ts membershipDeltas);
 * - registrations of the year, of the kinds, in the statuses of a bucket (registration-metrics.ts)
 *   or reviewed at the levels, counted on the registration's unit.
 */
export type RecordSet =
  | { kind: 'members' }
  | { kind: 'registrations'; kinds: RegistrationKind[]; statuses?: readonly string[]; reviewLevels?: readonly string[] };

const BOTH: RegistrationKind[] = ['individual', 'collective'];
const REVIEW_LEVELS = ['completed_well', 'completed', 'not_completed'];

export const RECORD_SETS: Record<DrillableMetricKey, { numerator: RecordSet; denominator?: RecordSet }> = {
  members: { numerator: { kind: 'members' } },
  registrationRate: {
    numerator: { kind: 'registrations', kinds: ['individual'], statuses: REGISTRATION_BUCKETS.registered },
    denominator: { kind: 'members' },
  },
  collectiveRegistered: { numerator: { kind: 'registrations', kinds: ['collective'], statuses: REGISTRATION_BUCKETS.registered } },
  approvedShare: {
    numerator: { kind: 'registrations', kinds: BOTH, statuses: REGISTRATION_BUCKETS.approved },
    denominator: { kind: 'registrations', kinds: BOTH, statuses: REGISTRATION_BUCKETS.registered },
  },
  publishedShare: {
    numerator: { kind: 'registrations', kinds: BOTH, statuses: REGISTRATION_BUCKETS.published },
    denominator: { kind: 'registrations', kinds: BOTH, statuses: REGISTRATION_BUCKETS.registered },
  },
  completedWellShare: {
    numerator: { kind: 'registrations', kinds: ['individual'], reviewLevels: ['completed_well'] },
    denominator: { kind: 'registrations', kinds: ['individual'], reviewLevels: REVIEW_LEVELS },
  },
};
