import { AppError } from './errors';

/** Today's date in Vietnam (UTC+7), as 'YYYY-MM-DD': effective dates are Vietnamese calendar days. */
export function todayIso(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The calendar day `days` after (or before, when negative) a 'YYYY-MM-DD' day. */
export function addDaysIso(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Formats 'YYYY-MM-DD' as Vietnamese dd/mm/yyyy. */
export function formatVietnameseDate(value: string): string {
  const [year, month, day] = value.split('-');
  return `${day}/${month}/${year}`;
}

/** The sentence that refuses `date` for coming before `earliest`, or null when it does not. */
export function notBeforeProblem(date: string, earliest: string, what: string): string | null {
  return date < earliest
    ? `Ngày hiệu lực ${formatVietnameseDate(date)} không được trước ${what} (${formatVietnameseDate(earliest)}).`
    : null;
}

export function assertNotBefore(date: string, earliest: string, what: string): void {
  const problem = notBeforeProblem(date, earliest, what);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
}
