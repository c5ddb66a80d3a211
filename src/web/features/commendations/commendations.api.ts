import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  CommendationFigures,
  CommendationFigureValues,
  CommendationForm,
  CreateNominationBody,
  DecisionListItem,
  DecisionsPage,
  DecisionView,
  NominationAction,
  NominationKind,
  NominationListItem,
  NominationsPage,
  NominationsQueryParams,
  NominationStatus,
  NominationView,
} from '../../../shared/contracts/commendations';
import type { FileSummary } from '../../../shared/contracts/files';

export type {
  CommendationFigures,
  CommendationFigureValues,
  CommendationForm,
  DecisionListItem,
  DecisionView,
  FileSummary,
  NominationAction,
  NominationKind,
  NominationListItem,
  NominationStatus,
  NominationView,
};

const keys = { all: ['commendations'] as const };

export type NominationsFilter = NominationsQueryParams;

export function useNominations(filter: NominationsFilter, enabled = true) {
  return useQuery({
    queryKey: [...keys.all, 'nominations', filter],
    queryFn: ({ signal }) => api.get<NominationsPage>('/api/nominations', filter, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useNomination(id: number | null) {
  return useQuery({
    queryKey: [...keys.all, 'nomination', id],
    queryFn: ({ signal }) => api.get<NominationView>(`/api/nominations/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useCommendationForms(includeInactive = false) {
  return useQuery({
    queryKey: [...keys.all, 'forms', includeInactive],
    queryFn: ({ signal }) => api.get<CommendationForm[]>('/api/commendation-forms', { includeInactive }, signal),
    staleTime: 600_000,
  });
}

export function useCreateCommendationForm() {
  return useCommendationMutation((input: { name: string }) => api.post<CommendationForm>('/api/commendation-forms', input));
}

export function useUpdateCommendationForm() {
  return useCommendationMutation(({ code, ...change }: { code: string; name?: string; active?: boolean }) =>
    api.patch<CommendationForm>(`/api/commendation-forms/${code}`, change),
  );
}

export function useDecisions(filter: { unitId: number; year?: number; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...keys.all, 'decisions', filter],
    queryFn: ({ signal }) => api.get<DecisionsPage>('/api/commendation-decisions', filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDecision(id: number | null) {
  return useQuery({
    queryKey: [...keys.all, 'decision', id],
    queryFn: ({ signal }) => api.get<DecisionView>(`/api/commendation-decisions/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useCommendationFigures(unitId: number, year: number) {
  return useQuery({
    queryKey: [...keys.all, 'figures', unitId, year],
    queryFn: ({ signal }) => api.get<CommendationFigures>('/api/commendation-figures', { unitId, year }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every change of commendation invalidates all its lists, details and figures. */
function useCommendationMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

/** The nomination's fields; the unit is added when it is created. */
export type NominationInput = Omit<CreateNominationBody, 'unitId'>;

export function useSaveNomination() {
  return useCommendationMutation(
    ({ id, unitId, version, input }: { id: number | null; unitId: number; version: number | null; input: NominationInput }) =>
      id === null
        ? api.post<NominationView>('/api/nominations', { ...input, unitId })
        : api.patch<NominationView>(`/api/nominations/${id}`, { ...input, version }),
  );
}

export function useDeleteNomination() {
  return useCommendationMutation(({ id, version }: { id: number; version: number }) =>
    api.delete<void>(`/api/nominations/${id}?version=${version}`),
  );
}

export function useNominationStep() {
  return useCommendationMutation(
    ({ id, action, version, reason }: { id: number; action: NominationAction; version: number; reason: string | null }) =>
      api.post<NominationView>(`/api/nominations/${id}/${action}`, { version, reason }),
  );
}

export function useCreateDecision() {
  return useCommendationMutation((input: Record<string, unknown>) => api.post<DecisionView>('/api/commendation-decisions', input));
}

export const uploadNominationFile = (unitId: number, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<FileSummary>(`/api/files?unitId=${unitId}&purpose=nomination`, form);
};

export function useSetNominationPublic() {
  return useCommendationMutation(({ id, version, isPublic }: { id: number; version: number; isPublic: boolean }) =>
    api.post<NominationView>(`/api/nominations/${id}/publish`, { version, isPublic }),
  );
}
