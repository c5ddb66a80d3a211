import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { PERSON_COLUMNS, UNIT_COLUMNS } from '../src/server/modules/imports/excel/columns';
import { todayIso } from '../src/server/platform/dates';
import { addPerson, addUser, createUnitAsSystem, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import {
  buildWorkbook,
  openSession,
  readWorkbook,
  XLSX_CONTENT_TYPE,
  type Response,
  type Session,
  type SheetValue,
} from './helpers/session';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let root: Session;
let adminA: Session;
let officerA: Session;
let viewerB: Session;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'root', [{ unitId: tree.R.id, role: 'admin' }]);
  await addUser(ctx.db, 'admin.a', [{ unitId: tree.A.id, role: 'admin' }]);
  await addUser(ctx.db, 'officer.a', [{ unitId: tree.A.id, role: 'officer' }]);
  await addUser(ctx.db, 'viewer.b', [{ unitId: tree.B.id, role: 'viewer' }]);
  root = await openSession(ctx.app, 'root');
  adminA = await openSession(ctx.app, 'admin.a');
  officerA = await openSession(ctx.app, 'officer.a');
  viewerB = await openSession(ctx.app, 'viewer.b');
});
afterAll(() => ctx.close());

const PERSON_HEADERS = PERSON_COLUMNS.map((column) => column.header);
const UNIT_HEADERS = UNIT_COLUMNS.map((column) => column.header);
const PERSONAL_HEADERS = PERSON_COLUMNS.filter((column) => column.personal).map((column) => column.header);
const VIETNAMESE_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

type PersonRecord = Partial<Record<(typeof PERSON_HEADERS)[number], ExcelJS.CellValue>>;
type UnitRecord = Partial<Record<(typeof UNIT_HEADERS)[number], ExcelJS.CellValue>>;

let serial = 0;
/** A complete, valid row; every optional column filled so "unchanged" compares them all. */
function person(overrides: PersonRecord = {}): PersonRecord {
  serial += 1;
  return {
    'Họ và tên': `Nguyễn Thị Nhập ${serial}`,
    'Giới tính': 'Nữ',
    'Ngày sinh': '15/08/1985',
    'Đối tượng': 'Đảng viên',
    'Số thẻ đảng viên': String(20_000_000 + serial),
    'Số CCCD': `00118500${String(1000 + serial)}`,
    'Ngày vào Đảng': '19/05/2010',
    'Điện thoại': '0912 345 678',
    Email: `nhap${serial}@example.vn`,
    'Địa chỉ': 'Số 12 phố Hàng Bài',
    'Mã đơn vị': 'C1',
    'Chức vụ': 'Đảng viên',
    'Người đứng đầu': null,
    'Từ ngày': '01/09/2025',
    ...overrides,
  };
}

const peopleFile = (records: PersonRecord[], headers = PERSON_HEADERS) =>
  buildWorkbook('Danh sách', [headers, ...records.map((record) => headers.map((header) => record[header] ?? null))]);
const unitsFile = (records: UnitRecord[]) =>
  buildWorkbook('Đơn vị', [UNIT_HEADERS, ...records.map((record) => UNIT_HEADERS.map((header) => record[header] ?? null))]);

const upload = (session: Session, kind: 'people' | 'units', content: Buffer, fileName = 'danh-sach.xlsx') =>
  session.upload(`/api/imports/${kind}/preview`, { fileName, content });
const apply = (session: Session, batchId: string) => session.send('POST', `/api/imports/${batchId}/apply`);

/** Everything an import could touch, to prove that a refused step wrote nothing. */
async function snapshot() {
  const persons = await ctx.db.execute(sql`SELECT id, full_name, card_number, id_number, phone, version FROM persons ORDER BY id`);
  const memberships = await ctx.db.execute(
    sql`SELECT id, person_id, unit_id, from_date::text, to_date::text, position FROM memberships ORDER BY id`,
  );
  const figures = await ctx.db.execute(sql`SELECT unit_id, metric, day::text, delta FROM figure_counters ORDER BY unit_id, metric, day`);
  const units = await ctx.db.execute(sql`SELECT id, code, name, path::text, version FROM units ORDER BY id`);
  const versions = await ctx.db.execute(sql`SELECT count(*) AS n FROM unit_versions`);
  return { persons: persons.rows, memberships: memberships.rows, figures: figures.rows, units: units.rows, versions: versions.rows };
}

async function membersOf(unitId: number, asOf = '2026-01-01') {
  return (await root.get(`/api/figures?unitId=${unitId}&asOf=${asOf}`)).json().figures.members as number;
}

async function unitByCode(code: string) {
  return (
    await ctx.db.execute<{ id: number; path: string; name: string; parent_id: number | null; version: number }>(
      sql`SELECT id, path::text AS path, name, parent_id, version FROM units WHERE code = ${code}`,
    )
  ).rows[0];
}

function expectImportError(response: Response, code: string) {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.json().error.code).toBe(code);
  expect(response.json().error.message).toMatch(VIETNAMESE_LETTERS);
}

describe('templates', () => {
  for (const [kind, sheet, headers] of [
    ['people', 'Danh sách', PERSON_HEADERS],
    ['units', 'Đơn vị', UNIT_HEADERS],
  ] as const) {
    it(`gives a valid ${kind} workbook with the import headers and a guide`, async () => {
      const response = await officerA.get(`/api/imports/templates/${kind}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[\w.-]+\.xlsx"; filename\*=UTF-8''/);
      const book = await readWorkbook(response.rawPayload);
      expect(book.get(sheet)?.[0]).toEqual(headers);
      expect(book.get(sheet)).toHaveLength(1);
      const guide = book.get('Hướng dẫn');
      expect(guide?.slice(1).map((row) => row[0])).toEqual(headers);
    });
  }

  it('requires a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/imports/templates/people' })).statusCode).toBe(401);
  });
});

describe('importing people', () => {
  let batchId: string;
  let goodRows: PersonRecord[];
  let firstFile: Buffer;
  let before: Awaited<ReturnType<typeof snapshot>>;
  let membersBefore: { A: number; C1: number; C2: number; R: number };

  beforeAll(async () => {
    goodRows = [
      person({ 'Họ và tên': 'Nguyễn Thị Hoa' }),
      person({ 'Họ và tên': 'Trần Văn Bảo', 'Giới tính': 'Nam', 'Mã đơn vị': 'C2', 'Người đứng đầu': 'x', 'Chức vụ': 'Bí thư' }),
    ];
    firstFile = await peopleFile([
      goodRows[0]!,
      person({ 'Mã đơn vị': 'KHONG_CO' }),
      person({ 'Ngày sinh': '31/02/1990' }),
      person({ 'Số thẻ đảng viên': goodRows[0]!['Số thẻ đảng viên'] }),
      goodRows[1]!,
    ]);
  });

  it('previews a file: lists each bad row with its row number, column and a Vietnamese message, and writes nothing', async () => {
    before = await snapshot();
    membersBefore = {
      A: await membersOf(tree.A.id),
      C1: await membersOf(tree.C1.id),
      C2: await membersOf(tree.C2.id),
      R: await membersOf(tree.R.id),
    };
    const response = await upload(officerA, 'people', firstFile, 'Danh sách tháng 9.xlsx');
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview.fileName).toBe('Danh sách tháng 9.xlsx');
    expect(preview).toMatchObject({ totalRows: 5, validRows: 2, creates: 2, updates: 0, unchanged: 0 });
    expect(preview.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'Mã đơn vị'],
      [4, 'Ngày sinh'],
      [5, 'Số thẻ đảng viên'],
    ]);
    expect(preview.errors[0].message).toContain('KHONG_CO');
    expect(preview.errors[1].message).toContain('31/02/1990');
    expect(preview.errors[2].message).toContain('dòng 2');
    for (const error of preview.errors) expect(error.message).toMatch(VIETNAMESE_LETTERS);
    expect(await snapshot()).toEqual(before);
    batchId = preview.batchId;
  });

  it('applies the valid rows in one go: people, memberships, figures and audit', async () => {
    const response = await apply(officerA, batchId);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const after = await snapshot();
    expect(after.persons.length).toBe(before.persons.length + 2);
    expect(after.memberships.length).toBe(before.memberships.length + 2);
    const imported = await ctx.db.execute<{
      full_name: string;
      code: string;
      from_date: string;
      position: string;
      is_head: boolean;
      phone: string;
      birth_date: string;
    }>(sql`
      SELECT p.full_name, u.code, m.from_date::text AS from_date, m.position, m.is_head, p.phone, p.birth_date::text AS birth_date
      FROM persons p JOIN memberships m ON m.person_id = p.id JOIN units u ON u.id = m.unit_id
      WHERE p.full_name IN ('Nguyễn Thị Hoa', 'Trần Văn Bảo') ORDER BY p.id`);
    expect(imported.rows).toEqual([
      {
        full_name: 'Nguyễn Thị Hoa',
        code: 'C1',
        from_date: '2025-09-01',
        position: 'party_member',
        is_head: false,
        phone: '0912 345 678',
        birth_date: '1985-08-15',
      },
      {
        full_name: 'Trần Văn Bảo',
        code: 'C2',
        from_date: '2025-09-01',
        position: 'secretary',
        is_head: true,
        phone: '0912 345 678',
        birth_date: '1985-08-15',
      },
    ]);
    expect(await membersOf(tree.A.id)).toBe(membersBefore.A + 2);
    expect(await membersOf(tree.C1.id)).toBe(membersBefore.C1 + 1);
    expect(await membersOf(tree.C2.id)).toBe(membersBefore.C2 + 1);
    expect(await membersOf(tree.R.id)).toBe(membersBefore.R + 2);
    expect(await membersOf(tree.A.id, '2025-08-31')).toBe(0);
    const audit = await ctx.db.execute<{ action: string; n: number }>(
      sql`SELECT action, count(*) AS n FROM audit_log WHERE action IN ('import.people', 'person.import_create') GROUP BY action ORDER BY action`,
    );
    expect(audit.rows.map((r) => [r.action, Number(r.n)])).toEqual([
      ['import.people', 1],
      ['person.import_create', 2],
    ]);
    const entries = await ctx.db.execute<{
      entity_id: string;
      unit_path: string;
      full_name: string;
      unit_id: number;
      person_id: number;
    }>(sql`
      SELECT a.entity_id, a.unit_path, a.after->>'full_name' AS full_name, (a.after->>'unit_id')::bigint AS unit_id, m.person_id
      FROM audit_log a JOIN memberships m ON m.person_id = a.entity_id::bigint AND m.to_date IS NULL
      WHERE a.action = 'person.import_create'`);
    for (const entry of entries.rows) {
      expect(entry.full_name).toBeTruthy();
      expect(Number(entry.unit_id)).toBeGreaterThan(0);
      expect(entry.unit_path.split('.').at(-1)).toBe(String(entry.unit_id));
    }
  });

  it('refuses to apply the same batch twice (409 INVALID_STATE) and writes nothing', async () => {
    const state = await snapshot();
    const again = await apply(officerA, batchId);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_STATE');
    expect(await snapshot()).toEqual(state);
  });

  it('lets nobody else apply someone’s batch', async () => {
    const preview = (await upload(officerA, 'people', await peopleFile([person()]))).json();
    const state = await snapshot();
    const other = await apply(adminA, preview.batchId);
    expect(other.statusCode).toBe(404);
    expect(await snapshot()).toEqual(state);
    expect((await apply(officerA, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await apply(officerA, 'khong-phai-uuid')).statusCode).toBe(400);
  });

  it('finds nothing to change when the same file comes again, and applying it changes nothing', async () => {
    const state = await snapshot();
    const response = await upload(officerA, 'people', firstFile);
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({ totalRows: 5, validRows: 2, creates: 0, updates: 0, unchanged: 2 });
    expect(preview.errors).toHaveLength(3);
    const applied = await apply(officerA, preview.batchId);
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await snapshot()).toEqual(state);
  });

  it('updates a changed row and moves a person whose unit changed', async () => {
    const state = await snapshot();
    const changed = await peopleFile([
      { ...goodRows[0]!, 'Điện thoại': '0988 000 111' },
      { ...goodRows[1]!, 'Mã đơn vị': 'C1', 'Từ ngày': '01/03/2026' },
    ]);
    const preview = (await upload(officerA, 'people', changed)).json();
    expect(preview).toMatchObject({ creates: 0, updates: 2, unchanged: 0, errors: [] });
    const c2Before = await membersOf(tree.C2.id, '2026-03-01');
    const c1Before = await membersOf(tree.C1.id, '2026-03-01');
    expect((await apply(officerA, preview.batchId)).json()).toEqual({ created: 0, updated: 2, unchanged: 0 });
    const after = await snapshot();
    expect(after.persons.length).toBe(state.persons.length);
    expect(after.memberships.length).toBe(state.memberships.length + 1);
    const bao = await ctx.db.execute<{ code: string; from_date: string; to_date: string | null }>(sql`
      SELECT u.code, m.from_date::text AS from_date, m.to_date::text AS to_date FROM memberships m
      JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id WHERE p.full_name = 'Trần Văn Bảo' ORDER BY m.id`);
    expect(bao.rows).toEqual([
      { code: 'C2', from_date: '2025-09-01', to_date: '2026-03-01' },
      { code: 'C1', from_date: '2026-03-01', to_date: null },
    ]);
    expect(await membersOf(tree.C2.id, '2026-03-01')).toBe(c2Before - 1);
    expect(await membersOf(tree.C1.id, '2026-03-01')).toBe(c1Before + 1);
    const hoa = await ctx.db.execute<{ phone: string }>(sql`SELECT phone FROM persons WHERE full_name = 'Nguyễn Thị Hoa'`);
    expect(hoa.rows[0]!.phone).toBe('0988 000 111');
  });

  it('reports rows for units outside the officer’s subtree as "không có quyền"', async () => {
    const outsider = await addPerson(ctx.db, tree.C3.path, { fullName: 'Lương Văn Xa', unitId: tree.C3.id, cardNumber: '31000001' });
    const state = await snapshot();
    const response = await upload(
      officerA,
      'people',
      await peopleFile([
        person({ 'Mã đơn vị': 'C3' }),
        person({ 'Mã đơn vị': 'B' }),
        person({ 'Họ và tên': 'Lương Văn Xa', 'Số thẻ đảng viên': '31000001', 'Mã đơn vị': 'C1' }),
        person(),
      ]),
    );
    const preview = response.json();
    expect(preview).toMatchObject({ totalRows: 4, validRows: 1, creates: 1 });
    expect(preview.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'Mã đơn vị'],
      [3, 'Mã đơn vị'],
      [4, 'Số thẻ đảng viên'],
    ]);
    expect(preview.errors[0].message).toContain('không có quyền');
    expect(preview.errors[1].message).toContain('không có quyền');
    expect(preview.errors[2].message).toContain('ngoài phạm vi');
    expect(await snapshot()).toEqual(state);
    const stillThere = await ctx.db.execute<{ code: string }>(sql`
      SELECT u.code FROM memberships m JOIN units u ON u.id = m.unit_id WHERE m.person_id = ${outsider.id} AND m.to_date IS NULL`);
    expect(stillThere.rows).toEqual([{ code: 'C3' }]);
  });

  it('refuses a person import to roles without the right (403), writing nothing', async () => {
    const state = await snapshot();
    const response = await upload(viewerB, 'people', await peopleFile([person({ 'Mã đơn vị': 'C3' })]));
    expect(response.statusCode).toBe(403);
    expect(await snapshot()).toEqual(state);
  });
});

describe('data that changes between preview and apply', () => {
  it('fails with 409 and writes nothing when a unit of the file was closed meanwhile', async () => {
    const C5 = await createUnitAsSystem(ctx.db, 'C5', 'Chi bộ Khu phố 5', 'cell', tree.A.id);
    const preview = (await upload(officerA, 'people', await peopleFile([person(), person({ 'Mã đơn vị': 'C5' })]))).json();
    expect(preview).toMatchObject({ creates: 2, errors: [] });
    const version = (await root.get(`/api/units/${C5.id}`)).json().version;
    expect((await root.send('POST', `/api/units/${C5.id}/close`, { version, effectiveDate: todayIso() })).statusCode).toBe(200);
    const state = await snapshot();
    const response = await apply(officerA, preview.batchId);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details.errors.map((e: { row: number }) => e.row)).toEqual([3]);
    expect(await snapshot()).toEqual(state);
  });

  it('fails with 409 and writes nothing when a unit of the file moved out of the subtree meanwhile', async () => {
    const C6 = await createUnitAsSystem(ctx.db, 'C6', 'Chi bộ Khu phố 6', 'cell', tree.A.id);
    const preview = (await upload(officerA, 'people', await peopleFile([person({ 'Mã đơn vị': 'C6' }), person()]))).json();
    expect(preview).toMatchObject({ creates: 2, errors: [] });
    const version = (await root.get(`/api/units/${C6.id}`)).json().version;
    expect((await root.send('POST', `/api/units/${C6.id}/move`, { parentId: tree.B.id, version })).statusCode).toBe(200);
    const state = await snapshot();
    const response = await apply(officerA, preview.batchId);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details.errors.map((e: { row: number }) => e.row)).toEqual([2]);
    expect(await snapshot()).toEqual(state);
  });

  it('fails with 409 and writes nothing when a card number of the file was given to someone else meanwhile', async () => {
    const newcomer = person({ 'Họ và tên': 'Tạ Văn Mới' });
    const preview = (await upload(officerA, 'people', await peopleFile([person(), newcomer]))).json();
    expect(preview).toMatchObject({ creates: 2, errors: [] });
    const other = await officerA.send('POST', '/api/people', {
      fullName: 'Người Khác Hẳn',
      sex: 'male',
      category: 'party_member',
      cardNumber: newcomer['Số thẻ đảng viên'],
      idNumber: '001199009999',
      unitId: tree.C2.id,
      position: 'party_member',
      fromDate: '2025-09-01',
    });
    expect(other.statusCode).toBe(201);
    const state = await snapshot();
    const response = await apply(officerA, preview.batchId);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details.errors.map((e: { row: number }) => e.row)).toEqual([3]);
    expect(await snapshot()).toEqual(state);
    const kept = await ctx.db.execute<{ full_name: string; id_number: string }>(
      sql`SELECT full_name, id_number FROM persons WHERE id = ${other.json().id}`,
    );
    expect(kept.rows).toEqual([{ full_name: 'Người Khác Hẳn', id_number: '001199009999' }]);
  });

  it('fails with 409 when the person a row updates now holds another card, and the card went to someone else', async () => {
    const existing = (
      await officerA.send('POST', '/api/people', {
        fullName: 'Chu Văn Cũ',
        sex: 'male',
        category: 'party_member',
        cardNumber: '41000001',
        unitId: tree.C1.id,
        position: 'party_member',
        fromDate: '2025-09-01',
      })
    ).json();
    const preview = (
      await upload(
        officerA,
        'people',
        await peopleFile([person({ 'Họ và tên': 'Chu Văn Cũ', 'Số thẻ đảng viên': '41000001', 'Số CCCD': null })]),
      )
    ).json();
    expect(preview).toMatchObject({ updates: 1, errors: [] });
    // The card is corrected: it now belongs to another person, and the first one gets a new card.
    expect(
      (
        await officerA.send('PATCH', `/api/people/${existing.id}`, {
          fullName: 'Chu Văn Cũ',
          sex: 'male',
          category: 'party_member',
          cardNumber: '41000002',
          version: existing.version,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await officerA.send('POST', '/api/people', {
          fullName: 'Chủ Mới Của Thẻ',
          sex: 'male',
          category: 'party_member',
          cardNumber: '41000001',
          unitId: tree.C1.id,
          position: 'party_member',
          fromDate: '2025-09-01',
        })
      ).statusCode,
    ).toBe(201);
    const state = await snapshot();
    const response = await apply(officerA, preview.batchId);
    expect(response.statusCode).toBe(409);
    expect(await snapshot()).toEqual(state);
  });
});

describe('refused files', () => {
  it('refuses a file that is not an xlsx, or is empty, with 400 IMPORT_INVALID_FILE and no batch', async () => {
    const batches = async () => Number((await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM import_batches`)).rows[0]!.n);
    const before = await batches();
    expectImportError(
      await upload(officerA, 'people', Buffer.from('Họ và tên;Giới tính\nNguyễn Văn A;Nam\n'), 'danh-sach.csv'),
      'IMPORT_INVALID_FILE',
    );
    expectImportError(await upload(officerA, 'people', Buffer.alloc(0)), 'IMPORT_INVALID_FILE');
    // Looks like a zip at first glance, but is not a workbook.
    expectImportError(
      await upload(officerA, 'people', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)])),
      'IMPORT_INVALID_FILE',
    );
    expect(await batches()).toBe(before);
  });

  it('refuses a workbook missing a required column, naming it', async () => {
    const state = await snapshot();
    const headers = PERSON_HEADERS.filter((header) => header !== 'Họ và tên');
    const response = await upload(officerA, 'people', await peopleFile([person()], headers));
    expectImportError(response, 'IMPORT_INVALID_FILE');
    expect(response.json().error.message).toContain('Họ và tên');
    expect(await snapshot()).toEqual(state);
  });

  it('refuses a request without a file', async () => {
    const response = await officerA.send('POST', '/api/imports/people/preview', { file: 'khong-phai-tep' });
    expect(response.statusCode).toBe(400);
  });
});

describe('importing units', () => {
  it('creates units whose parent comes later in the file, renames an existing unit with history, in one apply', async () => {
    const state = await snapshot();
    const file = await unitsFile([
      {
        'Mã đơn vị': 'D1',
        'Tên đơn vị': 'Chi bộ Tổ dân phố 1',
        'Loại đơn vị': 'Chi bộ trực thuộc',
        'Mã đơn vị cấp trên': 'G2',
        'Ngày thành lập': '01/09/2025',
      },
      {
        'Mã đơn vị': 'G2',
        'Tên đơn vị': 'Đảng bộ Trường Tiểu học An Bình',
        'Loại đơn vị': 'Đảng bộ cơ sở',
        'Mã đơn vị cấp trên': 'A',
        'Ngày thành lập': '01/09/2025',
      },
      { 'Mã đơn vị': 'C2', 'Tên đơn vị': 'Chi bộ Khu phố 2 mới', 'Loại đơn vị': 'Chi bộ trực thuộc', 'Mã đơn vị cấp trên': 'A' },
      { 'Mã đơn vị': 'C1', 'Tên đơn vị': 'Chi bộ Khu phố 1', 'Loại đơn vị': 'Chi bộ trực thuộc', 'Mã đơn vị cấp trên': 'A' },
    ]);
    const preview = (await upload(adminA, 'units', file)).json();
    expect(preview).toMatchObject({ totalRows: 4, validRows: 4, creates: 2, updates: 1, unchanged: 1, errors: [] });
    expect(await snapshot()).toEqual(state);
    const unitsBefore = (await root.get(`/api/figures?unitId=${tree.A.id}`)).json().figures.units;

    const applied = await apply(adminA, preview.batchId);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toEqual({ created: 2, updated: 1, unchanged: 1 });
    const G2 = (await unitByCode('G2'))!;
    const D1 = (await unitByCode('D1'))!;
    expect(G2.path).toBe(`${tree.A.path}.${G2.id}`);
    expect(D1.path).toBe(`${G2.path}.${D1.id}`);
    expect((await root.get(`/api/figures?unitId=${tree.A.id}`)).json().figures.units).toBe(unitsBefore + 2);

    const history = (await adminA.get(`/api/units/${tree.C2.id}/history`)).json();
    expect(history.map((h: { name: string; validTo: string | null }) => [h.name, h.validTo])).toEqual([
      ['Chi bộ Khu phố 2', todayIso()],
      ['Chi bộ Khu phố 2 mới', null],
    ]);
    expect((await unitByCode('C1'))!.version).toBe(tree.C1.version);
  });

  it('reports in the preview the founding dates apply would refuse, so a clean preview applies', async () => {
    const state = await snapshot();
    const preview = (
      await upload(
        adminA,
        'units',
        await unitsFile([
          // Before its existing parent was founded (A: 01/07/2025).
          {
            'Mã đơn vị': 'E1',
            'Tên đơn vị': 'Chi bộ E1',
            'Loại đơn vị': 'Chi bộ trực thuộc',
            'Mã đơn vị cấp trên': 'A',
            'Ngày thành lập': '01/01/2016',
          },
          // Before its parent of the same file.
          {
            'Mã đơn vị': 'E2',
            'Tên đơn vị': 'Đảng bộ E2',
            'Loại đơn vị': 'Đảng bộ cơ sở',
            'Mã đơn vị cấp trên': 'A',
            'Ngày thành lập': '01/09/2025',
          },
          {
            'Mã đơn vị': 'E3',
            'Tên đơn vị': 'Chi bộ E3',
            'Loại đơn vị': 'Chi bộ trực thuộc',
            'Mã đơn vị cấp trên': 'E2',
            'Ngày thành lập': '01/08/2025',
          },
          {
            'Mã đơn vị': 'E4',
            'Tên đơn vị': 'Chi bộ E4',
            'Loại đơn vị': 'Chi bộ trực thuộc',
            'Mã đơn vị cấp trên': 'E2',
            'Ngày thành lập': '01/10/2025',
          },
        ]),
      )
    ).json();
    expect(preview).toMatchObject({ totalRows: 4, validRows: 2, creates: 2 });
    expect(preview.errors).toEqual([
      {
        row: 2,
        column: 'Ngày thành lập',
        message: 'Ngày hiệu lực 01/01/2016 không được trước ngày thành lập của đơn vị cấp trên (01/07/2025).',
      },
      {
        row: 4,
        column: 'Ngày thành lập',
        message: 'Ngày hiệu lực 01/08/2025 không được trước ngày thành lập của đơn vị cấp trên (01/09/2025).',
      },
    ]);
    expect(await snapshot()).toEqual(state);
    // The rows the preview accepted are exactly what apply writes.
    const applied = await apply(adminA, preview.batchId);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await unitByCode('E1')).toBeUndefined();
    const e4 = await ctx.db.execute<{ valid_from: string }>(sql`SELECT valid_from FROM units WHERE code = 'E4'`);
    expect(e4.rows[0]?.valid_from).toBe('2025-10-01');
  });

  it('reports in the preview a rename dated before the latest change of the unit, as apply would refuse it', async () => {
    await createUnitAsSystem(ctx.db, 'F1', 'Chi bộ sẽ thành lập', 'cell', tree.A.id, '2099-01-01');
    const state = await snapshot();
    const preview = (
      await upload(
        adminA,
        'units',
        await unitsFile([
          { 'Mã đơn vị': 'F1', 'Tên đơn vị': 'Chi bộ đổi tên', 'Loại đơn vị': 'Chi bộ trực thuộc', 'Mã đơn vị cấp trên': 'A' },
        ]),
      )
    ).json();
    expect(preview.validRows).toBe(0);
    expect(preview.errors[0].message).toContain('lần thay đổi gần nhất của đơn vị (01/01/2099)');
    expect(await snapshot()).toEqual(state);
  });

  it('refuses a cycle of parents inside the file', async () => {
    const state = await snapshot();
    const preview = (
      await upload(
        adminA,
        'units',
        await unitsFile([
          { 'Mã đơn vị': 'X1', 'Tên đơn vị': 'Chi bộ X1', 'Loại đơn vị': 'Chi bộ trực thuộc', 'Mã đơn vị cấp trên': 'X2' },
          { 'Mã đơn vị': 'X2', 'Tên đơn vị': 'Chi bộ X2', 'Loại đơn vị': 'Chi bộ trực thuộc', 'Mã đơn vị cấp trên': 'X1' },
        ]),
      )
    ).json();
    expect(preview.validRows).toBe(0);
    expect(preview.errors.map((e: { row: number }) => e.row)).toEqual(expect.arrayContaining([2, 3]));
    expect(preview.errors.some((e: { message: string }) => e.message.includes('vòng lặp'))).toBe(true);
    const refused = await apply(adminA, preview.batchId);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('IMPORT_NOTHING_TO_APPLY');
    expect(await snapshot()).toEqual(state);
  });

  it('refuses a cycle through an existing unit placed under a new unit of its own subtree', async () => {
    const state = await snapshot();
    const preview = (
      await upload(
        adminA,
        'units',
        await unitsFile([
          { 'Mã đơn vị': 'C1', 'Tên đơn vị': 'Chi bộ Khu phố 1', 'Loại đơn vị': 'Chi bộ trực thuộc', 'Mã đơn vị cấp trên': 'N1' },
          { 'Mã đơn vị': 'N1', 'Tên đơn vị': 'Tổ đảng N1', 'Loại đơn vị': 'Tổ đảng', 'Mã đơn vị cấp trên': 'C1' },
        ]),
      )
    ).json();
    expect(preview.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([[2, 'Mã đơn vị cấp trên']]);
    expect(preview.errors[0].message).toContain('chính nó');
    // The new unit on its own is fine: it is created under C1, which stays where it was.
    expect(preview).toMatchObject({ validRows: 1, creates: 1, updates: 0 });
    expect(await snapshot()).toEqual(state);
    const applied = await apply(adminA, preview.batchId);
    expect(applied.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const C1 = (await unitByCode('C1'))!;
    expect(C1.parent_id).toBe(tree.A.id);
    expect(C1.path).toBe(tree.C1.path);
    const N1 = (await unitByCode('N1'))!;
    expect(N1.path).toBe(`${tree.C1.path}.${N1.id}`);
  });

  it('writes nothing when rows together would make a loop of existing units', async () => {
    const state = await snapshot();
    const preview = (
      await upload(
        adminA,
        'units',
        await unitsFile([
          { 'Mã đơn vị': 'C1', 'Tên đơn vị': 'Chi bộ Khu phố 1', 'Loại đơn vị': 'Chi bộ trực thuộc', 'Mã đơn vị cấp trên': 'N2' },
          { 'Mã đơn vị': 'N2', 'Tên đơn vị': 'Tổ đảng N2', 'Loại đơn vị': 'Tổ đảng', 'Mã đơn vị cấp trên': 'C2' },
          { 'Mã đơn vị': 'C2', 'Tên đơn vị': 'Chi bộ Khu phố 2 mới', 'Loại đơn vị': 'Chi bộ trực thuộc', 'Mã đơn vị cấp trên': 'C1' },
        ]),
      )
    ).json();
    const applied = await apply(adminA, preview.batchId);
    expect(applied.statusCode).toBeGreaterThanOrEqual(400);
    expect(applied.statusCode).toBeLessThan(500);
    expect(await snapshot()).toEqual(state);
  });

  it('refuses units outside the administrator’s subtree, and unit imports to officers', async () => {
    const preview = (
      await upload(
        adminA,
        'units',
        await unitsFile([
          { 'Mã đơn vị': 'Y1', 'Tên đơn vị': 'Chi bộ Y1', 'Loại đơn vị': 'Chi bộ trực thuộc', 'Mã đơn vị cấp trên': 'B' },
          { 'Mã đơn vị': 'C3', 'Tên đơn vị': 'Đổi tên C3', 'Loại đơn vị': 'Chi bộ trực thuộc', 'Mã đơn vị cấp trên': 'B' },
          { 'Mã đơn vị': 'Y2', 'Tên đơn vị': 'Đảng bộ gốc mới', 'Loại đơn vị': 'Đảng bộ cơ sở' },
        ]),
      )
    ).json();
    expect(preview.validRows).toBe(0);
    expect(preview.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'Mã đơn vị cấp trên'],
      [3, 'Mã đơn vị'],
      [4, 'Mã đơn vị cấp trên'],
    ]);
    expect(preview.errors[0].message).toContain('ngoài phạm vi');
    const state = await snapshot();
    expect(
      (
        await upload(
          officerA,
          'units',
          await unitsFile([
            { 'Mã đơn vị': 'Y3', 'Tên đơn vị': 'Chi bộ Y3', 'Loại đơn vị': 'Chi bộ trực thuộc', 'Mã đơn vị cấp trên': 'A' },
          ]),
        )
      ).statusCode,
    ).toBe(403);
    expect(await snapshot()).toEqual(state);
  });
});

describe('exports', () => {
  let hoaCard: string;
  beforeAll(async () => {
    await addPerson(ctx.db, tree.C3.path, { fullName: 'Cao Thị Bê', unitId: tree.C3.id, cardNumber: '52000001', idNumber: '001080520001' });
    hoaCard = (await ctx.db.execute<{ card_number: string }>(sql`SELECT card_number FROM persons WHERE full_name = 'Nguyễn Thị Hoa'`))
      .rows[0]!.card_number;
  });

  const download = async (session: Session, url: string) => {
    const response = await session.get(url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    expect(response.headers['content-disposition']).toMatch(/^attachment;/);
    return readWorkbook(response.rawPayload);
  };
  const column = (rows: SheetValue[][], header: string) => {
    const index = rows[0]!.indexOf(header);
    expect(index, header).toBeGreaterThanOrEqual(0);
    return rows.slice(1).map((row) => row[index]);
  };

  it('exports only the units the user may see', async () => {
    const forB = (await download(viewerB, '/api/exports/units')).get('Đơn vị')!;
    expect(forB[0]!.slice(0, 4)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã đơn vị cấp trên']);
    // C6 was moved from A to B above.
    expect(column(forB, 'Mã đơn vị')).toEqual(['B', 'C3', 'C6']);
    expect(column(forB, 'Tên đơn vị')).toEqual(['Đảng ủy xã Đông Hòa', 'Chi bộ thôn Phú Lộc', 'Chi bộ Khu phố 6']);
    expect(column(forB, 'Mã đơn vị cấp trên')).toEqual(['R', 'B', 'B']);
    const forRoot = column((await download(root, '/api/exports/units')).get('Đơn vị')!, 'Mã đơn vị');
    expect(forRoot).toEqual(expect.arrayContaining(['R', 'A', 'B', 'C1', 'C2', 'C3', 'G2', 'D1']));
    expect(forRoot).not.toContain('C5');
    const underA = column((await download(root, `/api/exports/units?under=${tree.A.id}`)).get('Đơn vị')!, 'Mã đơn vị');
    expect(underA).not.toContain('B');
    expect(underA).toContain('A');
    expect((await viewerB.get(`/api/exports/units?under=${tree.A.id}`)).statusCode).toBe(403);
  });

  it('exports only the people the user may see, without personal columns for a viewer', async () => {
    const forB = (await download(viewerB, '/api/exports/people')).get('Danh sách')!;
    for (const header of PERSONAL_HEADERS) expect(forB[0], header).not.toContain(header);
    expect(column(forB, 'Họ và tên')).toEqual(['Cao Thị Bê', 'Lương Văn Xa']);
    expect(column(forB, 'Mã đơn vị')).toEqual(['C3', 'C3']);
    expect(JSON.stringify(forB)).not.toContain('52000001');
    expect(JSON.stringify(forB)).not.toContain('001080520001');
    expect((await viewerB.get(`/api/exports/people?unitId=${tree.A.id}`)).statusCode).toBe(403);

    const forA = (await download(officerA, '/api/exports/people')).get('Danh sách')!;
    for (const header of PERSONAL_HEADERS) expect(forA[0], header).toContain(header);
    const namesA = column(forA, 'Họ và tên');
    expect(namesA).toContain('Nguyễn Thị Hoa');
    expect(namesA).not.toContain('Cao Thị Bê');
    expect(column(forA, 'Số thẻ đảng viên')).toContain(hoaCard);
    const units = new Set(column(forA, 'Mã đơn vị'));
    for (const code of units) expect(['C1', 'C2']).toContain(code);
  });

  it('exports a file that imports back with nothing to change', async () => {
    const response = await officerA.get(`/api/exports/people?unitId=${tree.C1.id}`);
    const state = await snapshot();
    const preview = (await upload(officerA, 'people', response.rawPayload)).json();
    expect(preview.errors).toEqual([]);
    expect(preview.totalRows).toBeGreaterThan(0);
    expect(preview).toMatchObject({ creates: 0, updates: 0, unchanged: preview.totalRows });
    expect((await apply(officerA, preview.batchId)).json()).toEqual({ created: 0, updated: 0, unchanged: preview.totalRows });
    expect(await snapshot()).toEqual(state);
  });
});
