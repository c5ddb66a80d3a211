import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, addUser, createUnitAsSystem, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, type Session } from './helpers/session';
import { tinyPdf } from './helpers/tiny-files';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let provinceOfficer: Session;
let communeA: Session;
let communeB: Session;
let secretaryC1: Session;
let viewerR: Session;
let card = 70_000_000;
let request: RequestView;

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await ctx.db.execute<T>(query)).rows;
const scalar = async (query: ReturnType<typeof sql>) => Number((await rows<{ value: number }>(query))[0]?.value ?? 0);
/** Members of a subtree on a day, counted from the memberships themselves. */
const recountMembers = (path: string, day: string) =>
  scalar(sql`SELECT count(DISTINCT m.person_id) AS value FROM memberships m JOIN units u ON u.id = m.unit_id
    WHERE u.path <@ ${path}::ltree AND m.is_primary AND m.from_date <= ${day} AND (m.to_date IS NULL OR m.to_date > ${day})`);

function newRequest(overrides: Record<string, unknown> = {}) {
  return {
    unitId: tree.R.id,
    kind: 'quarterly',
    title: 'Báo cáo quý I năm 2026 về học tập và làm theo Bác',
    periodFrom: '2026-01-01',
    periodTo: '2026-03-31',
    deadline: '2099-04-10',
    audience: 'children',
    content: {
      metrics: ['members', 'party_members', 'study_rate', 'study_sessions'],
      manualItems: [{ key: 'good_examples', label: 'Số gương điển hình được biểu dương', type: 'number' }],
      sections: [
        { key: 'situation', title: 'Tình hình chung' },
        { key: 'results', title: 'Kết quả thực hiện' },
      ],
    },
    guidance: null,
    ...overrides,
  };
}

type RequestView = {
  id: number;
  version: number;
  answers: Array<{ id: number; unit: { id: number }; status: string; displayStatus: string; onTime: boolean | null; version: number }>;
  figures: { expected: number; submitted: number; onTime: number; reportingRate: number | null; onTimeRate: number | null };
};
type AnswerView = {
  id: number;
  status: string;
  displayStatus: string;
  version: number;
  numberSymbol: string | null;
  figures: Array<{ key: string; live: number | null; frozen: number | null; computation: string }>;
  recommendations: Array<{ id: number; kind: string; body: string }>;
  history: Array<{ toStatus: string; reason: string | null; changes: string[] | null }>;
};

async function issue(overrides: Record<string, unknown> = {}) {
  const response = await provinceOfficer.send('POST', '/api/report-requests', newRequest(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as RequestView;
}
const answerOf = (request: RequestView, unitId: number) => request.answers.find((answer) => answer.unit.id === unitId)!;
const draft = (version: number, overrides: Record<string, unknown> = {}) => ({
  narrative: { situation: 'Các chi bộ duy trì sinh hoạt đều đặn.', results: 'Tổ chức học tập chuyên đề cho 100% đảng viên.' },
  manualValues: { good_examples: '3' },
  figureNotes: { members: 'Có 1 đảng viên mới chuyển đến' },
  recommendations: [
    { kind: 'difficulty', body: 'Thiếu tài liệu học tập chuyên đề' },
    { kind: 'recommendation', body: 'Đề nghị cấp thêm tài liệu' },
  ],
  fileIds: [],
  version,
  ...overrides,
});

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  for (const [unit, count] of [
    [tree.C1, 3],
    [tree.C2, 2],
    [tree.C3, 2],
  ] as const) {
    for (let index = 0; index < count; index++)
      await addPerson(ctx.db, unit.path, { fullName: `Phạm Văn Báo ${card}`, unitId: unit.id, cardNumber: String(card++) });
  }
  await addPerson(ctx.db, tree.C1.path, {
    fullName: 'Võ Thị Công Chức',
    unitId: tree.C1.id,
    category: 'civil_servant',
    idNumber: '079123456789',
    position: 'staff',
  });
  await addUser(ctx.db, 'tuyengiao.r', [{ unitId: tree.R.id, role: 'officer' }]);
  await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }]);
  await addUser(ctx.db, 'canbo.b', [{ unitId: tree.B.id, role: 'officer' }]);
  await addUser(ctx.db, 'bithu.c1', [{ unitId: tree.C1.id, role: 'committee' }]);
  await addUser(ctx.db, 'xem.r', [{ unitId: tree.R.id, role: 'viewer' }]);
  provinceOfficer = await openSession(ctx.app, 'tuyengiao.r');
  communeA = await openSession(ctx.app, 'canbo.a');
  communeB = await openSession(ctx.app, 'canbo.b');
  secretaryC1 = await openSession(ctx.app, 'bithu.c1');
  viewerR = await openSession(ctx.app, 'xem.r');
  // Issued before the tree changes in the first test, so its expected units are A and B.
  request = await issue({ title: 'Báo cáo quý I năm 2026' });
});
afterAll(() => ctx.close());

describe('issuing a request', () => {
  it('fixes the expected units when issued, and keeps them when the tree changes', async () => {
    const request = await issue();
    expect(request.answers.map((answer) => answer.unit.id).sort()).toEqual([tree.A.id, tree.B.id].sort());
    expect(request.answers.every((answer) => answer.status === 'not_started' && answer.displayStatus === 'not_started')).toBe(true);
    expect(request.figures).toMatchObject({ expected: 2, submitted: 0, reportingRate: 0 });
    const stored = await rows<{ unit_id: number; status: string }>(
      sql`SELECT unit_id, status FROM report_answers WHERE request_id = ${request.id}`,
    );
    expect(stored).toHaveLength(2);
    expect(
      await scalar(
        sql`SELECT count(*) AS value FROM audit_log WHERE action = 'report_request.create' AND entity_id = ${String(request.id)}`,
      ),
    ).toBe(1);

    await createUnitAsSystem(ctx.db, 'N1', 'Đảng ủy xã Mới Lập', 'commune_committee', tree.R.id, '2026-05-01');
    const again = (await provinceOfficer.get(`/api/report-requests/${request.id}`)).json() as RequestView;
    expect(again.figures.expected).toBe(2);
  });

  it('asks every grassroots unit of the subtree when told so', async () => {
    const request = await issue({ audience: 'grassroots', title: 'Báo cáo chuyên đề', periodFrom: '2026-07-01', periodTo: '2026-09-30' });
    // A, B and the commune founded on 1/5/2026 in the test above; cells are not grassroots units.
    expect(request.answers).toHaveLength(3);
    // A period that ended before that commune was founded does not ask it.
    const earlier = await issue({
      audience: 'grassroots',
      title: 'Báo cáo chuyên đề quý I',
      periodFrom: '2026-01-01',
      periodTo: '2026-03-31',
    });
    expect(earlier.answers.map((answer) => answer.unit.id).sort()).toEqual([tree.A.id, tree.B.id].sort());
  });

  it('asks every commune committee of the subtree, and only them, when told so', async () => {
    const request = await issue({
      audience: 'communes',
      title: 'Báo cáo nhanh của cấp xã',
      periodFrom: '2026-07-01',
      periodTo: '2026-09-30',
    });
    const kinds = await rows<{ kind: string }>(sql`
      SELECT u.kind FROM report_answers a JOIN units u ON u.id = a.unit_id WHERE a.request_id = ${request.id}`);
    const communes = await scalar(
      sql`SELECT count(*) AS value FROM units WHERE kind = 'commune_committee' AND valid_to IS NULL AND path <@ ${tree.R.path}::ltree`,
    );
    expect(kinds.length).toBe(communes);
    expect(new Set(kinds.map((row) => row.kind))).toEqual(new Set(['commune_committee']));
  });

  it('refuses bad input with a Vietnamese message and changes nothing', async () => {
    const before = await scalar(sql`SELECT count(*) AS value FROM report_requests`);
    const cases = [
      newRequest({ periodFrom: '2026-04-01', periodTo: '2026-03-31' }),
      newRequest({ deadline: '2025-12-01' }),
      newRequest({ content: { metrics: ['khong_co'], manualItems: [], sections: [{ key: 'a', title: 'A' }] } }),
      newRequest({ content: { metrics: [], manualItems: [{ key: 'a', label: 'A', type: 'text' }], sections: [{ key: 'a', title: 'A' }] } }),
      newRequest({ content: { metrics: [], manualItems: [], sections: [] } }),
      newRequest({ title: '' }),
      newRequest({ kind: 'monthly' }),
    ];
    for (const body of cases) {
      const response = await provinceOfficer.send('POST', '/api/report-requests', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    }
    expect(await scalar(sql`SELECT count(*) AS value FROM report_requests`)).toBe(before);
  });

  it('lets only the requesting level issue: 403 for another subtree or without the role, 401 signed out', async () => {
    expect((await communeB.send('POST', '/api/report-requests', newRequest())).statusCode).toBe(403);
    expect((await secretaryC1.send('POST', '/api/report-requests', newRequest({ unitId: tree.C1.id }))).statusCode).toBe(403);
    expect((await viewerR.send('POST', '/api/report-requests', newRequest())).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/report-requests', payload: newRequest() })).statusCode).toBe(401);
  });
});

describe('answering, reviewing and consolidating', () => {
  let answerA: AnswerView;

  it('shows the expected unit its report with the figures computed for the period and how', async () => {
    const inbox = (await communeA.get(`/api/report-inbox?unitId=${tree.A.id}`)).json() as { items: Array<{ id: number; title: string }> };
    expect(inbox.items.map((item) => item.title)).toContain('Báo cáo quý I năm 2026');
    const response = await communeA.get(`/api/report-answers/${answerOf(request, tree.A.id).id}`);
    expect(response.statusCode).toBe(200);
    answerA = response.json() as AnswerView;
    const members = answerA.figures.find((figure) => figure.key === 'members')!;
    expect(members.live).toBe(await recountMembers(tree.A.path, '2026-03-31'));
    expect(members.live).toBe(6);
    expect(answerA.figures.find((figure) => figure.key === 'party_members')!.live).toBe(5);
    expect(answerA.figures.find((figure) => figure.key === 'study_rate')!.live).toBe(0);
    expect(members.computation).toContain('cuối kỳ');
    expect(members.frozen).toBeNull();
  });

  it('keeps another unit and other roles out of the report', async () => {
    const id = answerOf(request, tree.A.id).id;
    expect((await communeB.get(`/api/report-answers/${id}`)).statusCode).toBe(403);
    expect((await viewerR.get(`/api/report-answers/${id}`)).statusCode).toBe(403);
    expect((await communeB.send('PATCH', `/api/report-answers/${id}`, draft(answerA.version))).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/report-answers/${id}` })).statusCode).toBe(401);
  });

  it('refuses items the request did not ask for and a number that is not one, changing nothing', async () => {
    for (const body of [
      draft(answerA.version, { narrative: { other: 'x' } }),
      draft(answerA.version, { manualValues: { good_examples: 'ba' } }),
      draft(answerA.version, { figureNotes: { check_ins: 'x' } }),
    ]) {
      const response = await communeA.send('PATCH', `/api/report-answers/${answerA.id}`, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    const stored = await rows<{ status: string; version: number }>(
      sql`SELECT status, version FROM report_answers WHERE id = ${answerA.id}`,
    );
    expect(stored[0]).toMatchObject({ status: 'not_started', version: 1 });
    expect(await scalar(sql`SELECT count(*) AS value FROM report_recommendations WHERE answer_id = ${answerA.id}`)).toBe(0);
  });

  it('saves a draft with its narrative, notes and items, and refuses a stale version', async () => {
    const response = await communeA.send('PATCH', `/api/report-answers/${answerA.id}`, draft(answerA.version));
    expect(response.statusCode, response.body).toBe(200);
    answerA = response.json() as AnswerView;
    expect(answerA).toMatchObject({ status: 'draft', version: 2 });
    expect(answerA.recommendations.map((item) => item.body)).toEqual(['Thiếu tài liệu học tập chuyên đề', 'Đề nghị cấp thêm tài liệu']);
    const stored = await rows<{ narrative: Record<string, string>; figure_notes: Record<string, string> }>(
      sql`SELECT narrative, figure_notes FROM report_answers WHERE id = ${answerA.id}`,
    );
    expect(stored[0]!.narrative.situation).toBe('Các chi bộ duy trì sinh hoạt đều đặn.');
    expect(stored[0]!.figure_notes.members).toBe('Có 1 đảng viên mới chuyển đến');
    const stale = await communeA.send('PATCH', `/api/report-answers/${answerA.id}`, draft(1));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('submits: freezes the figures, numbers the report in the unit own series, and keeps them beside the live value', async () => {
    const response = await communeA.send('POST', `/api/report-answers/${answerA.id}/submit`, { version: answerA.version });
    expect(response.statusCode, response.body).toBe(200);
    answerA = response.json() as AnswerView;
    expect(answerA).toMatchObject({ status: 'submitted', numberSymbol: '1-BC/ĐU' });
    expect(answerA.figures.find((figure) => figure.key === 'members')!.frozen).toBe(6);
    // A member who joined in the period after submission changes the live figure, not the frozen one.
    await addPerson(ctx.db, tree.C2.path, {
      fullName: 'Đỗ Văn Mới',
      unitId: tree.C2.id,
      cardNumber: String(card++),
      fromDate: '2026-02-01',
    });
    const again = (await communeA.get(`/api/report-answers/${answerA.id}`)).json() as AnswerView;
    expect(again.figures.find((figure) => figure.key === 'members')).toMatchObject({ frozen: 6, live: 7 });
    expect((await communeA.send('PATCH', `/api/report-answers/${answerA.id}`, draft(again.version))).json().error.code).toBe(
      'INVALID_TRANSITION',
    );
    const state = (await provinceOfficer.get(`/api/report-requests/${request.id}`)).json() as RequestView;
    expect(state.figures).toMatchObject({ expected: 2, submitted: 1, onTime: 1, reportingRate: 0.5, onTimeRate: 0.5 });
  });

  it('returns with reasons, then the unit revises and resubmits with its history and the differences kept', async () => {
    const forbidden = await communeA.send('POST', `/api/report-answers/${answerA.id}/return`, {
      version: answerA.version,
      reason: 'Tự trả lại',
    });
    expect(forbidden.statusCode).toBe(403);
    const noReason = await provinceOfficer.send('POST', `/api/report-answers/${answerA.id}/return`, {
      version: answerA.version,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const returned = await provinceOfficer.send('POST', `/api/report-answers/${answerA.id}/return`, {
      version: answerA.version,
      reason: 'Bổ sung kết quả cụ thể',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    answerA = returned.json() as AnswerView;
    expect(answerA.status).toBe('returned');
    // Saving and submitting is one call, refused whole: an emptied report is not sent, and its content stays.
    const emptied = await communeA.send(
      'PATCH',
      `/api/report-answers/${answerA.id}`,
      draft(answerA.version, { narrative: {}, manualValues: {}, submit: true }),
    );
    expect(emptied.statusCode).toBe(400);
    expect(emptied.json().error.code).toBe('VALIDATION_FAILED');
    const kept = await rows<{ status: string; version: number; narrative: Record<string, string> }>(
      sql`SELECT status, version, narrative FROM report_answers WHERE id = ${answerA.id}`,
    );
    expect(kept[0]).toMatchObject({ status: 'returned', version: answerA.version });
    expect(kept[0]!.narrative.situation).toBe('Các chi bộ duy trì sinh hoạt đều đặn.');
    const resubmitted = await communeA.send(
      'PATCH',
      `/api/report-answers/${answerA.id}`,
      draft(answerA.version, {
        narrative: { situation: 'Các chi bộ duy trì sinh hoạt đều đặn.', results: 'Đã học tập chuyên đề cho 6/6 người.' },
        submit: true,
      }),
    );
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    answerA = resubmitted.json() as AnswerView;
    expect(answerA).toMatchObject({ status: 'submitted', numberSymbol: '1-BC/ĐU' });
    expect(answerA.history.map((event) => event.toStatus)).toEqual(['draft', 'submitted', 'returned', 'submitted']);
    expect(answerA.history[2]!.reason).toBe('Bổ sung kết quả cụ thể');
    expect(answerA.history[3]!.changes).toEqual(['Kết quả thực hiện']);
    const events = await scalar(
      sql`SELECT count(*) AS value FROM report_answer_events WHERE answer_id = ${answerA.id} AND snapshot IS NOT NULL`,
    );
    expect(events).toBe(2);
    const audits = await rows<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_type = 'report_answer' AND entity_id = ${String(answerA.id)} ORDER BY id`,
    );
    expect(audits.map((row) => row.action)).toEqual([
      'report_answer.save',
      'report_answer.submit',
      'report_answer.return',
      'report_answer.save',
      'report_answer.submit',
    ]);
  });

  it('accepts; an accepted report cannot be edited', async () => {
    const accepted = await provinceOfficer.send('POST', `/api/report-answers/${answerA.id}/accept`, { version: answerA.version });
    expect(accepted.statusCode).toBe(200);
    answerA = accepted.json() as AnswerView;
    expect(answerA.status).toBe('accepted');
    expect((await communeA.send('PATCH', `/api/report-answers/${answerA.id}`, draft(answerA.version))).statusCode).toBe(409);
    expect(
      (await provinceOfficer.send('POST', `/api/report-answers/${answerA.id}/accept`, { version: answerA.version })).json().error.code,
    ).toBe('INVALID_TRANSITION');
  });

  it('shows a late unit and reminds it in one action', async () => {
    const patched = await provinceOfficer.send('PATCH', `/api/report-requests/${request.id}/deadline`, {
      deadline: '2026-04-10',
      version: request.version,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const state = patched.json() as RequestView;
    expect(answerOf(state, tree.B.id).displayStatus).toBe('late');
    expect(answerOf(state, tree.A.id).displayStatus).toBe('accepted');
    const before = await scalar(sql`SELECT count(*) AS value FROM notifications`);
    const remind = await provinceOfficer.send('POST', `/api/report-requests/${request.id}/remind`);
    expect(remind.json()).toEqual({ lateUnits: 1, notifications: 1 });
    const notices = await rows<{ user_id: number; kind: string }>(
      sql`SELECT n.user_id, n.kind FROM notifications n ORDER BY n.id DESC LIMIT 1`,
    );
    const userB = await scalar(sql`SELECT id AS value FROM users WHERE username = 'canbo.b'`);
    expect(Number(notices[0]!.user_id)).toBe(userB);
    expect(await scalar(sql`SELECT count(*) AS value FROM notifications`)).toBe(before + 1);
    expect((await communeA.send('POST', `/api/report-requests/${request.id}/remind`)).statusCode).toBe(403);
  });

  it('counts a report submitted after the deadline as submitted but not on time, keeping the earlier one on time', async () => {
    const answerB = (await communeB.get(`/api/report-answers/${answerOf(request, tree.B.id).id}`)).json() as AnswerView;
    const saved = (
      await communeB.send(
        'PATCH',
        `/api/report-answers/${answerB.id}`,
        draft(answerB.version, { recommendations: [{ kind: 'recommendation', body: 'Đề nghị tập huấn cho bí thư chi bộ' }] }),
      )
    ).json() as AnswerView;
    const submitted = await communeB.send('POST', `/api/report-answers/${answerB.id}/submit`, { version: saved.version });
    expect((submitted.json() as AnswerView).numberSymbol).toBe('1-BC/ĐU');
    const state = (await provinceOfficer.get(`/api/report-requests/${request.id}`)).json() as RequestView;
    // A met the deadline in force when it first submitted; B submitted after the deadline moved to April.
    expect(state.figures).toMatchObject({ expected: 2, submitted: 2, onTime: 1, reportingRate: 1, onTimeRate: 0.5 });
    expect(answerOf(state, tree.B.id).onTime).toBe(false);
  });

  it('consolidates the frozen figures of every answering unit, matching a recount', async () => {
    const response = await provinceOfficer.get(`/api/report-requests/${request.id}/consolidation`);
    expect(response.statusCode).toBe(200);
    const view = response.json() as {
      answering: number;
      missing: unknown[];
      figures: Array<{ key: string; total: number | null }>;
      recommendations: Array<{ unitName: string; body: string }>;
      sections: Array<{ key: string; entries: unknown[] }>;
      manualItems: Array<{ key: string; total: number | null }>;
    };
    expect(view.answering).toBe(2);
    expect(view.missing).toEqual([]);
    // Each report froze its figures at its last submission (A resubmitted after the new member joined).
    const frozen = await rows<{ value: number }>(
      sql`SELECT SUM((frozen_figures->>'members')::int) AS value FROM report_answers WHERE request_id = ${request.id}`,
    );
    expect(view.figures.find((figure) => figure.key === 'members')!.total).toBe(Number(frozen[0]!.value));
    expect(Number(frozen[0]!.value)).toBe(
      (await recountMembers(tree.A.path, '2026-03-31')) + (await recountMembers(tree.B.path, '2026-03-31')),
    );
    expect(view.figures.find((figure) => figure.key === 'study_rate')!.total).toBe(0);
    expect(view.manualItems.find((item) => item.key === 'good_examples')!.total).toBe(6);
    expect(view.recommendations.map((item) => `${item.unitName}: ${item.body}`)).toContain(
      'Đảng ủy xã Đông Hòa: Đề nghị tập huấn cho bí thư chi bộ',
    );
    expect(view.sections.find((section) => section.key === 'situation')!.entries).toHaveLength(2);
    expect((await communeA.get(`/api/report-requests/${request.id}/consolidation`)).statusCode).toBe(403);
  });

  it('exports the consolidated figures to Excel', async () => {
    const response = await provinceOfficer.get(`/api/report-requests/${request.id}/figures-export`);
    expect(response.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1));
    expect(values[0]![0]).toBe('Đơn vị');
    const total = values.find((row) => String(row[0]).startsWith('Tổng cộng'))!;
    const frozen = await rows<{ value: number }>(
      sql`SELECT SUM((frozen_figures->>'members')::int) AS value FROM report_answers WHERE request_id = ${request.id}`,
    );
    expect(total[1]).toBe(Number(frozen[0]!.value));
  });

  it('tracks every difficulty and recommendation: the addressed level answers, the raising unit reads the answer', async () => {
    const addressed = await provinceOfficer.get(`/api/report-recommendations?unitId=${tree.R.id}&direction=addressed`);
    expect(addressed.statusCode).toBe(200);
    const items = (
      addressed.json() as {
        items: Array<{ id: number; body: string; status: string; version: number; unit: { id: number }; dueOn: string | null }>;
      }
    ).items;
    const item = items.find((row) => row.body === 'Đề nghị cấp thêm tài liệu')!;
    expect(item).toMatchObject({ status: 'received', unit: { id: tree.A.id } });
    expect(item.dueOn).not.toBeNull();
    expect(
      (await communeA.send('PATCH', `/api/report-recommendations/${item.id}`, { status: 'answered', answer: 'x', version: item.version }))
        .statusCode,
    ).toBe(403);
    const noAnswer = await provinceOfficer.send('PATCH', `/api/report-recommendations/${item.id}`, {
      status: 'answered',
      answer: '',
      version: item.version,
    });
    expect(noAnswer.statusCode).toBe(400);
    const answered = await provinceOfficer.send('PATCH', `/api/report-recommendations/${item.id}`, {
      status: 'answered',
      answer: 'Ban Tuyên giáo sẽ gửi tài liệu trong tháng 4.',
      version: item.version,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const stored = await rows<{ status: string; answer: string }>(
      sql`SELECT status, answer FROM report_recommendations WHERE id = ${item.id}`,
    );
    expect(stored[0]).toEqual({ status: 'answered', answer: 'Ban Tuyên giáo sẽ gửi tài liệu trong tháng 4.' });
    const raised = (await communeA.get(`/api/report-recommendations?unitId=${tree.A.id}&direction=raised`)).json() as {
      items: Array<{ id: number; answer: string | null }>;
    };
    expect(raised.items.find((row) => row.id === item.id)!.answer).toBe('Ban Tuyên giáo sẽ gửi tài liệu trong tháng 4.');
    expect((await communeB.get(`/api/report-recommendations?unitId=${tree.A.id}&direction=raised`)).statusCode).toBe(403);
    // Overdue: an item past its due day and not yet answered.
    await ctx.db.execute(sql`UPDATE report_recommendations SET due_on = '2026-01-01' WHERE body = 'Thiếu tài liệu học tập chuyên đề'`);
    const overdue = (
      await provinceOfficer.get(`/api/report-recommendations?unitId=${tree.R.id}&direction=addressed&overdue=true`)
    ).json() as { items: Array<{ body: string; overdue: boolean }> };
    expect(overdue.items.map((row) => row.body)).toEqual(['Thiếu tài liệu học tập chuyên đề']);
    expect(overdue.items[0]!.overdue).toBe(true);
  });

  it('exports a report as a Party-format DOCX: header, fonts, sizes, margins, signature and the figures annex', async () => {
    const response = await provinceOfficer.get(`/api/report-answers/${answerA.id}/document`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of [
      'ĐẢNG BỘ TỈNH THỬ NGHIỆM',
      'ĐẢNG ỦY PHƯỜNG AN BÌNH',
      'Số 1-BC/ĐU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'BÁO CÁO',
      'Báo cáo quý I năm 2026',
      'I. TÌNH HÌNH CHUNG',
      'Đã học tập chuyên đề cho 6/6 người.',
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Nơi nhận:',
      '- Tỉnh ủy Thử nghiệm,',
      'PHỤ LỤC',
      'Số người đang sinh hoạt',
      'Có 1 đảng viên mới chuyển đến',
      'Đề nghị cấp thêm tài liệu',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Số:');
    expect(text).toMatch(/An Bình, ngày \d{2} tháng \d{2} năm \d{4}/);
    // "ĐẢNG CỘNG SẢN VIỆT NAM" is underlined; the place and date are in italics.
    expect(xml).toMatch(
      /<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:u w:val="single"\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t[^>]*>ĐẢNG CỘNG SẢN VIỆT NAM/,
    );
    expect(xml).toMatch(/<w:i\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t[^>]*>An Bình, ngày/);
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:sz w:val="28"\/>/);
    // A4 (210 × 297 mm) with margins 25/25/35/15 mm, in twips.
    expect(xml).toMatch(/<w:pgSz w:w="1190[56]" w:h="1683[78]"/);
    const margins = /<w:pgMar ([^>]+)\/>/.exec(xml)![1]!;
    expect(margins).toContain('w:top="1417"');
    expect(margins).toContain('w:bottom="1417"');
    expect(margins).toContain('w:left="1984"');
    expect(margins).toContain('w:right="850"');
    // The annex table: the member count frozen at the last submission (7) on the members row.
    const annex = text.slice(text.indexOf('PHỤ LỤC'));
    expect(annex).toMatch(/Số người đang sinh hoạtSố lượng7Có 1 đảng viên mới chuyển đến/);
    expect(annex).toMatch(/Số gương điển hình được biểu dươngSố lượng3/);
    // Each figure says where it comes from: computed (and how), or typed in by the unit (and by whom).
    expect(annex).toContain('Có 1 đảng viên mới chuyển đến — Hệ thống tính: Giá trị vào ngày cuối kỳ báo cáo.');
    expect(annex).toMatch(/Số gương điển hình được biểu dươngSố lượng3Đơn vị tự nhập \([^)]+\)\./);
    expect((await viewerR.get(`/api/report-answers/${answerA.id}/document`)).statusCode).toBe(403);
  });

  it('exports the consolidated report of the requesting level as a DOCX', async () => {
    const response = await provinceOfficer.get(`/api/report-requests/${request.id}/document`);
    expect(response.statusCode, response.body).toBe(200);
    const JSZip = (await import('jszip')).default;
    const text = (await (await JSZip.loadAsync(response.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('TỈNH ỦY THỬ NGHIỆM');
    expect(text).toContain('-BC/TU');
    expect(text).toContain('Đảng ủy xã Đông Hòa: Các chi bộ duy trì sinh hoạt đều đặn.');
    expect(text).toContain('Đề nghị tập huấn cho bí thư chi bộ (Đảng ủy xã Đông Hòa)');
    expect(text).toContain('2/2');
    expect(text).toContain('Cộng số liệu đã chốt của 2 báo cáo; mỗi báo cáo do hệ thống tính: Giá trị vào ngày cuối kỳ báo cáo.');
    expect(text).toContain('Cộng số do 2 đơn vị tự nhập.');
  });
});

describe('a unit that also receives reports from below', () => {
  it('sees the reports of its cells beside its own draft, with their items and numbers to pull in', async () => {
    const upper = await issue({ title: 'Báo cáo quý II năm 2026', periodFrom: '2026-04-01', periodTo: '2026-06-30' });
    const own = await communeA.send(
      'POST',
      '/api/report-requests',
      newRequest({ unitId: tree.A.id, title: 'Báo cáo quý II của các chi bộ', periodFrom: '2026-04-01', periodTo: '2026-06-30' }),
    );
    expect(own.statusCode, own.body).toBe(201);
    const cellAnswer = answerOf(own.json() as RequestView, tree.C1.id);
    const saved = (
      await secretaryC1.send(
        'PATCH',
        `/api/report-answers/${cellAnswer.id}`,
        draft(cellAnswer.version, { recommendations: [{ kind: 'recommendation', body: 'Đề nghị hỗ trợ tủ sách chi bộ' }] }),
      )
    ).json() as AnswerView;
    expect((await secretaryC1.send('POST', `/api/report-answers/${cellAnswer.id}/submit`, { version: saved.version })).statusCode).toBe(
      200,
    );
    const mine = (await communeA.get(`/api/report-answers/${answerOf(upper, tree.A.id).id}`)).json() as {
      lower: Array<{ unitName: string; manualValues: Record<string, string>; recommendations: Array<{ body: string }> }>;
    };
    expect(mine.lower).toEqual([
      expect.objectContaining({
        unitName: 'Chi bộ Khu phố 1',
        manualValues: { good_examples: '3' },
        recommendations: [{ kind: 'recommendation', body: 'Đề nghị hỗ trợ tủ sách chi bộ' }],
      }),
    ]);
    // The cell's item is addressed to the commune that asked, not to the province.
    const addressed = (await communeA.get(`/api/report-recommendations?unitId=${tree.A.id}&direction=addressed`)).json() as {
      items: Array<{ body: string; addressedTo: { id: number } }>;
    };
    expect(addressed.items.find((item) => item.body === 'Đề nghị hỗ trợ tủ sách chi bộ')!.addressedTo.id).toBe(tree.A.id);
  });
});

describe('attachments', () => {
  it('attaches an uploaded file to a draft, and shows it to the requesting level', async () => {
    const fresh = await issue({ title: 'Báo cáo có tệp đính kèm' });
    const answer = (await communeA.get(`/api/report-answers/${answerOf(fresh, tree.A.id).id}`)).json() as AnswerView;
    const upload = await communeA.upload(`/api/files?unitId=${tree.A.id}&purpose=report`, {
      fileName: 'phu-luc.pdf',
      content: tinyPdf(),
      contentType: 'application/pdf',
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const fileId = (upload.json() as { id: number }).id;
    const saved = await communeA.send('PATCH', `/api/report-answers/${answer.id}`, draft(answer.version, { fileIds: [fileId] }));
    expect(saved.statusCode, saved.body).toBe(200);
    const seen = (await provinceOfficer.get(`/api/report-answers/${answer.id}`)).json() as { files: Array<{ id: number; name: string }> };
    expect(seen.files.map((file) => file.name)).toEqual(['phu-luc.pdf']);
    expect((await provinceOfficer.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await communeB.get(`/api/files/${fileId}`)).statusCode).toBe(403);
    const owner = await rows<{ owner_type: string; owner_id: number }>(
      sql`SELECT owner_type, owner_id FROM stored_files WHERE id = ${fileId}`,
    );
    expect(owner[0]).toMatchObject({ owner_type: 'report' });
  });
});

describe('templates', () => {
  it('saves a request content and offers it to the level and the levels below', async () => {
    const saved = await provinceOfficer.send('POST', '/api/report-templates', {
      unitId: tree.R.id,
      name: 'Mẫu báo cáo quý',
      kind: 'quarterly',
      content: newRequest().content,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const listed = (await communeA.get(`/api/report-templates?unitId=${tree.A.id}`)).json() as Array<{ name: string; canDelete: boolean }>;
    expect(listed).toEqual([expect.objectContaining({ name: 'Mẫu báo cáo quý', canDelete: false })]);
    expect((await communeA.send('DELETE', `/api/report-templates/${(saved.json() as { id: number }).id}`)).statusCode).toBe(403);
    expect((await provinceOfficer.send('DELETE', `/api/report-templates/${(saved.json() as { id: number }).id}`)).statusCode).toBe(204);
    expect(await scalar(sql`SELECT count(*) AS value FROM report_templates`)).toBe(0);
  });
});

describe('live reporting figures', () => {
  it('count a fourth-quarter briefing due in January, issued and answered late, in its own year', async () => {
    const programme = async (year: number) =>
      (await provinceOfficer.get(`/api/programme-figures?unitId=${tree.R.id}&year=${year}`)).json<{
        figures: { reportsExpected: number; reportsSubmitted: number };
      }>().figures;
    const before2025 = await programme(2025);
    const before2026 = await programme(2026);
    const q4 = await issue({ title: 'Báo cáo quý IV năm 2025', periodFrom: '2025-10-01', periodTo: '2025-12-31', deadline: '2026-01-10' });
    const answer = answerOf(q4, tree.A.id);
    const saved = await communeA.send('PATCH', `/api/report-answers/${answer.id}`, draft(answer.version));
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await communeA.send('POST', `/api/report-answers/${answer.id}/submit`, {
      version: (saved.json() as { version: number }).version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const after2025 = await programme(2025);
    const after2026 = await programme(2026);
    expect(after2025.reportsExpected).toBe(before2025.reportsExpected + q4.answers.length);
    expect(after2025.reportsSubmitted).toBe(before2025.reportsSubmitted + 1);
    expect(after2026).toEqual(before2026);
  });

  it('equal a recount of the answers on every unit, after issuing, submissions and moved deadlines', async () => {
    const { readFigures } = await import('../src/server/platform/figures');
    const { REPORT_METRICS } = await import('../src/server/modules/figures/report-metrics');
    const periodEnds = await rows<{ period_to: string }>(sql`SELECT DISTINCT period_to::text AS period_to FROM report_requests ORDER BY 1`);
    const years = [...new Set(periodEnds.map((row) => Number(row.period_to.slice(0, 4))))];
    expect(years.length).toBeGreaterThan(0);
    const days = [...new Set(periodEnds.flatMap((row) => [row.period_to, `${row.period_to.slice(0, 4)}-12-31`]))];
    let submittedSomewhere = 0;
    for (const unit of Object.values(tree)) {
      for (const day of days) {
        const year = Number(day.slice(0, 4));
        const metrics = [REPORT_METRICS.expected(year), REPORT_METRICS.submitted(year), REPORT_METRICS.onTime(year)];
        const values = (await readFigures(ctx.db, [unit.id], metrics, day)).get(unit.id) ?? {};
        const [recount] = await rows<{ expected: number; submitted: number; on_time: number }>(sql`
          SELECT count(*) AS expected, count(*) FILTER (WHERE a.first_submitted_on IS NOT NULL) AS submitted,
                 count(*) FILTER (WHERE a.on_time) AS on_time
          FROM report_answers a JOIN report_requests r ON r.id = a.request_id JOIN units u ON u.id = a.unit_id
          WHERE u.path <@ ${unit.path}::ltree AND r.period_to <= ${day}::date AND extract(year FROM r.period_to) = ${year}`);
        const counted = { expected: values[metrics[0]!] ?? 0, submitted: values[metrics[1]!] ?? 0, onTime: values[metrics[2]!] ?? 0 };
        expect(counted, `${unit.code} ${day}`).toEqual({
          expected: Number(recount!.expected),
          submitted: Number(recount!.submitted),
          onTime: Number(recount!.on_time),
        });
        submittedSomewhere += counted.submitted;
      }
    }
    expect(submittedSomewhere).toBeGreaterThan(0);
  });

  it('a database whose report figures were dated by deadline is re-dated once, to the report periods', async () => {
    const { runDataRepairs } = await import('../src/server/db/data-repairs');
    const { redateRequestFigures } = await import('../src/server/modules/reports/index');
    const counters = () =>
      rows<{ unit_id: number; metric: string; day: string; value: number }>(sql`
      SELECT unit_id, metric, day::text AS day, SUM(delta) AS value FROM figure_counters WHERE metric LIKE 'reports.%'
      GROUP BY unit_id, metric, day HAVING SUM(delta) <> 0 ORDER BY 1, 2, 3`);
    const dated = await counters();
    const requests = await rows<{ id: number; deadline: string; period_to: string }>(sql`
      SELECT id, deadline::text AS deadline, period_to::text AS period_to FROM report_requests WHERE deadline <> period_to ORDER BY id`);
    expect(requests.length).toBeGreaterThan(0);
    // As an earlier version wrote them: on the deadline.
    await ctx.db.transaction(async (tx) => {
      for (const request of requests) await redateRequestFigures(tx, Number(request.id), request.period_to, request.deadline);
    });
    expect(await counters()).not.toEqual(dated);
    await ctx.db.execute(sql`DELETE FROM data_repairs WHERE name = 'report-figures-by-period'`);
    await runDataRepairs(ctx.db);
    expect(await counters()).toEqual(dated);
    await runDataRepairs(ctx.db);
    expect(await counters()).toEqual(dated);
  });

  it('shows the reporting and on-time rates on the programme dashboard', async () => {
    const year = Number(
      (await rows<{ period_to: string }>(sql`SELECT min(period_to)::text AS period_to FROM report_requests`))[0]!.period_to.slice(0, 4),
    );
    const response = await provinceOfficer.get(`/api/programme-figures?unitId=${tree.R.id}&year=${year}`);
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      figures: { reportsExpected: number; reportsSubmitted: number; reportingRate: number | null; onTimeRate: number | null };
      definitions: Record<string, string>;
    }>();
    expect(body.figures.reportsExpected).toBeGreaterThan(0);
    expect(body.figures.reportingRate).toBeCloseTo(body.figures.reportsSubmitted / body.figures.reportsExpected);
    expect(body.figures.reportingRate!).toBeLessThanOrEqual(1);
    expect(body.definitions.onTimeRate).toContain('đúng hạn');
  });
});
