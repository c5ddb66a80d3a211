import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/test-database';
import { testDatabaseUrl, urlForDatabase } from './helpers/database-image';

/** WORKERS needs PostgreSQL: the embedded database lives inside one process. */
const baseUrl = testDatabaseUrl();
let database: TestDatabase | undefined;

beforeAll(async () => {
  if (baseUrl) database = await createTestDatabase();
});
afterAll(async () => {
  await database?.cleanup();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('several HTTP processes (WORKERS) on PostgreSQL', () => {
  it('serve the same port, answer, and all stop on SIGTERM', async ({ skip }) => {
    if (!baseUrl || !database) skip('needs TEST_DATABASE_URL');
    const name = (await database!.pool.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, DATABASE_URL: urlForDatabase(baseUrl!, name), PORT: String(port), HOST: '127.0.0.1', WORKERS: '2', NOIGUONG_NO_DEMO: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let healthy = false;
      for (let attempt = 0; attempt < 120 && !healthy; attempt++) {
        healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.ok, () => false);
        if (!healthy) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(healthy, output).toBe(true);
      const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.json() as Promise<{ database: string }>)));
      expect(answers.every((answer) => answer.database === 'postgres')).toBe(true);
      expect(output).toContain('2 processes');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // Nothing answers on the port any more: the workers stopped with the first process.
    expect(await fetch(`http://127.0.0.1:${port}/api/health`).then(() => 'answered', () => 'refused')).toBe('refused');
  }, 60_000);
});
