import { useSyncExternalStore } from 'react';
import { LAG_HEADER, LAG_NOTICE_SECONDS } from '../../shared/data-freshness';

/**
 * How far behind the figures on screen may be: the lag the server reported with the last answer
 * read from a replica, cleared by the next answer that was fresh (no header: the primary answered).
 */
let lagSeconds = 0;
const listeners = new Set<() => void>();

export function noteDataFreshness(response: Response): void {
  const reported = Number(response.headers.get(LAG_HEADER) ?? 0);
  const next = Number.isFinite(reported) && reported >= LAG_NOTICE_SECONDS ? Math.ceil(reported) : 0;
  if (next === lagSeconds) return;
  lagSeconds = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Seconds the shown figures may lag behind, or 0 when there is nothing to say. */
export function useDataLag(): number {
  return useSyncExternalStore(subscribe, () => lagSeconds, () => 0);
}
