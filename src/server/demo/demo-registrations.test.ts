import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext } from '../../../test/helpers/fixtures';
import { loadDemoData } from './load-demo';
import { REGISTRATION_BUCKETS, REGISTRATION_METRICS } from '../modules/figures/registration-metrics';
import { findSimilar } from '../modules/registrations/similarity';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
  await loadDemoData(ctx.db);
}, 300_000);
afterAll(() => ctx.close());

const scalar = async (query: ReturnType<typeof sql>) => Number((await ctx.db.execute<{ value: number }>(query)).rows[0]?.value ?? 0);

describe('demo registrations', () => {
  it('registers about 97–98% of members, every leader, and keeps the figures equal to a recount', async () => {
    const province = (
      await ctx.db.execute<{ id: number; path: string }>(sql`SELECT id, path::text AS path FROM units WHERE kind = 'province_committee'`)
    ).rows[0]!;
    const members = await scalar(sql`SELECT count(*) AS value FROM memberships WHERE is_primary AND to_date IS NULL`);
    const registered = await scalar(
      sql`SELECT count(*) AS value FROM registrations WHERE kind = 'individual' AND year = 2026 AND status <> 'draft'`,
    );
    expect(registered / members).toBeGreaterThan(0.96);
    expect(registered / members).toBeLessThan(0.99);
    const leadersMissing = await scalar(sql`
      SELECT count(*) AS value FROM memberships m LEFT JOIN registrations r ON r.person_id = m.person_id AND r.year = 2026
      WHERE m.is_head AND m.is_primary AND m.to_date IS NULL AND r.id IS NULL
        AND m.person_id NOT IN (SELECT person_id FROM users WHERE username = 'dangvien' AND person_id IS NOT NULL)`);
    expect(leadersMissing).toBe(0);
    expect(await scalar(sql`SELECT count(*) AS value FROM registrations WHERE kind = 'collective'`)).toBeGreaterThan(10);
    for (const status of ['published', 'approved', 'submitted', 'returned']) {
      expect(await scalar(sql`SELECT count(*) AS value FROM registrations WHERE status = ${status}`), status).toBeGreaterThan(0);
    }
    for (const kind of ['individual', 'collective'] as const) {
      for (const [bucket, statuses] of Object.entries(REGISTRATION_BUCKETS)) {
        const list = sql.join(
          statuses.map((status) => sql`${status}`),
          sql`, `,
        );
        const recount = await scalar(
          sql`SELECT count(*) AS value FROM registrations WHERE kind = ${kind} AND year = 2026 AND status IN (${list})`,
        );
        const figure = await scalar(
          sql`SELECT COALESCE(SUM(delta), 0) AS value FROM figure_counters WHERE unit_id = ${province.id} AND metric = ${REGISTRATION_METRICS.bucket(kind, bucket as 'registered', 2026)}`,
        );
        expect(figure, `${kind} ${bucket}`).toBe(recount);
      }
    }
  });

  it('leaves the member account without a registration and shows copied registrations as near-duplicates', async () => {
    expect(
      await scalar(
        sql`SELECT count(*) AS value FROM registrations r JOIN users u ON u.person_id = r.person_id WHERE u.username = 'dangvien'`,
      ),
    ).toBe(0);
    const events = await scalar(sql`SELECT count(*) AS value FROM registration_events WHERE snapshot IS NOT NULL`);
    expect(events).toBe(await scalar(sql`SELECT count(*) AS value FROM registrations WHERE status <> 'draft'`));
    const copied = (
      await ctx.db.execute<{ id: number }>(sql`
      SELECT a.id FROM registrations a JOIN registrations b ON a.shortcomings = b.shortcomings AND a.id < b.id AND a.unit_id = b.unit_id
      WHERE a.kind = 'individual' LIMIT 1`)
    ).rows[0];
    expect(copied).toBeDefined();
    const similar = await findSimilar(ctx.db, Number(copied!.id));
    expect(similar.length).toBeGreaterThan(0);
    expect(similar[0]!.similarity).toBeGreaterThan(0.8);
    // Honest registrations are varied: only a small share of them has a near-duplicate.
    const individual = await scalar(sql`SELECT count(*) AS value FROM registrations WHERE kind = 'individual'`);
    const flagged = await scalar(
      sql`SELECT count(DISTINCT s.registration_id) AS value FROM registration_similarities s JOIN registrations r ON r.id = s.registration_id WHERE r.kind = 'individual'`,
    );
    expect(flagged).toBeGreaterThan(3);
    expect(flagged / individual).toBeLessThan(0.05);
    // Their twin flags follow the stored pairs with a registration of their parent unit's subtree, or
    // their own right under a province (decisions/0008) (a
    // pair is stored both ways, but a cell's parent does not hold every unit whose parent holds the cell),
    // and the province's "with a twin" figure counts the registered ones.
    expect(await scalar(sql`SELECT count(*) AS value FROM registrations WHERE has_twin`)).toBe(
      await scalar(sql`
        SELECT count(DISTINCT s.registration_id) AS value FROM registration_similarities s
        JOIN registrations r ON r.id = s.registration_id JOIN units u ON u.id = r.unit_id
        JOIN registrations o ON o.id = s.other_id JOIN units ou ON ou.id = o.unit_id
        WHERE ou.path <@ COALESCE((SELECT CASE WHEN p.kind IN ('central', 'central_committee', 'province_committee') THEN u.path ELSE p.path END
          FROM units p WHERE p.id = u.parent_id), u.path)`),
    );
    const withTwin = await scalar(sql`
      SELECT count(*) AS value FROM registrations WHERE has_twin AND year = 2026 AND status = ANY(${sql.param([...REGISTRATION_BUCKETS.registered])}::text[])`);
    expect(withTwin).toBeGreaterThan(0);
    expect(
      await scalar(sql`
        SELECT COALESCE(SUM(f.delta), 0) AS value FROM figure_counters f JOIN units u ON u.id = f.unit_id
        WHERE u.kind = 'province_committee' AND f.metric = ${REGISTRATION_METRICS.withTwin(2026)}`),
    ).toBe(withTwin);
  });
});
