/**
 * `npm run bench -- national [--national | --units N --people M | --seeded URL] [--requests R] [--in-memory]
 *   [--season [--clients C] [--seconds S]]`
 *
 * `--seeded postgres://…/db` measures a database already filled by `npm run cli -- seed --national`
 * (twelve minutes to build), as it is: it is migrated, neither seeded nor dropped.
 *
 * The campaign overview on a scaled data set (300,000 units and 1,000,000 people by default), or
 * with `--national` on the national one (5.6 million members and a million cadres), each with a
 * year of registrations, study, standards, feedback and inspections: the root's overview of every metric, a
 * province's table by child unit, a five-year trend of the root, and the first page of the records
 * behind a number (the root's members, a province's approved registrations, a commune's
 * registered members), each over HTTP, one user clicking, each answer computed afresh (PostgreSQL
 * keeps no read cache; on the embedded database a no-op statement before each request moves it on).
 * With `--season` (PostgreSQL only), the root's overview is then read again while 50 clients run the
 * registration season against the server (national-season.ts).
 */
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import { migrateDatabase } from '../src/server/platform/db/migrate';
import { openDatabase, type DbHandle } from '../src/server/platform/db/client';
import { seedAtScale } from '../src/cli/seed-scale';
import { addUser, PASSWORD } from '../test/helpers/fixtures';
import { seedActivity } from '../src/cli/seed-activity';
import { seedNational } from '../src/cli/seed-national';
import { measureOverviewUnderSeason, type SeasonReadFigures } from './national-season';
import { measureSequentialGets, numberOption, round, signInOverHttp, thousands, withBenchDatabase } from './support';

const YEAR = 2026;

function parseOptions(args: string[]) {
  return {
    units: numberOption(args, '--units', 300_000),
    people: numberOption(args, '--people', 1_000_000),
    requests: numberOption(args, '--requests', 40),
    inMemory: args.includes('--in-memory'),
    /** The national data set of `seed --national` (5.6 million members, a million cadres) instead. */
    national: args.includes('--national'),
    /** A database already filled by `seed --national` (measured as it is, neither seeded nor dropped). */
    seededUrl: stringOption(args, '--seeded'),
    /** Also read the root's overview while the registration season writes (PostgreSQL only). */
    season: args.includes('--season'),
    clients: numberOption(args, '--clients', 50),
    seconds: numberOption(args, '--seconds', 60),
  };
}

function stringOption(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** What a database seeded earlier holds, counted from its rows. */
async function countSeeded(handle: DbHandle) {
  const rows = await handle.pool.query<Record<string, number>>(`
    SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM persons)::int AS people,
      (SELECT count(*) FROM registrations WHERE year = ${YEAR})::int AS registrations, (SELECT count(*) FROM feedback)::int AS feedback,
      (SELECT count(*) FROM inspection_remedies)::int AS remedies`);
  const row = rows.rows[0]!;
  return {
    units: row.units!,
    people: row.people!,
    activity: { registrations: row.registrations!, feedback: row.feedback!, remedies: row.remedies! },
  };
}

/** The data set measured: `seed --national`, or a scaled tree with a year of activity. */
async function seedBenchData(handle: DbHandle, options: ReturnType<typeof parseOptions>) {
  const log = (line: string) => console.log(`  | ${line}`);
  if (options.national) {
    const seeded = await seedNational(handle, { year: YEAR, log });
    console.log(
      `seed --national: ${thousands(seeded.units)} units, ${thousands(seeded.people)} people and a year of activity in ${seeded.seconds.toFixed(1)} s, ${thousands(Math.round(seeded.bytes / 1024 / 1024))} MB`,
    );
    return { units: seeded.units, people: seeded.people, activity: seeded.activity };
  }
  const seeded = await seedAtScale(handle, { units: options.units, people: options.people, log });
  console.log(`seed: ${thousands(seeded.units)} units, ${thousands(seeded.people)} people in ${seeded.seconds.toFixed(1)} s`);
  const activity = await seedActivity(handle, YEAR, log);
  return { units: seeded.units, people: seeded.people, activity };
}

type Unit = { id: number; code: string; name: string };

/** The unit of a kind with the most members: the heaviest read of that level. */
async function largest(handle: DbHandle, kind: string): Promise<Unit> {
  const rows = await handle.pool.query<Unit>(
    `SELECT u.id, u.code, u.name FROM units u JOIN figure_counters f ON f.unit_id = u.id AND f.metric = 'members'
     WHERE u.kind = $1 AND u.valid_to IS NULL GROUP BY u.id ORDER BY sum(f.delta) DESC LIMIT 1`,
    [kind],
  );
  const unit = rows.rows[0];
  if (!unit) throw new Error(`No ${kind} in the seeded tree`);
  return { ...unit, id: Number(unit.id) };
}

export async function runNationalBench(args: string[]): Promise<void> {
  const options = parseOptions(args);
  if (options.seededUrl) {
    const handle = await openDatabase({ databaseUrl: options.seededUrl });
    try {
      await measure(
        handle,
        `the seeded database ${new URL(options.seededUrl).pathname.slice(1)}`,
        async () => countSeeded(handle),
        options,
        options.seededUrl,
      );
    } finally {
      await handle.close();
    }
    return;
  }
  await withBenchDatabase(options, ({ handle, label, url }) => measure(handle, label, () => seedBenchData(handle, options), options, url));
}

async function measure(
  handle: DbHandle,
  label: string,
  seed: () => Promise<{ units: number; people: number; activity: { registrations: number; feedback: number; remedies: number } }>,
  options: ReturnType<typeof parseOptions>,
  databaseUrl: string | undefined,
): Promise<void> {
  if (options.season && !databaseUrl)
    throw new Error('--season runs the server in a process of its own: it needs PostgreSQL (DATABASE_URL or --seeded)');
  const loadAtStart = loadavg()[0] ?? 0;
  console.log(`national overview bench on ${label} (load average ${loadAtStart.toFixed(1)})`);
  await migrateDatabase(handle.db);
  const { activity, ...seeded } = await seed();
  console.log(
    `a year of activity: ${thousands(activity.registrations)} registrations, ${thousands(activity.feedback)} feedback items, ${thousands(activity.remedies)} remedies`,
  );
  const root = (await handle.pool.query<Unit>(`SELECT id, code, name FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1`)).rows[0]!;
  const province = await largest(handle, 'province_committee');
  const commune = await largest(handle, 'commune_committee');
  // A seeded database measured again already has the bench's user.
  const known = await handle.pool.query(`SELECT 1 FROM users WHERE username = 'bench.trunguong'`);
  if (known.rowCount === 0) await addUser(handle.db, 'bench.trunguong', [{ unitId: Number(root.id), role: 'officer' }]);

  const app = await buildApp({ db: handle.db, config: loadConfig(), dbKind: handle.kind });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const { cookie } = await signInOverHttp(baseUrl, 'bench.trunguong', PASSWORD);
    const measure = async (what: string, path: string) => {
      const measured = await measureSequentialGets(baseUrl, path, cookie, {
        requests: options.requests,
        warmup: 3,
        // A statement that is not a read moves the embedded database's read cache on (a no-op on PostgreSQL).
        beforeEach: () => handle.pool.query(`SET application_name = 'bench-national'`),
      });
      console.log(`${what}: median ${measured.median.toFixed(1)} ms, p95 ${measured.p95.toFixed(1)} ms over ${options.requests} requests`);
      return measured;
    };
    const rootOverview = await measure(
      `overview of the root ${root.code} (every metric, ${YEAR} and ${YEAR - 1})`,
      `/api/campaign-overview?unitId=${root.id}&year=${YEAR}`,
    );
    const rootAnswer = JSON.parse(rootOverview.firstBody) as {
      figures: { members: number; registrationRate: number };
      children: unknown[];
    };
    console.log(
      `  root: ${thousands(rootAnswer.figures.members)} members, registration rate ${(rootAnswer.figures.registrationRate * 100).toFixed(1)}%, ${rootAnswer.children.length} child units`,
    );
    const provinceTable = await measure(
      `overview of the largest province ${province.code} by child unit`,
      `/api/campaign-overview?unitId=${province.id}&year=${YEAR}`,
    );
    const provinceChildren = (JSON.parse(provinceTable.firstBody) as { children: unknown[] }).children.length;
    console.log(`  province: ${provinceChildren} child units`);
    const trend = await measure(
      'five-year trend of the root (registration rate)',
      `/api/campaign-overview/trend?unitId=${root.id}&metric=registrationRate&toYear=${YEAR}&years=5`,
    );
    const rootMembers = await measure(
      'records: first page of the root’s members',
      `/api/campaign-overview/records?unitId=${root.id}&year=${YEAR}&metric=members`,
    );
    const provinceApproved = await measure(
      `records: first page of ${province.code}'s approved registrations`,
      `/api/campaign-overview/records?unitId=${province.id}&year=${YEAR}&metric=approvedShare`,
    );
    const communeRegistered = await measure(
      `records: first page of ${commune.code}'s registered members`,
      `/api/campaign-overview/records?unitId=${commune.id}&year=${YEAR}&metric=registrationRate`,
    );
    const rootTotal = (JSON.parse(rootMembers.firstBody) as { total: number }).total;
    if (rootTotal !== rootAnswer.figures.members)
      throw new Error(`The root's members list has ${rootTotal} rows, its number is ${rootAnswer.figures.members}`);
    const drillP95 = Math.max(rootMembers.p95, provinceApproved.p95, communeRegistered.p95);
    let underSeason: SeasonReadFigures | undefined;
    if (options.season && databaseUrl) {
      underSeason = await measureOverviewUnderSeason(
        handle,
        databaseUrl,
        { id: Number(root.id) },
        {
          year: YEAR,
          clients: options.clients,
          seconds: options.seconds,
        },
      );
    }
    console.log(
      JSON.stringify({
        bench: 'national',
        db: handle.kind,
        units: seeded.units,
        people: seeded.people,
        registrations: activity.registrations,
        requests: options.requests,
        root_overview_median_ms: round(rootOverview.median),
        root_overview_p95_ms: round(rootOverview.p95),
        province_by_child_p95_ms: round(provinceTable.p95),
        root_trend_5y_p95_ms: round(trend.p95),
        drill_root_members_p95_ms: round(rootMembers.p95),
        drill_province_approved_p95_ms: round(provinceApproved.p95),
        drill_commune_registered_p95_ms: round(communeRegistered.p95),
        drill_first_page_p95_ms: round(drillP95),
        ...underSeason,
        load_start: round(loadAtStart, 2),
        load_end: round(loadavg()[0] ?? 0, 2),
      }),
    );
  } finally {
    await app.close();
  }
}
