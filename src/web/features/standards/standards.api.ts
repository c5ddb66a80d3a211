import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { IsoDate, Paged, UnitKind } from '../../api/types';
import type { OverviewFilter } from '../../../shared/contracts/standards';

export type { OverviewFilter };

export interface Criterion {
  text: string;
}

export interface StandardVersion {
  id: number;
  unitId: number;
  versionNumber: number;
  title: string;
  criteria: Criterion[];
  status: 'draft' | 'adopted' | 'superseded';
  adoptedOn: IsoDate | null;
  supersededOn: IsoDate | null;
  version: number;
  updatedAt: string;
}

export interface FileSummary {
  id: number;
  name: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface Sign {
  unitId: number;
  postedOn: IsoDate;
  location: string | null;
  photo: FileSummary | null;
  version: number;
}

export interface UnitStandards {
  unit: { id: number; code: string; name: string; kind: UnitKind; isOpen: boolean };
  isStandardKeeping: boolean;
  canEdit: boolean;
  current: StandardVersion | null;
  draft: StandardVersion | null;
  versions: StandardVersion[];
  sign: Sign | null;
  publicUrl: string;
}

export interface OverviewItem {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  path: string;
  parentName: string | null;
  versionNumber: number | null;
  adoptedOn: IsoDate | null;
  firstAdoptedOn: IsoDate | null;
  hasDraft: boolean;
  postedOn: IsoDate | null;
  location: string | null;
  hasPhoto: boolean;
}

export interface OverviewPage extends Paged<OverviewItem> {
  summary: { units: number; adopted: number; signed: number };
}

export type OverviewSort = 'name' | 'adoptedOn' | 'postedOn';

export interface OverviewParams {
  unitId: number;
  q?: string;
  filter: OverviewFilter;
  sort: OverviewSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

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
    queryFn: ({ signal }) => api.get<OverviewPage>('/api/standards/overview', { ...params }, signal),
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

export interface SignInput {
  unitId: number;
  postedOn: IsoDate;
  location: string | null;
  photoFileId: number | null;
  /** Present when the sign already exists. */
  version?: number;
}

export function useSaveSign() {
  return useStandardsMutation((input: SignInput) => {
    const { unitId, version, ...body } = input;
    const path = `/api/standards/units/${unitId}/sign`;
    return version === undefined ? api.post<Sign>(path, body) : api.patch<Sign>(path, { ...body, version });
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
