import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database';
import { addPerson, rootActor, seedSmallTree } from '../../../../test/helpers/fixtures';
import { insertRegistration } from '../../../../test/helpers/followup-rows';
import type { Actor } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors';
import { readFigures } from '../../platform/figures';
import { addDaysIso, todayIso } from '../../platform/dates';
import { REGISTRATION_METRICS } from '../figures/index';
import { recordCheckInsInBulk, reviewInBulk, selfAssessInBulk, type BulkCheckIn } from './followup.bulk';

/**
 * The follow-up written in bulk: check-ins, self-assessments and reviews leave the counters equal
 * to a recount of the rows, on the days the check-ins were made, and a bad row writes nothing.
 */
let database: TestDatabase;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const YEAR = Number(todayIso().slice(0, 4));
const today = todayIso();
const at = (daysAgo: number) => new Date(`${addDaysIso(today, -daysAgo)}T09:00:00+07:00`);
type Registered = { id: number; actionIds: number[]; actor: Actor };
const registered: Registered[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await seedSmallTree(database.db);
  for (let index = 0; index < 4; index++) {
    const person = await addPerson(database.db, tree.C1.path, {
      fullName: `Đảng viên ${index + 1}`,
      unitId: tree.C1.id,
      cardNumber: String(94_000_001 + index),
    });
    const row = await insertRegistration(database.db, tree.C1, { personId: person.id, status: 'published', year: YEAR, actions: 2 });
    registered.push({ ...row, actor: { ...rootActor(tree.R.path), personId: person.id } });
  }
}, 120_000);
afterAll(() => database.cleanup());

const count = async (query: ReturnType<typeof sql>) => Number((await database.db.execute<{ n: number }>(query)).rows[0]!.n);

async function figure(metric: string, day = today): Promise<number> {
  return (await readFigures(database.db, [tree.R.id], [metric], day)).get(tree.R.id)![metric] ?? 0;
}

async function state() {
  return {
    checkIns: await count(sql`SELECT count(*)::int AS n FROM registration_check_ins`),
    statuses: (await database.db.execute(sql`SELECT id, status, version, last_check_in_at FROM registrations ORDER BY id`)).rows,
    actions: (await database.db.execute(sql`SELECT id, progress_percent, self_level FROM registration_actions ORDER BY id`)).rows,
    counters: (
      await database.db.execute(sql`SELECT metric, day::text, sum(delta)::int AS v FROM figure_counters GROUP BY 1, 2 ORDER BY 1, 2`)
    ).rows,
    audit: await count(sql`SELECT count(*)::int AS n FROM audit_log`),
  };
}

describe('the follow-up written in bulk', () => {
  it('records check-ins as recordCheckIn would, on their days, with the figure equal to a recount', async () => {
    const [first] = registered;
    const checkIns: BulkCheckIn[] = [
      { registrationId: first!.id, actionId: first!.actionIds[0]!, at: at(60), progressPercent: 30, note: 'Đã bắt đầu' },
      { registrationId: first!.id, actionId: first!.actionIds[0]!, at: at(20), progressPercent: 70, note: 'Đã làm được phần lớn' },
      { registrationId: first!.id, actionId: first!.actionIds[1]!, at: at(40), progressPercent: 50, note: 'Đang làm' },
    ];
    const versions = await database.db.transaction((tx) => recordCheckInsInBulk(tx, first!.actor, checkIns));
    const row = (
      await database.db.execute<{ status: string; version: number; last: string }>(
        sql`SELECT status, version, last_check_in_at::text AS last FROM registrations WHERE id = ${first!.id}`,
      )
    ).rows[0]!;
    // The first check-in moved it to "in progress" through the status machine.
    expect(row.status).toBe('in_progress');
    expect(versions.get(first!.id)).toBe(Number(row.version));
    expect(new Date(row.last).getTime()).toBe(at(20).getTime());
    const progress = (
      await database.db.execute<{ id: number; progress_percent: number }>(
        sql`SELECT id, progress_percent FROM registration_actions WHERE registration_id = ${first!.id} ORDER BY position`,
      )
    ).rows.map((action) => Number(action.progress_percent));
    expect(progress).toEqual([70, 50]);
    const metric = REGISTRATION_METRICS.checkIns(YEAR);
    const recount = await count(sql`SELECT count(*)::int AS n FROM registration_check_ins`);
    expect(recount).toBe(3);
    expect(await figure(metric)).toBe(recount);
    // Counted on the day each was made (within the year: the days before it are last year's figures).
    if (addDaysIso(today, -30).startsWith(String(YEAR))) expect(await figure(metric, addDaysIso(today, -30))).toBe(2);
    const published = REGISTRATION_METRICS.bucket('individual', 'published', YEAR);
    expect(await figure(published)).toBe(
      await count(
        sql`SELECT count(*)::int AS n FROM registrations WHERE status IN ('published', 'in_progress', 'self_assessed', 'reviewed')`,
      ),
    );
  });

  it('self-assesses and reviews in bulk with the figures equal to a recount', async () => {
    const [, second] = registered;
    const versions = await database.db.transaction((tx) =>
      recordCheckInsInBulk(tx, second!.actor, [
        { registrationId: second!.id, actionId: second!.actionIds[0]!, at: at(5), progressPercent: 100, note: 'Đã xong' },
      ]),
    );
    await database.db.transaction(async (tx) => {
      await selfAssessInBulk(tx, second!.actor, [
        {
          registrationId: second!.id,
          version: versions.get(second!.id)!,
          selfLevel: 'completed',
          selfExplanation: 'Đã làm đủ các việc',
          actions: [
            { actionId: second!.actionIds[0]!, level: 'completed_well', note: null },
            { actionId: second!.actionIds[1]!, level: 'not_completed', note: 'Chưa kịp' },
          ],
        },
      ]);
      await reviewInBulk(tx, second!.actor, [
        { registrationId: second!.id, version: versions.get(second!.id)! + 1, reviewLevel: 'completed', reviewComment: 'Nhất trí' },
      ]);
    });
    expect(await figure(REGISTRATION_METRICS.reviewLevel('completed', YEAR))).toBe(
      await count(sql`SELECT count(*)::int AS n FROM registrations WHERE review_level = 'completed'`),
    );
    expect(await figure(REGISTRATION_METRICS.bucket('individual', 'reviewed', YEAR))).toBe(1);
    expect(await figure(REGISTRATION_METRICS.actionsDone('individual', YEAR))).toBe(
      await count(sql`SELECT count(*)::int AS n FROM registration_actions WHERE self_level IN ('completed_well', 'completed')`),
    );
    expect(await figure(REGISTRATION_METRICS.checkIns(YEAR))).toBe(await count(sql`SELECT count(*)::int AS n FROM registration_check_ins`));
  });

  it('refuses what a caller could get wrong, before writing anything', async () => {
    const [first, , third, fourth] = registered;
    const before = await state();
    const good: BulkCheckIn = {
      registrationId: third!.id,
      actionId: third!.actionIds[0]!,
      at: at(3),
      progressPercent: 40,
      note: 'Đang làm',
    };
    const refused = async (actor: Actor, checkIns: BulkCheckIn[], code: string) => {
      // Straight on the database, no transaction: a refusal after a first write would leave it behind.
      const error = await recordCheckInsInBulk(database.db, actor, checkIns).catch((caught: unknown) => caught);
      expect(error, JSON.stringify(checkIns.at(-1))).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
    };
    await refused(third!.actor, [good, { ...good, progressPercent: 120 }], 'VALIDATION_FAILED');
    await refused(third!.actor, [good, { ...good, note: '  ' }], 'VALIDATION_FAILED');
    await refused(third!.actor, [good, { ...good, at: new Date(Date.now() + 2 * 86_400_000) }], 'VALIDATION_FAILED');
    await refused(third!.actor, [good, { ...good, at: new Date(Number.NaN) }], 'VALIDATION_FAILED');
    await refused(third!.actor, [good, { ...good, actionId: fourth!.actionIds[0]! }], 'VALIDATION_FAILED');
    await refused(third!.actor, [good, { ...good, registrationId: 999_999 }], 'NOT_FOUND');
    // Only the registrant records a check-in; none on a registration already reviewed.
    await refused(
      third!.actor,
      [good, { registrationId: fourth!.id, actionId: fourth!.actionIds[0]!, at: at(3), progressPercent: 10, note: 'x' }],
      'FORBIDDEN',
    );
    const reviewed = registered[1]!;
    await refused(
      reviewed.actor,
      [{ registrationId: reviewed.id, actionId: reviewed.actionIds[0]!, at: at(2), progressPercent: 10, note: 'x' }],
      'INVALID_STATE',
    );
    const selfAssess = await selfAssessInBulk(database.db, first!.actor, [
      {
        registrationId: first!.id,
        version: 2,
        selfLevel: 'completed',
        selfExplanation: 'Đã làm',
        actions: [{ actionId: first!.actionIds[0]!, level: 'completed', note: null }],
      },
    ]).catch((caught: unknown) => caught);
    expect((selfAssess as AppError).code).toBe('VALIDATION_FAILED');
    expect(await state()).toEqual(before);
  });
});
