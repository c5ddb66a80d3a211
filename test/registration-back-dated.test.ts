import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, addUser, rootActor, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession } from './helpers/session';
import { openWindow, registerAs } from './helpers/registration-fixtures';
import { changeStatus } from '../src/server/modules/registrations/appraisal.service';
import { REGISTRATION_METRICS } from '../src/server/modules/figures/registration-metrics';
import { computeFigures } from '../src/server/modules/reports/metric-catalogue';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'canbo.tinh', [{ unitId: tree.R.id, role: 'officer' }]);
});
afterAll(() => ctx.close());

const lastYear = new Date().getFullYear() - 1;

describe('a past year typed in late', () => {
  it('counts in its own year, and the counters still equal a recount', async () => {
    await openWindow(ctx.db, tree.R.path, tree.R.id, lastYear);
    const appraiser = rootActor(tree.R.path);
    for (const [index, unit] of [tree.C1, tree.C2, tree.C3].entries()) {
      const person = await addPerson(ctx.db, unit.path, {
        fullName: `Người Nhập Muộn ${index + 1}`,
        unitId: unit.id,
        cardNumber: String(84_000_001 + index),
      });
      const submitted = await registerAs(
        ctx.db,
        person.id,
        { shortcomings: `Sổ đăng ký giấy năm ${lastYear}, nhập lại sau.`, actions: [`Việc đã đăng ký năm ${lastYear} số ${index + 1}`] },
        { year: lastYear },
      );
      if (index < 2) await changeStatus(ctx.db, appraiser, submitted.id, { transition: 'approve', version: submitted.version });
    }
    const officer = await openSession(ctx.app, 'canbo.tinh');
    const past = (await officer.get(`/api/registration-figures?unitId=${tree.R.id}&year=${lastYear}`)).json();
    expect(past.asOf).toBe(`${lastYear}-12-31`);
    expect(past.figures).toMatchObject({ registered: 3, approved: 2 });
    const byChild = Object.fromEntries(
      past.children.map((child: { unit: { code: string }; figures: { registered: number } }) => [
        child.unit.code,
        child.figures.registered,
      ]),
    );
    expect(byChild).toMatchObject({ A: 2, B: 1 });
    const current = (await officer.get(`/api/registration-figures?unitId=${tree.R.id}&year=${lastYear + 1}`)).json();
    expect(current.figures).toMatchObject({ registered: 0, approved: 0 });
    // Every delta of last year's registrations is dated within last year.
    const days = await ctx.db.execute<{ latest: string }>(
      sql`SELECT max(day)::text AS latest FROM figure_counters WHERE metric LIKE ${`registrations.%.${lastYear}`}`,
    );
    expect(days.rows[0]!.latest).toBe(`${lastYear}-12-31`);
    const recount = await ctx.db.execute<{ n: number }>(
      sql`SELECT count(*) AS n FROM registrations WHERE year = ${lastYear} AND status = 'approved'`,
    );
    const counter = await ctx.db.execute<{ n: number }>(
      sql`SELECT COALESCE(sum(delta), 0) AS n FROM figure_counters WHERE unit_id = ${tree.R.id} AND metric = ${REGISTRATION_METRICS.bucket('individual', 'approved', lastYear)} AND day <= ${`${lastYear}-12-31`}`,
    );
    expect(Number(counter.rows[0]!.n)).toBe(Number(recount.rows[0]!.n));
  });

  it("and a registration written early for next year shows in next year's figures at once", async () => {
    const nextYear = lastYear + 2;
    await openWindow(ctx.db, tree.R.path, tree.R.id, nextYear);
    const person = await addPerson(ctx.db, tree.C1.path, { fullName: 'Người Đăng Ký Sớm', unitId: tree.C1.id, cardNumber: '84000099' });
    await registerAs(ctx.db, person.id, { shortcomings: 'Đăng ký sớm cho năm sau.', actions: ['Việc của năm sau'] }, { year: nextYear });
    const officer = await openSession(ctx.app, 'canbo.tinh');
    const figures = (await officer.get(`/api/registration-figures?unitId=${tree.R.id}&year=${nextYear}`)).json();
    expect(figures.figures.registered).toBe(1);
  });

  it('sums both years over a two-year review period, with its actions, and rates the final year only', async () => {
    const thisYear = lastYear + 1;
    await openWindow(ctx.db, tree.R.path, tree.R.id, thisYear);
    for (const [index, unit] of [tree.C1, tree.C3].entries()) {
      const person = await addPerson(ctx.db, unit.path, {
        fullName: `Người Năm Nay ${index + 1}`,
        unitId: unit.id,
        cardNumber: String(84_000_201 + index),
      });
      await registerAs(
        ctx.db,
        person.id,
        { shortcomings: 'Đăng ký năm nay.', actions: ['Việc thứ nhất năm nay', 'Việc thứ hai năm nay'] },
        { year: thisYear },
      );
    }
    const keys = [
      'registered_individuals',
      'registered_individuals_final_year',
      'individual_actions',
      'registration_rate',
      'party_members',
    ];
    const twoYears = (await computeFigures(ctx.db, [tree.R.id], keys, `${lastYear}-07-01`, `${thisYear}-12-31`)).get(tree.R.id)!;
    const lastYearOnly = (await computeFigures(ctx.db, [tree.R.id], keys, `${lastYear}-01-01`, `${lastYear}-12-31`)).get(tree.R.id)!;
    const recount = async (year: number) => ({
      registrations: Number(
        (
          await ctx.db.execute<{ n: number }>(
            sql`SELECT count(*) AS n FROM registrations WHERE kind = 'individual' AND year = ${year} AND status <> 'draft'`,
          )
        ).rows[0]!.n,
      ),
      actions: Number(
        (
          await ctx.db.execute<{ n: number }>(sql`
        SELECT count(*) AS n FROM registration_actions a JOIN registrations r ON r.id = a.registration_id WHERE r.kind = 'individual' AND r.year = ${year} AND r.status <> 'draft'`)
        ).rows[0]!.n,
      ),
    });
    const [previous, current] = [await recount(lastYear), await recount(thisYear)];
    expect(previous.registrations).toBeGreaterThan(0);
    expect(current.registrations).toBe(2);
    expect(lastYearOnly.registered_individuals).toBe(previous.registrations);
    expect(twoYears.registered_individuals).toBe(previous.registrations + current.registrations);
    expect(twoYears.individual_actions).toBe(previous.actions + current.actions);
    expect(twoYears.registered_individuals_final_year).toBe(current.registrations);
    expect(twoYears.registration_rate).toBeCloseTo(current.registrations / twoYears.party_members!);
  });
});
