import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { buildWorkbook, openSession, readWorkbook, type Session } from './helpers/session';
import { linkUserToPerson, openWindow } from './helpers/registration-fixtures';
import { REGISTRATION_METRICS } from '../src/server/modules/figures/registration-metrics';
import { BOOK_COLUMNS } from '../src/server/modules/registrations/register-book-excel';
import type { RegisterBookPreview, RegistrationDetail } from '../src/shared/contracts/registrations';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let secretary: Session;
let secretaryC2: Session;
let officerA: Session;
let memberSession: Session;
const people: Array<{ id: number; fullName: string; cardNumber: string }> = [];
let memberWithAccount: { id: number; fullName: string };
let personOfC2: { id: number; fullName: string };
const year = new Date().getFullYear() - 1;
const HEADERS = BOOK_COLUMNS.map((column) => column.header);

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  return Number((await ctx.db.execute<{ value: number }>(query)).rows[0]?.value ?? 0);
}
const registrationCount = () => scalar(sql`SELECT count(*) AS value FROM registrations WHERE year = ${year}`);
const counterAt = (unitId: number, metric: string) =>
  scalar(sql`SELECT COALESCE(sum(delta), 0) AS value FROM figure_counters WHERE unit_id = ${unitId} AND metric = ${metric}`);

/** A filled book: header, the collective row, then the members' rows (a second action on a continuation row). */
function bookRows(overrides: { area?: string; extraRow?: Array<string | null> } = {}) {
  const rows: Array<Array<string | null>> = [HEADERS];
  rows.push([
    'Tập thể',
    'Tập thể Chi bộ Khu phố 1',
    null,
    'Sinh hoạt chi bộ còn hình thức',
    'Phong cách',
    'Đổi mới nội dung sinh hoạt chi bộ hằng tháng',
    '12 kỳ sinh hoạt có chuyên đề',
    `31/12/${year}`,
  ]);
  people.forEach((person, index) => {
    rows.push([
      String(person.id),
      person.fullName,
      person.cardNumber,
      `Khuyết điểm năm ${year} của ${person.fullName}`,
      index === 0 ? (overrides.area ?? 'Đạo đức') : 'Tư tưởng',
      `Việc làm thứ nhất của ${person.fullName}`,
      'Hoàn thành đúng hạn',
      null,
    ]);
    if (index === 0) rows.push([null, null, null, null, 'Phong cách', `Việc làm thứ hai của ${person.fullName}`, null, null]);
  });
  if (overrides.extraRow) rows.push(overrides.extraRow);
  return rows;
}
const uploadBook = (session: Session, rows: Array<Array<string | null>>, unitId = tree.C1.id) =>
  buildWorkbook('Sổ đăng ký', rows).then((content) =>
    session.upload(`/api/registrations/book/preview?unitId=${unitId}&year=${year}`, { fileName: 'sổ đăng ký.xlsx', content }),
  );

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await openWindow(ctx.db, tree.R.path, tree.R.id, year);
  for (const [index, fullName] of ['Trần Văn Bình', 'Lê Thị Cúc', 'Phạm Văn Dũng'].entries()) {
    const cardNumber = String(85_000_001 + index);
    people.push({ ...(await addPerson(ctx.db, tree.C1.path, { fullName, unitId: tree.C1.id, cardNumber })), fullName, cardNumber });
  }
  memberWithAccount = await addPerson(ctx.db, tree.C1.path, {
    fullName: 'Đỗ Thị Có Tài Khoản',
    unitId: tree.C1.id,
    cardNumber: '85000100',
  });
  personOfC2 = await addPerson(ctx.db, tree.C2.path, { fullName: 'Vũ Văn Chi Bộ Khác', unitId: tree.C2.id, cardNumber: '85000200' });
  await addUser(ctx.db, 'bithu.c1', [{ unitId: tree.C1.id, role: 'committee' }], 'Nguyễn Thị Bí Thư');
  await addUser(ctx.db, 'bithu.c2', [{ unitId: tree.C2.id, role: 'committee' }]);
  await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }]);
  const memberUser = await addUser(ctx.db, 'dangvien.c1', [{ unitId: tree.C1.id, role: 'member' }]);
  await linkUserToPerson(ctx.db, memberUser.id, memberWithAccount.id);
  secretary = await openSession(ctx.app, 'bithu.c1');
  secretaryC2 = await openSession(ctx.app, 'bithu.c2');
  officerA = await openSession(ctx.app, 'canbo.a');
  memberSession = await openSession(ctx.app, 'dangvien.c1');
});
afterAll(() => ctx.close());

describe('the register book of a cell', () => {
  it("gives a template listing the cell's members of the year after the collective row", async () => {
    const response = await secretary.get(`/api/registrations/book/template?unitId=${tree.C1.id}&year=${year}`);
    expect(response.statusCode).toBe(200);
    const sheet = (await readWorkbook(response.rawPayload)).get('Sổ đăng ký')!;
    expect(sheet[0]).toEqual(HEADERS);
    expect(sheet[1]?.slice(0, 2)).toEqual(['Tập thể', 'Tập thể Chi bộ Khu phố 1']);
    const listed = sheet.slice(2).map((row) => row[1]);
    // Vietnamese order, by given name first: Bình, Cúc, Dũng, Khoản.
    expect(listed).toEqual(['Trần Văn Bình', 'Lê Thị Cúc', 'Phạm Văn Dũng', 'Đỗ Thị Có Tài Khoản']);
    expect(sheet.slice(2).map((row) => row[0])).toContain(String(people[0]!.id));
  });

  it('reports every bad row of a book and writes nothing', async () => {
    const before = await registrationCount();
    const response = await uploadBook(
      secretary,
      bookRows({
        area: 'Văn hóa',
        extraRow: [String(personOfC2.id), personOfC2.fullName, null, 'Khuyết điểm', 'Đạo đức', 'Việc của người chi bộ khác', null, null],
      }),
    );
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json() as RegisterBookPreview;
    expect(preview.entries).toEqual([]);
    expect(preview.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'Lĩnh vực', message: expect.stringContaining('"Văn hóa" không hợp lệ') }),
      expect.objectContaining({
        row: 7,
        column: 'Mã số',
        message: `${personOfC2.fullName} không sinh hoạt ở Chi bộ Khu phố 1 trong năm ${year}`,
      }),
    ]);
    expect(await registrationCount()).toBe(before);
  });

  it('reports a registration without shortcomings and a member listed twice, as entering them would refuse', async () => {
    const rows = bookRows({
      extraRow: [String(people[1]!.id), people[1]!.fullName, null, 'Lần hai', 'Đạo đức', 'Việc ghi lại lần hai', null, null],
    });
    rows[5]![3] = null; // Phạm Văn Dũng's shortcomings
    const preview = (await uploadBook(secretary, rows)).json() as RegisterBookPreview;
    expect(preview.errors.map((error) => [error.row, error.column])).toEqual([
      [6, 'Hạn chế, khuyết điểm cần khắc phục'],
      [7, 'Mã số'],
    ]);
    expect(preview.errors[1]!.message).toContain('đã có ở dòng 5');
    const entered = await secretary.send('POST', '/api/registrations/entered', {
      unitId: tree.C1.id,
      year,
      outcome: 'approved',
      entries: [
        { personId: people[0]!.id, shortcomings: 'Có khuyết điểm', actions: [{ area: 'ethics', content: 'Việc một' }] },
        { personId: people[2]!.id, shortcomings: '', actions: [{ area: 'ethics', content: 'Việc hai' }] },
      ],
    });
    expect(entered.statusCode).toBe(400);
    expect(entered.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { entry: 1 } });
    expect(await registrationCount()).toBe(0);
  });

  it('enters a clean book in one write: approved, counted in its own year, each marked as typed in by the secretary', async () => {
    const preview = (await uploadBook(secretary, bookRows())).json() as RegisterBookPreview;
    expect(preview.errors).toEqual([]);
    expect(preview.entries.map((entry) => [entry.registrantName, entry.actions.length])).toEqual([
      ['Tập thể Chi bộ Khu phố 1', 1],
      ['Trần Văn Bình', 2],
      ['Lê Thị Cúc', 1],
      ['Phạm Văn Dũng', 1],
    ]);
    expect(preview.actionCount).toBe(5);
    const before = {
      individual: await counterAt(tree.A.id, REGISTRATION_METRICS.bucket('individual', 'approved', year)),
      collective: await counterAt(tree.A.id, REGISTRATION_METRICS.bucket('collective', 'approved', year)),
    };
    const response = await secretary.send('POST', '/api/registrations/entered', {
      unitId: tree.C1.id,
      year,
      outcome: 'approved',
      entries: preview.entries.map(({ personId, shortcomings, actions }) => ({ personId, shortcomings, actions })),
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().created).toHaveLength(4);
    const rows = await ctx.db.execute<{ status: string; entered_on_behalf: boolean; kind: string }>(
      sql`SELECT status, entered_on_behalf, kind FROM registrations WHERE year = ${year} AND unit_id = ${tree.C1.id}`,
    );
    expect(rows.rows.every((row) => row.status === 'approved' && row.entered_on_behalf)).toBe(true);
    expect(await counterAt(tree.A.id, REGISTRATION_METRICS.bucket('individual', 'approved', year))).toBe(before.individual + 3);
    expect(await counterAt(tree.A.id, REGISTRATION_METRICS.bucket('collective', 'approved', year))).toBe(before.collective + 1);
    const figures = (await officerA.get(`/api/registration-figures?unitId=${tree.A.id}&year=${year}`)).json();
    expect(figures.figures).toMatchObject({ registered: 3, collectiveRegistered: 1, approved: 4 });
    const detail = (await secretary.get(`/api/registrations/${response.json().created[1].id}`)).json() as RegistrationDetail;
    expect(detail.enteredOnBehalf).toBe(true);
    expect(detail.events.map((event) => [event.actorName, event.toStatus, event.onBehalf])).toEqual([
      ['Nguyễn Thị Bí Thư', 'draft', true],
      ['Nguyễn Thị Bí Thư', 'submitted', true],
      ['Nguyễn Thị Bí Thư', 'approved', false],
    ]);
    // The same book again: everyone now has a registration; the preview says so and nothing is doubled.
    const again = (await uploadBook(secretary, bookRows())).json() as RegisterBookPreview;
    expect(again.errors).toHaveLength(4);
    expect(again.errors[1]!.message).toBe(`Trần Văn Bình đã có bản đăng ký năm ${year}`);
  });

  it("lets the secretary enter one member's registration, which the member then sees as entered by her and can still work on", async () => {
    const response = await secretary.send('POST', '/api/registrations/entered', {
      unitId: tree.C1.id,
      year,
      entries: [
        {
          personId: memberWithAccount.id,
          shortcomings: 'Chưa chủ động tự học',
          actions: [{ area: 'thought', content: 'Đọc một cuốn sách về Bác mỗi quý' }],
        },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().outcome).toBe('draft');
    const id = response.json().created[0].id as number;
    const mine = (await memberSession.get(`/api/registrations/mine?year=${year}`)).json();
    expect(mine.registration).toMatchObject({ id, status: 'draft', enteredOnBehalf: true, canEdit: true });
    expect(mine.registration.events[0]).toMatchObject({ actorName: 'Nguyễn Thị Bí Thư', onBehalf: true });
    // The secretary may go on for the member; the secretary of another cell may not.
    const version = mine.registration.version as number;
    expect((await secretaryC2.send('POST', `/api/registrations/${id}/status`, { transition: 'submit', version })).statusCode).toBe(403);
    const submitted = await secretary.send('POST', `/api/registrations/${id}/status`, { transition: 'submit', version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().events.at(-1)).toMatchObject({ toStatus: 'submitted', onBehalf: true });
  });
});

describe('who may enter registrations for members', () => {
  const body = () => ({
    unitId: tree.C1.id,
    year,
    entries: [{ personId: people[0]!.id, shortcomings: 'x', actions: [{ area: 'ethics', content: 'y' }] }],
  });

  it('refuses anonymous callers, members and the secretary of another cell, writing nothing', async () => {
    const before = await registrationCount();
    const anonymous = await ctx.app.inject({ method: 'POST', url: '/api/registrations/entered', payload: body() });
    expect(anonymous.statusCode).toBe(401);
    for (const session of [memberSession, secretaryC2]) {
      expect((await session.send('POST', '/api/registrations/entered', body())).statusCode).toBe(403);
      expect((await session.get(`/api/registrations/book/template?unitId=${tree.C1.id}&year=${year}`)).statusCode).toBe(403);
      expect((await uploadBook(session, bookRows())).statusCode).toBe(403);
    }
    expect(await registrationCount()).toBe(before);
  });

  it("refuses a member of another cell in a cell's book, and a year no level has opened", async () => {
    const foreign = await officerA.send('POST', '/api/registrations/entered', {
      ...body(),
      entries: [{ personId: personOfC2.id, shortcomings: 'x', actions: [{ area: 'ethics', content: 'y' }] }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toContain('không sinh hoạt ở Chi bộ Khu phố 1');
    const unopened = await officerA.send('POST', '/api/registrations/entered', { ...body(), year: year - 5 });
    expect(unopened.statusCode).toBe(409);
    expect((await uploadBook(officerA, bookRows(), tree.C1.id)).statusCode).toBe(200);
    // The preview refuses what entering would: a year no level opened, and more actions than allowed.
    const content = await buildWorkbook('Sổ đăng ký', bookRows());
    const unopenedPreview = await officerA.upload(`/api/registrations/book/preview?unitId=${tree.C1.id}&year=${year - 5}`, {
      fileName: 'sổ.xlsx',
      content,
    });
    expect(unopenedPreview.statusCode).toBe(409);
    expect(unopenedPreview.json().error.message).toContain(`năm ${year - 5}`);
  });

  it('reports a registrant with more actions than allowed, and a file that is not the book', async () => {
    const extra = await addPerson(ctx.db, tree.C1.path, { fullName: 'Ngô Văn Nhiều Việc', unitId: tree.C1.id, cardNumber: '85000300' });
    const rows: Array<Array<string | null>> = [
      HEADERS,
      [String(extra.id), extra.fullName, null, 'Khuyết điểm', 'Đạo đức', 'Việc 1', null, null],
    ];
    for (let index = 2; index <= 11; index++) rows.push([null, null, null, null, 'Phong cách', `Việc ${index}`, null, null]);
    const preview = (await uploadBook(secretary, rows)).json() as RegisterBookPreview;
    expect(preview.entries).toEqual([]);
    expect(preview.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'Việc làm cụ thể', message: 'Ngô Văn Nhiều Việc có 11 việc làm, tối đa 10' }),
    ]);
    const notABook = await uploadBook(secretary, [
      ['Họ và tên', 'Giới tính'],
      ['Ngô Văn Nhiều Việc', 'Nam'],
    ]);
    expect(notABook.statusCode).toBe(400);
    expect(notABook.json().error).toMatchObject({ code: 'IMPORT_INVALID_FILE' });
    expect(notABook.json().error.message).toContain('"Mã số"');
  });
});
