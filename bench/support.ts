/**
 * What every benchmark shares: its own database (created and dropped), options, percentiles and
 * number formats, and signing in over HTTP.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type DbHandle } from '../src/server/platform/db/client';
import { runAdminStatement, urlForDatabase } from '../test/helpers/database-image';
import { BenchHttpClient } from './http-client';

export type BenchDatabase = {
  handle: DbHandle;
  label: string;
  /** The connection string of the bench's own PostgreSQL database (undefined on PGlite). */
  url: string | undefined;
  dispose(): Promise<void>;
};

/** A database only this run uses; dispose() removes it whatever happened. */
export async function openBenchDatabase(options: { inMemory: boolean }): Promise<BenchDatabase> {
  const maintenanceUrl = process.env.DATABASE_URL || undefined;
  if (maintenanceUrl) {
    const name = `noiguong_bench_${randomBytes(4).toString('hex')}`;
    await runAdminStatement(maintenanceUrl, `CREATE DATABASE ${name}`);
    const url = urlForDatabase(maintenanceUrl, name);
    const handle = await openDatabase({ databaseUrl: url });
    return {
      handle,
      url,
      label: `PostgreSQL ${new URL(maintenanceUrl).host}, database ${name}`,
      dispose: async () => {
        await handle.close().catch(() => undefined);
        await runAdminStatement(maintenanceUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  if (options.inMemory) {
    const handle = await openDatabase({ dataDir: null });
    return { handle, url: undefined, label: 'PGlite in memory', dispose: () => handle.close() };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'noiguong-bench-'));
  const handle = await openDatabase({ dataDir });
  return {
    handle,
    url: undefined,
    label: `PGlite, data folder ${dataDir}`,
    dispose: async () => {
      await handle.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `work` on the bench's own database and drops it afterwards, also on Ctrl-C. */
export async function withBenchDatabase(options: { inMemory: boolean }, work: (database: BenchDatabase) => Promise<void>): Promise<void> {
  const database = await openBenchDatabase(options);
  const interrupted = () => {
    void database.dispose().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  try {
    await work(database);
  } finally {
    process.off('SIGINT', interrupted);
    await database.dispose();
  }
}

/** `--name value` options as non-negative numbers, with defaults. */
export function numberOption(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} needs a non-negative number`);
  return value;
}

/** Nearest rank: the smallest sample with at least `share` of the samples at or below it. */
export function percentile(sorted: number[], share: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
export const secondsSince = (from: number): number => (performance.now() - from) / 1000;
export const thousands = (value: number): string => value.toLocaleString('en-US');

/** Signs in through the API; returns the cookie header and the session's CSRF token. */
export async function signInOverHttp(baseUrl: string, username: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`Sign-in of ${username} failed: ${response.status} ${text.slice(0, 300)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const body = JSON.parse(text) as { csrfToken?: string };
  return { cookie, csrfToken: body.csrfToken ?? '' };
}

/**
 * Runs `work` under V8's CPU profiler when `directory` is given, and writes `<label>.cpuprofile`
 * there (open it in Chrome DevTools' Performance panel): where the time of one step goes.
 */
export async function profiled<T>(directory: string | undefined, label: string, work: () => Promise<T>): Promise<T> {
  if (!directory) return work();
  const { Session } = await import('node:inspector/promises');
  const { mkdir, writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    await mkdir(directory, { recursive: true });
    const file = path.join(directory, `${label}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    console.log(`  profile of ${label}: ${file}`);
  }
}

/**
 * Runs `work` while asking `/api/health/live` of the same process every 20 ms: how long other users
 * would wait for an answer meanwhile (a blocked event loop shows as a long probe).
 */
export async function whileProbingLiveness<T>(
  baseUrl: string,
  work: () => Promise<T>,
): Promise<{ result: T; probes: number; p95: number; max: number }> {
  let running = true;
  const samples: number[] = [];
  const probing = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${baseUrl}/api/health/live`).then((response) => response.text());
      samples.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    const result = await work();
    running = false;
    await probing;
    samples.sort((a, b) => a - b);
    return { result, probes: samples.length, p95: percentile(samples, 0.95), max: samples.at(-1) ?? Number.NaN };
  } finally {
    running = false;
    await probing;
  }
}

/**
 * Sequential GETs of one address on one keep-alive connection (one user clicking through a
 * dashboard), after `warmup` unmeasured ones: median and p95 in ms, and the first answer's body.
 * `beforeEach` runs before every request (the national bench empties the embedded database's read
 * cache there, so each answer is computed afresh).
 */
export async function measureSequentialGets(
  baseUrl: string,
  path: string,
  cookie: string,
  options: { requests: number; warmup: number; beforeEach?: () => Promise<unknown> },
) {
  const http = new BenchHttpClient(baseUrl, 1);
  const durations: number[] = [];
  let firstBody = '';
  try {
    for (let index = 0; index < options.warmup + options.requests; index++) {
      await options.beforeEach?.();
      const answer = await http.request('GET', path, { cookie });
      if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      if (index === 0) firstBody = answer.body;
      if (index >= options.warmup) durations.push(answer.milliseconds);
    }
  } finally {
    http.close();
  }
  durations.sort((a, b) => a - b);
  return { median: percentile(durations, 0.5), p95: percentile(durations, 0.95), firstBody };
}
