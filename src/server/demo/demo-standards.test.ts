import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext } from '../../../test/helpers/fixtures';
import { loadDemoData } from './load-demo';
import { readFigures } from '../platform/figures';
import { PROGRAMME_METRICS } from '../modules/figures/programme-metrics';
import { todayIso } from '../platform/dates';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
  await loadDemoData(ctx.db);
}, 300_000);
afterAll(() => ctx.close());

describe('demo standards', () => {
  it('cover most cells and agencies, some on version 2, and leave the walkthrough cell alone', async () => {
    const result = await ctx.db.execute<{ units: number; adopted: number; signed: number; revised: number; untouched: number }>(sql`
      SELECT count(*) AS units,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ethics_standards e WHERE e.unit_id = u.id AND e.status = 'adopted')) AS adopted,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM standard_signs s WHERE s.unit_id = u.id)) AS signed,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ethics_standards e WHERE e.unit_id = u.id AND e.version_number = 2)) AS revised,
        count(*) FILTER (WHERE u.id IN (SELECT g.unit_id FROM grants g JOIN users a ON a.id = g.user_id WHERE a.username = 'bithu.chibo')
          AND NOT EXISTS (SELECT 1 FROM ethics_standards e WHERE e.unit_id = u.id)) AS untouched
      FROM units u WHERE u.kind IN ('grassroots_cell', 'cell', 'agency') AND u.valid_to IS NULL`);
    const row = result.rows[0]!;
    const counts = {
      units: Number(row.units),
      adopted: Number(row.adopted),
      signed: Number(row.signed),
      revised: Number(row.revised),
      untouched: Number(row.untouched),
    };
    expect(counts.adopted / counts.units).toBeGreaterThan(0.75);
    expect(counts.adopted / counts.units).toBeLessThan(0.95);
    expect(counts.signed / counts.units).toBeGreaterThan(0.6);
    expect(counts.signed / counts.units).toBeLessThan(0.9);
    expect(counts.revised).toBeGreaterThan(2);
    expect(counts.untouched).toBe(1);
  });

  it('keep the province figures equal to a direct recount', async () => {
    const province = await ctx.db.execute<{ id: number }>(sql`SELECT id FROM units WHERE code = 'TU56'`);
    const provinceId = Number(province.rows[0]!.id);
    const recount = await ctx.db.execute<{ adopted: number; signed: number }>(sql`
      SELECT (SELECT count(DISTINCT unit_id) FROM ethics_standards WHERE adopted_on IS NOT NULL) AS adopted,
        (SELECT count(*) FROM standard_signs) AS signed`);
    const figures = (
      await readFigures(ctx.db, [provinceId], [PROGRAMME_METRICS.standardsAdopted, PROGRAMME_METRICS.signsPosted], todayIso())
    ).get(provinceId)!;
    expect(figures[PROGRAMME_METRICS.standardsAdopted]).toBe(Number(recount.rows[0]!.adopted));
    expect(figures[PROGRAMME_METRICS.signsPosted]).toBe(Number(recount.rows[0]!.signed));
  });
});
