import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one request allows its plain reads to be served from, and what served them. The HTTP layer
 * opens it for every request (platform/http/read-routing-hook.ts) and decides, once the session is
 * known, whether the route may read a replica; the routed pool (replicas.ts) reads it for each
 * statement and records which server answered. Code between the two never sees it.
 */
export type ReadRoute = {
  /** Plain reads (SELECT outside a transaction) may go to a replica. */
  replicaAllowed: boolean;
  /** The primary's WAL position this caller's own last write reached: a replica must have replayed it. */
  mustHaveReplayed: bigint | null;
  /** Set when a replica answered at least one read of the request. */
  servedByReplica: boolean;
  /** The largest lag, in seconds, of the replicas that answered. */
  lagSeconds: number;
};

const storage = new AsyncLocalStorage<ReadRoute>();

export function newReadRoute(): ReadRoute {
  return { replicaAllowed: false, mustHaveReplayed: null, servedByReplica: false, lagSeconds: 0 };
}

/** Runs `work` (and everything it awaits) under `route`. */
export function runWithReadRoute<T>(route: ReadRoute, work: () => T): T {
  return storage.run(route, work);
}

/** The route of the request being served, if any (jobs and the CLI have none: they read the primary). */
export function currentReadRoute(): ReadRoute | undefined {
  return storage.getStore();
}

/** From this many seconds of lag, a page read from a replica says how stale its figures may be. */
export const LAG_NOTICE_SECONDS = 5;

/**
 * Seconds the request's figures may be behind, when a replica answered it with a lag worth saying
 * (LAG_NOTICE_SECONDS or more); else 0. The one rule for the public pages and the admin app (which
 * reads it from the `x-data-stale-seconds` header).
 */
export function staleSecondsOfThisRequest(): number {
  const route = storage.getStore();
  if (!route?.servedByReplica || route.lagSeconds < LAG_NOTICE_SECONDS) return 0;
  return Math.ceil(route.lagSeconds);
}

/** PostgreSQL's text form of a WAL position, "16/B374D848", as a number; null when unreadable. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text?.trim() ?? '');
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/**
 * A statement a replica can answer: a SELECT (or a WITH that writes nothing) that takes no row lock
 * and moves no sequence. Anything else goes to the primary; a replica would refuse it anyway.
 */
export function isPlainRead(text: string): boolean {
  const head = text.trimStart().slice(0, 6).toLowerCase();
  if (head !== 'select' && !head.startsWith('with')) return false;
  if (/\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/i.test(text)) return false;
  if (/\b(nextval|setval|pg_advisory\w*|pg_try_advisory\w*|txid_current|pg_current_wal_lsn)\s*\(/i.test(text)) return false;
  return head === 'select' || !/\b(insert|update|delete|merge)\b/i.test(text);
}
