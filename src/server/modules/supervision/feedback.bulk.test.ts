import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database';
import { rootActor, seedSmallTree } from '../../../../test/helpers/fixtures';
import { AppError } from '../../platform/errors';
import { readFigures } from '../../platform/figures';
import { addDaysIso, todayIso } from '../../platform/dates';
import { FEEDBACK_METRICS } from '../figures/index';
import { insertFeedbackInBulk, type BulkFeedback } from './feedback.bulk';

/**
 * Feedback written in bulk: each item's status, settled day and search text as sending, answering
 * and hiding would have left them, and the overdue figure equal, on every day, to a recount of
 * the items overdue that day.
 */
let database: TestDatabase;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const today = todayIso();
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const BODY = 'Đề nghị chi bộ tổ chức sinh hoạt vào buổi tối để đảng viên đi làm xa tham dự được.';

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await seedSmallTree(database.db);
}, 120_000);
afterAll(() => database.cleanup());

const count = async (query: ReturnType<typeof sql>) => Number((await database.db.execute<{ n: number }>(query)).rows[0]!.n);

/** Items overdue on a day: due before it, and not settled by then (the figure's own definition). */
const overdueOn = (day: string) =>
  count(sql`SELECT count(*)::int AS n FROM feedback WHERE due_on < ${day}::date AND (settled_on IS NULL OR settled_on > ${day}::date)`);

async function figureOn(day: string): Promise<number> {
  return (await readFigures(database.db, [tree.R.id], [FEEDBACK_METRICS.overdue], day)).get(tree.R.id)![FEEDBACK_METRICS.overdue] ?? 0;
}

const due = (sent: Date, days = 15) => addDaysIso(todayIso(sent), days);

describe('feedback written in bulk', () => {
  it('keeps the overdue figure equal to a recount on every day', async () => {
    const items: BulkFeedback[] = [
      // Waiting long past its answer date: overdue now.
      { unitId: tree.C1.id, body: BODY, senderHash: 'a', sentAt: ago(40), dueOn: due(ago(40)) },
      // Answered late: overdue for a while, then no more.
      {
        unitId: tree.C1.id,
        body: BODY,
        senderHash: 'b',
        sentAt: ago(35),
        dueOn: due(ago(35)),
        answer: { text: 'Chi bộ đã tiếp thu.', at: ago(6), byUserId: null },
      },
      // Answered in time: never overdue.
      {
        unitId: tree.A.id,
        body: BODY,
        senderName: 'Trần Thị Lan',
        senderContact: '0905000111',
        senderHash: 'c',
        sentAt: ago(30),
        dueOn: due(ago(30)),
        answer: { text: 'Cảm ơn ông/bà.', at: ago(25), byUserId: null },
      },
      // Hidden as abuse before its answer date.
      {
        unitId: tree.A.id,
        body: BODY,
        senderHash: 'd',
        sentAt: ago(5),
        dueOn: due(ago(5)),
        hidden: { reason: 'Xúc phạm cá nhân', at: ago(4) },
      },
      // Sent lately, not yet due.
      { unitId: tree.C3.id, body: BODY, senderHash: 'e', sentAt: ago(2), dueOn: due(ago(2)) },
    ];
    const audit = await count(sql`SELECT count(*)::int AS n FROM audit_log`);
    expect(await database.db.transaction((tx) => insertFeedbackInBulk(tx, rootActor(tree.R.path), items))).toBe(5);
    const rows = (
      await database.db.execute<{ status: string; settled_on: string | null; search_text: string }>(
        sql`SELECT status, settled_on::text, search_text FROM feedback ORDER BY id`,
      )
    ).rows;
    expect(rows.map((row) => row.status)).toEqual(['new', 'answered', 'answered', 'hidden', 'new']);
    expect(rows.map((row) => row.settled_on)).toEqual([null, todayIso(ago(6)), todayIso(ago(25)), todayIso(ago(4)), null]);
    expect(rows[1]!.search_text).toContain('chi bo da tiep thu');
    for (let days = 45; days >= -20; days -= 1) {
      const day = addDaysIso(today, -days);
      expect(await figureOn(day), day).toBe(await overdueOn(day));
    }
    expect(await figureOn(today)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log`)).toBe(audit + 1);
  });

  it('refuses what a caller could get wrong, before writing anything', async () => {
    const before = {
      feedback: await count(sql`SELECT count(*)::int AS n FROM feedback`),
      counters: await count(sql`SELECT count(*)::int AS n FROM figure_counters`),
      audit: await count(sql`SELECT count(*)::int AS n FROM audit_log`),
    };
    const good: BulkFeedback = { unitId: tree.C1.id, body: BODY, senderHash: 'f', sentAt: ago(3), dueOn: due(ago(3)) };
    const refused = async (items: BulkFeedback[], code: string, actor = rootActor(tree.R.path)) => {
      // Straight on the database, no transaction: a refusal after a first write would leave it behind.
      const error = await insertFeedbackInBulk(database.db, actor, items).catch((caught: unknown) => caught);
      expect(error, JSON.stringify(items.at(-1))).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
    };
    await refused([good, { ...good, body: 'Quá ngắn' }], 'VALIDATION_FAILED');
    await refused([good, { ...good, dueOn: '2026-02-30' }], 'VALIDATION_FAILED');
    await refused([good, { ...good, dueOn: addDaysIso(todayIso(ago(3)), -1) }], 'VALIDATION_FAILED');
    await refused([good, { ...good, sentAt: new Date(Date.now() + DAY) }], 'VALIDATION_FAILED');
    await refused([good, { ...good, answer: { text: 'Đã trả lời', at: ago(10), byUserId: null } }], 'VALIDATION_FAILED');
    await refused(
      [good, { ...good, answer: { text: 'Đã trả lời', at: ago(1), byUserId: null }, hidden: { reason: 'Xúc phạm', at: ago(1) } }],
      'VALIDATION_FAILED',
    );
    await refused([good, { ...good, registrationId: 999_999 }], 'VALIDATION_FAILED');
    await refused([good, { ...good, unitId: 999_999 }], 'NOT_FOUND');
    await refused([good], 'FORBIDDEN', rootActor(tree.B.path));
    expect({
      feedback: await count(sql`SELECT count(*)::int AS n FROM feedback`),
      counters: await count(sql`SELECT count(*)::int AS n FROM figure_counters`),
      audit: await count(sql`SELECT count(*)::int AS n FROM audit_log`),
    }).toEqual(before);
  });
});
