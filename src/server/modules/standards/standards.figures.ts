import type { FigureDelta } from '../../platform/figures';
import { PROGRAMME_METRICS } from '../figures/index';

/** A unit counted (or no longer counted, with -1) among those with standards adopted, from a day. */
export function adoptedDelta(unitPath: string, day: string, delta: 1 | -1 = 1): FigureDelta {
  return { unitPath, metric: PROGRAMME_METRICS.standardsAdopted, day, delta };
}

/**
 * What adopting a version adds to "standards adopted": only the unit's first adoption counts; a later
 * version replaces the current one and leaves the figure as it is.
 */
export function adoptionDeltas(unitPath: string, adoptedOn: string, isFirstAdoption: boolean): FigureDelta[] {
  return isFirstAdoption ? [adoptedDelta(unitPath, adoptedOn)] : [];
}

/** A unit's sign counted (or taken back, with -1) among signs posted, from a day. */
export function signDelta(unitPath: string, day: string, delta: 1 | -1 = 1): FigureDelta {
  return { unitPath, metric: PROGRAMME_METRICS.signsPosted, day, delta };
}
