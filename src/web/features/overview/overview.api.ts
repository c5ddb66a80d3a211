import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CampaignMetricKey, CampaignOverview, CampaignTrend } from '../../../shared/contracts/campaign-overview';

export function useCampaignOverview(unitId: number, year: number) {
  return useQuery({
    queryKey: ['campaign-overview', unitId, year],
    queryFn: ({ signal }) => api.get<CampaignOverview>('/api/campaign-overview', { unitId, year }, signal),
  });
}

export const TREND_YEARS = 5;

export function useCampaignTrend(unitId: number, metric: CampaignMetricKey, toYear: number) {
  return useQuery({
    queryKey: ['campaign-overview-trend', unitId, metric, toYear],
    queryFn: ({ signal }) => api.get<CampaignTrend>('/api/campaign-overview/trend', { unitId, metric, toYear, years: TREND_YEARS }, signal),
  });
}
