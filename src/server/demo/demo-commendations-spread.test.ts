/**
 * The demo's spreading of commended examples: the province sends some of what it commended each
 * year up to the Centre, and communes other than the nominating one record taking its models up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, seedSmallTree, startTestApp, type TestContext } from '../../../test/helpers/fixtures';
import { loadDemoCommendations } from './demo-commendations';
import { loadDemoCommendationsSpread } from './demo-commendations-spread';
import { todayIso } from '../platform/dates';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  let card = 94_000_000;
  for (const cell of [tree.C1, tree.C2, tree.C3]) {
    for (const name of ['Lê Thị Một', 'Phạm Văn Hai', 'Võ Thị Ba', 'Đỗ Văn Bốn']) {
      card += 1;
      await addPerson(ctx.db, cell.path, { fullName: `${name} ${cell.code}`, unitId: cell.id, cardNumber: String(card) });
    }
  }
  await loadDemoCommendations(ctx.db, 'R');
  await loadDemoCommendationsSpread(ctx.db, 'R');
});
afterAll(() => ctx.close());

describe('demo spreading of commended examples', () => {
  it('sends up to three commended examples a year to the Centre, chosen by the province, in their own year', async () => {
    const rows = await ctx.db.execute<{ typical_year: number; decided_year: number; typical_by_unit_id: number; status: string }>(sql`
      SELECT typical_year, EXTRACT(YEAR FROM decided_on)::int AS decided_year, typical_by_unit_id, status FROM nominations WHERE typical_year IS NOT NULL`);
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const row of rows.rows) {
      expect(row).toMatchObject({ status: 'commended', typical_by_unit_id: tree.R.id });
      expect(Number(row.typical_year)).toBe(Number(row.decided_year));
    }
    const perYear = new Map<number, number>();
    for (const row of rows.rows) perYear.set(row.typical_year, (perYear.get(row.typical_year) ?? 0) + 1);
    expect(Math.max(...perYear.values())).toBeLessThanOrEqual(3);
  });

  it('records adoptions of commended models by other communes, never in the future', async () => {
    const rows = await ctx.db.execute<{ adopter: number; nominator: number; kind: string; adopted_on: string }>(sql`
      SELECT a.unit_id AS adopter, n.unit_id AS nominator, n.kind, a.adopted_on::text AS adopted_on FROM model_adoptions a JOIN nominations n ON n.id = a.nomination_id`);
    const models = await ctx.db.execute<{ n: number }>(
      sql`SELECT count(*) AS n FROM nominations WHERE kind = 'model' AND status = 'commended'`,
    );
    if (Number(models.rows[0]!.n) > 0) expect(rows.rows.length).toBeGreaterThan(0);
    for (const row of rows.rows) {
      expect(row.kind).toBe('model');
      expect(Number(row.adopter)).not.toBe(Number(row.nominator));
      expect(row.adopted_on <= todayIso()).toBe(true);
    }
  });
});
