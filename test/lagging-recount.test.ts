/**
 * Every reason of every evaluated unit equals a recount from the rows themselves: random people,
 * registrations in every status (and near-identical pairs), standards and signs, study attendance,
 * report answers, public feedback and inspection remedies over several communes, read back from the
 * lagging list (which reads the live counters) and recounted here with plain SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/platform/db/client';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../src/shared/contracts/registration-status';
import { LAGGING_REASONS, type LaggingAnswer, type LaggingThresholds } from '../src/shared/contracts/inspections';
import { addPerson, createUnitAsSystem, rootActor, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { seededRandom } from './helpers/seeded-random';
import { insertTopic } from './helpers/registration-fixtures';
import { closeUnit } from '../src/server/modules/units/units.service';
import { adoptDraft, createDraft } from '../src/server/modules/standards/standards.service';
import { recordSign } from '../src/server/modules/standards/standards-sign.service';
import { createSession, saveAttendance } from '../src/server/modules/study/study.service';
import { createRequest } from '../src/server/modules/reports/requests.service';
import { saveAnswer } from '../src/server/modules/reports/answers.service';
import { settleAllTwins, SIMILARITY_THRESHOLD } from '../src/server/modules/registrations/index';
import { asOfForYear, registrationFigureDay } from '../src/server/modules/figures/index';
import { statusDeltas } from '../src/server/modules/registrations/index';
import { addFigureDeltas } from '../src/server/platform/figures';
import { countExistingOverdueFeedback } from '../src/server/modules/supervision/index';
import { todayIso } from '../src/server/platform/dates';
import { DEFAULT_LAGGING_THRESHOLDS, reasonsOf, type LaggingMeasure } from '../src/server/modules/inspections/lagging-rules';
import { countLaggingByChild, listLaggingUnits, saveThresholds } from '../src/server/modules/inspections/lagging.service';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
type Unit = { id: number; path: string; code: string; kind: string };
const cells: Unit[] = [];
const communes: Unit[] = [];

const next = seededRandom(20261206);
const chance = (percent: number) => next(100) < percent;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  const D = await createUnitAsSystem(ctx.db, 'D', 'Đảng ủy xã Ninh Sơn', 'commune_committee', tree.R.id);
  const E = await createUnitAsSystem(ctx.db, 'E', 'Đảng ủy phường Ba Ngòi', 'commune_committee', tree.R.id);
  const D1 = await createUnitAsSystem(ctx.db, 'D1', 'Chi bộ thôn Tân Hiệp', 'cell', D.id);
  const D2 = await createUnitAsSystem(ctx.db, 'D2', 'Chi bộ Trường Tiểu học Ninh Sơn', 'grassroots_cell', D.id);
  const E1 = await createUnitAsSystem(ctx.db, 'E1', 'Chi bộ Khu phố Ba Ngòi', 'cell', E.id);
  const E2 = await createUnitAsSystem(ctx.db, 'E2', 'Trạm Y tế phường Ba Ngòi', 'agency', E.id);
  // A cell closed in the middle of 2026 keeps no standards any more, and is never evaluated.
  const closed = await createUnitAsSystem(ctx.db, 'D9', 'Chi bộ thôn cũ', 'cell', D.id);
  await closeUnit(ctx.db, rootActor(tree.R.path), closed.id, { effectiveDate: '2026-06-01', version: closed.version });
  communes.push(tree.A, tree.B, D, E);
  cells.push(tree.C1, tree.C2, tree.C3, D1, D2, E1, E2);
  await generate(ctx.db);
}, 240_000);
afterAll(() => ctx.close());

/** A registration as rows, its counters moved as the status machine moves them, dated as it dates them. */
async function insertRegistration(
  db: Database,
  unit: Unit,
  input: { kind?: 'individual' | 'collective'; personId?: number; status: RegistrationStatus; year?: number },
) {
  const kind = input.kind ?? 'individual';
  const year = input.year ?? 2026;
  return db.transaction(async (tx) => {
    const rows = await tx.execute<{ id: number }>(sql`
      INSERT INTO registrations (kind, year, unit_id, person_id, status, shortcomings, revision)
      VALUES (${kind}, ${year}, ${unit.id}, ${input.personId ?? null}, ${input.status}, 'Còn ngại va chạm', 1) RETURNING id`);
    const registration = { kind, year, isLeader: false, hasTwin: false, actionCount: 0, actionsDone: 0 };
    await addFigureDeltas(tx, statusDeltas(registration, unit.path, null, input.status, registrationFigureDay(year)));
    return { id: Number(rows.rows[0]!.id) };
  });
}

async function generate(db: Database) {
  const admin = rootActor(tree.R.path);
  // People: 0–6 in each cell, a few directly in the communes.
  const peopleOf = new Map<number, number[]>();
  let card = 62_000_000;
  for (const unit of [...cells, ...communes]) {
    const count = communes.includes(unit) ? next(2) : next(7);
    const ids: number[] = [];
    for (let index = 0; index < count; index++) {
      const person = await addPerson(db, unit.path, {
        fullName: `Phạm Thị Ngẫu Nhiên ${card}`,
        unitId: unit.id,
        cardNumber: String(++card),
        fromDate: chance(20) ? '2026-03-01' : '2025-07-01',
      });
      ids.push(person.id);
    }
    peopleOf.set(unit.id, ids);
  }

  // Registrations of 2026 (and a few of 2025) in random statuses, individual and collective.
  const registrationIds: number[] = [];
  for (const [unitId, ids] of peopleOf) {
    const unit = [...cells, ...communes].find((candidate) => candidate.id === unitId)!;
    for (const personId of ids) {
      if (chance(15)) continue;
      const status = REGISTRATION_STATUSES[next(REGISTRATION_STATUSES.length)] as RegistrationStatus;
      const { id } = await insertRegistration(db, unit, { personId, status, year: chance(15) ? 2025 : 2026 });
      registrationIds.push(id);
    }
    if (chance(50)) {
      const status = REGISTRATION_STATUSES[next(REGISTRATION_STATUSES.length)] as RegistrationStatus;
      registrationIds.push((await insertRegistration(db, unit, { kind: 'collective', status })).id);
    }
  }
  // Near-identical pairs, some below the threshold, some with a registration of another commune.
  const pairs = new Set<string>();
  for (let index = 0; index < registrationIds.length; index++) {
    const a = registrationIds[next(registrationIds.length)]!;
    const b = registrationIds[next(registrationIds.length)]!;
    if (a === b || pairs.has(`${a}:${b}`)) continue;
    pairs.add(`${a}:${b}`).add(`${b}:${a}`);
    const similarity = [0.45, 0.59, SIMILARITY_THRESHOLD, 0.75, 0.93][next(5)]!;
    await db.execute(sql`INSERT INTO registration_similarities (registration_id, other_id, similarity)
      VALUES (${a}, ${b}, ${similarity}), (${b}, ${a}, ${similarity})`);
  }
  // Written directly, as a bulk load writes them: their registrations' twin flags and figure follow.
  await db.transaction((tx) => settleAllTwins(tx));

  // Standards adopted by some standard-keeping units, signs posted by some of those.
  for (const unit of cells) {
    if (!chance(60)) continue;
    const draft = await createDraft(db, admin, { unitId: unit.id, criteria: [{ text: 'Gương mẫu chấp hành chủ trương của Đảng' }] });
    await adoptDraft(db, admin, draft.id, { adoptedOn: chance(20) ? '2025-09-01' : '2026-02-10', version: draft.version });
    if (chance(60)) await recordSign(db, admin, unit.id, { postedOn: '2026-03-01', location: null, photoFileId: null });
  }

  // Study sessions of the year's topic in some cells, with random attendance.
  const topicId = await insertTopic(db, tree.R.id, 'Chuyên đề năm 2026', 2025, 2026);
  for (const unit of cells) {
    const ids = peopleOf.get(unit.id) ?? [];
    if (ids.length === 0 || !chance(70)) continue;
    const session = await createSession(db, admin, {
      unitId: unit.id,
      kind: 'study',
      topicId,
      title: `Học tập chuyên đề tại ${unit.code}`,
      heldOn: `2026-0${1 + next(9)}-1${next(9)}`,
      place: null,
      isOnline: false,
      hasCampaignItem: false,
      notes: null,
      fileIds: [],
    });
    const rows = ids.map((personId) => ({ personId, status: chance(60) ? ('present' as const) : ('absent' as const), reason: null }));
    await saveAttendance(db, admin, session.id, { version: session.version, rows });
  }

  // A first-quarter report to every commune; some answer it.
  const request = await createRequest(db, admin, {
    unitId: tree.R.id,
    kind: 'quarterly',
    title: 'Báo cáo quý I năm 2026',
    periodFrom: '2026-01-01',
    periodTo: '2026-03-31',
    deadline: '2026-04-10',
    audience: 'communes',
    content: { metrics: ['members'], manualItems: [], sections: [{ key: 'situation', title: 'Tình hình chung' }] },
    guidance: null,
  });
  for (const answer of request.answers) {
    if (!chance(50)) continue;
    await saveAnswer(db, admin, answer.id, {
      narrative: { situation: 'Các chi bộ đã quán triệt chuyên đề.' },
      manualValues: {},
      figureNotes: {},
      recommendations: [],
      fileIds: [],
      version: answer.version,
      submit: true,
    });
  }

  // Public feedback: new, answered or hidden, due in the past or the future.
  for (let index = 0; index < 24; index++) {
    const unit = [...cells, ...communes][next(cells.length + communes.length)]!;
    const status = ['new', 'new', 'answered', 'hidden'][next(4)]!;
    const dueOn = chance(60) ? `2026-0${1 + next(9)}-15` : '2027-01-20';
    await db.execute(sql`INSERT INTO feedback (unit_id, body, status, due_on, sender_hash, hidden_reason, answer)
      VALUES (${unit.id}, 'Đề nghị chi bộ công khai kết quả', ${status}, ${dueOn}, ${`hash-${index}`},
        ${status === 'hidden' ? 'Trùng lặp' : null}, ${status === 'answered' ? 'Đã công khai' : null})`);
  }
  // Written as rows: their overdue figure is counted as it is for the items sent before it was kept.
  await db.transaction((tx) => countExistingOverdueFeedback(tx));

  // Remedies after inspections of 2025 and 2026, in every status, due in the past or the future.
  for (let index = 0; index < 16; index++) {
    const unit = [...cells, ...communes][next(cells.length + communes.length)]!;
    const year = chance(25) ? 2025 : 2026;
    const inspection = await db.execute<{ id: number }>(sql`
      INSERT INTO inspections (owner_unit_id, unit_id, year, kind, title, contents, starts_on, ends_on, team, status)
      VALUES (${tree.R.id}, ${unit.id}, ${year}, 'inspection', 'Kiểm tra việc học tập và làm theo', '{standards}',
        ${`${year}-03-01`}, ${`${year}-03-10`}, '[]'::jsonb, 'concluded') RETURNING id`);
    const inspectionId = Number(inspection.rows[0]!.id);
    const finding = await db.execute<{ id: number }>(sql`
      INSERT INTO inspection_findings (inspection_id, content, kind, text, remedy, due_on)
      VALUES (${inspectionId}, 'standards', 'shortcoming', 'Chưa niêm yết chuẩn mực', 'Niêm yết chuẩn mực', '2026-06-30') RETURNING id`);
    const status = ['open', 'reported', 'returned', 'closed'][next(4)]!;
    await db.execute(sql`
      INSERT INTO inspection_remedies (inspection_id, finding_id, unit_id, year, what, due_on, status)
      VALUES (${inspectionId}, ${Number(finding.rows[0]!.id)}, ${unit.id}, ${year}, 'Niêm yết chuẩn mực',
        ${chance(65) ? '2026-06-30' : '2027-02-01'}, ${status})`);
  }
}

const APPROVED = ['approved', 'published', 'in_progress', 'self_assessed', 'reviewed', 'closed'];
const REGISTERED = ['submitted', 'returned', ...APPROVED];
const KEEPING_KINDS = ['grassroots_cell', 'cell', 'agency'];

/** One unit's measure, counted straight from the rows (not from the counters). */
async function recount(db: Database, unit: { id: number; path: string }, year: number): Promise<LaggingMeasure> {
  const asOf = asOfForYear(year);
  const today = todayIso();
  const path = sql`${unit.path}::ltree`;
  const inYear = sql`r.year = ${year} AND u.path <@ ${path}`;
  const rows = await db.execute<Record<string, number>>(sql`
    SELECT
      (SELECT count(DISTINCT m.person_id) FROM memberships m JOIN units u ON u.id = m.unit_id
        WHERE u.path <@ ${path} AND m.is_primary AND m.from_date <= ${asOf} AND (m.to_date IS NULL OR m.to_date > ${asOf})) AS members,
      (SELECT count(*) FROM registrations r JOIN units u ON u.id = r.unit_id
        WHERE ${inYear} AND r.kind = 'individual' AND r.status = ANY(${sql.param(APPROVED)}::text[])) AS approved,
      (SELECT count(*) FROM registrations r JOIN units u ON u.id = r.unit_id WHERE ${inYear} AND r.status = ANY(${sql.param(REGISTERED)}::text[])) AS registrations,
      (SELECT count(*) FROM registrations r JOIN units u ON u.id = r.unit_id
        WHERE ${inYear} AND r.status = ANY(${sql.param(REGISTERED)}::text[]) AND EXISTS (
          SELECT 1 FROM registration_similarities s JOIN registrations o ON o.id = s.other_id JOIN units ou ON ou.id = o.unit_id
          WHERE s.registration_id = r.id AND s.similarity >= ${SIMILARITY_THRESHOLD}
            -- The parent's subtree, or the unit's own right under a province (decisions/0008).
            AND ou.path <@ COALESCE((SELECT CASE WHEN p.kind IN ('central', 'central_committee', 'province_committee') THEN u.path ELSE p.path END
              FROM units p WHERE p.id = u.parent_id), u.path))) AS twins,
      (SELECT count(*) FROM units u WHERE u.path <@ ${path} AND u.kind = ANY(${sql.param(KEEPING_KINDS)}::text[])
        AND u.valid_from <= ${asOf} AND (u.valid_to IS NULL OR u.valid_to > ${asOf})) AS keeping,
      (SELECT count(*) FROM units u WHERE u.path <@ ${path}
        AND (SELECT min(e.adopted_on) FROM ethics_standards e WHERE e.unit_id = u.id) <= ${asOf}::date) AS adopted,
      (SELECT count(*) FROM standard_signs s JOIN units u ON u.id = s.unit_id WHERE u.path <@ ${path} AND s.posted_on <= ${asOf}::date) AS signs,
      (WITH firsts AS (
        SELECT a.person_id, min(CASE WHEN a.status = 'present' THEN s.held_on ELSE a.made_up_on END) AS day
        FROM session_attendance a JOIN study_sessions s ON s.id = a.session_id
        WHERE s.deleted_at IS NULL AND s.kind IN ('study', 'conference') AND s.topic_id IS NOT NULL
          AND s.held_on BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date AND (a.status = 'present' OR a.made_up_on IS NOT NULL)
        GROUP BY a.person_id)
       SELECT count(*) FROM firsts f JOIN memberships m ON m.person_id = f.person_id AND m.is_primary AND m.to_date IS NULL
       JOIN units u ON u.id = m.unit_id WHERE u.path <@ ${path} AND f.day <= ${asOf}::date) AS studied,
      (SELECT count(*) FROM report_answers a JOIN report_requests q ON q.id = a.request_id JOIN units u ON u.id = a.unit_id
        WHERE u.path <@ ${path} AND q.period_to <= ${asOf}::date AND extract(year FROM q.period_to) = ${year}) AS expected,
      (SELECT count(*) FROM report_answers a JOIN report_requests q ON q.id = a.request_id JOIN units u ON u.id = a.unit_id
        WHERE u.path <@ ${path} AND q.period_to <= ${asOf}::date AND extract(year FROM q.period_to) = ${year}
          AND a.first_submitted_on IS NOT NULL) AS submitted,
      (SELECT count(*) FROM feedback f JOIN units u ON u.id = f.unit_id
        WHERE u.path <@ ${path} AND f.status = 'new' AND f.due_on < ${today}::date) AS feedback,
      (SELECT count(*) FROM inspection_remedies m JOIN units u ON u.id = m.unit_id
        WHERE u.path <@ ${path} AND m.year = ${year} AND m.status IN ('open', 'returned') AND m.due_on < ${today}::date) AS remedies`);
  const row = Object.fromEntries(Object.entries(rows.rows[0]!).map(([key, value]) => [key, Number(value)]));
  return {
    unitId: unit.id,
    year,
    members: row.members!,
    approvedIndividual: row.approved!,
    standardKeepingUnits: row.keeping!,
    standardsAdopted: row.adopted!,
    signsPosted: row.signs!,
    studied: row.studied!,
    reportsExpected: row.expected!,
    reportsSubmitted: row.submitted!,
    registrations: row.registrations!,
    registrationsWithTwin: row.twins!,
    overdueFeedback: row.feedback!,
    overdueRemedies: row.remedies!,
  };
}

/** Lags whenever there is anything to lag on: every measure with a denominator shows in a reason. */
const STRICT: LaggingThresholds = {
  minRegistrationRate: 1,
  minStandardsRate: 1,
  minSignsRate: 1,
  minStudyRate: 1,
  minReportingRate: 1,
  maxOverdueFeedback: 0,
  maxDuplicateShare: 0,
  maxOverdueRemedies: 0,
};

describe('lagging units on random data', () => {
  it.each([
    { thresholds: DEFAULT_LAGGING_THRESHOLDS, name: 'the default thresholds' },
    { thresholds: STRICT, name: 'strict thresholds' },
  ])('give every evaluated unit the reasons a recount from the rows gives, under $name', async ({ thresholds }) => {
    const admin = rootActor(tree.R.path);
    await saveThresholds(ctx.db, admin, { unitId: tree.R.id, thresholds });
    const seen = new Set<string>();
    for (const year of [2025, 2026]) {
      const scopes = [
        { unit: tree.R, kind: 'commune_committee' as const, evaluated: communes },
        { unit: tree.R, kind: undefined, evaluated: communes },
        ...communes.map((commune) => ({
          unit: commune,
          kind: undefined,
          evaluated: cells.filter((cell) => cell.path.startsWith(`${commune.path}.`)),
        })),
      ];
      for (const scope of scopes) {
        const answer: LaggingAnswer = await listLaggingUnits(ctx.db, admin, {
          unitId: scope.unit.id,
          year,
          kind: scope.kind,
          includeRecovered: false,
          page: 1,
          pageSize: 200,
        });
        expect(answer.evaluated, `${scope.unit.code} ${year}`).toBe(scope.evaluated.length);
        const listed = new Map(answer.items.map((item) => [item.unit.id, item.reasons]));
        for (const unit of scope.evaluated) {
          const expected = reasonsOf(await recount(ctx.db, unit, year), thresholds);
          expect({ unit: unit.code, year, reasons: listed.get(unit.id) ?? [] }).toEqual({ unit: unit.code, year, reasons: expected });
          for (const reason of expected) seen.add(reason.code);
        }
      }
    }
    // The random data reaches every reason at least once under the strict thresholds.
    if (thresholds === STRICT) expect([...seen].sort()).toEqual([...LAGGING_REASONS].sort());
  });

  it('counts the lagging units below each child as the recount does', async () => {
    const admin = rootActor(tree.R.path);
    await saveThresholds(ctx.db, admin, { unitId: tree.R.id, thresholds: DEFAULT_LAGGING_THRESHOLDS });
    const lagging = async (unit: { id: number; path: string }) =>
      reasonsOf(await recount(ctx.db, unit, 2026), DEFAULT_LAGGING_THRESHOLDS).length > 0 ? 1 : 0;
    // The province counts its communes, each its own child.
    const byCommune = await countLaggingByChild(ctx.db, tree.R.id, 2026);
    for (const commune of communes) expect([commune.code, byCommune.get(commune.id) ?? 0]).toEqual([commune.code, await lagging(commune)]);
    // A commune has no commune below it: every open unit below it counts, under its child.
    const byCell = await countLaggingByChild(ctx.db, tree.A.id, 2026);
    for (const cell of [tree.C1, tree.C2]) expect([cell.code, byCell.get(cell.id) ?? 0]).toEqual([cell.code, await lagging(cell)]);
  });
});
