import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RegistrationFigureKey, RegistrationFigures } from '../../../shared/contracts/followup';

export type { RegistrationFigureKey, RegistrationFigures };
export type CompletionLevel = 'completed_well' | 'completed' | 'not_completed';

export interface FileSummary {
  id: number;
  name: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface CheckIn {
  id: number;
  checkedOn: string;
  progressPercent: number;
  note: string;
  createdAt: string;
  files: FileSummary[];
}

export interface RegistrationAction {
  id: number;
  position: number;
  area: 'thought' | 'ethics' | 'style';
  content: string;
  measurableResult: string;
  deadline: string | null;
  progressPercent: number;
  selfLevel: CompletionLevel | null;
  selfNote: string | null;
  checkIns: CheckIn[];
}

export interface RegistrationDetail {
  id: number;
  kind: 'individual' | 'collective';
  year: number;
  status: string;
  version: number;
  isLeader: boolean;
  unit: { id: number; name: string };
  person: { id: number; name: string } | null;
  shortcomings: string;
  publishedAt: string | null;
  lastCheckInAt: string | null;
  selfLevel: CompletionLevel | null;
  selfExplanation: string | null;
  reviewLevel: CompletionLevel | null;
  reviewComment: string | null;
  reviewedAt: string | null;
  reviewerName: string | null;
  canCheckIn: boolean;
  canSelfAssess: boolean;
  canReview: boolean;
  canClose: boolean;
  actions: RegistrationAction[];
}

export interface FollowupRow {
  id: number;
  kind: 'individual' | 'collective';
  year: number;
  status: string;
  version: number;
  isLeader: boolean;
  unit: { id: number; name: string };
  person: { id: number; name: string } | null;
  publishedAt: string | null;
  lastCheckInAt: string | null;
  selfLevel: CompletionLevel | null;
  reviewLevel: CompletionLevel | null;
  actions: number;
  averageProgress: number | null;
}

export interface FollowupQuery {
  unitId: number;
  year: number;
  status?: string;
  staleMonths?: number;
  q?: string;
  page: number;
  pageSize: number;
}

export interface RegistrationFiguresAnswer {
  unit: { id: number; code: string; name: string };
  year: number;
  asOf: string;
  figures: RegistrationFigures;
  definitions: Record<RegistrationFigureKey, string>;
  children: Array<{ unit: { id: number; code: string; name: string; kind: string }; figures: RegistrationFigures }>;
}

export interface NotificationItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsAnswer {
  items: NotificationItem[];
  total: number;
  unread: number;
}

export function useMine(year: number) {
  return useQuery({
    queryKey: ['followup', 'mine', year],
    queryFn: ({ signal }) => api.get<{ linked: boolean; registrations: RegistrationDetail[] }>('/api/followup/mine', { year }, signal),
  });
}

export function useFollowupList(query: FollowupQuery) {
  return useQuery({
    queryKey: ['followup', 'list', query],
    queryFn: ({ signal }) => api.get<{ items: FollowupRow[]; total: number }>('/api/followup/registrations', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRegistration(id: number | null) {
  return useQuery({
    queryKey: ['followup', 'detail', id],
    queryFn: ({ signal }) => api.get<RegistrationDetail>(`/api/followup/registrations/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useRegistrationFigures(unitId: number, year: number) {
  return useQuery({
    queryKey: ['registration-figures', unitId, year],
    queryFn: ({ signal }) => api.get<RegistrationFiguresAnswer>('/api/registration-figures', { unitId, year }, signal),
  });
}

/** Every follow-up write changes the lists, the detail and the figures: refresh them all. */
function useFollowupMutation<TInput>(run: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['followup'] });
      await queryClient.invalidateQueries({ queryKey: ['registration-figures'] });
    },
  });
}

export function useCheckIn(registrationId: number) {
  return useFollowupMutation((body: { actionId: number; progressPercent: number; note: string; fileIds: number[] }) =>
    api.post<RegistrationDetail>(`/api/followup/registrations/${registrationId}/check-ins`, body),
  );
}

export function useSelfAssess(registrationId: number) {
  return useFollowupMutation(
    (body: {
      version: number;
      selfLevel: CompletionLevel;
      selfExplanation: string;
      actions: Array<{ actionId: number; level: CompletionLevel; note?: string | null }>;
    }) => api.post<RegistrationDetail>(`/api/followup/registrations/${registrationId}/self-assessment`, body),
  );
}

export function useReview(registrationId: number) {
  return useFollowupMutation((body: { version: number; reviewLevel: CompletionLevel; reviewComment: string }) =>
    api.post<RegistrationDetail>(`/api/followup/registrations/${registrationId}/review`, body),
  );
}

export function useClose() {
  return useFollowupMutation((input: { id: number; version: number }) =>
    api.post<RegistrationDetail>(`/api/followup/registrations/${input.id}/close`, { version: input.version }),
  );
}

export function useSendReminders() {
  return useMutation({
    mutationFn: (unitId: number) =>
      api.post<{ windows: number; members: number; notified: number; emailed: number; failedEmails: number }>(
        '/api/registration-reminders',
        { unitId },
      ),
  });
}

export function uploadEvidence(unitId: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<FileSummary>(`/api/files?unitId=${unitId}&purpose=check_in`, form);
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => api.get<NotificationsAnswer>('/api/notifications', { pageSize: 20 }, signal),
    enabled,
    // The bell stays current without a push channel: a reminder arrives at most once a day.
    refetchInterval: 5 * 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number | 'all') =>
      id === 'all' ? api.post('/api/notifications/read-all') : api.post(`/api/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
