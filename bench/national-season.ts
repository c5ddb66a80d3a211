/**
 * The national overview while the registration season runs: the server in a process of its own on
 * the national PostgreSQL database, 50 clients writing, submitting and approving registrations
 * (registration-season.ts), and meanwhile one user reading the root's overview of every metric
 * again and again. Each overview is computed afresh (PostgreSQL keeps no read cache) from counters
 * that the season moves under it.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { DbHandle } from '../src/server/platform/db/client';
import { startServerProcess } from '../test/helpers/server-process';
import { addUser, PASSWORD } from '../test/helpers/fixtures';
import { BenchHttpClient } from './http-client';
import { prepareSeason, runSeason } from './registration-season';
import { percentile, round, signInOverHttp, thousands } from './support';

export type SeasonReadFigures = {
  season_clients: number;
  season_submissions_per_s: number;
  season_p95_ms: number;
  season_errors: number;
  root_overview_under_season_median_ms: number;
  root_overview_under_season_p95_ms: number;
  root_overview_under_season_reads: number;
  season_load_end: number;
};

/** Reads `path` one request after another until `until` settles: every duration in ms. */
async function readUntil(baseUrl: string, path: string, cookie: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.then(
    () => (done = true),
    () => (done = true),
  );
  const http = new BenchHttpClient(baseUrl, 1);
  const durations: number[] = [];
  try {
    while (!done) {
      const answer = await http.request('GET', path, { cookie });
      if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status} during the season: ${answer.body.slice(0, 300)}`);
      durations.push(answer.milliseconds);
    }
  } finally {
    http.close();
  }
  return durations.sort((a, b) => a - b);
}

export async function measureOverviewUnderSeason(
  handle: DbHandle,
  databaseUrl: string,
  root: { id: number },
  options: { year: number; clients: number; seconds: number },
): Promise<SeasonReadFigures> {
  const tag = `${Date.now().toString(36)}.`;
  const season = { ...options, communesPerClient: 8, membersPerClient: 2500, tag };
  const casts = await prepareSeason(handle, season);
  const reader = `bench.trunguong.${tag}doc`;
  await addUser(handle.db, reader, [{ unitId: root.id, role: 'officer' }]);
  await handle.pool.query('VACUUM (ANALYZE) users, sessions, grants');
  const server = await startServerProcess(databaseUrl, { workers: Math.max(1, availableParallelism()) });
  try {
    const { cookie } = await signInOverHttp(server.baseUrl, reader, PASSWORD);
    const path = `/api/campaign-overview?unitId=${root.id}&year=${options.year}`;
    const running = runSeason(server.baseUrl, casts, season);
    const durations = await readUntil(server.baseUrl, path, cookie, running);
    const result = await running;
    const perSecond = result.submissions / result.seconds;
    const load = loadavg()[0] ?? 0;
    const figures: SeasonReadFigures = {
      season_clients: options.clients,
      season_submissions_per_s: round(perSecond),
      season_p95_ms: result.latency.all.p95,
      season_errors: result.errors,
      root_overview_under_season_median_ms: round(percentile(durations, 0.5)),
      root_overview_under_season_p95_ms: round(percentile(durations, 0.95)),
      root_overview_under_season_reads: durations.length,
      season_load_end: round(load, 2),
    };
    console.log(
      `season beside it: ${options.clients} clients for ${result.seconds.toFixed(1)} s, ${thousands(result.submissions)} submitted ` +
        `(${perSecond.toFixed(1)}/s), p95 ${result.latency.all.p95} ms, ${result.errors} errors (load average ${load.toFixed(1)})`,
    );
    for (const sample of result.errorSamples) console.log(`  error: ${sample}`);
    console.log(
      `overview of the root during the season: median ${figures.root_overview_under_season_median_ms} ms, ` +
        `p95 ${figures.root_overview_under_season_p95_ms} ms over ${durations.length} reads`,
    );
    return figures;
  } finally {
    await server.stop();
  }
}
