/**
 * `npm run bench -- tree [--units N] [--people M] [--requests R] [--import-rows K] [--in-memory]`
 *
 * On a national tree (300,000 units and 1,000,000 people by default): how long seeding takes,
 * how fast the subtree-figures API answers over real HTTP on loopback for the root, the largest
 * province and the largest commune, and how many rows per second a people import (preview, then
 * apply) writes. The database is the bench's own: a temporary PGlite data folder (or memory), or,
 * with DATABASE_URL, a fresh PostgreSQL database created and dropped on that server.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import type { DbHandle } from '../src/server/platform/db/client';
import { migrateDatabase } from '../src/server/platform/db/migrate';
import type { Actor } from '../src/server/platform/auth/policy';
import { generateNationalPeople } from '../src/server/demo/national';
import { writePeopleWorkbook, type PersonExportRow } from '../src/server/modules/imports/excel/write';
import { applyImport, previewImport } from '../src/server/modules/imports/imports.service';
import { startWorkbookReader } from '../src/server/modules/imports/excel/read';
import type { UnitKind } from '../src/shared/contracts/domain';
import { seedAtScale } from '../src/cli/seed-scale';
import { addUser, PASSWORD } from '../test/helpers/fixtures';
import {
  measureSequentialGets,
  numberOption,
  profiled,
  round,
  secondsSince as seconds,
  signInOverHttp,
  thousands,
  whileProbingLiveness,
  withBenchDatabase,
} from './support';

type Options = {
  units: number;
  people: number;
  requests: number;
  warmup: number;
  importRows: number;
  inMemory: boolean;
  profileDir: string | undefined;
};

function parseOptions(args: string[]): Options {
  return {
    units: numberOption(args, '--units', 300_000),
    people: numberOption(args, '--people', 1_000_000),
    requests: numberOption(args, '--requests', 200),
    warmup: numberOption(args, '--warmup', 20),
    importRows: numberOption(args, '--import-rows', 50_000),
    inMemory: args.includes('--in-memory'),
    // CPU profiles of the import's preview and apply, for finding where their time goes.
    profileDir: args.includes('--profile') ? path.resolve('.tmp/profiles') : undefined,
  };
}

type UnitRef = { id: number; code: string; name: string; path: string };

/** The unit of a kind with the most members: the heaviest read of that level. */
async function findLargest(handle: DbHandle, kind: UnitKind): Promise<UnitRef> {
  const rows = await handle.pool.query<UnitRef>(
    `SELECT u.id, u.code, u.name, u.path::text AS path FROM units u
     JOIN figure_counters f ON f.unit_id = u.id AND f.metric = 'members'
     WHERE u.kind = $1 AND u.valid_to IS NULL
     GROUP BY u.id ORDER BY sum(f.delta) DESC LIMIT 1`,
    [kind],
  );
  const unit = rows.rows[0];
  if (!unit) throw new Error(`No ${kind} in the seeded tree`);
  return { ...unit, id: Number(unit.id) };
}

type Latency = { median: number; p95: number; members: number; children: number };

/** Sequential GETs (one client, keep-alive), as one user clicking through the dashboard. */
async function measureFigures(baseUrl: string, cookie: string, unitId: number, options: Options): Promise<Latency> {
  const measured = await measureSequentialGets(baseUrl, `/api/figures?unitId=${unitId}`, cookie, options);
  const parsed = JSON.parse(measured.firstBody) as { figures: { members: number }; children: unknown[] };
  return { median: measured.median, p95: measured.p95, members: parsed.figures.members, children: parsed.children.length };
}

/**
 * Rows for people who are not in the database yet, spread evenly over existing cells. Card numbers
 * get 10 digits and CCCD numbers the unused province code 099, so none can match a seeded person
 * (seeded cards have 8 digits, seeded CCCDs use province codes up to 096).
 */
async function buildImportRows(handle: DbHandle, count: number): Promise<PersonExportRow[]> {
  const cells = await handle.pool.query<{ code: string; name: string; kind: UnitKind; validFrom: string }>(
    `SELECT code, name, kind, valid_from::text AS "validFrom" FROM units
     WHERE kind IN ('cell', 'grassroots_cell') AND valid_to IS NULL ORDER BY id`,
  );
  const wanted = Math.max(1, Math.min(cells.rows.length, Math.ceil(count / 17)));
  const step = cells.rows.length / wanted;
  const targets = Array.from({ length: wanted }, (_, index) => cells.rows[Math.floor(index * step)]).filter((cell) => cell !== undefined);
  const names = new Map(targets.map((cell) => [cell.code, cell.name]));
  const rows: PersonExportRow[] = [];
  let serial = 0;
  for (const person of generateNationalPeople({ count, seed: 2, units: targets })) {
    serial++;
    rows.push({
      ...person,
      cardNumber: person.cardNumber === null ? null : `99${String(serial).padStart(8, '0')}`,
      idNumber: `099${String(serial).padStart(9, '0')}`,
      unitName: names.get(person.unitCode) ?? '',
    });
  }
  return rows;
}

async function rootMembers(handle: DbHandle, rootId: number): Promise<number> {
  const rows = await handle.pool.query<{ value: number }>(
    `SELECT COALESCE(sum(delta), 0) AS value FROM figure_counters WHERE unit_id = $1 AND metric = 'members'`,
    [rootId],
  );
  return Number(rows.rows[0]?.value ?? 0);
}

export async function runTreeBench(args: string[]): Promise<void> {
  const options = parseOptions(args);
  await withBenchDatabase(options, async (database) => {
    const { handle } = database;
    // Other work on the machine moves every figure here; the load average says how much there was.
    const loadAtStart = loadavg()[0] ?? 0;
    console.log(`tree bench on ${database.label} (load average ${loadAtStart.toFixed(1)})`);
    let started = performance.now();
    await migrateDatabase(handle.db);
    console.log(`migrations: ${seconds(started).toFixed(1)} s`);

    const seeded = await seedAtScale(handle, { units: options.units, people: options.people, log: (line) => console.log(`  | ${line}`) });
    console.log(`seed: ${thousands(seeded.units)} units, ${thousands(seeded.people)} people in ${seeded.seconds.toFixed(1)} s`);

    const rootRows = await handle.pool.query<UnitRef>(`SELECT id, code, name, path::text AS path FROM units WHERE parent_id IS NULL`);
    const rootRow = rootRows.rows[0];
    if (!rootRow) throw new Error('The seeded tree has no root');
    const root = { ...rootRow, id: Number(rootRow.id) };
    const province = await findLargest(handle, 'province_committee');
    const commune = await findLargest(handle, 'commune_committee');
    const user = await addUser(handle.db, 'bench.admin', [{ unitId: root.id, role: 'admin' }]);

    const app = await buildApp({ db: handle.db, config: loadConfig(), dbKind: handle.kind });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const latencies: Record<'root' | 'province' | 'commune', Latency> = {} as Record<'root' | 'province' | 'commune', Latency>;
    // One server for the whole run: the figures, then the liveness probes during the import's preview.
    try {
      const { cookie } = await signInOverHttp(baseUrl, 'bench.admin', PASSWORD);
      for (const [level, unit] of [
        ['root', root],
        ['province', province],
        ['commune', commune],
      ] as const) {
        const latency = await measureFigures(baseUrl, cookie, unit.id, options);
        latencies[level] = latency;
        console.log(
          `GET /api/figures ${level.padEnd(8)} ${unit.code.padEnd(10)} (${thousands(latency.members)} members, ${latency.children} children): ` +
            `median ${latency.median.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms over ${options.requests} requests`,
        );
      }

      started = performance.now();
      const rows = await buildImportRows(handle, options.importRows);
      const buffer = await writePeopleWorkbook(rows, { includePersonal: true });
      console.log(
        `import file: ${thousands(rows.length)} new people, ${(buffer.length / 1e6).toFixed(1)} MB, written in ${seconds(started).toFixed(1)} s`,
      );
      const actor: Actor = {
        userId: user.id,
        name: 'bench.admin',
        grants: [{ id: 0, unitId: root.id, unitCode: root.code, unitName: root.name, unitPath: root.path, role: 'admin' }],
        ip: null,
        requestId: null,
      };
      const membersBefore = await rootMembers(handle, root.id);
      // Started beforehand, as the server starts it once it listens.
      await startWorkbookReader();
      // The preview runs beside the server of this process, asked for its liveness meanwhile.
      started = performance.now();
      const probed = await whileProbingLiveness(baseUrl, () =>
        profiled(options.profileDir, 'import-preview', () =>
          previewImport(handle.db, actor, 'people', { fileName: 'bench-people.xlsx', buffer }),
        ),
      );
      const preview = probed.result;
      const previewSeconds = seconds(started);
      console.log(
        `GET /api/health/live during the preview: p95 ${probed.p95.toFixed(1)} ms, longest ${probed.max.toFixed(1)} ms over ${probed.probes} probes`,
      );
      if (preview.errors.length > 0 || preview.creates !== rows.length) {
        const sample = preview.errors.slice(0, 5).map((error) => `row ${error.row} ${error.column}: ${error.message}`);
        throw new Error(`The import preview did not accept every row (${preview.creates} creates):\n${sample.join('\n')}`);
      }
      started = performance.now();
      const applied = await profiled(options.profileDir, 'import-apply', () => applyImport(handle.db, actor, preview.batchId));
      const applySeconds = seconds(started);
      const importSeconds = previewSeconds + applySeconds;
      const membersAfter = await rootMembers(handle, root.id);
      if (membersAfter - membersBefore !== applied.created) {
        throw new Error(`Root members went from ${membersBefore} to ${membersAfter} after ${applied.created} creates`);
      }
      const rowsPerSecond = rows.length / importSeconds;
      console.log(
        `import: preview ${previewSeconds.toFixed(1)} s + apply ${applySeconds.toFixed(1)} s = ${importSeconds.toFixed(1)} s, ` +
          `${thousands(Math.round(rowsPerSecond))} rows/s (root members ${thousands(membersBefore)} → ${thousands(membersAfter)})`,
      );

      console.log(
        JSON.stringify({
          bench: 'tree',
          db: handle.kind,
          units: seeded.units,
          people: seeded.people,
          seed_s: round(seeded.seconds),
          root_figures_median_ms: round(latencies.root.median),
          root_figures_p95_ms: round(latencies.root.p95),
          province_figures_median_ms: round(latencies.province.median),
          province_figures_p95_ms: round(latencies.province.p95),
          commune_figures_median_ms: round(latencies.commune.median),
          commune_figures_p95_ms: round(latencies.commune.p95),
          figures_requests: options.requests,
          import_rows: rows.length,
          import_rows_per_s: Math.round(rowsPerSecond),
          import_preview_s: round(previewSeconds, 2),
          import_apply_s: round(applySeconds, 2),
          preview_liveness_p95_ms: round(probed.p95),
          preview_liveness_max_ms: round(probed.max),
          load_avg_start: round(loadAtStart, 2),
          load_avg_end: round(loadavg()[0] ?? 0, 2),
        }),
      );
    } finally {
      await app.close();
    }
  });
}
