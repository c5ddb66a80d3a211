import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedSmallTree, startTestApp, type TestContext } from '../../../test/helpers/fixtures';
import { addFigureDeltas, addUnitDeltas, COUNTER_STRIPES, readFigures } from './figures';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
});
afterAll(() => ctx.close());

async function stripesOf(unitId: number, metric: string): Promise<number[]> {
  const rows = await ctx.db.execute<{ stripe: number }>(
    sql`SELECT DISTINCT stripe FROM figure_counters WHERE unit_id = ${unitId} AND metric = ${metric} ORDER BY stripe`,
  );
  return rows.rows.map((row) => Number(row.stripe));
}

describe('striped counters at the top of the tree', () => {
  it('spread the root and its children over stripes, keep deeper units in one row, and add up exactly', async () => {
    const metric = 'test.stripes.sequential';
    for (let write = 0; write < 40; write++) {
      await ctx.db.transaction((tx) => addFigureDeltas(tx, [{ unitPath: `${tree.C1.path}`, metric, day: '2026-05-01', delta: 1 }]));
    }
    // R (depth 0) and A (depth 1) take many writers; C1 (depth 2) does not.
    const rootStripes = await stripesOf(tree.R.id, metric);
    expect(rootStripes.length).toBeGreaterThan(1);
    expect(rootStripes.every((stripe) => stripe >= 0 && stripe < COUNTER_STRIPES)).toBe(true);
    expect((await stripesOf(tree.A.id, metric)).length).toBeGreaterThan(1);
    expect(await stripesOf(tree.C1.id, metric)).toEqual([0]);
    const figures = await readFigures(ctx.db, [tree.R.id, tree.A.id, tree.C1.id, tree.B.id], [metric], '2026-12-31');
    expect([tree.R.id, tree.A.id, tree.C1.id, tree.B.id].map((id) => figures.get(id)?.[metric] ?? 0)).toEqual([40, 40, 40, 0]);
    // Before the day of the writes the figure is still nothing.
    expect((await readFigures(ctx.db, [tree.R.id], [metric], '2026-04-30')).get(tree.R.id)?.[metric] ?? 0).toBe(0);
  });

  it('keep one stripe per transaction, so many writers at once neither deadlock nor lose a delta', async () => {
    const metric = 'test.stripes.concurrent';
    const paths = [tree.C1.path, tree.C2.path, tree.C3.path];
    await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        ctx.db.transaction(async (tx) => {
          // Two calls in one transaction: both land in the transaction's one stripe. Their rows (and
          // their months' rows) differ, as the rows of two calls of one transaction must: a row one
          // call locks and another transaction's second call wants would be a deadlock.
          await addFigureDeltas(tx, [{ unitPath: paths[index % 3]!, metric, day: '2026-06-01', delta: 2 }]);
          await addFigureDeltas(tx, [{ unitPath: paths[(index + 1) % 3]!, metric, day: '2026-07-02', delta: -1 }]);
        }),
      ),
    );
    const figures = await readFigures(ctx.db, [tree.R.id, tree.A.id, tree.B.id], [metric], '2026-12-31');
    expect(figures.get(tree.R.id)?.[metric]).toBe(30);
    // A holds C1 and C2: +2 for each of their 20 writes, −1 for the 20 second calls that landed there.
    expect(figures.get(tree.A.id)?.[metric]).toBe(20);
    expect(figures.get(tree.B.id)?.[metric]).toBe(10);
    const perTransaction = await ctx.db.execute<{ stripes: number }>(sql`
      SELECT count(DISTINCT stripe) AS stripes FROM figure_counters WHERE unit_id = ${tree.R.id} AND metric = ${metric}`);
    expect(Number(perTransaction.rows[0]!.stripes)).toBeGreaterThan(1);
  });

  it('write moved deltas, which are expanded per unit already, into the one plain row', async () => {
    const metric = 'test.stripes.move';
    await ctx.db.transaction((tx) =>
      addUnitDeltas(tx, [
        { unitId: tree.R.id, metric, day: '2026-07-01', delta: 5 },
        { unitId: tree.R.id, metric, day: '2026-07-01', delta: 2 },
      ]),
    );
    expect(await stripesOf(tree.R.id, metric)).toEqual([0]);
    expect((await readFigures(ctx.db, [tree.R.id], [metric], '2026-12-31')).get(tree.R.id)?.[metric]).toBe(7);
  });
});
