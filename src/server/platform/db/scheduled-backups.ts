/**
 * Automatic backups of the embedded database: every few hours the whole database is written as a
 * gzip-compressed plain SQL dump (the format of `npm run cli -- backup`, see backup.ts) into the
 * backup folder, and only the newest few are kept. A dump is written under a temporary name, made
 * durable, then renamed, so a crash never leaves a half file that looks like a backup.
 * PostgreSQL deployments keep their own backups (pg_basebackup, WAL archiving); this is for the
 * office that runs `npm start` on one machine.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { backupChunks } from './backup';
import type { DbHandle } from './client';

export type BackupSchedule = { directory: string; everyHours: number; keep: number };

const BACKUP_NAME = /^noiguong-(\d{8}-\d{6})\.sql\.gz$/;

/** BACKUP_EVERY_HOURS (24; 0 turns it off), BACKUP_KEEP (7), BACKUP_DIR (a `backups` folder beside the data folder). */
export function backupScheduleFrom(env: NodeJS.ProcessEnv, dataDir: string): BackupSchedule | null {
  const everyHours = Number(env.BACKUP_EVERY_HOURS ?? 24);
  if (!Number.isFinite(everyHours) || everyHours <= 0) return null;
  const keep = Math.max(1, Math.floor(Number(env.BACKUP_KEEP ?? 7)) || 7);
  const directory = path.resolve(env.BACKUP_DIR?.trim() || path.join(path.dirname(dataDir), 'backups'));
  return { directory, everyHours, keep };
}

const stamp = (now: Date) => now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/** Writes one backup now and removes the oldest beyond `keep`; returns the file and what was removed. */
export async function writeScheduledBackup(
  handle: DbHandle,
  schedule: BackupSchedule,
  now = new Date(),
): Promise<{ file: string; removed: string[] }> {
  await mkdir(schedule.directory, { recursive: true });
  const file = path.join(schedule.directory, `noiguong-${stamp(now)}.sql.gz`);
  const partial = `${file}.partial`;
  try {
    await pipeline(Readable.from(backupChunks(handle)), createGzip(), createWriteStream(partial));
    const written = await open(partial, 'r+');
    await written.sync();
    await written.close();
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const backups = (await readdir(schedule.directory)).filter((name) => BACKUP_NAME.test(name)).sort();
  const removed = backups.slice(0, Math.max(0, backups.length - schedule.keep));
  for (const name of removed) await rm(path.join(schedule.directory, name), { force: true });
  return { file, removed };
}

/** The job in the server process: a first backup ten minutes after start, then every `everyHours`. */
export function startBackupJob(handle: DbHandle, schedule: BackupSchedule, log: (message: string) => void = console.log): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    writeScheduledBackup(handle, schedule)
      .then(({ file, removed }) => log(`Backup written: ${file}${removed.length ? ` (removed ${removed.length} older)` : ''}.`))
      .catch((error: unknown) => log(`Backup failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, 10 * 60_000);
  const timer = setInterval(tick, schedule.everyHours * 3600_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
