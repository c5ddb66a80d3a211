import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../../api/client';
import type { ChangePasswordBody, LoginBody, OkAnswer, Session } from '../../../shared/contracts/accounts';
import { sessionQueryKey } from './session-key';

export { sessionQueryKey };

/** Who is signed in; null when nobody is (the server answers 401). */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function sessionQueryOptions() {
  return { queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 5 * 60_000 };
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}

export type LoginInput = LoginBody;

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<Session>('/api/auth/login', input),
    onSuccess: async () => {
      // Anything cached belongs to whoever was signed in before.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      await queryClient.fetchQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 0 });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<OkAnswer>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}

export type ChangePasswordInput = ChangePasswordBody;

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post<OkAnswer>('/api/auth/password', input),
    onSuccess: async () => {
      await queryClient.fetchQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 0 });
    },
  });
}
