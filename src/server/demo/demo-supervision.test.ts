import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, seedSmallTree, startTestApp, type TestContext } from '../../../test/helpers/fixtures';
import { insertRegistration } from '../../../test/helpers/registration-rows';
import { loadDemoSupervision } from './demo-supervision';
import { readFigures } from '../platform/figures';
import { todayIso } from '../platform/dates';
import { REGISTRATION_METRICS } from '../modules/figures/index';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
});
afterAll(() => ctx.close());

const count = async (query: ReturnType<typeof sql>) => Number((await ctx.db.execute<{ n: number }>(query)).rows[0]!.n);

describe('demo supervision data', () => {
  it('without registrations, writes feedback on units only', async () => {
    await ctx.db.transaction((tx) => loadDemoSupervision(tx, { communeCode: 'A', keepUnpublishedCellCode: 'C1' }));
    expect(await count(sql`SELECT count(*) AS n FROM feedback`)).toBe(41);
    expect(await count(sql`SELECT count(*) AS n FROM feedback WHERE registration_id IS NOT NULL`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM feedback WHERE status = 'hidden'`)).toBe(1);
    expect(await count(sql`SELECT count(*) AS n FROM feedback WHERE status = 'new' AND due_on < ${todayIso()}::date`)).toBe(3);
    expect(await count(sql`SELECT count(*) AS n FROM feedback WHERE status = 'answered' AND answer IS NOT NULL`)).toBeGreaterThan(20);
    expect(
      await count(sql`SELECT count(*) AS n FROM feedback f JOIN units u ON u.id = f.unit_id WHERE u.code IN ('A', 'C1', 'C2')`),
    ).toBeGreaterThan(12);
  });

  it('publishes the approved registrations of the cells except the one kept for the journey, with figures matching a recount', async () => {
    await ctx.db.execute(sql`DELETE FROM feedback`);
    for (const [cell, card] of [
      [tree.C1, 96_000_001],
      [tree.C2, 96_000_002],
      [tree.C2, 96_000_003],
    ] as const) {
      const person = await addPerson(ctx.db, cell.path, { fullName: `Demo ${card}`, unitId: cell.id, cardNumber: String(card) });
      await insertRegistration(ctx.db, { unit: cell, personId: person.id, status: 'approved' });
    }
    await ctx.db.transaction((tx) => loadDemoSupervision(tx, { communeCode: 'A', keepUnpublishedCellCode: 'C1' }));
    const statuses = await ctx.db.execute<{ code: string; status: string }>(
      sql`SELECT u.code, r.status FROM registrations r JOIN units u ON u.id = r.unit_id ORDER BY r.id`,
    );
    expect(statuses.rows.find((row) => row.code === 'C1')!.status).toBe('approved');
    const metric = REGISTRATION_METRICS.bucket('individual', 'published', 2026);
    const figures = await readFigures(ctx.db, [tree.A.id], [metric], todayIso());
    const published = await count(sql`SELECT count(*) AS n FROM registrations WHERE status = 'published'`);
    expect(figures.get(tree.A.id)![metric] ?? 0).toBe(published);
    expect(await count(sql`SELECT count(*) AS n FROM registration_events WHERE to_status = 'published'`)).toBe(published);
    expect(await count(sql`SELECT count(*) AS n FROM feedback`)).toBe(41);
  });
});
