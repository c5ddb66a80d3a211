/**
 * The live grading distribution equals a recount from the gradings themselves after a random
 * sequence of decisions, reopenings, new grades and decisions again, for every unit of the tree and
 * both subject kinds; shares never exceed 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedSmallTree, startTestApp, rootActor, type TestContext } from './helpers/fixtures';
import { gradeBody, memberGradingIn } from './helpers/grading-rows';
import { decideOne, gradeOne, getGradingFigures } from '../src/server/modules/grading/index';
import { getGrading, reopenGrading } from '../src/server/modules/grading/grading.service';
import { GRADES, type Grade } from '../src/shared/contracts/grading';
import { Random } from '../src/server/demo/random';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
});
afterAll(() => ctx.close());

describe('grading figures against a recount', () => {
  it('match for every unit after 120 random steps', async () => {
    const system = rootActor(tree.R.path);
    const cells = [tree.C1, tree.C2, tree.C3];
    const gradings: number[] = [];
    for (let n = 0; n < 18; n++) {
      const made = await memberGradingIn(ctx.db, { rootPath: tree.R.path, unit: cells[n % 3]! }, 'graded', 700 + n);
      gradings.push(made.id);
    }
    const random = new Random(11);
    for (let step = 0; step < 120; step++) {
      const id = random.pick(gradings);
      const view = await getGrading(ctx.db, system, id);
      if (view.status === 'graded' && random.chance(0.6)) {
        await decideOne(ctx.db, system, id, { version: view.version, grade: random.pick([...GRADES]), note: null });
      } else if (view.status === 'graded') {
        const grade: Grade = random.pick(['good', 'done']);
        const total = grade === 'good' ? 80 : 60;
        await gradeOne(ctx.db, system, id, { ...gradeBody(view.version, total), grade } as Parameters<typeof gradeOne>[3]);
      } else if (view.status === 'decided') {
        await reopenGrading(ctx.db, system, id, { version: view.version, reason: 'Xem xét lại' });
      }
    }
    const recount = await ctx.db.execute<{ path: string; grade: Grade }>(sql`
      SELECT u.path::text AS path, g.decided_grade AS grade FROM gradings g JOIN units u ON u.id = g.unit_id
      WHERE g.year = 2026 AND g.status = 'decided'`);
    expect(recount.rows.length).toBeGreaterThan(3);
    for (const unit of [tree.R, tree.A, tree.B, ...cells]) {
      const answer = await getGradingFigures(ctx.db, system, unit.id, 2026);
      const expected = Object.fromEntries(
        GRADES.map((grade) => [
          grade,
          recount.rows.filter((row) => row.grade === grade && (row.path + '.').startsWith(`${unit.path}.`)).length,
        ]),
      );
      expect(answer.figures.members, unit.name).toEqual(expected);
      for (const share of Object.values(answer.figures.memberShares)) expect(share === null || (share >= 0 && share <= 1)).toBe(true);
    }
  });
});
