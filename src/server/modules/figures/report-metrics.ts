/**
 * Live figures of periodic reports, counted on each expected unit and dated on the request's
 * deadline: a year's figures are the reports due in that year, and "as of" a day within it, those
 * due by that day. A report submitted late still counts as submitted, never as on time.
 */
export const REPORT_METRICS = {
  expected: (year: number) => `reports.expected.${year}`,
  submitted: (year: number) => `reports.submitted.${year}`,
  onTime: (year: number) => `reports.on_time.${year}`,
} as const;
