import { useSyncExternalStore } from 'react';
import { LAG_HEADER, LAG_NOTICE_SECONDS } from '../../shared/data-freshness';

/**
 * How far behind the figures on the page may be: the lag the server reported with the last answer
 * a replica gave for this page. Answers of the primary say nothing about it (a page mixes both: its
 * list from a replica, the record opened beside it from the primary), so they leave it as it is; a
 * new page starts from nothing.
 */
let lagSeconds = 0;
const listeners = new Set<() => void>();

function setLag(next: number): void {
  if (next === lagSeconds) return;
  lagSeconds = next;
  for (const listener of listeners) listener();
}

export function noteDataFreshness(response: Response): void {
  const header = response.headers.get(LAG_HEADER);
  if (header === null) return;
  const reported = Number(header);
  setLag(Number.isFinite(reported) && reported >= LAG_NOTICE_SECONDS ? Math.ceil(reported) : 0);
}

/** Called when another page opens: what the last page was read from does not carry over. */
export function forgetDataFreshness(): void {
  setLag(0);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Seconds the shown figures may lag behind, or 0 when there is nothing to say. */
export function useDataLag(): number {
  return useSyncExternalStore(
    subscribe,
    () => lagSeconds,
    () => 0,
  );
}
