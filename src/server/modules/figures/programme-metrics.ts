/**
 * Names of the programme's live figures (see platform/figures.ts). Yearly figures carry the year in
 * the metric name, with deltas dated on the day the thing happened, so "as of" works within a year.
 * Written by the modules that own the records, read by the programme dashboard.
 */
export const PROGRAMME_METRICS = {
  /** People who studied the year's topic (first attendance or make-up), on their unit. */
  studied: (year: number) => `study.studied.${year}`,
  /** Study sessions and conferences held. */
  studySessions: (year: number) => `study.sessions.${year}`,
  /** Monthly cell meetings held, and those that carried the campaign as an agenda item. */
  cellMeetings: (year: number) => `study.cell_meetings.${year}`,
  cellMeetingsWithCampaign: (year: number) => `study.cell_meetings_campaign.${year}`,
  /** Units whose ethics standards are adopted (counted once, from the first adoption), and whose sign is posted. */
  standardsAdopted: 'standards.adopted',
  signsPosted: 'standards.sign_posted',
  /** Breakthrough contents chosen by units of the subtree for the year, and those done. */
  breakthroughs: (year: number) => `breakthrough.total.${year}`,
  breakthroughsDone: (year: number) => `breakthrough.done.${year}`,
} as const;

/** Kinds of units expected to adopt ethics standards and post a sign. */
export const STANDARD_KEEPING_KINDS = ['grassroots_cell', 'cell', 'agency'] as const;
