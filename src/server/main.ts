import cluster from 'node:cluster';
import path from 'node:path';
import { loadConfig, type Config } from './platform/config';
import { openDatabase, type DbHandle } from './platform/db/client';
import { buildApp } from './app';
import { startReminderJob } from './modules/notifications/reminders.service';
import { feedbackSettings, startContactRetentionJob } from './modules/supervision/index';
import { backupScheduleFrom, startBackupJob } from './platform/db/scheduled-backups';
import { mailerFromConfig } from './modules/notifications/mailer';
import { DEMO_PASSWORD, loadDemoData } from './demo/load-demo';
import { consoleText } from './platform/console-text';
import { prepareDatabase } from './prepare-database';
import { startWorkbookReader } from './modules/imports/index';

const text = consoleText();

/**
 * Composition root: config → database → migrations → demo data on first start → HTTP.
 *
 * With PostgreSQL and WORKERS > 1, the first process prepares the database and runs the daily
 * reminders, and WORKERS processes serve HTTP on the same port (node:cluster): one Node.js process
 * uses one core, and the server, not the database, bounds the throughput on a busy day. The
 * embedded database lives inside one process, so with it there is always a single process.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (cluster.isWorker) {
    const { databaseUrl, replicaUrls, replicaMaxLagSeconds, namedStatements, parallelWorkers } = config;
    await serveHttp(config, await openDatabase({ databaseUrl, replicaUrls, replicaMaxLagSeconds, namedStatements, parallelWorkers }));
    return;
  }
  const { handle, loaded: accounts } = await prepareDatabase({
    config,
    text,
    loadDemo: process.env.NOIGUONG_NO_DEMO === '1' ? null : loadDemoData,
  });
  if (accounts) {
    console.log(text.demoAccounts(DEMO_PASSWORD));
    for (const account of accounts) console.log(`  ${account.username.padEnd(16)} ${text.role(account.role).padEnd(18)} ${account.note}`);
  }
  const where = handle.kind === 'pglite' ? text.embeddedAt(config.dataDir) : text.postgres;
  const stopReminderJob = startReminderJob(handle.db, { mailer: mailerFromConfig(config), daysBefore: config.reminderDaysBefore });
  const stopRetention = startContactRetentionJob(handle.db, feedbackSettings());
  // The embedded database backs itself up; PostgreSQL has its own tools for that.
  const schedule = handle.kind === 'pglite' ? backupScheduleFrom(process.env, config.dataDir) : null;
  const stopBackups = schedule ? startBackupJob(handle, schedule) : () => undefined;
  const stopReminders = () => {
    stopReminderJob();
    stopRetention();
    stopBackups();
  };
  if (config.workers > 1 && handle.kind === 'postgres') return superviseWorkers(config, handle, stopReminders);
  if (config.workers > 1) console.log(text.workersIgnored);
  const stopServing = await serveHttp(config, handle);
  console.log(text.running(config.port, where));
  onShutdown(async () => {
    stopReminders();
    await stopServing();
  });
}

/** Serves HTTP on the configured port until stopped; the returned function stops it and closes the database. */
async function serveHttp(config: Config, handle: DbHandle): Promise<() => Promise<void>> {
  const app = await buildApp({ db: handle.db, config, dbKind: handle.kind, replication: handle, logger: process.env.LOG_REQUESTS === '1' });
  await app.listen({ port: config.port, host: config.host });
  // The thread large import files are read in starts now, so the first upload does not wait for it.
  startWorkbookReader().catch((error: unknown) =>
    console.error(text.workbookReaderFailed(error instanceof Error ? error.message : String(error))),
  );
  const stop = async () => {
    await app.close();
    await handle.close();
  };
  if (cluster.isWorker) onShutdown(stop);
  return stop;
}

/** Starts the HTTP workers and replaces one that dies; stops them all on SIGINT or SIGTERM. */
function superviseWorkers(config: Config, handle: DbHandle, stopReminders: () => void): void {
  let stopping = false;
  for (let index = 0; index < config.workers; index++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(text.workerRestarted(worker.process.pid, String(signal ?? code)));
    cluster.fork();
  });
  console.log(text.runningWorkers(config.port, config.workers));
  onShutdown(async () => {
    stopping = true;
    stopReminders();
    const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            worker.kill('SIGTERM');
          }),
      ),
    );
    await handle.close();
  });
}

function onShutdown(stop: () => Promise<void>): void {
  const shutdown = () => {
    void stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  if (process.env.DEBUG_START === '1') console.error(error);
  console.error(text.startFailed(reason, process.env.DATABASE_URL ? null : path.resolve(process.env.DATA_DIR ?? './data')));
  process.exit(1);
});
