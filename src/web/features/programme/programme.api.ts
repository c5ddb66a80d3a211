import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { IsoDate, PagedAnswer } from '../../../shared/contracts/common';
import type { FileSummary } from '../../../shared/contracts/files';
import type {
  Breakthrough,
  BreakthroughAdoption,
  BreakthroughDetail,
  BreakthroughFieldsBody,
  BreakthroughsQueryParams,
  BreakthroughStatus,
  LegalBasis,
  Plan,
  PlanFieldsBody,
  PlansQueryParams,
  ProgrammeLevel,
  ProgrammeListQueryParams,
  TaskGroup,
  Topic,
  TopicFieldsBody,
  TopicsQueryParams,
} from '../../../shared/contracts/programme';

export type {
  Breakthrough,
  BreakthroughAdoption,
  BreakthroughDetail,
  BreakthroughStatus,
  FileSummary,
  LegalBasis,
  Plan,
  ProgrammeLevel,
  TaskGroup,
  Topic,
};

/** What every programme list is asked with, from the acting unit. */
export type ListParams = Required<Pick<ProgrammeListQueryParams, 'unitId' | 'level' | 'page' | 'pageSize' | 'order'>> &
  Pick<ProgrammeListQueryParams, 'q' | 'year'> &
  Pick<BreakthroughsQueryParams, 'status'> & {
    sort: NonNullable<(PlansQueryParams | TopicsQueryParams | BreakthroughsQueryParams)['sort']>;
  };

export const programmeKeys = {
  plans: ['plans'] as const,
  topics: ['topics'] as const,
  breakthroughs: ['breakthroughs'] as const,
  legalBases: ['legal-bases'] as const,
};

function useList<T>(key: readonly string[], path: string, params: ListParams) {
  return useQuery({
    queryKey: [...key, 'list', params],
    queryFn: ({ signal }) => api.get<PagedAnswer<T>>(path, { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

function useDetail<T>(key: readonly string[], path: string, id: number | null) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: ({ signal }) => api.get<T>(`${path}/${id ?? 0}`, undefined, signal),
    enabled: id !== null,
  });
}

function useInvalidatingMutation<TInput, TResult>(keys: ReadonlyArray<readonly string[]>, mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

// ── Legal bases ─────────────────────────────────────────────────────────────
export function useLegalBases(includeInactive = false) {
  return useQuery({
    queryKey: [...programmeKeys.legalBases, includeInactive],
    queryFn: ({ signal }) => api.get<LegalBasis[]>('/api/legal-bases', { includeInactive }, signal),
    staleTime: 5 * 60_000,
  });
}

export function useCreateLegalBasis() {
  return useInvalidatingMutation([programmeKeys.legalBases], (input: { symbol: string; title: string; issuedOn: IsoDate }) =>
    api.post<LegalBasis>('/api/legal-bases', input),
  );
}

export function useSetLegalBasisActive() {
  return useInvalidatingMutation([programmeKeys.legalBases], ({ id, isActive }: { id: number; isActive: boolean }) =>
    api.patch<LegalBasis>(`/api/legal-bases/${id}`, { isActive }),
  );
}

// ── Plans ───────────────────────────────────────────────────────────────────
export type PlanInput = PlanFieldsBody;

export const usePlans = (params: ListParams) => useList<Plan>(programmeKeys.plans, '/api/plans', params);
export const usePlan = (id: number | null) => useDetail<Plan>(programmeKeys.plans, '/api/plans', id);
export const useCreatePlan = () =>
  useInvalidatingMutation([programmeKeys.plans], (input: PlanInput & { unitId: number }) => api.post<Plan>('/api/plans', input));
export const useUpdatePlan = () =>
  useInvalidatingMutation([programmeKeys.plans], ({ id, ...body }: PlanInput & { id: number; version: number }) =>
    api.patch<Plan>(`/api/plans/${id}`, body),
  );
export const useDeletePlan = () =>
  useInvalidatingMutation([programmeKeys.plans], ({ id, version }: { id: number; version: number }) =>
    api.delete<void>(`/api/plans/${id}?version=${version}`),
  );

// ── Topics ──────────────────────────────────────────────────────────────────
export type TopicInput = TopicFieldsBody;

export const useTopics = (params: ListParams) => useList<Topic>(programmeKeys.topics, '/api/topics', params);
export const useTopic = (id: number | null) => useDetail<Topic>(programmeKeys.topics, '/api/topics', id);
export const useCreateTopic = () =>
  useInvalidatingMutation([programmeKeys.topics], (input: TopicInput & { unitId: number }) => api.post<Topic>('/api/topics', input));
export const useUpdateTopic = () =>
  useInvalidatingMutation([programmeKeys.topics], ({ id, ...body }: TopicInput & { id: number; version: number }) =>
    api.patch<Topic>(`/api/topics/${id}`, body),
  );
export const useDeleteTopic = () =>
  useInvalidatingMutation([programmeKeys.topics], ({ id, version }: { id: number; version: number }) =>
    api.delete<void>(`/api/topics/${id}?version=${version}`),
  );

// ── Breakthrough contents ───────────────────────────────────────────────────
export type BreakthroughInput = BreakthroughFieldsBody;

// Breakthrough figures are counted on the home page, so writes refresh them too.
const breakthroughWrites = [programmeKeys.breakthroughs, ['figures']] as const;

export const useBreakthroughs = (params: ListParams) => useList<Breakthrough>(programmeKeys.breakthroughs, '/api/breakthroughs', params);
export const useBreakthrough = (id: number | null) => useDetail<BreakthroughDetail>(programmeKeys.breakthroughs, '/api/breakthroughs', id);
export const useCreateBreakthrough = () =>
  useInvalidatingMutation(breakthroughWrites, (input: BreakthroughInput & { unitId: number; year: number }) =>
    api.post<BreakthroughDetail>('/api/breakthroughs', input),
  );
export const useUpdateBreakthrough = () =>
  useInvalidatingMutation(breakthroughWrites, ({ id, ...body }: BreakthroughInput & { id: number; version: number }) =>
    api.patch<BreakthroughDetail>(`/api/breakthroughs/${id}`, body),
  );
export const useDeleteBreakthrough = () =>
  useInvalidatingMutation(breakthroughWrites, ({ id, version }: { id: number; version: number }) =>
    api.delete<void>(`/api/breakthroughs/${id}?version=${version}`),
  );
export const useAdoptBreakthrough = () =>
  useInvalidatingMutation(
    breakthroughWrites,
    ({ id, ...body }: { id: number; unitId: number; ownerUnitId?: number; target?: string; deadline?: IsoDate }) =>
      api.post<BreakthroughDetail>(`/api/breakthroughs/${id}/adopt`, body),
  );
export const useAddBreakthroughProgress = () =>
  useInvalidatingMutation(
    breakthroughWrites,
    ({ id, ...body }: { id: number; reportedOn: IsoDate; progressPercent: number; note: string; fileIds: number[] }) =>
      api.post<BreakthroughDetail>(`/api/breakthroughs/${id}/updates`, body),
  );
export const useChangeBreakthroughStatus = () =>
  useInvalidatingMutation(
    breakthroughWrites,
    ({ id, ...body }: { id: number; status: BreakthroughStatus; result?: string | null; completedOn?: IsoDate; version: number }) =>
      api.post<BreakthroughDetail>(`/api/breakthroughs/${id}/status`, body),
  );

export function uploadAttachment(unitId: number, purpose: 'plan' | 'topic' | 'breakthrough_update', file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<FileSummary>(`/api/files?unitId=${unitId}&purpose=${purpose}`, form);
}
