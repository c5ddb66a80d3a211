/**
 * `npm run bench -- registrations [--units N] [--people M] [--clients C] [--seconds S] [--registrations R] [--runs K] [--in-memory]`
 *
 * 1. The near-duplicate check on a commune of 3,000 registrations: how long finding the
 *    registrations similar to one takes, and how long a cell's whole list with its flags takes.
 * 2. The registration season on the national data set (300,000 units, 1,000,000 people by
 *    default): C clients (50) over HTTP for S seconds (60), each writing, submitting and approving
 *    registrations in communes of its own against a running server; throughput, latency, errors,
 *    deadlocks, and every registration counter compared with a recount.
 * 3. The registration figures of the root (registration rate and the rest) over HTTP.
 * PGlite (a temporary data folder, or memory), or with DATABASE_URL fresh PostgreSQL databases
 * created and dropped on that server. On PostgreSQL the server runs in a process of its own; the
 * embedded database lives inside the bench's process, so there the server runs in it too.
 */
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import { migrateDatabase } from '../src/server/platform/db/migrate';
import { registrations } from '../src/server/db/schema/index';
import { createUnitInTx } from '../src/server/modules/units/index';
import { searchTextOf } from '../src/server/modules/registrations/index';
import {
  findSimilar,
  fingerprintOf,
  pairsAmong,
  parentPathOf,
  refreshSimilarities,
  SIMILARITY_THRESHOLD,
  storedFingerprintOf,
} from '../src/server/modules/registrations/similarity';
import { insertPairs } from '../src/server/modules/registrations/similarity.repo';
import { searchRegistrations } from '../src/server/modules/registrations/registrations.repo';
import { individualContent } from '../src/server/demo/demo-registrations';
import { Random } from '../src/server/demo/random';
import { seedAtScale } from '../src/cli/seed-scale';
import { addUser, PASSWORD } from '../test/helpers/fixtures';
import {
  countDeadlocks,
  prepareSeason,
  recountRegistrationCounters,
  runSeason,
  sampleDatabaseWaits,
  type SeasonOptions,
} from './registration-season';
import { startServerProcess } from '../test/helpers/server-process';
import {
  measureSequentialGets,
  numberOption,
  percentile,
  round,
  secondsSince,
  signInOverHttp,
  thousands,
  withBenchDatabase,
  type BenchDatabase,
} from './support';

type Options = SeasonOptions & {
  registrations: number;
  runs: number;
  units: number;
  people: number;
  inMemory: boolean;
  profileDir: string | undefined;
  serverWorkers: number;
};

function parseOptions(args: string[]): Options {
  return {
    registrations: numberOption(args, '--registrations', 3000),
    runs: numberOption(args, '--runs', 30),
    units: numberOption(args, '--units', 300_000),
    people: numberOption(args, '--people', 1_000_000),
    clients: numberOption(args, '--clients', 50),
    seconds: numberOption(args, '--seconds', 60),
    communesPerClient: numberOption(args, '--communes-per-client', 8),
    membersPerClient: numberOption(args, '--members-per-client', 2500),
    year: new Date().getFullYear(),
    inMemory: args.includes('--in-memory'),
    profileDir: args.includes('--profile-server') ? path.resolve('.tmp/profiles') : undefined,
    // One HTTP process per core, as a deployment on this machine would run (WORKERS).
    serverWorkers: numberOption(args, '--server-workers', Math.max(1, availableParallelism())),
  };
}

async function timed(runs: number, work: (run: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work(run);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: round(percentile(samples, 0.5)), p95: round(percentile(samples, 0.95)) };
}

type DuplicateFigures = Record<string, number>;

/** Part 1, on a database of its own: one commune with many registrations, every 50th a copy. */
async function benchNearDuplicates(database: BenchDatabase, options: Options): Promise<DuplicateFigures> {
  const { db } = database.handle;
  console.log(`near-duplicate check on ${database.label}`);
  await migrateDatabase(db);
  const cellsCount = Math.max(1, Math.round(options.registrations / 100));
  const { commune, cells } = await db.transaction(async (tx) => {
    const province = await createUnitInTx(tx, {
      code: 'BT',
      name: 'Tỉnh ủy Thử tải',
      kind: 'province_committee',
      parentId: null,
      validFrom: '2025-07-01',
    });
    const commune = await createUnitInTx(tx, {
      code: 'BX',
      name: 'Đảng ủy xã Thử tải',
      kind: 'commune_committee',
      parentId: province.id,
      validFrom: '2025-07-01',
    });
    const cells = [];
    for (let index = 0; index < cellsCount; index++) {
      cells.push(
        await createUnitInTx(tx, {
          code: `BC${index}`,
          name: `Chi bộ thôn ${index + 1}`,
          kind: 'cell',
          parentId: commune.id,
          validFrom: '2025-07-01',
        }),
      );
    }
    return { commune, cells };
  });
  const random = Random.derive(2026, 'bench-registrations');
  const seedStarted = performance.now();
  const rows = Array.from({ length: options.registrations }, (_, index): typeof registrations.$inferInsert => {
    const content = individualContent(random, { breakthroughIds: [], topicId: 1 });
    const searchText = searchTextOf(content.shortcomings, content.actions);
    // Stored as the services store it, so the check compares with ready fingerprints.
    return {
      kind: 'individual',
      year: 2026,
      unitId: cells[index % cells.length]!.id,
      status: 'submitted',
      shortcomings: content.shortcomings,
      isLeader: index < cells.length,
      revision: 1,
      searchText,
      fingerprint: storedFingerprintOf(searchText),
    };
  });
  // Every 50th registration is a copy of the one before it, as copy-paste happens.
  for (let index = 50; index < rows.length; index += 50)
    rows[index] = { ...rows[index - 1]!, unitId: rows[index]!.unitId, isLeader: false };
  const pathOf = new Map(cells.map((cell) => [cell.id, cell.path]));
  const items = [];
  for (let start = 0; start < rows.length; start += 1000) {
    const inserted = await db
      .insert(registrations)
      .values(rows.slice(start, start + 1000))
      .returning({ id: registrations.id, unitId: registrations.unitId, searchText: registrations.searchText });
    for (const row of inserted)
      items.push({
        id: row.id,
        kind: 'individual',
        unitPath: pathOf.get(row.unitId)!,
        parentPath: parentPathOf(pathOf.get(row.unitId)!),
        fingerprint: fingerprintOf(row.searchText),
      });
  }
  const pairsStarted = performance.now();
  const pairs = pairsAmong(items);
  await insertPairs(db, pairs);
  console.log(
    `Compared all ${items.length} registrations pairwise in ${((performance.now() - pairsStarted) / 1000).toFixed(1)} s: ${pairs.length / 2} near-identical pairs`,
  );
  await db.execute(sql`ANALYZE registrations`);
  console.log(
    `Seeded ${options.registrations} registrations in ${cells.length} cells of one commune in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  );

  const ids = (await db.execute<{ id: number }>(sql`SELECT id FROM registrations ORDER BY id`)).rows.map((row) => Number(row.id));
  const one = await timed(options.runs, (run) => db.transaction((tx) => refreshSimilarities(tx, ids[(run * 97) % ids.length]!)));
  console.log(`Checking one registration against the commune's ${ids.length} (when it is written): p50 ${one.p50} ms, p95 ${one.p95} ms`);
  let found = 0;
  const read = await timed(options.runs, async (run) => {
    found += (await findSimilar(db, ids[(run * 50) % ids.length]!)).length;
  });
  console.log(
    `Reading the similar registrations of one (threshold ${SIMILARITY_THRESHOLD}): p50 ${read.p50} ms, p95 ${read.p95} ms (${found} found over ${options.runs} runs)`,
  );
  const cellList = await timed(Math.min(options.runs, 10), (run) =>
    searchRegistrations(db, { scope: [commune.path], year: 2026, unitPath: cells[run % cells.length]!.path, page: 1, pageSize: 200 }),
  );
  console.log(
    `A cell's whole list (${Math.round(options.registrations / cells.length)} registrations) with similarity flags: p50 ${cellList.p50} ms, p95 ${cellList.p95} ms`,
  );
  const communePage = await timed(Math.min(options.runs, 10), (run) =>
    searchRegistrations(db, { scope: [commune.path], year: 2026, unitPath: commune.path, page: run + 1, pageSize: 20 }),
  );
  console.log(`A page of 20 of the commune's list with similarity flags: p50 ${communePage.p50} ms, p95 ${communePage.p95} ms`);
  return {
    duplicate_registrations: options.registrations,
    duplicate_threshold: SIMILARITY_THRESHOLD,
    duplicate_check_median_ms: one.p50,
    duplicate_check_p95_ms: one.p95,
    similar_read_p50_ms: read.p50,
    similar_read_p95_ms: read.p95,
    cell_list_p50_ms: cellList.p50,
    cell_list_p95_ms: cellList.p95,
    commune_page_p50_ms: communePage.p50,
    commune_page_p95_ms: communePage.p95,
  };
}

/** The server the season talks to: its own process on PostgreSQL, in this process on PGlite. */
type RunningServer = { baseUrl: string; output: string[]; stop(): Promise<unknown> };

async function serveBenchDatabase(database: BenchDatabase, options: Options): Promise<RunningServer> {
  if (database.url) return startServerProcess(database.url, { workers: options.serverWorkers, profileDir: options.profileDir });
  const app = await buildApp({ db: database.handle.db, config: loadConfig(), dbKind: database.handle.kind });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, output: [], stop: () => app.close() };
}

/** Sequential GETs of the root's registration figures (one user on the dashboard), after a warm-up. */
async function measureRootFigures(baseUrl: string, rootId: number, year: number, requests: number) {
  const admin = await signInOverHttp(baseUrl, 'bench.quantri', PASSWORD);
  const measured = await measureSequentialGets(baseUrl, `/api/registration-figures?unitId=${rootId}&year=${year}`, admin.cookie, {
    requests,
    warmup: 20,
  });
  const rate = (JSON.parse(measured.firstBody) as { figures: { registrationRate: number | null } }).figures.registrationRate;
  return { median: round(measured.median), p95: round(measured.p95), rate };
}

/** Parts 2 and 3, on the national data set. */
async function benchSeason(database: BenchDatabase, options: Options): Promise<Record<string, number | string | null>> {
  const { handle } = database;
  console.log(`registration season on ${database.label}`);
  await migrateDatabase(handle.db);
  const seeded = await seedAtScale(handle, { units: options.units, people: options.people, log: (line) => console.log(`  | ${line}`) });
  console.log(`seed: ${thousands(seeded.units)} units, ${thousands(seeded.people)} people in ${seeded.seconds.toFixed(1)} s`);
  let started = performance.now();
  const casts = await prepareSeason(handle, options);
  const root = (await handle.pool.query<{ id: number }>(`SELECT id FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1`)).rows[0]!;
  await addUser(handle.db, 'bench.quantri', [{ unitId: Number(root.id), role: 'admin' }]);
  await handle.pool.query('VACUUM (ANALYZE) users, sessions, grants');
  // The seed's writes are flushed before the season, as on a server that has been running a while.
  if (database.url) await handle.pool.query('CHECKPOINT').catch(() => undefined);
  const memberCount = casts.reduce((sum, cast) => sum + cast.members.length, 0);
  console.log(
    `season cast: ${options.clients} appraisers and ${thousands(memberCount)} members with sessions, in ${secondsSince(started).toFixed(1)} s`,
  );

  const server = await serveBenchDatabase(database, options);
  try {
    const deadlocksBefore = database.url ? await countDeadlocks(handle) : 0;
    const loadBefore = loadavg()[0] ?? 0;
    const sampled = database.url
      ? await sampleDatabaseWaits(handle, () => runSeason(server.baseUrl, casts, options))
      : { result: await runSeason(server.baseUrl, casts, options), waits: [] };
    const season = sampled.result;
    const loadAfter = loadavg()[0] ?? 0;
    const deadlocks = database.url ? (await countDeadlocks(handle)) - deadlocksBefore : 0;
    const perSecond = season.submissions / season.seconds;
    console.log(
      `season: ${options.clients} clients for ${season.seconds.toFixed(1)} s: ${thousands(season.submissions)} submitted (${perSecond.toFixed(1)}/s), ` +
        `${thousands(season.approvals)} approved, ${thousands(season.requests)} requests (${(season.requests / season.seconds).toFixed(1)}/s), ` +
        `${season.errors} errors, ${deadlocks} deadlocks (load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)})`,
    );
    for (const [step, latency] of Object.entries(season.latency))
      console.log(`  ${step.padEnd(8)} p50 ${latency.p50} ms, p95 ${latency.p95} ms, p99 ${latency.p99} ms`);
    for (const sample of season.errorSamples) console.log(`  error: ${sample}`);
    if (sampled.waits.length > 0) {
      console.log(
        `  database sessions of the server, sampled: ${sampled.waits
          .slice(0, 8)
          .map((wait) => `${wait.what} ${(wait.share * 100).toFixed(0)}%`)
          .join(', ')}`,
      );
    }
    if (season.ranOutOfMembers > 0)
      console.log(`  ${season.ranOutOfMembers} clients ran out of members before the time was up: raise --members-per-client`);
    const deadlockLines = server.output.filter((line) => line.includes('40P01') || /deadlock/i.test(line)).length;

    started = performance.now();
    const recount = await recountRegistrationCounters(handle);
    console.log(
      `recount: ${thousands(recount.compared)} (unit, metric) counters compared with the rows in ${secondsSince(started).toFixed(1)} s: ${recount.mismatches} mismatches`,
    );
    for (const sample of recount.samples) console.log(`  mismatch: ${sample}`);

    const rootFigures = await measureRootFigures(server.baseUrl, Number(root.id), options.year, options.runs * 5);
    const rateText = rootFigures.rate === null ? '—' : `${(rootFigures.rate * 100).toFixed(2)}%`;
    console.log(
      `GET /api/registration-figures root (rate ${rateText}): median ${rootFigures.median} ms, p95 ${rootFigures.p95} ms over ${options.runs * 5} requests`,
    );
    return {
      units: seeded.units,
      people: seeded.people,
      seed_s: round(seeded.seconds),
      season_clients: options.clients,
      season_server_workers: database.url ? options.serverWorkers : 1,
      season_s: round(season.seconds),
      season_submissions: season.submissions,
      season_submissions_per_s: round(perSecond),
      season_approvals: season.approvals,
      season_requests_per_s: round(season.requests / season.seconds),
      season_p50_ms: season.latency.all.p50,
      season_p95_ms: season.latency.all.p95,
      season_p99_ms: season.latency.all.p99,
      season_submit_p95_ms: season.latency.submit.p95,
      season_create_p95_ms: season.latency.create.p95,
      season_approve_p95_ms: season.latency.approve.p95,
      season_errors: season.errors,
      season_deadlocks: Math.max(deadlocks, deadlockLines),
      season_counter_mismatches: recount.mismatches,
      season_counters_compared: recount.compared,
      season_load_avg_end: round(loadAfter, 2),
      root_registration_rate: rootFigures.rate === null ? null : round(rootFigures.rate, 4),
      root_registration_rate_median_ms: rootFigures.median,
      root_registration_rate_p95_ms: rootFigures.p95,
    };
  } finally {
    await server.stop();
  }
}

export async function runRegistrationsBench(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const loadAtStart = loadavg()[0] ?? 0;
  let kind = 'pglite';
  let duplicates: DuplicateFigures = {};
  let season: Record<string, number | string | null> = {};
  if (!args.includes('--skip-duplicates')) {
    await withBenchDatabase(options, async (database) => {
      kind = database.handle.kind;
      duplicates = await benchNearDuplicates(database, options);
    });
  }
  if (!args.includes('--skip-season')) {
    await withBenchDatabase(options, async (database) => {
      kind = database.handle.kind;
      season = await benchSeason(database, options);
    });
  }
  console.log(
    JSON.stringify({
      bench: 'registrations',
      db: kind,
      ...duplicates,
      ...season,
      load_avg_start: round(loadAtStart, 2),
      load_avg_end: round(loadavg()[0] ?? 0, 2),
    }),
  );
}
