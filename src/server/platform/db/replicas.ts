import pg from 'pg';
import { currentReadRoute, isPlainRead, parseLsn } from './read-routing';
import { nameStatementsOf } from './named-statements';

/**
 * PostgreSQL streaming replicas (DATABASE_REPLICA_URLS) and the routing of reads to them.
 *
 * A monitor asks the primary for its WAL position and each replica for the position it has
 * replayed, once a second. A replica's lag is the time since the primary was at the position the
 * replica has now replayed (0 when it has everything the primary had at the last look), so a quiet
 * primary never makes a caught-up replica look late. A replica that does not answer, or lags more
 * than `maxLagSeconds`, takes no reads until a later look finds it well.
 *
 * The primary's pool keeps serving every write, every transaction and every read of a request not
 * allowed a replica; a plain read of a request that is allowed one goes to a replica that has
 * replayed the caller's own last write, and back to the primary at once if that replica fails.
 */
export type ReplicaStatus = { name: string; healthy: boolean; lagSeconds: number | null; replayed: string | null; error: string | null };

type Member = {
  name: string;
  pool: pg.Pool;
  healthy: boolean;
  replayed: bigint | null;
  lagSeconds: number | null;
  error: string | null;
};

export type ReplicaProbes = {
  /** The primary's current WAL position. */
  primaryPosition(primary: pg.Pool): Promise<bigint | null>;
  /** What a replica has replayed (a server not in recovery answers its own position). */
  replayedPosition(replica: pg.Pool): Promise<bigint | null>;
};

export const postgresProbes: ReplicaProbes = {
  async primaryPosition(primary) {
    const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    return parseLsn(rows[0]?.lsn);
  },
  async replayedPosition(replica) {
    const { rows } = await replica.query<{ lsn: string | null }>(
      'SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END)::text AS lsn',
    );
    return parseLsn(rows[0]?.lsn);
  },
};

/** Failures that say the server is not there (or stopped mid-read), not that the query was wrong. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
]);
/** Refusals a replica gives that the primary would not: a write reached it, or recovery cancelled the read. */
const REPLICA_ONLY_CODES = new Set(['25006', '40001']);

export function isReplicaFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || REPLICA_ONLY_CODES.has(code) || code.startsWith('08'))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(error.message);
}

const HISTORY_LENGTH = 600;

export class ReplicaSet {
  private readonly members: Member[];
  /** The primary's positions at recent looks, oldest first: a replica's lag is read off them. */
  private history: Array<{ at: number; position: bigint }> = [];
  private next = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly primary: pg.Pool,
    urls: string[],
    private readonly options: {
      maxLagSeconds: number;
      pollMs: number;
      namedStatements?: boolean;
      probes?: ReplicaProbes;
      now?: () => number;
    },
  ) {
    this.members = urls.map((url, index) => {
      // A stopped replica must not hold a reader for long: the read goes to the primary instead.
      const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 2000 });
      if (options.namedStatements ?? true) nameStatementsOf(pool);
      pool.on('error', () => undefined);
      return { name: `replica ${index + 1}`, pool, healthy: false, replayed: null, lagSeconds: null, error: null };
    });
  }

  private get probes(): ReplicaProbes {
    return this.options.probes ?? postgresProbes;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** One look at the primary and every replica; also run by tests and by the drill. */
  async refresh(): Promise<void> {
    const position = await this.probes.primaryPosition(this.primary).catch(() => null);
    const now = this.now();
    if (position !== null) {
      this.history.push({ at: now, position });
      if (this.history.length > HISTORY_LENGTH) this.history.shift();
    }
    await Promise.all(
      this.members.map(async (member) => {
        try {
          member.replayed = await this.probes.replayedPosition(member.pool);
          member.lagSeconds = member.replayed === null ? null : this.lagOf(member.replayed, now);
          member.healthy = member.lagSeconds !== null && member.lagSeconds <= this.options.maxLagSeconds;
          member.error = member.healthy ? null : `lag ${member.lagSeconds ?? 'unknown'} s`;
        } catch (error) {
          member.healthy = false;
          member.error = error instanceof Error ? error.message : String(error);
        }
      }),
    );
  }

  /**
   * Seconds since the last look at which the primary was at a position the replica has replayed
   * (0 when it has the latest): everything written before then is on the replica. Measured at the
   * looks, so it is accurate to one poll; the whole history's span when it has none of it.
   */
  private lagOf(replayed: bigint, now: number): number {
    for (let index = this.history.length - 1; index >= 0; index--) {
      const look = this.history[index]!;
      if (look.position <= replayed) return index === this.history.length - 1 ? 0 : Math.round((now - look.at) / 100) / 10;
    }
    const oldest = this.history[0];
    return oldest ? Math.round((now - oldest.at) / 100) / 10 : 0;
  }

  start(): void {
    const tick = () => void this.refresh();
    tick();
    this.timer = setInterval(tick, this.options.pollMs);
    this.timer.unref();
  }

  /** A healthy replica that has replayed `position` (round robin among them), or null: read the primary. */
  choose(position: bigint | null): Member | null {
    const ready = this.members.filter(
      (member) => member.healthy && (position === null || (member.replayed !== null && member.replayed >= position)),
    );
    if (ready.length === 0) return null;
    this.next = (this.next + 1) % ready.length;
    return ready[this.next]!;
  }

  markDown(member: Member, error: unknown): void {
    member.healthy = false;
    member.error = error instanceof Error ? error.message : String(error);
  }

  status(): ReplicaStatus[] {
    return this.members.map((member) => ({
      name: member.name,
      healthy: member.healthy,
      lagSeconds: member.lagSeconds,
      replayed: member.replayed === null ? null : member.replayed.toString(),
      error: member.error,
    }));
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.members.map((member) => member.pool.end().catch(() => undefined)));
  }
}

type QueryFunction = (...args: unknown[]) => Promise<unknown>;

/**
 * Sends the plain reads of requests allowed a replica to one, on `primary`'s own `query` (what
 * Drizzle calls outside a transaction); `connect` (transactions) stays on the primary.
 */
export function routeReadsThrough(primary: pg.Pool, replicas: ReplicaSet): void {
  const onPrimary = primary.query.bind(primary) as unknown as QueryFunction;
  (primary as unknown as { query: QueryFunction }).query = (...args: unknown[]) => {
    const route = currentReadRoute();
    const [config] = args;
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | undefined)?.text;
    if (!route?.replicaAllowed || typeof args.at(-1) === 'function' || typeof text !== 'string' || !isPlainRead(text))
      return onPrimary(...args);
    const member = replicas.choose(route.mustHaveReplayed);
    if (!member) return onPrimary(...args);
    return (member.pool.query as unknown as QueryFunction)(...args).then(
      (result) => {
        route.servedByReplica = true;
        route.lagSeconds = Math.max(route.lagSeconds, member.lagSeconds ?? 0);
        return result;
      },
      (error: unknown) => {
        if (!isReplicaFailure(error)) throw error;
        // A read changes nothing: asking the primary again is safe, and the caller sees no error.
        replicas.markDown(member, error);
        return onPrimary(...args);
      },
    );
  };
}
