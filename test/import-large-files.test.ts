import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PERSON_COLUMNS } from '../src/server/modules/imports/excel/columns';
import { collectRows, openXlsx } from '../src/server/modules/imports/excel/xlsx-file';
import { addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { buildWorkbook, openSession, type Session } from './helpers/session';

let ctx: TestContext;
let root: Session;

beforeAll(async () => {
  ctx = await startTestApp();
  await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'root', [
    { unitId: (await ctx.db.execute<{ id: number }>(sql`SELECT id FROM units WHERE code = 'R'`)).rows[0]!.id, role: 'admin' },
  ]);
  root = await openSession(ctx.app, 'root');
});
afterAll(() => ctx.close());

const HEADERS = PERSON_COLUMNS.map((column) => column.header);

/** `count` people rows for the cell C1, every seventh without a name (an error to report). */
function peopleRows(count: number) {
  return Array.from({ length: count }, (_, index) =>
    HEADERS.map((header) => {
      switch (header) {
        case 'Họ và tên':
          return index % 7 === 6 ? null : `Trần Văn Lớn ${index + 1}`;
        case 'Giới tính':
          return 'Nam';
        case 'Đối tượng':
          return 'Đảng viên';
        case 'Số thẻ đảng viên':
          return String(30_000_000 + index);
        case 'Mã đơn vị':
          return 'C1';
        case 'Chức vụ':
          return 'Đảng viên';
        case 'Từ ngày':
          return '01/09/2025';
        default:
          return null;
      }
    }),
  );
}

describe('large import files', () => {
  it('are read in a worker thread with the same outcome: counts, row errors, nothing written before apply', async () => {
    const file = await buildWorkbook('Danh sách', [HEADERS, ...peopleRows(20_000)]);
    expect(file.length).toBeGreaterThan(512 * 1024);
    const before = Number((await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM persons`)).rows[0]!.n);
    const response = await root.upload('/api/imports/people/preview', { fileName: 'lớn.xlsx', content: file });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview.totalRows).toBe(20_000);
    expect(preview.creates).toBe(20_000 - Math.floor(20_000 / 7));
    expect(preview.errors[0]).toMatchObject({ row: 8, column: 'Họ và tên' });
    expect(Number((await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM persons`)).rows[0]!.n)).toBe(before);
  });

  it('report a file problem found in the worker as the same 400 a small file gets', async () => {
    const withoutUnitColumn = HEADERS.filter((header) => header !== 'Mã đơn vị');
    const rows = peopleRows(20_000).map((row) => row.filter((_, index) => HEADERS[index] !== 'Mã đơn vị'));
    const file = await buildWorkbook('Danh sách', [withoutUnitColumn, ...rows]);
    expect(file.length).toBeGreaterThan(512 * 1024);
    const response = await root.upload('/api/imports/people/preview', { fileName: 'thiếu cột.xlsx', content: file });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'IMPORT_INVALID_FILE',
      message: 'Tệp thiếu cột bắt buộc: "Mã đơn vị". Hãy dùng tệp mẫu.',
    });
  });

  it('read side by side in the one reader thread each get their own answer', async () => {
    const good = await buildWorkbook('Danh sách', [HEADERS, ...peopleRows(20_000)]);
    const withoutName = HEADERS.filter((header) => header !== 'Họ và tên');
    const bad = await buildWorkbook('Danh sách', [
      withoutName,
      ...peopleRows(30_000).map((row) => row.filter((_, index) => HEADERS[index] !== 'Họ và tên')),
    ]);
    expect(Math.min(good.length, bad.length)).toBeGreaterThan(512 * 1024);
    const [first, second, third] = await Promise.all([
      root.upload('/api/imports/people/preview', { fileName: 'một.xlsx', content: good }),
      root.upload('/api/imports/people/preview', { fileName: 'hai.xlsx', content: bad }),
      root.upload('/api/imports/people/preview', { fileName: 'ba.xlsx', content: good }),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ fileName: 'một.xlsx', totalRows: 20_000, creates: 20_000 - Math.floor(20_000 / 7) });
    expect(second.statusCode).toBe(400);
    expect(second.json().error.message).toBe('Tệp thiếu cột bắt buộc: "Họ và tên". Hãy dùng tệp mẫu.');
    expect(third.statusCode, third.body).toBe(200);
    expect(third.json()).toMatchObject({ fileName: 'ba.xlsx', totalRows: 20_000, creates: 20_000 - Math.floor(20_000 / 7) });
  });

  it('refuse a sheet with more rows than allowed as soon as the row past the limit is read, saying how to split it', async () => {
    const file = await buildWorkbook('Danh sách', [HEADERS, ...peopleRows(5)]);
    const book = await openXlsx(file, { maxRows: 5 });
    const error = await collectRows(book.sheets[0]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'IMPORT_INVALID_FILE',
      message: 'Trang tính có hơn 5 dòng. Hãy chia danh sách thành nhiều tệp, mỗi tệp không quá 5 dòng.',
    });
    expect(await collectRows((await openXlsx(file, { maxRows: 6 })).sheets[0])).toHaveLength(6);
  });
});
