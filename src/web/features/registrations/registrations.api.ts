import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { BreakthroughsAnswer } from '../../../shared/contracts/programme';
import type { ApplicableTopics } from '../../../shared/contracts/study';
import type { RegistrationStatus } from '../../../shared/contracts/registration-status';
import type {
  ActionInput,
  ApplicableWindow,
  BulkApproveResult,
  CreateWindowBody,
  EnteredRegistrationsResult,
  EnterRegistrations,
  LeaderMissing,
  RegisterBookPreview,
  LinkOptions,
  MineView,
  RegistrationDetail,
  RegistrationsPage,
  RegistrationsQueryParams,
  RegistrationSummary,
  SimilarRegistration,
  StatusChange,
  UpdateRegistrationBody,
  UpdateWindowBody,
  WindowFieldsBody,
  WindowView,
} from '../../../shared/contracts/registrations';

export type {
  ActionInput,
  LinkOptions,
  MineView,
  RegisterBookPreview,
  RegistrationDetail,
  RegistrationSummary,
  RegistrationStatus,
  SimilarRegistration,
  WindowView,
};

/** The list's query; the web always names the unit, and sends the similar-only flag as a boolean. */
export type RegistrationParams = Omit<RegistrationsQueryParams, 'unitId' | 'similarOnly'> & { unitId: number; similarOnly?: boolean };

/** The registration's content as the form holds it: every action complete (the contract's parsed action). */
export type ContentInput = Pick<UpdateRegistrationBody, 'shortcomings'> & { actions: ActionInput[] };

/** What a save sends: the content, and whether to submit it in the same call. */
type SaveInput = ContentInput & Pick<UpdateRegistrationBody, 'submit'>;

/** A window's fields, with the unit when it is created and the version when it is updated. */
export type WindowInput = WindowFieldsBody & Partial<Pick<CreateWindowBody, 'unitId'>> & Partial<Pick<UpdateWindowBody, 'version'>>;

/** Every change of a registration touches the lists, the member's page and the figures: refresh them all. */
function useInvalidateRegistrations() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['registrations'] });
}

export function useMine(year: number) {
  return useQuery({
    queryKey: ['registrations', 'mine', year],
    queryFn: ({ signal }) => api.get<MineView>('/api/registrations/mine', { year }, signal),
  });
}

export function useRegistrations(params: RegistrationParams) {
  return useQuery({
    queryKey: ['registrations', 'list', params],
    queryFn: ({ signal }) => api.get<RegistrationsPage>('/api/registrations', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRegistration(id: number | null) {
  return useQuery({
    queryKey: ['registrations', 'detail', id],
    queryFn: ({ signal }) => api.get<RegistrationDetail>(`/api/registrations/${id ?? 0}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useSimilar(id: number | null) {
  return useQuery({
    queryKey: ['registrations', 'similar', id],
    queryFn: ({ signal }) => api.get<SimilarRegistration[]>(`/api/registrations/${id ?? 0}/similar`, undefined, signal),
    enabled: id !== null,
  });
}

export function useLeadersMissing(unitId: number, year: number, enabled: boolean) {
  return useQuery({
    queryKey: ['registrations', 'leaders-missing', unitId, year],
    queryFn: ({ signal }) => api.get<LeaderMissing[]>('/api/registrations/leaders-missing', { unitId, year }, signal),
    enabled,
  });
}

export function useApplicableWindow(unitId: number, year: number) {
  return useQuery({
    queryKey: ['registrations', 'applicable-window', unitId, year],
    queryFn: ({ signal }) => api.get<ApplicableWindow>('/api/registration-windows/applicable', { unitId, year }, signal),
  });
}

export function useWindows(year: number) {
  return useQuery({
    queryKey: ['registrations', 'windows', year],
    queryFn: ({ signal }) => api.get<WindowView[]>('/api/registration-windows', { year }, signal),
  });
}

export function useCreateOwn() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: (input: SaveInput & { year: number; supplementOfId: number | null }) =>
      api.post<RegistrationDetail>('/api/registrations/mine', input),
    onSuccess: invalidate,
  });
}

export function useCreateCollective() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: (input: SaveInput & { year: number; unitId: number }) =>
      api.post<RegistrationDetail>('/api/registrations/collective', input),
    onSuccess: invalidate,
  });
}

export function useUpdateContent() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: ({ id, ...input }: SaveInput & { id: number; version: number }) =>
      api.patch<RegistrationDetail>(`/api/registrations/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useChangeStatus() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: ({ id, ...change }: StatusChange & { id: number }) =>
      api.post<RegistrationDetail>(`/api/registrations/${id}/status`, change),
    onSuccess: invalidate,
  });
}

/** Reads a filled register book: its registrations, or the rows to fix. Writes nothing. */
export function usePreviewRegisterBook(unitId: number, year: number) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<RegisterBookPreview>(`/api/registrations/book/preview?unitId=${unitId}&year=${year}`, form);
    },
  });
}

/** Registrations typed in for the members, in one write; the dashboards' figures change with them. */
export function useEnterRegistrations() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EnterRegistrations) => api.post<EnteredRegistrationsResult>('/api/registrations/entered', input),
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: ['registrations'] }), client.invalidateQueries({ queryKey: ['figures'] })]),
  });
}

export function useBulkApprove() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: (items: Array<{ id: number; version: number }>) => api.post<BulkApproveResult>('/api/registrations/approve', { items }),
    onSuccess: invalidate,
  });
}

export function useSaveWindow() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: ({ id, ...input }: WindowInput & { id?: number }) =>
      id ? api.patch<WindowView>(`/api/registration-windows/${id}`, input) : api.post<WindowView>('/api/registration-windows', input),
    onSuccess: invalidate,
  });
}

export function useDeleteWindow() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api.delete<void>(`/api/registration-windows/${id}?version=${version}`),
    onSuccess: invalidate,
  });
}

/** What a window at this unit may name: the topics reaching it that year and its own breakthrough contents. */
export function useWindowChoices(unitId: number, year: number, enabled: boolean) {
  const topics = useQuery({
    queryKey: ['registrations', 'window-topics', unitId, year],
    queryFn: ({ signal }) => api.get<ApplicableTopics>('/api/study-sessions/topics', { unitId, year }, signal),
    enabled,
  });
  const breakthroughs = useQuery({
    queryKey: ['registrations', 'window-breakthroughs', unitId, year],
    queryFn: ({ signal }) =>
      api.get<BreakthroughsAnswer>('/api/breakthroughs', { unitId, year, level: 'own', page: 1, pageSize: 100 }, signal),
    enabled,
  });
  return { topics: topics.data ?? [], breakthroughs: breakthroughs.data?.items ?? [] };
}
