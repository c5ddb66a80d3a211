/**
 * Live counters of commendation, kept per year like the registration counters. A nomination counts
 * on the day it is first submitted (or on the last day of its period, if that is earlier); a commendation on the day of its decision, by the kind of what
 * was commended, by the form and by the kind of the level that decided it. All count at the
 * nominating unit, inside whose subtree the collective or person commended belongs.
 */
export const COMMENDATION_METRICS = {
  nominated: (year: number) => `commendations.nominated.${year}`,
  commended: (kind: string, year: number) => `commendations.commended.${kind}.${year}`,
  byForm: (formCode: string, year: number) => `commendations.form.${formCode}.${year}`,
  byLevel: (unitKind: string, year: number) => `commendations.level.${unitKind}.${year}`,
};

export const yearOfDay = (day: string) => Number(day.slice(0, 4));
