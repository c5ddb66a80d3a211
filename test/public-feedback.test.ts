import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, addUser, rootActor, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { transitionRegistration } from '../src/server/modules/registrations/index';
import { openSession, type Session } from './helpers/session';
import { insertRegistration } from './helpers/registration-rows';
import { postForm, sendFeedback, solveChallenge } from './helpers/public-form';
import { todayIso } from '../src/server/platform/dates';
import { createFeedbackGuard, loadFeedbackSecret } from '../src/server/modules/supervision/index';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let officer: Session;
let publishedId: number;
let approvedId: number;

const open = (url: string) => ctx.app.inject({ method: 'GET', url });
const BODY = 'Đề nghị chi bộ nhắc nhở việc giữ vệ sinh khu phố sau mỗi buổi sinh hoạt.';

/** Moves the published registration through the status machine, as its appraiser would. */
async function move(transition: 'publish' | 'unpublish', reason?: string) {
  const version = Number(
    (await ctx.db.execute<{ version: number }>(sql`SELECT version FROM registrations WHERE id = ${publishedId}`)).rows[0]!.version,
  );
  await ctx.db.transaction((tx) =>
    transitionRegistration(tx, rootActor(tree.R.path), { registrationId: publishedId, transition, expectedVersion: version, reason }),
  );
}

async function feedbackRows() {
  const rows = await ctx.db.execute<{
    id: number;
    unit_id: number;
    registration_id: number | null;
    sender_name: string | null;
    sender_contact: string | null;
    body: string;
    status: string;
    due_on: string;
    sender_hash: string;
  }>(
    sql`SELECT id, unit_id, registration_id, sender_name, sender_contact, body, status, due_on::text AS due_on, sender_hash FROM feedback ORDER BY id`,
  );
  return rows.rows;
}

function addDays(day: string, days: number) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }]);
  officer = await openSession(ctx.app, 'canbo.a');
  const person = await addPerson(ctx.db, tree.C1.path, { fullName: 'Trần Thị Công Khai', unitId: tree.C1.id, cardNumber: '93000001' });
  publishedId = (await insertRegistration(ctx.db, { unit: tree.C1, personId: person.id, status: 'published' })).id;
  const other = await addPerson(ctx.db, tree.C1.path, { fullName: 'Lê Văn Chưa Công Khai', unitId: tree.C1.id, cardNumber: '93000002' });
  approvedId = (await insertRegistration(ctx.db, { unit: tree.C1, personId: other.id, status: 'approved' })).id;
});
afterAll(() => ctx.close());

describe('the public feedback form', () => {
  it('is on every open unit page, works without script, with a honeypot and an arithmetic question', async () => {
    const page = (await open('/cong-khai/C1')).body;
    expect(page).toContain('<form method="post" action="/cong-khai/C1/phan-anh"');
    expect(page).toContain('name="website"');
    expect(page).toMatch(/data-challenge>\d+ \+ \d+</);
    expect(page).not.toMatch(/<script/i);
    // Only published registrations can be chosen.
    expect(page).toContain(`<option value="${publishedId}">Trần Thị Công Khai (năm 2026)</option>`);
    expect(page).not.toContain('Lê Văn Chưa Công Khai');
  });

  it('stores feedback, then redirects to the page with a thank-you notice', async () => {
    const response = await sendFeedback(ctx.app, 'C1', { ten: 'Nguyễn Văn Dân', lien_he: '0912 345 678', noi_dung: BODY });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/cong-khai/C1?da_gui=1#phan-anh');
    const rows = await feedbackRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      unit_id: tree.C1.id,
      registration_id: null,
      sender_name: 'Nguyễn Văn Dân',
      sender_contact: '0912 345 678',
      body: BODY,
      status: 'new',
    });
    expect(rows[0]!.due_on).toBe(addDays(todayIso(), 15));
    // The address is never kept: only its salted hash.
    expect(rows[0]!.sender_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.sender_hash).not.toContain('203.0.113.7');
    const audit = await ctx.db.execute<{ action: string; after: unknown }>(
      sql`SELECT action, after FROM audit_log WHERE entity_type = 'feedback'`,
    );
    expect(audit.rows.map((row) => row.action)).toEqual(['feedback.create']);
    expect(JSON.stringify(audit.rows[0]!.after)).not.toContain('0912');
    const thanks = await open('/cong-khai/C1?da_gui=1');
    expect(thanks.body).toContain('Cảm ơn bạn đã gửi phản ánh, góp ý');
    expect(thanks.headers['cache-control']).toBe('no-store');
    // Not public until answered.
    expect(thanks.body).not.toContain('giữ vệ sinh khu phố');
  });

  it('links feedback to a published registration, and refuses one that is not public', async () => {
    const ok = await sendFeedback(
      ctx.app,
      'C1',
      { noi_dung: 'Đồng chí thực hiện rất tốt việc tiết kiệm, xin ghi nhận.', ban_dang_ky: String(publishedId) },
      '203.0.113.8',
    );
    expect(ok.statusCode).toBe(303);
    expect((await feedbackRows()).at(-1)).toMatchObject({ registration_id: publishedId, sender_name: null, sender_contact: null });
    const before = (await feedbackRows()).length;
    const refused = await sendFeedback(
      ctx.app,
      'C1',
      { noi_dung: 'Góp ý về một bản đăng ký chưa được công khai.', ban_dang_ky: String(approvedId) },
      '203.0.113.8',
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('không còn công khai');
    expect((await feedbackRows()).length).toBe(before);
  });

  it('refuses a wrong answer, an expired or forged token, and a too short text, keeping what was typed', async () => {
    const before = (await feedbackRows()).length;
    const page = (await open('/cong-khai/C1')).body;
    const { dap_an, ma_kiem_tra } = solveChallenge(page);
    const wrong = await postForm(ctx.app, 'C1', {
      ma_kiem_tra,
      dap_an: String(Number(dap_an) + 1),
      noi_dung: 'Nội dung <b>đậm</b> có đủ hai mươi ký tự.',
      ten: 'Bà Tư',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Kết quả phép tính chưa đúng');
    expect(wrong.body).toContain('Nội dung &lt;b&gt;đậm&lt;/b&gt; có đủ hai mươi ký tự.</textarea>');
    expect(wrong.body).toContain('value="Bà Tư"');
    const forged = await postForm(ctx.app, 'C1', { ma_kiem_tra: `${Date.now() + 100000}.abc.def`, dap_an, noi_dung: BODY });
    expect(forged.statusCode).toBe(400);
    const guard = createFeedbackGuard(loadFeedbackSecret('.tmp/test-data'));
    const old = guard.newChallenge(new Date(Date.now() - 3 * 3600_000));
    const answer = old.question
      .split(' + ')
      .map(Number)
      .reduce((a, b) => a + b, 0);
    expect(guard.verifyChallenge(old.token, String(answer), new Date(Date.now() - 3 * 3600_000))).toBe(true);
    const expired = await postForm(ctx.app, 'C1', { ma_kiem_tra: old.token, dap_an: String(answer), noi_dung: BODY });
    expect(expired.statusCode).toBe(400);
    expect(expired.body).toContain('trang đã mở quá lâu');
    const short = await sendFeedback(ctx.app, 'C1', { noi_dung: 'Quá ngắn' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('ít nhất 20 ký tự');
    expect((await feedbackRows()).length).toBe(before);
  });

  it('pretends to accept a filled honeypot but stores nothing', async () => {
    const before = (await feedbackRows()).length;
    const response = await sendFeedback(ctx.app, 'C1', {
      noi_dung: 'Mua hàng giá rẻ tại trang web của chúng tôi ngay hôm nay!',
      website: 'http://spam.example',
    });
    expect(response.statusCode).toBe(303);
    expect((await feedbackRows()).length).toBe(before);
  });

  it('limits each sender to 5 an hour and 20 a day, with a clear message', async () => {
    const ip = '198.51.100.1';
    for (let index = 0; index < 5; index += 1) {
      expect(
        (await sendFeedback(ctx.app, 'C2', { noi_dung: `Góp ý số ${index + 1} về việc tổ chức sinh hoạt chi bộ.` }, ip)).statusCode,
      ).toBe(303);
    }
    const before = (await feedbackRows()).length;
    const sixth = await sendFeedback(ctx.app, 'C2', { noi_dung: 'Góp ý thứ sáu trong cùng một giờ, phải bị từ chối.' }, ip);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.body).toContain('Bạn đã gửi 5 phản ánh trong một giờ qua');
    expect((await feedbackRows()).length).toBe(before);
    // Another address is not affected.
    expect(
      (await sendFeedback(ctx.app, 'C2', { noi_dung: 'Người khác gửi góp ý thì vẫn được nhận bình thường.' }, '198.51.100.2')).statusCode,
    ).toBe(303);

    // Twenty earlier today (more than an hour ago) reach the daily limit.
    const dailyIp = '198.51.100.3';
    const hash = createFeedbackGuard(loadFeedbackSecret('.tmp/test-data')).senderHash(dailyIp);
    await ctx.db.execute(sql`
      INSERT INTO feedback (unit_id, body, due_on, sender_hash, created_at)
      SELECT ${tree.C2.id}, 'Góp ý cũ trong ngày', CURRENT_DATE + 15, ${hash}, now() - interval '2 hours' FROM generate_series(1, 20)`);
    const daily = await sendFeedback(ctx.app, 'C2', { noi_dung: 'Góp ý thứ hai mươi mốt trong một ngày.' }, dailyIp);
    expect(daily.statusCode).toBe(429);
    expect(daily.body).toContain('Bạn đã gửi 20 phản ánh trong ngày hôm nay');
  });

  it('answers 404 for an unknown or closed unit', async () => {
    const response = await postForm(ctx.app, 'KHONG-CO', { noi_dung: BODY, dap_an: '1', ma_kiem_tra: 'x' });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Không tìm thấy đơn vị');
  });
});

describe('answers on the public page', () => {
  it('names the registration an answered item is about, only while it is public', async () => {
    const sent = await sendFeedback(
      ctx.app,
      'C1',
      { noi_dung: 'Đồng chí Công Khai luôn gương mẫu đi đầu trong phong trào.', ban_dang_ky: String(publishedId) },
      '203.0.113.60',
    );
    expect(sent.statusCode).toBe(303);
    const item = (await feedbackRows()).at(-1)!;
    expect(
      (await officer.send('POST', `/api/feedback/${item.id}/answer`, { version: 1, answer: 'Cảm ơn bà con đã ghi nhận.' })).statusCode,
    ).toBe(200);
    expect((await open('/cong-khai/C1')).body).toContain('về bản đăng ký của Trần Thị Công Khai');
    await move('unpublish', 'Chỉnh sửa kết quả cần đạt');
    const page = (await open('/cong-khai/C1')).body;
    expect(page).toContain('Cảm ơn bà con đã ghi nhận.');
    expect(page).not.toContain('Trần Thị Công Khai');
    await move('publish');
    // Out of the way of the next test, which counts what the page shows.
    expect((await officer.send('POST', `/api/feedback/${item.id}/hide`, { version: 2, reason: 'Dọn dữ liệu thử' })).statusCode).toBe(200);
  });

  it('shows answered items with the answer, never hidden or new ones, never the sender', async () => {
    const rows = await feedbackRows();
    const first = rows.find((row) => row.body === BODY)!;
    const linked = rows.find((row) => row.registration_id === publishedId)!;
    const answered = await officer.send('POST', `/api/feedback/${first.id}/answer`, {
      version: 1,
      answer: 'Chi bộ đã phân công <tổ tự quản> dọn vệ sinh sau mỗi buổi.',
    });
    expect(answered.statusCode).toBe(200);
    const hidden = await officer.send('POST', `/api/feedback/${linked.id}/hide`, { version: 1, reason: 'Thử ẩn' });
    expect(hidden.statusCode).toBe(200);
    const page = (await open('/cong-khai/C1')).body;
    expect(page).toContain('giữ vệ sinh khu phố');
    expect(page).toContain('Chi bộ đã phân công &lt;tổ tự quản&gt; dọn vệ sinh sau mỗi buổi.');
    expect(page).not.toContain('tiết kiệm, xin ghi nhận');
    expect(page).not.toContain('về bản đăng ký của');
    expect(page).not.toContain('Nguyễn Văn Dân');
    expect(page).not.toContain('0912 345 678');
    // C2's feedback stays on C2's page.
    expect(page).not.toContain('tổ chức sinh hoạt chi bộ');
  });
});
