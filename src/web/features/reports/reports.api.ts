import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { FileSummary } from '../../../shared/contracts/files';
import type {
  AnswerStatus,
  CreateReportRequest,
  DisplayStatus,
  RecommendationItem,
  RecommendationStatus,
  RegisterAnswer,
  RegisterItem,
  ReminderResult,
  ReportAnswerDetail,
  ReportAudience,
  ReportCatalogue,
  ReportCatalogueEntry,
  ReportConsolidation,
  ReportContentInput,
  ReportInboxAnswer,
  ReportInboxItem,
  ReportKind,
  ReportRequestDetail,
  ReportRequestItem,
  ReportRequestsAnswer,
  ReportTemplate,
  RequestAnswerRow,
  RespondedRecommendation,
  SaveAnswer,
} from '../../../shared/contracts/reports';

export type {
  AnswerStatus,
  DisplayStatus,
  FileSummary,
  RecommendationItem,
  RecommendationStatus,
  RegisterItem,
  ReportAnswerDetail,
  ReportAudience,
  ReportCatalogueEntry,
  ReportContentInput,
  ReportInboxItem,
  ReportKind,
  ReportRequestDetail,
  ReportRequestItem,
  ReportTemplate,
  RequestAnswerRow,
};

const keys = {
  all: ['reports'] as const,
};

export function useCatalogue() {
  return useQuery({
    queryKey: [...keys.all, 'catalogue'],
    queryFn: () => api.get<ReportCatalogue>('/api/reports/catalogue'),
    staleTime: 5 * 60_000,
  });
}
export function useRequests(params: { unitId: number; q?: string; kind?: ReportKind; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...keys.all, 'requests', params],
    queryFn: () => api.get<ReportRequestsAnswer>('/api/report-requests', params),
    placeholderData: keepPreviousData,
  });
}
export function useRequest(id: number | null) {
  return useQuery({
    queryKey: [...keys.all, 'request', id],
    queryFn: () => api.get<ReportRequestDetail>(`/api/report-requests/${id}`),
    enabled: id !== null,
  });
}
export function useConsolidation(id: number | null) {
  return useQuery({
    queryKey: [...keys.all, 'consolidation', id],
    queryFn: () => api.get<ReportConsolidation>(`/api/report-requests/${id}/consolidation`),
    enabled: id !== null,
  });
}
export function useInbox(params: { unitId: number; status?: DisplayStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...keys.all, 'inbox', params],
    queryFn: () => api.get<ReportInboxAnswer>('/api/report-inbox', params),
    placeholderData: keepPreviousData,
  });
}
export function useAnswer(id: number | null) {
  return useQuery({
    queryKey: [...keys.all, 'answer', id],
    queryFn: () => api.get<ReportAnswerDetail>(`/api/report-answers/${id}`),
    enabled: id !== null,
  });
}
export function useRegister(params: {
  unitId: number;
  direction: 'addressed' | 'raised';
  status?: RecommendationStatus;
  overdue?: 'true';
  q?: string;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: [...keys.all, 'register', params],
    queryFn: () => api.get<RegisterAnswer>('/api/report-recommendations', params),
    placeholderData: keepPreviousData,
  });
}
export function useTemplates(unitId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.all, 'templates', unitId],
    queryFn: () => api.get<ReportTemplate[]>('/api/report-templates', { unitId }),
    enabled,
  });
}

/** Every write refreshes the whole feature: lists, rates and consolidation all move together. */
function useReportsMutation<TVariables, TResult>(fn: (variables: TVariables) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}
export const useCreateRequest = () =>
  useReportsMutation((body: CreateReportRequest) => api.post<ReportRequestDetail>('/api/report-requests', body));
export const useUpdateDeadline = (id: number) =>
  useReportsMutation((body: { deadline: string; version: number }) =>
    api.patch<ReportRequestDetail>(`/api/report-requests/${id}/deadline`, body),
  );
export const useRemind = (id: number) => useReportsMutation(() => api.post<ReminderResult>(`/api/report-requests/${id}/remind`));
export const useSaveTemplate = () =>
  useReportsMutation((body: { unitId: number; name: string; kind: ReportKind; content: ReportContentInput }) =>
    api.post<ReportTemplate>('/api/report-templates', body),
  );
export const useDeleteTemplate = () => useReportsMutation((id: number) => api.delete<void>(`/api/report-templates/${id}`));
export const useSaveAnswer = (id: number) =>
  useReportsMutation((body: SaveAnswer) => api.patch<ReportAnswerDetail>(`/api/report-answers/${id}`, body));
export const useReturnAnswer = (id: number) =>
  useReportsMutation((body: { version: number; reason: string }) => api.post<ReportAnswerDetail>(`/api/report-answers/${id}/return`, body));
export const useAcceptAnswer = (id: number) =>
  useReportsMutation((version: number) => api.post<ReportAnswerDetail>(`/api/report-answers/${id}/accept`, { version }));
export const useRespond = (id: number) =>
  useReportsMutation(
    (body: { status: 'in_progress' | 'answered' | 'closed'; answer: string | null; dueOn: string | null; version: number }) =>
      api.patch<RespondedRecommendation>(`/api/report-recommendations/${id}`, body),
  );
export const uploadReportFile = (unitId: number, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<FileSummary>(`/api/files?unitId=${unitId}&purpose=report`, form);
};
