import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/test-database';
import { runAdminStatement, testDatabaseUrl, urlForDatabase } from './helpers/database-image';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { startServerProcess } from './helpers/server-process';

/** WORKERS needs PostgreSQL: the embedded database lives inside one process. */
const baseUrl = testDatabaseUrl();
let database: TestDatabase | undefined;

beforeAll(async () => {
  if (baseUrl) database = await createTestDatabase();
});
afterAll(async () => {
  await database?.cleanup();
});

describe('several HTTP processes (WORKERS) on PostgreSQL', () => {
  it('serve the same port, answer, and all stop on SIGTERM', async ({ skip }) => {
    if (!baseUrl || !database) skip('needs TEST_DATABASE_URL');
    const name = (await database!.pool.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
    const server = await startServerProcess(urlForDatabase(baseUrl!, name), { workers: 2 });
    let code: number | null;
    try {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          fetch(`${server.baseUrl}/api/health`).then((response) => response.json() as Promise<{ database: string }>),
        ),
      );
      expect(answers.every((answer) => answer.database === 'postgres')).toBe(true);
      expect(server.output.join('\n')).toContain('2 tiến trình');
    } finally {
      code = await server.stop();
    }
    expect(code).toBe(0);
    // Nothing answers on the port any more: the workers stopped with the first process.
    expect(
      await fetch(`${server.baseUrl}/api/health`).then(
        () => 'answered',
        () => 'refused',
      ),
    ).toBe('refused');
  }, 60_000);
});

describe('separate app processes starting at once on PostgreSQL', () => {
  it('migrate an empty database once, one after the other, and both serve', async ({ skip }) => {
    if (!baseUrl) skip('needs TEST_DATABASE_URL');
    const name = `noiguong_test_start_${randomBytes(4).toString('hex')}`;
    await runAdminStatement(baseUrl!, `CREATE DATABASE ${name}`);
    const url = urlForDatabase(baseUrl!, name);
    const servers = await Promise.allSettled([startServerProcess(url, { workers: 1 }), startServerProcess(url, { workers: 1 })]);
    try {
      // Without the start-up lock the second process's migration collides with the first's and it exits.
      expect(servers.map((server) => (server.status === 'fulfilled' ? 'served' : String(server.reason)))).toEqual(['served', 'served']);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const applied = await client.query<{ hash: string; times: number }>(
          'SELECT hash, count(*)::int AS times FROM drizzle.__drizzle_migrations GROUP BY hash',
        );
        expect(applied.rows.length).toBeGreaterThan(10);
        expect(applied.rows.every((row) => row.times === 1)).toBe(true);
      } finally {
        await client.end();
      }
    } finally {
      await Promise.all(servers.map((server) => (server.status === 'fulfilled' ? server.value.stop() : null)));
      await runAdminStatement(baseUrl!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }, 120_000);
});
