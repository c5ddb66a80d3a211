import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { addPerson, addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, type Session } from './helpers/session';
import { insertRegistration } from './helpers/registration-rows';
import { sendFeedback } from './helpers/public-form';
import { readFigures } from '../src/server/platform/figures';
import { todayIso } from '../src/server/platform/dates';
import { REGISTRATION_METRICS } from '../src/server/modules/figures/index';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let officerA: Session;
let officerB: Session;
let committeeC1: Session;
let supervisorA: Session;
let memberA: Session;
const ids: Record<string, number> = {};

/** Every private field a public page or a supervisor must never see. */
const PRIVATE = [
  '0905123456',
  '1980-05-01',
  '01/05/1980',
  '93100001',
  '079080001234',
  'bi.mat@example.vn',
  'Số 7 ngõ Bí Mật',
  'nể nang, ngại va chạm',
  '0988 777 666',
  'Phạm Người Gửi',
];

async function statusOf(id: number) {
  const rows = await ctx.db.execute<{ status: string; version: number; published_at: string | null }>(
    sql`SELECT status, version, published_at FROM registrations WHERE id = ${id}`,
  );
  return rows.rows[0]!;
}

async function recountPublished(unitId: number) {
  const rows = await ctx.db.execute<{ value: number }>(sql`
    SELECT count(*) AS value FROM registrations r JOIN units u ON u.id = r.unit_id, units root
    WHERE root.id = ${unitId} AND u.path <@ root.path AND r.kind = 'individual' AND r.year = 2026
      AND r.status IN ('published', 'in_progress', 'self_assessed', 'reviewed', 'closed')`);
  return Number(rows.rows[0]!.value);
}

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }]);
  await addUser(ctx.db, 'canbo.b', [{ unitId: tree.B.id, role: 'officer' }]);
  await addUser(ctx.db, 'bithu.c1', [{ unitId: tree.C1.id, role: 'committee' }]);
  await addUser(ctx.db, 'mttq.a', [{ unitId: tree.A.id, role: 'supervisor' }]);
  await addUser(ctx.db, 'dangvien.a', [{ unitId: tree.A.id, role: 'member' }]);
  officerA = await openSession(ctx.app, 'canbo.a');
  officerB = await openSession(ctx.app, 'canbo.b');
  committeeC1 = await openSession(ctx.app, 'bithu.c1');
  supervisorA = await openSession(ctx.app, 'mttq.a');
  memberA = await openSession(ctx.app, 'dangvien.a');

  const secretary = await addPerson(ctx.db, tree.C1.path, {
    fullName: 'Võ Văn Bí Thư',
    unitId: tree.C1.id,
    cardNumber: '93100001',
    idNumber: '079080001234',
    position: 'secretary',
    isHead: true,
  });
  await ctx.db.execute(sql`UPDATE persons SET email = 'bi.mat@example.vn', address = 'Số 7 ngõ Bí Mật' WHERE id = ${secretary.id}`);
  const an = await addPerson(ctx.db, tree.C1.path, { fullName: 'Nguyễn Văn An', unitId: tree.C1.id, cardNumber: '93100002' });
  const binh = await addPerson(ctx.db, tree.C1.path, { fullName: 'Đặng Thị Bình', unitId: tree.C1.id, cardNumber: '93100003' });
  const draft = await addPerson(ctx.db, tree.C1.path, { fullName: 'Hoàng Văn Nháp', unitId: tree.C1.id, cardNumber: '93100004' });
  ids.secretary = (await insertRegistration(ctx.db, { unit: tree.C1, personId: secretary.id, status: 'approved', isLeader: true })).id;
  ids.an = (await insertRegistration(ctx.db, { unit: tree.C1, personId: an.id, status: 'approved' })).id;
  ids.binh = (
    await insertRegistration(ctx.db, {
      unit: tree.C1,
      personId: binh.id,
      status: 'approved',
      actions: [
        {
          area: 'style',
          content: 'Đi cơ sở lắng nghe ý kiến nhân dân mỗi tháng',
          measurableResult: '12 buổi tiếp xúc',
          deadline: '2026-12-15',
        },
        { area: 'thought', content: 'Đọc và làm theo chuyên đề năm', measurableResult: '' },
      ],
    })
  ).id;
  ids.collective = (await insertRegistration(ctx.db, { unit: tree.C1, personId: null, status: 'approved' })).id;
  ids.draft = (await insertRegistration(ctx.db, { unit: tree.C1, personId: draft.id, status: 'draft' })).id;
  const phuLoc = await addPerson(ctx.db, tree.C3.path, { fullName: 'Trương Văn Phú Lộc', unitId: tree.C3.id, cardNumber: '93100005' });
  ids.c3 = (await insertRegistration(ctx.db, { unit: tree.C3, personId: phuLoc.id, status: 'published' })).id;
});
afterAll(() => ctx.close());

describe('publication of approved registrations', () => {
  it('lists what is approved and what is public for the unit', async () => {
    const response = await committeeC1.get(`/api/publication/units/${tree.C1.id}?year=2026`);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Array<{ id: number; name: string; status: string }>;
    // The collective first, then the leader, then members by given name (An before Bình).
    expect(items.map((item) => item.name)).toEqual(['Chi bộ Khu phố 1', 'Võ Văn Bí Thư', 'Nguyễn Văn An', 'Đặng Thị Bình']);
    expect(items.every((item) => item.status === 'approved')).toBe(true);
    expect(response.body).not.toContain('nể nang');
    expect((await officerB.get(`/api/publication/units/${tree.C1.id}?year=2026`)).statusCode).toBe(403);
    expect((await committeeC1.get(`/api/publication/units/${tree.C1.id}?year=abc`)).statusCode).toBe(400);
  });

  it('refuses publishing outside the subtree or without the role, changing nothing', async () => {
    expect((await officerB.send('POST', `/api/publication/units/${tree.C1.id}/publish-all`, { year: 2026 })).statusCode).toBe(403);
    expect((await supervisorA.send('POST', `/api/publication/units/${tree.C1.id}/publish-all`, { year: 2026 })).statusCode).toBe(403);
    expect((await memberA.send('POST', `/api/publication/units/${tree.C1.id}/publish-all`, { year: 2026 })).statusCode).toBe(403);
    const bad = await officerA.send('POST', `/api/publication/units/${tree.C1.id}/publish-all`, { year: 'năm nay' });
    expect(bad.statusCode).toBe(400);
    expect((await statusOf(ids.an!)).status).toBe('approved');
  });

  it('publishes the whole approved set at once, each through the status machine', async () => {
    const before = await recountPublished(tree.A.id);
    const response = await officerA.send('POST', `/api/publication/units/${tree.C1.id}/publish-all`, { year: 2026 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ published: 4 });
    for (const key of ['secretary', 'an', 'binh', 'collective']) {
      const row = await statusOf(ids[key]!);
      expect(row.status).toBe('published');
      expect(row.published_at).not.toBeNull();
    }
    expect((await statusOf(ids.draft!)).status).toBe('draft');
    const events = await ctx.db.execute<{ to_status: string }>(
      sql`SELECT to_status FROM registration_events WHERE registration_id = ${ids.an} ORDER BY id`,
    );
    expect(events.rows.map((row) => row.to_status)).toEqual(['published']);
    const audit = await ctx.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE action LIKE 'registration.publish%' ORDER BY id`,
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'registration.publish',
      'registration.publish',
      'registration.publish',
      'registration.publish',
      'registration.publish_all',
    ]);
    // The published figure moves with the rows: it equals a recount, on the unit and above.
    const figures = await readFigures(
      ctx.db,
      [tree.C1.id, tree.A.id, tree.R.id],
      [REGISTRATION_METRICS.bucket('individual', 'published', 2026)],
      todayIso(),
    );
    expect(await recountPublished(tree.A.id)).toBe(before + 3);
    for (const unit of [tree.C1, tree.A, tree.R]) {
      expect(figures.get(unit.id)![REGISTRATION_METRICS.bucket('individual', 'published', 2026)] ?? 0).toBe(
        await recountPublished(unit.id),
      );
    }
    const again = await officerA.send('POST', `/api/publication/units/${tree.C1.id}/publish-all`, { year: 2026 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_STATE');
  });

  it('unpublishes one registration with a reason kept in its history', async () => {
    const current = await statusOf(ids.an!);
    const noReason = await committeeC1.send('POST', `/api/publication/registrations/${ids.an}/unpublish`, {
      version: current.version,
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(400);
    const stale = await committeeC1.send('POST', `/api/publication/registrations/${ids.an}/unpublish`, {
      version: current.version - 1,
      reason: 'Sai chức vụ',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(
      (await officerB.send('POST', `/api/publication/registrations/${ids.an}/unpublish`, { version: current.version, reason: 'Sai' }))
        .statusCode,
    ).toBe(403);
    expect((await statusOf(ids.an!)).status).toBe('published');
    const done = await committeeC1.send('POST', `/api/publication/registrations/${ids.an}/unpublish`, {
      version: current.version,
      reason: 'Ghi sai kết quả cần đạt, chỉnh lại rồi công khai lại',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'approved', version: current.version + 1 });
    const event = await ctx.db.execute<{ to_status: string; reason: string }>(
      sql`SELECT to_status, reason FROM registration_events WHERE registration_id = ${ids.an} ORDER BY id DESC LIMIT 1`,
    );
    expect(event.rows[0]).toEqual({ to_status: 'approved', reason: 'Ghi sai kết quả cần đạt, chỉnh lại rồi công khai lại' });
    expect((await statusOf(ids.an!)).published_at).toBeNull();
  });
});

describe('the public page shows published registrations only, with public fields only', () => {
  it('shows name, position, unit and actions, leaders first', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/cong-khai/C1' });
    expect(response.statusCode).toBe(200);
    const page = response.body;
    expect(page).toContain('Đăng ký làm theo đã công khai');
    expect(page).toContain('Võ Văn Bí Thư');
    expect(page).toContain('Bí thư · Chi bộ Khu phố 1 · Năm 2026');
    expect(page).toContain('Đi cơ sở lắng nghe ý kiến nhân dân mỗi tháng');
    expect(page).toContain('Kết quả cần đạt: 12 buổi tiếp xúc');
    expect(page).toContain('Thời hạn: 15/12/2026');
    expect(page).toContain('Đăng ký của tập thể');
    expect(page.indexOf('Võ Văn Bí Thư')).toBeLessThan(page.indexOf('Đặng Thị Bình'));
    // Unpublished and draft ones are not there.
    expect(page).not.toContain('Nguyễn Văn An');
    expect(page).not.toContain('Hoàng Văn Nháp');
    for (const value of PRIVATE) expect(page, value).not.toContain(value);
  });

  it('pages a big unit (?trang=2), and an odd page number falls back', async () => {
    for (let index = 0; index < 22; index += 1) {
      const person = await addPerson(ctx.db, tree.C2.path, {
        fullName: `Phan Văn Số ${String(index).padStart(2, '0')}`,
        unitId: tree.C2.id,
        cardNumber: String(93200000 + index),
      });
      await insertRegistration(ctx.db, { unit: tree.C2, personId: person.id, status: 'published' });
    }
    const first = (await ctx.app.inject({ method: 'GET', url: '/cong-khai/C2' })).body;
    expect(first).toContain('22 bản đăng ký đã công khai');
    expect(first).toContain('Trang 1/2');
    expect(first).toContain('href="/cong-khai/C2?trang=2#dang-ky-lam-theo"');
    expect((first.match(/class="reg"/g) ?? []).length).toBe(20);
    const second = (await ctx.app.inject({ method: 'GET', url: '/cong-khai/C2?trang=2' })).body;
    expect((second.match(/class="reg"/g) ?? []).length).toBe(2);
    expect(second).toContain('Trang 2/2');
    const odd = await ctx.app.inject({ method: 'GET', url: '/cong-khai/C2?trang=abc' });
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain('Trang 1/2');
  });
});

describe('feedback moderation in the admin app', () => {
  let feedbackId: number;

  beforeAll(async () => {
    expect(
      (
        await sendFeedback(ctx.app, 'C1', {
          ten: 'Phạm Người Gửi',
          lien_he: '0988 777 666',
          noi_dung: 'Cán bộ tiếp dân của chi bộ có thái độ chưa niềm nở với người dân.',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (await sendFeedback(ctx.app, 'C3', { noi_dung: 'Thôn Phú Lộc cần thêm đèn chiếu sáng đường liên thôn.' }, '203.0.113.99')).statusCode,
    ).toBe(303);
    const rows = await ctx.db.execute<{ id: number }>(sql`SELECT id FROM feedback WHERE unit_id = ${tree.C1.id}`);
    feedbackId = Number(rows.rows[0]!.id);
  });

  it('lists the inbox of the subtree with the sender, searchable without diacritics', async () => {
    const response = await officerA.get('/api/feedback?q=thai do chua niem no');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      id: feedbackId,
      unitName: 'Chi bộ Khu phố 1',
      senderName: 'Phạm Người Gửi',
      senderContact: '0988 777 666',
      status: 'new',
      overdue: false,
    });
    // B's feedback is outside A's subtree.
    expect((await officerA.get('/api/feedback')).json().items.map((item: { unitName: string }) => item.unitName)).not.toContain(
      'Chi bộ thôn Phú Lộc',
    );
    expect((await officerB.get(`/api/feedback?unitId=${tree.C1.id}`)).statusCode).toBe(403);
    expect((await officerB.get(`/api/feedback/${feedbackId}`)).statusCode).toBe(403);
    expect((await supervisorA.get('/api/feedback')).statusCode).toBe(403);
    expect((await memberA.get('/api/feedback')).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/feedback' })).statusCode).toBe(401);
  });

  it('answers, edits the answer, refuses stale versions and bad input, and audits each write', async () => {
    const empty = await committeeC1.send('POST', `/api/feedback/${feedbackId}/answer`, { version: 1, answer: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('VALIDATION_FAILED');
    expect((await officerB.send('POST', `/api/feedback/${feedbackId}/answer`, { version: 1, answer: 'Không được' })).statusCode).toBe(403);
    const answered = await committeeC1.send('POST', `/api/feedback/${feedbackId}/answer`, {
      version: 1,
      answer: 'Chi bộ đã góp ý với đồng chí cán bộ tiếp dân.',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', version: 2, answeredByName: 'bithu.c1' });
    const stale = await committeeC1.send('POST', `/api/feedback/${feedbackId}/answer`, { version: 1, answer: 'Ghi đè' });
    expect(stale.statusCode).toBe(409);
    const edited = await officerA.send('POST', `/api/feedback/${feedbackId}/answer`, {
      version: 2,
      answer: 'Chi bộ đã kiểm điểm đồng chí cán bộ tiếp dân.',
    });
    expect(edited.statusCode).toBe(200);
    const row = await ctx.db.execute<{ status: string; answer: string; version: number }>(
      sql`SELECT status, answer, version FROM feedback WHERE id = ${feedbackId}`,
    );
    expect(row.rows[0]).toEqual({ status: 'answered', answer: 'Chi bộ đã kiểm điểm đồng chí cán bộ tiếp dân.', version: 3 });
    const audit = await ctx.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_type = 'feedback' AND entity_id = ${String(feedbackId)} ORDER BY id`,
    );
    expect(audit.rows.map((entry) => entry.action)).toEqual(['feedback.create', 'feedback.answer', 'feedback.answer.edit']);
    const page = (await ctx.app.inject({ method: 'GET', url: '/cong-khai/C1' })).body;
    expect(page).toContain('Chi bộ đã kiểm điểm đồng chí cán bộ tiếp dân.');
    for (const value of PRIVATE) expect(page, value).not.toContain(value);
  });

  it('hides abuse with a reason, after which it cannot be answered', async () => {
    const noReason = await officerA.send('POST', `/api/feedback/${feedbackId}/hide`, { version: 3, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const hidden = await officerA.send('POST', `/api/feedback/${feedbackId}/hide`, { version: 3, reason: 'Nội dung xúc phạm cá nhân' });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json()).toMatchObject({ status: 'hidden', hiddenReason: 'Nội dung xúc phạm cá nhân', version: 4 });
    const answer = await officerA.send('POST', `/api/feedback/${feedbackId}/answer`, { version: 4, answer: 'Trả lời' });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().error.code).toBe('INVALID_STATE');
    expect((await officerA.send('POST', `/api/feedback/${feedbackId}/hide`, { version: 4, reason: 'Lại' })).statusCode).toBe(409);
    expect((await ctx.app.inject({ method: 'GET', url: '/cong-khai/C1' })).body).not.toContain('kiểm điểm đồng chí');
    expect((await officerA.get('/api/feedback?status=hidden')).json().total).toBe(1);
  });

  it('flags overdue items to the level above, first in the list', async () => {
    await ctx.db.execute(sql`UPDATE feedback SET due_on = CURRENT_DATE - 3 WHERE unit_id = ${tree.C3.id}`);
    const overdue = await officerB.get('/api/feedback?overdue=true');
    expect(overdue.statusCode).toBe(200);
    expect(overdue.json().total).toBe(1);
    expect(overdue.json().items[0]).toMatchObject({ unitName: 'Chi bộ thôn Phú Lộc', overdue: true, status: 'new' });
    expect((await officerA.get('/api/feedback?overdue=true')).json().total).toBe(0);
    const summary = await officerB.get('/api/supervision/feedback-summary');
    expect(summary.json()).toMatchObject({ total: 1, new: 1, overdue: 1 });
    // The province sees which commune lets feedback go unanswered.
    await addUser(ctx.db, 'canbo.r', [{ unitId: tree.R.id, role: 'officer' }]);
    const province = await openSession(ctx.app, 'canbo.r');
    const byUnit = await province.get(`/api/supervision/feedback-by-unit?unitId=${tree.R.id}`);
    expect(byUnit.statusCode).toBe(200);
    expect(byUnit.json().items[0]).toMatchObject({ unitName: 'Đảng ủy xã Đông Hòa', own: false, total: 1, overdue: 1 });
    expect(byUnit.json().items.find((item: { unitName: string }) => item.unitName === 'Đảng ủy phường An Bình')).toMatchObject({
      overdue: 0,
    });
    expect((await officerA.get(`/api/supervision/feedback-by-unit?unitId=${tree.B.id}`)).statusCode).toBe(403);
  });

  it('exports the inbox as filtered to Excel, without the sender', async () => {
    const response = await officerA.get(`/api/exports/feedback?unitId=${tree.A.id}&status=hidden`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const values = JSON.stringify(sheet.getRow(2).values);
    expect(values).toContain('Nội dung xúc phạm cá nhân');
    expect(values).toContain('Đã ẩn');
    for (const value of PRIVATE) expect(values, value).not.toContain(value);
    expect((await officerB.get(`/api/exports/feedback?unitId=${tree.A.id}`)).statusCode).toBe(403);
  });
});

describe('what a supervisor (MTTQ) sees', () => {
  it('sees the published registrations of the subtree, read-only, without private fields', async () => {
    const response = await supervisorA.get('/api/supervision/registrations');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const names = body.items.map((item: { name: string }) => item.name);
    expect(names).toContain('Võ Văn Bí Thư');
    expect(names).not.toContain('Nguyễn Văn An');
    expect(names).not.toContain('Trương Văn Phú Lộc');
    for (const value of PRIVATE) expect(response.body, value).not.toContain(value);
    expect(response.body).not.toMatch(/shortcomings|phone|email|birthDate|cardNumber|idNumber|address|senderContact|senderName/);
    const search = await supervisorA.get('/api/supervision/registrations?q=vo van bi thu');
    expect(search.json().total).toBe(1);
    expect((await supervisorA.get(`/api/supervision/registrations?unitId=${tree.C3.id}`)).statusCode).toBe(403);
    expect(
      (await supervisorA.send('POST', `/api/publication/registrations/${ids.secretary}/unpublish`, { version: 2, reason: 'Không' }))
        .statusCode,
    ).toBe(403);
  });

  it('sees the state of feedback, never the sender', async () => {
    const list = await supervisorA.get('/api/supervision/feedback');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect(list.json().items[0]).toMatchObject({ status: 'hidden', body: null, hiddenReason: 'Nội dung xúc phạm cá nhân' });
    for (const value of PRIVATE) expect(list.body, value).not.toContain(value);
    expect(list.body).not.toMatch(/senderContact|senderName|senderHash|sender_hash/);
    const summary = await supervisorA.get('/api/supervision/feedback-summary');
    expect(summary.json()).toEqual({ total: 1, new: 0, answered: 0, hidden: 1, overdue: 0 });
    expect((await memberA.get('/api/supervision/feedback')).statusCode).toBe(403);
    expect((await supervisorA.get(`/api/supervision/feedback-summary?unitId=${tree.B.id}`)).statusCode).toBe(403);
  });
});
