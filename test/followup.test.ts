import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addPerson, addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, readWorkbook, type Session } from './helpers/session';
import { tinyPdf } from './helpers/tiny-files';
import { insertRegistration, linkUser, statusOf, versionOf } from './helpers/followup-rows';
import { getReviewResult } from '../src/server/modules/followup/index';
import { REGISTRATION_METRICS } from '../src/server/modules/figures/index';
import { readFigures } from '../src/server/platform/figures';
import { todayIso } from '../src/server/platform/dates';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let member: Session;
let otherMember: Session;
let secretary: Session;
let outsider: Session;
let memberPersonId = 0;
let otherPersonId = 0;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  const m1 = await addPerson(ctx.db, tree.C1.path, { fullName: 'Nguyễn Văn Đăng', unitId: tree.C1.id, cardNumber: '80000001' });
  const m2 = await addPerson(ctx.db, tree.C1.path, { fullName: 'Trần Thị Ký', unitId: tree.C1.id, cardNumber: '80000002' });
  memberPersonId = m1.id;
  otherPersonId = m2.id;
  const u1 = await addUser(ctx.db, 'dv.c1', [{ unitId: tree.C1.id, role: 'member' }], 'Nguyễn Văn Đăng');
  const u2 = await addUser(ctx.db, 'dv2.c1', [{ unitId: tree.C1.id, role: 'member' }], 'Trần Thị Ký');
  await linkUser(ctx.db, u1.id, m1.id);
  await linkUser(ctx.db, u2.id, m2.id);
  await addUser(ctx.db, 'bithu.c1', [{ unitId: tree.C1.id, role: 'committee' }]);
  await addUser(ctx.db, 'bithu.c3', [{ unitId: tree.C3.id, role: 'committee' }]);
  member = await openSession(ctx.app, 'dv.c1');
  otherMember = await openSession(ctx.app, 'dv2.c1');
  secretary = await openSession(ctx.app, 'bithu.c1');
  outsider = await openSession(ctx.app, 'bithu.c3');
});
afterAll(() => ctx.close());

async function checkInCount(registrationId: number): Promise<number> {
  const rows = await ctx.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM registration_check_ins WHERE registration_id = ${registrationId}`,
  );
  return Number(rows.rows[0]!.n);
}
async function counter(metric: string, unitId: number): Promise<number> {
  return (await readFigures(ctx.db, [unitId], [metric], todayIso())).get(unitId)![metric] ?? 0;
}

describe('check-ins', () => {
  it('records the first check-in, moving a published registration to in progress, with figures, history and audit', async () => {
    const { id, actionIds } = await insertRegistration(ctx.db, tree.C1, { personId: memberPersonId, status: 'published' });
    const response = await member.send('POST', `/api/followup/registrations/${id}/check-ins`, {
      actionId: actionIds[0],
      progressPercent: 40,
      note: 'Đã tham gia 5 buổi sinh hoạt',
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.status).toBe('in_progress');
    expect(body.actions[0].progressPercent).toBe(40);
    expect(body.actions[0].checkIns[0].note).toBe('Đã tham gia 5 buổi sinh hoạt');
    expect(await statusOf(ctx.db, id)).toBe('in_progress');
    const row = (
      await ctx.db.execute<{ last: string | null; progress: number }>(sql`
      SELECT r.last_check_in_at AS last, a.progress_percent AS progress FROM registrations r JOIN registration_actions a ON a.registration_id = r.id
      WHERE r.id = ${id} AND a.id = ${actionIds[0]!}`)
    ).rows[0]!;
    expect(row.last).not.toBeNull();
    expect(Number(row.progress)).toBe(40);
    const events = await ctx.db.execute<{ to_status: string }>(
      sql`SELECT to_status FROM registration_events WHERE registration_id = ${id}`,
    );
    expect(events.rows.map((event) => event.to_status)).toEqual(['in_progress']);
    const audit = await ctx.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_type = 'registration' AND entity_id = ${String(id)} ORDER BY id`,
    );
    expect(audit.rows.map((entry) => entry.action)).toEqual(['registration.start', 'registration.check_in']);
    expect(await counter(REGISTRATION_METRICS.checkIns(2026), tree.R.id)).toBeGreaterThanOrEqual(1);

    // A second check-in keeps the status and adds one more row.
    const second = await member.send('POST', `/api/followup/registrations/${id}/check-ins`, {
      actionId: actionIds[1],
      progressPercent: 100,
      note: 'Hoàn thành',
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().status).toBe('in_progress');
    expect(await checkInCount(id)).toBe(2);
  });

  it('attaches evidence uploaded by the registrant; another member cannot upload for that unit', async () => {
    const { id, actionIds } = await insertRegistration(ctx.db, tree.C1, { personId: otherPersonId, status: 'in_progress' });
    const upload = await otherMember.upload(`/api/files?unitId=${tree.C1.id}&purpose=check_in`, {
      fileName: 'minh-chung.pdf',
      content: tinyPdf(),
      contentType: 'application/pdf',
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const fileId = upload.json().id as number;
    const response = await otherMember.send('POST', `/api/followup/registrations/${id}/check-ins`, {
      actionId: actionIds[0],
      progressPercent: 30,
      note: 'Có ảnh minh chứng',
      fileIds: [fileId],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().actions[0].checkIns[0].files.map((file: { id: number }) => file.id)).toEqual([fileId]);
    // The secretary of the cell can read the evidence.
    expect((await secretary.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    // Someone with no registration under way in C3 cannot upload there.
    const refused = await otherMember.upload(`/api/files?unitId=${tree.C3.id}&purpose=check_in`, {
      fileName: 'x.pdf',
      content: tinyPdf(),
      contentType: 'application/pdf',
    });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses another person, a reader, an outsider and a signed-out caller, changing nothing', async () => {
    const { id, actionIds } = await insertRegistration(ctx.db, tree.C1, { personId: null, kind: 'individual', status: 'published' });
    await ctx.db.execute(sql`UPDATE registrations SET person_id = ${memberPersonId}, year = 2027 WHERE id = ${id}`);
    const body = { actionId: actionIds[0], progressPercent: 10, note: 'Thử' };
    expect((await otherMember.send('POST', `/api/followup/registrations/${id}/check-ins`, body)).statusCode).toBe(403);
    expect((await secretary.send('POST', `/api/followup/registrations/${id}/check-ins`, body)).statusCode).toBe(403);
    expect((await outsider.send('POST', `/api/followup/registrations/${id}/check-ins`, body)).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'POST', url: `/api/followup/registrations/${id}/check-ins`, payload: body })).statusCode).toBe(
      401,
    );
    expect(await checkInCount(id)).toBe(0);
    expect(await statusOf(ctx.db, id)).toBe('published');
  });

  it('rejects bad input with a stable code and changes nothing', async () => {
    const { id, actionIds } = await insertRegistration(ctx.db, tree.C1, { personId: memberPersonId, status: 'published', year: 2028 });
    const other = await insertRegistration(ctx.db, tree.C1, { personId: otherPersonId, status: 'published', year: 2028 });
    const tooMuch = await member.send('POST', `/api/followup/registrations/${id}/check-ins`, {
      actionId: actionIds[0],
      progressPercent: 150,
      note: 'Sai',
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.code).toBe('VALIDATION_FAILED');
    const empty = await member.send('POST', `/api/followup/registrations/${id}/check-ins`, {
      actionId: actionIds[0],
      progressPercent: 20,
      note: '   ',
    });
    expect(empty.statusCode).toBe(400);
    const foreign = await member.send('POST', `/api/followup/registrations/${id}/check-ins`, {
      actionId: other.actionIds[0],
      progressPercent: 20,
      note: 'Việc của người khác',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toContain('không thuộc');
    const missing = await member.send('POST', '/api/followup/registrations/999999/check-ins', {
      actionId: actionIds[0],
      progressPercent: 20,
      note: 'x',
    });
    expect(missing.statusCode).toBe(404);
    expect(await checkInCount(id)).toBe(0);
    expect(await statusOf(ctx.db, id)).toBe('published');

    const approved = await insertRegistration(ctx.db, tree.C1, { personId: memberPersonId, status: 'approved', year: 2029 });
    const early = await member.send('POST', `/api/followup/registrations/${approved.id}/check-ins`, {
      actionId: approved.actionIds[0],
      progressPercent: 20,
      note: 'Chưa công khai',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('INVALID_STATE');
    expect(await checkInCount(approved.id)).toBe(0);
  });
});

describe('the follow-up list', () => {
  it('shows the secretary who has not updated for months, with the last check-in date', async () => {
    const stale = await insertRegistration(ctx.db, tree.C1, { personId: memberPersonId, status: 'in_progress', year: 2030 });
    const fresh = await insertRegistration(ctx.db, tree.C1, { personId: otherPersonId, status: 'in_progress', year: 2030 });
    await ctx.db.execute(sql`UPDATE registrations SET last_check_in_at = now() - interval '4 months' WHERE id = ${stale.id}`);
    await ctx.db.execute(sql`UPDATE registrations SET last_check_in_at = now() - interval '10 days' WHERE id = ${fresh.id}`);
    const all = await secretary.get(`/api/followup/registrations?unitId=${tree.C1.id}&year=2030`);
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(2);
    const three = await secretary.get(`/api/followup/registrations?unitId=${tree.C1.id}&year=2030&staleMonths=3`);
    expect(three.json().items.map((item: { id: number }) => item.id)).toEqual([stale.id]);
    expect(three.json().items[0].lastCheckInAt).not.toBeNull();
    const six = await secretary.get(`/api/followup/registrations?unitId=${tree.C1.id}&year=2030&staleMonths=6`);
    expect(six.json().total).toBe(0);
    // Search ignores diacritics.
    const search = await secretary.get(`/api/followup/registrations?unitId=${tree.C1.id}&year=2030&q=${encodeURIComponent('tran thi ky')}`);
    expect(search.json().items.map((item: { id: number }) => item.id)).toEqual([fresh.id]);
    expect((await secretary.get(`/api/followup/registrations?unitId=${tree.C1.id}&year=2030&staleMonths=4`)).statusCode).toBe(400);
    expect((await outsider.get(`/api/followup/registrations?unitId=${tree.C1.id}&year=2030`)).statusCode).toBe(403);
    expect((await member.get(`/api/followup/registrations?unitId=${tree.C1.id}&year=2030`)).statusCode).toBe(403);
    // The member sees their own registration of the year.
    const mine = await member.get('/api/followup/mine?year=2030');
    expect(mine.json().registrations.map((registration: { id: number }) => registration.id)).toEqual([stale.id]);
    expect(mine.json().registrations[0].canCheckIn).toBe(true);
  });
});

describe('year-end', () => {
  it('self-assessment, review by the cell, closing, and the result kept for grading', async () => {
    const { id, actionIds } = await insertRegistration(ctx.db, tree.C1, { personId: memberPersonId, status: 'in_progress', year: 2031 });
    const base = `/api/followup/registrations/${id}`;
    const partial = await member.send('POST', `${base}/self-assessment`, {
      version: await versionOf(ctx.db, id),
      selfLevel: 'completed',
      selfExplanation: 'Đã làm',
      actions: [{ actionId: actionIds[0], level: 'completed' }],
    });
    expect(partial.statusCode).toBe(400);
    expect(await statusOf(ctx.db, id)).toBe('in_progress');
    const byOther = await otherMember.send('POST', `${base}/self-assessment`, {
      version: await versionOf(ctx.db, id),
      selfLevel: 'completed',
      selfExplanation: 'x',
      actions: actionIds.map((actionId) => ({ actionId, level: 'completed' })),
    });
    expect(byOther.statusCode).toBe(403);
    const self = await member.send('POST', `${base}/self-assessment`, {
      version: await versionOf(ctx.db, id),
      selfLevel: 'completed_well',
      selfExplanation: 'Hoàn thành tất cả các việc đã đăng ký',
      actions: actionIds.map((actionId, index) => ({ actionId, level: index === 0 ? 'completed_well' : 'completed', note: 'Đạt kết quả' })),
    });
    expect(self.statusCode, self.body).toBe(200);
    expect(self.json().status).toBe('self_assessed');
    const levels = await ctx.db.execute<{ self_level: string }>(
      sql`SELECT self_level FROM registration_actions WHERE registration_id = ${id} ORDER BY position`,
    );
    expect(levels.rows.map((row) => row.self_level)).toEqual(['completed_well', 'completed']);

    const before = await counter(REGISTRATION_METRICS.reviewLevel('completed_well', 2031), tree.A.id);
    const reviewBody = { version: await versionOf(ctx.db, id), reviewLevel: 'completed_well', reviewComment: 'Gương mẫu, hoàn thành tốt' };
    expect((await member.send('POST', `${base}/review`, reviewBody)).statusCode).toBe(403);
    expect((await outsider.send('POST', `${base}/review`, reviewBody)).statusCode).toBe(403);
    const stale = await secretary.send('POST', `${base}/review`, { ...reviewBody, version: reviewBody.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const reviewed = await secretary.send('POST', `${base}/review`, reviewBody);
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({
      status: 'reviewed',
      reviewLevel: 'completed_well',
      reviewComment: 'Gương mẫu, hoàn thành tốt',
      reviewerName: 'bithu.c1',
    });
    expect(await counter(REGISTRATION_METRICS.reviewLevel('completed_well', 2031), tree.A.id)).toBe(before + 1);

    const closed = await secretary.send('POST', `${base}/close`, { version: await versionOf(ctx.db, id) });
    expect(closed.statusCode).toBe(200);
    expect(await statusOf(ctx.db, id)).toBe('closed');
    expect(await getReviewResult(ctx.db, memberPersonId, 2031)).toMatchObject({
      registrationId: id,
      reviewLevel: 'completed_well',
      selfLevel: 'completed_well',
    });
    expect(await getReviewResult(ctx.db, otherPersonId, 2031)).toBeNull();
  });
});

describe('the register book', () => {
  it('exports to Excel and to a Party-format DOCX with names, actions and assessments', async () => {
    const { id } = await insertRegistration(ctx.db, tree.C1, { personId: otherPersonId, status: 'reviewed', year: 2032 });
    await ctx.db.execute(
      sql`UPDATE registrations SET self_level = 'completed', self_explanation = 'Tự thấy hoàn thành', review_level = 'completed', review_comment = 'Chi bộ nhất trí' WHERE id = ${id}`,
    );
    await insertRegistration(ctx.db, tree.C1, { kind: 'collective', status: 'published', year: 2032 });
    await insertRegistration(ctx.db, tree.C1, { personId: memberPersonId, status: 'draft', year: 2032 });

    const excel = await secretary.get(`/api/exports/register-book?unitId=${tree.C1.id}&year=2032&format=xlsx`);
    expect(excel.statusCode).toBe(200);
    const rows = (await readWorkbook(excel.rawPayload)).get('Sổ đăng ký')!;
    expect(rows[1]).toEqual([
      'STT',
      'Họ và tên',
      'Chức vụ',
      'Nội dung đăng ký (việc làm, kết quả, thời hạn)',
      'Tự đánh giá',
      'Chi bộ đánh giá',
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[2]![1]).toBe('Tập thể Chi bộ Khu phố 1');
    expect(rows[3]![1]).toBe('Trần Thị Ký');
    expect(rows[3]![2]).toBe('Đảng viên');
    expect(String(rows[3]![3])).toContain('Thời hạn: 15/12/2032');
    expect(rows[3]![4]).toBe('Hoàn thành: Tự thấy hoàn thành');
    expect(rows[3]![5]).toBe('Hoàn thành: Chi bộ nhất trí');

    const docx = await secretary.get(`/api/exports/register-book?unitId=${tree.C1.id}&year=2032&format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const dir = mkdtempSync(path.join(tmpdir(), 'so-dang-ky-'));
    const file = path.join(dir, 'book.docx');
    writeFileSync(file, docx.rawPayload);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
    for (const text of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'CHI BỘ KHU PHỐ 1',
      'SỔ ĐĂNG KÝ',
      'Trần Thị Ký',
      'Tập thể Chi bộ Khu phố 1',
      'Chi bộ đánh giá',
      'Hoàn thành: Chi bộ nhất trí',
      'Nguyễn Văn Đăng',
    ]) {
      if (text === 'Nguyễn Văn Đăng') expect(xml).not.toContain(text);
      else expect(xml).toContain(text);
    }
    expect(xml).toContain('w:orient="landscape"');

    expect((await outsider.get(`/api/exports/register-book?unitId=${tree.C1.id}&year=2032`)).statusCode).toBe(403);
    expect((await member.get(`/api/exports/register-book?unitId=${tree.C1.id}&year=2032`)).statusCode).toBe(403);
  });
});
