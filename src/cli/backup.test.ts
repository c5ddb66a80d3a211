import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../server/platform/db/client';
import { migrateDatabase } from '../server/platform/db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database';
import { runAdminStatement, testDatabaseUrl, urlForDatabase } from '../../test/helpers/database-image';
import { addPerson, addUser, seedSmallTree } from '../../test/helpers/fixtures';
import { backupDatabase, DUMP_FORMAT_LINE, quoteLiteral, restoreDatabase, splitDump, STATEMENT_END } from '../server/platform/db/backup';
import { backupScheduleFrom, writeScheduledBackup } from '../server/platform/db/scheduled-backups';
import { systemActor } from '../server/platform/auth/policy';
import { getSubtreeFigures } from '../server/modules/figures/figures.service';
import { getProgrammeFigures } from '../server/modules/figures/programme-figures.service';
import { getRegistrationFigures } from '../server/modules/figures/registration-figures.service';

const run = promisify(execFile);

/** A brand-new database with no tables at all: what restore expects. */
async function createEmptyDatabase(engine: 'default' | 'pglite' = 'default'): Promise<TestDatabase> {
  const baseUrl = testDatabaseUrl();
  if (baseUrl && engine === 'default') {
    const name = `noiguong_restore_${randomBytes(6).toString('hex')}`;
    // template0 is guaranteed pristine; template1 may have been given objects by an administrator.
    await runAdminStatement(baseUrl, `CREATE DATABASE ${name} TEMPLATE template0`);
    const handle = await openDatabase({ databaseUrl: urlForDatabase(baseUrl, name) });
    return {
      ...handle,
      cleanup: async () => {
        await handle.close();
        await runAdminStatement(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const handle = await openDatabase({ dataDir: null });
  return { ...handle, cleanup: () => handle.close() };
}

type TableName = { schema: string; name: string };

async function tablesOf(handle: DbHandle): Promise<TableName[]> {
  const result = await handle.pool.query<TableName>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_schema IN ('public', 'drizzle') AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
  );
  return result.rows;
}

/** Every row of a table as JSON text, timestamps in UTC, sorted so that two databases compare. */
async function rowsOf(handle: DbHandle, table: TableName): Promise<string[]> {
  const client = await handle.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL TimeZone = 'UTC'`);
    const result = await client.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${table.schema}"."${table.name}" t`);
    await client.query('COMMIT');
    return result.rows.map((r) => r.row).sort();
  } finally {
    client.release();
  }
}

/** The parts of the schema a restore must reproduce: columns, constraints, indexes, triggers. */
async function schemaOf(handle: DbHandle): Promise<string[]> {
  const result = await handle.pool.query<{ line: string }>(
    `SELECT format('column %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, coalesce(column_default, '')) AS line
       FROM information_schema.columns WHERE table_schema IN ('public', 'drizzle')
     UNION ALL
     SELECT format('constraint %s %s %s', conrelid::regclass::text, conname, pg_get_constraintdef(oid))
       FROM pg_constraint WHERE connamespace IN ('public'::regnamespace, 'drizzle'::regnamespace)
        -- PostgreSQL 18 lists NOT NULL as constraints too; nullability is compared with the columns.
        AND contype <> 'n'
     UNION ALL
     SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname IN ('public', 'drizzle')
     UNION ALL
     SELECT format('trigger %s %s', tgrelid::regclass::text, pg_get_triggerdef(oid)) FROM pg_trigger WHERE NOT tgisinternal
     UNION ALL
     SELECT format('extension %s', extname) FROM pg_extension`,
  );
  return result.rows.map((r) => r.line).sort();
}

async function sequencesOf(handle: DbHandle): Promise<Record<string, string>> {
  const names = await handle.pool.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'S' AND n.nspname IN ('public', 'drizzle') ORDER BY 1`,
  );
  const values: Record<string, string> = {};
  for (const { name } of names.rows) {
    const value = await handle.pool.query<{ state: string }>(`SELECT format('%s/%s', last_value, is_called) AS state FROM ${name}`);
    values[name] = value.rows[0]!.state;
  }
  return values;
}

/**
 * What the dashboards show, read through the figures services as the API answers them: the
 * subtree, programme and registration figures of every top-level unit and of each of its children
 * (each answer lists its children's figures too), as of fixed days and years.
 */
async function dashboardFiguresOf(handle: DbHandle): Promise<unknown[]> {
  const units = await handle.pool.query<{ id: number; path: string; depth: number }>(
    `SELECT id, path::text AS path, depth FROM units WHERE depth <= 1 AND valid_to IS NULL ORDER BY path`,
  );
  const roots = units.rows.filter((unit) => unit.depth === 0);
  const actor = {
    ...systemActor(),
    grants: roots.map((root) => ({
      id: 0,
      unitId: Number(root.id),
      unitCode: '',
      unitName: '',
      unitPath: root.path,
      role: 'admin' as const,
    })),
  };
  const figures: unknown[] = [];
  for (const unit of units.rows) {
    const id = Number(unit.id);
    figures.push({ id, subtree: await getSubtreeFigures(handle.db, actor, id, '2026-06-30') });
    for (const year of [2025, 2026]) {
      figures.push({
        id,
        year,
        programme: await getProgrammeFigures(handle.db, actor, id, year),
        registration: await getRegistrationFigures(handle.db, actor, id, year),
      });
    }
  }
  return figures;
}

async function expectSameContent(source: DbHandle, target: DbHandle): Promise<void> {
  const tables = await tablesOf(source);
  expect(await tablesOf(target)).toEqual(tables);
  for (const table of tables) {
    expect({ table, rows: await rowsOf(target, table) }).toEqual({ table, rows: await rowsOf(source, table) });
  }
  expect(await schemaOf(target)).toEqual(await schemaOf(source));
  expect(await sequencesOf(target)).toEqual(await sequencesOf(source));
  // Equal rows should give equal dashboards; this shows it through the code that computes them.
  const figures = await dashboardFiguresOf(source);
  expect(figures.length).toBeGreaterThan(10);
  expect(await dashboardFiguresOf(target)).toEqual(figures);
}

/** Text that breaks naive dumps: quotes, backslashes, line breaks, the statement marker itself. */
const TRICKY_ADDRESS = `Số 12 "Hẻm" O'Brien\\Kiệt 3\nPhường Vĩnh Hải,\r\n\tNha Trang\n${STATEMENT_END}\n'); DROP TABLE units; --`;

/**
 * Data through the services (units, people, accounts, audit entries, figures) and straight SQL
 * for what the services would never write: out-of-order ids, a 700-deep chain, odd values.
 */
async function fillWithTrickyData(database: DbHandle): Promise<void> {
  const tree = await seedSmallTree(database.db);
  await addPerson(database.db, tree.C1.path, {
    fullName: 'Nguyễn Thị Ánh Tuyết',
    unitId: tree.C1.id,
    cardNumber: '12.345.678',
    isHead: true,
    position: 'secretary',
  });
  await addPerson(database.db, tree.C3.path, {
    fullName: "Trần Văn D'Artagnan",
    unitId: tree.C3.id,
    idNumber: '048090001234',
    category: 'civil_servant',
    position: 'staff',
  });
  await addUser(database.db, 'quantri', [{ unitId: tree.R.id, role: 'admin' }], 'Quản trị "Tỉnh"');
  const pool = database.pool;
  // A child whose id is lower than its parent's: rows must be inserted parents first, not by id.
  await pool.query(
    `INSERT INTO units (id, code, name, search_text, sort_key, kind, parent_id, path, depth, valid_from, valid_to, closed_reason, successor_ids, created_at, updated_at) VALUES
       (1000, 'X', 'Đảng bộ "Khối" O''Neil \\ thử', 'dang bo khoi', 'x', 'province_committee', NULL, '1000', 0, '2025-01-01', NULL, NULL, '{}', '2025-01-01 08:00:00.123456+07', now()),
       (990, 'X1', E'Chi bộ\\nhai dòng', 'chi bo', 'x1', 'cell', 1000, '1000.990', 1, '2025-01-02', '2025-12-31', E'Sáp nhập vào\\t"X2"', '{995,1000}', '2024-12-31 23:59:59.999999-05', now()),
       (995, 'X2', 'Chi bộ 🇻🇳 mới', '', 'x2', 'cell', 990, '1000.990.995', 2, '2025-01-03', NULL, '', '{}', '2025-06-30 17:00:00+00', now())`,
  );
  // A 700-deep chain in descending id order: more than one fetch and one INSERT per table.
  await pool.query(
    `INSERT INTO units (id, code, name, search_text, sort_key, kind, parent_id, path, depth, valid_from)
     SELECT 3000 - i, 'CHAIN-' || i, 'Chuỗi ' || i, 'chuoi', 'c', 'cell', CASE WHEN i = 0 THEN 1000 ELSE 3000 - i + 1 END,
            ('1000.c' || i)::ltree, i + 1, '2025-02-01'
       FROM generate_series(0, 699) AS i`,
  );
  await pool.query(`SELECT setval('units_id_seq', 3000)`);
  await pool.query(
    `INSERT INTO persons (full_name, search_text, sort_key, sex, birth_date, category, card_number, id_number, admission_date, phone, email, address)
     VALUES ('Lê Thị Hồng "Bé"', 'le thi hong be', 'hong le thi', 'female', '1945-09-02', 'party_member', NULL, '079123456789', NULL, '', NULL, $1)`,
    [TRICKY_ADDRESS],
  );
  await pool.query(
    `INSERT INTO persons (full_name, search_text, sort_key, sex, category, address, created_at)
     SELECT 'Người thứ ' || i, 'nguoi thu ' || i, 'n' || i, CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END, 'party_member',
            CASE WHEN i % 3 = 0 THEN NULL ELSE 'Thôn ' || i || E'\\\\' || chr(1) END, timestamptz '2025-01-01 00:00:00+07' + i * interval '1 second'
       FROM generate_series(1, 1234) AS i`,
  );
  await pool.query(
    `INSERT INTO audit_log (actor_user_id, actor_name, action, entity_type, entity_id, unit_path, before, after, ip, request_id) VALUES
       (NULL, 'Hệ thống', 'unit.update', 'unit', '990', '1000.990', $1::jsonb, $2::jsonb, '::1', NULL)`,
    [
      JSON.stringify({ name: 'Tên "cũ"\nxuống dòng', path: 'C:\\thư mục\\', list: [1, 2.5, null, true, { deep: ['ă', 'â', 'đ'] }] }),
      '{"big": 12345678901234567890.123456789, "tiny": 1e-300, "emoji": "🇻🇳", "empty": {}, "arr": []}',
    ],
  );
  await pool.query(
    `INSERT INTO figure_counters (unit_id, metric, day, delta) VALUES (1000, 'members', '2025-01-01', 9007199254740993), (1000, 'members', '2025-01-02', -9007199254740993)`,
  );
  await pool.query(
    `INSERT INTO import_batches (id, kind, user_id, file_name, rows, summary, row_count, applied_at)
     VALUES ('lô-1', 'people', 1, 'Danh sách "đảng viên".xlsx', $1::bytea, '{"ok": 2}', 2, NULL)`,
    [Buffer.from([0x1f, 0x8b, 0x00, 0x27, 0x5c, 0xff, 0x0a, 0x00])],
  );
  await pool.query(
    `INSERT INTO login_throttle (key, failures, window_start, locked_until) VALUES ('user:quantri', 3, '2025-03-01 12:34:56.123456+07', NULL), ('ip:::1', 0, 'epoch', 'infinity')`,
  );
}

let source: TestDatabase;
let dump: string;

beforeAll(async () => {
  source = await createTestDatabase();
  await fillWithTrickyData(source);
  dump = await backupDatabase(source);
});
afterAll(() => source?.cleanup());

describe('backupDatabase', () => {
  it('writes a self-describing plain SQL file in one transaction', async () => {
    const journal = JSON.parse(await readFile('src/server/db/migrations/meta/_journal.json', 'utf8')) as {
      entries: Array<{ tag: string }>;
    };
    const lines = dump.split('\n');
    expect(lines[0]).toBe(DUMP_FORMAT_LINE);
    expect(dump).toContain(`-- Source: ${source.kind} (PostgreSQL `);
    expect(dump).toContain(`-- Schema version: ${journal.entries.at(-1)!.tag}\n`);
    expect(dump).toContain('CREATE EXTENSION IF NOT EXISTS "ltree";');
    expect(dump).toMatch(/\nBEGIN;\n[\s\S]*\nCOMMIT;\n/);
    // No data literal may span lines, or the splitter and psql's reading could be fooled.
    expect(dump).toContain("E'Chi bộ\\nhai dòng'");
    // 1,237 persons in INSERTs of at most 500 rows.
    expect(dump.match(/^INSERT INTO "public"\."persons"/gm)).toHaveLength(3);
    expect(dump).toContain('-- public.units: 709 rows');
  });

  it('quotes strings so they round-trip, whatever standard_conforming_strings says', async () => {
    const samples = ["O'Brien", 'a\\b', 'dòng 1\ndòng 2\r\n\tthụt', '\u0001\u007f', '\\x41', '', STATEMENT_END, '🇻🇳 Việt Nam'];
    const client = await source.pool.connect();
    try {
      for (const setting of ['on', 'off']) {
        await client.query('BEGIN');
        await client.query(`SET LOCAL standard_conforming_strings = ${setting}`);
        const result = await client.query<{ values: string[] }>(`SELECT ARRAY[${samples.map(quoteLiteral).join(', ')}]::text[] AS values`);
        await client.query('COMMIT');
        expect(result.rows[0]!.values).toEqual(samples);
      }
    } finally {
      client.release();
    }
    for (const sample of samples) expect(quoteLiteral(sample)).not.toMatch(/[\r\n]/);
  });
});

describe('restoreDatabase', () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await createEmptyDatabase();
    await restoreDatabase(target, dump);
  });
  afterAll(() => target?.cleanup());

  it('reproduces every table, row, index, trigger and sequence', async () => {
    await expectSameContent(source, target);
    const person = await target.pool.query<{ address: string }>(`SELECT address FROM persons WHERE full_name = 'Lê Thị Hồng "Bé"'`);
    expect(person.rows[0]!.address).toBe(TRICKY_ADDRESS);
  });

  it('leaves nothing for the migrator to do', async () => {
    const before = await rowsOf(target, { schema: 'drizzle', name: '__drizzle_migrations' });
    await migrateDatabase(target.db);
    expect(await rowsOf(target, { schema: 'drizzle', name: '__drizzle_migrations' })).toEqual(before);
  });

  it('gives new rows ids after the restored ones, and keeps the audit log append-only', async () => {
    const insert = `INSERT INTO units (code, name, search_text, sort_key, kind, path, depth, valid_from) VALUES ('NEW', 'Mới', 'moi', 'moi', 'cell', '1', 0, '2025-07-01') RETURNING id`;
    const restoredId = await target.pool.query<{ id: number }>(insert);
    expect(Number(restoredId.rows[0]!.id)).toBe(3001);
    const audit = await target.pool.query<{ id: number }>(
      `INSERT INTO audit_log (actor_name, action, entity_type, entity_id) VALUES ('x', 'y', 'z', '1') RETURNING id`,
    );
    const maxAudit = await source.pool.query<{ max: number }>('SELECT max(id) AS max FROM audit_log');
    expect(Number(audit.rows[0]!.id)).toBe(Number(maxAudit.rows[0]!.max) + 1);
    await expect(target.pool.query(`UPDATE audit_log SET action = 'sửa'`)).rejects.toThrow(/append-only/);
  });

  it('refuses a database that already has data, or tables, or a file that is not a backup', async () => {
    await expect(restoreDatabase(source, dump)).rejects.toThrow(/đã có dữ liệu/);
    const migrated = await createTestDatabase();
    try {
      await expect(restoreDatabase(migrated, dump)).rejects.toThrow(/không trống/);
    } finally {
      await migrated.cleanup();
    }
    await expect(restoreDatabase(target, 'DROP TABLE units;')).rejects.toThrow(/không phải bản sao lưu/);
  });

  it('leaves nothing behind when a statement fails', async () => {
    const broken = dump.replace('\n-- Sequences\n', `\n-- Sequences\nSELECT 1 / 0;\n${STATEMENT_END}\n`);
    expect(splitDump(broken).filter((sql) => sql.endsWith('\nSELECT 1 / 0;'))).toHaveLength(1);
    const empty = await createEmptyDatabase();
    try {
      await expect(restoreDatabase(empty, broken)).rejects.toThrow(
        /Khôi phục thất bại ở câu lệnh thứ \d+ \(SELECT 1 \/ 0;…\): division by zero/,
      );
      expect(await tablesOf(empty)).toEqual([]);
      // Still empty, so the good file goes in.
      await restoreDatabase(empty, dump);
      expect(await rowsOf(empty, { schema: 'public', name: 'persons' })).toEqual(
        await rowsOf(source, { schema: 'public', name: 'persons' }),
      );
    } finally {
      await empty.cleanup();
    }
  });
});

async function hasPsql(): Promise<boolean> {
  try {
    await run('psql', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** Restores a dump the way an operator would, with a client encoding that is not UTF-8 on purpose. */
async function restoreWithPsql(sqlText: string, target: DbHandle): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'noiguong-backup-'));
  try {
    const file = path.join(folder, 'dump.sql');
    await writeFile(file, sqlText);
    const name = (await target.pool.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
    // -X: no ~/.psqlrc, so the file is read exactly as a plain psql would read it.
    await run('psql', ['-X', '-v', 'ON_ERROR_STOP=1', '-q', '-f', file, urlForDatabase(testDatabaseUrl()!, name)], {
      env: { ...process.env, PGCLIENTENCODING: 'LATIN1' },
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function expectSameCounts(source: DbHandle, target: DbHandle): Promise<void> {
  const count = async (handle: DbHandle, table: TableName) =>
    Number((await handle.pool.query<{ n: number }>(`SELECT count(*) AS n FROM "${table.schema}"."${table.name}"`)).rows[0]!.n);
  for (const table of await tablesOf(source)) {
    expect({ table, count: await count(target, table) }).toEqual({ table, count: await count(source, table) });
  }
}

// These need a PostgreSQL server (TEST_DATABASE_URL); CI runs the suite once with one.
const describeWithPostgres = testDatabaseUrl() ? describe : (_name: string, _body: () => void) => undefined;

describeWithPostgres('between PostgreSQL and the embedded database', () => {
  it('restores the file with psql -v ON_ERROR_STOP=1 into an empty PostgreSQL database', async (context) => {
    if (!(await hasPsql())) context.skip();
    const target = await createEmptyDatabase();
    try {
      await restoreWithPsql(dump, target);
      await expectSameCounts(source, target);
      await expectSameContent(source, target);
      await migrateDatabase(target.db);
      expect(await rowsOf(target, { schema: 'drizzle', name: '__drizzle_migrations' })).toEqual(
        await rowsOf(source, { schema: 'drizzle', name: '__drizzle_migrations' }),
      );
    } finally {
      await target.cleanup();
    }
  });

  it('restores a backup of the embedded database into PostgreSQL with psql', async (context) => {
    if (!(await hasPsql())) context.skip();
    const embedded = await createEmptyDatabase('pglite');
    const target = await createEmptyDatabase();
    try {
      await migrateDatabase(embedded.db);
      await fillWithTrickyData(embedded);
      await restoreWithPsql(await backupDatabase(embedded), target);
      await expectSameCounts(embedded, target);
      await expectSameContent(embedded, target);
    } finally {
      await embedded.cleanup();
      await target.cleanup();
    }
  });

  it('restores a backup of PostgreSQL into the embedded database', async () => {
    const target = await createEmptyDatabase('pglite');
    try {
      await restoreDatabase(target, dump);
      await expectSameContent(source, target);
    } finally {
      await target.cleanup();
    }
  });
});

describe('automatic backups of the embedded database', () => {
  it('writes a compressed dump under a final name only when complete, keeps the newest few, and the newest restores', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'noiguong-auto-backup-'));
    try {
      const schedule = { directory, everyHours: 24, keep: 2 };
      await writeScheduledBackup(source, schedule, new Date('2026-12-01T01:00:00Z'));
      await writeScheduledBackup(source, schedule, new Date('2026-12-02T01:00:00Z'));
      const third = await writeScheduledBackup(source, schedule, new Date('2026-12-03T01:00:00Z'));
      expect(third.removed).toEqual(['noiguong-20261201-010000.sql.gz']);
      expect((await readdir(directory)).sort()).toEqual(['noiguong-20261202-010000.sql.gz', 'noiguong-20261203-010000.sql.gz']);
      const text = gunzipSync(await readFile(third.file)).toString('utf8');
      expect(text.split('\n')[0]).toBe(DUMP_FORMAT_LINE);
      const target = await createEmptyDatabase();
      try {
        await restoreDatabase(target, text);
        await expectSameContent(source, target);
      } finally {
        await target.cleanup();
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('is on by default beside the data folder, and off with BACKUP_EVERY_HOURS=0', () => {
    expect(backupScheduleFrom({}, '/srv/noiguong/data')).toEqual({ directory: '/srv/noiguong/backups', everyHours: 24, keep: 7 });
    expect(backupScheduleFrom({ BACKUP_EVERY_HOURS: '6', BACKUP_KEEP: '30', BACKUP_DIR: '/mnt/sao-luu' }, '/srv/noiguong/data')).toEqual({
      directory: '/mnt/sao-luu',
      everyHours: 6,
      keep: 30,
    });
    expect(backupScheduleFrom({ BACKUP_EVERY_HOURS: '0' }, '/srv/noiguong/data')).toBeNull();
  });
});
