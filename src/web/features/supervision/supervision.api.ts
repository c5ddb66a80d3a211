import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Paged, Position } from '../../api/types';
import type { FeedbackStatus } from '../../../shared/contracts/supervision';

export type { FeedbackStatus };

export interface FeedbackItem {
  id: number;
  unitId: number;
  unitName: string;
  unitCode: string;
  registrationId: number | null;
  registrantName: string | null;
  senderName: string | null;
  senderContact: string | null;
  body: string;
  status: FeedbackStatus;
  hiddenReason: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
  dueOn: string;
  overdue: boolean;
  version: number;
  createdAt: string;
}

/** What a supervisor sees of an item: its state and content, never who sent it. */
export interface FeedbackStatusItem {
  id: number;
  unitId: number;
  unitName: string;
  registrantName: string | null;
  body: string | null;
  status: FeedbackStatus;
  hiddenReason: string | null;
  answer: string | null;
  answeredAt: string | null;
  dueOn: string;
  overdue: boolean;
  createdAt: string;
}

export interface FeedbackCounts {
  total: number;
  new: number;
  answered: number;
  hidden: number;
  overdue: number;
}

export interface PublicAction {
  area: 'thought' | 'ethics' | 'style';
  content: string;
  measurableResult: string;
  deadline: string | null;
}

export interface PublicRegistration {
  id: number;
  kind: 'individual' | 'collective';
  year: number;
  status: string;
  isLeader: boolean;
  name: string;
  position: Position | null;
  unitId: number;
  unitName: string;
  publishedAt: string | null;
  actions: PublicAction[];
}

export interface UnitPublication {
  unitId: number;
  unitName: string;
  unitCode: string;
  year: number;
  items: Array<PublicRegistration & { version: number }>;
}

export interface FeedbackParams {
  unitId?: number;
  status?: FeedbackStatus;
  overdue?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export function useFeedbackInbox(params: FeedbackParams) {
  return useQuery({
    queryKey: ['supervision', 'inbox', params],
    queryFn: ({ signal }) => api.get<Paged<FeedbackItem>>('/api/feedback', { ...params }, signal),
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
    queryFn: ({ signal }) => api.get<Paged<FeedbackStatusItem>>('/api/supervision/feedback', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePublishedRegistrations(params: { unitId?: number; year?: number; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['supervision', 'published', params],
    queryFn: ({ signal }) => api.get<Paged<PublicRegistration>>('/api/supervision/registrations', { ...params }, signal),
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
      api.post<{ published: number }>(`/api/publication/units/${unitId}/publish-all`, { year }),
    onSuccess: invalidate,
  });
}

export function useUnpublish() {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: number; version: number; reason: string }) =>
      api.post<{ id: number; status: string; version: number }>(`/api/publication/registrations/${id}/unpublish`, { version, reason }),
    onSuccess: invalidate,
  });
}

export interface UnitFeedbackCounts extends FeedbackCounts {
  unitId: number;
  unitName: string;
  /** The unit's own feedback, not that of the units below it. */
  own: boolean;
}

export function useFeedbackByUnit(unitId: number) {
  return useQuery({
    queryKey: ['supervision', 'by-unit', unitId],
    queryFn: ({ signal }) => api.get<{ items: UnitFeedbackCounts[] }>('/api/supervision/feedback-by-unit', { unitId }, signal),
  });
}
