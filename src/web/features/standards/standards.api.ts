import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { IsoDate } from '../../../shared/contracts/common';
import type { FileSummary } from '../../../shared/contracts/files';
import type {
  Criterion,
  OverviewFilter,
  SignBody,
  StandardSign,
  StandardsOverview,
  StandardsOverviewItem,
  StandardsOverviewQueryParams,
  StandardVersion,
  UnitStandards,
  UpdateSignBody,
} from '../../../shared/contracts/standards';

export type { Criterion, OverviewFilter, StandardSign, StandardsOverviewItem, StandardVersion, UnitStandards };

export type OverviewSort = NonNullable<StandardsOverviewQueryParams['sort']>;

export type OverviewParams = StandardsOverviewQueryParams;

export const standardsKeys = {
  all: ['standards'] as const,
  unit: (unitId: number) => ['standards', 'unit', unitId] as const,
  overview: (params: OverviewParams) => ['standards', 'overview', params] as const,
};

export const qrPngPath = (unitId: number) => `/api/standards/units/${unitId}/qr.png`;
export const signPrintPath = (unitId: number) => `/api/standards/units/${unitId}/sign-print`;
export const fileViewPath = (fileId: number) => `/api/files/${fileId}?inline=1`;

export function useUnitStandards(unitId: number) {
  return useQuery({
    queryKey: standardsKeys.unit(unitId),
    queryFn: ({ signal }) => api.get<UnitStandards>(`/api/standards/units/${unitId}`, undefined, signal),
  });
}

export function useStandardsOverview(params: OverviewParams, enabled = true) {
  return useQuery({
    queryKey: standardsKeys.overview(params),
    queryFn: ({ signal }) => api.get<StandardsOverview>('/api/standards/overview', { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every write changes the unit's page and the overview above it, so both are refreshed. */
function useStandardsMutation<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: standardsKeys.all }),
  });
}

export function useCreateDraft() {
  return useStandardsMutation((input: { unitId: number; title?: string; criteria?: Criterion[] }) =>
    api.post<StandardVersion>('/api/standards/drafts', input),
  );
}

export function useUpdateDraft() {
  return useStandardsMutation((input: { id: number; title: string; criteria: Criterion[]; version: number }) =>
    api.patch<StandardVersion>(`/api/standards/${input.id}`, { title: input.title, criteria: input.criteria, version: input.version }),
  );
}

export function useDeleteDraft() {
  return useStandardsMutation((input: { id: number; version: number }) =>
    api.delete<void>(`/api/standards/${input.id}?version=${input.version}`),
  );
}

export function useAdoptDraft() {
  return useStandardsMutation((input: { id: number; adoptedOn: IsoDate; version: number }) =>
    api.post<StandardVersion>(`/api/standards/${input.id}/adopt`, { adoptedOn: input.adoptedOn, version: input.version }),
  );
}

/** The sign's fields for a unit, with the version when the sign already exists. */
export type SignInput = SignBody & { unitId: number } & Partial<Pick<UpdateSignBody, 'version'>>;

export function useSaveSign() {
  return useStandardsMutation((input: SignInput) => {
    const { unitId, version, ...body } = input;
    const path = `/api/standards/units/${unitId}/sign`;
    return version === undefined ? api.post<StandardSign>(path, body) : api.patch<StandardSign>(path, { ...body, version });
  });
}

export function useRemoveSign() {
  return useStandardsMutation((input: { unitId: number; version: number }) =>
    api.delete<void>(`/api/standards/units/${input.unitId}/sign?version=${input.version}`),
  );
}

/** Photos go up first (checked by content on the server), then the sign refers to them by id. */
export function uploadSignPhoto(unitId: number, file: File): Promise<FileSummary> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<FileSummary>(`/api/files?unitId=${unitId}&purpose=standard_sign`, form);
}
