import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { PagedAnswer } from '../../../shared/contracts/common';
import type {
  CloseUnitBody,
  CreateUnitBody,
  MergeUnitsBody,
  MoveUnitBody,
  SplitUnitBody,
  Unit,
  UnitDetail,
  UnitSearchHit,
  UnitSearchQueryParams,
  UnitVersion,
  UpdateUnitBody,
} from '../../../shared/contracts/units';

/** The search's query; the web always sends the text, and the closed-units flag as a boolean. */
export type UnitSearchParams = Omit<UnitSearchQueryParams, 'q' | 'includeClosed'> & { q: string; includeClosed?: boolean };

export const unitKeys = {
  all: ['units'] as const,
  roots: () => ['units', 'roots'] as const,
  children: (id: number, asOf: string | undefined) => ['units', 'children', id, asOf ?? null] as const,
  detail: (id: number, asOf: string | undefined) => ['units', 'detail', id, asOf ?? null] as const,
  search: (params: UnitSearchParams) => ['units', 'search', params] as const,
  history: (id: number) => ['units', 'history', id] as const,
};

export const unitRootsQuery = () =>
  queryOptions({
    queryKey: unitKeys.roots(),
    queryFn: ({ signal }) => api.get<Unit[]>('/api/units/roots', undefined, signal),
    staleTime: 5 * 60_000,
  });

export const unitChildrenQuery = (id: number, asOf?: string) =>
  queryOptions({
    queryKey: unitKeys.children(id, asOf),
    queryFn: ({ signal }) => api.get<Unit[]>(`/api/units/${id}/children`, { asOf }, signal),
    // While the same unit is read for another date, the previous answer stays on screen: an
    // emptied tree would otherwise collapse the levels the user had opened.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === id ? previous : undefined),
  });

export const unitDetailQuery = (id: number, asOf?: string) =>
  queryOptions({
    queryKey: unitKeys.detail(id, asOf),
    queryFn: ({ signal }) => api.get<UnitDetail>(`/api/units/${id}`, { asOf }, signal),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === id ? previous : undefined),
  });

export const unitSearchQuery = (params: UnitSearchParams) =>
  queryOptions({
    queryKey: unitKeys.search(params),
    queryFn: ({ signal }) =>
      api.get<PagedAnswer<UnitSearchHit>>(
        '/api/units',
        {
          q: params.q,
          kind: params.kind,
          under: params.under,
          includeClosed: params.includeClosed,
          page: params.page ?? 1,
          pageSize: params.pageSize ?? 20,
        },
        signal,
      ),
    placeholderData: (previous) => previous,
  });

export function useUnitRoots() {
  return useQuery(unitRootsQuery());
}

export function useUnit(id: number | null, asOf?: string) {
  return useQuery({ ...unitDetailQuery(id ?? 0, asOf), enabled: id !== null });
}

export function useUnitSearch(params: UnitSearchParams, enabled: boolean) {
  return useQuery({ ...unitSearchQuery(params), enabled });
}

export function useUnitHistory(id: number | null) {
  return useQuery({
    queryKey: unitKeys.history(id ?? 0),
    queryFn: ({ signal }) => api.get<UnitVersion[]>(`/api/units/${id ?? 0}/history`, undefined, signal),
    enabled: id !== null,
  });
}

export type CreateUnitInput = CreateUnitBody;

export type UpdateUnitInput = UpdateUnitBody & { id: number };

export type MoveUnitInput = MoveUnitBody & { id: number };

export type CloseUnitInput = CloseUnitBody & { id: number };

export type MergeUnitsInput = MergeUnitsBody;

export type SplitPart = SplitUnitBody['parts'][number];

export type SplitUnitInput = SplitUnitBody & { id: number };

/** A change to the tree moves figures and people too, so all of those are read again. */
function useTreeMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: unitKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['figures'] }),
        queryClient.invalidateQueries({ queryKey: ['people'] }),
      ]);
    },
  });
}

export function useCreateUnit() {
  return useTreeMutation((input: CreateUnitInput) => api.post<Unit>('/api/units', input));
}

export function useUpdateUnit() {
  return useTreeMutation(({ id, ...body }: UpdateUnitInput) => api.patch<Unit>(`/api/units/${id}`, body));
}

export function useMoveUnit() {
  return useTreeMutation(({ id, ...body }: MoveUnitInput) => api.post<Unit>(`/api/units/${id}/move`, body));
}

export function useCloseUnit() {
  return useTreeMutation(({ id, ...body }: CloseUnitInput) => api.post<Unit>(`/api/units/${id}/close`, body));
}

export function useMergeUnits() {
  return useTreeMutation((input: MergeUnitsInput) => api.post<Unit>('/api/units/merge', input));
}

export function useSplitUnit() {
  return useTreeMutation(({ id, ...body }: SplitUnitInput) => api.post<Unit[]>(`/api/units/${id}/split`, body));
}
