/**
 * `npm run bench -- grading [--units N] [--people M] [--commune-members K] [--requests R] [--in-memory]`
 *
 * On the national data set (300,000 units, 1,000,000 people by default): every party member's and
 * every cell's grading of 2025 decided, with the live counters the status machine writes (checked
 * against a recount). Then, over HTTP against a running server: the grading distribution of the root
 * and of the largest province (target p95 < 50 ms on PostgreSQL), and the proposals computed for a
 * commune of K (3,000) self-reviewed members by POST /api/gradings/propose (target < 2 s).
 */
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import type { DbHandle } from '../src/server/platform/db/client';
import { migrateDatabase } from '../src/server/platform/db/migrate';
import { addFigureDeltas, type FigureDelta } from '../src/server/platform/figures';
import { GRADING_METRICS } from '../src/server/modules/figures/index';
import { GRADES, type Grade, type GradingSubject } from '../src/shared/contracts/grading';
import { seedAtScale } from '../src/cli/seed-scale';
import { addUser, PASSWORD } from '../test/helpers/fixtures';
import { memberScores } from '../test/helpers/grading-rows';
import {
  measureSequentialGets,
  numberOption,
  percentile,
  round,
  secondsSince,
  signInOverHttp,
  thousands,
  withBenchDatabase,
} from './support';

const YEAR = 2025;
function parseOptions(args: string[]) {
  return {
    units: numberOption(args, '--units', 300_000),
    people: numberOption(args, '--people', 1_000_000),
    communeMembers: numberOption(args, '--commune-members', 3_000),
    requests: numberOption(args, '--requests', 200),
    inMemory: args.includes('--in-memory'),
  };
}

/**
 * Writes decided gradings for every party member (at their cell) and every cell, as the machine
 * leaves them, and the counter deltas the machine writes, totalled per unit and grade first.
 */
async function generateDecided(handle: DbHandle): Promise<{ members: number; collectives: number }> {
  await handle.pool.query(`
    INSERT INTO gradings (subject, person_id, unit_id, year, rule_code, status, self_grade, grade, proposed_grade, decided_grade, decided_at)
    SELECT 'member', m.person_id, m.unit_id, ${YEAR}, 'QD366-2025', 'decided', g.grade, g.grade, g.grade, g.grade, now()
    FROM memberships m JOIN persons p ON p.id = m.person_id AND p.category = 'party_member',
      LATERAL (SELECT (ARRAY['excellent','good','good','good','good','good','good','done','good','good'])[1 + (m.person_id * 7919 % 10)] AS grade) g
    WHERE m.is_primary AND m.to_date IS NULL`);
  await handle.pool.query(`
    INSERT INTO gradings (subject, unit_id, year, rule_code, status, self_grade, grade, proposed_grade, decided_grade, decided_at)
    SELECT 'collective', u.id, ${YEAR}, 'QD366-2025', 'decided', g.grade, g.grade, g.grade, g.grade, now()
    FROM units u, LATERAL (SELECT (ARRAY['excellent','good','good','good','done'])[1 + (u.id * 31 % 5)] AS grade) g
    WHERE u.kind IN ('cell', 'grassroots_cell') AND u.valid_to IS NULL`);
  const totals = await handle.pool.query<{ path: string; subject: GradingSubject; grade: Grade; n: number }>(`
    SELECT u.path::text AS path, g.subject, g.decided_grade AS grade, count(*)::int AS n
    FROM gradings g JOIN units u ON u.id = g.unit_id WHERE g.year = ${YEAR} AND g.status = 'decided'
    GROUP BY u.path, g.subject, g.decided_grade`);
  const deltas: FigureDelta[] = totals.rows.map((row) => ({
    unitPath: row.path,
    metric: GRADING_METRICS.decided(row.subject, row.grade, YEAR),
    day: `${YEAR}-12-31`,
    delta: Number(row.n),
  }));
  for (let start = 0; start < deltas.length; start += 40_000) {
    await handle.db.transaction((tx) => addFigureDeltas(tx, deltas.slice(start, start + 40_000)));
  }
  const counts = await handle.pool.query<{ subject: string; n: number }>(
    `SELECT subject, count(*)::int AS n FROM gradings WHERE year = ${YEAR} GROUP BY subject`,
  );
  const of = (subject: string) => Number(counts.rows.find((row) => row.subject === subject)?.n ?? 0);
  return { members: of('member'), collectives: of('collective') };
}

/** A commune with `count` party members spread over its cells, each with a self-review sent for 2026. */
async function communeOfSelfReviews(handle: DbHandle, count: number): Promise<{ id: number; cells: number }> {
  const commune = (
    await handle.pool.query<{ id: number }>(
      `SELECT id FROM units WHERE kind = 'commune_committee' AND valid_to IS NULL ORDER BY id LIMIT 1`,
    )
  ).rows[0]!;
  const cells = (
    await handle.pool.query<{ id: number }>(
      `SELECT u.id FROM units u JOIN units c ON c.id = $1 WHERE u.path <@ c.path AND u.kind IN ('cell', 'grassroots_cell') AND u.valid_to IS NULL ORDER BY u.id`,
      [commune.id],
    )
  ).rows.map((row) => Number(row.id));
  const people = await handle.pool.query<{ id: number }>(
    `INSERT INTO persons (full_name, search_text, sort_key, sex, category)
     SELECT 'Đảng viên tự kiểm điểm ' || n, 'dang vien tu kiem diem ' || n, 'dang vien ' || n, 'male', 'party_member' FROM generate_series(1, $1) n
     RETURNING id`,
    [count],
  );
  const ids = people.rows.map((row) => Number(row.id));
  await handle.pool.query(
    `INSERT INTO memberships (person_id, unit_id, position, from_date, is_primary)
     SELECT p, ($2::bigint[])[1 + (i - 1) % array_length($2::bigint[], 1)], 'party_member', '2024-01-01', true FROM unnest($1::bigint[]) WITH ORDINALITY AS t(p, i)`,
    [ids, cells],
  );
  // Self-scored sheets spread over the bands: 45..99 points, some with the conditions "xuất sắc" needs.
  const sheets = ids.map((_, index) => JSON.stringify(memberScores(45 + ((index * 37) % 55))));
  const conditions = ids.map((_, index) => (index % 3 === 0 ? '{all_on_time,some_exceeded}' : '{all_on_time}'));
  await handle.pool.query(
    `INSERT INTO gradings (subject, person_id, unit_id, year, rule_code, status, self_scores, self_conditions, self_grade)
     SELECT 'member', t.p, m.unit_id, 2026, 'QD366-2025', 'self_reviewed', t.s::jsonb, t.c::text[], 'good'
     FROM unnest($1::bigint[], $2::text[], $3::text[]) AS t(p, s, c) JOIN memberships m ON m.person_id = t.p`,
    [ids, sheets, conditions],
  );
  return { id: Number(commune.id), cells: cells.length };
}

export async function runGradingBench(args: string[]): Promise<void> {
  const options = parseOptions(args);
  await withBenchDatabase(options, async (database) => {
    const { handle } = database;
    const loadAtStart = loadavg()[0] ?? 0;
    console.log(`grading bench on ${database.label} (load average ${loadAtStart.toFixed(1)})`);
    await migrateDatabase(handle.db);
    const seeded = await seedAtScale(handle, { units: options.units, people: options.people, log: (line) => console.log(`  | ${line}`) });
    console.log(`seed: ${thousands(seeded.units)} units, ${thousands(seeded.people)} people in ${seeded.seconds.toFixed(1)} s`);

    let started = performance.now();
    const generated = await generateDecided(handle);
    const generateSeconds = secondsSince(started);
    console.log(
      `decided gradings of ${YEAR}: ${thousands(generated.members)} members, ${thousands(generated.collectives)} cells, with their counters, in ${generateSeconds.toFixed(1)} s`,
    );
    const commune = await communeOfSelfReviews(handle, options.communeMembers);
    console.log(`commune ${commune.id}: ${thousands(options.communeMembers)} self-reviewed members over ${commune.cells} cells`);
    await handle.pool.query('ANALYZE');

    const root = (await handle.pool.query<{ id: number }>(`SELECT id FROM units WHERE parent_id IS NULL`)).rows[0]!;
    const province = (
      await handle.pool.query<{ id: number }>(`
        SELECT p.id FROM units p JOIN units u ON u.path <@ p.path JOIN memberships m ON m.unit_id = u.id AND m.to_date IS NULL
        WHERE p.kind = 'province_committee' GROUP BY p.id ORDER BY count(*) DESC LIMIT 1`)
    ).rows[0]!;
    const recount = await handle.pool.query<{ grade: Grade; n: number }>(
      `SELECT decided_grade AS grade, count(*)::int AS n FROM gradings WHERE year = ${YEAR} AND subject = 'member' GROUP BY decided_grade`,
    );

    await addUser(handle.db, 'bench.xeploai', [{ unitId: Number(root.id), role: 'admin' }]);
    const app = await buildApp({ db: handle.db, config: loadConfig(), dbKind: handle.kind });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const { cookie, csrfToken } = await signInOverHttp(baseUrl, 'bench.xeploai', PASSWORD);
      const measure = async (label: string, path: string) => {
        const result = await measureSequentialGets(baseUrl, path, cookie, { requests: options.requests, warmup: 10 });
        console.log(
          `GET ${label}: median ${result.median.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms over ${options.requests} requests`,
        );
        return result;
      };
      const rootFigures = await measure('grading distribution of the root', `/api/grading-figures?unitId=${Number(root.id)}&year=${YEAR}`);
      const members = (JSON.parse(rootFigures.firstBody) as { figures: { members: Record<Grade, number> } }).figures.members;
      const mismatches = GRADES.filter(
        (grade) => members[grade] !== Number(recount.rows.find((row) => row.grade === grade)?.n ?? 0),
      ).length;
      console.log(`root distribution ${JSON.stringify(members)}; grades differing from a recount: ${mismatches}`);
      const provinceFigures = await measure(
        'grading distribution of the largest province',
        `/api/grading-figures?unitId=${Number(province.id)}&year=${YEAR}`,
      );

      // The proposals of the commune, computed five times over HTTP (cleared in between).
      const proposeTimes: number[] = [];
      let proposed = 0;
      for (let run = 0; run < 5; run++) {
        await handle.pool.query(
          `UPDATE gradings SET proposed_grade = NULL, proposed_total = NULL, proposed_reason = NULL WHERE year = 2026`,
        );
        started = performance.now();
        const response = await fetch(`${baseUrl}/api/gradings/propose`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
          body: JSON.stringify({ unitId: commune.id, year: 2026 }),
        });
        proposeTimes.push(secondsSince(started) * 1000);
        if (!response.ok) throw new Error(`propose answered ${response.status}: ${await response.text()}`);
        proposed = ((await response.json()) as { proposed: number }).proposed;
      }
      proposeTimes.sort((a, b) => a - b);
      const spread = await handle.pool.query<{ grade: string; n: number }>(
        `SELECT proposed_grade AS grade, count(*)::int AS n FROM gradings WHERE year = 2026 GROUP BY proposed_grade ORDER BY 1`,
      );
      console.log(
        `proposals for ${thousands(proposed)} members of one commune: median ${percentile(proposeTimes, 0.5).toFixed(0)} ms, worst ${proposeTimes.at(-1)!.toFixed(0)} ms (${spread.rows.map((row) => `${row.grade}: ${row.n}`).join(', ')})`,
      );

      console.log(
        JSON.stringify({
          bench: 'grading',
          db: handle.kind,
          units: seeded.units,
          people: seeded.people,
          graded_members: generated.members,
          graded_cells: generated.collectives,
          generate_s: round(generateSeconds, 1),
          counter_mismatches: mismatches,
          root_figures_p95_ms: round(rootFigures.p95),
          root_figures_median_ms: round(rootFigures.median),
          province_figures_p95_ms: round(provinceFigures.p95),
          propose_members: proposed,
          propose_commune_median_ms: round(percentile(proposeTimes, 0.5)),
          propose_commune_worst_ms: round(proposeTimes.at(-1)!),
          load_avg_start: round(loadAtStart, 2),
          load_avg_end: round(loadavg()[0] ?? 0, 2),
        }),
      );
    } finally {
      await app.close();
    }
  });
}
