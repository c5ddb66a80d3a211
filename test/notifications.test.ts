import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { addPerson, addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession } from './helpers/session';
import { insertRegistration, linkUser } from './helpers/followup-rows';
import { runDailyReminders } from '../src/server/modules/notifications/reminders.service';
import type { Mailer } from '../src/server/modules/notifications/mailer';
import { todayIso } from '../src/server/platform/dates';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const today = todayIso();
const year = Number(today.slice(0, 4));
const users: Record<string, number> = {};

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** nodemailer's JSON transport: builds each message as a real mail would be, keeping it for the test. */
function jsonMailer() {
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const sent: Array<{ to: string; subject: string; text: string }> = [];
  const mailer: Mailer = {
    from: 'NoiGuong <no-reply@example.vn>',
    sendMail: async (message) => {
      const info = await transport.sendMail(message);
      const parsed = JSON.parse(String(info.message)) as { to: Array<{ address: string }>; subject: string; text: string };
      sent.push({ to: parsed.to.map((to) => to.address).join(','), subject: parsed.subject, text: parsed.text });
      return info;
    },
  };
  return { mailer, sent };
}

async function person(name: string, unit: { id: number; path: string }, card: string, email: string | null, username: string | null) {
  const created = await addPerson(ctx.db, unit.path, { fullName: name, unitId: unit.id, cardNumber: card });
  if (email) await ctx.db.execute(sql`UPDATE persons SET email = ${email} WHERE id = ${created.id}`);
  if (username) {
    const user = await addUser(ctx.db, username, [{ unitId: unit.id, role: 'member' }], name);
    await linkUser(ctx.db, user.id, created.id);
    users[username] = user.id;
  }
  return created;
}

async function noticesOf(userId: number) {
  const rows = await ctx.db.execute<{ kind: string; title: string; body: string }>(
    sql`SELECT kind, title, body FROM notifications WHERE user_id = ${userId}`,
  );
  return rows.rows;
}

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  // The province's window closes in 5 days (reminders due); commune B has its own, closing in 20.
  await ctx.db.execute(sql`
    INSERT INTO registration_windows (unit_id, year, to_year, opens_on, closes_on)
    VALUES (${tree.R.id}, ${year}, ${year}, ${addDays(today, -20)}, ${addDays(today, 5)}),
           (${tree.B.id}, ${year}, ${year}, ${addDays(today, -20)}, ${addDays(today, 20)})`);
  await person('Phan Văn Nhắc', tree.C1, '82000001', 'nhac@example.vn', 'nhac.c1');
  const registered = await person('Đỗ Thị Đã Gửi', tree.C1, '82000002', 'dagui@example.vn', 'dagui.c1');
  const drafting = await person('Vũ Văn Nháp', tree.C1, '82000003', null, 'nhap.c1');
  await person('Lý Văn Phú Lộc', tree.C3, '82000004', 'phuloc@example.vn', 'phuloc.c3');
  await person('Hồ Thị Không Tài Khoản', tree.C2, '82000005', 'khongtk@example.vn', null);
  await insertRegistration(ctx.db, tree.C1, { personId: registered.id, status: 'submitted', year });
  await insertRegistration(ctx.db, tree.C1, { personId: drafting.id, status: 'draft', year });
});
afterAll(() => ctx.close());

describe('the daily reminders', () => {
  it('notify and e-mail members who have not registered under a window closing soon, once a day', async () => {
    const { mailer, sent } = jsonMailer();
    const outcome = await runDailyReminders(ctx.db, { mailer, daysBefore: 7 });
    expect(outcome).toMatchObject({ windows: 1, members: 3, notified: 2, emailed: 2, failedEmails: 0 });
    const notice = await noticesOf(users['nhac.c1']!);
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({ kind: 'registration_reminder', title: `Nhắc đăng ký làm theo năm ${year}` });
    expect(notice[0]!.body).toContain('Phan Văn Nhắc');
    expect(await noticesOf(users['nhap.c1']!)).toHaveLength(1);
    expect(await noticesOf(users['dagui.c1']!)).toHaveLength(0);
    // Under commune B's own window, closing later: not yet.
    expect(await noticesOf(users['phuloc.c3']!)).toHaveLength(0);
    expect(sent.map((mail) => mail.to).sort()).toEqual(['khongtk@example.vn', 'nhac@example.vn']);
    expect(sent[0]!.subject).toBe(`Nhắc đăng ký học tập và làm theo năm ${year}`);
    const window = await ctx.db.execute<{ reminded_on: string }>(
      sql`SELECT reminded_on::text FROM registration_windows WHERE unit_id = ${tree.R.id}`,
    );
    expect(window.rows[0]!.reminded_on).toBe(today);

    const again = await runDailyReminders(ctx.db, { mailer, daysBefore: 7 });
    expect(again).toMatchObject({ windows: 0, notified: 0, emailed: 0 });
    expect(await noticesOf(users['nhac.c1']!)).toHaveLength(1);
    expect(sent).toHaveLength(2);
  });

  it('without SMTP sends in-app notices only', async () => {
    await ctx.db.execute(sql`UPDATE registration_windows SET reminded_on = NULL`);
    await ctx.db.execute(sql`DELETE FROM notifications`);
    const outcome = await runDailyReminders(ctx.db, { mailer: null, daysBefore: 7 });
    expect(outcome).toMatchObject({ notified: 2, emailed: 0 });
  });
});

describe('"send reminders now" and the bell', () => {
  it('lets an officer remind the members of their subtree now; others are refused', async () => {
    await addUser(ctx.db, 'canbo.b', [{ unitId: tree.B.id, role: 'officer' }]);
    await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }]);
    await addUser(ctx.db, 'bithu.b', [{ unitId: tree.B.id, role: 'committee' }]);
    const officer = await openSession(ctx.app, 'canbo.b');
    const response = await officer.send('POST', '/api/registration-reminders', { unitId: tree.B.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ windows: 1, members: 1, notified: 1, emailed: 0 });
    expect(await noticesOf(users['phuloc.c3']!)).toHaveLength(1);
    // A second press the same day reminds nobody twice.
    expect((await officer.send('POST', '/api/registration-reminders', { unitId: tree.B.id })).json().notified).toBe(0);
    expect(
      (await (await openSession(ctx.app, 'canbo.a')).send('POST', '/api/registration-reminders', { unitId: tree.B.id })).statusCode,
    ).toBe(403);
    expect(
      (await (await openSession(ctx.app, 'bithu.b')).send('POST', '/api/registration-reminders', { unitId: tree.B.id })).statusCode,
    ).toBe(403);
    expect((await officer.send('POST', '/api/registration-reminders', { unitId: 'B' })).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/registration-reminders', payload: { unitId: tree.B.id } })).statusCode).toBe(
      401,
    );
    expect(await noticesOf(users['phuloc.c3']!)).toHaveLength(1);
  });

  it('shows a user their own notices with the unread count, and marks them read', async () => {
    const member = await openSession(ctx.app, 'phuloc.c3');
    const list = await member.get('/api/notifications');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, unread: 1 });
    const id = list.json().items[0].id as number;
    const other = await openSession(ctx.app, 'nhac.c1');
    const foreign = await other.send('POST', `/api/notifications/${id}/read`);
    expect(foreign.statusCode).toBe(404);
    const read = await member.send('POST', `/api/notifications/${id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ unread: 0 });
    const row = await ctx.db.execute<{ read_at: string | null }>(sql`SELECT read_at FROM notifications WHERE id = ${id}`);
    expect(row.rows[0]!.read_at).not.toBeNull();
    const audit = await ctx.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_type = 'notification' AND entity_id = ${String(id)}`,
    );
    expect(audit.rows.map((entry) => entry.action)).toEqual(['notification.read']);
    const all = await other.send('POST', '/api/notifications/read-all');
    expect(all.json()).toMatchObject({ marked: 1, unread: 0 });
    expect((await other.get('/api/notifications?unreadOnly=true')).json().items).toHaveLength(0);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});
