/**
 * `npm run bench -- replica-drill`: a real PostgreSQL streaming replica on this machine, and the app
 * on both. Run by hand (it builds two PostgreSQL clusters of its own in a temporary folder, with
 * Debian's PostgreSQL binaries, as the `postgres` user when run as root); its output is kept in
 * docs/benchmarks/replica-drill.md.
 *
 *  0. a primary (initdb, wal_level replica) and a replica made from it with `pg_basebackup -R`,
 *     streaming; then synchronous replication (synchronous_standby_names '*', synchronous_commit
 *     on: a commit is acknowledged once the replica has flushed it), and the app started with
 *     DATABASE_URL on the primary and DATABASE_REPLICA_URLS on the replica (demo data loaded);
 *  1. reads go to the replica: list reads answered with `x-read-from: replica`, and the replica's
 *     own count of committed transactions grows by at least as many;
 *  2. a write is visible on the replica within the lag the app reports (/api/health), read from the
 *     replica directly and through the app by another browser;
 *  3. the replica is stopped while readers read: no reader sees an error, and reads are answered
 *     by the primary; the replica is started again and takes reads again;
 *  4. failover: while writers write, the primary is stopped without a shutdown checkpoint
 *     (`pg_ctl stop -m immediate`, as a crash), the replica is promoted, and the app is started
 *     again with DATABASE_URL on the promoted server: every write the app had acknowledged is
 *     there, and the app writes again.
 */
import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm, appendFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../test/helpers/server-process';
import { kill9, startServer, type Server } from './app-process';
import { percentile, round, signInOverHttp } from './support';

const run = promisify(execFile);
const PASSWORD = 'NoiGuong@2026';
const DATABASE = 'noiguong';

type Session = { cookie: string; csrfToken: string };
type Cluster = { name: string; dir: string; port: number; url: string };

async function postgresBin(): Promise<string> {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const versions = (await readdir('/usr/lib/postgresql')).sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('No PostgreSQL binaries in /usr/lib/postgresql: install postgresql or set PG_BIN.');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

/** PostgreSQL's tools refuse to run as root: as root they run as the `postgres` user. */
async function asPostgres(bin: string, tool: string, args: string[]): Promise<string> {
  const command = path.join(bin, tool);
  const asRoot = process.getuid?.() === 0;
  const { stdout } = asRoot
    ? await run('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: '/tmp' })
    : await run(command, args, { cwd: '/tmp' });
  return stdout;
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return performance.now() - started;
    await sleep(50);
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function startCluster(bin: string, cluster: Cluster): Promise<void> {
  await asPostgres(bin, 'pg_ctl', ['-D', cluster.dir, '-l', `${cluster.dir}.log`, '-w', '-t', '120', 'start']);
}

async function makePrimary(bin: string, base: string): Promise<Cluster> {
  const port = await freePort();
  const dir = path.join(base, 'primary');
  await asPostgres(bin, 'initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  await appendFile(
    dir + '/postgresql.conf',
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${base}'`,
      'wal_level = replica',
      'max_wal_senders = 5',
      'hot_standby = on',
      'fsync = on',
      '',
    ].join('\n'),
  );
  const cluster = { name: 'primary', dir, port, url: `postgres://postgres@127.0.0.1:${port}/${DATABASE}` };
  await startCluster(bin, cluster);
  await query(`postgres://postgres@127.0.0.1:${port}/postgres`, `CREATE DATABASE ${DATABASE}`);
  return cluster;
}

async function makeReplica(bin: string, base: string, primary: Cluster): Promise<Cluster> {
  const port = await freePort();
  const dir = path.join(base, 'replica');
  await asPostgres(bin, 'pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    dir,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  await appendFile(
    dir + '/postgresql.auto.conf',
    `port = ${port}\nprimary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres application_name=replica1'\n`,
  );
  const cluster = { name: 'replica', dir, port, url: `postgres://postgres@127.0.0.1:${port}/${DATABASE}` };
  await startCluster(bin, cluster);
  await waitFor('the replica to stream', async () => {
    const rows = await query<{ state: string }>(primary.url, 'SELECT state FROM pg_stat_replication');
    return rows.some((row) => row.state === 'streaming');
  });
  return cluster;
}

async function get(server: Server, session: Session | null, url: string) {
  const response = await fetch(`${server.baseUrl}${url}`, { headers: session ? { cookie: session.cookie } : {} });
  const body = await response.text();
  return { status: response.status, fromReplica: response.headers.get('x-read-from') === 'replica', body };
}

const WROTE = 'ng_wrote=';

/** The browser's cookies with the position of its last write replaced, as a browser keeps them. */
function withCookie(cookie: string, setCookies: string[]): string {
  const wrote = setCookies.map((value) => value.split(';')[0]!).find((value) => value.startsWith(WROTE));
  if (!wrote) return cookie;
  return [...cookie.split('; ').filter((part) => !part.startsWith(WROTE)), wrote].join('; ');
}

async function createUnit(server: Server, session: Session, parentId: number, code: string): Promise<number | 'failed'> {
  const response = await fetch(`${server.baseUrl}/api/units`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ code, name: `Chi bộ diễn tập ${code}`, kind: 'cell', parentId }),
    signal: AbortSignal.timeout(20_000),
  }).catch(() => null);
  if (!response) return 'failed';
  await response.text();
  session.cookie = withCookie(session.cookie, response.headers.getSetCookie());
  return response.status;
}

async function replicaCommits(replica: Cluster): Promise<number> {
  const rows = await query<{ commits: string }>(
    replica.url,
    'SELECT xact_commit::text AS commits FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0]?.commits ?? 0);
}

async function reportedLag(server: Server): Promise<{ healthy: boolean; lagSeconds: number | null }> {
  const health = (await (await fetch(`${server.baseUrl}/api/health`)).json()) as {
    replicas?: Array<{ healthy: boolean; lagSeconds: number | null }>;
  };
  return health.replicas?.[0] ?? { healthy: false, lagSeconds: null };
}

export async function runReplicaDrill(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  const bin = await postgresBin();
  const base = await mkdtemp(path.join(tmpdir(), 'noiguong-replica-drill-'));
  if (process.getuid?.() === 0) await run('chown', ['postgres:postgres', base]).catch(() => chown(base, 0, 0));
  console.log(`replica drill in ${base} with ${bin} (load average ${loadAtStart.toFixed(1)})`);
  const problems: string[] = [];
  const figures: Record<string, number> = {};
  let server: Server | null = null;
  let primary: Cluster | null = null;
  let replica: Cluster | null = null;
  try {
    // 0. Two clusters, streaming; synchronous; the app on both.
    let started = performance.now();
    primary = await makePrimary(bin, base);
    replica = await makeReplica(bin, base, primary);
    await query(primary.url, "ALTER SYSTEM SET synchronous_standby_names = '*'");
    await query(primary.url, 'SELECT pg_reload_conf()');
    await waitFor('the replica to be synchronous', async () => {
      const rows = await query<{ sync_state: string }>(primary!.url, 'SELECT sync_state FROM pg_stat_replication');
      return rows.some((row) => row.sync_state === 'sync');
    });
    console.log(
      `0. primary on port ${primary.port}, replica on port ${replica.port} from pg_basebackup -R, streaming, synchronous (${round((performance.now() - started) / 1000)} s)`,
    );
    started = performance.now();
    server = await startServer({ DATABASE_URL: primary.url, DATABASE_REPLICA_URLS: replica.url, REPLICA_MAX_LAG_SECONDS: '30' });
    console.log(`   the app started on both, demo data loaded on the primary in ${round((performance.now() - started) / 1000)} s`);
    const session = await signInOverHttp(server.baseUrl, 'admin', PASSWORD);
    // A browser that reads only: without the position of its sign-in, which would pin it to the primary for a moment.
    const reader = await signInOverHttp(server.baseUrl, 'admin', PASSWORD);
    reader.cookie = reader.cookie
      .split('; ')
      .filter((part) => !part.startsWith(WROTE))
      .join('; ');
    const me = JSON.parse((await get(server, session, '/api/auth/me')).body) as { grants: Array<{ unitId: number }> };
    const provinceId = me.grants[0]!.unitId;
    await waitFor('the app to see the replica', async () => (await reportedLag(server!)).healthy, 30_000);

    // 1. Reads go to the replica.
    const commitsBefore = await replicaCommits(replica);
    let fromReplica = 0;
    const reads = 50;
    for (let index = 0; index < reads; index++) {
      const answer = await get(server, reader, `/api/units?under=${provinceId}&page=1&pageSize=20`);
      if (answer.status !== 200) problems.push(`a list read answered ${answer.status}`);
      if (answer.fromReplica) fromReplica += 1;
    }
    // A backend reports its counts to pg_stat_database within about ten seconds of going idle.
    let commitsAfter = commitsBefore;
    await waitFor(
      'the replica to count the reads',
      async () => (commitsAfter = await replicaCommits(replica!)) - commitsBefore >= reads,
      20_000,
    ).catch(() => undefined);
    figures.replica_reads = fromReplica;
    figures.replica_commits_grew_by = commitsAfter - commitsBefore;
    console.log(
      `1. ${fromReplica} of ${reads} list reads answered by the replica; its committed transactions grew by ${commitsAfter - commitsBefore}`,
    );
    if (fromReplica !== reads) problems.push(`only ${fromReplica} of ${reads} reads went to the replica`);
    if (commitsAfter - commitsBefore < reads) problems.push('the replica did not serve the reads');

    // 2. A write, then how long until the replica shows it, against the lag the app reports.
    const visibleMs: number[] = [];
    let reportedMax = 0;
    let appMisses = 0;
    let ownMisses = 0;
    for (let index = 0; index < 20; index++) {
      const code = `VIS-${index}`;
      const status = await createUnit(server, session, provinceId, code);
      if (status !== 201) throw new Error(`creating ${code} answered ${status}`);
      const lag = await reportedLag(server);
      reportedMax = Math.max(reportedMax, lag.lagSeconds ?? 0);
      visibleMs.push(
        await waitFor(
          `${code} on the replica`,
          async () => (await query(replica!.url, 'SELECT 1 FROM units WHERE code = $1', [code])).length === 1,
          10_000,
        ),
      );
      // Another browser, reading through the app, and the writer's own browser.
      const other = await get(server, reader, `/api/units?q=${code}&page=1&pageSize=5`);
      if (!other.body.includes(code)) appMisses += 1;
      const own = await get(server, session, `/api/units?q=${code}&page=1&pageSize=5`);
      if (!own.body.includes(code)) ownMisses += 1;
    }
    visibleMs.sort((a, b) => a - b);
    figures.write_visible_p50_ms = round(percentile(visibleMs, 0.5));
    figures.write_visible_max_ms = round(visibleMs.at(-1)!);
    figures.reported_lag_max_s = reportedMax;
    console.log(
      `2. 20 writes: on the replica after p50 ${figures.write_visible_p50_ms} ms, max ${figures.write_visible_max_ms} ms (synchronous commit: the replica has flushed before the 201); the app reported a lag of at most ${reportedMax} s; reads through the app missing the write: another browser ${appMisses}, the writer ${ownMisses}`,
    );
    if (figures.write_visible_max_ms > Math.max(1, reportedMax + 1) * 1000)
      problems.push('a write took longer to show on the replica than the reported lag');
    if (ownMisses > 0) problems.push(`${ownMisses} of the writer's own reads missed its write`);

    // 3. The replica stops while 4 readers read; then comes back.
    let readErrors = 0;
    let readsDuringStop = 0;
    let answeredByReplicaAfterStop = 0;
    let stopped = false;
    let readersOn = true;
    const readers = [0, 1, 2, 3].map(async () => {
      while (readersOn) {
        const answer = await get(server!, reader, `/api/units?under=${provinceId}&page=1&pageSize=20`).catch(() => ({
          status: 0,
          fromReplica: false,
          body: '',
        }));
        readsDuringStop += 1;
        if (answer.status !== 200) readErrors += 1;
        if (stopped && answer.fromReplica) answeredByReplicaAfterStop += 1;
      }
    });
    await sleep(1500);
    await asPostgres(bin, 'pg_ctl', ['-D', replica.dir, '-m', 'fast', '-w', 'stop']);
    stopped = true;
    await sleep(3000);
    readersOn = false;
    await Promise.all(readers);
    const down = await reportedLag(server);
    figures.replica_stop_reads = readsDuringStop;
    figures.replica_stop_read_errors = readErrors;
    console.log(
      `3. replica stopped while 4 readers read: ${readsDuringStop} reads, ${readErrors} errors, ${answeredByReplicaAfterStop} answered by the replica after it stopped; /api/health: replica healthy = ${down.healthy}`,
    );
    if (readErrors > 0) problems.push(`${readErrors} reads failed while the replica stopped`);
    if (answeredByReplicaAfterStop > 0) problems.push('reads were answered by a stopped replica');
    await startCluster(bin, replica);
    const backMs = await waitFor(
      'the app to use the replica again',
      async () => (await get(server!, reader, `/api/units?under=${provinceId}&page=1&pageSize=1`)).fromReplica,
      30_000,
    );
    console.log(`   replica started again: reads go to it again after ${round(backMs / 1000)} s`);

    // 4. Failover: the primary crashes under writes, the replica is promoted, the app moves to it.
    const acknowledged: string[] = [];
    let attempted = 0;
    let writing = true;
    const writers = [0, 1, 2, 3].map(async (lane) => {
      for (let serial = 0; writing; serial++) {
        const code = `FO-${lane}-${serial}`;
        attempted += 1;
        const status = await createUnit(server!, session, provinceId, code);
        if (status === 201) acknowledged.push(code);
        else await sleep(100);
      }
    });
    await sleep(3000);
    started = performance.now();
    await asPostgres(bin, 'pg_ctl', ['-D', primary.dir, '-m', 'immediate', '-w', 'stop']);
    await sleep(1000);
    writing = false;
    await Promise.all(writers);
    await kill9(server);
    server = null;
    await asPostgres(bin, 'pg_ctl', ['-D', replica.dir, '-w', 'promote']);
    const promotedS = (performance.now() - started) / 1000;
    const restarted = performance.now();
    server = await startServer({ DATABASE_URL: replica.url, DATABASE_REPLICA_URLS: '' });
    const restartS = (performance.now() - restarted) / 1000;
    const found = await query<{ code: string }>(replica.url, 'SELECT code FROM units WHERE code = ANY($1)', [acknowledged]);
    const lost = acknowledged.length - found.length;
    const after = await signInOverHttp(server.baseUrl, 'admin', PASSWORD);
    const writeAfter = await createUnit(server, after, provinceId, 'FO-AFTER');
    figures.failover_acknowledged = acknowledged.length;
    figures.failover_attempted = attempted;
    figures.failover_lost = lost;
    figures.failover_promote_s = round(promotedS);
    figures.failover_app_restart_s = round(restartS);
    console.log(
      `4. ${acknowledged.length} writes acknowledged of ${attempted} sent before the primary crashed; replica promoted ${round(promotedS)} s after the crash; the app on the promoted server answered in ${round(restartS)} s; acknowledged writes lost: ${lost}; a new write answered ${writeAfter}`,
    );
    if (lost > 0) problems.push(`${lost} acknowledged writes lost in the failover`);
    if (writeAfter !== 201) problems.push(`the app could not write after the failover (${writeAfter})`);
  } finally {
    if (server) await kill9(server);
    for (const cluster of [replica, primary]) {
      if (cluster) await asPostgres(bin, 'pg_ctl', ['-D', cluster.dir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    await rm(base, { recursive: true, force: true });
  }
  const loadAtEnd = loadavg()[0] ?? 0;
  console.log(problems.length === 0 ? 'drill passed' : `drill FAILED:\n  ${problems.join('\n  ')}`);
  console.log(
    JSON.stringify({
      bench: 'replica-drill',
      ...figures,
      problems: problems.length,
      load_start: round(loadAtStart),
      load_end: round(loadAtEnd),
    }),
  );
  if (problems.length > 0) process.exitCode = 1;
}
