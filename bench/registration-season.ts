/**
 * The registration season: in January every member of the country writes, submits and has appraised
 * their registration of "làm theo" within a few weeks. Here many clients do that over HTTP against a
 * running server (its own process, as in production), each in communes of its own, with real
 * sessions, CSRF tokens and the real routes; afterwards every registration counter is compared with
 * a recount of the rows.
 */
import { randomBytes } from 'node:crypto';
import type { DbHandle } from '../src/server/platform/db/client';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { createWindow } from '../src/server/modules/registrations/windows.service';
import { REGISTRATION_BUCKETS, REGISTRATION_METRICS } from '../src/server/modules/figures/index';
import { individualContent } from '../src/server/demo/demo-registrations';
import { Random } from '../src/server/demo/random';
import { addUser, PASSWORD, rootActor } from '../test/helpers/fixtures';
import { BenchHttpClient } from './http-client';
import { percentile, round, signInOverHttp } from './support';

export type SeasonOptions = {
  clients: number;
  seconds: number;
  year: number;
  communesPerClient: number;
  membersPerClient: number;
  /** Added to the bench's user names, so a season can run again on a database that kept the last one's. */
  tag?: string;
};

type Registrant = { userId: number; cookie: string; csrfToken: string };
type Cast = { appraiser: { cookie: string; csrfToken: string } | null; appraiserUsername: string; members: Registrant[] };

/**
 * A window for the year at the root (unless one is open already), and for each client an appraiser
 * and members who have not registered for the year yet, with sessions.
 */
export async function prepareSeason(handle: DbHandle, options: SeasonOptions): Promise<Cast[]> {
  const root = (
    await handle.pool.query<{ id: number; path: string }>(
      `SELECT id, path::text AS path FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1`,
    )
  ).rows[0];
  if (!root) throw new Error('The data set has no root unit');
  const windows = await handle.pool.query(`SELECT 1 FROM registration_windows WHERE unit_id = $1 AND year = $2`, [root.id, options.year]);
  if (windows.rowCount === 0)
    await createWindow(handle.db, rootActor(root.path), {
      unitId: Number(root.id),
      year: options.year,
      toYear: options.year,
      opensOn: `${options.year}-01-01`,
      closesOn: `${options.year}-12-31`,
      topicId: null,
      breakthroughIds: [],
      guidance: 'Đợt đăng ký của kiểm thử tải',
    });
  const communes = (
    await handle.pool.query<{ id: number; path: string }>(
      `SELECT id, path::text AS path FROM units WHERE kind = 'commune_committee' AND valid_to IS NULL ORDER BY id`,
    )
  ).rows;
  if (communes.length < options.clients)
    throw new Error(`The data set has ${communes.length} communes, fewer than ${options.clients} clients`);
  // Members sign in through the same session rows the sign-in route writes; only the password check
  // (argon2, ~50 ms each by design) is skipped for the tens of thousands of them.
  const secret = randomBytes(12).toString('hex');
  const passwordHash = await hashPassword(PASSWORD);
  const tag = options.tag ?? '';
  const casts: Cast[] = [];
  for (let client = 0; client < options.clients; client++) {
    const mine = communes.filter((_, index) => index % options.clients === client).slice(0, options.communesPerClient);
    const appraiserUsername = `bench.thamdinh.${tag}${client}`;
    await addUser(
      handle.db,
      appraiserUsername,
      mine.map((commune) => ({ unitId: Number(commune.id), role: 'committee' as const })),
    );
    const inserted = await handle.pool.query<{ user_id: number; csrf_token: string }>(
      `WITH picked AS (
         SELECT p.id AS person_id, p.full_name, p.search_text FROM persons p
         JOIN memberships m ON m.person_id = p.id AND m.is_primary AND m.to_date IS NULL
         JOIN units u ON u.id = m.unit_id
         WHERE u.path <@ $1::ltree[]
           AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = p.id AND r.year = $5 AND r.kind = 'individual')
         ORDER BY p.id LIMIT $2
       ), users_added AS (
         INSERT INTO users (username, display_name, search_text, password_hash, person_id)
         SELECT 'bench.dv.' || $6 || person_id, full_name, search_text, $3, person_id FROM picked
         RETURNING id
       )
       INSERT INTO sessions (token_hash, user_id, csrf_token, ip, expires_at)
       SELECT encode(sha256(convert_to($4 || '.' || id, 'UTF8')), 'hex'), id, $4 || '.csrf.' || id, '127.0.0.1', now() + interval '1 day'
       FROM users_added
       RETURNING user_id, csrf_token`,
      [mine.map((commune) => commune.path), options.membersPerClient, passwordHash, secret, options.year, tag],
    );
    const members = inserted.rows.map((row) => ({
      userId: Number(row.user_id),
      cookie: `ng_session=${secret}.${row.user_id}`,
      csrfToken: row.csrf_token,
    }));
    casts.push({ appraiser: null, appraiserUsername, members });
  }
  return casts;
}

type Step = 'create' | 'submit' | 'approve';
export type SeasonResult = {
  seconds: number;
  submissions: number;
  approvals: number;
  requests: number;
  errors: number;
  errorSamples: string[];
  latency: Record<Step | 'all', { p50: number; p95: number; p99: number }>;
  ranOutOfMembers: number;
};

/**
 * Each client, in a loop until the time is up: a member of its communes writes a registration
 * (POST /api/registrations/mine), submits it, and the client's appraiser approves it
 * (POST /api/registrations/:id/status). A submission counts when the submit step answers 200.
 */
export async function runSeason(baseUrl: string, casts: Cast[], options: SeasonOptions): Promise<SeasonResult> {
  for (const cast of casts) cast.appraiser = await signInOverHttp(baseUrl, cast.appraiserUsername, PASSWORD);
  const http = new BenchHttpClient(baseUrl, options.clients * 2);
  const samples: Record<Step, number[]> = { create: [], submit: [], approve: [] };
  const errorSamples: string[] = [];
  let errors = 0;
  let submissions = 0;
  let approvals = 0;
  let ranOutOfMembers = 0;
  const random = Random.derive(2026, 'registration-season');
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  const call = async (step: Step, who: { cookie: string; csrfToken: string }, path: string, body: unknown) => {
    const answer = await http
      .request('POST', path, { cookie: who.cookie, 'x-csrf-token': who.csrfToken }, body)
      .catch((error: unknown) => ({
        status: 0,
        body: String(error),
        milliseconds: 0,
      }));
    if (answer.status !== 200 && answer.status !== 201) {
      errors++;
      if (errorSamples.length < 10) errorSamples.push(`${step} ${path}: ${answer.status} ${answer.body.slice(0, 200)}`);
      return undefined;
    }
    samples[step].push(answer.milliseconds);
    return JSON.parse(answer.body) as { id: number; version: number };
  };

  const runClient = async (cast: Cast) => {
    const appraiser = cast.appraiser!;
    let next = 0;
    while (performance.now() < deadline) {
      const member = cast.members[next++];
      if (!member) {
        ranOutOfMembers++;
        return;
      }
      const content = individualContent(random, { breakthroughIds: [], topicId: 0 });
      const actions = content.actions.map((action) => ({ ...action, linkKind: null, linkId: null, linkIndex: null }));
      const created = await call('create', member, '/api/registrations/mine', {
        year: options.year,
        shortcomings: content.shortcomings,
        actions,
      });
      if (!created) continue;
      const submitted = await call('submit', member, `/api/registrations/${created.id}/status`, {
        transition: 'submit',
        version: created.version,
      });
      if (!submitted) continue;
      submissions++;
      const approved = await call('approve', appraiser, `/api/registrations/${created.id}/status`, {
        transition: 'approve',
        version: submitted.version,
      });
      if (approved) approvals++;
    }
  };
  await Promise.all(casts.map(runClient));
  const elapsed = (performance.now() - started) / 1000;
  http.close();

  const summarise = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)), p99: round(percentile(sorted, 0.99)) };
  };
  const all = [...samples.create, ...samples.submit, ...samples.approve];
  return {
    seconds: elapsed,
    submissions,
    approvals,
    requests: all.length + errors,
    errors,
    errorSamples,
    latency: {
      create: summarise(samples.create),
      submit: summarise(samples.submit),
      approve: summarise(samples.approve),
      all: summarise(all),
    },
    ranOutOfMembers,
  };
}

/** Deadlocks the server detected in the database so far (PostgreSQL's own count, error 40P01). */
export async function countDeadlocks(handle: DbHandle): Promise<number> {
  const rows = await handle.pool.query<{ deadlocks: number }>(`SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()`);
  return Number(rows.rows[0]?.deadlocks ?? 0);
}

/**
 * Every registration counter of every unit (on the registration's unit and all its ancestors)
 * against a recount of the registration rows; returns how many (unit, metric) pairs differ.
 */
export async function recountRegistrationCounters(handle: DbHandle): Promise<{ compared: number; mismatches: number; samples: string[] }> {
  const bucketRows = Object.entries(REGISTRATION_BUCKETS).flatMap(([bucket, statuses]) =>
    statuses.map((status) => [bucket, status] as const),
  );
  const leaderMetric = REGISTRATION_METRICS.leadersRegistered(0).replace(/\.0$/, '');
  const result = await handle.pool.query<{ unit_id: number; metric: string; counted: number; recounted: number }>(
    `WITH buckets(bucket, status) AS (SELECT * FROM unnest($1::text[], $2::text[])),
     expanded AS (
       SELECT ancestor::bigint AS unit_id, 'registrations.' || r.kind || '.' || b.bucket || '.' || r.year AS metric
       FROM registrations r
       JOIN buckets b ON b.status = r.status
       JOIN units u ON u.id = r.unit_id
       CROSS JOIN LATERAL unnest(string_to_array(u.path::text, '.')) AS ancestor
       UNION ALL
       SELECT ancestor::bigint, $3 || '.' || r.year
       FROM registrations r
       JOIN units u ON u.id = r.unit_id
       CROSS JOIN LATERAL unnest(string_to_array(u.path::text, '.')) AS ancestor
       WHERE r.kind = 'individual' AND r.is_leader AND r.status IN (SELECT status FROM buckets WHERE bucket = 'registered')
     ),
     recounted AS (SELECT unit_id, metric, count(*) AS value FROM expanded GROUP BY 1, 2),
     counted AS (
       SELECT unit_id, metric, sum(delta) AS value FROM figure_counters
       WHERE metric ~ '^registrations\\.(individual|collective)\\.[a-zA-Z]+\\.[0-9]+$' OR metric LIKE $3 || '.%'
       GROUP BY 1, 2
     )
     SELECT COALESCE(c.unit_id, r.unit_id) AS unit_id, COALESCE(c.metric, r.metric) AS metric,
            COALESCE(c.value, 0) AS counted, COALESCE(r.value, 0) AS recounted
     FROM counted c FULL OUTER JOIN recounted r ON r.unit_id = c.unit_id AND r.metric = c.metric`,
    [bucketRows.map(([bucket]) => bucket), bucketRows.map(([, status]) => status), leaderMetric],
  );
  const different = result.rows.filter((row) => Number(row.counted) !== Number(row.recounted));
  return {
    compared: result.rows.length,
    mismatches: different.length,
    samples: different.slice(0, 5).map((row) => `unit ${row.unit_id} ${row.metric}: counter ${row.counted}, recount ${row.recounted}`),
  };
}

/**
 * What the server's database sessions were doing, sampled every 100 ms while `work` runs: CPU
 * (active, no wait), lock waits (hot rows), WAL writes and flushes (commits), data reads, or idle.
 * Tells whether the database, its locks, its disk or the application bounds the throughput.
 */
export async function sampleDatabaseWaits<T>(
  handle: DbHandle,
  work: () => Promise<T>,
): Promise<{ result: T; waits: Array<{ what: string; share: number }> }> {
  const tally = new Map<string, number>();
  let samples = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      const rows = await handle.pool.query<{ what: string }>(
        `SELECT CASE WHEN state = 'active' THEN COALESCE(wait_event_type || ':' || wait_event, 'CPU') ELSE state END AS what
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      );
      for (const row of rows.rows) tally.set(row.what, (tally.get(row.what) ?? 0) + 1);
      samples += rows.rows.length;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    const result = await work();
    return {
      result,
      waits: [...tally.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([what, count]) => ({ what, share: round(count / Math.max(1, samples), 3) })),
    };
  } finally {
    running = false;
    await sampler;
  }
}
