import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database';
import { testDatabaseUrl, urlForDatabase } from '../../../../test/helpers/database-image';
import { loadConfig } from '../config';
import { openDatabase } from './client';
import { PLAN_FOR_VALUES } from './named-statements';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query('CREATE TABLE probe (id int PRIMARY KEY, label text)');
  await database.pool.query("INSERT INTO probe VALUES (1, 'một'), (2, 'hai')");
});
afterAll(() => database.cleanup());

describe('named statements', () => {
  it('still run after the connection is replaced (the embedded database keeps one session for all)', async () => {
    const first = await database.pool.connect();
    expect((await first.query('SELECT id FROM probe WHERE label = $1', ['hai'])).rows[0].id).toBe(2);
    // The connection is dropped (as pg does after some errors); the pool opens another one.
    first.release(true);
    const second = await database.pool.connect();
    try {
      expect((await second.query('SELECT id FROM probe WHERE label = $1', ['hai'])).rows[0].id).toBe(2);
    } finally {
      second.release();
    }
  });

  it('prepare a parameterised text once per connection and reuse it', async () => {
    // One pooled connection is enough to see it on both databases; run the queries on it.
    const client = await database.pool.connect();
    try {
      const before = Number((await client.query('SELECT count(*) AS n FROM pg_prepared_statements')).rows[0].n);
      for (let index = 0; index < 5; index++) {
        const answer = await client.query('SELECT label FROM probe WHERE id = $1', [1 + (index % 2)]);
        expect(answer.rows[0].label).toBe(index % 2 === 0 ? 'một' : 'hai');
      }
      const after = Number((await client.query('SELECT count(*) AS n FROM pg_prepared_statements')).rows[0].n);
      expect(after - before).toBe(1);
      // Without parameters nothing is prepared (DDL, maintenance).
      await client.query('SELECT count(*) FROM probe');
      expect(Number((await client.query('SELECT count(*) AS n FROM pg_prepared_statements')).rows[0].n)).toBe(after);
      // Nor is a text marked to be planned for its values, however often it runs.
      for (let index = 0; index < 6; index++) {
        const answer = await client.query(`${PLAN_FOR_VALUES} SELECT label FROM probe WHERE id = ANY($1::int[])`, [[1, 2]]);
        expect(answer.rows).toHaveLength(2);
      }
      expect(Number((await client.query('SELECT count(*) AS n FROM pg_prepared_statements')).rows[0].n)).toBe(after);
    } finally {
      client.release();
    }
  });

  it('recover when the table changes under a prepared statement', async () => {
    const client = await database.pool.connect();
    try {
      const read = () => client.query('SELECT * FROM probe WHERE id = $1', [1]);
      expect(Object.keys((await read()).rows[0])).toEqual(['id', 'label']);
      await client.query('ALTER TABLE probe ADD COLUMN note text');
      // Outside a transaction the refused statement did nothing and is sent again, prepared anew.
      expect(Object.keys((await read()).rows[0])).toEqual(['id', 'label', 'note']);
      await client.query('ALTER TABLE probe ADD COLUMN extra text');
      // Inside a transaction it fails that transaction once; the next use prepares it again.
      await client.query('BEGIN');
      await expect(read()).rejects.toThrow(/cached plan must not change result type/);
      await client.query('ROLLBACK');
      expect(Object.keys((await read()).rows[0])).toEqual(['id', 'label', 'note', 'extra']);
    } finally {
      client.release();
    }
  });
});

describe('unnamed statements for a pooler in transaction mode (PG_NAMED_STATEMENTS=off)', () => {
  it('are chosen by the setting and leave nothing prepared on the connection', async ({ skip }) => {
    expect(loadConfig({}).namedStatements).toBe(true);
    expect(loadConfig({ PG_NAMED_STATEMENTS: 'off' }).namedStatements).toBe(false);
    const baseUrl = testDatabaseUrl();
    if (!baseUrl || database.kind !== 'postgres') skip('a pooler sits in front of PostgreSQL only');
    const name = (await database.pool.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
    const plain = await openDatabase({ databaseUrl: urlForDatabase(baseUrl!, name), namedStatements: false });
    try {
      const client = await plain.pool.connect();
      try {
        expect((await client.query('SELECT id FROM probe WHERE label = $1', ['một'])).rows[0].id).toBe(1);
        const prepared = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM pg_prepared_statements');
        expect(prepared.rows[0]!.count).toBe(0);
      } finally {
        client.release();
      }
    } finally {
      await plain.close();
    }
  });
});
