import { Worker } from 'node:worker_threads';
import { mkdir } from 'node:fs/promises';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from '../../db/schema/index';
import { nameStatementsOf } from './named-statements';
import { enableReadCache } from './read-cache';
import type { FlushCounts } from './durable-writes';
import { ReplicaSet, routeReadsThrough } from './replicas';
import { lockDataDir } from './data-dir-lock';

export type Database = NodePgDatabase<typeof schema>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export type DbHandle = {
  db: Database;
  pool: pg.Pool;
  kind: 'pglite' | 'postgres';
  /** The replicas reads are routed to (PostgreSQL with DATABASE_REPLICA_URLS), else null. */
  replicas: ReplicaSet | null;
  /** Writes the embedded database's data folder as a tarball (PGlite only). */
  dumpDataDir(path: string): Promise<void>;
  /** How many times the embedded database flushed a file, and a folder's listing, to disk (0 in memory, and for PostgreSQL, which flushes itself). */
  flushCounts(): Promise<FlushCounts>;
  close(): Promise<void>;
};

// DATE columns come back as 'YYYY-MM-DD' strings, never as JS Dates shifted by the time zone.
pg.types.setTypeParser(1082, (value: string) => value);
// COUNT and SUM of BIGINT come back as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));
pg.types.setTypeParser(1700, (value: string) => Number(value));

export type OpenOptions = {
  databaseUrl?: string;
  /** Data folder of the embedded database; null keeps it in memory. */
  dataDir?: string | null;
  /** Tarball from dumpDataDir to start from (tests start from a migrated image). */
  loadDumpPath?: string;
  /** Streaming replicas of `databaseUrl` that answer the reads of requests allowed one. */
  replicaUrls?: string[];
  replicaMaxLagSeconds?: number;
  /** False behind PgBouncer older than 1.21 (or without max_prepared_statements) in transaction mode. */
  namedStatements?: boolean;
  /** max_parallel_workers_per_gather of the app's PostgreSQL connections (0 by default, see below). */
  parallelWorkers?: number;
};

export const REPLICAS_NEED_POSTGRES =
  'DATABASE_REPLICA_URLS cần DATABASE_URL: cơ sở dữ liệu nhúng không có bản sao. Hãy đặt DATABASE_URL tới máy chủ chính hoặc bỏ DATABASE_REPLICA_URLS.';

export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  const replicaUrls = options.replicaUrls ?? [];
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // The app's reads are many short index ranges (a province's table reads 14,000 counter rows from
    // thousands of ranges): a parallel plan spends more starting its workers than reading, 78 ms
    // against 17 ms on a 2-core server, and takes the cores other requests are waiting for.
    const parallelWorkers = Math.max(0, Math.floor(options.parallelWorkers ?? 0));
    pool.on('connect', (client) => {
      client.query(`SET max_parallel_workers_per_gather = ${parallelWorkers}`).catch((error: unknown) => {
        console.error(`Không đặt được max_parallel_workers_per_gather: ${error instanceof Error ? error.message : String(error)}`);
      });
    });
    const namedStatements = options.namedStatements ?? true;
    if (namedStatements) nameStatementsOf(pool);
    // An idle connection the server closes (restart, administrator, network) is dropped by the pool
    // and replaced on next use; without a listener its error would end the whole process.
    pool.on('error', (error) => console.error(`Mất một kết nối rảnh tới PostgreSQL; sẽ mở kết nối mới khi cần: ${error.message}`));
    const replicas =
      replicaUrls.length > 0
        ? new ReplicaSet(pool, replicaUrls, { maxLagSeconds: options.replicaMaxLagSeconds ?? 30, pollMs: 1000, namedStatements })
        : null;
    if (replicas) {
      routeReadsThrough(pool, replicas);
      await replicas.refresh();
      replicas.start();
    }
    return {
      db: drizzle(pool, { schema }),
      pool,
      kind: 'postgres',
      replicas,
      dumpDataDir: () => Promise.reject(new Error('dumpDataDir is only for the embedded database')),
      flushCounts: () => Promise.resolve({ files: 0, directories: 0 }),
      close: async () => {
        await replicas?.close();
        await pool.end();
      },
    };
  }
  if (replicaUrls.length > 0) throw new Error(REPLICAS_NEED_POSTGRES);
  return openEmbedded(options.dataDir ?? null, options.loadDumpPath ?? null);
}

async function openEmbedded(dataDir: string | null, loadDumpPath: string | null): Promise<DbHandle> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const unlock = dataDir ? await lockDataDir(dataDir) : async () => undefined;
  try {
    return await startEmbedded(dataDir, loadDumpPath, unlock);
  } catch (error) {
    await unlock();
    throw error;
  }
}

async function startEmbedded(dataDir: string | null, loadDumpPath: string | null, unlock: () => Promise<void>): Promise<DbHandle> {
  const worker = new Worker(new URL('./embedded-worker-entry.js', import.meta.url), {
    workerData: { dataDir, loadDumpPath },
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', function onMessage(message: { type: string; port?: number; message?: string }) {
      if (message.type === 'ready' && message.port) {
        worker.off('message', onMessage);
        resolve(message.port);
      } else if (message.type === 'error') {
        reject(new Error(`Embedded database failed to start: ${message.message ?? ''}`));
      }
    });
  });
  // PGlite has one session: a single connection keeps transactions from interleaving.
  // Kept open while idle: a new connection would find the old one's prepared statements (see named-statements.ts).
  const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', max: 1, idleTimeoutMillis: 0 });
  nameStatementsOf(pool, { sharedSession: true });
  const db = drizzle(pool, { schema });
  enableReadCache(db, pool);
  const request = (message: object, reply: string) =>
    new Promise<{ type: string; counts?: FlushCounts }>((resolve) => {
      const onMessage = (answer: { type: string; counts?: FlushCounts }) => {
        if (answer.type === reply) {
          worker.off('message', onMessage);
          resolve(answer);
        }
      };
      worker.on('message', onMessage);
      worker.postMessage(message);
    });
  return {
    db,
    pool,
    kind: 'pglite',
    replicas: null,
    dumpDataDir: async (path) => {
      await request({ type: 'dump', path }, 'dumped');
    },
    flushCounts: async () => (await request({ type: 'flushes' }, 'flushes')).counts ?? { files: 0, directories: 0 },
    close: async () => {
      await pool.end();
      await request({ type: 'stop' }, 'stopped');
      await worker.terminate();
      await unlock();
    },
  };
}
