import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  AdoptableModelItem,
  AdoptableModelsAnswer,
  CreateModelAdoptionBody,
  ModelAdoptionsAnswer,
  ModelAdoptionView,
  TypicalExampleItem,
  TypicalExamplesAnswer,
  TypicalExamplesQueryParams,
  TypicalState,
} from '../../../shared/contracts/commendations-spread';
import type { FileSummary } from '../../../shared/contracts/files';

export type { AdoptableModelItem, ModelAdoptionView, TypicalExampleItem, TypicalExamplesAnswer, TypicalState };

/** Under the commendation key, so every change of commendation refreshes these too, and theirs refresh the rest. */
const keys = { all: ['commendations'] as const };

export type TypicalExamplesFilter = TypicalExamplesQueryParams;

export function useTypicalExamples(filter: TypicalExamplesFilter) {
  return useQuery({
    queryKey: [...keys.all, 'typical-examples', filter],
    queryFn: ({ signal }) => api.get<TypicalExamplesAnswer>('/api/typical-examples', filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTypicalState(nominationId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.all, 'typical', nominationId],
    queryFn: ({ signal }) => api.get<TypicalState>(`/api/nominations/${nominationId}/typical`, undefined, signal),
    enabled,
  });
}

export function useAdoptableModels(filter: { unitId: number; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...keys.all, 'adoptable-models', filter],
    queryFn: ({ signal }) => api.get<AdoptableModelsAnswer>('/api/adoptable-models', filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useModelAdoptions(nominationId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.all, 'adoptions', nominationId],
    queryFn: ({ signal }) => api.get<ModelAdoptionsAnswer>(`/api/nominations/${nominationId}/adoptions`, undefined, signal),
    enabled,
  });
}

function useSpreadMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export function useMarkTypical() {
  return useSpreadMutation(({ id, version, unitId, year }: { id: number; version: number; unitId: number; year: number }) =>
    api.post<TypicalState>(`/api/nominations/${id}/typical`, { version, unitId, year }),
  );
}

export function useClearTypical() {
  return useSpreadMutation(({ id, version }: { id: number; version: number }) =>
    api.delete<TypicalState>(`/api/nominations/${id}/typical?version=${version}`),
  );
}

/** The adoption's fields; the unit is added when it is recorded. */
export type AdoptionInput = Omit<CreateModelAdoptionBody, 'unitId'>;

export function useSaveAdoption() {
  return useSpreadMutation(
    ({
      nominationId,
      adoption,
      unitId,
      input,
    }: {
      nominationId: number;
      adoption: ModelAdoptionView | null;
      unitId: number;
      input: AdoptionInput;
    }) =>
      adoption === null
        ? api.post<ModelAdoptionView>(`/api/nominations/${nominationId}/adoptions`, { ...input, unitId })
        : api.patch<ModelAdoptionView>(`/api/model-adoptions/${adoption.id}`, { ...input, version: adoption.version }),
  );
}

export function useDeleteAdoption() {
  return useSpreadMutation(({ id, version }: { id: number; version: number }) =>
    api.delete<void>(`/api/model-adoptions/${id}?version=${version}`),
  );
}

export const uploadAdoptionFile = (unitId: number, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<FileSummary>(`/api/files?unitId=${unitId}&purpose=model_adoption`, form);
};
