import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  CampaignMetricKey,
  CampaignOverview,
  CampaignRecords,
  CampaignTrend,
  DrillableMetricKey,
} from '../../../shared/contracts/campaign-overview';

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

export type RecordsTarget = { unit: { id: number; name: string }; metric: DrillableMetricKey; part: 'numerator' | 'denominator' };

export function useCampaignRecords(target: RecordsTarget | null, year: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['campaign-overview-records', target?.unit.id, target?.metric, target?.part, year, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<CampaignRecords>(
        '/api/campaign-overview/records',
        { unitId: target!.unit.id, metric: target!.metric, part: target!.part, year, page, pageSize },
        signal,
      ),
    enabled: target !== null,
  });
}
