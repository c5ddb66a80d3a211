import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  FeedbackByUnit,
  FeedbackCounts,
  FeedbackItem,
  FeedbackQueryParams,
  FeedbackStatus,
  FeedbackStatusItem,
  PublicAction,
  PublicRegistration,
  PublishAllResult,
  PublishedPage,
  UnitFeedbackCounts,
  UnitPublication,
  UnpublishResult,
} from '../../../shared/contracts/supervision';
import type { PagedAnswer } from '../../../shared/contracts/common';

export type {
  FeedbackCounts,
  FeedbackItem,
  FeedbackStatus,
  FeedbackStatusItem,
  PublicAction,
  PublicRegistration,
  UnitFeedbackCounts,
  UnitPublication,
};

/** The inbox's query; the web sends the overdue flag as a boolean. */
export type FeedbackParams = Omit<FeedbackQueryParams, 'overdue'> & { overdue?: boolean };

export function useFeedbackInbox(params: FeedbackParams) {
  return useQuery({
    queryKey: ['supervision', 'inbox', params],
    queryFn: ({ signal }) => api.get<PagedAnswer<FeedbackItem>>('/api/feedback', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFeedbackItem(id: number | null) {
  return useQuery({
    queryKey: ['supervision', 'item', id],
    queryFn: ({ signal }) => api.get<FeedbackItem>(`/api/feedback/${id ?? 0}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useFeedbackSummary(unitId: number | undefined) {
  return useQuery({
    queryKey: ['supervision', 'summary', unitId],
    queryFn: ({ signal }) => api.get<FeedbackCounts>('/api/supervision/feedback-summary', { unitId }, signal),
  });
}

export function useFeedbackStatusList(params: FeedbackParams) {
  return useQuery({
    queryKey: ['supervision', 'status-list', params],
    queryFn: ({ signal }) => api.get<PagedAnswer<FeedbackStatusItem>>('/api/supervision/feedback', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePublishedRegistrations(params: { unitId?: number; year?: number; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['supervision', 'published', params],
    queryFn: ({ signal }) => api.get<PublishedPage>('/api/supervision/registrations', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUnitPublication(unitId: number, year: number) {
  return useQuery({
    queryKey: ['supervision', 'publication', unitId, year],
    queryFn: ({ signal }) => api.get<UnitPublication>(`/api/publication/units/${unitId}`, { year }, signal),
  });
}

function useInvalidateSupervision() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['supervision'] });
}

export function useAnswerFeedback() {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: ({ id, version, answer }: { id: number; version: number; answer: string }) =>
      api.post<FeedbackItem>(`/api/feedback/${id}/answer`, { version, answer }),
    onSuccess: invalidate,
  });
}

export function useHideFeedback() {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: number; version: number; reason: string }) =>
      api.post<FeedbackItem>(`/api/feedback/${id}/hide`, { version, reason }),
    onSuccess: invalidate,
  });
}

export function usePublishAll() {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: ({ unitId, year }: { unitId: number; year: number }) =>
      api.post<PublishAllResult>(`/api/publication/units/${unitId}/publish-all`, { year }),
    onSuccess: invalidate,
  });
}

export function useUnpublish() {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: number; version: number; reason: string }) =>
      api.post<UnpublishResult>(`/api/publication/registrations/${id}/unpublish`, { version, reason }),
    onSuccess: invalidate,
  });
}

export function useFeedbackByUnit(unitId: number) {
  return useQuery({
    queryKey: ['supervision', 'by-unit', unitId],
    queryFn: ({ signal }) => api.get<FeedbackByUnit>('/api/supervision/feedback-by-unit', { unitId }, signal),
  });
}
