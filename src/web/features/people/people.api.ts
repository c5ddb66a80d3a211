import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { PagedAnswer } from '../../../shared/contracts/common';
import type {
  CreatePersonBody,
  MovePersonBody,
  PeopleQueryParams,
  Person,
  PersonDetail,
  PersonFieldsBody,
  UpdatePersonBody,
} from '../../../shared/contracts/people';

export type PeopleSort = NonNullable<PeopleQueryParams['sort']>;

/** The list's query; the web always names the unit, and sends the subtree flag as a boolean. */
export type PeopleParams = Omit<PeopleQueryParams, 'unitId' | 'includeSubtree'> & { unitId: number; includeSubtree?: boolean };

export const peopleKeys = {
  all: ['people'] as const,
  list: (params: PeopleParams) => ['people', 'list', params] as const,
  detail: (id: number) => ['people', 'detail', id] as const,
};

export function toPeopleQuery(params: PeopleParams) {
  return {
    unitId: params.unitId,
    q: params.q,
    category: params.category,
    includeSubtree: params.includeSubtree,
    asOf: params.asOf,
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    order: params.order,
  };
}

export function usePeople(params: PeopleParams, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.list(params),
    queryFn: ({ signal }) => api.get<PagedAnswer<Person>>('/api/people', toPeopleQuery(params), signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: number | null) {
  return useQuery({
    queryKey: peopleKeys.detail(id ?? 0),
    queryFn: ({ signal }) => api.get<PersonDetail>(`/api/people/${id ?? 0}`, undefined, signal),
    enabled: id !== null,
  });
}

export type PersonFields = PersonFieldsBody;

export type CreatePersonInput = CreatePersonBody;

/** The server replaces every personal field on update, so the whole record is always sent. */
export type UpdatePersonInput = PersonFields & Pick<UpdatePersonBody, 'version'> & { id: number };

export type MovePersonInput = MovePersonBody & { id: number };

function usePeopleMutation<TInput>(mutationFn: (input: TInput) => Promise<Person>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      // Figures count people, so a change to a person changes them too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['figures'] }),
      ]);
    },
  });
}

export function useCreatePerson() {
  return usePeopleMutation((input: CreatePersonInput) => api.post<Person>('/api/people', input));
}

export function useUpdatePerson() {
  return usePeopleMutation(({ id, ...body }: UpdatePersonInput) => api.patch<Person>(`/api/people/${id}`, body));
}

export function useMovePerson() {
  return usePeopleMutation(({ id, ...body }: MovePersonInput) => api.post<Person>(`/api/people/${id}/move`, body));
}
