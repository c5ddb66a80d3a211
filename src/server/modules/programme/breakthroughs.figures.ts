import type { FigureDelta } from '../../platform/figures';
import { PROGRAMME_METRICS } from '../figures/index';

/**
 * The day a breakthrough content counts from (and stops counting, when deleted): the day it was
 * written, kept inside its year. A content chosen in December for next year counts from 1 January
 * of that year; one entered after its year has ended counts from 31 December of its year, so the
 * year's figure "as of" its last day includes it.
 */
export function countingDay(year: number, today: string): string {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return today < first ? first : today > last ? last : today;
}

export function chosenDelta(unitPath: string, year: number, day: string, delta: 1 | -1): FigureDelta {
  return { unitPath, metric: PROGRAMME_METRICS.breakthroughs(year), day, delta };
}

/** Done counts from the day it was completed; reopening or deleting takes it back from that day on. */
export function doneDelta(unitPath: string, year: number, day: string, delta: 1 | -1): FigureDelta {
  return { unitPath, metric: PROGRAMME_METRICS.breakthroughsDone(year), day, delta };
}
