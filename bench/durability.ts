/**
 * What flushing the embedded database's writes to disk costs: N single-row commits in a data folder,
 * with the flush (the default) and without it (EMBEDDED_FLUSH=0), time per commit and flushes made.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/platform/db/client';
import { numberOption, round } from './support';

async function commitsIn(folder: string, commits: number, flush: boolean) {
  // The database's worker thread reads the switch from its copy of the environment when it starts.
  process.env.EMBEDDED_FLUSH = flush ? '1' : '0';
  const handle = await openDatabase({ dataDir: path.join(folder, flush ? 'flushed' : 'unflushed') });
  try {
    await handle.db.execute(sql`CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)`);
    const flushesBefore = await handle.flushCounts();
    const started = performance.now();
    for (let index = 0; index < commits; index++) await handle.db.execute(sql`INSERT INTO notes (body) VALUES (${`ghi chép ${index}`})`);
    const msPerCommit = (performance.now() - started) / commits;
    const flushesAfter = await handle.flushCounts();
    return {
      msPerCommit: round(msPerCommit, 3),
      flushesPerCommit: round((flushesAfter.files - flushesBefore.files) / commits, 2),
      directoryFlushesPerCommit: round((flushesAfter.directories - flushesBefore.directories) / commits, 3),
    };
  } finally {
    await handle.close();
    delete process.env.EMBEDDED_FLUSH;
  }
}

export async function runDurabilityBench(args: string[]): Promise<void> {
  const commits = numberOption(args, '--commits', 2000);
  const folder = await mkdtemp(path.join(tmpdir(), 'noiguong-durability-'));
  const loadAtStart = loadavg()[0] ?? 0;
  try {
    const flushed = await commitsIn(folder, commits, true);
    const unflushed = await commitsIn(folder, commits, false);
    console.log(`${commits} single-row commits in a data folder (${folder}):`);
    console.log(
      `  flushed to disk (default): ${flushed.msPerCommit} ms per commit, ${flushed.flushesPerCommit} fdatasync and ${flushed.directoryFlushesPerCommit} folder fsync per commit`,
    );
    console.log(`  not flushed (EMBEDDED_FLUSH=0): ${unflushed.msPerCommit} ms per commit`);
    console.log(`  cost of durability: ${round(flushed.msPerCommit - unflushed.msPerCommit, 3)} ms per commit`);
    console.log(
      JSON.stringify({
        commits,
        flushed_ms_per_commit: flushed.msPerCommit,
        unflushed_ms_per_commit: unflushed.msPerCommit,
        flush_cost_ms_per_commit: round(flushed.msPerCommit - unflushed.msPerCommit, 3),
        fdatasync_per_commit: flushed.flushesPerCommit,
        folder_fsync_per_commit: flushed.directoryFlushesPerCommit,
        load_avg_start: round(loadAtStart, 2),
        load_avg_end: round(loadavg()[0] ?? 0, 2),
      }),
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
