import { useSyncExternalStore } from 'react';

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

/**
 * A replica's answer says `x-read-from: replica`, and `x-data-stale-seconds` when its lag is worth
 * saying (the server decides from how many seconds: platform/db/read-routing.ts).
 */
export function noteDataFreshness(response: Response): void {
  if (response.headers.get('x-read-from') !== 'replica') return;
  const stale = Number(response.headers.get('x-data-stale-seconds') ?? 0);
  setLag(Number.isFinite(stale) && stale > 0 ? Math.ceil(stale) : 0);
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
