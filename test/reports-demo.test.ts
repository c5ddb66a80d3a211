import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext } from './helpers/fixtures';
import { loadDemoData } from '../src/server/modules/demo/load-demo';
import { getConsolidation } from '../src/server/modules/reports/index';
import { systemActor } from '../src/server/platform/auth/policy';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
  await loadDemoData(ctx.db);
}, 180_000);
afterAll(() => ctx.close());

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await ctx.db.execute<T>(query)).rows;

describe('demo reports', () => {
  it('has last year answered by most units with recommendations answered, and this quarter open with drafts', async () => {
    const requests = await rows<{ id: number; title: string; answers: number; submitted: number; drafts: number }>(sql`
      SELECT r.id, r.title, count(a.*) AS answers, count(a.first_submitted_on) AS submitted, count(*) FILTER (WHERE a.status = 'draft') AS drafts
      FROM report_requests r JOIN report_answers a ON a.request_id = r.id GROUP BY r.id ORDER BY r.period_to`);
    expect(requests).toHaveLength(3);
    for (const past of requests.slice(0, 2)) expect(Number(past.submitted) / Number(past.answers)).toBeGreaterThan(0.6);
    expect(Number(requests[2]!.submitted)).toBe(0);
    expect(Number(requests[2]!.drafts)).toBe(3);
    const items = await rows<{ status: string; n: number }>(sql`SELECT status, count(*) AS n FROM report_recommendations GROUP BY status`);
    expect(items.find((row) => row.status === 'answered')).toBeDefined();
    // Numbers follow each unit's own 2025 series.
    const numbers = await rows<{ number_symbol: string }>(sql`SELECT number_symbol FROM report_answers WHERE number_symbol IS NOT NULL`);
    expect(numbers.every((row) => /^[12]-BC\/(ĐU|TU|CB)$/.test(row.number_symbol))).toBe(true);

    // The consolidation of a past quarter sums the frozen figures of the answering units.
    const province = (await rows<{ id: number; path: string }>(sql`SELECT id, path::text FROM units WHERE kind = 'province_committee'`))[0]!;
    const actor = { ...systemActor(), grants: [{ id: 0, unitId: Number(province.id), unitCode: '', unitName: '', unitPath: province.path, role: 'admin' as const }] };
    const view = await getConsolidation(ctx.db, actor, Number(requests[1]!.id));
    const recount = await rows<{ value: number }>(sql`SELECT SUM((frozen_figures->>'members')::int) AS value FROM report_answers WHERE request_id = ${requests[1]!.id} AND first_submitted_on IS NOT NULL`);
    expect(view.figures.find((figure) => figure.key === 'members')!.total).toBe(Number(recount[0]!.value));
    expect(view.answering + view.missing.length).toBe(Number(requests[1]!.answers));
  });
});
