import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Account, CreateAccountBody, GrantBody, OkAnswer } from '../../../shared/contracts/accounts';
import type { PagedAnswer } from '../../../shared/contracts/common';

export const accountKeys = {
  all: ['accounts'] as const,
  list: (q: string, page: number, pageSize: number) => ['accounts', 'list', q, page, pageSize] as const,
};

export function useAccounts(q: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: accountKeys.list(q, page, pageSize),
    queryFn: ({ signal }) => api.get<PagedAnswer<Account>>('/api/accounts', { q: q || undefined, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export type GrantInput = GrantBody;

export type CreateAccountInput = CreateAccountBody;

function useAccountMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      // The signed-in user may have changed their own grants, so the session is read again too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: accountKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['session'] }),
      ]);
    },
  });
}

export function useCreateAccount() {
  return useAccountMutation((input: CreateAccountInput) => api.post<Account>('/api/accounts', input));
}

export function useUpdateAccount() {
  return useAccountMutation(({ id, ...body }: { id: number; displayName?: string; isDisabled?: boolean }) =>
    api.patch<Account>(`/api/accounts/${id}`, body),
  );
}

export function useResetPassword() {
  return useAccountMutation(({ id, newPassword }: { id: number; newPassword: string }) =>
    api.post<OkAnswer>(`/api/accounts/${id}/reset-password`, { newPassword }),
  );
}

export function useAddGrant() {
  return useAccountMutation(({ accountId, ...grant }: GrantInput & { accountId: number }) =>
    api.post<Account>(`/api/accounts/${accountId}/grants`, grant),
  );
}

export function useRemoveGrant() {
  return useAccountMutation(({ accountId, grantId }: { accountId: number; grantId: number }) =>
    api.delete<Account>(`/api/accounts/${accountId}/grants/${grantId}`),
  );
}
