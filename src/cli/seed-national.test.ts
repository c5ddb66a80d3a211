import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database';
import { rootActor } from '../../test/helpers/fixtures';
import { getCampaignOverview } from '../server/modules/dashboard/campaign-overview.service';
import { getCampaignRecords } from '../server/modules/dashboard/campaign-records.service';
import type { CampaignOverview } from '../shared/contracts/campaign-overview';
import { seedNational, type SeedNationalResult } from './seed-national';

/**
 * The national data set on a small budget: the same tree of 34 provinces and 3,321 communes, with
 * a few thousand people, and a year of every activity. Its figures must be what the rows say.
 */
const YEAR = new Date().getFullYear();
let database: TestDatabase;
let seeded: SeedNationalResult;
let root: { id: number; path: string };

beforeAll(async () => {
  database = await createTestDatabase();
  seeded = await seedNational(database, { units: 4_000, members: 8_000, cadres: 2_000, log: () => undefined });
  const rows = await database.pool.query<{ id: number; path: string }>('SELECT id, path::text AS path FROM units WHERE parent_id IS NULL');
  root = { id: Number(rows.rows[0]!.id), path: rows.rows[0]!.path };
}, 300_000);
afterAll(() => database.cleanup());

type Recount = {
  id: number;
  people: number;
  registered: number;
  approved: number;
  studied: number;
  adopted: number;
  signed: number;
  keeping: number;
  done: number;
  remedies: number;
  closed: number;
  expected: number;
  submitted: number;
  onTime: number;
  partyMembers: number;
  graded: number;
  excellent: number;
  commended: number;
};

/** The overview's numbers counted from the rows themselves, for the units given. */
async function recount(unitIds: number[]): Promise<Map<number, Recount>> {
  const inside = (alias: string) => `${alias}.unit_id IN (SELECT id FROM units WHERE path <@ t.path)`;
  const rows = await database.pool.query<Recount>(
    `SELECT t.id,
       (SELECT count(*) FROM memberships m WHERE ${inside('m')} AND m.is_primary AND m.to_date IS NULL) AS people,
       (SELECT count(*) FROM registrations r WHERE ${inside('r')} AND r.year = $2 AND r.kind = 'individual') AS registered,
       (SELECT count(*) FROM registrations r WHERE ${inside('r')} AND r.year = $2 AND r.status = 'approved') AS approved,
       (SELECT count(*) FROM study_records r WHERE ${inside('r')} AND r.year = $2) AS studied,
       (SELECT count(DISTINCT e.unit_id) FROM ethics_standards e WHERE ${inside('e')} AND e.adopted_on IS NOT NULL) AS adopted,
       (SELECT count(*) FROM standard_signs s WHERE ${inside('s')}) AS signed,
       (SELECT count(*) FROM units u WHERE u.path <@ t.path AND u.kind IN ('cell', 'grassroots_cell', 'agency') AND u.valid_to IS NULL) AS keeping,
       (SELECT count(*) FROM inspections i WHERE ${inside('i')} AND i.year = $2 AND i.status = 'concluded') AS done,
       (SELECT count(*) FROM inspection_remedies r WHERE ${inside('r')} AND r.year = $2) AS remedies,
       (SELECT count(*) FROM inspection_remedies r WHERE ${inside('r')} AND r.year = $2 AND r.status = 'closed') AS closed,
       (SELECT count(*) FROM report_answers a JOIN report_requests q ON q.id = a.request_id
         WHERE ${inside('a')} AND extract(year FROM q.period_to) = $2) AS expected,
       (SELECT count(*) FROM report_answers a JOIN report_requests q ON q.id = a.request_id
         WHERE ${inside('a')} AND extract(year FROM q.period_to) = $2 AND a.status IN ('submitted', 'accepted')) AS submitted,
       (SELECT count(*) FROM report_answers a JOIN report_requests q ON q.id = a.request_id
         WHERE ${inside('a')} AND extract(year FROM q.period_to) = $2 AND a.first_submitted_on <= q.deadline) AS "onTime",
       (SELECT count(*) FROM memberships m JOIN persons p ON p.id = m.person_id
         WHERE ${inside('m')} AND m.is_primary AND m.to_date IS NULL AND p.category = 'party_member') AS "partyMembers",
       (SELECT count(*) FROM gradings g WHERE ${inside('g')} AND g.year = $2 AND g.subject = 'member' AND g.status = 'decided') AS graded,
       (SELECT count(*) FROM gradings g WHERE ${inside('g')} AND g.year = $2 AND g.decided_grade = 'excellent') AS excellent,
       (SELECT count(*) FROM nominations n WHERE ${inside('n')} AND n.status = 'commended' AND extract(year FROM n.decided_on) = $2) AS commended
     FROM units t WHERE t.id = ANY($1::bigint[])`,
    [unitIds, YEAR],
  );
  return new Map(
    rows.rows.map((row) => [Number(row.id), Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Recount]),
  );
}

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? 0 : numerator / denominator);

describe('seed --national', () => {
  it('builds the real provinces and communes, with Party members and non-member cadres in the shares asked for', async () => {
    const counts = await database.pool.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM units WHERE valid_to IS NULL GROUP BY kind`,
    );
    const kinds = Object.fromEntries(counts.rows.map((row) => [row.kind, Number(row.n)]));
    expect(kinds.province_committee).toBe(34);
    expect(kinds.commune_committee).toBe(3_321);
    // Every commune has its People's Committee and two mass organisations.
    expect(kinds.agency).toBe(3_321);
    expect(kinds.mass_organisation).toBe(6_642);
    const people = await database.pool.query<{ members: number; others: number }>(
      `SELECT count(*) FILTER (WHERE category = 'party_member')::int AS members, count(*) FILTER (WHERE category <> 'party_member')::int AS others FROM persons`,
    );
    expect(seeded.people).toBe(10_000);
    // The share is reached by weighting unit sizes, so it is close, not exact, on a few thousand people.
    expect(Math.abs(Number(people.rows[0]!.others) - 2_000)).toBeLessThan(200);
    expect(Number(people.rows[0]!.members) + Number(people.rows[0]!.others)).toBe(10_000);
  });

  it('writes a year of every activity, with some communes lagging', () => {
    const activity = seeded.activity;
    expect(activity.registrations).toBeGreaterThan(8_000);
    expect(activity.studied).toBeGreaterThan(7_000);
    expect(activity.standards).toBeGreaterThan(0);
    expect(activity.signs).toBeGreaterThan(0);
    expect(activity.signs).toBeLessThan(activity.standards);
    expect(activity.feedback).toBe(60_000);
    expect(activity.remedies).toBeGreaterThan(0);
    expect(activity.reports).toBeGreaterThan(3_321);
    expect(activity.graded).toBeGreaterThan(0);
    expect(activity.commended).toBeGreaterThan(0);
    expect(seeded.bytes).toBeGreaterThan(0);
  });

  it('gives the overview of the root and of every province the numbers the rows give', async () => {
    const rootId = root.id;
    const overview: CampaignOverview = await getCampaignOverview(database.db, rootActor(root.path), rootId, YEAR);
    const ids = [rootId, ...overview.children.map((child) => child.unit.id)];
    expect(ids).toHaveLength(35);
    const counted = await recount(ids);
    const shown = new Map([[rootId, overview.figures], ...overview.children.map((child) => [child.unit.id, child.figures] as const)]);
    for (const id of ids) {
      const rows = counted.get(id)!;
      const figures = shown.get(id)!;
      expect({ id, members: figures.members, studyRate: figures.studyRate, inspectionsDone: figures.inspectionsDone }).toEqual({
        id,
        members: rows.people,
        studyRate: ratio(rows.studied, rows.people),
        inspectionsDone: rows.done,
      });
      expect(figures.registrationRate).toBeCloseTo(ratio(rows.registered, rows.people), 12);
      expect(figures.approvedShare).toBeCloseTo(ratio(rows.approved, rows.registered), 12);
      expect(figures.standardsRate).toBeCloseTo(ratio(rows.adopted, rows.keeping), 12);
      expect(figures.signsRate).toBeCloseTo(ratio(rows.signed, rows.keeping), 12);
      expect(figures.remediesClosedRate).toBeCloseTo(ratio(rows.closed, rows.remedies), 12);
      expect(figures.reportingRate).toBeCloseTo(ratio(rows.submitted, rows.expected), 12);
      expect(figures.onTimeRate).toBeCloseTo(ratio(rows.onTime, rows.expected), 12);
      expect(figures.gradedShare).toBeCloseTo(ratio(rows.graded, rows.partyMembers), 12);
      expect(figures.excellentShare).toBeCloseTo(ratio(rows.excellent, rows.graded), 12);
      expect(figures.commended).toBe(rows.commended);
    }
    // Lagging communes exist: the registration rate differs between provinces.
    const rates = overview.children.map((child) => child.figures.approvedShare ?? 0);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.05);
    expect(overview.figures.feedbackOverdue).toBeGreaterThan(0);
    // Some reports are late or missing, and not every member is graded yet.
    expect(overview.figures.reportingRate).toBeLessThan(1);
    expect(overview.figures.onTimeRate).toBeLessThan(overview.figures.reportingRate!);
    expect(overview.figures.gradedShare).toBeLessThan(1);
  });

  it('lists as many studied people behind the root’s study rate as the number counts', async () => {
    const records = await getCampaignRecords(database.db, rootActor(root.path), {
      unitId: root.id,
      year: YEAR,
      metric: 'studyRate',
      part: 'numerator',
      page: 1,
      pageSize: 20,
    });
    expect(records.total).toBe(seeded.activity.studied);
    expect(records.items).toHaveLength(20);
  });

  it('lists as many reports owed, members graded, people commended and overdue feedback at the root as it counts', async () => {
    const totalOf = async (metric: 'reportingRate' | 'gradedShare' | 'commended' | 'feedbackOverdue', part: 'numerator' | 'denominator') =>
      (await getCampaignRecords(database.db, rootActor(root.path), { unitId: root.id, year: YEAR, metric, part, page: 1, pageSize: 5 }))
        .total;
    expect(await totalOf('reportingRate', 'denominator')).toBe(seeded.activity.reports);
    expect(await totalOf('gradedShare', 'numerator')).toBe(seeded.activity.graded);
    expect(await totalOf('commended', 'numerator')).toBe(seeded.activity.commended);
    const overview = await getCampaignOverview(database.db, rootActor(root.path), root.id, YEAR);
    expect(await totalOf('feedbackOverdue', 'numerator')).toBe(overview.figures.feedbackOverdue);
    expect(overview.figures.feedbackOverdue).toBeGreaterThan(0);
  });
});
