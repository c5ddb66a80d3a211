import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './platform/db/client';
import { consoleText } from './platform/console-text';
import { loadDemoIfEmpty } from './demo/demo-load-state';
import { prepareDatabase } from './prepare-database';
import { createUnitAsSystem } from '../../test/helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database';

async function count(db: Database, table: string): Promise<number> {
  const rows = await db.execute<{ count: number }>(sql`SELECT count(*) AS count FROM ${sql.identifier(table)}`);
  return Number(rows.rows[0]!.count);
}

/** A stand-in demo: writes a unit and an audit row, then fails if asked to, as a crash part-way would. */
function demoThat(outcome: 'fails' | 'succeeds') {
  return async (db: Database) => {
    await createUnitAsSystem(db, 'DEMO1', 'Đảng bộ mẫu', 'province_committee', null);
    if (outcome === 'fails') throw new Error('Không đọc được tệp đơn vị hành chính');
    return 'nạp xong';
  };
}

describe('a demo load that stops part-way (the database the tests run on)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.cleanup());

  it('is cleared on the next start and loaded again in full', async () => {
    await expect(loadDemoIfEmpty(database.db, { load: demoThat('fails') })).rejects.toThrow('Không đọc được');
    expect(await count(database.db, 'units')).toBe(1);
    expect(await count(database.db, 'demo_load_state')).toBe(1);

    const told: string[] = [];
    const loaded = await loadDemoIfEmpty(database.db, { load: demoThat('succeeds'), onClearing: () => told.push('clearing') });
    expect(loaded).toBe('nạp xong');
    expect(told).toEqual(['clearing']);
    const units = await database.db.execute<{ code: string; id: number }>(sql`SELECT code, id FROM units`);
    // One unit, numbered from 1 again: the half-made one is gone, not kept beside the new one.
    expect(units.rows.map((row) => [row.code, Number(row.id)])).toEqual([['DEMO1', 1]]);
    expect(await count(database.db, 'demo_load_state')).toBe(0);
    // Reference rows are back after the clearing.
    expect(await count(database.db, 'legal_bases')).toBeGreaterThanOrEqual(2);
    // The audit log still refuses TRUNCATE outside this clearing.
    await expect(database.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
  });

  it('leaves a database that already holds data alone', async () => {
    expect(await loadDemoIfEmpty(database.db, { load: demoThat('succeeds') })).toBeNull();
    expect(await count(database.db, 'units')).toBe(1);
  });
});

describe('a first start on the embedded database', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'noiguong-first-start-'));
  const dataDir = path.join(parent, 'data');
  const options = { config: { databaseUrl: undefined, dataDir }, text: consoleText({ LANG: 'vi_VN.UTF-8' }), log: () => {} };

  it('that fails part-way leaves no data folder, and the next start makes a whole one', async () => {
    await expect(prepareDatabase({ ...options, loadDemo: demoThat('fails') })).rejects.toThrow('Không đọc được');
    expect(readdirSync(parent)).toEqual([]);

    const { handle, loaded } = await prepareDatabase({ ...options, loadDemo: demoThat('succeeds') });
    try {
      expect(loaded).toBe('nạp xong');
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
      // No staging folder left; the open database's lock lies beside its folder.
      expect(readdirSync(parent)).toEqual(['data', 'data.lock']);
      expect(await count(handle.db, 'units')).toBe(1);
    } finally {
      await handle.close();
    }
    // A later start opens the same folder and loads nothing.
    const again = await prepareDatabase({ ...options, loadDemo: demoThat('succeeds') });
    expect(again.loaded).toBeNull();
    expect(await count(again.handle.db, 'units')).toBe(1);
    await again.handle.close();
    // Three embedded databases created and migrated on disk: slow on a busy two-core machine, not a failure.
  }, 180_000);

  it('refuses a data folder that holds other files, in Vietnamese, and touches nothing', async () => {
    const foreign = mkdtempSync(path.join(tmpdir(), 'noiguong-foreign-'));
    await import('node:fs/promises').then((fs) => fs.writeFile(path.join(foreign, 'ghi-chu.txt'), 'không phải CSDL'));
    await expect(prepareDatabase({ ...options, config: { databaseUrl: undefined, dataDir: foreign }, loadDemo: null })).rejects.toThrow(
      /không phải cơ sở dữ liệu/,
    );
    expect(readdirSync(foreign)).toEqual(['ghi-chu.txt']);
  });
});

describe('console language', () => {
  it('speaks Vietnamese by default and English when the locale asks, with role names for people', () => {
    expect(consoleText({ LANG: 'C.UTF-8' }).running(3000, 'PostgreSQL')).toContain('NoiGuong đang chạy tại http://localhost:3000');
    expect(consoleText({ LANG: 'C.UTF-8' }).role('officer')).toBe('Cán bộ phụ trách');
    expect(consoleText({ LANG: 'en_US.UTF-8' }).running(3000, 'PostgreSQL')).toContain('NoiGuong is running on');
    expect(consoleText({ LANG: 'vi_VN.UTF-8', LC_ALL: 'en_GB.UTF-8' }).role('officer')).toBe('Officer');
  });
});
