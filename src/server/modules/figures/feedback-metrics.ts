import { addDaysIso } from '../../platform/dates';
import type { FigureDelta } from '../../platform/figures';

/**
 * Live figures of public feedback (see platform/figures.ts), counted on the unit it was sent to.
 * Overdue: still waiting for its answer after its answer date. An item counts from the day after
 * its answer date, dated ahead when it is sent, and stops counting the day it is answered or
 * hidden; answered in time, the two cancel out. So the figure "as of a day" is the number overdue
 * on that day, for any day, like every other figure.
 */
export const FEEDBACK_METRICS = {
  overdue: 'feedback.overdue',
} as const;

type FeedbackItem = { unitPath: string; dueOn: string };

/** A new item (waiting for its answer) counts as overdue from the day after its answer date. */
export function newFeedbackDeltas(item: FeedbackItem): FigureDelta[] {
  return [{ unitPath: item.unitPath, metric: FEEDBACK_METRICS.overdue, day: addDaysIso(item.dueOn, 1), delta: 1 }];
}

/** An item answered or hidden on `day` while it was waiting stops counting then (or never starts). */
export function settledFeedbackDeltas(item: FeedbackItem, day: string): FigureDelta[] {
  const overdueFrom = addDaysIso(item.dueOn, 1);
  return [{ unitPath: item.unitPath, metric: FEEDBACK_METRICS.overdue, day: day > overdueFrom ? day : overdueFrom, delta: -1 }];
}
