import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors';
import { PERSON_COLUMNS, UNIT_COLUMNS, type PersonExportRow, type UnitExportRow } from './columns';
import { readPeopleWorkbook, readUnitsWorkbook, type PersonImportRow, type UnitImportRow } from './read';
import { writePeopleTemplate, writePeopleWorkbook, writeUnitsTemplate, writeUnitsWorkbook } from './write';
import { collectRows, openXlsx } from './xlsx-file';

const TODAY = { today: '2025-06-01' };
const PERSON_HEADERS = PERSON_COLUMNS.map((column) => column.header);

/** Builds a workbook the way an office program would, with shared strings and styled cells. */
async function workbook(rows: ExcelJS.CellValue[][], sheetName = 'Danh sách'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

type Record = { [header: string]: ExcelJS.CellValue };
const BASE_PERSON: Record = {
  'Họ và tên': 'Nguyễn Văn An',
  'Giới tính': 'Nam',
  'Ngày sinh': '05/09/1985',
  'Đối tượng': 'Đảng viên',
  'Số thẻ đảng viên': '012345',
  'Mã đơn vị': 'CB01',
};
function peopleFile(records: Record[]): Promise<Buffer> {
  return workbook([PERSON_HEADERS, ...records.map((record) => PERSON_HEADERS.map((header) => record[header] ?? null))]);
}

async function headersOf(buffer: Buffer): Promise<string[]> {
  const book = await openXlsx(buffer);
  const first = await book.sheets[0]?.rows().next();
  book.close();
  return first && !first.done ? first.value.cells.map(String) : [];
}

const unit = (overrides: Partial<UnitExportRow> = {}): UnitExportRow => ({
  code: 'DB01',
  name: 'Đảng bộ Khối Cơ quan',
  kind: 'bloc_committee',
  parentCode: null,
  validFrom: '1998-03-03',
  parentName: null,
  validTo: null,
  status: 'Đang hoạt động',
  ...overrides,
});
const person = (index: number, overrides: Partial<PersonExportRow> = {}): PersonExportRow => ({
  fullName: `Trần Thị Ánh Tuyết ${index}`,
  sex: index % 2 ? 'male' : 'female',
  birthDate: '1979-12-31',
  category: 'party_member',
  cardNumber: String(100000 + index).padStart(8, '0'),
  idNumber: String(index).padStart(12, '0'),
  admissionDate: '2003-05-19',
  phone: '0912 345 678',
  email: `tuyet${index}@example.vn`,
  address: 'Số 5 ngõ Đặng Dung, Ba Đình & "Hà Nội" <1>',
  unitCode: 'CB01',
  position: 'secretary',
  isHead: index === 0,
  fromDate: '2024-01-01',
  unitName: 'Chi bộ Văn phòng',
  ...overrides,
});
function importPart({ unitName: _unitName, ...rest }: PersonExportRow): PersonImportRow {
  return rest;
}

describe('round trip', () => {
  it('reads back exported units, ignoring the export-only columns', async () => {
    const rows = [
      unit(),
      unit({
        code: 'CB01',
        name: 'Chi bộ Văn phòng',
        kind: 'cell',
        parentCode: 'DB01',
        parentName: 'Đảng bộ Khối',
        validFrom: null,
        validTo: '2025-01-31',
        status: 'Đã giải thể',
      }),
    ];
    const parsed = await readUnitsWorkbook(await writeUnitsWorkbook(rows), TODAY);
    expect(parsed.errors).toEqual([]);
    expect(parsed.totalRows).toBe(2);
    const expected: UnitImportRow[] = rows.map(({ code, name, kind, parentCode, validFrom }) => ({
      code,
      name,
      kind,
      parentCode,
      validFrom,
    }));
    expect(parsed.rows).toEqual(expected.map((data, index) => ({ row: index + 2, data })));
  });

  it('reads back exported people with Vietnamese text intact', async () => {
    const rows = [
      person(0),
      person(1, { birthDate: null, cardNumber: null, email: null, position: 'staff', category: 'civil_servant', admissionDate: null }),
    ];
    const parsed = await readPeopleWorkbook(await writePeopleWorkbook(rows, { includePersonal: true }), TODAY);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((row) => row.data)).toEqual(rows.map(importPart));
    expect(parsed.rows[0]?.data.fullName).toBe('Trần Thị Ánh Tuyết 0');
  });

  it('leaves personal columns out when asked', async () => {
    const buffer = await writePeopleWorkbook([person(0)], { includePersonal: false });
    const headers = await headersOf(buffer);
    for (const hidden of ['Ngày sinh', 'Số CCCD', 'Điện thoại', 'Email', 'Địa chỉ', 'Số thẻ đảng viên']) {
      expect(headers).not.toContain(hidden);
    }
    expect(headers).toEqual([
      'Họ và tên',
      'Giới tính',
      'Đối tượng',
      'Ngày vào Đảng',
      'Mã đơn vị',
      'Tên đơn vị',
      'Chức vụ',
      'Người đứng đầu',
      'Từ ngày',
    ]);
  });

  it('writes templates that read as empty files and explain every column', async () => {
    for (const [buffer, columns] of [
      [await writePeopleTemplate(), PERSON_COLUMNS],
      [await writeUnitsTemplate(), UNIT_COLUMNS],
    ] as const) {
      const book = await openXlsx(buffer);
      expect(book.sheets.map((sheet) => sheet.name)[1]).toBe('Hướng dẫn');
      expect(await headersOf(buffer)).toEqual(columns.map((column) => column.header));
      const guide = (await collectRows(book.sheets[1])).map((row) => row.cells.join('|')).join('\n');
      for (const column of columns) expect(guide).toContain(column.header);
    }
    expect((await readPeopleWorkbook(await writePeopleTemplate())).totalRows).toBe(0);
    const guideText = (await collectRows((await openXlsx(await writeUnitsTemplate())).sheets[1]))
      .map((row) => row.cells.join('|'))
      .join('\n');
    expect(guideText).toContain('Tổ chức chính trị - xã hội');
  });
});

describe('reading people', () => {
  it('accepts headers in any order, without diacritics, below a title line', async () => {
    const buffer = await workbook([
      ['DANH SÁCH ĐẢNG VIÊN'],
      [],
      ['MA DON VI', 'ho va ten', 'GIOI TINH', 'doi tuong', 'So CCCD', 'Ngày sinh', 'STT', 'Người đứng đầu', 'Chức vụ'],
      ['CB01', '  Lê   Thị Hoa ', 'nu', 'cong chuc', 1085012345, new Date(Date.UTC(1985, 8, 5)), 1, 'Có', 'head'],
      ['CB02', 'Phạm Văn Bình', 'Nam', 'cadre', '001085012346', 31295, 2, 'x', ''],
      [null, null, null, null, null, null, 3],
    ]);
    const parsed = await readPeopleWorkbook(buffer, TODAY);
    expect(parsed.errors).toEqual([]);
    expect(parsed.totalRows).toBe(2);
    expect(parsed.rows[0]).toMatchObject({
      row: 4,
      data: {
        fullName: 'Lê Thị Hoa',
        sex: 'female',
        category: 'civil_servant',
        idNumber: '001085012345',
        birthDate: '1985-09-05',
        isHead: true,
        position: 'head',
      },
    });
    expect(parsed.rows[1]?.data).toMatchObject({
      birthDate: '1985-09-05',
      position: 'staff',
      category: 'cadre',
      isHead: true,
      cardNumber: null,
    });
  });

  it('accepts the date spellings people type', async () => {
    const dates = ['05/09/1985', '5/9/1985', '1985-09-05', '05-09-1985'];
    const parsed = await readPeopleWorkbook(
      await peopleFile(dates.map((date, i) => ({ ...BASE_PERSON, 'Ngày sinh': date, 'Số thẻ đảng viên': `00000${i}` }))),
      TODAY,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((row) => row.data.birthDate)).toEqual(dates.map(() => '1985-09-05'));
    expect(parsed.rows[0]?.data.position).toBe('party_member');
  });

  const cases: Array<[string, Record, string, string]> = [
    ['missing name', { 'Họ và tên': '  ' }, 'Họ và tên', 'Chưa nhập Họ và tên, đây là cột bắt buộc'],
    ['unknown sex', { 'Giới tính': 'M' }, 'Giới tính', 'Giới tính "M" không hợp lệ, hãy nhập một trong các giá trị: "Nam", "Nữ"'],
    ['impossible date', { 'Ngày sinh': '31/02/1980' }, 'Ngày sinh', 'Ngày sinh "31/02/1980" không hợp lệ, hãy nhập theo dạng dd/mm/yyyy'],
    ['two-digit year', { 'Ngày sinh': '5/9/85' }, 'Ngày sinh', 'Ngày sinh "5/9/85" không hợp lệ, hãy nhập theo dạng dd/mm/yyyy'],
    ['a bare year', { 'Ngày sinh': 1980 }, 'Ngày sinh', 'Ngày sinh "1980" không hợp lệ, hãy nhập theo dạng dd/mm/yyyy'],
    ['future birth date', { 'Ngày sinh': '02/06/2025' }, 'Ngày sinh', 'Ngày sinh 02/06/2025 ở tương lai, hãy kiểm tra lại'],
    [
      'unknown category',
      { 'Đối tượng': 'Hưu trí' },
      'Đối tượng',
      'Đối tượng "Hưu trí" không hợp lệ, hãy nhập một trong các giá trị: "Đảng viên", "Cán bộ", "Công chức", "Viên chức", "Người lao động", "Đoàn viên, hội viên"',
    ],
    [
      'card with letters',
      { 'Số thẻ đảng viên': '12ab56' },
      'Số thẻ đảng viên',
      'Số thẻ đảng viên "12ab56" không hợp lệ, hãy nhập từ 6 đến 12 chữ số',
    ],
    [
      'short card',
      { 'Số thẻ đảng viên': '12345' },
      'Số thẻ đảng viên',
      'Số thẻ đảng viên "12345" không hợp lệ, hãy nhập từ 6 đến 12 chữ số',
    ],
    ['short CCCD', { 'Số CCCD': '0010850123' }, 'Số CCCD', 'Số CCCD "0010850123" không hợp lệ, hãy nhập đúng 12 chữ số'],
    [
      'admission in the future',
      { 'Ngày vào Đảng': '01/01/2026' },
      'Ngày vào Đảng',
      'Ngày vào Đảng 01/01/2026 ở tương lai, hãy kiểm tra lại',
    ],
    ['admission before birth', { 'Ngày vào Đảng': '01/01/1980' }, 'Ngày vào Đảng', 'Ngày vào Đảng phải sau Ngày sinh, hãy kiểm tra lại'],
    ['bad phone', { 'Điện thoại': '091-234' }, 'Điện thoại', 'Điện thoại "091-234" không hợp lệ, hãy nhập từ 8 đến 15 chữ số'],
    ['bad email', { Email: 'an@mail' }, 'Email', 'Email "an@mail" không hợp lệ, hãy nhập dạng ten@vidu.vn'],
    ['missing unit', { 'Mã đơn vị': null }, 'Mã đơn vị', 'Chưa nhập Mã đơn vị, đây là cột bắt buộc'],
    [
      'unknown position',
      { 'Chức vụ': 'Tổ trưởng' },
      'Chức vụ',
      'Chức vụ "Tổ trưởng" không hợp lệ, hãy nhập một trong các giá trị: "Bí thư", "Phó Bí thư", "Cấp ủy viên", "Đảng viên", "Thủ trưởng", "Phó Thủ trưởng", "Cán bộ, nhân viên"',
    ],
    [
      'unclear head flag',
      { 'Người đứng đầu': 'có lẽ' },
      'Người đứng đầu',
      'Người đứng đầu "có lẽ" không hợp lệ, hãy nhập "x" hoặc để trống',
    ],
    ['bad start date', { 'Từ ngày': '2024-13-01' }, 'Từ ngày', 'Từ ngày "2024-13-01" không hợp lệ, hãy nhập theo dạng dd/mm/yyyy'],
    ['no identifier, member', { 'Số thẻ đảng viên': null }, 'Số thẻ đảng viên', 'Cần Số thẻ đảng viên hoặc Số CCCD để nhận diện người này'],
    [
      'no identifier, other',
      { 'Số thẻ đảng viên': null, 'Đối tượng': 'Viên chức' },
      'Số CCCD',
      'Cần Số thẻ đảng viên hoặc Số CCCD để nhận diện người này',
    ],
  ];
  it.each(cases)('reports %s', async (_name, overrides, column, message) => {
    const parsed = await readPeopleWorkbook(await peopleFile([{ ...BASE_PERSON, ...overrides }]), TODAY);
    expect(parsed.errors).toEqual([{ row: 2, column, message }]);
    expect(parsed.rows).toEqual([]);
    expect(parsed.totalRows).toBe(1);
  });

  it('reports a repeated card number or CCCD on the later row only', async () => {
    const parsed = await readPeopleWorkbook(
      await peopleFile([
        { ...BASE_PERSON, 'Số CCCD': '001085012345' },
        { ...BASE_PERSON, 'Số thẻ đảng viên': '654321' },
        { ...BASE_PERSON, 'Số thẻ đảng viên': '777777', 'Số CCCD': '001085012345' },
        { ...BASE_PERSON },
      ]),
      TODAY,
    );
    expect(parsed.errors).toEqual([
      { row: 4, column: 'Số CCCD', message: 'Số CCCD 001085012345 trùng với dòng 2' },
      { row: 5, column: 'Số thẻ đảng viên', message: 'Số thẻ đảng viên 012345 trùng với dòng 2' },
    ]);
    expect(parsed.rows.map((row) => row.row)).toEqual([2, 3]);
  });

  it('reports every problem of a row', async () => {
    const parsed = await readPeopleWorkbook(await peopleFile([{ ...BASE_PERSON, 'Giới tính': null, Email: 'x' }]), TODAY);
    expect(parsed.errors.map((error) => error.column)).toEqual(['Giới tính', 'Email']);
  });
});

describe('reading units', () => {
  const headers = UNIT_COLUMNS.map((column) => column.header);
  it('accepts kinds by label, code or unaccented text and reports unit errors', async () => {
    const parsed = await readUnitsWorkbook(
      await workbook(
        [
          headers,
          ['DB01', 'Đảng bộ Khối Cơ quan', 'dang uy khoi', null, '03/02/1930'],
          ['CB01', 'Chi bộ Văn phòng', 'cell', 'DB01', null],
          ['CB02', 'Chi bộ Tài vụ', 'Chi bộ trực thuộc', 'DB01', '30/02/2001'],
          ['CB01', 'Chi bộ trùng mã', 'Chi bộ trực thuộc', 'DB01', null],
          ['CB03', null, 'Phòng ban', 'CB03', null],
        ],
        'Đơn vị',
      ),
      TODAY,
    );
    expect(parsed.rows.map((row) => row.data)).toEqual([
      { code: 'DB01', name: 'Đảng bộ Khối Cơ quan', kind: 'bloc_committee', parentCode: null, validFrom: '1930-02-03' },
      { code: 'CB01', name: 'Chi bộ Văn phòng', kind: 'cell', parentCode: 'DB01', validFrom: null },
    ]);
    expect(parsed.errors).toEqual([
      { row: 4, column: 'Ngày thành lập', message: 'Ngày thành lập "30/02/2001" không hợp lệ, hãy nhập theo dạng dd/mm/yyyy' },
      { row: 5, column: 'Mã đơn vị', message: 'Mã đơn vị CB01 trùng với dòng 3' },
      { row: 6, column: 'Tên đơn vị', message: 'Chưa nhập Tên đơn vị, đây là cột bắt buộc' },
      {
        row: 6,
        column: 'Loại đơn vị',
        message: expect.stringContaining(
          'Loại đơn vị "Phòng ban" không hợp lệ, hãy nhập một trong các giá trị: "Trung ương", "Tỉnh ủy, Thành ủy"',
        ),
      },
      { row: 6, column: 'Mã đơn vị cấp trên', message: 'Mã đơn vị cấp trên không được trùng với Mã đơn vị của chính dòng này' },
    ]);
  });
});

describe('file problems', () => {
  async function failure(promise: Promise<unknown>): Promise<AppError> {
    const error: unknown = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it('names a missing required column', async () => {
    const buffer = await workbook(
      [
        ['Tên đơn vị', 'Loại đơn vị'],
        ['Chi bộ 1', 'cell'],
      ],
      'Đơn vị',
    );
    const error = await failure(readUnitsWorkbook(buffer));
    expect(error.code).toBe('IMPORT_INVALID_FILE');
    expect(error.message).toBe('Tệp thiếu cột bắt buộc: "Mã đơn vị". Hãy dùng tệp mẫu.');
  });

  it('rejects a people file given as a units file', async () => {
    const error = await failure(readUnitsWorkbook(await writePeopleTemplate()));
    expect(error.message).toBe('Tệp thiếu cột bắt buộc: "Tên đơn vị", "Loại đơn vị". Hãy dùng tệp mẫu.');
  });

  it('rejects files that are not workbooks', async () => {
    const truncated = (await writeUnitsTemplate()).subarray(0, 300);
    for (const bytes of [
      Buffer.from('không phải Excel'),
      Buffer.alloc(0),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)),
      truncated,
    ]) {
      const error = await failure(readPeopleWorkbook(bytes));
      expect(error.code).toBe('IMPORT_INVALID_FILE');
      expect(error.message).toBe('Không đọc được tệp. Hãy tải lên tệp Excel (.xlsx) theo mẫu.');
    }
  });

  /** A copy of the file whose central directory says the sheet inflates to `size` bytes. */
  function withDeclaredSheetSize(file: Buffer, size: (actual: number) => number): Buffer {
    const forged = Buffer.from(file);
    for (
      let offset = forged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      offset >= 0;
      offset = forged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), offset + 4)
    ) {
      const nameLength = forged.readUInt16LE(offset + 28);
      if (forged.toString('utf8', offset + 46, offset + 46 + nameLength) === 'xl/worksheets/sheet1.xml') {
        forged.writeUInt32LE(size(forged.readUInt32LE(offset + 24)), offset + 24);
        return forged;
      }
    }
    throw new Error('no sheet1.xml in the central directory');
  }

  it('refuses a sheet that does not inflate to its declared size, or declares a size too large to inflate', async () => {
    const file = await workbook([PERSON_HEADERS, PERSON_HEADERS.map(() => 'x')]);
    expect((await openXlsx(file)).sheets).toHaveLength(1);
    // A size too large to inflate is refused on opening; a size that is not the true one, while reading.
    expect((await failure(openXlsx(withDeclaredSheetSize(file, () => 0xffff_fff0)))).code).toBe('IMPORT_INVALID_FILE');
    for (const forged of [withDeclaredSheetSize(file, (actual) => actual + 1), withDeclaredSheetSize(file, (actual) => actual - 1)]) {
      expect((await failure(readPeopleWorkbook(forged))).code).toBe('IMPORT_INVALID_FILE');
    }
  });
});

describe('large files', () => {
  it('writes and reads 50,000 people', { timeout: 120_000 }, async () => {
    const rows = Array.from({ length: 50_000 }, (_, index) => person(index, { isHead: false }));
    // CPU time is printed too: on a shared machine wall time mostly measures the other processes.
    const measure = async <T>(work: () => Promise<T>): Promise<[T, string]> => {
      const [started, cpu] = [performance.now(), process.cpuUsage()];
      const result = await work();
      const used = process.cpuUsage(cpu);
      return [result, `${(performance.now() - started).toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms)`];
    };
    const [buffer, writeTime] = await measure(() => writePeopleWorkbook(rows, { includePersonal: true }));
    const [parsed, readTime] = await measure(() => readPeopleWorkbook(buffer, TODAY));
    console.log(`50,000 people, ${(buffer.length / 1e6).toFixed(1)} MB: write ${writeTime}, read ${readTime}`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(50_000);
    expect(parsed.rows[49_999]?.data).toEqual(importPart(rows[49_999] ?? person(0)));
  });
});
