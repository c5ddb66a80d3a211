/**
 * `npm run bench -- inspections [--units N] [--people M] [--requests R] [--in-memory]`
 *
 * On the national data set (300,000 units, 1,000,000 people by default), with the data lagging
 * units are found from: individual registrations of 2026 for most people (approved in a share
 * that differs by commune) with their counters, near-identical pairs among them, public feedback
 * past its answer date and inspection remedies past their deadline. Then, over HTTP against the
 * app, the lagging-units list of the root over every commune (3,321 on the real list; target p95
 * < 200 ms on PostgreSQL), each request computed afresh: PostgreSQL keeps no read cache, and on the
 * embedded database a no-op statement before each request moves the cache's generation on.
 */
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import { migrateDatabase } from '../src/server/platform/db/migrate';
import { laggingRoutes } from '../src/server/modules/inspections/lagging.routes';
import type { LaggingAnswer } from '../src/shared/contracts/inspections';
import { seedAtScale } from '../src/cli/seed-scale';
import { seedActivity } from '../src/cli/seed-activity';
import { addUser, PASSWORD } from '../test/helpers/fixtures';
import { BenchHttpClient } from './http-client';
import { numberOption, percentile, round, secondsSince, signInOverHttp, thousands, withBenchDatabase } from './support';

const YEAR = 2026;

function parseOptions(args: string[]) {
  return {
    units: numberOption(args, '--units', 300_000),
    people: numberOption(args, '--people', 1_000_000),
    requests: Math.max(30, numberOption(args, '--requests', 40)),
    inMemory: args.includes('--in-memory'),
  };
}

export async function runInspectionsBench(args: string[]): Promise<void> {
  const options = parseOptions(args);
  await withBenchDatabase(options, async (database) => {
    const { handle } = database;
    const loadAtStart = loadavg()[0] ?? 0;
    console.log(`inspections bench on ${database.label} (load average ${loadAtStart.toFixed(2)})`);
    await migrateDatabase(handle.db);
    const seeded = await seedAtScale(handle, { units: options.units, people: options.people, log: (line) => console.log(`  | ${line}`) });
    console.log(`seed: ${thousands(seeded.units)} units, ${thousands(seeded.people)} people in ${seeded.seconds.toFixed(1)} s`);

    const started = performance.now();
    const { registrations, pairs, feedback, remedies } = await seedActivity(handle, YEAR);
    console.log(
      `generated in ${secondsSince(started).toFixed(1)} s: ${thousands(registrations)} registrations of ${YEAR} with their counters, ${thousands(pairs)} near-identical pairs, ${thousands(feedback)} feedback items, ${thousands(remedies)} remedies, with the year's study and standards`,
    );

    const root = (await handle.pool.query<{ id: number }>(`SELECT id FROM units WHERE parent_id IS NULL`)).rows[0]!;
    const communes = Number(
      (await handle.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM units WHERE kind = 'commune_committee' AND valid_to IS NULL`))
        .rows[0]!.n,
    );
    await addUser(handle.db, 'bench.kiemtra', [{ unitId: Number(root.id), role: 'inspector' }]);
    const app = await buildApp({ db: handle.db, config: loadConfig(), dbKind: handle.kind });
    // Served by app.ts once the inspections module registers it; until then, here.
    if (!app.hasRoute({ method: 'GET', url: '/api/lagging-units' })) {
      await app.register(laggingRoutes, { db: handle.db, config: loadConfig(), dbKind: handle.kind });
    }
    await app.listen({ host: '127.0.0.1', port: 0 });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const http = new BenchHttpClient(baseUrl, 1);
    try {
      const { cookie } = await signInOverHttp(baseUrl, 'bench.kiemtra', PASSWORD);
      const list = `/api/lagging-units?unitId=${Number(root.id)}&year=${YEAR}&kind=commune_committee`;
      const path = `${list}&pageSize=50`;
      const durations: number[] = [];
      let answer: LaggingAnswer | null = null;
      for (let index = 0; index < options.requests + 3; index++) {
        // A statement that is not a read moves the embedded database's read cache on (a no-op on PostgreSQL).
        await handle.pool.query(`SET application_name = 'bench-inspections'`);
        const response = await http.request('GET', path, { cookie });
        if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${response.body.slice(0, 300)}`);
        if (index === 0) answer = JSON.parse(response.body) as LaggingAnswer;
        if (index >= 3) durations.push(response.milliseconds);
      }
      durations.sort((a, b) => a - b);
      const median = percentile(durations, 0.5);
      const p95 = percentile(durations, 0.95);
      const byReason = new Map<string, number>();
      for (const reason of ['registration_rate', 'feedback_overdue', 'duplicates', 'remedies_overdue', 'standards', 'study_rate']) {
        const filtered = await http.request('GET', `${list}&reason=${reason}&pageSize=1`, { cookie });
        byReason.set(reason, (JSON.parse(filtered.body) as LaggingAnswer).total);
      }
      console.log(
        `GET lagging units of the root over ${thousands(answer!.evaluated)} communes: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${options.requests} requests (each computed afresh)`,
      );
      console.log(
        `lagging: ${thousands(answer!.total)} of ${thousands(answer!.evaluated)}; by reason ${JSON.stringify(Object.fromEntries(byReason))}`,
      );
      console.log(
        JSON.stringify({
          bench: 'inspections',
          db: handle.kind,
          units: seeded.units,
          people: seeded.people,
          registrations,
          pairs,
          feedback,
          remedies,
          communes,
          evaluated: answer!.evaluated,
          lagging: answer!.total,
          requests: options.requests,
          lagging_root_median_ms: round(median),
          lagging_root_p95_ms: round(p95),
          load_start: round(loadAtStart, 2),
          load_end: round(loadavg()[0] ?? 0, 2),
        }),
      );
    } finally {
      http.close();
      await app.close();
    }
  });
}
