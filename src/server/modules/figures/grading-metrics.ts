import type { Grade, GradingSubject } from '../../../shared/contracts/grading';

/**
 * Live counters of the year-end grading: one per subject kind, grade and year, counted when the
 * deciding level decides (and taken back when it reopens the decision), at the graded member's cell
 * or the graded collective, and so on every ancestor. They count on the graded year's figure day.
 */
export const GRADING_METRICS = {
  decided: (subject: GradingSubject, grade: Grade, year: number) => `grading.${subject}.${grade}.${year}`,
};
