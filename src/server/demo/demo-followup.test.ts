import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, rootActor, seedSmallTree, startTestApp, type TestContext } from '../../../test/helpers/fixtures';
import { insertRegistration } from '../../../test/helpers/followup-rows';
import { loadDemoFollowup } from './demo-followup';
import { getRegistrationFigures } from '../modules/figures/registration-figures.service';
import { todayIso } from '../platform/dates';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const year = Number(todayIso().slice(0, 4));

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
});
afterAll(() => ctx.close());

const count = async (table: string) =>
  Number((await ctx.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0]!.n);

describe('the follow-up demo', () => {
  it('does nothing when no registrations exist', async () => {
    await loadDemoFollowup(ctx.db);
    expect(await count('registration_check_ins')).toBe(0);
    expect(await count("figure_counters WHERE metric LIKE 'registrations.%'")).toBe(0);
  });

  it('adds check-ins to most published registrations, leaves some stale, reviews a few cells, and keeps figures equal to the rows', async () => {
    let serial = 0;
    for (const unit of [tree.C1, tree.C2, tree.C3]) {
      for (let index = 0; index < 8; index++) {
        serial += 1;
        const person = await addPerson(ctx.db, unit.path, {
          fullName: `Đinh Văn Mẫu ${serial}`,
          unitId: unit.id,
          cardNumber: String(84000000 + serial),
        });
        await insertRegistration(ctx.db, unit, { personId: person.id, status: 'published', year, actions: 2 });
      }
    }
    await loadDemoFollowup(ctx.db, { skipUnitCode: 'C1' });
    const statuses = await ctx.db.execute<{ status: string; n: number }>(
      sql`SELECT status, count(*)::int AS n FROM registrations GROUP BY status`,
    );
    const byStatus = Object.fromEntries(statuses.rows.map((row) => [row.status, Number(row.n)]));
    expect((byStatus.in_progress ?? 0) + (byStatus.reviewed ?? 0)).toBeGreaterThan(12);
    expect(await count('registration_check_ins')).toBeGreaterThan(20);
    // The demo member's cell stays open for check-ins.
    const c1 = await ctx.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM registrations WHERE unit_id = ${tree.C1.id} AND status NOT IN ('published', 'in_progress')`,
    );
    expect(Number(c1.rows[0]!.n)).toBe(0);
    const figures = (await getRegistrationFigures(ctx.db, rootActor(tree.R.path), tree.R.id, year)).figures;
    expect(figures.checkIns).toBe(await count('registration_check_ins'));
    expect(figures.reviewed).toBe(byStatus.reviewed ?? 0);
    expect(figures.completedWell + figures.completed + figures.notCompleted).toBe(byStatus.reviewed ?? 0);
  });
});
