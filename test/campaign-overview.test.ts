import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, addUser, rootActor, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, readWorkbook, type Session } from './helpers/session';
import { insertRegistration, linkUser } from './helpers/followup-rows';
import { memberGradingIn } from './helpers/grading-rows';
import { decideOne } from '../src/server/modules/grading/grading.service';
import { nominateModel } from './helpers/commendations-spread-tree';
import { createRequest, saveAnswer, submitAnswer } from '../src/server/modules/reports/index';
import { insertTopic } from './helpers/registration-fixtures';
import { sql } from 'drizzle-orm';
import { moveUnit } from '../src/server/modules/units/units.service';
import { adoptDraft, createDraft } from '../src/server/modules/standards/standards.service';
import { recordSign } from '../src/server/modules/standards/standards-sign.service';
import { listRecords } from '../src/server/modules/dashboard/drill-down.repo';
import { readAllCampaignRecords } from '../src/server/modules/dashboard/campaign-records.service';
import { RECORD_SETS } from '../src/server/modules/dashboard/drill-down';
import { todayIso } from '../src/server/platform/dates';
import { getUnitOrThrow } from '../src/server/modules/units/index';
import {
  CAMPAIGN_METRIC_KEYS,
  type CampaignOverview,
  type CampaignRecord,
  type CampaignRecords,
  type CampaignTrend,
} from '../src/shared/contracts/campaign-overview';
import { personNameSortKey } from '../src/shared/text';
import { acceptRemedy } from '../src/server/modules/inspections/remedies.service';
import { inspectionIn, remedyIn } from './helpers/policy-inspection-rows';
import type { RegistrationStatus } from '../src/shared/contracts/registration-status';
import { addFigureDeltas } from '../src/server/platform/figures';
import { updatePerson } from '../src/server/modules/people/people.service';
import { changeBreakthroughStatus, createBreakthrough } from '../src/server/modules/programme/index';
import { deleteBreakthrough } from '../src/server/modules/programme/breakthroughs.service';
import { newFeedbackDeltas } from '../src/server/modules/figures/index';

/**
 * The campaign overview reads every metric from the live counters: its values must be the ones the
 * module dashboards show, last year's must be last year's tree, and a trend point must be that
 * year's overview, also after a cell moved to another commune.
 */
let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let central: Session;
let officerA: Session;
const YEAR = 2026;

async function populate(unit: { id: number; path: string }, year: number, statuses: RegistrationStatus[], serialFrom: number) {
  let serial = serialFrom;
  for (const status of statuses) {
    serial++;
    const person = await addPerson(ctx.db, unit.path, {
      fullName: `Trần Thị Tổng ${serial}`,
      unitId: unit.id,
      cardNumber: String(82000000 + serial),
    });
    await insertRegistration(ctx.db, unit, { personId: person.id, status, year });
  }
}

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  // This year: 3 of C1's members registered, 2 of them approved and 1 of those published; nobody in C3 did.
  await populate(tree.C1, YEAR, ['submitted', 'approved', 'published', 'draft'], 0);
  await populate(tree.C3, YEAR, ['draft', 'draft'], 10);
  await insertRegistration(ctx.db, tree.C2, { kind: 'collective', status: 'approved', year: YEAR });
  // Last year: two registrations in C2 and one in C1 (their people joined today, so they count as members from now).
  await populate(tree.C2, YEAR - 1, ['approved', 'submitted'], 20);
  await populate(tree.C1, YEAR - 1, ['published'], 30);
  // The year's topic studied in C1 by two of its members.
  const topicId = await insertTopic(ctx.db, tree.R.id, 'Chuyên đề năm 2026', YEAR, YEAR);
  await addUser(ctx.db, 'bithu.c1', [{ unitId: tree.C1.id, role: 'committee' }]);
  const secretary = await openSession(ctx.app, 'bithu.c1');
  const session = await secretary.send('POST', '/api/study-sessions', {
    unitId: tree.C1.id,
    kind: 'study',
    topicId,
    title: 'Học tập chuyên đề năm 2026',
    heldOn: `${YEAR}-03-10`,
    place: 'Nhà văn hóa khu phố 1',
    isOnline: false,
    hasCampaignItem: false,
    notes: null,
    fileIds: [],
  });
  expect(session.statusCode, session.body).toBe(201);
  const c1People = await ctx.db.execute<{ person_id: number }>(
    sql`SELECT person_id FROM memberships WHERE unit_id = ${tree.C1.id} AND to_date IS NULL ORDER BY person_id LIMIT 2`,
  );
  const attendance = await secretary.send('POST', `/api/study-sessions/${session.json().id}/attendance`, {
    version: session.json().version,
    rows: c1People.rows.map((row) => ({ personId: Number(row.person_id), status: 'present' })),
  });
  expect(attendance.statusCode, attendance.body).toBe(200);
  // Ethics standards adopted by C1 (with its sign posted) and by C3; C2 has none.
  for (const [unit, withSign] of [
    [tree.C1, true],
    [tree.C3, false],
  ] as const) {
    const draft = await createDraft(ctx.db, rootActor(tree.R.path), { unitId: unit.id, criteria: [{ text: 'Gương mẫu, gần dân' }] });
    await adoptDraft(ctx.db, rootActor(tree.R.path), draft.id, { adoptedOn: `${YEAR}-01-10`, version: draft.version });
    if (withSign)
      await recordSign(ctx.db, rootActor(tree.R.path), unit.id, { postedOn: `${YEAR}-02-01`, location: 'Nhà văn hóa', photoFileId: null });
  }
  // A inspected C1 twice: one remedy still open, one accepted; B's inspection of C3 is only planned.
  const inspectedC1 = { rootPath: tree.R.path, owner: tree.A, unit: tree.C1 };
  await inspectionIn(ctx.db, inspectedC1, 'concluded', 1);
  const reported = await remedyIn(ctx.db, inspectedC1, 'reported', 2);
  await acceptRemedy(ctx.db, rootActor(tree.R.path), reported.id, { version: reported.version, note: null });
  await inspectionIn(ctx.db, { rootPath: tree.R.path, owner: tree.B, unit: tree.C3 }, 'planned', 3);
  // The member of C1 with the published registration records two check-ins on it.
  const published = await ctx.db.execute<{ id: number; person_id: number; action_id: number }>(sql`
    SELECT r.id, r.person_id, min(a.id) AS action_id FROM registrations r JOIN registration_actions a ON a.registration_id = r.id
    WHERE r.unit_id = ${tree.C1.id} AND r.year = ${YEAR} AND r.status = 'published' GROUP BY r.id, r.person_id`);
  const registrant = await addUser(ctx.db, 'dv.c1', [{ unitId: tree.C1.id, role: 'member' }]);
  await linkUser(ctx.db, registrant.id, Number(published.rows[0]!.person_id));
  const member = await openSession(ctx.app, 'dv.c1');
  for (const progressPercent of [30, 60]) {
    const checkIn = await member.send('POST', `/api/followup/registrations/${published.rows[0]!.id}/check-ins`, {
      actionId: Number(published.rows[0]!.action_id),
      progressPercent,
      note: `Đã làm được ${progressPercent}%`,
    });
    expect(checkIn.statusCode, checkIn.body).toBe(201);
  }
  // Three members of C3 graded: one decided "tốt", one decided "xuất sắc", one graded by the cell but not yet decided.
  const inC3 = { rootPath: tree.R.path, unit: tree.C3 };
  await memberGradingIn(ctx.db, inC3, 'decided', 1, YEAR);
  const excellent = await memberGradingIn(ctx.db, inC3, 'graded', 2, YEAR);
  await decideOne(ctx.db, rootActor(tree.R.path), excellent.id, {
    version: excellent.version,
    grade: 'excellent',
    note: 'Tiêu biểu của đảng bộ',
  });
  await memberGradingIn(ctx.db, inC3, 'graded', 3, YEAR);
  // A asks its cells for a first-quarter briefing; C1 answers on time, C2 not yet.
  const request = await createRequest(ctx.db, rootActor(tree.R.path), {
    unitId: tree.A.id,
    kind: 'quarterly',
    title: 'Báo cáo quý I',
    periodFrom: `${YEAR}-01-01`,
    periodTo: `${YEAR}-03-31`,
    deadline: `${YEAR + 1}-04-10`,
    audience: 'children',
    content: { metrics: ['members'], manualItems: [], sections: [{ key: 'situation', title: 'Tình hình chung' }] },
    guidance: null,
  });
  const answerC1 = request.answers.find((row) => row.unit.id === tree.C1.id)!;
  const saved = await saveAnswer(ctx.db, rootActor(tree.R.path), answerC1.id, {
    narrative: { situation: 'Chi bộ duy trì sinh hoạt đều đặn.' },
    manualValues: {},
    figureNotes: {},
    recommendations: [],
    fileIds: [],
    version: answerC1.version,
  });
  await submitAnswer(ctx.db, rootActor(tree.R.path), saved.id, saved.version);
  // C2's good practice is commended by A's decision today; C1's nomination waits at A.
  const spread = { TW: tree.R } as unknown as Parameters<typeof nominateModel>[1];
  await nominateModel(ctx.db, spread, tree.C2.id, 'Mô hình tổ tự quản xanh', tree.A.id);
  await nominateModel(ctx.db, spread, tree.C1.id, 'Mô hình khu phố không rác');
  await addUser(ctx.db, 'tw.tonghop', [{ unitId: tree.R.id, role: 'officer' }]);
  await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }]);
  // Feedback, written as a bulk load writes it (with its overdue figure): C1's item due last March and
  // C2's due last November were overdue at last year's end and are answered and hidden today; C1's
  // item due this February is still waiting; C3's is not due yet.
  const feedbackIds: number[] = [];
  for (const [unit, dueOn] of [
    [tree.C1, `${YEAR - 1}-03-01`],
    [tree.C2, `${YEAR - 1}-11-01`],
    [tree.C1, `${YEAR}-02-01`],
    [tree.C3, `${YEAR + 1}-01-15`],
  ] as const) {
    const inserted = await ctx.db.execute<{ id: number }>(sql`
      INSERT INTO feedback (unit_id, body, due_on, sender_hash) VALUES (${unit.id}, 'Đề nghị công khai kết quả', ${dueOn}, 'kiem-thu') RETURNING id`);
    feedbackIds.push(Number(inserted.rows[0]!.id));
    await addFigureDeltas(ctx.db, newFeedbackDeltas({ unitPath: unit.path, dueOn }));
  }
  // Breakthrough contents of A: one done in March; one done in February and reopened today; C1's
  // deleted today; C3's open. Last year A's one was done in June and is reopened today.
  const actor = rootActor(tree.R.path);
  const breakthrough = (unitId: number, year: number, title: string) =>
    createBreakthrough(ctx.db, actor, {
      unitId,
      year,
      title,
      description: null,
      ownerUnitId: unitId,
      target: 'Hoàn thành',
      deadline: `${year}-12-31`,
    });
  const markDone = (content: { id: number; version: number }, completedOn: string) =>
    changeBreakthroughStatus(ctx.db, actor, content.id, { status: 'done', completedOn, result: 'Đã hoàn thành', version: content.version });
  const reopen = (content: { id: number; version: number }) =>
    changeBreakthroughStatus(ctx.db, actor, content.id, { status: 'in_progress', result: null, version: content.version });
  await markDone(await breakthrough(tree.A.id, YEAR, 'Xây dựng khu phố sạch'), `${YEAR}-03-01`);
  await reopen(await markDone(await breakthrough(tree.A.id, YEAR, 'Số hóa sổ sinh hoạt'), `${YEAR}-02-01`));
  const dropped = await breakthrough(tree.C1.id, YEAR, 'Nội dung chọn nhầm');
  await deleteBreakthrough(ctx.db, actor, dropped.id, dropped.version);
  await breakthrough(tree.C3.id, YEAR, 'Làm đường thôn');
  await reopen(await markDone(await breakthrough(tree.A.id, YEAR - 1, 'Nội dung năm trước'), `${YEAR - 1}-06-01`));
  const feedbackManager = await openSession(ctx.app, 'canbo.a');
  const answered = await feedbackManager.send('POST', `/api/feedback/${feedbackIds[0]}/answer`, {
    version: 1,
    answer: 'Chi bộ đã công khai.',
  });
  expect(answered.statusCode, answered.body).toBe(200);
  const hidden = await feedbackManager.send('POST', `/api/feedback/${feedbackIds[1]}/hide`, { version: 1, reason: 'Quảng cáo' });
  expect(hidden.statusCode, hidden.body).toBe(200);
  await addUser(ctx.db, 'khong.quyen', []);
  central = await openSession(ctx.app, 'tw.tonghop');
  officerA = await openSession(ctx.app, 'canbo.a');
});
afterAll(() => ctx.close());

/** The report counters of a unit as the overview reads them (their sum by the year's day), for the list lengths. */
async function reportCounts(unitId: number, year: number) {
  const day = year === YEAR ? todayIso() : `${year}-12-31`;
  const rows = await ctx.db.execute<{ metric: string; n: number }>(sql`
    SELECT metric, sum(delta) AS n FROM figure_counters
    WHERE unit_id = ${unitId} AND metric LIKE ${`reports.%.${year}`} AND day <= ${day} GROUP BY metric`);
  const read = (metric: string) => Number(rows.rows.find((row) => row.metric === metric)?.n ?? 0);
  return {
    expected: read(`reports.expected.${year}`),
    submitted: read(`reports.submitted.${year}`),
    onTime: read(`reports.on_time.${year}`),
  };
}

const overviewOf = async (session: Session, unitId: number, year = YEAR) => {
  const response = await session.get(`/api/campaign-overview?unitId=${unitId}&year=${year}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as CampaignOverview;
};

describe('campaign overview', () => {
  it('shows every metric with its definition, for the unit and each child, equal to the module dashboards', async () => {
    const overview = await overviewOf(central, tree.R.id);
    expect(overview.metrics.map((metric) => metric.key)).toEqual([...CAMPAIGN_METRIC_KEYS]);
    for (const metric of overview.metrics) expect(metric.definition.length, metric.key).toBeGreaterThan(20);
    expect(overview.children.map((child) => child.unit.code)).toEqual(['A', 'B']);

    const a = overview.children.find((child) => child.unit.code === 'A')!;
    expect(a.figures.members).toBe(7);
    expect(a.figures.registrationRate).toBeCloseTo(3 / 7);
    expect(a.figures.collectiveRegistered).toBe(1);
    // Approved: 2 individual + 1 collective of 3 + 1 registered; published: 1 of 4.
    expect(a.figures.approvedShare).toBeCloseTo(3 / 4);
    expect(a.figures.publishedShare).toBeCloseTo(1 / 4);
    const b = overview.children.find((child) => child.unit.code === 'B')!;
    // B: C3's two registrants and the three members graded there, two of them decided, one "xuất sắc".
    expect(b.figures.members).toBe(5);
    expect(b.figures.registrationRate).toBe(0);
    expect(b.figures.approvedShare).toBeNull();
    expect(b.figures.gradedShare).toBeCloseTo(2 / 5);
    expect(b.figures.excellentShare).toBeCloseTo(1 / 2);
    expect(overview.figures.registrationRate).toBeCloseTo(3 / 12);

    const registration = (await central.get(`/api/registration-figures?unitId=${tree.R.id}&year=${YEAR}`)).json();
    const programme = (await central.get(`/api/programme-figures?unitId=${tree.R.id}&year=${YEAR}`)).json();
    expect(overview.figures.registrationRate).toBe(registration.figures.registrationRate);
    expect(overview.figures.checkIns).toBe(registration.figures.checkIns);
    for (const key of ['studyRate', 'standardsRate', 'signsRate', 'breakthroughRate', 'reportingRate', 'onTimeRate'] as const) {
      expect(overview.figures[key], key).toBe(programme.figures[key]);
    }
  });

  it('never shows a rate above 100%', async () => {
    const overview = await overviewOf(central, tree.R.id);
    const rates = overview.metrics.filter((metric) => metric.kind === 'rate').map((metric) => metric.key);
    for (const values of [overview.figures, overview.previous, ...overview.children.flatMap((child) => [child.figures, child.previous])]) {
      for (const key of rates) {
        const value = values[key];
        if (value !== null) expect(value, key).toBeLessThanOrEqual(1);
      }
    }
  });

  it('puts last year beside this year, each read as it stood', async () => {
    const overview = await overviewOf(central, tree.R.id);
    const lastYear = await overviewOf(central, tree.R.id, YEAR - 1);
    expect(overview.previousAsOf).toBe(`${YEAR - 1}-12-31`);
    expect(overview.previous).toEqual(lastYear.figures);
    const a = overview.children.find((child) => child.unit.code === 'A')!;
    expect(a.previous).toEqual(lastYear.children.find((child) => child.unit.code === 'A')!.figures);
    // Last year A had 3 registrations (two in C2, one in C1), two of them approved or further.
    expect(a.previous.approvedShare).toBeCloseTo(2 / 3);
  });

  it('opens the records behind each number, exactly as many as the number counts, a page at a time', async () => {
    const recordsOf = async (unitId: number, year: number, metric: string, part = 'numerator', paging = '') => {
      const response = await central.get(
        `/api/campaign-overview/records?unitId=${unitId}&year=${year}&metric=${metric}&part=${part}${paging}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as CampaignRecords;
    };
    for (const [unitId, year] of [
      [tree.R.id, YEAR],
      [tree.A.id, YEAR],
      [tree.B.id, YEAR],
      [tree.A.id, YEAR - 1],
    ] as const) {
      const counts = (await central.get(`/api/registration-figures?unitId=${unitId}&year=${year}`)).json().figures;
      const programme = (await central.get(`/api/programme-figures?unitId=${unitId}&year=${year}`)).json().figures;
      const inspections = (await central.get(`/api/inspection-figures?unitId=${unitId}&year=${year}`)).json().figures;
      const grading = (await central.get(`/api/grading-figures?unitId=${unitId}&year=${year}`)).json().figures;
      const reports = await reportCounts(unitId, year);
      const commendations = (await central.get(`/api/commendation-figures?unitId=${unitId}&year=${year}`)).json().figures;
      const overdueFeedback = (await overviewOf(central, unitId, year)).figures.feedbackOverdue!;
      const registeredBoth = counts.registered + counts.collectiveRegistered;
      const expected: Array<[string, string, number]> = [
        ['members', 'numerator', counts.members],
        ['registrationRate', 'numerator', counts.registered],
        ['registrationRate', 'denominator', counts.members],
        ['collectiveRegistered', 'numerator', counts.collectiveRegistered],
        ['approvedShare', 'numerator', counts.approved],
        ['approvedShare', 'denominator', registeredBoth],
        ['publishedShare', 'numerator', counts.published],
        ['publishedShare', 'denominator', registeredBoth],
        ['completedWellShare', 'numerator', counts.completedWell],
        ['completedWellShare', 'denominator', counts.completedWell + counts.completed + counts.notCompleted],
        ['studyRate', 'numerator', programme.studied],
        ['studyRate', 'denominator', programme.members],
        ['standardsRate', 'numerator', programme.standardsAdopted],
        ['standardsRate', 'denominator', programme.standardKeepingUnits],
        ['signsRate', 'numerator', programme.signsPosted],
        ['signsRate', 'denominator', programme.standardKeepingUnits],
        ['checkIns', 'numerator', counts.checkIns],
        ['commended', 'numerator', commendations.commended],
        ['commendedPerThousand', 'numerator', commendations.commended],
        ['commendedPerThousand', 'denominator', counts.members],
        ['reportingRate', 'numerator', reports.submitted],
        ['reportingRate', 'denominator', reports.expected],
        ['onTimeRate', 'numerator', reports.onTime],
        ['onTimeRate', 'denominator', reports.expected],
        ['gradedShare', 'numerator', grading.membersDecided],
        ['gradedShare', 'denominator', grading.partyMembers],
        ['excellentShare', 'numerator', grading.members.excellent],
        ['excellentShare', 'denominator', grading.membersDecided],
        ['inspectionsDone', 'numerator', inspections.done],
        ['remediesClosedRate', 'numerator', inspections.remediesClosed],
        ['remediesClosedRate', 'denominator', inspections.remedies],
        ['feedbackOverdue', 'numerator', overdueFeedback],
        ['breakthroughRate', 'numerator', programme.breakthroughsDone],
        ['breakthroughRate', 'denominator', programme.breakthroughs],
      ];
      for (const [metric, part, count] of expected) {
        const records = await recordsOf(unitId, year, metric, part, '&pageSize=200');
        expect(records.total, `${metric} ${part} of ${unitId} in ${year}`).toBe(count);
        expect(records.items).toHaveLength(count);
      }
    }
    // Breakthrough contents as they stood: last year's, reopened today, was done at that year's end.
    const doneNow = await recordsOf(tree.A.id, YEAR, 'breakthroughRate');
    expect(doneNow.items.map((item) => [item.kind, item.name, item.unitName, item.day])).toEqual([
      ['breakthrough', 'Xây dựng khu phố sạch', 'Đảng ủy phường An Bình', `${YEAR}-03-01`],
    ]);
    expect((await recordsOf(tree.A.id, YEAR, 'breakthroughRate', 'denominator')).items.map((item) => item.name).sort()).toEqual(
      ['Số hóa sổ sinh hoạt', 'Xây dựng khu phố sạch'].sort(),
    );
    const doneLastYear = await recordsOf(tree.A.id, YEAR - 1, 'breakthroughRate');
    expect(doneLastYear.items.map((item) => [item.name, item.status, item.day])).toEqual([
      ['Nội dung năm trước', 'in_progress', `${YEAR - 1}-06-01`],
    ]);
    // Overdue feedback as it stood: at last year's end the two answered or hidden today, now the one still waiting.
    const overdueLastYear = await recordsOf(tree.A.id, YEAR - 1, 'feedbackOverdue');
    expect(overdueLastYear.items.map((item) => [item.kind, item.name, item.unitName, item.day])).toEqual([
      ['feedback', 'Chi bộ Khu phố 1', 'Đảng ủy phường An Bình', `${YEAR - 1}-03-01`],
      ['feedback', 'Chi bộ Khu phố 2', 'Đảng ủy phường An Bình', `${YEAR - 1}-11-01`],
    ]);
    const overdueNow = await recordsOf(tree.R.id, YEAR, 'feedbackOverdue');
    expect(overdueNow.items.map((item) => [item.name, item.status, item.day])).toEqual([['Chi bộ Khu phố 1', 'new', `${YEAR}-02-01`]]);
    // A's approved registrations of this year: two individual ones in C1 and the collective one of C2.
    const studied = await recordsOf(tree.R.id, YEAR, 'studyRate');
    expect(studied.items.map((item) => [item.kind, item.unitName, item.day])).toEqual([
      ['studied', 'Chi bộ Khu phố 1', `${YEAR}-03-10`],
      ['studied', 'Chi bộ Khu phố 1', `${YEAR}-03-10`],
    ]);
    const adopted = await recordsOf(tree.R.id, YEAR, 'standardsRate');
    expect(adopted.items.map((item) => [item.kind, item.name, item.unitName, item.day])).toEqual([
      ['adopted', 'Chi bộ Khu phố 1', 'Đảng ủy phường An Bình', `${YEAR}-01-10`],
      ['adopted', 'Chi bộ thôn Phú Lộc', 'Đảng ủy xã Đông Hòa', `${YEAR}-01-10`],
    ]);
    expect((await recordsOf(tree.A.id, YEAR, 'signsRate', 'denominator')).items.map((item) => item.name)).toEqual([
      'Chi bộ Khu phố 1',
      'Chi bộ Khu phố 2',
    ]);
    const excellentOnes = await recordsOf(tree.B.id, YEAR, 'excellentShare');
    expect(excellentOnes.items.map((item) => [item.kind, item.name, item.unitName, item.status])).toEqual([
      ['graded', 'Đảng viên xếp loại 2', 'Chi bộ thôn Phú Lộc', 'excellent'],
    ]);
    const checkIns = await recordsOf(tree.R.id, YEAR, 'checkIns');
    expect(checkIns.items.map((item) => [item.kind, item.name, item.day])).toEqual([
      ['checkIn', 'Trần Thị Tổng 3', todayIso()],
      ['checkIn', 'Trần Thị Tổng 3', todayIso()],
    ]);
    const owed = await recordsOf(tree.A.id, YEAR, 'onTimeRate', 'denominator');
    expect(owed.items.map((item) => [item.kind, item.name, item.unitName, item.day])).toEqual([
      ['report', 'Chi bộ Khu phố 1', 'Báo cáo quý I', todayIso()],
      ['report', 'Chi bộ Khu phố 2', 'Báo cáo quý I', null],
    ]);
    expect((await recordsOf(tree.A.id, YEAR, 'onTimeRate')).items.map((item) => item.name)).toEqual(['Chi bộ Khu phố 1']);
    const commended = await recordsOf(tree.R.id, YEAR, 'commended');
    expect(commended.items.map((item) => [item.kind, item.name, item.unitName, item.day])).toEqual([
      ['commended', 'Mô hình tổ tự quản xanh', 'Chi bộ Khu phố 2', todayIso()],
    ]);
    const done = await recordsOf(tree.R.id, YEAR, 'inspectionsDone');
    expect(done.items.map((item) => [item.kind, item.name, item.unitName])).toEqual([
      ['inspection', 'Chi bộ Khu phố 1', 'Đảng ủy phường An Bình'],
      ['inspection', 'Chi bộ Khu phố 1', 'Đảng ủy phường An Bình'],
    ]);
    const closed = await recordsOf(tree.A.id, YEAR, 'remediesClosedRate');
    expect(closed.items.map((item) => [item.kind, item.name, item.unitName, item.status])).toEqual([
      ['remedy', 'Tổ chức học bù trong quý.', 'Chi bộ Khu phố 1', 'closed'],
    ]);
    expect((await recordsOf(tree.B.id, YEAR, 'remediesClosedRate', 'denominator')).total).toBe(0);
    const remediesFile = await officerA.get(
      `/api/exports/campaign-overview/records?unitId=${tree.A.id}&year=${YEAR}&metric=remediesClosedRate&part=denominator`,
    );
    const remediesSheet = (await readWorkbook(remediesFile.rawPayload)).get('Danh sách')!;
    expect(remediesSheet[1]).toEqual(['STT', 'Việc khắc phục', 'Đơn vị phải khắc phục', 'Trạng thái, hạn']);
    expect(remediesSheet.slice(2).map((row) => row[3])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Đã khắc phục xong, hạn 30\/06\/\d{4}$/), expect.stringMatching(/^Chưa khắc phục/)]),
    );
    const approved = await recordsOf(tree.A.id, YEAR, 'approvedShare');
    expect(approved.title).toBe('Bản đăng ký đã thẩm định');
    expect(approved.items.map((item) => item.unitName).sort()).toEqual(['Chi bộ Khu phố 1', 'Chi bộ Khu phố 1', 'Chi bộ Khu phố 2']);
    expect(
      approved.items.every((item) => item.kind === 'registration' && ['approved', 'published', 'in_progress'].includes(item.status!)),
    ).toBe(true);

    // Paged without repeating anyone.
    const first = await recordsOf(tree.R.id, YEAR, 'members', 'numerator', '&page=1&pageSize=4');
    const second = await recordsOf(tree.R.id, YEAR, 'members', 'numerator', '&page=2&pageSize=4');
    expect(first.total).toBe(12);
    expect(first.items).toHaveLength(4);
    expect(second.items).toHaveLength(4);
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(8);
    const names = [...first.items, ...second.items].map((item) => item.name);
    // The order of every list of people: given name first, in Vietnamese alphabetical order.
    const byKey = (a: string, b: string) => (personNameSortKey(a) < personNameSortKey(b) ? -1 : 1);
    expect(names).toEqual([...names].sort(byKey));

    const file = await officerA.get(
      `/api/exports/campaign-overview/records?unitId=${tree.A.id}&year=${YEAR}&metric=registrationRate&part=denominator`,
    );
    expect(file.statusCode).toBe(200);
    const sheet = (await readWorkbook(file.rawPayload)).get('Danh sách')!;
    expect(sheet[0]![0]).toContain('Người đang sinh hoạt năm 2026 — Đảng ủy phường An Bình');
    expect(sheet[1]).toEqual(['STT', 'Họ và tên', 'Đơn vị', 'Sinh hoạt từ ngày']);
    expect(sheet.slice(2)).toHaveLength(7);
    expect(sheet.at(-1)![0]).toBe(7);
  });

  it('refuses to export a list longer than one file carries, naming its length, before reading it', async () => {
    const query = { unitId: tree.R.id, year: YEAR, metric: 'members' as const, part: 'numerator' as const };
    await expect(readAllCampaignRecords(ctx.db, rootActor(tree.R.path), query, 11)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('Danh sách có 12 dòng, nhiều hơn 11 dòng'),
      details: { total: 12, limit: 11 },
    });
    expect((await readAllCampaignRecords(ctx.db, rootActor(tree.R.path), query, 12)).items).toHaveLength(12);
  });

  it('reads the same pages whether it walks the names or starts from the units', async () => {
    for (const [metric, sets] of Object.entries(RECORD_SETS)) {
      for (const set of [sets.numerator, sets.denominator].filter((candidate) => candidate !== undefined)) {
        for (const unit of [tree.R, tree.A, tree.C3]) {
          const place = { unit, year: YEAR, day: todayIso(), treeUnchangedSince: true };
          for (const offset of [0, 2]) {
            const walked = await listRecords(ctx.db, set, place, { limit: 3, offset, total: 1_000_000 });
            const fromUnits = await listRecords(ctx.db, set, place, { limit: 3, offset, total: 0 });
            expect(walked, `${metric} of ${unit.code} from ${offset}`).toEqual(fromUnits);
          }
        }
      }
    }
    const all = await listRecords(
      ctx.db,
      RECORD_SETS.approvedShare.denominator!,
      { unit: tree.R, year: YEAR, day: todayIso(), treeUnchangedSince: true },
      { limit: 50, offset: 0, total: 1_000_000 },
    );
    // Individual registrations by their person's name, the collective one by its unit's, in one order.
    expect(all.map((item) => item.name)).toContain('Chi bộ Khu phố 2');
    expect(all).toHaveLength(4);
  });

  it('refuses the records outside the subtree, of a metric without a list, or of a count as a rate', async () => {
    expect((await officerA.get(`/api/campaign-overview/records?unitId=${tree.B.id}&year=${YEAR}&metric=members`)).statusCode).toBe(403);
    expect((await officerA.get(`/api/exports/campaign-overview/records?unitId=${tree.B.id}&year=${YEAR}&metric=members`)).statusCode).toBe(
      403,
    );
    const noList = await officerA.get(`/api/campaign-overview/records?unitId=${tree.A.id}&year=${YEAR}&metric=unknownRate`);
    expect(noList.statusCode).toBe(400);
    expect(noList.json().error.code).toBe('VALIDATION_FAILED');
    const countAsRate = await officerA.get(
      `/api/campaign-overview/records?unitId=${tree.A.id}&year=${YEAR}&metric=members&part=denominator`,
    );
    expect(countAsRate.statusCode).toBe(400);
    expect(countAsRate.json().error.message).toContain('không có mẫu số');
  });

  it('draws a trend whose points are the overviews of their years, in the tree of each year', async () => {
    const admin = rootActor(tree.R.path);
    // C2 moves from A to B on the first day of this year: last year it was A's, this year it is B's.
    const c2 = await getUnitOrThrow(ctx.db, tree.C2.id);
    await moveUnit(ctx.db, admin, tree.C2.id, { parentId: tree.B.id, effectiveDate: `${YEAR}-01-01`, version: c2.version });
    const trendOf = async (unitId: number) => {
      const response = await central.get(`/api/campaign-overview/trend?unitId=${unitId}&metric=approvedShare&toYear=${YEAR}&years=3`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as CampaignTrend;
    };
    const trendA = await trendOf(tree.A.id);
    expect(trendA.metric.key).toBe('approvedShare');
    expect(trendA.points.map((point) => point.year)).toEqual([YEAR - 2, YEAR - 1, YEAR]);
    expect(trendA.points[0]!.value).toBeNull();
    // Last year's point still counts C2's two registrations under A.
    expect(trendA.points[1]!.value).toBeCloseTo(2 / 3);
    expect(trendA.points[2]!.value).toBe((await overviewOf(central, tree.A.id)).figures.approvedShare);
    const trendB = await trendOf(tree.B.id);
    expect(trendB.points[1]!.value).toBeNull();
    // This year B has C2's approved collective registration.
    expect(trendB.points[2]!.value).toBeCloseTo(1);
  });

  it('after the move, last year’s lists keep last year’s tree and this year’s follow the new one', async () => {
    const lastYearOfA = (
      await central.get(`/api/campaign-overview/records?unitId=${tree.A.id}&year=${YEAR - 1}&metric=approvedShare&part=denominator`)
    ).json();
    expect(lastYearOfA.total).toBe(3);
    expect(lastYearOfA.items.filter((item: CampaignRecord) => item.unitName === 'Chi bộ Khu phố 2')).toHaveLength(2);
    const thisYearOfB = (
      await central.get(`/api/campaign-overview/records?unitId=${tree.B.id}&year=${YEAR}&metric=collectiveRegistered`)
    ).json();
    expect(thisYearOfB.items.map((item: CampaignRecord) => item.unitName)).toEqual(['Chi bộ Khu phố 2']);
    const thisYearOfA = (
      await central.get(`/api/campaign-overview/records?unitId=${tree.A.id}&year=${YEAR}&metric=collectiveRegistered`)
    ).json();
    expect(thisYearOfA.total).toBe(0);
  });

  it('exports the table with each metric this year and last, and its definitions', async () => {
    const file = await officerA.get(`/api/exports/campaign-overview?unitId=${tree.A.id}&year=${YEAR}`);
    expect(file.statusCode).toBe(200);
    expect(decodeURIComponent(String(file.headers['content-disposition']))).toContain('Tổng quan học tập và làm theo 2026');
    const sheets = await readWorkbook(file.rawPayload);
    const rows = sheets.get('Tổng quan')!;
    const header = rows[1]!;
    expect(header.slice(0, 4)).toEqual(['Mã đơn vị', 'Đơn vị', `Số người đang sinh hoạt ${YEAR}`, `Số người đang sinh hoạt ${YEAR - 1}`]);
    const total = rows.find((row) => row[0] === 'A')!;
    const overview = await overviewOf(officerA, tree.A.id);
    expect(total[header.indexOf(`Tỷ lệ đăng ký làm theo ${YEAR}`)]).toBeCloseTo(overview.figures.registrationRate!);
    expect(sheets.get('Định nghĩa')!.length).toBe(1 + 2 * CAMPAIGN_METRIC_KEYS.length);
  });

  it('is refused outside the subtree, without a grant, or signed out, and names a bad metric', async () => {
    expect((await officerA.get(`/api/campaign-overview?unitId=${tree.B.id}&year=${YEAR}`)).statusCode).toBe(403);
    expect((await officerA.get(`/api/campaign-overview?unitId=${tree.R.id}&year=${YEAR}`)).statusCode).toBe(403);
    expect((await officerA.get(`/api/campaign-overview/trend?unitId=${tree.B.id}&metric=studyRate&toYear=${YEAR}`)).statusCode).toBe(403);
    expect((await officerA.get(`/api/exports/campaign-overview?unitId=${tree.B.id}&year=${YEAR}`)).statusCode).toBe(403);
    const nobody = await openSession(ctx.app, 'khong.quyen');
    expect((await nobody.get(`/api/campaign-overview?unitId=${tree.A.id}&year=${YEAR}`)).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/campaign-overview?unitId=${tree.A.id}&year=${YEAR}` })).statusCode).toBe(401);
    const badMetric = await officerA.get(`/api/campaign-overview/trend?unitId=${tree.A.id}&metric=happiness&toYear=${YEAR}`);
    expect(badMetric.statusCode).toBe(400);
    expect(badMetric.json().error.code).toBe('VALIDATION_FAILED');
    expect(
      (await officerA.get(`/api/campaign-overview/trend?unitId=${tree.A.id}&metric=studyRate&toYear=${YEAR}&years=40`)).statusCode,
    ).toBe(400);
  });
  // Last, as it adds people: the other tests count the fixture's members.
  it('lists the Party members of an earlier year in the category they had then, as many as its figure', async () => {
    // Today one member of C1 leaves the Party's count (now a cadre) and one civil servant is admitted.
    for (const [fullName, category, cardNumber, becomes] of [
      ['Lê Văn Rời', 'party_member', '82000091', 'cadre'],
      ['Lê Thị Vào', 'civil_servant', '82000092', 'party_member'],
    ] as const) {
      const person = await addPerson(ctx.db, tree.C1.path, { fullName, unitId: tree.C1.id, cardNumber, category });
      await updatePerson(ctx.db, rootActor(tree.R.path), person.id, { category: becomes, version: person.version });
    }
    const partyMembers = async (year: number) => {
      const response = await central.get(
        `/api/campaign-overview/records?unitId=${tree.A.id}&year=${year}&metric=gradedShare&part=denominator&pageSize=200`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const records = response.json() as CampaignRecords;
      const figure = (await central.get(`/api/grading-figures?unitId=${tree.A.id}&year=${year}`)).json().figures.partyMembers as number;
      expect(records.total).toBe(figure);
      expect(records.items).toHaveLength(figure);
      return records.items.map((item) => item.name);
    };
    const lastYear = await partyMembers(YEAR - 1);
    expect(lastYear).toContain('Lê Văn Rời');
    expect(lastYear).not.toContain('Lê Thị Vào');
    const thisYear = await partyMembers(YEAR);
    expect(thisYear).toContain('Lê Thị Vào');
    expect(thisYear).not.toContain('Lê Văn Rời');
  });
});
