/**
 * Two app instances, each with its own pool, on one PostgreSQL database: what two separate server
 * processes behind one address share. Nothing a request or a job needs may live in one process's
 * memory, and a background job started by both at the same moment must do its work once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase, type Database, type DbHandle } from '../src/server/platform/db/client';
import { todayIso } from '../src/server/platform/dates';
import { runDailyReminders, runRemindersNow } from '../src/server/modules/notifications/reminders.service';
import type { Mailer } from '../src/server/modules/notifications/mailer';
import { eraseExpiredSenderContacts, feedbackSettings } from '../src/server/modules/supervision/index';
import { addPerson, addUser, PASSWORD, rootActor, seedSmallTree } from './helpers/fixtures';
import { logIn, openSession, type Session } from './helpers/session';
import { insertRegistration, linkUser } from './helpers/followup-rows';
import { postForm, solveChallenge } from './helpers/public-form';
import { createTestDatabase, type TestDatabase } from './helpers/test-database';
import { testDatabaseUrl, urlForDatabase } from './helpers/database-image';

/** The embedded database lives inside one process: two processes need PostgreSQL. */
const baseUrl = testDatabaseUrl();
const SKIP_REASON = 'needs TEST_DATABASE_URL: two processes share a PostgreSQL server, never the embedded database';

let database: TestDatabase | undefined;
let second: DbHandle | undefined;
let appA: FastifyInstance;
let appB: FastifyInstance;
let dbA: Database;
let dbB: Database;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;

const today = todayIso();
const year = Number(today.slice(0, 4));

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const rows = await dbA.execute<{ value: number }>(query);
  return Number(rows.rows[0]?.value ?? 0);
}

/** The same browser (cookie, CSRF token, address) talking to another instance. */
function through(app: FastifyInstance, session: Session) {
  return {
    get: (url: string) => app.inject({ method: 'GET', url, cookies: session.cookies, remoteAddress: session.remoteAddress }),
    post: (url: string) =>
      app.inject({
        method: 'POST',
        url,
        cookies: session.cookies,
        remoteAddress: session.remoteAddress,
        headers: { 'x-csrf-token': session.csrfToken },
      }),
  };
}

/** A mailer that only counts what it is asked to send, per address. */
function countingMailer() {
  const sent: string[] = [];
  const mailer: Mailer = {
    from: 'NoiGuong <no-reply@example.vn>',
    sendMail: (message) => {
      sent.push(String(message.to));
      return Promise.resolve({});
    },
  };
  return { mailer, sent };
}

beforeAll(async () => {
  if (!baseUrl) return;
  database = await createTestDatabase();
  const name = (await database.pool.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
  second = await openDatabase({ databaseUrl: urlForDatabase(baseUrl, name) });
  dbA = database.db;
  dbB = second.db;
  const config = { ...loadConfig({}), dataDir: '.tmp/test-data' };
  appA = await buildApp({ db: dbA, config, dbKind: database.kind });
  appB = await buildApp({ db: dbB, config, dbKind: second.kind });
  await Promise.all([appA.ready(), appB.ready()]);
  tree = await seedSmallTree(dbA);
});
afterAll(async () => {
  await appB?.close();
  await second?.close();
  await appA?.close();
  await database?.cleanup();
});

describe('two app processes on one PostgreSQL', () => {
  it('share sessions: signed in on A works on B, signed out on B ends it on A', async ({ skip }) => {
    if (!baseUrl) skip(SKIP_REASON);
    await addUser(dbA, 'hai.tien.trinh', [{ unitId: tree.A.id, role: 'viewer' }]);
    const session = await openSession(appA, 'hai.tien.trinh');
    // Used on A first: anything A kept of the session in memory would outlive the sign-out on B.
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
    const onB = await through(appB, session).get('/api/auth/me');
    expect(onB.statusCode, onB.body).toBe(200);
    expect(onB.json().user.username).toBe('hai.tien.trinh');
    expect(onB.json().csrfToken).toBe(session.csrfToken);

    expect((await through(appB, session).post('/api/auth/logout')).statusCode).toBe(200);
    expect((await through(appA, session).get('/api/auth/me')).statusCode).toBe(401);
    expect((await through(appB, session).get('/api/auth/me')).statusCode).toBe(401);
  });

  it('count sign-in attempts together: wrong passwords alternating between A and B lock after 5, as on one', async ({ skip }) => {
    if (!baseUrl) skip(SKIP_REASON);
    await addUser(dbA, 'doan.hai.noi', [{ unitId: tree.A.id, role: 'viewer' }]);
    const address = '10.60.0.1';
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await logIn(attempt % 2 ? appA : appB, 'doan.hai.noi', `Sai@${attempt}xxxx`, address);
      expect(response.statusCode, `attempt ${attempt}`).toBe(401);
    }
    // Either instance refuses now, even the right password: each saw only 2 or 3 of the 5.
    for (const app of [appA, appB]) {
      const locked = await logIn(app, 'doan.hai.noi', PASSWORD, address);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    }
  });

  it('count parallel guesses through both one by one: no more than 5 are checked from one address', async ({ skip }) => {
    if (!baseUrl) skip(SKIP_REASON);
    await addUser(dbA, 'song.song.hai.noi', [{ unitId: tree.A.id, role: 'viewer' }]);
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) => logIn(index % 2 ? appA : appB, 'song.song.hai.noi', `Sai@${index}xxxx`, '10.60.0.2')),
    );
    const codes = responses.map((response) => response.json().error.code as string);
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((code) => code === 'TOO_MANY_ATTEMPTS')).toHaveLength(7);
  });

  it('accept on B the public form A gave out, and count a sender’s feedback across both', async ({ skip }) => {
    if (!baseUrl) skip(SKIP_REASON);
    const sender = '203.0.113.60';
    const sendVia = async (give: FastifyInstance, take: FastifyInstance, index: number) => {
      const page = await give.inject({ method: 'GET', url: `/cong-khai/${tree.C2.code}` });
      return postForm(
        take,
        tree.C2.code,
        { ...solveChallenge(page.body), noi_dung: `Phản ánh số ${index}: đề nghị sửa đèn đường đầu ngõ.` },
        sender,
      );
    };
    for (let index = 1; index <= 5; index++) {
      const response = await sendVia(index % 2 ? appA : appB, index % 2 ? appB : appA, index);
      expect(response.statusCode, `feedback ${index}: ${response.body.slice(0, 300)}`).toBe(303);
    }
    expect(await count(sql`SELECT count(*) AS value FROM feedback WHERE unit_id = ${tree.C2.id}`)).toBe(5);
    // The sixth in the hour is refused whichever instance takes it: the limit is 5 per sender.
    const sixth = await sendVia(appA, appB, 6);
    expect(sixth.statusCode).toBe(429);
    expect(await count(sql`SELECT count(*) AS value FROM feedback WHERE unit_id = ${tree.C2.id}`)).toBe(5);
  });

  it('count a sender’s parallel feedback through both one by one: 5 stored of 10', async ({ skip }) => {
    if (!baseUrl) skip(SKIP_REASON);
    const sender = '203.0.113.61';
    const pages = await Promise.all(
      Array.from({ length: 10 }, (_, index) => (index % 2 ? appA : appB).inject({ method: 'GET', url: `/cong-khai/${tree.C3.code}` })),
    );
    const responses = await Promise.all(
      pages.map((page, index) =>
        postForm(
          index % 2 ? appB : appA,
          tree.C3.code,
          { ...solveChallenge(page.body), noi_dung: `Phản ánh cùng lúc số ${index}: đề nghị sửa đèn đường.` },
          sender,
        ),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([...Array(5).fill(303), ...Array(5).fill(429)]);
    expect(await count(sql`SELECT count(*) AS value FROM feedback WHERE unit_id = ${tree.C3.id}`)).toBe(5);
  });
});

describe('background jobs started by two processes at the same moment', () => {
  const members: Array<{ userId: number; email: string }> = [];
  let reminderAudits = 0;

  const remindersAudited = () => count(sql`SELECT count(*) AS value FROM audit_log WHERE action = 'registration.remind'`);
  const noticesPerUser = async () => {
    const rows = await dbA.execute<{ user_id: number; notices: number }>(sql`
      SELECT user_id, count(*)::int AS notices FROM notifications WHERE kind = 'registration_reminder' GROUP BY user_id ORDER BY user_id`);
    return new Map(rows.rows.map((row) => [Number(row.user_id), Number(row.notices)]));
  };
  /** A new day for the job: no window reminded, no reminder sent yet. */
  const resetReminders = async () => {
    await dbA.execute(sql`UPDATE registration_windows SET reminded_on = NULL`);
    await dbA.execute(sql`DELETE FROM notifications WHERE kind = 'registration_reminder'`);
  };

  beforeAll(async () => {
    if (!baseUrl) return;
    // The province's window closes in 5 days: its members who have not registered are due a reminder.
    await dbA.execute(sql`
      INSERT INTO registration_windows (unit_id, year, to_year, opens_on, closes_on)
      VALUES (${tree.R.id}, ${year}, ${year}, ${addDays(today, -20)}, ${addDays(today, 5)})`);
    const cells = [tree.C1, tree.C2, tree.C3];
    for (let index = 0; index < 9; index++) {
      const cell = cells[index % 3]!;
      const person = await addPerson(dbA, cell.path, {
        fullName: `Nguyễn Văn Nhắc ${index + 1}`,
        unitId: cell.id,
        cardNumber: `8460000${index}`,
      });
      const email = `nhac${index + 1}@example.vn`;
      await dbA.execute(sql`UPDATE persons SET email = ${email} WHERE id = ${person.id}`);
      const user = await addUser(dbA, `nhac.hai.${index + 1}`, [{ unitId: cell.id, role: 'member' }]);
      await linkUser(dbA, user.id, person.id);
      members.push({ userId: user.id, email });
    }
    // One member has registered: never reminded.
    const registered = await addPerson(dbA, tree.C1.path, { fullName: 'Trần Thị Đã Đăng Ký', unitId: tree.C1.id, cardNumber: '84600099' });
    await insertRegistration(dbA, tree.C1, { personId: registered.id, status: 'submitted', year });
  });

  it('send each member one daily reminder and write one audit row, however often the two race', async ({ skip }) => {
    if (!baseUrl) skip(SKIP_REASON);
    reminderAudits = await remindersAudited();
    for (let round = 1; round <= 12; round++) {
      await resetReminders();
      const { mailer, sent } = countingMailer();
      const outcomes = await Promise.all([
        runDailyReminders(dbA, { mailer, daysBefore: 7 }),
        runDailyReminders(dbB, { mailer, daysBefore: 7 }),
      ]);
      const perUser = await noticesPerUser();
      expect([...perUser.values()], `round ${round}: notices per member`).toEqual(members.map(() => 1));
      expect([...perUser.keys()], `round ${round}`).toEqual(members.map((member) => member.userId));
      expect(sent.sort(), `round ${round}: e-mails`).toEqual(members.map((member) => member.email).sort());
      expect(
        outcomes.map((outcome) => outcome.notified).sort((a, b) => a - b),
        `round ${round}`,
      ).toEqual([0, members.length]);
      reminderAudits += 1;
      expect(await remindersAudited(), `round ${round}: audit rows`).toBe(reminderAudits);
    }
  });

  it('send one reminder a member when an officer presses "send now" as the daily run starts', async ({ skip }) => {
    if (!baseUrl) skip(SKIP_REASON);
    for (let round = 1; round <= 6; round++) {
      await resetReminders();
      const before = await remindersAudited();
      await Promise.all([
        runDailyReminders(dbA, { mailer: null, daysBefore: 7 }),
        runRemindersNow(dbB, rootActor(tree.R.path), tree.R.id, { mailer: null, daysBefore: 7 }),
      ]);
      expect([...(await noticesPerUser()).values()], `round ${round}`).toEqual(members.map(() => 1));
      // Both runs are recorded (the officer's press always is), neither sent twice.
      expect(await remindersAudited(), `round ${round}`).toBe(before + 2);
    }
  });

  it('erase expired feedback contacts once and audit it once', async ({ skip }) => {
    if (!baseUrl) skip(SKIP_REASON);
    const settings = { ...feedbackSettings({}), contactRetentionDays: 30 };
    const now = new Date();
    const old = new Date(now.getTime() - 40 * 86_400_000).toISOString();
    const audited = () => count(sql`SELECT count(*) AS value FROM audit_log WHERE action = 'feedback.erase_sender_contacts'`);
    for (let round = 1; round <= 8; round++) {
      await dbA.execute(sql`
        INSERT INTO feedback (unit_id, sender_name, sender_contact, body, due_on, sender_hash, created_at)
        SELECT ${tree.C1.id}, 'Người Gửi ' || n, '09' || lpad(n::text, 8, '0'), 'Đề nghị giữ vệ sinh khu phố.', ${today}::date, 'hash-' || n, ${old}::timestamptz
        FROM generate_series(1, 40) AS n`);
      const before = await audited();
      const erased = await Promise.all([eraseExpiredSenderContacts(dbA, settings, now), eraseExpiredSenderContacts(dbB, settings, now)]);
      expect(
        erased.sort((a, b) => a - b),
        `round ${round}`,
      ).toEqual([0, 40]);
      expect(
        await count(
          sql`SELECT count(*) AS value FROM feedback WHERE unit_id = ${tree.C1.id} AND (sender_name IS NOT NULL OR sender_contact IS NOT NULL)`,
        ),
      ).toBe(0);
      expect(await audited(), `round ${round}`).toBe(before + 1);
      const last = await dbA.execute<{ after: { erased: number } }>(sql`
        SELECT after FROM audit_log WHERE action = 'feedback.erase_sender_contacts' ORDER BY id DESC LIMIT 1`);
      expect(last.rows[0]!.after.erased).toBe(40);
    }
  });
});
