import type { AnswerStatus, DisplayStatus } from '../../../shared/contracts/reports';

/** What a unit's report looks like to people: "late" while not yet submitted and past the deadline. */
export function displayStatus(status: AnswerStatus, deadline: string, today: string): DisplayStatus {
  if ((status === 'not_started' || status === 'draft') && today > deadline) return 'late';
  return status;
}

/** Submitted at least once (a returned report was submitted, then sent back to revise). */
export const hasSubmitted = (firstSubmittedOn: string | null) => firstSubmittedOn !== null;
/** On time: the first submission met the deadline in force on that day (recorded then). */
export const isOnTime = (onTime: boolean | null) => onTime === true;

export function rates(expected: number, submitted: number, onTime: number) {
  return {
    expected,
    submitted,
    onTime,
    reportingRate: expected > 0 ? submitted / expected : null,
    onTimeRate: expected > 0 ? onTime / expected : null,
  };
}
