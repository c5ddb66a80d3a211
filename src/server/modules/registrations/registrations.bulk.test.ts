import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database';
import { addPerson, rootActor, seedSmallTree } from '../../../../test/helpers/fixtures';
import { actions } from '../../../../test/helpers/registration-fixtures';
import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { readFigures } from '../../platform/figures';
import { addDaysIso, todayIso } from '../../platform/dates';
import { REGISTRATION_METRICS } from '../figures/index';
import type { RegistrationStatus } from '../../../shared/contracts/registration-status';
import { transitionRegistration } from './registration-machine';
import { createCollectiveRegistration, createOwnRegistration } from './registrations.service';
import { insertRegistrationsInBulk, openWindowsInBulk, publishRegistrationsInBulk, type BulkRegistration } from './registrations.bulk';

/**
 * The bulk writes of registrations leave the rows and the counters the services leave when the
 * same registrations are written one by one: two databases seeded alike, one loaded in bulk, the
 * other through createOwnRegistration / createCollectiveRegistration and the status machine.
 */
type World = { database: TestDatabase; tree: Awaited<ReturnType<typeof seedSmallTree>>; people: number[]; windowId: number };
let bulk: World;
let oneByOne: World;
const YEAR = 2026;
const today = todayIso();
const daysAgo = (days: number) => new Date(`${addDaysIso(today, -days)}T09:00:00+07:00`);
const COPIED = 'Còn nể nang, ngại va chạm khi góp ý cho đồng chí, đồng nghiệp trong sinh hoạt chi bộ';

async function world(): Promise<World> {
  const database = await createTestDatabase();
  const tree = await seedSmallTree(database.db);
  const people: number[] = [];
  for (const [index, unit] of [tree.C1, tree.C1, tree.C1, tree.C2, tree.C2, tree.C3].entries()) {
    const person = await addPerson(database.db, unit.path, {
      fullName: `Đảng viên ${index + 1}`,
      unitId: unit.id,
      cardNumber: String(93_000_001 + index),
      isHead: index === 0,
    });
    people.push(person.id);
  }
  const [windowId] = await database.db.transaction((tx) =>
    openWindowsInBulk(tx, rootActor(tree.R.path), [
      {
        unitId: tree.R.id,
        year: YEAR,
        toYear: YEAR,
        opensOn: `${YEAR}-01-05`,
        closesOn: `${YEAR}-03-31`,
        topicId: null,
        breakthroughIds: [],
        guidance: null,
      },
    ]),
  );
  return { database, tree, people, windowId: windowId! };
}

/** The plan: who registers what, and the steps after the draft (status, days ago). */
function plan(w: World): Array<BulkRegistration & { path: Array<[RegistrationStatus, number]> }> {
  const { tree, people } = w;
  const individual = (index: number, unitId: number, shortcomings: string, steps: Array<[RegistrationStatus, number]>) => ({
    kind: 'individual' as const,
    unitId,
    personId: people[index]!,
    isLeader: index === 0,
    shortcomings,
    actions: actions(
      `Việc thứ nhất của đảng viên ${index + 1}`,
      `Việc thứ hai của đảng viên ${index + 1}`,
      'Giúp đỡ hộ nghèo trong khu dân cư',
    ),
    path: steps,
    steps: [] as BulkRegistration['steps'],
  });
  const items = [
    individual(0, tree.C1.id, COPIED, [
      ['submitted', 40],
      ['approved', 35],
      ['published', 30],
    ]),
    individual(1, tree.C1.id, COPIED, [
      ['submitted', 39],
      ['approved', 34],
    ]),
    individual(2, tree.C1.id, 'Đôi lúc chưa đúng giờ khi dự họp', [
      ['submitted', 20],
      ['returned', 18],
    ]),
    individual(3, tree.C2.id, 'Chưa thường xuyên đọc báo Đảng', [['submitted', 10]]),
    individual(4, tree.C2.id, 'Còn ngại phát biểu', []),
    {
      kind: 'collective' as const,
      unitId: tree.C3.id,
      personId: null,
      isLeader: false,
      shortcomings: '',
      actions: actions('Duy trì sinh hoạt chuyên đề hằng quý', 'Vận động nhân dân giữ vệ sinh thôn xóm'),
      path: [
        ['submitted', 25],
        ['approved', 21],
      ] as Array<[RegistrationStatus, number]>,
      steps: [] as BulkRegistration['steps'],
    },
  ];
  return items.map((item) => ({
    ...item,
    createdAt: daysAgo(50),
    steps: item.path.map(([status, days]) => ({
      status,
      at: daysAgo(days),
      actorName: 'Chi ủy',
      reason: status === 'returned' ? 'Cần ghi rõ kết quả đo được' : null,
    })),
  }));
}

const TRANSITION: Partial<Record<RegistrationStatus, 'submit' | 'approve' | 'return' | 'publish'>> = {
  submitted: 'submit',
  approved: 'approve',
  returned: 'return',
  published: 'publish',
};

/** The same plan written one registration at a time, through the services. */
async function writeOneByOne(w: World) {
  const { db } = w.database;
  for (const item of plan(w)) {
    const actor = { ...rootActor(w.tree.R.path), personId: item.personId };
    const created =
      item.kind === 'individual'
        ? await createOwnRegistration(db, actor, {
            year: YEAR,
            shortcomings: item.shortcomings,
            actions: item.actions,
            supplementOfId: null,
          })
        : await createCollectiveRegistration(db, actor, {
            unitId: item.unitId,
            year: YEAR,
            shortcomings: item.shortcomings,
            actions: item.actions,
          });
    let version = created.version;
    for (const step of item.steps) {
      const moved = await db.transaction((tx) =>
        transitionRegistration(tx, actor, {
          registrationId: created.id,
          transition: TRANSITION[step.status]!,
          expectedVersion: version,
          reason: step.reason ?? undefined,
        }),
      );
      version = moved.registration.version;
    }
  }
}

async function counters(db: Database) {
  const rows = await db.execute<{ unit_id: number; metric: string; value: number }>(sql`
    SELECT unit_id, metric, sum(delta)::int AS value FROM figure_counters WHERE metric LIKE 'registrations.%'
    GROUP BY unit_id, metric HAVING sum(delta) <> 0 ORDER BY unit_id, metric`);
  return rows.rows.map((row) => `${row.unit_id} ${row.metric} ${row.value}`);
}

async function rowsOf(db: Database) {
  const rows = await db.execute(sql`
    SELECT kind, unit_id, person_id, status, is_leader, revision, version, has_twin, search_text, encode(fingerprint, 'hex') AS fingerprint,
      (SELECT count(*)::int FROM registration_actions a WHERE a.registration_id = r.id) AS actions,
      (SELECT string_agg(coalesce(from_status, '') || '>' || to_status || ':' || coalesce(reason, '') || ':' || (snapshot IS NOT NULL)::text, ',' ORDER BY e.id)
        FROM registration_events e WHERE e.registration_id = r.id) AS events
    FROM registrations r ORDER BY r.id`);
  return rows.rows;
}

async function snapshotOfAll(db: Database) {
  const count = async (table: string) =>
    Number((await db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0]!.n);
  return {
    registrations: await count('registrations'),
    actions: await count('registration_actions'),
    events: await count('registration_events'),
    pairs: await count('registration_similarities'),
    audit: await count('audit_log'),
    counters: await counters(db),
  };
}

beforeAll(async () => {
  [bulk, oneByOne] = await Promise.all([world(), world()]);
  await writeOneByOne(oneByOne);
}, 120_000);
afterAll(async () => {
  await bulk?.database.cleanup();
  await oneByOne?.database.cleanup();
});

describe('registrations written in bulk', () => {
  it('leave the rows, history, near-identical pairs and counters the services leave one by one', async () => {
    const { db } = bulk.database;
    const audits = await snapshotOfAll(db);
    const ids = await db.transaction((tx) =>
      insertRegistrationsInBulk(tx, rootActor(bulk.tree.R.path), { windowId: bulk.windowId, year: YEAR, registrations: plan(bulk) }),
    );
    expect(ids).toHaveLength(6);
    expect(await rowsOf(db)).toEqual(await rowsOf(oneByOne.database.db));
    expect(await counters(db)).toEqual(await counters(oneByOne.database.db));
    // The copied registrations are flagged (the rows above equal those written one by one).
    expect((await rowsOf(db)).filter((row) => row.has_twin).length).toBeGreaterThanOrEqual(2);
    // One audit row for the batch.
    expect((await snapshotOfAll(db)).audit).toBe(audits.audit + 1);
  });

  it('date each step on its day, so a past day reads the figures of that day', async () => {
    const { db } = bulk.database;
    const approved = REGISTRATION_METRICS.bucket('individual', 'approved', YEAR);
    const registered = REGISTRATION_METRICS.bucket('individual', 'registered', YEAR);
    const read = async (days: number) =>
      (await readFigures(db, [bulk.tree.R.id], [approved, registered], addDaysIso(today, -days))).get(bulk.tree.R.id)!;
    expect(await read(45)).toEqual({});
    expect(await read(36)).toEqual({ [registered]: 2 });
    expect(await read(34)).toEqual({ [registered]: 2, [approved]: 2 });
    expect(await read(0)).toEqual({ [registered]: 4, [approved]: 2 });
  });

  it('publish in bulk as publishing each through the status machine would', async () => {
    const ids = (
      await bulk.database.db.execute<{ id: number }>(sql`SELECT id FROM registrations WHERE status = 'approved' ORDER BY id`)
    ).rows.map((row) => Number(row.id));
    expect(ids).toHaveLength(2);
    expect(await bulk.database.db.transaction((tx) => publishRegistrationsInBulk(tx, rootActor(bulk.tree.R.path), ids))).toBe(2);
    for (const id of ids) {
      await oneByOne.database.db.transaction(async (tx) => {
        const version = (await tx.execute<{ version: number }>(sql`SELECT version FROM registrations WHERE id = ${id}`)).rows[0]!.version;
        await transitionRegistration(tx, rootActor(oneByOne.tree.R.path), {
          registrationId: id,
          transition: 'publish',
          expectedVersion: version,
        });
      });
    }
    expect(await rowsOf(bulk.database.db)).toEqual(await rowsOf(oneByOne.database.db));
    expect(await counters(bulk.database.db)).toEqual(await counters(oneByOne.database.db));
    const published = REGISTRATION_METRICS.bucket('collective', 'published', YEAR);
    const figures = await readFigures(bulk.database.db, [bulk.tree.R.id], [published], today);
    expect(figures.get(bulk.tree.R.id)![published]).toBe(1);
  });

  it('refuse what a caller could get wrong, before writing anything', async () => {
    const { db } = bulk.database;
    const before = await snapshotOfAll(db);
    const actor = rootActor(bulk.tree.R.path);
    const fresh = async () => {
      const person = await addPerson(db, bulk.tree.C2.path, { fullName: 'Đảng viên mới', unitId: bulk.tree.C2.id, cardNumber: '93000999' });
      return person.id;
    };
    const personId = await fresh();
    const good: BulkRegistration = {
      kind: 'individual',
      unitId: bulk.tree.C2.id,
      personId,
      isLeader: false,
      shortcomings: 'Chưa mạnh dạn góp ý',
      actions: actions('Tham gia đủ các buổi sinh hoạt'),
      steps: [{ status: 'submitted', at: daysAgo(3), actorName: 'Đảng viên mới' }],
    };
    const afterPeople = await snapshotOfAll(db);
    const refused = async (registrations: BulkRegistration[], code: string) => {
      // Straight on the database, no transaction: a refusal after a first write would leave it behind.
      const error = await insertRegistrationsInBulk(db, actor, { windowId: bulk.windowId, year: YEAR, registrations }).catch(
        (caught) => caught,
      );
      expect(error, JSON.stringify(registrations[1] ?? registrations[0])).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
    };
    const step = (status: string, at = daysAgo(2), reason?: string) => ({
      status: status as RegistrationStatus,
      at,
      actorName: 'Chi ủy',
      reason,
    });
    await refused([good, { ...good, personId: bulk.people[4]!, steps: [step('submitted'), step('finished')] }], 'VALIDATION_FAILED');
    await refused([good, { ...good, personId: bulk.people[4]!, steps: [step('approved')] }], 'VALIDATION_FAILED');
    await refused(
      [good, { ...good, personId: bulk.people[4]!, steps: [step('submitted', new Date(Date.now() + 3 * 86_400_000))] }],
      'VALIDATION_FAILED',
    );
    await refused([good, { ...good, personId: bulk.people[4]!, steps: [step('submitted', new Date(Number.NaN))] }], 'VALIDATION_FAILED');
    await refused(
      [good, { ...good, personId: bulk.people[4]!, steps: [step('submitted', daysAgo(2)), step('approved', daysAgo(5))] }],
      'VALIDATION_FAILED',
    );
    await refused(
      [good, { ...good, personId: bulk.people[4]!, steps: [step('submitted', daysAgo(5)), step('returned', daysAgo(4))] }],
      'VALIDATION_FAILED',
    );
    await refused([good, { ...good, personId: bulk.people[0]! }], 'VALIDATION_FAILED');
    await refused([good, good], 'VALIDATION_FAILED');
    await refused([good, { ...good, personId: bulk.people[4]!, unitId: 999_999 }], 'VALIDATION_FAILED');
    await refused(
      [
        good,
        {
          ...good,
          personId: bulk.people[4]!,
          actions: [{ ...actions('Theo tiêu chí')[0]!, linkKind: 'standard_criterion', linkId: 1, linkIndex: 0 }],
        },
      ],
      'VALIDATION_FAILED',
    );
    const outsider = { ...rootActor(bulk.tree.B.path) };
    const error = await insertRegistrationsInBulk(db, outsider, { windowId: bulk.windowId, year: YEAR, registrations: [good] }).catch(
      (caught) => caught,
    );
    expect((error as AppError).code).toBe('FORBIDDEN');
    const submitted = (await db.execute<{ id: number }>(sql`SELECT id FROM registrations WHERE status = 'submitted' LIMIT 1`)).rows[0]!;
    const notApproved = await publishRegistrationsInBulk(db, actor, [Number(submitted.id)]).catch((caught) => caught);
    expect((notApproved as AppError).code).toBe('INVALID_TRANSITION');
    const after = await snapshotOfAll(db);
    expect(after).toEqual(afterPeople);
    expect(after.registrations).toBe(before.registrations);
    // The good one alone goes through.
    await db.transaction((tx) => insertRegistrationsInBulk(tx, actor, { windowId: bulk.windowId, year: YEAR, registrations: [good] }));
    expect((await snapshotOfAll(db)).registrations).toBe(before.registrations + 1);
  });
});
