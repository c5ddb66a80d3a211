import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../src/server/platform/db/client';

const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'noiguong-durable-')), 'data');
let handle: DbHandle;

beforeAll(async () => {
  handle = await openDatabase({ dataDir });
  await handle.db.execute(sql`CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)`);
});
afterAll(async () => {
  await handle.close();
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

describe('the embedded database in a folder', () => {
  it('flushes what a commit wrote to disk before it acknowledges it', async () => {
    const before = await handle.flushCount();
    await handle.db.execute(sql`INSERT INTO notes (body) VALUES ('một')`);
    const afterInsert = await handle.flushCount();
    expect(afterInsert).toBeGreaterThan(before);
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO notes (body) VALUES ('hai')`);
      await tx.execute(sql`INSERT INTO notes (body) VALUES ('ba')`);
    });
    expect(await handle.flushCount()).toBeGreaterThan(afterInsert);
    const rows = await handle.db.execute<{ body: string }>(sql`SELECT body FROM notes ORDER BY id`);
    expect(rows.rows.map((row) => row.body)).toEqual(['một', 'hai', 'ba']);
  });

  it('does not flush for a read', async () => {
    await handle.db.execute(sql`SELECT count(*) FROM notes`);
    const before = await handle.flushCount();
    await handle.db.execute(sql`SELECT body FROM notes`);
    expect(await handle.flushCount()).toBe(before);
  });

  it('keeps acknowledged writes across a reopen', async () => {
    await handle.close();
    handle = await openDatabase({ dataDir });
    const rows = await handle.db.execute<{ count: number }>(sql`SELECT count(*) AS count FROM notes`);
    expect(Number(rows.rows[0]!.count)).toBe(3);
  });
});
