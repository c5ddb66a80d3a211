import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../api/client';
import type {
  CreateGradingInput,
  DecideInput,
  DecideManyInput,
  GradeStepInput,
  Grade,
  DecidedCount,
  GradingFigures,
  GradingFigureValues,
  GradingListPage,
  GradingListQuery,
  GradingRuleView,
  GradingStatus,
  GradingStep,
  GradingSubject,
  GradingView,
  MyGrading,
  ProposedCount,
  ReasonStepInput,
  SelfReviewInput,
} from '../../../shared/contracts/grading';

export type {
  Grade,
  GradingFigures,
  GradingFigureValues,
  GradingListPage,
  GradingRuleView,
  GradingStatus,
  GradingStep,
  GradingSubject,
  GradingView,
  MyGrading,
};
export type { GradingListItem } from '../../../shared/contracts/grading';

const keys = { all: ['grading'] as const };

/** The list's filter as the page holds it: the server fills the defaults it leaves out. */
export type GradingListFilter = Pick<GradingListQuery, 'unitId' | 'year' | 'subject' | 'status' | 'grade' | 'q' | 'page' | 'pageSize'>;

export function useGradingRules() {
  return useQuery({
    queryKey: [...keys.all, 'rules'],
    queryFn: ({ signal }) => api.get<GradingRuleView[]>('/api/grading-rules', undefined, signal),
    staleTime: 600_000,
  });
}

export function useGradings(filter: GradingListFilter, enabled = true) {
  return useQuery({
    queryKey: [...keys.all, 'list', filter],
    queryFn: ({ signal }) => api.get<GradingListPage>('/api/gradings', filter, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMyGrading(year: number) {
  return useQuery({
    queryKey: [...keys.all, 'mine', year],
    queryFn: ({ signal }) => api.get<MyGrading>('/api/gradings/mine', { year }, signal),
  });
}

export function useGrading(id: number | null) {
  return useQuery({
    queryKey: [...keys.all, 'one', id],
    queryFn: ({ signal }) => api.get<GradingView>(`/api/gradings/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useGradingFigures(unitId: number, year: number, enabled = true) {
  return useQuery({
    queryKey: [...keys.all, 'figures', unitId, year],
    queryFn: ({ signal }) => api.get<GradingFigures>('/api/grading-figures', { unitId, year }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every change of a grading invalidates all lists, the member's own view, details and figures. */
function useGradingMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export function useCreateGrading() {
  return useGradingMutation((input: CreateGradingInput) => api.post<GradingView>('/api/gradings', input));
}

/** Saves the self-review; with `submit: true` the same call sends it to the grading level. */
export function useSaveSelfReview() {
  return useGradingMutation(({ id, ...input }: SelfReviewInput & { id: number }) =>
    request<GradingView>(`/api/gradings/${id}/self-review`, { method: 'PUT', body: input }),
  );
}

export function useGradeStep() {
  return useGradingMutation(({ id, ...input }: GradeStepInput & { id: number }) =>
    api.post<GradingView>(`/api/gradings/${id}/grade`, input),
  );
}

export function useReasonStep() {
  return useGradingMutation(({ id, step, ...input }: ReasonStepInput & { id: number; step: 'return' | 'reopen' }) =>
    api.post<GradingView>(`/api/gradings/${id}/${step}`, input),
  );
}

export function useDecide() {
  return useGradingMutation(({ id, ...input }: DecideInput & { id: number }) => api.post<GradingView>(`/api/gradings/${id}/decide`, input));
}

export function useDecideMany() {
  return useGradingMutation((input: DecideManyInput) => api.post<DecidedCount>('/api/gradings/decide', input));
}

export function useProposeAll() {
  return useGradingMutation((input: { unitId: number; year: number }) => api.post<ProposedCount>('/api/gradings/propose', input));
}

/** The files the server writes: the self-review (DOCX), the cell meeting's record (DOCX), the results and the figures (XLSX). */
export const gradingDownloads = {
  selfReview: (id: number) => ({ path: `/api/gradings/${id}/document` }),
  record: (unitId: number, year: number) => ({ path: '/api/exports/grading-record', params: { unitId, year } }),
  results: (unitId: number, year: number) => ({ path: '/api/exports/grading-results', params: { unitId, year } }),
  figures: (unitId: number, year: number) => ({ path: '/api/exports/grading-figures', params: { unitId, year } }),
};
