import type { CampaignMetric, CampaignOverview } from '../../../shared/contracts/campaign-overview';
import { formatNumber } from '../../lib/format';
import { formatPercent } from '../dashboard/programme-figures.api';

/** A metric's value as people read it: a rate as a percentage, a count as a number, "—" without a value. */
export function formatMetric(metric: Pick<CampaignMetric, 'kind'>, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return metric.kind === 'rate' ? formatPercent(value) : formatNumber(value);
}

export type Change = { direction: 'up' | 'down' | 'same'; good: boolean | null; text: string };

/**
 * This year against last: a rate moves by percentage points, a count by its difference. Whether
 * the move is good depends on the metric (fewer overdue answers is better).
 */
export function changeOf(
  metric: Pick<CampaignMetric, 'kind' | 'better'>,
  now: number | null | undefined,
  before: number | null | undefined,
  pointsSuffix: string,
): Change | null {
  if (now === null || now === undefined || before === null || before === undefined) return null;
  const difference = now - before;
  if (Math.abs(difference) < 1e-9) return { direction: 'same', good: null, text: '' };
  const direction = difference > 0 ? 'up' : 'down';
  const magnitude = Math.abs(difference);
  const text = metric.kind === 'rate' ? `${formatNumber(magnitude * 100)}${pointsSuffix}` : formatNumber(magnitude);
  return { direction, good: (direction === 'up') === (metric.better === 'higher'), text };
}

/** Whether a rate is low enough to stand out, so an officer knows whom to call first. */
export const LAGGING_BELOW = 0.9;
export function isLagging(metric: Pick<CampaignMetric, 'kind' | 'better'>, value: number | null | undefined): boolean {
  return metric.kind === 'rate' && metric.better === 'higher' && value !== null && value !== undefined && value < LAGGING_BELOW;
}

/** What the views of the child units on one metric (ranking, tiles) are given. */
export type ChildUnitsViewProps = {
  overview: CampaignOverview;
  metric: CampaignMetric;
  onShowTrend: (unit: { id: number; name: string }) => void;
};
