import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext } from './helpers/fixtures';
import { loadDemoData } from '../src/server/demo/load-demo';
import { getConsolidation } from '../src/server/modules/reports/index';
import { computeFigures } from '../src/server/modules/reports/metric-catalogue';
import { systemActor } from '../src/server/platform/auth/policy';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
  await loadDemoData(ctx.db);
}, 300_000);
afterAll(() => ctx.close());

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await ctx.db.execute<T>(query)).rows;

describe('demo reports', () => {
  it('has last year answered by most units with recommendations answered, and this quarter open with drafts', async () => {
    // The periodic requests only: an inspection's request for a unit's self-report is the inspections demo's.
    const requests = await rows<{ id: number; title: string; answers: number; submitted: number; drafts: number }>(sql`
      SELECT r.id, r.title, count(a.*) AS answers, count(a.first_submitted_on) AS submitted, count(*) FILTER (WHERE a.status = 'draft') AS drafts
      FROM report_requests r JOIN report_answers a ON a.request_id = r.id WHERE r.period_to >= '2025-07-01' AND r.audience <> 'inspected' GROUP BY r.id ORDER BY r.period_to`);
    expect(requests).toHaveLength(3);
    for (const past of requests.slice(0, 2)) expect(Number(past.submitted) / Number(past.answers)).toBeGreaterThan(0.6);
    expect(Number(requests[2]!.submitted)).toBe(0);
    expect(Number(requests[2]!.drafts)).toBe(3);
    const items = await rows<{ status: string; n: number }>(sql`SELECT status, count(*) AS n FROM report_recommendations GROUP BY status`);
    expect(items.find((row) => row.status === 'answered')).toBeDefined();
    // Numbers follow each unit's own 2025 series.
    const numbers = await rows<{ number_symbol: string }>(sql`SELECT number_symbol FROM report_answers WHERE number_symbol IS NOT NULL`);
    expect(numbers.every((row) => /^\d-BC\/(ĐU|TU|CB|HU)$/.test(row.number_symbol))).toBe(true);

    // The consolidation of a past quarter sums the frozen figures of the answering units.
    const province = (
      await rows<{ id: number; path: string }>(sql`SELECT id, path::text FROM units WHERE kind = 'province_committee'`)
    )[0]!;
    const actor = {
      ...systemActor(),
      grants: [{ id: 0, unitId: Number(province.id), unitCode: '', unitName: '', unitPath: province.path, role: 'admin' as const }],
    };
    const view = await getConsolidation(ctx.db, actor, Number(requests[1]!.id));
    const recount = await rows<{ value: number }>(
      sql`SELECT SUM((frozen_figures->>'members')::int) AS value FROM report_answers WHERE request_id = ${requests[1]!.id} AND first_submitted_on IS NOT NULL`,
    );
    expect(view.figures.find((figure) => figure.key === 'members')!.total).toBe(Number(recount[0]!.value));
    expect(view.answering + view.missing.length).toBe(Number(requests[1]!.answers));
  });
});

describe('demo history before 1 July 2025', () => {
  it('has the districts dissolved and their communes merged, and a 2012 quarterly briefing that opens and adds up', async () => {
    const districts = await rows<{ id: number; name: string; valid_from: string; valid_to: string }>(sql`
      SELECT id, name, valid_from::text, valid_to::text FROM units WHERE kind = 'district_committee' ORDER BY code`);
    expect(districts.map((row) => row.name)).toEqual([
      'Thành ủy Nha Trang',
      'Thành ủy Cam Ranh',
      'Thị ủy Ninh Hòa',
      'Huyện ủy Diên Khánh',
      'Huyện ủy Cam Lâm',
    ]);
    expect(districts.every((row) => row.valid_from === '2010-01-01' && row.valid_to === '2025-07-01')).toBe(true);
    const merged = await rows<{ n: number }>(
      sql`SELECT count(*) AS n FROM units WHERE closed_reason = 'merged' AND valid_to = '2025-07-01'`,
    );
    expect(Number(merged[0]!.n)).toBe(18);
    // Today's communes hold their cells and people; the former ones hold nobody now.
    const nhaTrang = (
      await rows<{ id: number; valid_from: string }>(sql`SELECT id, valid_from::text FROM units WHERE code = 'DU22366'`)
    )[0]!;
    expect(nhaTrang.valid_from).toBe('2025-07-01');
    const province = (
      await rows<{ id: number; path: string }>(sql`SELECT id, path::text FROM units WHERE kind = 'province_committee'`)
    )[0]!;
    const actor = {
      ...systemActor(),
      grants: [{ id: 0, unitId: Number(province.id), unitCode: '', unitName: '', unitPath: province.path, role: 'admin' as const }],
    };

    const briefing = (
      await rows<{ id: number }>(sql`SELECT id FROM report_requests WHERE period_from = '2012-01-01' AND period_to = '2012-03-31'`)
    )[0]!;
    const view = await getConsolidation(ctx.db, actor, Number(briefing.id));
    expect(view.expected).toBe(5);
    expect(view.answering).toBe(5);
    expect(view.byUnit.map((entry) => entry.unitName).sort()).toEqual(districts.map((row) => row.name).sort());
    const members = view.figures.find((figure) => figure.key === 'members')!.total!;
    expect(members).toBe(view.byUnit.reduce((sum, entry) => sum + entry.figures.members!, 0));
    expect(members).toBeGreaterThan(100);
    // The province's live figure of 2012 is its districts' and its own committee's (nothing else of today existed then).
    const live = await computeFigures(
      ctx.db,
      [Number(province.id), ...districts.map((row) => Number(row.id))],
      ['members'],
      '2012-01-01',
      '2012-03-31',
    );
    expect(districts.reduce((sum, row) => sum + live.get(Number(row.id))!.members!, 0)).toBe(members);
    const own = await rows<{ n: number }>(
      sql`SELECT count(*) AS n FROM memberships WHERE unit_id = ${province.id} AND is_primary AND from_date <= '2012-03-31' AND (to_date IS NULL OR to_date > '2012-03-31')`,
    );
    expect(Number(own[0]!.n)).toBeGreaterThan(0);
    expect(live.get(Number(province.id))!.members).toBe(members + Number(own[0]!.n));
    // Typed figures are summed beside the computed ones.
    expect(view.manualItems.find((item) => item.key === 'studied_typed')!.total).toBeGreaterThan(0);
  });
});
