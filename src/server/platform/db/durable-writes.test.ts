import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from './client';

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
    const before = await handle.flushCounts();
    await handle.db.execute(sql`INSERT INTO notes (body) VALUES ('một')`);
    const afterInsert = await handle.flushCounts();
    expect(afterInsert.files).toBeGreaterThan(before.files);
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO notes (body) VALUES ('hai')`);
      await tx.execute(sql`INSERT INTO notes (body) VALUES ('ba')`);
    });
    expect((await handle.flushCounts()).files).toBeGreaterThan(afterInsert.files);
    const rows = await handle.db.execute<{ body: string }>(sql`SELECT body FROM notes ORDER BY id`);
    expect(rows.rows.map((row) => row.body)).toEqual(['một', 'hai', 'ba']);
  });

  it('flushes the folder that lists a new file, and only then', async () => {
    const before = await handle.flushCounts();
    await handle.db.execute(sql`INSERT INTO notes (body) VALUES ('bốn')`);
    const afterInsert = await handle.flushCounts();
    expect(afterInsert.directories).toBe(before.directories);
    // A new table is a new file in the database's folder.
    await handle.db.execute(sql`CREATE TABLE more_notes (id serial PRIMARY KEY, body text)`);
    expect((await handle.flushCounts()).directories).toBeGreaterThan(afterInsert.directories);
    await handle.db.execute(sql`DELETE FROM notes WHERE body = 'bốn'`);
  });

  it('does not flush for a read', async () => {
    await handle.db.execute(sql`SELECT count(*) FROM notes`);
    const before = await handle.flushCounts();
    await handle.db.execute(sql`SELECT body FROM notes`);
    expect(await handle.flushCounts()).toEqual(before);
  });

  it('keeps acknowledged writes across a reopen', async () => {
    await handle.close();
    handle = await openDatabase({ dataDir });
    const rows = await handle.db.execute<{ count: number }>(sql`SELECT count(*) AS count FROM notes`);
    expect(Number(rows.rows[0]!.count)).toBe(3);
  });
});
