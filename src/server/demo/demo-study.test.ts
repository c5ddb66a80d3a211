import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext } from '../../../test/helpers/fixtures';
import { loadDemoData } from './load-demo';
import { getProgrammeFigures } from '../modules/figures/programme-figures.service';
import { systemActor } from '../platform/auth/policy';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
  await loadDemoData(ctx.db);
}, 300_000);
afterAll(() => ctx.close());

describe('demo study data', () => {
  it('gives the province a study rate near 98,6% that matches a recount, and leaves the secretary a cell to record', async () => {
    const province = (
      await ctx.db.execute<{ id: number; path: string }>(sql`SELECT id, path::text FROM units WHERE kind = 'province_committee'`)
    ).rows[0]!;
    const actor = {
      ...systemActor(),
      grants: [{ id: 0, unitId: Number(province.id), unitCode: '', unitName: '', unitPath: province.path, role: 'admin' as const }],
    };
    const answer = await getProgrammeFigures(ctx.db, actor, Number(province.id), 2026);
    const studied = await ctx.db.execute<{ n: number }>(
      sql`SELECT count(*) AS n FROM study_records WHERE year = 2026 AND studied_on <= ${answer.asOf}`,
    );
    expect(answer.figures.studied).toBe(Number(studied.rows[0]!.n));
    const meetings = await ctx.db.execute<{ n: number; campaign: number }>(sql`
      SELECT count(*) AS n, count(*) FILTER (WHERE has_campaign_item) AS campaign FROM study_sessions WHERE kind = 'cell_meeting' AND deleted_at IS NULL`);
    expect(answer.figures.cellMeetings).toBe(Number(meetings.rows[0]!.n));
    expect(answer.figures.cellMeetingsWithCampaign).toBe(Number(meetings.rows[0]!.campaign));
    expect(answer.figures.studyRate).toBeGreaterThan(0.97);
    expect(answer.figures.studyRate).toBeLessThan(0.995);
    const secretaryCell = await ctx.db.execute<{ n: number }>(sql`
      SELECT count(*) AS n FROM study_sessions s JOIN grants g ON g.unit_id = s.unit_id JOIN users u ON u.id = g.user_id
      WHERE u.username = 'bithu.chibo' AND s.kind IN ('study', 'conference')`);
    expect(Number(secretaryCell.rows[0]!.n)).toBe(0);
  });
});
