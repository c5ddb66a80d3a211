/**
 * The overdue public feedback figure is a live counter: sending dates its start ahead, answering
 * or hiding ends it. Read as of today on every unit it equals a recount of the rows, and read as of
 * an earlier day it still counts what was overdue then.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rootActor, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { createFeedbackGuard, feedbackSettings, loadFeedbackSecret, submitPublicFeedback } from '../src/server/modules/supervision/index';
import { answerFeedback, hideFeedback } from '../src/server/modules/supervision/feedback.service';
import { FEEDBACK_METRICS } from '../src/server/modules/figures/index';
import { readFigures } from '../src/server/platform/figures';
import { addDaysIso, todayIso } from '../src/server/platform/dates';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const guard = createFeedbackGuard(loadFeedbackSecret('.tmp/test-data'));
let sender = 0;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
});
afterAll(() => ctx.close());

/** One item sent from the public page of a unit `daysAgo` days ago (answer date: 15 days after). */
async function send(unitCode: string, daysAgo: number): Promise<number> {
  const now = new Date(Date.now() - daysAgo * 86_400_000);
  const challenge = guard.newChallenge(now);
  const answer = challenge.question
    .split(' + ')
    .map(Number)
    .reduce((a, b) => a + b, 0);
  await submitPublicFeedback(ctx.db, {
    unitCode,
    form: { noi_dung: `Đề nghị chi bộ công khai kết quả thực hiện số ${++sender}.`, dap_an: String(answer), ma_kiem_tra: challenge.token },
    ip: `203.0.113.${sender}`,
    guard,
    settings: feedbackSettings({}),
    now,
  });
  const rows = await ctx.db.execute<{ id: number }>(sql`SELECT max(id) AS id FROM feedback`);
  return Number(rows.rows[0]!.id);
}

async function versionOf(id: number): Promise<number> {
  return Number((await ctx.db.execute<{ version: number }>(sql`SELECT version FROM feedback WHERE id = ${id}`)).rows[0]!.version);
}

/** Each unit's figure as of `day`, beside a recount of the rows waiting past their answer date then. */
async function figuresAndRecount(day: string) {
  const units = [tree.R, tree.A, tree.B, tree.C1, tree.C2, tree.C3];
  const figures = await readFigures(
    ctx.db,
    units.map((unit) => unit.id),
    [FEEDBACK_METRICS.overdue],
    day,
  );
  const recount = async (path: string) => {
    const rows = await ctx.db.execute<{ n: number }>(sql`
      SELECT count(*) AS n FROM feedback f JOIN units u ON u.id = f.unit_id
      WHERE u.path <@ ${path}::ltree AND f.due_on < ${day}::date
        AND (f.status = 'new' OR (f.status = 'answered' AND (f.answered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > ${day}::date))`);
    return Number(rows.rows[0]!.n);
  };
  return {
    figures: units.map((unit) => [unit.code, figures.get(unit.id)?.[FEEDBACK_METRICS.overdue] ?? 0]),
    recount: await Promise.all(units.map(async (unit) => [unit.code, await recount(unit.path)])),
  };
}

describe('overdue public feedback figure', () => {
  it('counts from the day after the answer date until the item is answered or hidden', async () => {
    const overdueInC1 = [await send('C1', 30), await send('C1', 25), await send('C1', 20)];
    const inTimeInC2 = await send('C2', 2);
    await send('A', 18);
    await send('C3', 16);

    const today = todayIso();
    const before = await figuresAndRecount(today);
    expect(before.figures).toEqual(before.recount);
    expect(before.figures).toEqual([
      ['R', 5],
      ['A', 4],
      ['B', 1],
      ['C1', 3],
      ['C2', 0],
      ['C3', 1],
    ]);

    const admin = rootActor(tree.R.path);
    await answerFeedback(ctx.db, admin, overdueInC1[0]!, {
      version: await versionOf(overdueInC1[0]!),
      answer: 'Chi bộ đã công khai tại nhà văn hóa.',
    });
    await hideFeedback(ctx.db, admin, overdueInC1[1]!, { version: await versionOf(overdueInC1[1]!), reason: 'Nội dung trùng lặp' });
    await answerFeedback(ctx.db, admin, inTimeInC2, { version: await versionOf(inTimeInC2), answer: 'Cảm ơn, chi bộ ghi nhận.' });
    // Correcting an answer changes nothing more.
    await answerFeedback(ctx.db, admin, overdueInC1[0]!, {
      version: await versionOf(overdueInC1[0]!),
      answer: 'Đã công khai, xin cảm ơn.',
    });

    const after = await figuresAndRecount(today);
    expect(after.figures).toEqual([
      ['R', 3],
      ['A', 2],
      ['B', 1],
      ['C1', 1],
      ['C2', 0],
      ['C3', 1],
    ]);
    // Yesterday the answered and hidden ones were still waiting: the figure as of then says so.
    const yesterday = await figuresAndRecount(addDaysIso(today, -1));
    expect(yesterday.figures.find(([code]) => code === 'C1')).toEqual(['C1', 3]);
    // Fifteen days ago only the oldest had passed its answer date.
    expect((await figuresAndRecount(addDaysIso(today, -14))).figures.find(([code]) => code === 'C1')).toEqual(['C1', 1]);
  });
});
