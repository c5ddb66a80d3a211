import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/test-database';
import { testDatabaseUrl, urlForDatabase } from './helpers/database-image';
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
      const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${server.baseUrl}/api/health`).then((response) => response.json() as Promise<{ database: string }>)));
      expect(answers.every((answer) => answer.database === 'postgres')).toBe(true);
      expect(server.output.join('\n')).toContain('2 tiến trình');
    } finally {
      code = await server.stop();
    }
    expect(code).toBe(0);
    // Nothing answers on the port any more: the workers stopped with the first process.
    expect(await fetch(`${server.baseUrl}/api/health`).then(() => 'answered', () => 'refused')).toBe('refused');
  }, 60_000);
});
