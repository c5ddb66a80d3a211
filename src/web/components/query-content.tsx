import type { UseQueryResult } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { QueryError } from './query-error';

interface QueryContentProps<T> {
  query: UseQueryResult<T>;
  /** Inside a card or a tab: the error as an alert rather than a page-level message. */
  compact?: boolean;
  children: (data: T) => ReactNode;
}

/**
 * A query's content: a skeleton while it first loads, the error alone if nothing was ever loaded.
 * A later refresh that fails keeps what was shown (and anything being typed into it) on screen,
 * with the error and a retry above it, rather than replacing the page with the error.
 */
export function QueryContent<T>({ query, compact = false, children }: QueryContentProps<T>) {
  if (query.isPending) return <Skeleton active />;
  const failure = query.isError ? (
    <QueryError error={query.error} onRetry={() => void query.refetch()} compact={compact || query.data !== undefined} />
  ) : null;
  if (query.data === undefined) return failure;
  return (
    <>
      {failure}
      {children(query.data)}
    </>
  );
}
