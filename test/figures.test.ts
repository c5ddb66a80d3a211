import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  addPerson,
  addUser,
  createUnitAsSystem,
  rootActor,
  seedSmallTree,
  signIn,
  startTestApp,
  type TestContext,
} from './helpers/fixtures';
import { getSubtreeFigures } from '../src/server/modules/figures/figures.service';
import { moveUnit, closeUnit } from '../src/server/modules/units/units.service';
import { mergeUnits, splitUnit } from '../src/server/modules/units/units.reorganisation';
import { movePerson, updatePerson } from '../src/server/modules/people/people.service';
import type { Database } from '../src/server/platform/db/client';
import { addFigureDeltas, readFigures, readFiguresAtDays } from '../src/server/platform/figures';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const FAR_FUTURE = '2030-01-01';

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
});
afterAll(() => ctx.close());

/** The figures counted directly from the raw rows, for comparison with the counters. */
async function recount(db: Database, unitPath: string, asOf: string) {
  const members = await db.execute<{ members: number; party: number }>(sql`
    SELECT count(*) AS members, count(*) FILTER (WHERE p.category = 'party_member') AS party
    FROM memberships m JOIN units u ON u.id = m.unit_id JOIN persons p ON p.id = m.person_id
    WHERE m.is_primary AND u.path <@ ${unitPath}::ltree AND m.from_date <= ${asOf} AND (m.to_date IS NULL OR m.to_date > ${asOf})`);
  const units = await db.execute<{ n: number }>(sql`
    SELECT count(*) AS n FROM units u WHERE u.path <@ ${unitPath}::ltree AND u.valid_from <= ${asOf} AND (u.valid_to IS NULL OR u.valid_to > ${asOf})`);
  return { members: Number(members.rows[0]!.members), partyMembers: Number(members.rows[0]!.party), units: Number(units.rows[0]!.n) };
}

async function figuresOf(unitId: number, asOf: string) {
  const result = await getSubtreeFigures(ctx.db, rootActor(tree.R.path), unitId, asOf);
  return { members: result.figures.members, partyMembers: result.figures.partyMembers, units: result.figures.units };
}

async function unitRow(id: number) {
  const rows = await ctx.db.execute<{ path: string; version: number; valid_to: string | null }>(
    sql`SELECT path::text, version, valid_to::text FROM units WHERE id = ${id}`,
  );
  return rows.rows[0]!;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % max;
  };
}

describe('live figures', () => {
  it('equal a direct recount after a random sequence of writes', async () => {
    const next = random(42);
    const admin = rootActor(tree.R.path);
    const unitIds = [tree.A.id, tree.B.id, tree.C1.id, tree.C2.id, tree.C3.id];
    const people: number[] = [];
    let day = 1;
    const dateOf = (d: number) => `2026-${String(1 + Math.floor(d / 28)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`;
    for (let step = 0; step < 60; step += 1) {
      day += 1 + next(3);
      const date = dateOf(day);
      const action = next(6);
      if (action <= 1 || people.length < 3) {
        const unitId = unitIds[next(unitIds.length)]!;
        const { path, valid_to } = await unitRow(unitId);
        if (valid_to) continue;
        const person = await addPerson(ctx.db, path, {
          fullName: `Người Thử ${step}`,
          unitId,
          cardNumber: String(10000000 + step),
          category: next(3) === 0 ? 'civil_servant' : 'party_member',
          fromDate: date,
        });
        people.push(person.id);
      } else if (action === 2) {
        const personId = people[next(people.length)]!;
        const unitId = unitIds[next(unitIds.length)]!;
        const target = await unitRow(unitId);
        if (target.valid_to) continue;
        const version = (await ctx.db.execute<{ version: number }>(sql`SELECT version FROM persons WHERE id = ${personId}`)).rows[0]!
          .version;
        await movePerson(ctx.db, admin, personId, { unitId, position: 'party_member', isHead: false, effectiveDate: date, version }).catch(
          () => undefined,
        );
      } else if (action === 3) {
        const code = `N${step}`;
        const parentId = [tree.A.id, tree.B.id][next(2)]!;
        const created = await createUnitAsSystem(ctx.db, code, `Chi bộ mới ${step}`, 'cell', parentId, date);
        unitIds.push(created.id);
      } else if (action === 4) {
        const movable = unitIds.filter((id) => id !== tree.A.id && id !== tree.B.id);
        const id = movable[next(movable.length)]!;
        const row = await unitRow(id);
        if (row.valid_to) continue;
        const parentId = [tree.A.id, tree.B.id][next(2)]!;
        await moveUnit(ctx.db, admin, id, { parentId, effectiveDate: date, version: row.version }).catch(() => undefined);
      } else {
        const personId = people[next(people.length)]!;
        const person = (
          await ctx.db.execute<{ version: number; full_name: string; category: string; card_number: string }>(
            sql`SELECT version, full_name, category, card_number FROM persons WHERE id = ${personId}`,
          )
        ).rows[0]!;
        await updatePerson(ctx.db, admin, personId, {
          fullName: person.full_name,
          sex: 'female',
          category: person.category === 'party_member' ? 'civil_servant' : 'party_member',
          cardNumber: person.card_number,
          version: person.version,
        });
      }
    }
    for (const unitId of [tree.R.id, ...unitIds]) {
      const { path } = await unitRow(unitId);
      expect(await figuresOf(unitId, FAR_FUTURE), `unit ${unitId}`).toEqual(await recount(ctx.db, path, FAR_FUTURE));
    }
    // Before any structural change the recount on today's tree is also the history.
    expect(await figuresOf(tree.R.id, '2026-01-01')).toEqual(await recount(ctx.db, tree.R.path, '2026-01-01'));
  });

  it('follow a merge and a split, and old dates still add up to the tree as it stood', async () => {
    const admin = rootActor(tree.R.path);
    const X = await createUnitAsSystem(ctx.db, 'X', 'Đảng ủy xã Xuân Sơn', 'commune_committee', tree.R.id, '2025-07-01');
    const Y = await createUnitAsSystem(ctx.db, 'Y', 'Đảng ủy xã Yên Thành', 'commune_committee', tree.R.id, '2025-07-01');
    const XC = await createUnitAsSystem(ctx.db, 'XC', 'Chi bộ thôn 1', 'cell', X.id, '2025-07-01');
    const YC = await createUnitAsSystem(ctx.db, 'YC', 'Chi bộ thôn 2', 'cell', Y.id, '2025-07-01');
    for (let i = 0; i < 3; i += 1)
      await addPerson(ctx.db, XC.path, { fullName: `Đảng viên X ${i}`, unitId: XC.id, cardNumber: String(20000000 + i) });
    for (let i = 0; i < 2; i += 1)
      await addPerson(ctx.db, YC.path, { fullName: `Đảng viên Y ${i}`, unitId: YC.id, cardNumber: String(30000000 + i) });
    await addPerson(ctx.db, Y.path, { fullName: 'Cán bộ Y', unitId: Y.id, idNumber: '056123456789', category: 'civil_servant' });

    const merged = await mergeUnits(ctx.db, admin, {
      sourceIds: [X.id, Y.id],
      target: { code: 'XY', name: 'Đảng ủy xã Xuân Yên', kind: 'commune_committee', parentId: tree.R.id },
      effectiveDate: '2026-08-01',
    });
    expect(await figuresOf(merged.id, '2026-08-01')).toEqual({ members: 6, partyMembers: 5, units: 3 });
    expect(await figuresOf(X.id, '2026-07-31')).toEqual({ members: 3, partyMembers: 3, units: 2 });
    expect(await figuresOf(X.id, '2026-08-01')).toEqual({ members: 0, partyMembers: 0, units: 0 });
    const closed = await unitRow(X.id);
    expect(closed.valid_to).toBe('2026-08-01');
    const history = await ctx.app.inject({ method: 'GET', url: `/api/units/${X.id}/history` });
    expect(history.statusCode).toBe(401);
    await addUser(ctx.db, 'history.admin', [{ unitId: tree.R.id, role: 'admin' }]);
    const client = await signIn(ctx.app, 'history.admin');
    const oldChildren = (await client.get(`/api/units/${tree.R.id}/children?asOf=2026-07-31`)).json().map((u: { code: string }) => u.code);
    const newChildren = (await client.get(`/api/units/${tree.R.id}/children?asOf=2026-08-01`)).json().map((u: { code: string }) => u.code);
    expect(oldChildren).toEqual(expect.arrayContaining(['X', 'Y']));
    expect(oldChildren).not.toContain('XY');
    expect(newChildren).toContain('XY');
    expect(newChildren).not.toContain('X');
    const detail = (await client.get(`/api/units/${X.id}`)).json();
    expect(detail.closedReason).toBe('merged');
    expect(detail.successorIds).toEqual([merged.id]);

    const secondCell = (await client.get(`/api/units/${merged.id}/children`)).json().find((u: { code: string }) => u.code === 'YC');
    const movedPerson = await ctx.db.execute<{ id: number }>(
      sql`SELECT person_id AS id FROM memberships WHERE unit_id = ${merged.id} AND to_date IS NULL`,
    );
    const parts = await splitUnit(ctx.db, admin, merged.id, {
      effectiveDate: '2026-10-01',
      parts: [
        { code: 'XS', name: 'Đảng ủy xã Xuân Sơn mới', kind: 'commune_committee', childIds: [], personIds: [] },
        {
          code: 'YT',
          name: 'Đảng ủy xã Yên Thành mới',
          kind: 'commune_committee',
          childIds: [secondCell.id],
          personIds: movedPerson.rows.map((r) => Number(r.id)),
        },
      ],
    });
    expect(await figuresOf(parts[0]!.id, '2026-10-01')).toEqual({ members: 3, partyMembers: 3, units: 2 });
    expect(await figuresOf(parts[1]!.id, '2026-10-01')).toEqual({ members: 3, partyMembers: 2, units: 2 });
    expect(await figuresOf(merged.id, '2026-09-30')).toEqual({ members: 6, partyMembers: 5, units: 3 });
    expect(await figuresOf(merged.id, '2026-10-01')).toEqual({ members: 0, partyMembers: 0, units: 0 });
    expect(await figuresOf(tree.R.id, FAR_FUTURE)).toEqual(await recount(ctx.db, tree.R.path, FAR_FUTURE));
    // Several days read in one pass give what each day read alone gives, units without figures included.
    const units = [tree.R.id, X.id, merged.id, parts[0]!.id, parts[1]!.id];
    const days = ['2026-07-31', '2026-09-30', FAR_FUTURE];
    const metrics = ['members', 'party_members', 'units'];
    const reads = days.map((asOf) => ({ metrics, asOf }));
    const together = await readFiguresAtDays(ctx.db, units, reads);
    for (const [index, asOf] of days.entries()) expect(together[index], asOf).toEqual(await readFigures(ctx.db, units, metrics, asOf));
    // Read in shares of units side by side, by ids or by an id array selected in SQL, the answer is the same.
    expect(await readFiguresAtDays(ctx.db, units, reads, { parts: 2 })).toEqual(together);
    const selected = sql`ARRAY(SELECT unnest(${sql.param(units)}::bigint[]))`;
    const selectedTogether = await readFiguresAtDays(ctx.db, selected, reads);
    expect(selectedTogether[2]!.get(tree.R.id)).toEqual(together[2]!.get(tree.R.id));
    expect(await readFiguresAtDays(ctx.db, selected, reads, { parts: 3 })).toEqual(selectedTogether);
    const audit = await ctx.db.execute<{ action: string }>(sql`SELECT action FROM audit_log WHERE action IN ('unit.merge', 'unit.split')`);
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['unit.merge', 'unit.split']);
  });

  it('keeps the month totals equal to the daily rows, and reads any day exactly from them', async () => {
    const mismatches = async () => {
      const rows = await ctx.db.execute<{ unit_id: number }>(sql`
        WITH daily AS (
          SELECT unit_id, metric, date_trunc('month', day)::date AS month, stripe, sum(delta) AS delta FROM figure_counters GROUP BY 1, 2, 3, 4
        )
        SELECT coalesce(d.unit_id, m.unit_id) AS unit_id FROM daily d
        FULL JOIN figure_counter_months m USING (unit_id, metric, month, stripe)
        WHERE coalesce(d.delta, 0) <> coalesce(m.delta, 0)`);
      return rows.rows.length;
    };
    expect(Number((await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM figure_counter_months`)).rows[0]!.n)).toBeGreaterThan(
      0,
    );
    expect(await mismatches()).toBe(0);
    // A new row, the same row again (an update), and rows taken away.
    const metric = 'test.month_follow';
    await addFigureDeltas(ctx.db, [
      { unitPath: tree.C1.path, metric, day: '2026-01-31', delta: 3 },
      { unitPath: tree.C1.path, metric, day: '2026-02-01', delta: 5 },
    ]);
    await addFigureDeltas(ctx.db, [{ unitPath: tree.C1.path, metric, day: '2026-01-31', delta: 4 }]);
    expect(await mismatches()).toBe(0);
    const read = async (asOf: string) => (await readFigures(ctx.db, [tree.R.id], [metric], asOf)).get(tree.R.id)?.[metric];
    expect([await read('2026-01-30'), await read('2026-01-31'), await read('2026-02-01'), await read('2026-03-15')]).toEqual([
      undefined,
      7,
      12,
      12,
    ]);
    await ctx.db.execute(sql`DELETE FROM figure_counters WHERE metric = ${metric} AND day = '2026-02-01'`);
    expect(await mismatches()).toBe(0);
    expect(await read('2026-03-15')).toBe(7);
    await ctx.db.execute(sql`DELETE FROM figure_counters WHERE metric = ${metric}`);
  });

  it('refuses to close a unit with members, then closes it once they moved', async () => {
    const admin = rootActor(tree.R.path);
    const cell = await createUnitAsSystem(ctx.db, 'Z1', 'Chi bộ sắp giải thể', 'cell', tree.B.id, '2025-07-01');
    const person = await addPerson(ctx.db, cell.path, { fullName: 'Trần Văn Bình', unitId: cell.id, cardNumber: '44440000' });
    await expect(
      closeUnit(ctx.db, admin, cell.id, { effectiveDate: '2026-06-01', version: (await unitRow(cell.id)).version }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await movePerson(ctx.db, admin, person.id, {
      unitId: tree.C3.id,
      position: 'party_member',
      isHead: false,
      effectiveDate: '2026-06-01',
      version: person.version,
    });
    await closeUnit(ctx.db, admin, cell.id, { effectiveDate: '2026-06-01', version: (await unitRow(cell.id)).version });
    expect(await figuresOf(tree.B.id, '2026-06-01')).toEqual(await recount(ctx.db, (await unitRow(tree.B.id)).path, '2026-06-01'));
  });
});

describe('responsiveness', () => {
  it('answers requests while the database is busy with a long query', async () => {
    const slow = ctx.db.execute(sql`SELECT pg_sleep(1.5)`);
    const started = Date.now();
    const response = await ctx.app.inject({ method: 'GET', url: '/api/health/live' });
    const waited = Date.now() - started;
    await slow;
    expect(response.statusCode).toBe(200);
    // The event loop was free: the answer did not wait for the 1.5 s query.
    expect(waited).toBeLessThan(1000);
  });
});
