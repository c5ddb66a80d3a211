import type { QueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { sessionQueryOptions } from '../features/auth/auth.api';
import { figuresQueryOptions } from '../features/home/figures.api';
import { toApiDate } from '../lib/format';
import { initialActingUnit } from './acting-unit';
import { paths } from './paths';

/**
 * Asks for the session as the scripts start, not after the first render, and for the home figures
 * as soon as the session is known: on a 400 ms link each request saved from the waterfall is felt.
 * The pages ask for the same queries and find them already answered or on the way.
 */
export function requestEarlyData(client: QueryClient): void {
  void client.fetchQuery(sessionQueryOptions()).then(
    (session) => {
      if (!session || session.user.mustChangePassword || window.location.pathname !== paths.home) return;
      const unit = initialActingUnit(session);
      if (unit) void client.prefetchQuery(figuresQueryOptions(unit.id, toApiDate(dayjs()) ?? ''));
    },
    () => undefined,
  );
}
