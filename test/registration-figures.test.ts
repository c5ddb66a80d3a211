import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, addUser, rootActor, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, readWorkbook } from './helpers/session';
import { insertRegistration, linkUser } from './helpers/followup-rows';
import { transitionRegistration } from '../src/server/modules/registrations/index';
import { getRegistrationFigures } from '../src/server/modules/figures/registration-figures.service';
import { recordCheckIn, review, selfAssess } from '../src/server/modules/followup/followup.service';
import type { Actor } from '../src/server/platform/auth/policy';
import type { Database } from '../src/server/platform/db/client';
import { runDataRepairs } from '../src/server/db/data-repairs';
import type { RegistrationTransition } from '../src/shared/contracts/registration-status';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const YEAR = 2026;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
});
afterAll(() => ctx.close());

function random(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor(state / 65536) % max;
  };
}

/** The registration figures counted straight from the rows, for comparison with the counters. */
async function recount(db: Database, unitPath: string) {
  const rows = await db.execute<Record<string, number>>(sql`
    SELECT
      count(*) FILTER (WHERE r.kind = 'individual' AND r.status <> 'draft') AS registered,
      count(*) FILTER (WHERE r.kind = 'individual' AND r.status <> 'draft' AND r.is_leader) AS leaders,
      count(*) FILTER (WHERE r.kind = 'collective' AND r.status <> 'draft') AS collective,
      count(*) FILTER (WHERE r.status IN ('approved', 'published', 'in_progress', 'self_assessed', 'reviewed', 'closed')) AS approved,
      count(*) FILTER (WHERE r.status IN ('published', 'in_progress', 'self_assessed', 'reviewed', 'closed')) AS published,
      count(*) FILTER (WHERE r.status = 'returned') AS returned,
      count(*) FILTER (WHERE r.status IN ('self_assessed', 'reviewed', 'closed')) AS self_assessed,
      count(*) FILTER (WHERE r.status IN ('reviewed', 'closed')) AS reviewed,
      count(*) FILTER (WHERE r.kind = 'individual' AND r.review_level = 'completed_well') AS completed_well,
      count(*) FILTER (WHERE r.kind = 'individual' AND r.review_level = 'completed') AS completed,
      count(*) FILTER (WHERE r.kind = 'individual' AND r.review_level = 'not_completed') AS not_completed,
      (SELECT count(*) FROM registration_actions a WHERE a.registration_id = ANY(array_agg(r.id) FILTER (WHERE r.kind = 'individual' AND r.status <> 'draft'))) AS individual_actions,
      (SELECT count(*) FROM registration_actions a WHERE a.registration_id = ANY(array_agg(r.id) FILTER (WHERE r.kind = 'collective' AND r.status <> 'draft'))) AS collective_actions,
      (SELECT count(*) FROM registration_actions a WHERE a.registration_id = ANY(array_agg(r.id) FILTER (WHERE r.status IN ('approved', 'published', 'in_progress', 'self_assessed', 'reviewed', 'closed')))) AS approved_actions,
      (SELECT count(*) FROM registration_actions a WHERE a.self_level IN ('completed_well', 'completed')
        AND a.registration_id = ANY(array_agg(r.id) FILTER (WHERE r.status IN ('self_assessed', 'reviewed', 'closed')))) AS actions_done,
      (SELECT count(*) FROM registration_check_ins c JOIN registrations r2 ON r2.id = c.registration_id JOIN units u2 ON u2.id = r2.unit_id
        WHERE u2.path <@ ${unitPath}::ltree AND r2.year = ${YEAR}) AS check_ins
    FROM registrations r JOIN units u ON u.id = r.unit_id
    WHERE u.path <@ ${unitPath}::ltree AND r.year = ${YEAR}`);
  const members = await db.execute<{ n: number }>(sql`
    SELECT count(*) AS n FROM memberships m JOIN units u ON u.id = m.unit_id WHERE m.is_primary AND m.to_date IS NULL AND u.path <@ ${unitPath}::ltree`);
  const row = rows.rows[0]!;
  const n = (key: string) => Number(row[key] ?? 0);
  return {
    members: Number(members.rows[0]!.n),
    registered: n('registered'),
    leadersRegistered: n('leaders'),
    collectiveRegistered: n('collective'),
    individualActions: n('individual_actions'),
    collectiveActions: n('collective_actions'),
    approvedActions: n('approved_actions'),
    actionsDone: n('actions_done'),
    approved: n('approved'),
    published: n('published'),
    returned: n('returned'),
    checkIns: n('check_ins'),
    selfAssessed: n('self_assessed'),
    reviewed: n('reviewed'),
    completedWell: n('completed_well'),
    completed: n('completed'),
    notCompleted: n('not_completed'),
  };
}

describe('registration figures', () => {
  it('equal a direct recount after a random sequence of transitions, check-ins, self-assessments and reviews', async () => {
    const next = random(11);
    const admin = rootActor(tree.R.path);
    type Live = { id: number; actionIds: number[]; actor: Actor; unitId: number };
    const live: Live[] = [];
    let serial = 0;
    for (const unit of [tree.C1, tree.C2, tree.C3, tree.A]) {
      for (let index = 0; index < 4; index++) {
        serial += 1;
        const person = await addPerson(ctx.db, unit.path, {
          fullName: `Lê Văn Đếm ${serial}`,
          unitId: unit.id,
          cardNumber: String(81000000 + serial),
        });
        if (index === 3) continue; // one member of each unit never registers
        const user = await addUser(ctx.db, `dem.${serial}`, [{ unitId: unit.id, role: 'member' }]);
        await linkUser(ctx.db, user.id, person.id);
        const status = (['draft', 'submitted', 'approved', 'published'] as const)[next(4)]!;
        const created = await insertRegistration(ctx.db, unit, { personId: person.id, status, isLeader: index === 0, actions: 2 });
        live.push({
          ...created,
          unitId: unit.id,
          actor: { userId: user.id, personId: person.id, name: `dem.${serial}`, grants: [], ip: null, requestId: null },
        });
      }
      await insertRegistration(ctx.db, unit, { kind: 'collective', status: 'published' });
    }
    const steps: RegistrationTransition[] = ['submit', 'withdraw', 'return', 'approve', 'publish', 'unpublish', 'start'];
    for (let step = 0; step < 200; step++) {
      const target = live[next(live.length)]!;
      const choice = next(10);
      const version = Number(
        (await ctx.db.execute<{ version: number }>(sql`SELECT version FROM registrations WHERE id = ${target.id}`)).rows[0]!.version,
      );
      try {
        if (choice < 4) {
          const transition = steps[next(steps.length)]!;
          const byRegistrant = ['submit', 'withdraw', 'start'].includes(transition);
          await ctx.db.transaction((tx) =>
            transitionRegistration(tx, byRegistrant ? target.actor : admin, {
              registrationId: target.id,
              transition,
              expectedVersion: version,
              reason: 'Cần bổ sung',
            }),
          );
        } else if (choice < 6) {
          await recordCheckIn(ctx.db, target.actor, target.id, {
            actionId: target.actionIds[next(2)]!,
            progressPercent: next(101),
            note: `Bước ${step}`,
            fileIds: [],
          });
        } else if (choice < 8) {
          await selfAssess(ctx.db, target.actor, target.id, {
            version,
            selfLevel: 'completed',
            selfExplanation: 'Đã làm',
            actions: target.actionIds.map((actionId) => ({ actionId, level: 'completed', note: null })),
          });
        } else {
          const level = (['completed_well', 'completed', 'not_completed'] as const)[next(3)]!;
          await review(ctx.db, admin, target.id, { version, reviewLevel: level, reviewComment: 'Nhận xét' });
        }
      } catch (error) {
        // Steps the machine refuses in the current status are part of the sequence; they change nothing.
        const code = (error as { code?: string }).code;
        expect(['INVALID_TRANSITION', 'INVALID_STATE']).toContain(code);
      }
    }
    for (const unit of [tree.R, tree.A, tree.B, tree.C1, tree.C2, tree.C3]) {
      const answer = await getRegistrationFigures(ctx.db, admin, unit.id, YEAR);
      const expected = await recount(ctx.db, unit.path);
      const { registrationRate, ...counts } = answer.figures;
      expect(counts, unit.name).toEqual(expected);
      expect(registrationRate).toBeCloseTo(expected.members ? expected.registered / expected.members : 0);
    }
    const total = await recount(ctx.db, tree.R.path);
    expect(total.checkIns).toBeGreaterThan(0);
    expect(total.actionsDone).toBeGreaterThan(0);
    expect(total.reviewed).toBeGreaterThan(0);
  });

  it('of actions are counted from the rows for a database written before actions were counted', async () => {
    const admin = rootActor(tree.R.path);
    // A database of an earlier version: the registrations are there, their action counters are not.
    await ctx.db.execute(sql`DELETE FROM figure_counters WHERE metric LIKE 'registrations.actions%'`);
    await ctx.db.execute(sql`DELETE FROM data_repairs WHERE name = 'registration-action-figures'`);
    expect((await getRegistrationFigures(ctx.db, admin, tree.R.id, YEAR)).figures.individualActions).toBe(0);
    await runDataRepairs(ctx.db);
    for (const unit of [tree.R, tree.A, tree.C3]) {
      const { registrationRate, ...counts } = (await getRegistrationFigures(ctx.db, admin, unit.id, YEAR)).figures;
      expect(counts, unit.name).toEqual(await recount(ctx.db, unit.path));
      expect(registrationRate).not.toBeUndefined();
    }
    // Once only: a second start changes nothing.
    await runDataRepairs(ctx.db);
    expect((await getRegistrationFigures(ctx.db, admin, tree.R.id, YEAR)).figures.individualActions).toBe(
      (await recount(ctx.db, tree.R.path)).individualActions,
    );
  });

  it('serves the dashboard by child unit with definitions, and exports it; scoped to the subtree', async () => {
    await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }]);
    await addUser(ctx.db, 'canbo.b', [{ unitId: tree.B.id, role: 'officer' }]);
    const officer = await openSession(ctx.app, 'canbo.a');
    const response = await officer.get(`/api/registration-figures?unitId=${tree.A.id}&year=${YEAR}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.children.map((child: { unit: { code: string } }) => child.unit.code)).toEqual(['C1', 'C2']);
    expect(body.definitions.registrationRate).toContain('Tỷ lệ đăng ký');
    const expected = await recount(ctx.db, tree.A.path);
    expect(body.figures.registered).toBe(expected.registered);
    const file = await officer.get(`/api/exports/registration-figures?unitId=${tree.A.id}&year=${YEAR}`);
    expect(file.statusCode).toBe(200);
    const sheets = await readWorkbook(file.rawPayload);
    const rows = sheets.get('Đăng ký làm theo')!;
    expect(rows[1]!.slice(0, 5)).toEqual(['Mã đơn vị', 'Đơn vị', 'Số người sinh hoạt', 'Đã đăng ký làm theo', 'Tỷ lệ đăng ký']);
    const totalRow = rows.find((row) => row[0] === 'A')!;
    expect(totalRow[3]).toBe(expected.registered);
    expect(totalRow[rows[1]!.indexOf('Việc làm cá nhân đăng ký')]).toBe(expected.individualActions);
    expect(expected.individualActions).toBeGreaterThan(0);
    expect(sheets.get('Định nghĩa')!.length).toBe(19);
    // The programme dashboard's export carries the registration table too.
    const programme = await readWorkbook((await officer.get(`/api/exports/programme-figures?unitId=${tree.A.id}&year=${YEAR}`)).rawPayload);
    expect(programme.get('Đăng ký làm theo')!.find((row) => row[0] === 'A')![3]).toBe(expected.registered);
    expect(programme.get('Định nghĩa đăng ký')!.length).toBe(19);
    expect((await officer.get(`/api/registration-figures?unitId=${tree.B.id}&year=${YEAR}`)).statusCode).toBe(403);
    expect((await officer.get(`/api/registration-figures?unitId=${tree.A.id}&year=abc`)).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/registration-figures?unitId=${tree.A.id}&year=${YEAR}` })).statusCode).toBe(
      401,
    );
  });
});
