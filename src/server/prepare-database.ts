import { existsSync } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './platform/config';
import type { ConsoleText } from './platform/console-text';
import { openDatabase, REPLICAS_NEED_POSTGRES, type Database, type DbHandle } from './platform/db/client';
import { migrateDatabase } from './platform/db/migrate';
import { advisoryLockKey } from './platform/db/job-lock';
import { loadDemoIfEmpty } from './demo/demo-load-state';

export type PrepareOptions<T> = {
  config: Pick<Config, 'databaseUrl' | 'dataDir'> &
    Partial<Pick<Config, 'replicaUrls' | 'replicaMaxLagSeconds' | 'namedStatements' | 'parallelWorkers'>>;
  text: ConsoleText;
  /** Null: start with an empty database (NOIGUONG_NO_DEMO=1). */
  loadDemo: ((db: Database) => Promise<T>) | null;
  log?: (line: string) => void;
};

const STAGING_SUFFIX = '.dang-tao-';

/**
 * Opens the database, migrated, with the demo loaded on first start. A new embedded database is
 * made in a sibling folder and renamed into place only once complete, so a start that stops
 * part-way leaves no data folder behind; PostgreSQL relies on the demo load mark instead.
 */
export async function prepareDatabase<T>(options: PrepareOptions<T>): Promise<{ handle: DbHandle; loaded: T | null }> {
  const log = options.log ?? console.log;
  const { databaseUrl, dataDir, replicaUrls, replicaMaxLagSeconds, namedStatements, parallelWorkers } = options.config;
  if (!databaseUrl && replicaUrls?.length) throw new Error(REPLICAS_NEED_POSTGRES);
  let loaded: T | null = null;
  if (!databaseUrl && !existsSync(path.join(dataDir, 'PG_VERSION'))) {
    loaded = await createEmbedded(dataDir, options, log);
  }
  const handle = await openDatabase({ databaseUrl, dataDir, replicaUrls, replicaMaxLagSeconds, namedStatements, parallelWorkers });
  try {
    await oneStarterAtATime(handle, async () => {
      await migrateDatabase(handle.db);
      if (options.loadDemo) {
        const where = handle.kind === 'pglite' ? options.text.embeddedAt(dataDir) : options.text.postgres;
        loaded ??= await loadDemo(handle.db, where, options.loadDemo, options.text, log);
      }
    });
  } catch (error) {
    await handle.close();
    throw error;
  }
  return { handle, loaded };
}

/**
 * Several app processes may start at once on one PostgreSQL database: the migrations, data repairs
 * and the first demo load run in one of them at a time, and the next finds them done. The lock is
 * a transaction-level advisory lock held in a transaction left open on a connection of its own, so
 * a pooler in transaction mode (PgBouncer) keeps that server connection for it and the lock ends
 * with the transaction, also if the process dies. The embedded database has one process.
 */
async function oneStarterAtATime(handle: DbHandle, work: () => Promise<void>): Promise<void> {
  if (handle.kind !== 'postgres') return work();
  const holder = await handle.pool.connect();
  try {
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock($1::bigint)', [advisoryLockKey('startup')]);
    await work();
  } finally {
    await holder.query('COMMIT').catch(() => undefined);
    holder.release();
  }
}

async function createEmbedded<T>(dataDir: string, options: PrepareOptions<T>, log: (line: string) => void): Promise<T | null> {
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    throw new Error(
      `Thư mục dữ liệu ${dataDir} có tệp nhưng không phải cơ sở dữ liệu của NoiGuong: chọn thư mục khác bằng DATA_DIR hoặc làm trống thư mục này.`,
    );
  }
  await removeStaleStaging(dataDir);
  const staging = `${dataDir}${STAGING_SUFFIX}${process.pid}`;
  const handle = await openDatabase({ dataDir: staging });
  let loaded: T | null = null;
  try {
    await migrateDatabase(handle.db);
    if (options.loadDemo) loaded = await loadDemo(handle.db, options.text.embeddedAt(dataDir), options.loadDemo, options.text, log);
  } catch (error) {
    await handle.close();
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await handle.close();
  await rm(dataDir, { recursive: true, force: true });
  await rename(staging, dataDir);
  await flushListing(path.dirname(dataDir));
  return loaded;
}

/** The rename is only durable once the folder listing it is on disk. */
async function flushListing(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Folders left by a start that was killed before it could clean up. */
async function removeStaleStaging(dataDir: string): Promise<void> {
  const parent = path.dirname(dataDir);
  if (!existsSync(parent)) return;
  const prefix = `${path.basename(dataDir)}${STAGING_SUFFIX}`;
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(prefix)) await rm(path.join(parent, entry), { recursive: true, force: true });
  }
}

function loadDemo<T>(
  db: Database,
  where: string,
  load: (db: Database) => Promise<T>,
  text: ConsoleText,
  log: (line: string) => void,
): Promise<T | null> {
  return loadDemoIfEmpty(db, { load, onClearing: () => log(text.clearingUnfinishedDemo), onLoading: () => log(text.loadingDemo(where)) });
}
