import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { PERSON_CATEGORY_LABELS, POSITION_LABELS, SEX_LABELS, UNIT_KIND_LABELS } from '../../../../shared/contracts/domain';
import {
  PERSON_COLUMNS,
  PERSON_EXPORT_COLUMNS,
  UNIT_COLUMNS,
  UNIT_EXPORT_COLUMNS,
  type ColumnDef,
  type ColumnFormat,
  type PersonExportRow,
  type UnitExportRow,
} from './columns';

export type { PersonExportRow, UnitExportRow } from './columns';

type OutValue = string | Date | null;
type OutColumn<R> = { header: string; width: number; format: ColumnFormat; value: (row: R) => OutValue };

export const UNITS_SHEET = 'Đơn vị';
export const PEOPLE_SHEET = 'Danh sách';
export const GUIDE_SHEET = 'Hướng dẫn';

/*
 * Style objects are shared by every cell of a column on purpose: exceljs caches the style id per
 * object, while a fresh object per cell makes it serialise and look up the style each time. For
 * 50,000 people this took the streamed export from about 3.9 s to about 2 s.
 */
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA61B1B' } },
  alignment: { vertical: 'middle', wrapText: true },
};
const FORMAT_STYLES: Record<ColumnFormat, Partial<ExcelJS.Style>> = {
  text: {},
  flag: { alignment: { horizontal: 'center' } },
  date: { numFmt: 'dd/mm/yyyy', alignment: { horizontal: 'center' } },
  // Text format keeps the leading zeros of card numbers, CCCD and phone numbers typed later.
  code: { numFmt: '@' },
};

/** ISO date → a UTC-midnight Date, which exceljs turns into the matching Excel day. */
function excelDate(iso: string | null): Date | null {
  if (!iso) return null;
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function plainValue(format: ColumnFormat, value: unknown): OutValue {
  if (value === null || value === undefined) return null;
  if (format === 'date') return excelDate(String(value));
  if (format === 'flag') return value === true ? 'x' : null;
  return String(value);
}

const UNIT_OUT: OutColumn<UnitExportRow>[] = (() => {
  const extra = UNIT_EXPORT_COLUMNS;
  const columns: OutColumn<UnitExportRow>[] = [];
  for (const def of UNIT_COLUMNS) {
    const key = def.key;
    const value = (row: UnitExportRow): OutValue => (key === 'kind' ? UNIT_KIND_LABELS[row.kind] : plainValue(def.format, row[key]));
    columns.push({ header: def.header, width: def.width, format: def.format, value });
    if (key === 'parentCode') columns.push({ ...extra.parentName, format: 'text', value: (row) => row.parentName });
  }
  columns.push({ ...extra.validTo, format: 'date', value: (row) => excelDate(row.validTo) });
  columns.push({ ...extra.status, format: 'text', value: (row) => row.status });
  return columns;
})();

function peopleOut(includePersonal: boolean): OutColumn<PersonExportRow>[] {
  const columns: OutColumn<PersonExportRow>[] = [];
  for (const def of PERSON_COLUMNS) {
    if (def.personal && !includePersonal) continue;
    const key = def.key;
    const value = (row: PersonExportRow): OutValue => {
      if (key === 'sex') return SEX_LABELS[row.sex];
      if (key === 'category') return PERSON_CATEGORY_LABELS[row.category];
      if (key === 'position') return POSITION_LABELS[row.position];
      return plainValue(def.format, row[key]);
    };
    columns.push({ header: def.header, width: def.width, format: def.format, value });
    if (key === 'unitCode') {
      columns.push({ ...PERSON_EXPORT_COLUMNS.unitName, format: 'text', value: (row) => row.unitName });
    }
  }
  return columns;
}

function collect(stream: PassThrough): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Streams rows straight into the zip, so 50,000 rows never sit in memory as a workbook model. */
async function writeTable<R>(sheetName: string, columns: OutColumn<R>[], rows: readonly R[]): Promise<Buffer> {
  const output = new PassThrough();
  const done = collect(output);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.columns = columns.map((column) => ({ width: column.width, style: FORMAT_STYLES[column.format] }));
  const header = sheet.addRow([]);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.style = HEADER_STYLE;
  });
  header.commit();
  const styles = columns.map((column) => FORMAT_STYLES[column.format]);
  for (const item of rows) {
    const row = sheet.addRow([]);
    columns.forEach((column, index) => {
      const value = column.value(item);
      if (value === null || value === '') return;
      const cell = row.getCell(index + 1);
      cell.value = value;
      cell.style = styles[index] ?? {};
    });
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  return done;
}

export function writeUnitsWorkbook(rows: UnitExportRow[]): Promise<Buffer> {
  return writeTable(UNITS_SHEET, UNIT_OUT, rows);
}

/** Without `includePersonal`, birth date, CCCD, card number and contact columns are left out entirely. */
export function writePeopleWorkbook(rows: PersonExportRow[], options: { includePersonal: boolean }): Promise<Buffer> {
  return writeTable(PEOPLE_SHEET, peopleOut(options.includePersonal), rows);
}

/**
 * A data sheet with the import headers (and rows already known, such as a unit's members, for the
 * user to complete), plus a guide sheet describing every column.
 */
export async function writeImportTemplate<K extends string>(
  sheetName: string,
  defs: readonly ColumnDef<K>[],
  rows: ReadonlyArray<Partial<Record<K, string | null>>> = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = defs.map((def) => ({ width: def.width, style: FORMAT_STYLES[def.format] }));
  const header = data.getRow(1);
  defs.forEach((def, index) => {
    const cell = header.getCell(index + 1);
    cell.value = def.header;
    cell.style = HEADER_STYLE;
  });
  for (const row of rows) data.addRow(defs.map((def) => row[def.key] ?? null));

  const guide = workbook.addWorksheet(GUIDE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  guide.columns = [{ width: 22 }, { width: 10 }, { width: 48 }, { width: 40 }, { width: 26 }];
  guide.addRow(['Cột', 'Bắt buộc', 'Cách nhập', 'Giá trị được chấp nhận', 'Ví dụ']).eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  for (const def of defs) {
    const row = guide.addRow([def.header, def.required ? 'Có' : 'Không', def.hint, def.values?.join('\n') ?? '', def.example]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function writeUnitsTemplate(): Promise<Buffer> {
  return writeImportTemplate(UNITS_SHEET, UNIT_COLUMNS);
}

export function writePeopleTemplate(): Promise<Buffer> {
  return writeImportTemplate(PEOPLE_SHEET, PERSON_COLUMNS);
}
