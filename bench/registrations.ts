/**
 * `npm run bench -- registrations [--registrations N] [--runs R] [--in-memory]`
 *
 * The near-duplicate check on a commune of 3,000 registrations (by default): how long finding the
 * registrations similar to one takes, and how long a cell's whole list with its similarity flags
 * takes. PGlite (a temporary data folder, or memory), or with DATABASE_URL a fresh PostgreSQL
 * database created and dropped on that server.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type DbHandle } from '../src/server/platform/db/client';
import { migrateDatabase } from '../src/server/platform/db/migrate';
import { registrations } from '../src/server/db/schema/index';
import { createUnitInTx } from '../src/server/modules/units/index';
import { searchTextOf } from '../src/server/modules/registrations/index';
import { findSimilar, fingerprintOf, insertPairs, pairsAmong, parentPathOf, refreshSimilarities, SIMILARITY_THRESHOLD } from '../src/server/modules/registrations/similarity';
import { searchRegistrations } from '../src/server/modules/registrations/registrations.repo';
import { individualContent } from '../src/server/modules/demo/demo-registrations';
import { Random } from '../src/server/modules/demo/random';
import { runAdminStatement, urlForDatabase } from '../test/helpers/database-image';

type Options = { registrations: number; runs: number; inMemory: boolean };

function parseOptions(args: string[]): Options {
  const number = (name: string, fallback: number) => {
    const index = args.indexOf(name);
    const value = index < 0 ? fallback : Number(args[index + 1]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
    return value;
  };
  return { registrations: number('--registrations', 3000), runs: number('--runs', 30), inMemory: args.includes('--in-memory') };
}

async function openBenchDatabase(options: Options): Promise<{ handle: DbHandle; label: string; kind: string; dispose(): Promise<void> }> {
  const maintenanceUrl = process.env.DATABASE_URL || undefined;
  if (maintenanceUrl) {
    const name = `noiguong_bench_${randomBytes(4).toString('hex')}`;
    await runAdminStatement(maintenanceUrl, `CREATE DATABASE ${name}`);
    const handle = await openDatabase({ databaseUrl: urlForDatabase(maintenanceUrl, name) });
    return {
      handle, label: `PostgreSQL ${new URL(maintenanceUrl).host}, database ${name}`, kind: 'postgres',
      dispose: async () => {
        await handle.close().catch(() => undefined);
        await runAdminStatement(maintenanceUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  if (options.inMemory) {
    const handle = await openDatabase({ dataDir: null });
    return { handle, label: 'PGlite in memory', kind: 'pglite', dispose: () => handle.close() };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'noiguong-bench-'));
  const handle = await openDatabase({ dataDir });
  return {
    handle, label: `PGlite, data folder ${dataDir}`, kind: 'pglite',
    dispose: async () => {
      await handle.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? Number.NaN;
const round = (value: number) => Number(value.toFixed(1));

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

export async function runRegistrationsBench(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const database = await openBenchDatabase(options);
  try {
    const { db } = database.handle;
    console.log(`Database: ${database.label}`);
    await migrateDatabase(db);
    const cellsCount = Math.max(1, Math.round(options.registrations / 100));
    const { commune, cells } = await db.transaction(async (tx) => {
      const province = await createUnitInTx(tx, { code: 'BT', name: 'Tỉnh ủy Thử tải', kind: 'province_committee', parentId: null, validFrom: '2025-07-01' });
      const commune = await createUnitInTx(tx, { code: 'BX', name: 'Đảng ủy xã Thử tải', kind: 'commune_committee', parentId: province.id, validFrom: '2025-07-01' });
      const cells = [];
      for (let index = 0; index < cellsCount; index++) {
        cells.push(await createUnitInTx(tx, { code: `BC${index}`, name: `Chi bộ thôn ${index + 1}`, kind: 'cell', parentId: commune.id, validFrom: '2025-07-01' }));
      }
      return { commune, cells };
    });
    const random = Random.derive(2026, 'bench-registrations');
    const seedStarted = performance.now();
    const rows = Array.from({ length: options.registrations }, (_, index) => {
      const content = individualContent(random, { breakthroughIds: [], topicId: 1 });
      return {
        kind: 'individual', year: 2026, unitId: cells[index % cells.length]!.id, status: 'submitted', shortcomings: content.shortcomings,
        isLeader: index < cells.length, revision: 1, searchText: searchTextOf(content.shortcomings, content.actions),
      };
    });
    // Every 50th registration is a copy of the one before it, as copy-paste happens.
    for (let index = 50; index < rows.length; index += 50) rows[index] = { ...rows[index - 1]!, unitId: rows[index]!.unitId, isLeader: false };
    const pathOf = new Map(cells.map((cell) => [cell.id, cell.path]));
    const items = [];
    for (let start = 0; start < rows.length; start += 1000) {
      const inserted = await db.insert(registrations).values(rows.slice(start, start + 1000)).returning({ id: registrations.id, unitId: registrations.unitId, searchText: registrations.searchText });
      for (const row of inserted) items.push({ id: row.id, kind: 'individual', unitPath: pathOf.get(row.unitId)!, parentPath: parentPathOf(pathOf.get(row.unitId)!), fingerprint: fingerprintOf(row.searchText) });
    }
    const pairsStarted = performance.now();
    const pairs = pairsAmong(items);
    await insertPairs(db, pairs);
    console.log(`Compared all ${items.length} registrations pairwise in ${((performance.now() - pairsStarted) / 1000).toFixed(1)} s: ${pairs.length / 2} near-identical pairs`);
    await db.execute(sql`ANALYZE registrations`);
    console.log(`Seeded ${options.registrations} registrations in ${cells.length} cells of one commune in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    const ids = (await db.execute<{ id: number }>(sql`SELECT id FROM registrations ORDER BY id`)).rows.map((row) => Number(row.id));
    const one = await timed(options.runs, (run) => db.transaction((tx) => refreshSimilarities(tx, ids[(run * 97) % ids.length]!)));
    console.log(`Checking one registration against the commune's ${ids.length} (when it is written): p50 ${one.p50} ms, p95 ${one.p95} ms`);
    let found = 0;
    const read = await timed(options.runs, async (run) => {
      found += (await findSimilar(db, ids[(run * 50) % ids.length]!)).length;
    });
    console.log(`Reading the similar registrations of one (threshold ${SIMILARITY_THRESHOLD}): p50 ${read.p50} ms, p95 ${read.p95} ms (${found} found over ${options.runs} runs)`);
    const cellList = await timed(Math.min(options.runs, 10), (run) =>
      searchRegistrations(db, { scope: [commune.path], year: 2026, unitPath: cells[run % cells.length]!.path, page: 1, pageSize: 200 }),
    );
    console.log(`A cell's whole list (${Math.round(options.registrations / cells.length)} registrations) with similarity flags: p50 ${cellList.p50} ms, p95 ${cellList.p95} ms`);
    const communePage = await timed(Math.min(options.runs, 10), (run) =>
      searchRegistrations(db, { scope: [commune.path], year: 2026, unitPath: commune.path, page: run + 1, pageSize: 20 }),
    );
    console.log(`A page of 20 of the commune's list with similarity flags: p50 ${communePage.p50} ms, p95 ${communePage.p95} ms`);
    console.log(JSON.stringify({
      bench: 'registrations', db: database.kind, registrations: options.registrations, threshold: SIMILARITY_THRESHOLD,
      check_one_p50_ms: one.p50, check_one_p95_ms: one.p95, similar_read_p50_ms: read.p50, similar_read_p95_ms: read.p95, cell_list_p50_ms: cellList.p50, cell_list_p95_ms: cellList.p95,
      commune_page_p50_ms: communePage.p50, commune_page_p95_ms: communePage.p95,
    }));
  } finally {
    await database.dispose();
  }
}
