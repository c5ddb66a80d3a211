import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import { REPLICAS_NEED_POSTGRES } from '../src/server/platform/db/client';
import { formatLsn, isPlainRead, parseLsn } from '../src/server/platform/db/read-routing';
import { postgresProbes, ReplicaSet, routeReadsThrough, type ReplicaProbes } from '../src/server/platform/db/replicas';
import { mayReadReplica, WROTE_COOKIE } from '../src/server/platform/http/read-routing-hook';
import { prepareDatabase } from '../src/server/prepare-database';
import { consoleText } from '../src/server/platform/console-text';
import { addUser, seedSmallTree } from './helpers/fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-database';
import { testDatabaseUrl, urlForDatabase } from './helpers/database-image';

describe('the rule of which server answers', () => {
  it('reads WAL positions as PostgreSQL writes them', () => {
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(formatLsn(parseLsn('0/3000148')!)).toBe('0/3000148');
    expect(parseLsn('garbage')).toBeNull();
    expect(parseLsn(undefined)).toBeNull();
  });

  it('lets a replica answer plain reads only', () => {
    expect(isPlainRead('select "id" from "units" where "id" = $1')).toBe(true);
    expect(isPlainRead('WITH t AS (SELECT 1) SELECT * FROM t')).toBe(true);
    expect(isPlainRead('insert into units values ($1)')).toBe(false);
    expect(isPlainRead('WITH moved AS (UPDATE units SET name = $1 RETURNING id) SELECT * FROM moved')).toBe(false);
    expect(isPlainRead('select * from units where id = $1 for update')).toBe(false);
    expect(isPlainRead("select nextval('units_id_seq')")).toBe(false);
    expect(isPlainRead('begin')).toBe(false);
  });

  it('sends lists (also of a record), exports, documents and public pages to a replica; a record by its id, own state and writes to the primary', () => {
    expect(mayReadReplica('GET', '/api/units')).toBe(true);
    expect(mayReadReplica('GET', '/api/programme-figures')).toBe(true);
    expect(mayReadReplica('GET', '/api/exports/registrations')).toBe(true);
    expect(mayReadReplica('GET', '/api/plans/:id/document')).toBe(true);
    expect(mayReadReplica('GET', '/api/standards/overview/export')).toBe(true);
    expect(mayReadReplica('GET', '/cong-khai/:unitCode')).toBe(true);
    expect(mayReadReplica('GET', '/api/units/:id/children')).toBe(true);
    expect(mayReadReplica('GET', '/api/units/:id')).toBe(false);
    expect(mayReadReplica('GET', '/api/report-answers/:id')).toBe(false);
    expect(mayReadReplica('GET', '/api/auth/me')).toBe(false);
    expect(mayReadReplica('GET', '/api/registrations/mine')).toBe(false);
    expect(mayReadReplica('POST', '/api/units')).toBe(false);
    expect(mayReadReplica('POST', '/cong-khai/:unitCode/phan-anh')).toBe(false);
    expect(mayReadReplica('GET', '/api/units/:id', 'replica')).toBe(true);
    expect(mayReadReplica('GET', '/api/units', 'primary')).toBe(false);
  });

  it('measures a replica lag by when the primary was where the replica is now', async () => {
    let clock = 0;
    let primary = 100n;
    let replayed = 100n;
    const probes: ReplicaProbes = { primaryPosition: async () => primary, replayedPosition: async () => replayed };
    const set = new ReplicaSet({} as pg.Pool, ['postgres://127.0.0.1:1/none'], {
      maxLagSeconds: 30,
      pollMs: 1000,
      probes,
      now: () => clock,
    });
    try {
      await set.refresh();
      expect(set.status()[0]).toMatchObject({ healthy: true, lagSeconds: 0 });
      // The primary moves on and the replica stays: it lags by the time since the primary was at 100.
      clock = 4000;
      primary = 200n;
      await set.refresh();
      clock = 12_000;
      primary = 300n;
      await set.refresh();
      expect(set.status()[0]!.lagSeconds).toBe(12);
      expect(set.choose(null)).not.toBeNull();
      // A caller who wrote at 150 is not served by a replica that has replayed only 100.
      expect(set.choose(150n)).toBeNull();
      replayed = 200n;
      await set.refresh();
      expect(set.status()[0]!.lagSeconds).toBe(8);
      expect(set.choose(150n)).not.toBeNull();
      // Too far behind: no reads until it catches up.
      clock = 50_000;
      primary = 400n;
      await set.refresh();
      expect(set.status()[0]).toMatchObject({ healthy: false });
      expect(set.choose(null)).toBeNull();
      replayed = 400n;
      await set.refresh();
      expect(set.status()[0]).toMatchObject({ healthy: true, lagSeconds: 0 });
    } finally {
      await set.close();
    }
  });

  it('refuses replicas without a PostgreSQL primary, before creating anything', async () => {
    await expect(
      prepareDatabase({
        config: { databaseUrl: undefined, dataDir: '.tmp/never-created', replicaUrls: ['postgres://127.0.0.1/x'] },
        text: consoleText(),
        loadDemo: null,
      }),
    ).rejects.toThrow(REPLICAS_NEED_POSTGRES);
  });
});

/**
 * The app on a primary and a "replica" that is a second database on the same server, whose rows
 * differ on purpose: what a response shows tells which one answered. The same server also makes
 * the real WAL positions comparable.
 */
const baseUrl = testDatabaseUrl();

describe('reads routed over PostgreSQL', () => {
  let primary: TestDatabase;
  let replica: TestDatabase;
  let tree: Awaited<ReturnType<typeof seedSmallTree>>;
  let replicaUrl: string;

  beforeAll(async () => {
    if (!baseUrl) return;
    primary = await createTestDatabase();
    replica = await createTestDatabase();
    tree = await seedSmallTree(primary.db);
    await seedSmallTree(replica.db);
    await addUser(primary.db, 'root', [{ unitId: tree.R.id, role: 'admin' }]);
    await replica.db.execute(sql`UPDATE units SET name = name || ' (bản sao)'`);
    const name = (await replica.pool.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
    replicaUrl = urlForDatabase(baseUrl, name);
  });
  afterAll(async () => {
    await primary?.cleanup();
    await replica?.cleanup();
  });

  /** An app whose primary pool reads through `set`; the pool's routing is undone by `close`. */
  async function appWith(set: ReplicaSet): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
    const original = primary.pool.query;
    routeReadsThrough(primary.pool, set);
    const app = await buildApp({
      db: primary.db,
      config: { ...loadConfig({}), dataDir: '.tmp/test-data' },
      dbKind: 'postgres',
      replication: { pool: primary.pool, replicas: set },
    });
    await app.ready();
    return {
      app,
      close: async () => {
        await app.close();
        await set.close();
        primary.pool.query = original;
      },
    };
  }

  async function signIn(app: FastifyInstance) {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'root', password: 'MatKhau@123' } });
    expect(response.statusCode).toBe(200);
    return {
      ng_session: response.cookies.find((cookie) => cookie.name === 'ng_session')!.value,
      csrf: (response.json() as { csrfToken: string }).csrfToken,
    };
  }

  const unitNames = (body: string) => (JSON.parse(body) as { items: Array<{ name: string }> }).items.map((unit) => unit.name);

  it('answers lists from the replica, a record and the session from the primary, and writes on the primary', async ({ skip }) => {
    if (!baseUrl) skip('needs TEST_DATABASE_URL');
    const set = new ReplicaSet(primary.pool, [replicaUrl], { maxLagSeconds: 30, pollMs: 60_000 });
    await set.refresh();
    const { app, close } = await appWith(set);
    try {
      // The session exists on the primary only: a list answered at all proves it was looked up there.
      const { ng_session, csrf } = await signIn(app);
      const list = await app.inject({ method: 'GET', url: '/api/units?pageSize=50', cookies: { ng_session } });
      expect(list.statusCode).toBe(200);
      expect(unitNames(list.body)).toContain('Chi bộ Khu phố 1 (bản sao)');
      expect(list.headers['x-read-from']).toBe('replica');
      expect(list.headers['x-data-lag-seconds']).toBe('0');
      // Caught up: nothing for the page to say.
      expect(list.headers['x-data-stale-seconds']).toBeUndefined();

      const record = await app.inject({ method: 'GET', url: `/api/units/${tree.C1.id}`, cookies: { ng_session } });
      expect(record.statusCode).toBe(200);
      expect((record.json() as { name: string }).name).toBe('Chi bộ Khu phố 1');
      expect(record.headers['x-read-from']).toBeUndefined();

      const rename = await app.inject({
        method: 'PATCH',
        url: `/api/units/${tree.C1.id}`,
        cookies: { ng_session },
        headers: { 'x-csrf-token': csrf },
        payload: { name: 'Chi bộ Khu phố Một', version: (record.json() as { version: number }).version },
      });
      expect(rename.statusCode).toBe(200);
      const stored = await primary.pool.query<{ name: string }>('SELECT name FROM units WHERE id = $1', [tree.C1.id]);
      expect(stored.rows[0]!.name).toBe('Chi bộ Khu phố Một');
      const untouched = await replica.pool.query<{ name: string }>('SELECT name FROM units WHERE id = $1', [tree.C1.id]);
      expect(untouched.rows[0]!.name).toBe('Chi bộ Khu phố 1 (bản sao)');
      // The browser now carries the primary's position after its write.
      const wrote = rename.cookies.find((cookie) => cookie.name === WROTE_COOKIE);
      expect(parseLsn(wrote?.value)).not.toBeNull();

      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect((health.json() as { replicas: Array<{ healthy: boolean }> }).replicas).toEqual([
        expect.objectContaining({ name: 'replica 1', healthy: true }),
      ]);
    } finally {
      await close();
    }
  });

  it('serves the reads of a browser that just wrote from the primary until a replica has replayed its write', async ({ skip }) => {
    if (!baseUrl) skip('needs TEST_DATABASE_URL');
    let frozen: bigint | null = null;
    // The replica's replayed position is held where it was before the write, then let go.
    const probes: ReplicaProbes = {
      primaryPosition: postgresProbes.primaryPosition,
      replayedPosition: async (pool) => frozen ?? (await postgresProbes.replayedPosition(pool)),
    };
    const set = new ReplicaSet(primary.pool, [replicaUrl], { maxLagSeconds: 30, pollMs: 60_000, probes });
    await set.refresh();
    frozen = (await postgresProbes.primaryPosition(primary.pool))!;
    await set.refresh();
    const { app, close } = await appWith(set);
    try {
      const { ng_session, csrf } = await signIn(app);
      const record = await app.inject({ method: 'GET', url: `/api/units/${tree.C2.id}`, cookies: { ng_session } });
      const rename = await app.inject({
        method: 'PATCH',
        url: `/api/units/${tree.C2.id}`,
        cookies: { ng_session },
        headers: { 'x-csrf-token': csrf },
        payload: { name: 'Chi bộ Khu phố Hai', version: (record.json() as { version: number }).version },
      });
      expect(rename.statusCode).toBe(200);
      const wrote = rename.cookies.find((cookie) => cookie.name === WROTE_COOKIE)!.value;
      await set.refresh();

      const own = await app.inject({ method: 'GET', url: '/api/units?pageSize=50', cookies: { ng_session, [WROTE_COOKIE]: wrote } });
      expect(own.headers['x-read-from']).toBeUndefined();
      expect(unitNames(own.body)).toContain('Chi bộ Khu phố Hai');
      const other = await app.inject({ method: 'GET', url: '/api/units?pageSize=50', cookies: { ng_session } });
      expect(other.headers['x-read-from']).toBe('replica');

      frozen = null;
      await set.refresh();
      const caughtUp = await app.inject({ method: 'GET', url: '/api/units?pageSize=50', cookies: { ng_session, [WROTE_COOKIE]: wrote } });
      expect(caughtUp.headers['x-read-from']).toBe('replica');
    } finally {
      await close();
    }
  });

  it('falls back to the primary without an error when a replica stops answering', async ({ skip }) => {
    if (!baseUrl) skip('needs TEST_DATABASE_URL');
    // The monitor still believes the replica is well; its server is gone (nothing listens on port 1).
    const probes: ReplicaProbes = { primaryPosition: postgresProbes.primaryPosition, replayedPosition: async () => 0xffffffffffn };
    const set = new ReplicaSet(primary.pool, ['postgres://postgres@127.0.0.1:1/gone'], { maxLagSeconds: 30, pollMs: 60_000, probes });
    await set.refresh();
    const { app, close } = await appWith(set);
    try {
      const { ng_session } = await signIn(app);
      const list = await app.inject({ method: 'GET', url: '/api/units?pageSize=50', cookies: { ng_session } });
      expect(list.statusCode).toBe(200);
      expect(unitNames(list.body)).toContain('Chi bộ thôn Phú Lộc');
      expect(list.headers['x-read-from']).toBeUndefined();
      expect(set.status()[0]).toMatchObject({ healthy: false });
      const again = await app.inject({ method: 'GET', url: '/api/units?pageSize=50', cookies: { ng_session } });
      expect(again.statusCode).toBe(200);
    } finally {
      await close();
    }
  });

  it('says how stale a page may be when its replica lags', async ({ skip }) => {
    if (!baseUrl) skip('needs TEST_DATABASE_URL');
    let clock = 0;
    let position = 1000n;
    const probes: ReplicaProbes = { primaryPosition: async () => position, replayedPosition: async () => 1000n };
    const set = new ReplicaSet(primary.pool, [replicaUrl], { maxLagSeconds: 30, pollMs: 60_000, probes, now: () => clock });
    await set.refresh();
    clock = 12_000;
    position = 2000n;
    await set.refresh();
    const { app, close } = await appWith(set);
    try {
      const { ng_session } = await signIn(app);
      const list = await app.inject({ method: 'GET', url: '/api/units?pageSize=5', cookies: { ng_session } });
      expect(list.headers['x-data-lag-seconds']).toBe('12');
      expect(list.headers['x-data-stale-seconds']).toBe('12');
      const page = await app.inject({ method: 'GET', url: '/guong-dien-hinh' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['x-read-from']).toBe('replica');
      expect(page.body).toContain('chậm khoảng 12 giây');
    } finally {
      await close();
    }
  });
});
