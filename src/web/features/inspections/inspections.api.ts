import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, request } from '../../api/client';
import type { FileSummary } from '../../../shared/contracts/files';
import type {
  ConcludeInspection,
  CreateInspection,
  FindingInput,
  InspectionDetail,
  InspectionListAnswer,
  InspectionListQuery,
  RemedyAcceptBody,
  RemedyItem,
  RemedyListAnswer,
  RemedyListQuery,
  RemedyReasonBody,
  RemedyReportBody,
  UpdateInspection,
} from '../../../shared/contracts/inspections';

export type {
  FindingItem,
  InspectionContent,
  InspectionDetail,
  InspectionEventItem,
  InspectionKind,
  InspectionListItem,
  InspectionStatus,
  RemedyItem,
  RemedyStatus,
  Seriousness,
  TeamMember,
} from '../../../shared/contracts/inspections';

export const inspectionKeys = { all: ['inspections'] as const };

/** The list's filter as the page holds it: the server fills the defaults it leaves out. */
export type InspectionListFilter = Pick<InspectionListQuery, 'unitId' | 'year' | 'view' | 'status' | 'q' | 'page' | 'pageSize'>;

export type RemedyListFilter = Pick<RemedyListQuery, 'unitId' | 'year' | 'state' | 'page' | 'pageSize'>;
export type RemedyState = RemedyListQuery['state'];

export function useInspections(filter: InspectionListFilter) {
  return useQuery({
    queryKey: [...inspectionKeys.all, 'list', filter],
    queryFn: ({ signal }) => api.get<InspectionListAnswer>('/api/inspections', filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: number | null) {
  return useQuery({
    queryKey: [...inspectionKeys.all, 'one', id],
    queryFn: ({ signal }) => api.get<InspectionDetail>(`/api/inspections/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useRemedies(filter: RemedyListFilter) {
  return useQuery({
    queryKey: [...inspectionKeys.all, 'remedies', filter],
    queryFn: ({ signal }) => api.get<RemedyListAnswer>('/api/remedies', filter, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * Every change refreshes the lists, the open inspection and the figures. A refusal because someone
 * changed the record meanwhile (VERSION_CONFLICT) refreshes them too: the dialog shows the server's
 * message and the next try is made on the version just read.
 */
function useInspectionMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: inspectionKeys.all });
  return useMutation({
    mutationFn,
    onSuccess: refresh,
    onError: (error) => (isApiError(error) && error.code === 'VERSION_CONFLICT' ? refresh() : undefined),
  });
}

export function useCreateInspection() {
  return useInspectionMutation((input: CreateInspection) => api.post<InspectionDetail>('/api/inspections', input));
}

export function useUpdateInspection() {
  return useInspectionMutation(({ id, ...input }: UpdateInspection & { id: number }) =>
    request<InspectionDetail>(`/api/inspections/${id}`, { method: 'PUT', body: input }),
  );
}

export function useStartInspection() {
  return useInspectionMutation(({ id, ...input }: { id: number; version: number; selfReportDeadline: string | null }) =>
    api.post<InspectionDetail>(`/api/inspections/${id}/start`, input),
  );
}

export function useConcludeInspection() {
  return useInspectionMutation(({ id, ...input }: ConcludeInspection & { id: number }) =>
    api.post<InspectionDetail>(`/api/inspections/${id}/conclude`, input),
  );
}

export function useCancelInspection() {
  return useInspectionMutation(({ id, ...input }: { id: number; version: number; reason: string }) =>
    api.post<InspectionDetail>(`/api/inspections/${id}/cancel`, input),
  );
}

/** Adds a finding, or saves one already recorded when `findingId` is given. */
export function useSaveFinding() {
  return useInspectionMutation(
    ({ id, findingId, version, finding }: { id: number; findingId: number | null; version: number; finding: FindingInput }) =>
      findingId === null
        ? api.post<InspectionDetail>(`/api/inspections/${id}/findings`, { version, finding })
        : request<InspectionDetail>(`/api/inspections/${id}/findings/${findingId}`, { method: 'PUT', body: { version, finding } }),
  );
}

export function useDeleteFinding() {
  return useInspectionMutation(({ id, findingId, version }: { id: number; findingId: number; version: number }) =>
    api.delete<InspectionDetail>(`/api/inspections/${id}/findings/${findingId}?version=${version}`),
  );
}

export type RemedyStepInput =
  | ({ step: 'report'; id: number } & RemedyReportBody)
  | ({ step: 'accept'; id: number } & RemedyAcceptBody)
  | ({ step: 'return'; id: number } & RemedyReasonBody);

export function useRemedyStep() {
  return useInspectionMutation(({ step, id, ...input }: RemedyStepInput) => api.post<RemedyItem>(`/api/remedies/${id}/${step}`, input));
}

/**
 * Evidence is filed on the inspected unit: a finding's by the team (purpose inspection_finding), a
 * remedy's by the unit that reports it (purpose remedy).
 */
export function uploadInspectionFile(unitId: number, purpose: 'inspection_finding' | 'remedy', file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<FileSummary>(`/api/files?unitId=${unitId}&purpose=${purpose}`, form);
}

/** The conclusion notice (Thông báo kết luận), written by the server as a Party-format DOCX. */
export const inspectionDownloads = {
  conclusion: (id: number) => ({ path: `/api/inspections/${id}/document` }),
};
