import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Paged } from '../../api/types';
import type { FileSummary } from '../../../shared/contracts/files';
import type { AnswerStatus, DisplayStatus, RecommendationStatus, ReportAudience, ReportKind } from '../../../shared/contracts/reports';

export type { AnswerStatus, DisplayStatus, FileSummary, RecommendationStatus, ReportAudience, ReportKind };

export interface CatalogueEntry {
  key: string;
  label: string;
  unit: 'count' | 'percent';
  definition: string;
  computation: string;
}
export interface ReportContent {
  metrics: string[];
  manualItems: Array<{ key: string; label: string; type: 'number' | 'text' }>;
  sections: Array<{ key: string; title: string }>;
}
export interface Catalogue {
  metrics: CatalogueEntry[];
  defaultSections: Array<{ key: string; title: string }>;
  pdfAvailable: boolean;
}
export interface Rates {
  expected: number;
  submitted: number;
  onTime: number;
  reportingRate: number | null;
  onTimeRate: number | null;
}
export interface RequestListItem extends Rates {
  id: number;
  unitName: string;
  kind: ReportKind;
  title: string;
  periodFrom: string;
  periodTo: string;
  deadline: string;
  accepted: number;
  version: number;
}
export interface RequestAnswerRow {
  id: number;
  unit: { id: number; name: string; code: string };
  status: AnswerStatus;
  displayStatus: DisplayStatus;
  firstSubmittedOn: string | null;
  onTime: boolean | null;
  numberSymbol: string | null;
  returnReason: string | null;
  version: number;
}
export interface ReportRequest {
  id: number;
  unit: { id: number; name: string };
  kind: ReportKind;
  title: string;
  periodFrom: string;
  periodTo: string;
  deadline: string;
  audience: ReportAudience;
  content: ReportContent;
  guidance: string | null;
  version: number;
  figures: Rates;
  bySubtree: Array<Rates & { unit: { id: number; name: string } }>;
  answers: RequestAnswerRow[];
}
export interface Consolidation {
  expected: number;
  answering: number;
  missing: Array<{ id: number; unitName: string; status: AnswerStatus }>;
  figures: Array<{ key: string; label: string; unit: 'count' | 'percent'; definition: string; total: number | null }>;
  byUnit: Array<{
    answerId: number;
    unitName: string;
    status: AnswerStatus;
    figures: Record<string, number | null>;
    manualValues: Record<string, string>;
  }>;
  manualItems: Array<{ key: string; label: string; type: 'number' | 'text'; total: number | null }>;
  recommendations: Array<{
    id: number;
    unitName: string;
    kind: 'difficulty' | 'recommendation';
    body: string;
    status: RecommendationStatus;
    answer: string | null;
  }>;
  sections: Array<{ key: string; title: string; entries: Array<{ unitName: string; text: string }> }>;
}
export interface InboxItem {
  id: number;
  requestId: number;
  unit: { id: number; name: string };
  requesterName: string;
  kind: ReportKind;
  title: string;
  periodFrom: string;
  periodTo: string;
  deadline: string;
  status: AnswerStatus;
  displayStatus: DisplayStatus;
  version: number;
}
export interface RecommendationItem {
  kind: 'difficulty' | 'recommendation';
  body: string;
}
export interface AnswerDetail {
  id: number;
  request: {
    id: number;
    unit: { id: number; name: string };
    kind: ReportKind;
    title: string;
    periodFrom: string;
    periodTo: string;
    deadline: string;
    content: ReportContent;
    guidance: string | null;
  };
  unit: { id: number; name: string; code: string };
  status: AnswerStatus;
  displayStatus: DisplayStatus;
  narrative: Record<string, string>;
  manualValues: Record<string, string>;
  figureNotes: Record<string, string>;
  figures: Array<CatalogueEntry & { live: number | null; frozen: number | null }>;
  recommendations: Array<RecommendationItem & { id: number; status: RecommendationStatus; answer: string | null }>;
  files: FileSummary[];
  numberSymbol: string | null;
  firstSubmittedOn: string | null;
  returnReason: string | null;
  version: number;
  history: Array<{
    id: number;
    fromStatus: AnswerStatus;
    toStatus: AnswerStatus;
    reason: string | null;
    actorName: string;
    at: string;
    changes: string[] | null;
  }>;
  /** Who typed the report's own figures in: its last submitter, or its last editor before that. */
  enteredBy: string | null;
  lower: Array<{
    id: number;
    title: string;
    unitName: string;
    status: AnswerStatus;
    narrative: Record<string, string>;
    manualValues: Record<string, string>;
    recommendations: RecommendationItem[];
  }>;
  canWrite: boolean;
  canReview: boolean;
}
export interface RegisterItem {
  id: number;
  kind: 'difficulty' | 'recommendation';
  body: string;
  status: RecommendationStatus;
  answer: string | null;
  dueOn: string | null;
  overdue: boolean;
  unit: { id: number; name: string };
  addressedTo: { id: number; name: string };
  requestTitle: string;
  version: number;
}
export interface Template {
  id: number;
  unit: { id: number; name: string };
  name: string;
  kind: ReportKind;
  content: ReportContent;
  canDelete: boolean;
}
export interface CreateRequestBody {
  unitId: number;
  kind: ReportKind;
  title: string;
  periodFrom: string;
  periodTo: string;
  deadline: string;
  audience: ReportAudience;
  content: ReportContent;
  guidance: string | null;
}
export interface SaveAnswerBody {
  narrative: Record<string, string>;
  manualValues: Record<string, string>;
  figureNotes: Record<string, string>;
  recommendations: RecommendationItem[];
  fileIds: number[];
  version: number;
  /** Submit in the same call. */
  submit?: boolean;
}

const keys = {
  all: ['reports'] as const,
};

export function useCatalogue() {
  return useQuery({
    queryKey: [...keys.all, 'catalogue'],
    queryFn: () => api.get<Catalogue>('/api/reports/catalogue'),
    staleTime: 5 * 60_000,
  });
}
export function useRequests(params: { unitId: number; q?: string; kind?: ReportKind; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...keys.all, 'requests', params],
    queryFn: () => api.get<Paged<RequestListItem>>('/api/report-requests', params),
    placeholderData: keepPreviousData,
  });
}
export function useRequest(id: number | null) {
  return useQuery({
    queryKey: [...keys.all, 'request', id],
    queryFn: () => api.get<ReportRequest>(`/api/report-requests/${id}`),
    enabled: id !== null,
  });
}
export function useConsolidation(id: number | null) {
  return useQuery({
    queryKey: [...keys.all, 'consolidation', id],
    queryFn: () => api.get<Consolidation>(`/api/report-requests/${id}/consolidation`),
    enabled: id !== null,
  });
}
export function useInbox(params: { unitId: number; status?: DisplayStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...keys.all, 'inbox', params],
    queryFn: () => api.get<Paged<InboxItem>>('/api/report-inbox', params),
    placeholderData: keepPreviousData,
  });
}
export function useAnswer(id: number | null) {
  return useQuery({
    queryKey: [...keys.all, 'answer', id],
    queryFn: () => api.get<AnswerDetail>(`/api/report-answers/${id}`),
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
    queryFn: () => api.get<Paged<RegisterItem>>('/api/report-recommendations', params),
    placeholderData: keepPreviousData,
  });
}
export function useTemplates(unitId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.all, 'templates', unitId],
    queryFn: () => api.get<Template[]>('/api/report-templates', { unitId }),
    enabled,
  });
}

/** Every write refreshes the whole feature: lists, rates and consolidation all move together. */
function useReportsMutation<TVariables, TResult>(fn: (variables: TVariables) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}
export const useCreateRequest = () =>
  useReportsMutation((body: CreateRequestBody) => api.post<ReportRequest>('/api/report-requests', body));
export const useUpdateDeadline = (id: number) =>
  useReportsMutation((body: { deadline: string; version: number }) =>
    api.patch<ReportRequest>(`/api/report-requests/${id}/deadline`, body),
  );
export const useRemind = (id: number) =>
  useReportsMutation(() => api.post<{ lateUnits: number; notifications: number }>(`/api/report-requests/${id}/remind`));
export const useSaveTemplate = () =>
  useReportsMutation((body: { unitId: number; name: string; kind: ReportKind; content: ReportContent }) =>
    api.post<Template>('/api/report-templates', body),
  );
export const useDeleteTemplate = () => useReportsMutation((id: number) => api.delete<void>(`/api/report-templates/${id}`));
export const useSaveAnswer = (id: number) =>
  useReportsMutation((body: SaveAnswerBody) => api.patch<AnswerDetail>(`/api/report-answers/${id}`, body));
export const useReturnAnswer = (id: number) =>
  useReportsMutation((body: { version: number; reason: string }) => api.post<AnswerDetail>(`/api/report-answers/${id}/return`, body));
export const useAcceptAnswer = (id: number) =>
  useReportsMutation((version: number) => api.post<AnswerDetail>(`/api/report-answers/${id}/accept`, { version }));
export const useRespond = (id: number) =>
  useReportsMutation(
    (body: { status: 'in_progress' | 'answered' | 'closed'; answer: string | null; dueOn: string | null; version: number }) =>
      api.patch<RegisterItem>(`/api/report-recommendations/${id}`, body),
  );
export const uploadReportFile = (unitId: number, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<FileSummary>(`/api/files?unitId=${unitId}&purpose=report`, form);
};
