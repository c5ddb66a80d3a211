import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  FollowupAction,
  FollowupListQueryParams,
  FollowupMine,
  FollowupPage,
  FollowupRegistration,
  FollowupRow,
  RegistrationFigureKey,
  RegistrationFigures,
  RegistrationFiguresAnswer,
} from '../../../shared/contracts/followup';
import type { FileSummary } from '../../../shared/contracts/files';
import type { NotificationItem, NotificationsAnswer, ReminderOutcome } from '../../../shared/contracts/notifications';
import type { CompletionLevel } from '../../../shared/contracts/registration-status';

export type {
  CompletionLevel,
  FileSummary,
  FollowupAction,
  FollowupRegistration,
  FollowupRow,
  NotificationItem,
  NotificationsAnswer,
  RegistrationFigureKey,
  RegistrationFigures,
  RegistrationFiguresAnswer,
};

export type FollowupQuery = FollowupListQueryParams;

export function useMine(year: number) {
  return useQuery({
    queryKey: ['followup', 'mine', year],
    queryFn: ({ signal }) => api.get<FollowupMine>('/api/followup/mine', { year }, signal),
  });
}

export function useFollowupList(query: FollowupQuery) {
  return useQuery({
    queryKey: ['followup', 'list', query],
    queryFn: ({ signal }) => api.get<FollowupPage>('/api/followup/registrations', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRegistration(id: number | null) {
  return useQuery({
    queryKey: ['followup', 'detail', id],
    queryFn: ({ signal }) => api.get<FollowupRegistration>(`/api/followup/registrations/${id}`, undefined, signal),
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
    api.post<FollowupRegistration>(`/api/followup/registrations/${registrationId}/check-ins`, body),
  );
}

export function useSelfAssess(registrationId: number) {
  return useFollowupMutation(
    (body: {
      version: number;
      selfLevel: CompletionLevel;
      selfExplanation: string;
      actions: Array<{ actionId: number; level: CompletionLevel; note?: string | null }>;
    }) => api.post<FollowupRegistration>(`/api/followup/registrations/${registrationId}/self-assessment`, body),
  );
}

export function useReview(registrationId: number) {
  return useFollowupMutation((body: { version: number; reviewLevel: CompletionLevel; reviewComment: string }) =>
    api.post<FollowupRegistration>(`/api/followup/registrations/${registrationId}/review`, body),
  );
}

export function useClose() {
  return useFollowupMutation((input: { id: number; version: number }) =>
    api.post<FollowupRegistration>(`/api/followup/registrations/${input.id}/close`, { version: input.version }),
  );
}

export function useSendReminders() {
  return useMutation({
    mutationFn: (unitId: number) => api.post<ReminderOutcome>('/api/registration-reminders', { unitId }),
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
