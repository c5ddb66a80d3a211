/**
 * Backup and restore as a plain SQL file (see docs/decisions/0002-backup-format.md).
 *
 * pg_dump cannot serve the embedded database (PGlite has no pg_dump wired here, and a system
 * pg_dump refuses a server newer than itself), so the dump is written from the app: the schema is
 * the migration files replayed, the data is read from the catalog table by table. The same file
 * restores with `psql -v ON_ERROR_STOP=1 -f` on PostgreSQL and with `restoreDatabase` on either
 * database.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { DbHandle } from './client';

/** First line of every dump: restore refuses files without it rather than run arbitrary SQL. */
export const DUMP_FORMAT_LINE = '-- NoiGuong backup, format 1';
/**
 * Written on its own line after every statement. Data literals never contain a raw line break
 * (they are escaped), so this line can only occur between statements and splitting on it is safe.
 */
export const STATEMENT_END = '-- @noiguong:end-of-statement';

/** The marker line, tolerating CRLF line ends from an editor on Windows. */
const STATEMENT_SPLITTER = new RegExp(`\\r?\\n${STATEMENT_END.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\r?\\n|$)`);

const ROWS_PER_INSERT = 500;
/** Large jsonb values (import batches) would otherwise make single statements of many megabytes. */
const CHARS_PER_INSERT = 1_000_000;
const EXTENSIONS = ['ltree', 'pg_trgm', 'unaccent'];
const MIGRATIONS_SCHEMA = 'drizzle';
const MIGRATIONS_TABLE = '__drizzle_migrations';
const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations');

type Client = pg.PoolClient;
type Migration = { tag: string; when: number; hash: string; statements: string[] };
type Table = {
  oid: string;
  schema: string;
  name: string;
  columns: string[];
  /** GENERATED ALWAYS identity columns only accept explicit values with OVERRIDING SYSTEM VALUE. */
  hasAlwaysIdentity: boolean;
  primaryKey: string[];
  /** Foreign keys from the table to itself: its rows must be inserted referenced-first. */
  selfReferences: Array<{ columns: string[]; referenced: string[] }>;
};

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A SQL string literal that means the same with standard_conforming_strings on or off and never
 * spans lines: backslashes and control characters switch to an E'' literal with escapes.
 */
export function quoteLiteral(value: string): string {
  let escaped = '';
  let needsE = false;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "'") escaped += "''";
    else if (char === '\\' || code < 0x20 || code === 0x7f) {
      needsE = true;
      if (char === '\\') escaped += '\\\\';
      else if (char === '\n') escaped += '\\n';
      else if (char === '\r') escaped += '\\r';
      else if (char === '\t') escaped += '\\t';
      // \xhh takes at most two hex digits, so a following digit in the text is never swallowed.
      else escaped += `\\x${code.toString(16).padStart(2, '0')}`;
    } else escaped += char;
  }
  return needsE ? `E'${escaped}'` : `'${escaped}'`;
}

function statement(sql: string): string {
  return `${sql}\n${STATEMENT_END}\n`;
}

/** Drops whole-line comments and blank lines, to tell a real statement from a comment-only chunk. */
function withoutCommentLines(sql: string): string {
  return sql
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('--'))
    .join('\n')
    .trim();
}

async function readMigrations(): Promise<Migration[]> {
  const journal = JSON.parse(await readFile(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries?: Array<{ tag?: unknown; when?: unknown }>;
  };
  const migrations: Migration[] = [];
  for (const entry of journal.entries ?? []) {
    if (typeof entry.tag !== 'string' || typeof entry.when !== 'number')
      throw new Error('meta/_journal.json của các bản cập nhật cấu trúc không hợp lệ.');
    const text = await readFile(path.join(migrationsFolder, `${entry.tag}.sql`), 'utf8');
    migrations.push({
      tag: entry.tag,
      when: entry.when,
      // Same hash and same split as drizzle's migrator, so the replay is what the migrator ran.
      hash: createHash('sha256').update(text).digest('hex'),
      statements: text.split('--> statement-breakpoint'),
    });
  }
  return migrations;
}

/**
 * The migrations the source database has applied. Drizzle decides by the created_at of the last
 * applied row, so we do too; the hashes then prove the files replayed are the ones that ran.
 */
async function appliedMigrations(client: Client): Promise<Migration[]> {
  const exists = await client.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [
    `${quoteIdent(MIGRATIONS_SCHEMA)}.${quoteIdent(MIGRATIONS_TABLE)}`,
  ]);
  if (!exists.rows[0]?.found) throw new Error('Cơ sở dữ liệu chưa được khởi tạo cấu trúc (chưa chạy migrate): không có gì để sao lưu.');
  const rows = await client.query<{ hash: string; created_at: string | null }>(
    `SELECT hash, created_at::text AS created_at FROM ${quoteIdent(MIGRATIONS_SCHEMA)}.${quoteIdent(MIGRATIONS_TABLE)}`,
  );
  const last = Math.max(...rows.rows.map((row) => Number(row.created_at ?? 0)), -1);
  const files = await readMigrations();
  const applied = files.filter((migration) => migration.when <= last);
  const fileHashes = new Set(files.map((migration) => migration.hash));
  const unknown = rows.rows.filter((row) => !fileHashes.has(row.hash));
  if (unknown.length > 0) {
    throw new Error(
      'Cơ sở dữ liệu đã áp dụng bản cập nhật cấu trúc mà phiên bản ứng dụng này không có (hoặc tệp cập nhật đã bị sửa). Hãy sao lưu bằng đúng phiên bản ứng dụng đang dùng cơ sở dữ liệu này.',
    );
  }
  const appliedHashes = new Set(rows.rows.map((row) => row.hash));
  const missing = applied.filter((migration) => !appliedHashes.has(migration.hash));
  if (missing.length > 0) {
    throw new Error(
      `Các bản cập nhật cấu trúc ${missing.map((m) => m.tag).join(', ')} không khớp với cơ sở dữ liệu; không thể dựng lại cấu trúc một cách chắc chắn.`,
    );
  }
  return applied;
}

/**
 * Tables the schema's triggers fill from other tables' rows: restoring those rows fills them again,
 * so their own rows are not in the dump (they would be counted twice).
 */
const DERIVED_TABLES = new Set(['figure_counter_months']);

async function listTables(client: Client, schema: string, only?: string): Promise<Table[]> {
  const found = await client.query<{ oid: string; name: string }>(
    `SELECT c.oid::text AS oid, c.relname AS name
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND ($2::text IS NULL OR c.relname = $2)
        -- Tables that belong to an extension are recreated by CREATE EXTENSION.
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                         WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY c.relname`,
    [schema, only ?? null],
  );
  const tables: Table[] = [];
  for (const row of found.rows) {
    const columns = await client.query<{ name: string; identity: string }>(
      `SELECT attname AS name, attidentity::text AS identity FROM pg_catalog.pg_attribute
        WHERE attrelid = $1::oid AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
        ORDER BY attnum`,
      [row.oid],
    );
    const primaryKey = await client.query<{ name: string }>(
      `SELECT a.attname AS name FROM pg_catalog.pg_index i
         JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = $1::oid AND i.indisprimary
        ORDER BY array_position(i.indkey::int2[], a.attnum)`,
      [row.oid],
    );
    const selfReferences = await client.query<{ columns: string[]; referenced: string[] }>(
      `SELECT ${constraintColumns('conrelid', 'conkey')} AS columns, ${constraintColumns('confrelid', 'confkey')} AS referenced
         FROM pg_catalog.pg_constraint con
        WHERE con.contype = 'f' AND con.conrelid = $1::oid AND con.confrelid = $1::oid`,
      [row.oid],
    );
    tables.push({
      oid: row.oid,
      schema,
      name: row.name,
      columns: columns.rows.map((column) => column.name),
      hasAlwaysIdentity: columns.rows.some((column) => column.identity === 'a'),
      primaryKey: primaryKey.rows.map((column) => column.name),
      selfReferences: selfReferences.rows,
    });
  }
  return tables;
}

/** Column names of a constraint's key, in key order, as text[] (pg parses that into string[]). */
function constraintColumns(relation: string, key: string): string {
  return `ARRAY(SELECT a.attname::text FROM unnest(con.${key}) WITH ORDINALITY k(attnum, position)
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = con.${relation} AND a.attnum = k.attnum
                 ORDER BY k.position)`;
}

/** Tables ordered so that every table comes after the tables its foreign keys reference. */
async function dependencyOrder(client: Client, tables: Table[]): Promise<Table[]> {
  const edges = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT conrelid::text AS child, confrelid::text AS parent FROM pg_catalog.pg_constraint
      WHERE contype = 'f' AND conrelid <> confrelid AND conrelid = ANY ($1::oid[]) AND confrelid = ANY ($1::oid[])`,
    [tables.map((table) => table.oid)],
  );
  const waitingFor = new Map(tables.map((table) => [table.oid, new Set<string>()]));
  for (const edge of edges.rows) waitingFor.get(edge.child)?.add(edge.parent);
  const ordered: Table[] = [];
  const remaining = [...tables];
  while (remaining.length > 0) {
    // Alphabetical among the ready tables, so the same database always gives the same file.
    const index = remaining.findIndex((table) => waitingFor.get(table.oid)?.size === 0);
    if (index < 0) {
      throw new Error(`Không sắp được thứ tự sao lưu: các bảng ${remaining.map((t) => t.name).join(', ')} tham chiếu vòng lẫn nhau.`);
    }
    const [ready] = remaining.splice(index, 1);
    if (!ready) break;
    ordered.push(ready);
    for (const parents of waitingFor.values()) parents.delete(ready.oid);
  }
  return ordered;
}

type Row = Array<string | null>;

/** Orders rows of a self-referencing table so that each row follows the row it references. */
function referencedFirst(table: Table, rows: Row[]): Row[] {
  const position = (name: string) => table.columns.indexOf(name);
  const keyOf = (row: Row, columns: string[]): string | null => {
    const values = columns.map((column) => row[position(column)] ?? null);
    // MATCH SIMPLE: a key with a NULL part references nothing.
    return values.includes(null) ? null : JSON.stringify(values);
  };
  const byKey = table.selfReferences.map((reference) => {
    const map = new Map<string, number>();
    rows.forEach((row, index) => {
      const key = keyOf(row, reference.referenced);
      if (key !== null) map.set(key, index);
    });
    return map;
  });
  const state = new Array<'new' | 'visiting' | 'done'>(rows.length).fill('new');
  const ordered: Row[] = [];
  // Iterative depth-first walk: a long chain of references must not exhaust the call stack.
  for (let start = 0; start < rows.length; start++) {
    if (state[start] !== 'new') continue;
    const stack: Array<{ index: number; expanded: boolean }> = [{ index: start, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const row = rows[top.index]!;
      if (top.expanded) {
        stack.pop();
        if (state[top.index] !== 'done') {
          state[top.index] = 'done';
          ordered.push(row);
        }
        continue;
      }
      top.expanded = true;
      state[top.index] = 'visiting';
      table.selfReferences.forEach((reference, which) => {
        const key = keyOf(row, reference.columns);
        const target = key === null ? undefined : byKey[which]?.get(key);
        if (target === undefined || target === top.index || state[target] === 'done') return;
        if (state[target] === 'visiting')
          throw new Error(`Không sắp được thứ tự sao lưu: các dòng của bảng ${table.name} tham chiếu vòng lẫn nhau.`);
        stack.push({ index: target, expanded: false });
      });
    }
  }
  return ordered;
}

/** Gathers row literals into multi-row INSERT statements of bounded size. */
class InsertWriter {
  private rows: string[] = [];
  private chars = 0;
  private readonly head: string;

  constructor(table: Table) {
    const target = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
    const columns = table.columns.map(quoteIdent).join(', ');
    this.head = `INSERT INTO ${target} (${columns})${table.hasAlwaysIdentity ? ' OVERRIDING SYSTEM VALUE' : ''} VALUES\n`;
  }

  /** Adds a row; answers a finished statement when the current one is full. */
  add(row: Row): string | null {
    const literal = `(${row.map((value) => (value === null ? 'NULL' : quoteLiteral(value))).join(', ')})`;
    this.rows.push(literal);
    this.chars += literal.length;
    return this.rows.length >= ROWS_PER_INSERT || this.chars >= CHARS_PER_INSERT ? this.flush() : null;
  }

  flush(): string | null {
    if (this.rows.length === 0) return null;
    const sql = statement(`${this.head}${this.rows.join(',\n')};`);
    this.rows = [];
    this.chars = 0;
    return sql;
  }
}

/**
 * The rows of one table as INSERT statements. Every value is read as its text form (::text) and
 * written as an untyped literal: PostgreSQL then parses it with the target column's own input
 * function, which round-trips every type (ltree, jsonb, arrays, timestamptz with its offset).
 */
async function* tableData(client: Client, table: Table): AsyncGenerator<string> {
  if (table.columns.length === 0) return;
  const select = table.columns.map((column) => `${quoteIdent(column)}::text`).join(', ');
  const order = table.primaryKey.length > 0 ? ` ORDER BY ${table.primaryKey.map(quoteIdent).join(', ')}` : '';
  const cursor = 'noiguong_backup_rows';
  await client.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${select} FROM ${quoteIdent(table.schema)}.${quoteIdent(table.name)}${order}`,
  );
  const writer = new InsertWriter(table);
  const held: Row[] = [];
  let count = 0;
  for (;;) {
    const batch = await client.query<Row>({ text: `FETCH FORWARD ${ROWS_PER_INSERT} FROM ${cursor}`, rowMode: 'array' });
    if (batch.rows.length === 0) break;
    count += batch.rows.length;
    if (table.selfReferences.length > 0) {
      held.push(...batch.rows);
      continue;
    }
    for (const row of batch.rows) {
      const sql = writer.add(row);
      if (sql) yield sql;
    }
  }
  // Not in a finally: after an error the ROLLBACK of backupChunks closes the cursor anyway.
  await client.query(`CLOSE ${cursor}`);
  for (const row of referencedFirst(table, held)) {
    const sql = writer.add(row);
    if (sql) yield sql;
  }
  const last = writer.flush();
  if (last) yield last;
  yield `-- ${table.schema}.${table.name}: ${count} rows\n\n`;
}

async function* sequenceValues(client: Client): AsyncGenerator<string> {
  const sequences = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'S' AND n.nspname IN ('public', $1)
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                         WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY n.nspname, c.relname`,
    [MIGRATIONS_SCHEMA],
  );
  for (const sequence of sequences.rows) {
    const name = `${quoteIdent(sequence.schema)}.${quoteIdent(sequence.name)}`;
    const value = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM ${name}`,
    );
    const row = value.rows[0];
    if (!row) continue;
    yield statement(`SELECT pg_catalog.setval(${quoteLiteral(name)}, ${row.last_value}, ${row.is_called});`);
  }
}

/**
 * The dump, piece by piece, read in one REPEATABLE READ transaction so that every table comes
 * from the same snapshot even while the app keeps writing.
 */
export async function* backupChunks(handle: DbHandle): AsyncGenerator<string> {
  const client = await handle.pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Text forms that do not depend on the session: ISO dates, UTC offsets, exact floats.
    await client.query(`SET LOCAL TimeZone = 'UTC'`);
    await client.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
    await client.query(`SET LOCAL IntervalStyle = 'postgres'`);
    await client.query('SET LOCAL extra_float_digits = 3');

    const migrations = await appliedMigrations(client);
    const version = await client.query<{ version: string }>(`SELECT current_setting('server_version') AS version`);
    yield [
      DUMP_FORMAT_LINE,
      `-- Created: ${new Date().toISOString()}`,
      `-- Source: ${handle.kind} (PostgreSQL ${version.rows[0]?.version ?? '?'})`,
      `-- Schema version: ${migrations.at(-1)?.tag ?? '(none)'}`,
      '-- Restore into an EMPTY database: psql -v ON_ERROR_STOP=1 -f <file>, or npm run cli -- restore <file>.',
      `-- Every statement is followed by the line "${STATEMENT_END}"; the restore command splits on it.`,
      '',
      '',
    ].join('\n');
    // Outside the transaction so that psql reads the rest of the file as UTF-8 whatever its locale.
    yield statement(`SET client_encoding = 'UTF8';`);
    yield statement('BEGIN;');
    yield statement('SET LOCAL search_path = public;');
    // Silences the "already exists, skipping" notices of IF NOT EXISTS under psql.
    yield statement('SET LOCAL client_min_messages = warning;');
    yield statement(`SET LOCAL DateStyle = 'ISO, YMD';`);
    yield statement(`SET LOCAL IntervalStyle = 'postgres';`);
    yield '\n-- Extensions\n';
    for (const extension of EXTENSIONS) yield statement(`CREATE EXTENSION IF NOT EXISTS ${quoteIdent(extension)};`);

    for (const migration of migrations) {
      yield `\n-- Schema: migration ${migration.tag}\n`;
      for (const part of migration.statements) {
        const sql = part.trim();
        if (withoutCommentLines(sql) === '') continue;
        // A chunk may end without ";" or with a trailing comment; psql must still see it end here.
        yield statement(withoutCommentLines(sql).endsWith(';') ? sql : `${sql}\n;`);
      }
    }

    // As drizzle's migrator creates it, so that the migrator finds its record after a restore.
    yield '\n-- Applied migrations, as recorded by the migrator\n';
    yield statement(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(MIGRATIONS_SCHEMA)};`);
    yield statement(
      `CREATE TABLE IF NOT EXISTS ${quoteIdent(MIGRATIONS_SCHEMA)}.${quoteIdent(MIGRATIONS_TABLE)} (\n\tid SERIAL PRIMARY KEY,\n\thash text NOT NULL,\n\tcreated_at bigint\n);`,
    );
    const [migrationsTable] = await listTables(client, MIGRATIONS_SCHEMA, MIGRATIONS_TABLE);
    if (migrationsTable) yield* tableData(client, migrationsTable);

    yield '\n-- Data\n';
    const tables = await dependencyOrder(
      client,
      (await listTables(client, 'public')).filter((table) => !DERIVED_TABLES.has(table.name)),
    );
    for (const table of tables) yield* tableData(client, table);

    yield '\n-- Sequences\n';
    yield* sequenceValues(client);
    yield '\n';
    // Fresh statistics, so the first queries after a restore get sensible plans.
    for (const table of tables) yield statement(`ANALYZE ${quoteIdent(table.schema)}.${quoteIdent(table.name)};`);
    yield statement('COMMIT;');
  } finally {
    // The snapshot was read-only: ending it by ROLLBACK is all there is to do, success or not.
    try {
      await client.query('ROLLBACK');
    } catch {
      broken = true;
    }
    // A connection left in an unknown state is closed rather than handed back to the pool.
    client.release(broken ? true : undefined);
  }
}

/** The whole dump as one string: fine for the few megabytes of a province (see the decision record). */
export async function backupDatabase(handle: DbHandle): Promise<string> {
  const parts: string[] = [];
  for await (const part of backupChunks(handle)) parts.push(part);
  return parts.join('');
}

/** The statements of a dump, without the BEGIN and COMMIT that restoreDatabase issues itself. */
export function splitDump(sqlText: string): string[] {
  return sqlText
    .split(STATEMENT_SPLITTER)
    .map((part) => part.trim())
    .filter((part) => {
      const bare = withoutCommentLines(part);
      return bare !== '' && bare !== 'BEGIN;' && bare !== 'COMMIT;';
    });
}

async function assertEmptyTarget(client: Client): Promise<void> {
  const units = await client.query<{ found: boolean }>(`SELECT to_regclass('public.units') IS NOT NULL AS found`);
  if (units.rows[0]?.found) {
    const rows = await client.query<{ count: string }>('SELECT count(*)::text AS count FROM public.units');
    const count = Number(rows.rows[0]?.count ?? 0);
    if (count > 0) {
      throw new Error(
        `Cơ sở dữ liệu đích đã có dữ liệu (${count} đơn vị). Chỉ khôi phục vào cơ sở dữ liệu trống, để không ghi đè dữ liệu đang có.`,
      );
    }
  }
  // An empty but already migrated database would fail on the first CREATE TABLE; say why up front.
  const tables = await client.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', $1)
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                         WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY 1 LIMIT 5`,
    [MIGRATIONS_SCHEMA],
  );
  if (tables.rows.length > 0) {
    throw new Error(
      `Cơ sở dữ liệu đích không trống (đã có bảng ${tables.rows.map((row) => row.name).join(', ')}). ` +
        'Hãy khôi phục vào một cơ sở dữ liệu mới: với CSDL nhúng, dùng một thư mục DATA_DIR mới; với PostgreSQL, tạo một database mới.',
    );
  }
}

/**
 * Restores a dump made by backupDatabase into an empty database, all in one transaction on one
 * connection: if any statement fails, nothing is left behind.
 */
export async function restoreDatabase(handle: DbHandle, sqlText: string): Promise<void> {
  const text = sqlText.replace(/^\uFEFF/, '');
  if (!text.startsWith(DUMP_FORMAT_LINE)) {
    throw new Error('Tệp này không phải bản sao lưu của NoiGuong (thiếu dòng đầu "-- NoiGuong backup, format 1").');
  }
  const statements = splitDump(text);
  const client = await handle.pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    try {
      await assertEmptyTarget(client);
      for (const [index, sql] of statements.entries()) {
        try {
          await client.query(sql);
        } catch (error) {
          const preview = withoutCommentLines(sql).slice(0, 120).replace(/\s+/g, ' ');
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`Khôi phục thất bại ở câu lệnh thứ ${index + 1} (${preview}…): ${reason}. Không có thay đổi nào được ghi.`, {
            cause: error,
          });
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    }
  } finally {
    client.release(broken ? true : undefined);
  }
}
