import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedRead } from '../src/server/platform/db/read-cache';
import { addUser, seedSmallTree, signIn, startTestApp, type TestContext } from './helpers/fixtures';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
// The cache is on for the embedded database only: with PostgreSQL other processes write too.
const cacheOn = () => ctx.database.kind === 'pglite';

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'root', [{ unitId: tree.R.id, role: 'admin' }]);
  await addUser(ctx.db, 'viewer.b', [{ unitId: tree.B.id, role: 'viewer' }]);
});
afterAll(() => ctx.close());

function counted() {
  let runs = 0;
  return { compute: async () => ++runs, runs: () => runs };
}

describe('answers kept until the next write', () => {
  it('serves a repeated read from memory, and computes again after any write or commit', async () => {
    const probe = counted();
    await cachedRead(ctx.db, 'probe', probe.compute);
    await cachedRead(ctx.db, 'probe', probe.compute);
    expect(probe.runs()).toBe(cacheOn() ? 1 : 2);
    await ctx.db.execute(sql`UPDATE units SET name = name WHERE id = ${tree.C1.id}`);
    await cachedRead(ctx.db, 'probe', probe.compute);
    expect(probe.runs()).toBe(cacheOn() ? 2 : 3);
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1`);
    });
    await cachedRead(ctx.db, 'probe', probe.compute);
    expect(probe.runs()).toBe(cacheOn() ? 3 : 4);
  });

  it('never keeps an answer computed while a write happened', async () => {
    const probe = counted();
    await cachedRead(ctx.db, 'across', async () => {
      await ctx.db.execute(sql`UPDATE units SET name = name WHERE id = ${tree.C1.id}`);
      return probe.compute();
    });
    await cachedRead(ctx.db, 'across', probe.compute);
    expect(probe.runs()).toBe(2);
  });

  it('shows registration figures changed by a write at once, and checks the permission on every request', async () => {
    const root = await signIn(ctx.app, 'root');
    const url = `/api/registration-figures?unitId=${tree.A.id}&year=2026`;
    const before = (await root.get(url)).json();
    expect((await root.get(url)).json()).toEqual(before);
    // A counter written the way the registration service writes it.
    await ctx.db
      .execute(sql`INSERT INTO figure_counters (unit_id, metric, day, stripe, delta) VALUES (${tree.A.id}, 'registrations.individual.registered.2026', '2026-01-15', 0, 3)
      ON CONFLICT (unit_id, metric, day, stripe) DO UPDATE SET delta = figure_counters.delta + 3`);
    const after = (await root.get(url)).json();
    expect(after).not.toEqual(before);
    // A user outside the subtree is refused even when the answer is in memory.
    const viewer = await signIn(ctx.app, 'viewer.b');
    expect((await viewer.get(url)).statusCode).toBe(403);
  });

  it('ends a session at once when it is signed out or the account is disabled', async () => {
    const root = await signIn(ctx.app, 'root');
    const viewer = await signIn(ctx.app, 'viewer.b');
    expect((await viewer.get('/api/auth/me')).statusCode).toBe(200);
    const account = await ctx.db.execute<{ id: number }>(sql`SELECT id FROM users WHERE username = 'viewer.b'`);
    const disabled = await root.send('PATCH', `/api/accounts/${account.rows[0]!.id}`, { isDisabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect((await viewer.get('/api/auth/me')).statusCode).toBe(401);
    expect((await root.get('/api/auth/me')).statusCode).toBe(200);
    expect((await root.send('POST', '/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await root.get('/api/auth/me')).statusCode).toBe(401);
  });
});
