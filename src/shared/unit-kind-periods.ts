/**
 * Kinds of units that existed only for part of the Party's history. Before 1 July 2025 communes sat
 * under district-level committees (huyện ủy, thị ủy, thành ủy thuộc tỉnh); the two-tier local
 * government dissolved that level. A unit of such a kind may only exist inside the kind's period,
 * so the tree of 2012 can be entered as it stood and today's tree cannot grow a district.
 * Kept free of the validation library: the web app reads it to offer only the kinds of a date.
 */
export type UnitKindPeriod = {
  /** First day the kind exists (YYYY-MM-DD), when it has one. */
  from?: string;
  /** First day the kind no longer exists (YYYY-MM-DD): units of the kind close on or before it. */
  until?: string;
  /** How the period reads in a message, e.g. "trước ngày 01/07/2025". */
  label: string;
};

export const UNIT_KIND_PERIODS: Partial<Record<string, UnitKindPeriod>> = {
  district_committee: { until: '2025-07-01', label: 'trước ngày 01/07/2025' },
};

/** Whether a unit of `kind` can be in force on `day` (YYYY-MM-DD). */
export function unitKindExistsOn(kind: string, day: string): boolean {
  const period = UNIT_KIND_PERIODS[kind];
  if (!period) return true;
  return (!period.from || day >= period.from) && (!period.until || day < period.until);
}

/** The message when a unit of `kind` would be in force on a day outside the kind's period. */
export function unitKindPeriodProblem(kind: string, kindLabel: string, day: string): string | undefined {
  const period = UNIT_KIND_PERIODS[kind];
  if (!period || unitKindExistsOn(kind, day)) return undefined;
  return `Loại đơn vị "${kindLabel}" chỉ có ${period.label}; không thể dùng từ ngày ${dayLabel(day)}.`;
}

/** A day as the messages write it: 01/07/2025. */
function dayLabel(day: string): string {
  return day.split('-').reverse().join('/');
}

/** The message when a unit of `parentKind` would take a unit below it on a day outside its kind's period. */
export function unitKindChildProblem(parentKind: string, parentKindLabel: string, parentName: string, day: string): string | undefined {
  const period = UNIT_KIND_PERIODS[parentKind];
  if (!period || unitKindExistsOn(parentKind, day)) return undefined;
  return `Đơn vị cấp trên "${parentName}" là ${parentKindLabel}, chỉ có ${period.label}: không thể nhận đơn vị trực thuộc từ ngày ${dayLabel(day)}.`;
}

/** The message when a unit of `kind` would close after its kind ceased to exist (a district closing in 2026). */
export function unitKindCloseProblem(kind: string, kindLabel: string, name: string, day: string): string | undefined {
  const period = UNIT_KIND_PERIODS[kind];
  if (!period?.until || day <= period.until) return undefined;
  return `"${name}" là ${kindLabel}, chỉ có ${period.label}: hãy kết thúc đơn vị này chậm nhất ngày ${dayLabel(period.until)}.`;
}
