import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, type Session } from './helpers/session';
import { actions, linkUserToPerson, openWindow } from './helpers/registration-fixtures';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let admin: Session;
let member: Session;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await openWindow(ctx.db, tree.R.path, tree.R.id);
  await addUser(ctx.db, 'quantri', [{ unitId: tree.R.id, role: 'admin' }]);
  const person = await addPerson(ctx.db, tree.C1.path, { fullName: 'Nguyễn Văn An', unitId: tree.C1.id, cardNumber: '83000001' });
  const user = await addUser(ctx.db, 'dangvien', []);
  await linkUserToPerson(ctx.db, user.id, person.id);
  admin = await openSession(ctx.app, 'quantri');
  member = await openSession(ctx.app, 'dangvien');
});
afterAll(() => ctx.close());

const count = async (table: 'units' | 'registrations' | 'import_batches') =>
  Number((await ctx.db.execute<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`))).rows[0]!.n);

const unitBody = (name: string, code: string) => ({ code, name, kind: 'cell', parentId: tree.A.id, validFrom: '2025-07-01' });

describe('text from outside', () => {
  it('refuses NUL in a body field with 400 INVALID_CHARACTERS naming the field, and stores nothing', async () => {
    const before = await count('registrations');
    const response = await member.send('POST', '/api/registrations/mine', {
      year: 2026,
      shortcomings: 'Còn ngại\u0000 phát biểu',
      actions: actions('Đọc sách'),
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('INVALID_CHARACTERS');
    expect(response.json().error.details.fields).toEqual(['shortcomings']);
    expect(response.json().error.message).toContain('shortcomings');
    expect(await count('registrations')).toBe(before);
  });

  it('refuses terminal escapes and other control characters, in nested fields and query strings too', async () => {
    const before = await count('units');
    const escaped = await admin.send('POST', '/api/units', unitBody('Chi bộ ab\u0001\u001b[31m', 'X1'));
    expect(escaped.statusCode).toBe(400);
    expect(escaped.json().error.code).toBe('INVALID_CHARACTERS');
    const nested = await member.send('POST', '/api/registrations/mine', {
      year: 2026,
      shortcomings: 'Còn ngại phát biểu',
      actions: actions('Đọc\u009b sách'),
    });
    expect(nested.json().error.details.fields).toEqual(['actions.0.content']);
    const query = await admin.get('/api/units?q=%00abc');
    expect(query.statusCode).toBe(400);
    expect(query.json().error.code).toBe('INVALID_CHARACTERS');
    expect(await count('units')).toBe(before);
  });

  it('keeps tabs and line breaks in multi-line text', async () => {
    const response = await member.send('POST', '/api/registrations/mine', {
      year: 2026,
      shortcomings: 'Còn ngại phát biểu.\r\nĐôi khi\tđến muộn.',
      actions: actions('Đọc sách'),
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().shortcomings).toBe('Còn ngại phát biểu.\r\nĐôi khi\tđến muộn.');
  });

  it('stores text in NFC, so a name typed with combining accents is found and equal to the usual one', async () => {
    const decomposed = 'Chi bộ thôn Ho\u0300a Bi\u0300nh';
    const created = await admin.send('POST', '/api/units', unitBody(decomposed, 'X2'));
    expect(created.statusCode, created.body).toBe(201);
    const stored = await ctx.db.execute<{ name: string }>(sql`SELECT name FROM units WHERE code = 'X2'`);
    expect(stored.rows[0]!.name).toBe('Chi bộ thôn Hòa Bình');
    expect(stored.rows[0]!.name).toBe(decomposed.normalize('NFC'));
    const found = (await admin.get(`/api/units?q=${encodeURIComponent('hoa binh')}`)).json();
    expect(found.items.map((unit: { code: string }) => unit.code)).toContain('X2');
  });

  it('refuses an uploaded file whose name holds a control character, before opening it', async () => {
    const before = await count('import_batches');
    const response = await admin.upload('/api/imports/people/preview', {
      fileName: 'danh\u0001sach.xlsx',
      content: Buffer.from('PK\u0003\u0004'),
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('INVALID_CHARACTERS');
    expect(await count('import_batches')).toBe(before);
  });
});

describe('unexpected failures', () => {
  it('are logged with the request id and the stack even when request logging is off', async () => {
    const app = await buildApp({ db: ctx.db, config: { ...loadConfig({}), dataDir: '.tmp/test-data' }, dbKind: ctx.database.kind });
    app.get('/api/test-failure', () => {
      throw new Error('hỏng có chủ đích');
    });
    await app.ready();
    const written: string[] = [];
    const original = console.error;
    console.error = (...parts: unknown[]) => written.push(parts.map(String).join(' '));
    try {
      // Signed in: API routes refuse callers without a session before reaching the handler.
      const response = await app.inject({ method: 'GET', url: '/api/test-failure?x=1', cookies: admin.cookies });
      expect(response.statusCode).toBe(500);
      const requestId = response.json().requestId as string;
      expect(response.headers['x-request-id']).toBe(requestId);
      expect(written).toHaveLength(1);
      expect(written[0]).toContain(`requestId=${requestId}`);
      expect(written[0]).toContain('GET /api/test-failure');
      expect(written[0]).toContain('Error: hỏng có chủ đích');
      expect(written[0]).toMatch(/at .*text-input\.test\.ts/);
    } finally {
      console.error = original;
      await app.close();
    }
  });
});

describe('health', () => {
  it('answers 503 when the database does not answer, checking at most once a second, and ok again once it does', async () => {
    let failing = true;
    let queries = 0;
    const db = new Proxy(ctx.db, {
      get(target, property, receiver) {
        if (property !== 'execute') return Reflect.get(target, property, receiver);
        return (...args: Parameters<typeof target.execute>) => {
          queries += 1;
          return failing ? Promise.reject(new Error('máy chủ CSDL không trả lời')) : target.execute(...args);
        };
      },
    });
    const app = await buildApp({ db, config: { ...loadConfig({}), dataDir: '.tmp/test-data' }, dbKind: ctx.database.kind });
    await app.ready();
    try {
      const down = await app.inject({ method: 'GET', url: '/api/health' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ status: 'degraded', databaseReachable: false });
      for (let probe = 0; probe < 5; probe++) expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);
      expect(queries).toBe(1);
      failing = false;
      await new Promise((resolve) => setTimeout(resolve, 1050));
      const up = await app.inject({ method: 'GET', url: '/api/health' });
      expect(up.statusCode).toBe(200);
      expect(up.json()).toMatchObject({ status: 'ok', databaseReachable: true });
      expect(queries).toBe(2);
    } finally {
      await app.close();
    }
  });
});
