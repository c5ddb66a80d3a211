import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { readFigures } from '../platform/figures';
import { PROGRAMME_METRICS } from '../modules/figures/programme-metrics';
import { loadDemoProgramme } from './demo-programme';
import { listApplicableTopics } from '../modules/programme/index';
import { seedSmallTree, startTestApp, type TestContext } from '../../../test/helpers/fixtures';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await loadDemoProgramme(ctx.db, 'R');
});
afterAll(() => ctx.close());

async function rows<T extends Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await ctx.db.execute(query)).rows as T[];
}

describe('demo programme', () => {
  it('writes the province plan 23-KH/TU with three task groups, and a plan for each commune', async () => {
    const plans = await rows<{ code: string; number_symbol: string; groups: number }>(sql`
      SELECT u.code, p.number_symbol, jsonb_array_length(p.task_groups) AS groups FROM plans p JOIN units u ON u.id = p.unit_id ORDER BY u.code`);
    expect(plans).toEqual([
      { code: 'A', number_symbol: '03-KH/ĐU', groups: 2 },
      { code: 'B', number_symbol: '04-KH/ĐU', groups: 2 },
      { code: 'R', number_symbol: '23-KH/TU', groups: 3 },
    ]);
  });

  it('gives every cell the whole-term and the annual topic of the province', async () => {
    const topics = await listApplicableTopics(ctx.db, tree.C3.path, 2026);
    expect(topics.map((topic) => [topic.fromYear, topic.toYear])).toEqual([
      [2025, 2030],
      [2026, 2026],
    ]);
  });

  it('chooses three province contents, adopted by the communes with progress, counted as a recount says', async () => {
    const contents = await rows<{ code: string; adopted: boolean; status: string; updates: number }>(sql`
      SELECT u.code, b.adopted_from_id IS NOT NULL AS adopted, b.status,
        (SELECT count(*) FROM breakthrough_updates x WHERE x.breakthrough_id = b.id) AS updates
      FROM breakthrough_contents b JOIN units u ON u.id = b.unit_id ORDER BY b.id`);
    expect(contents.filter((row) => row.code === 'R')).toHaveLength(3);
    const copies = contents.filter((row) => row.adopted);
    expect(copies.length).toBeGreaterThanOrEqual(4);
    expect(copies.every((row) => Number(row.updates) >= 1)).toBe(true);
    expect(copies.some((row) => row.status === 'done')).toBe(true);
    const done = contents.filter((row) => row.status === 'done').length;
    const figures = await readFigures(
      ctx.db,
      [tree.R.id],
      [PROGRAMME_METRICS.breakthroughs(2026), PROGRAMME_METRICS.breakthroughsDone(2026)],
      '2100-01-01',
    );
    expect(figures.get(tree.R.id)).toEqual({
      [PROGRAMME_METRICS.breakthroughs(2026)]: contents.length,
      [PROGRAMME_METRICS.breakthroughsDone(2026)]: done,
    });
  });
});
