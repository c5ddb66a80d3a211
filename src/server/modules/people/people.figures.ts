import type { FigureDelta } from '../../platform/figures';

export const MEMBERS_METRIC = 'members';
export const PARTY_MEMBERS_METRIC = 'party_members';

/**
 * Figure changes of one primary membership: counted from its first day until its end day
 * (exclusive). `sign` -1 takes back what a membership added, when it is rewritten.
 */
export function membershipDeltas(
  unitPath: string,
  category: string,
  fromDate: string,
  toDate: string | null,
  sign: 1 | -1 = 1,
): FigureDelta[] {
  const metrics = category === 'party_member' ? [MEMBERS_METRIC, PARTY_MEMBERS_METRIC] : [MEMBERS_METRIC];
  const deltas: FigureDelta[] = [];
  for (const metric of metrics) {
    deltas.push({ unitPath, metric, day: fromDate, delta: sign });
    if (toDate) deltas.push({ unitPath, metric, day: toDate, delta: -sign });
  }
  return deltas;
}
