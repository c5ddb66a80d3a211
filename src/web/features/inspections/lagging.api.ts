import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../api/client';
import type {
  InspectionFiguresAnswer,
  LaggingActionItem,
  LaggingActionsAnswer,
  LaggingAnswer,
  LaggingQuery,
  LaggingReasonCode,
  LaggingThresholds,
  LaggingThresholdsAnswer,
  RecordLaggingAction,
} from '../../../shared/contracts/inspections';
import { inspectionKeys } from './inspections.api';

export type { InspectionFiguresAnswer, LaggingActionItem, LaggingAnswer, LaggingReasonCode, LaggingThresholds, LaggingThresholdsAnswer };
export type { InspectionFigures, LaggingReason, LaggingUnit } from '../../../shared/contracts/inspections';

/** Under the inspections' own key: a change to an inspection or a remedy refreshes these too (overdue remedies, lagging units). */
const keys = {
  lagging: [...inspectionKeys.all, 'lagging'] as const,
  figures: [...inspectionKeys.all, 'figures'] as const,
};

/** The list's filter as the tab holds it: no kind means the open child units of the level. */
export type LaggingFilter = Pick<LaggingQuery, 'unitId' | 'year' | 'kind' | 'reason' | 'page' | 'pageSize'> &
  Partial<Pick<LaggingQuery, 'includeRecovered'>>;

const laggingParams = ({ includeRecovered, ...filter }: Partial<LaggingFilter>) => ({
  ...filter,
  includeRecovered: includeRecovered ? 'true' : undefined,
});

/** The lagging units of a level for a year, evaluated by the server from the live figures. */
export function useLaggingUnits(filter: LaggingFilter) {
  return useQuery({
    queryKey: [...keys.lagging, 'units', filter],
    queryFn: ({ signal }) => api.get<LaggingAnswer>('/api/lagging-units', laggingParams(filter), signal),
    placeholderData: keepPreviousData,
  });
}

/** The thresholds applying at a level, whose they are, and the defaults. */
export function useLaggingThresholds(unitId: number, enabled = true) {
  return useQuery({
    queryKey: [...keys.lagging, 'thresholds', unitId],
    queryFn: ({ signal }) => api.get<LaggingThresholdsAnswer>('/api/lagging-thresholds', { unitId }, signal),
    enabled,
  });
}

/** What was done about a unit, newest first, every year (kept after the unit recovers). */
export function useLaggingActions(unitId: number | null) {
  return useQuery({
    queryKey: [...keys.lagging, 'actions', unitId],
    queryFn: ({ signal }) => api.get<LaggingActionsAnswer>('/api/lagging-actions', { unitId }, signal),
    enabled: unitId !== null,
  });
}

/** Lagging lists, thresholds, histories and the figures counting lagging units all follow a change. */
export function useInvalidateLagging() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: keys.lagging }), queryClient.invalidateQueries({ queryKey: keys.figures })]);
}

export function useSaveThresholds() {
  const invalidate = useInvalidateLagging();
  return useMutation({
    mutationFn: (input: { unitId: number; thresholds: LaggingThresholds }) =>
      request<LaggingThresholdsAnswer>('/api/lagging-thresholds', { method: 'PUT', body: input }),
    onSuccess: () => invalidate(),
  });
}

export function useRecordLaggingAction() {
  const invalidate = useInvalidateLagging();
  return useMutation({
    mutationFn: (input: RecordLaggingAction) => api.post<LaggingActionItem>('/api/lagging-actions', input),
    onSuccess: () => invalidate(),
  });
}

/** The inspection figures of a subtree and of each child unit, each with its definition. */
export function useInspectionFigures(unitId: number, year: number, enabled = true) {
  return useQuery({
    queryKey: [...keys.figures, unitId, year],
    queryFn: ({ signal }) => api.get<InspectionFiguresAnswer>('/api/inspection-figures', { unitId, year }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The lagging units as the list filters them (every page), as an Excel workbook. */
export const laggingDownloads = {
  units: (filter: Pick<LaggingFilter, 'unitId' | 'year' | 'kind' | 'reason' | 'includeRecovered'>) => ({
    path: '/api/exports/lagging-units',
    params: laggingParams(filter),
  }),
};
