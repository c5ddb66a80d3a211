import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client';
import { markSessionExpired } from '../features/auth/session-expiry';
import { sessionQueryKey } from '../features/auth/session-key';

/** A session that ended on the server (timeout, disabled account) sends the user back to sign in. */
function isSessionLost(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && error.code !== 'INVALID_CREDENTIALS';
}

export function createQueryClient(): QueryClient {
  const endSession = () => {
    if (client.getQueryData(sessionQueryKey)) markSessionExpired();
    client.setQueryData(sessionQueryKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isSessionLost(error) && query.queryKey[0] !== sessionQueryKey[0]) endSession();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSessionLost(error)) endSession();
        // A rotated CSRF token is fetched again so that the user's next try goes through.
        if (isApiError(error) && error.code === 'CSRF_INVALID') {
          void client.invalidateQueries({ queryKey: sessionQueryKey });
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Refusals and missing records will not change by asking again; network hiccups may.
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}
