import type { RegistrationStatus } from '../../../shared/contracts/registration-status';
import { asOfForYear } from './programme-figures.service';

export type RegistrationKind = 'individual' | 'collective';

/**
 * Live figures of registrations (see platform/figures.ts), per kind and year, counted on the
 * registration's unit. A bucket holds the registrations whose status is in it now; the status
 * machine moves a registration between buckets in the same transaction as the transition.
 */
export const REGISTRATION_BUCKETS = {
  /** Registered: submitted at least once and not withdrawn to a draft. */
  registered: ['submitted', 'returned', 'approved', 'published', 'in_progress', 'self_assessed', 'reviewed', 'closed'],
  returned: ['returned'],
  approved: ['approved', 'published', 'in_progress', 'self_assessed', 'reviewed', 'closed'],
  published: ['published', 'in_progress', 'self_assessed', 'reviewed', 'closed'],
  selfAssessed: ['self_assessed', 'reviewed', 'closed'],
  reviewed: ['reviewed', 'closed'],
} as const satisfies Record<string, readonly RegistrationStatus[]>;
export type RegistrationBucket = keyof typeof REGISTRATION_BUCKETS;

export const REGISTRATION_METRICS = {
  bucket: (kind: RegistrationKind, bucket: RegistrationBucket, year: number) => `registrations.${kind}.${bucket}.${year}`,
  /** Leaders (head-of-unit flag when registering) with an individual registration in the registered bucket. */
  leadersRegistered: (year: number) => `registrations.leaders.registered.${year}`,
  /**
   * Registrations (individual and collective) in the registered bucket with a near-identical twin
   * in their parent unit's subtree (registrations.has_twin): the share lagging units are held to.
   */
  withTwin: (year: number) => `registrations.with_twin.${year}`,
  /** Check-ins recorded during the year, and registrations with at least one. */
  checkIns: (year: number) => `registrations.check_ins.${year}`,
  /** Year-end review levels (completed_well | completed | not_completed) of individual registrations. */
  reviewLevel: (level: string, year: number) => `registrations.review.${level}.${year}`,
  /** The actions ("việc") of the registrations in a bucket: what the campaign's reviews count. */
  actions: (kind: RegistrationKind, bucket: ActionBucket, year: number) => `registrations.actions.${kind}.${bucket}.${year}`,
  /** Actions the registrant assessed as done (completed well, or completed) at year end. */
  actionsDone: (kind: RegistrationKind, year: number) => `registrations.actions_done.${kind}.${year}`,
} as const;

/** The buckets whose actions are counted too. */
export const ACTION_BUCKETS = ['registered', 'approved'] as const satisfies readonly RegistrationBucket[];
export type ActionBucket = (typeof ACTION_BUCKETS)[number];
/** Self-assessment levels that count an action as done. */
export const DONE_LEVELS = ['completed_well', 'completed'] as const;

/**
 * The day a registration's figure changes are dated: the day its year's figures are read as of
 * (asOfForYear): today, or the last day of the registration's year once that year is over. A paper
 * register book of 2025 typed in during 2026 then counts in 2025's figures, not in nobody's; one
 * written early for next year shows in next year's figures at once (unlike countingDay of the
 * breakthrough contents, which counts them from their year's first day).
 */
export function registrationFigureDay(year: number): string {
  return asOfForYear(year);
}
