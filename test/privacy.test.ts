import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession } from './helpers/session';
import { insertRegistration, linkUser } from './helpers/followup-rows';
import { sendFeedback } from './helpers/public-form';
import { eraseExpiredSenderContacts, feedbackSettings } from '../src/server/modules/supervision/index';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await ctx.db.execute<T>(query)).rows;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
});
afterAll(() => ctx.close());

describe('a person downloads their own data', () => {
  it('gets their account, personal details, memberships and registrations with actions and history, and nobody else’s', async () => {
    const me = await addPerson(ctx.db, tree.C1.path, {
      fullName: 'Nguyễn Thị Riêng Tư',
      unitId: tree.C1.id,
      cardNumber: '91000001',
      fromDate: '2025-09-01',
    });
    const other = await addPerson(ctx.db, tree.C1.path, { fullName: 'Trần Văn Người Khác', unitId: tree.C1.id, cardNumber: '91000002' });
    const account = await addUser(ctx.db, 'rieng.tu', [{ unitId: tree.C1.id, role: 'member' }]);
    await linkUser(ctx.db, account.id, me.id);
    const mine = await insertRegistration(ctx.db, tree.C1, { personId: me.id, status: 'approved', actions: 2 });
    await insertRegistration(ctx.db, tree.C1, { personId: other.id, status: 'approved', actions: 3 });

    const session = await openSession(ctx.app, 'rieng.tu');
    const response = await session.get('/api/me/data');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toContain('attachment');
    const data = response.json();
    expect(data.tài_khoản).toMatchObject({ username: 'rieng.tu' });
    expect(data.phân_quyền).toEqual([expect.objectContaining({ unit: tree.C1.name, role: 'member' })]);
    expect(data.phiên_đăng_nhập.length).toBeGreaterThan(0);
    expect(data.thông_tin_cá_nhân).toMatchObject({ full_name: 'Nguyễn Thị Riêng Tư', card_number: '91000001', phone: '0905123456' });
    expect(data.quá_trình_sinh_hoạt).toEqual([expect.objectContaining({ unit: tree.C1.name, from_date: '2025-09-01', to_date: null })]);
    expect(data.đăng_ký_làm_theo).toHaveLength(1);
    expect(data.đăng_ký_làm_theo[0]).toMatchObject({ year: 2026, status: 'approved' });
    expect(data.đăng_ký_làm_theo[0].việc_đăng_ký).toHaveLength(mine.actionIds.length);
    // Never a secret, never another person.
    const text = response.body;
    expect(text).not.toContain('password');
    expect(text).not.toContain('argon2');
    expect(text).not.toContain('csrf');
    expect(text).not.toContain('Trần Văn Người Khác');
    expect(text).not.toContain('91000002');
    const audit = await rows<{ n: number }>(
      sql`SELECT count(*) AS n FROM audit_log WHERE action = 'privacy.export_own_data' AND entity_id = ${String(account.id)}`,
    );
    expect(Number(audit[0]!.n)).toBe(1);
  });

  it('gives an account without a linked person its account data only', async () => {
    await addUser(ctx.db, 'khong.ho.so', [{ unitId: tree.A.id, role: 'officer' }]);
    const data = (await (await openSession(ctx.app, 'khong.ho.so')).get('/api/me/data')).json();
    expect(data.tài_khoản.username).toBe('khong.ho.so');
    expect(data.thông_tin_cá_nhân).toBeNull();
    expect(data.đăng_ký_làm_theo).toEqual([]);
  });

  it('refuses without a session', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/me/data' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('feedback senders’ names and contacts', () => {
  it('are erased once older than the retention, the feedback itself kept; newer ones stay', async () => {
    const settings = { ...feedbackSettings({}), contactRetentionDays: 30 };
    expect(feedbackSettings({}).contactRetentionDays).toBe(180);
    expect(feedbackSettings({ FEEDBACK_CONTACT_DAYS: '90' }).contactRetentionDays).toBe(90);
    const send = async (name: string, address: string) => {
      const response = await sendFeedback(
        ctx.app,
        tree.C1.code,
        { ten: name, lien_he: '0912345678', noi_dung: 'Đề nghị chi bộ tổ chức sinh hoạt đúng giờ hơn.' },
        address,
      );
      expect(response.statusCode, response.body).toBeLessThan(400);
    };
    await send('Người Gửi Cũ', '203.0.113.21');
    await send('Người Gửi Mới', '203.0.113.22');
    const now = new Date('2026-12-01T08:00:00Z');
    await ctx.db.execute(
      sql`UPDATE feedback SET created_at = ${new Date(now.getTime() - 40 * 86_400_000).toISOString()} WHERE sender_name = 'Người Gửi Cũ'`,
    );
    await ctx.db.execute(
      sql`UPDATE feedback SET created_at = ${new Date(now.getTime() - 10 * 86_400_000).toISOString()} WHERE sender_name = 'Người Gửi Mới'`,
    );

    expect(await eraseExpiredSenderContacts(ctx.db, settings, now)).toBe(1);
    const left = await rows<{ sender_name: string | null; sender_contact: string | null; body: string }>(
      sql`SELECT sender_name, sender_contact, body FROM feedback ORDER BY created_at`,
    );
    expect(left).toEqual([
      { sender_name: null, sender_contact: null, body: 'Đề nghị chi bộ tổ chức sinh hoạt đúng giờ hơn.' },
      { sender_name: 'Người Gửi Mới', sender_contact: '0912345678', body: 'Đề nghị chi bộ tổ chức sinh hoạt đúng giờ hơn.' },
    ]);
    expect(await eraseExpiredSenderContacts(ctx.db, settings, now)).toBe(0);
    const audit = await rows<{ after: { erased: number } }>(
      sql`SELECT after FROM audit_log WHERE action = 'feedback.erase_sender_contacts'`,
    );
    expect(audit.map((row) => row.after.erased)).toEqual([1]);
  });

  it('are asked for with the consent text on the public form, which says how long they are kept', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: `/cong-khai/${tree.C1.code}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-consent');
    expect(page.body).toContain('được tự động xóa sau 180 ngày kể từ ngày gửi');
    expect(page.body).toContain('Luật Bảo vệ dữ liệu cá nhân năm 2025');
  });
});
