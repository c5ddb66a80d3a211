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
import type { DbHandle } from '../src/server/platform/db/client';
import { migrateDatabase } from '../src/server/platform/db/migrate';
import { laggingRoutes } from '../src/server/modules/inspections/lagging.routes';
import { REGISTRATION_BUCKETS, REGISTRATION_METRICS, registrationFigureDay } from '../src/server/modules/figures/index';
import { settleAllTwins, SIMILARITY_THRESHOLD } from '../src/server/modules/registrations/index';
import { countExistingOverdueFeedback } from '../src/server/modules/supervision/index';
import type { LaggingAnswer } from '../src/shared/contracts/inspections';
import { seedAtScale } from '../src/cli/seed-scale';
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

/**
 * Registrations of 2026 for about 85% of the people, written as the status machine leaves them:
 * submitted or approved, the approved share set per commune (the third label of the path) between
 * 30% and 100%, so some communes meet the registration threshold and most do not. Their counters
 * (registered and approved buckets, on the unit and every ancestor) are totalled in one statement.
 */
async function generateRegistrations(handle: DbHandle): Promise<number> {
  const approved = REGISTRATION_BUCKETS.approved as readonly string[];
  await handle.pool.query(
    `
    INSERT INTO registrations (kind, year, unit_id, person_id, status, shortcomings, revision, submitted_at)
    SELECT 'individual', $1, m.unit_id, m.person_id,
      CASE WHEN (m.person_id * 7919) % 100 < 30 + (coalesce((string_to_array(u.path::text, '.'))[3], '0')::bigint * 37) % 71
        THEN 'approved' ELSE 'submitted' END,
      'Còn ngại va chạm trong tự phê bình', 1, now()
    FROM memberships m JOIN units u ON u.id = m.unit_id
    WHERE m.is_primary AND m.to_date IS NULL AND (m.person_id * 31) % 100 < 85`,
    [YEAR],
  );
  const metric = (bucket: 'registered' | 'approved') => REGISTRATION_METRICS.bucket('individual', bucket, YEAR);
  await handle.pool.query(
    `
    INSERT INTO figure_counters (unit_id, metric, day, stripe, delta)
    SELECT ancestor.id, counted.metric, $1::date, 0, sum(counted.n)
    FROM (
      SELECT r.unit_id, $2::text AS metric, count(*) AS n FROM registrations r WHERE r.year = $4 GROUP BY r.unit_id
      UNION ALL
      SELECT r.unit_id, $3::text, count(*) FROM registrations r WHERE r.year = $4 AND r.status = ANY($5::text[]) GROUP BY r.unit_id
    ) counted
    JOIN units u ON u.id = counted.unit_id
    CROSS JOIN LATERAL unnest(string_to_array(u.path::text, '.')::bigint[]) AS ancestor(id)
    GROUP BY 1, 2
    ON CONFLICT (unit_id, metric, day, stripe) DO UPDATE SET delta = figure_counters.delta + EXCLUDED.delta`,
    [registrationFigureDay(YEAR), metric('registered'), metric('approved'), YEAR, approved],
  );
  const count = await handle.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM registrations WHERE year = $1`, [YEAR]);
  return Number(count.rows[0]!.n);
}

/**
 * One registration in 25 copied by the next one of its unit: pairs both ways, as similarity.ts
 * stores them, then their registrations' twin flags and the "with a twin" figure settled as a bulk
 * load settles them.
 */
async function generatePairs(handle: DbHandle): Promise<number> {
  const result = await handle.pool.query(
    `
    WITH neighbours AS (
      SELECT id, lead(id) OVER (PARTITION BY unit_id ORDER BY id) AS next_id FROM registrations WHERE year = $1
    )
    INSERT INTO registration_similarities (registration_id, other_id, similarity)
    SELECT a, b, $2 FROM neighbours, LATERAL (VALUES (id, next_id), (next_id, id)) AS pair(a, b)
    WHERE next_id IS NOT NULL AND id % 25 = 0`,
    [YEAR, Math.max(SIMILARITY_THRESHOLD, 0.85)],
  );
  await handle.db.transaction((tx) => settleAllTwins(tx));
  return result.rowCount ?? 0;
}

/**
 * Feedback on cells: 60,000 items, a third still unanswered past their answer date, with the
 * overdue figure counted as it is for items written in bulk.
 */
async function generateFeedback(handle: DbHandle): Promise<number> {
  const result = await handle.pool.query(`
    WITH cells AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM units WHERE kind = 'cell' AND valid_to IS NULL),
      total AS (SELECT count(*) AS c FROM cells)
    INSERT INTO feedback (unit_id, body, status, due_on, sender_hash)
    SELECT cells.id, 'Đề nghị chi bộ công khai kết quả thực hiện',
      CASE WHEN n % 3 = 0 THEN 'new' ELSE 'answered' END,
      CASE WHEN n % 2 = 0 THEN CURRENT_DATE - 10 ELSE CURRENT_DATE + 10 END, 'bench'
    FROM generate_series(1, 60000) n CROSS JOIN total JOIN cells ON cells.k = 1 + (n * 7919) % total.c`);
  await handle.db.transaction((tx) => countExistingOverdueFeedback(tx));
  return result.rowCount ?? 0;
}

/** 20,000 concluded inspections of cells by their commune, each with one remedy, some overdue. */
async function generateRemedies(handle: DbHandle): Promise<number> {
  await handle.pool.query(
    `
    WITH targets AS (
      SELECT u.id AS unit_id, u.parent_id AS owner_id, row_number() OVER () AS n
      FROM units u WHERE u.kind = 'cell' AND u.valid_to IS NULL AND u.parent_id IS NOT NULL AND u.id % 12 = 0 LIMIT 20000
    ), inspected AS (
      INSERT INTO inspections (owner_unit_id, unit_id, year, kind, title, contents, starts_on, ends_on, team, status)
      SELECT owner_id, unit_id, $1, 'inspection', 'Kiểm tra việc học tập và làm theo', '{standards}', '2026-03-01', '2026-03-10', '[]'::jsonb, 'concluded'
      FROM targets RETURNING id, unit_id
    ), found AS (
      INSERT INTO inspection_findings (inspection_id, content, kind, text, remedy, due_on)
      SELECT id, 'standards', 'shortcoming', 'Chưa niêm yết chuẩn mực đạo đức', 'Niêm yết chuẩn mực', '2026-06-30' FROM inspected
      RETURNING id, inspection_id
    )
    INSERT INTO inspection_remedies (inspection_id, finding_id, unit_id, year, what, due_on, status)
    SELECT i.id, f.id, i.unit_id, $1, 'Niêm yết chuẩn mực đạo đức',
      CASE WHEN i.id % 3 = 0 THEN DATE '2026-06-30' ELSE DATE '2027-03-31' END,
      (ARRAY['open', 'reported', 'returned', 'closed'])[1 + i.id % 4]
    FROM inspected i JOIN found f ON f.inspection_id = i.id`,
    [YEAR],
  );
  const count = await handle.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM inspection_remedies`);
  return Number(count.rows[0]!.n);
}

/**
 * Everything lagging units are found from, on a seeded national data set; vacuumed and analysed
 * afterwards, as autovacuum leaves a database after a bulk load, so the measured reads do not race
 * the vacuum the load sets off on this 2-core machine.
 */
export async function generateLaggingData(handle: DbHandle) {
  const registrations = await generateRegistrations(handle);
  const pairs = await generatePairs(handle);
  const feedback = await generateFeedback(handle);
  const remedies = await generateRemedies(handle);
  await handle.pool.query('VACUUM ANALYZE');
  return { registrations, pairs, feedback, remedies };
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
    const { registrations, pairs, feedback, remedies } = await generateLaggingData(handle);
    console.log(
      `generated in ${secondsSince(started).toFixed(1)} s: ${thousands(registrations)} registrations of ${YEAR} with their counters, ${thousands(pairs)} near-identical pairs, ${thousands(feedback)} feedback items, ${thousands(remedies)} remedies`,
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
