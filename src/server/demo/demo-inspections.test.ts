import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createUnitAsSystem, rootActor, seedSmallTree, startTestApp, type TestContext } from '../../../test/helpers/fixtures';
import { loadDemoInspections } from './demo-inspections';
import { getInspectionFigures } from '../modules/inspections/index';
import { todayIso } from '../platform/dates';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const thisYear = Number(todayIso().slice(0, 4));

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  // Four communes under the province, so every demo inspection has its commune.
  await createUnitAsSystem(ctx.db, 'E', 'Đảng ủy xã Cam Hải', 'commune_committee', tree.R.id);
  await createUnitAsSystem(ctx.db, 'F', 'Đảng ủy xã Ninh Tây', 'commune_committee', tree.R.id);
});
afterAll(() => ctx.close());

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await ctx.db.execute<T>(query)).rows;

describe('the inspections demo', () => {
  it("puts last year's and this year's plans of the province through the module: every state, remedies closed, reported and overdue", async () => {
    await loadDemoInspections(ctx.db, 'R');
    const inspections = await rows<{ year: number; status: string; owner_unit_id: number }>(
      sql`SELECT year, status, owner_unit_id FROM inspections ORDER BY id`,
    );
    expect(inspections.map((row) => [Number(row.year), row.status])).toEqual([
      [thisYear - 1, 'concluded'],
      [thisYear, 'concluded'],
      [thisYear, 'in_progress'],
      [thisYear, 'planned'],
    ]);
    expect(inspections.every((row) => Number(row.owner_unit_id) === tree.R.id)).toBe(true);
    const remedies = await rows<{ year: number; status: string; overdue: boolean }>(
      sql`SELECT year, status, (status IN ('open', 'returned') AND due_on < ${todayIso()}) AS overdue FROM inspection_remedies ORDER BY id`,
    );
    expect(remedies.map((row) => [Number(row.year), row.status, row.overdue])).toEqual([
      [thisYear - 1, 'closed', false],
      [thisYear, 'closed', false],
      [thisYear, 'reported', false],
      [thisYear, 'open', true],
    ]);
    // The in-progress inspection asked its commune for a self-report.
    expect(await rows(sql`SELECT 1 FROM report_requests WHERE audience = 'inspected'`)).toHaveLength(1);
  });

  it('keeps the counters equal to the rows', async () => {
    const system = rootActor(tree.R.path);
    for (const year of [thisYear - 1, thisYear]) {
      const { figures } = await getInspectionFigures(ctx.db, system, tree.R.id, year);
      const [counted] = await rows<Record<string, number>>(sql`
        SELECT
          (SELECT count(*)::int FROM inspections WHERE year = ${year} AND status <> 'cancelled') AS planned,
          (SELECT count(*)::int FROM inspections WHERE year = ${year} AND status = 'concluded') AS done,
          (SELECT count(*)::int FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id WHERE i.year = ${year} AND i.status = 'concluded') AS findings,
          (SELECT count(*)::int FROM inspection_remedies WHERE year = ${year}) AS remedies,
          (SELECT count(*)::int FROM inspection_remedies WHERE year = ${year} AND status = 'closed') AS "remediesClosed",
          (SELECT count(*)::int FROM inspection_remedies WHERE year = ${year} AND status IN ('open', 'returned') AND due_on < ${todayIso()}) AS "remediesOverdue"`);
      expect(figures).toMatchObject({ ...counted, shortcomings: counted!.remedies });
    }
  });
});
