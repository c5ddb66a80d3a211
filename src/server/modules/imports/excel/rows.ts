import {
  PERSON_CATEGORY_LOOKUP,
  PERSON_COLUMNS,
  POSITION_LOOKUP,
  SEX_LOOKUP,
  UNIT_COLUMNS,
  UNIT_KIND_LOOKUP,
  type ColumnDef,
  type PersonImportRow,
  type UnitImportRow,
} from './columns';
import { displayDate, parseChoice, parseDate, parseDigits, parseEmail, parseFlag, parsePhone, parseText, type Parsed } from './cells';
import type { CellValue } from './xlsx-file';
import { normalizeTonePlacement } from '../../../../shared/text';

/** Cell values of one data row, addressed by column key. */
export type RowCells<K extends string> = { get: (key: K) => CellValue };
export type Report = (column: string, message: string) => void;
/** Turns one row into data, reporting problems; parsers keep state to find duplicates within a file. */
export type RowParser<K extends string, T> = (cells: RowCells<K>, report: Report, row: number) => T | null;
export type ParserContext = { date1904: boolean; today: string };

function headersOf<K extends string>(columns: readonly ColumnDef<K>[]): Record<K, string> {
  return Object.fromEntries(columns.map((column) => [column.key, column.header])) as Record<K, string>;
}

function valuesOf<K extends string>(columns: readonly ColumnDef<K>[], key: K): readonly string[] {
  return columns.find((column) => column.key === key)?.values ?? [];
}

/** Unwraps a parsed cell; `undefined` means an error was reported for it. */
function take<T>(report: Report, header: string, parsed: Parsed<T>): T | undefined {
  if (parsed.ok) return parsed.value;
  report(header, parsed.message);
  return undefined;
}

function required<T>(report: Report, header: string, value: T | null | undefined): T | undefined {
  if (value === null) report(header, `Chưa nhập ${header}, đây là cột bắt buộc`);
  return value ?? undefined;
}

/** Names are compared with what is stored, which keeps one tone placement ("Hòa", not "Hoà"). */
const tonePlaced = (name: string | undefined) => (name === undefined ? undefined : normalizeTonePlacement(name));

/** Remembers the first row of each value, so later repeats name the row they clash with. */
function duplicateFinder(label: string) {
  const firstRow = new Map<string, number>();
  return (report: Report, header: string, value: string | null | undefined, row: number): void => {
    if (!value) return;
    const earlier = firstRow.get(value);
    if (earlier === undefined) firstRow.set(value, row);
    else report(header, `${label} ${value} trùng với dòng ${earlier}`);
  };
}

const CARD_RULE = { min: 6, max: 12, describe: 'hãy nhập từ 6 đến 12 chữ số' };
const ID_RULE = {
  min: 12,
  max: 12,
  describe: 'hãy nhập đúng 12 chữ số',
  // Every CCCD starts with a 0 (province codes 001–096); a number cell loses one or two of them.
  numericDigits: (digits: string) => (digits.length >= 10 && digits.length < 12 ? digits.padStart(12, '0') : digits),
};

export function createUnitParser(context: ParserContext): RowParser<keyof UnitImportRow, UnitImportRow> {
  const h = headersOf(UNIT_COLUMNS);
  const duplicateCode = duplicateFinder(h.code);
  const kinds = valuesOf(UNIT_COLUMNS, 'kind');
  return (cells, report, row) => {
    const code = required(report, h.code, take(report, h.code, parseText(h.code, cells.get('code'), 50)));
    const name = tonePlaced(required(report, h.name, take(report, h.name, parseText(h.name, cells.get('name'), 255))));
    const kindParsed = parseChoice(h.kind, cells.get('kind'), UNIT_KIND_LOOKUP, kinds);
    const kind = required(report, h.kind, take(report, h.kind, kindParsed));
    const parentCode = take(report, h.parentCode, parseText(h.parentCode, cells.get('parentCode'), 50));
    const validFrom = take(report, h.validFrom, parseDate(h.validFrom, cells.get('validFrom'), context.date1904));

    duplicateCode(report, h.code, code, row);
    if (code && parentCode === code) {
      report(h.parentCode, `${h.parentCode} không được trùng với Mã đơn vị của chính dòng này`);
    }
    if (code === undefined || name === undefined || kind === undefined) return null;
    if (parentCode === undefined || validFrom === undefined) return null;
    return { code, name, kind, parentCode, validFrom };
  };
}

type Cells = RowCells<keyof PersonImportRow>;

export function createPersonParser(context: ParserContext): RowParser<keyof PersonImportRow, PersonImportRow> {
  const h = headersOf(PERSON_COLUMNS);
  const duplicateCard = duplicateFinder(h.cardNumber);
  const duplicateId = duplicateFinder(h.idNumber);
  const date = (key: 'birthDate' | 'admissionDate' | 'fromDate', cells: Cells, report: Report) =>
    take(report, h[key], parseDate(h[key], cells.get(key), context.date1904));
  const notInFuture = (report: Report, header: string, iso: string | null | undefined): void => {
    if (iso && iso > context.today) report(header, `${header} ${displayDate(iso)} ở tương lai, hãy kiểm tra lại`);
  };

  const text = (key: 'fullName' | 'address' | 'unitCode', max: number, cells: Cells, report: Report) =>
    take(report, h[key], parseText(h[key], cells.get(key), max));
  const allowed = {
    sex: valuesOf(PERSON_COLUMNS, 'sex'),
    category: valuesOf(PERSON_COLUMNS, 'category'),
    position: valuesOf(PERSON_COLUMNS, 'position'),
  };
  const choice = <T extends string>(key: keyof typeof allowed, lookup: Map<string, T>, cells: Cells, report: Report) =>
    take(report, h[key], parseChoice(h[key], cells.get(key), lookup, allowed[key]));

  return (cells, report, row) => {
    const fullName = tonePlaced(required(report, h.fullName, text('fullName', 120, cells, report)));
    const sex = required(report, h.sex, choice('sex', SEX_LOOKUP, cells, report));
    const birthDate = date('birthDate', cells, report);
    const category = required(report, h.category, choice('category', PERSON_CATEGORY_LOOKUP, cells, report));
    const cardNumber = take(report, h.cardNumber, parseDigits(h.cardNumber, cells.get('cardNumber'), CARD_RULE));
    const idNumber = take(report, h.idNumber, parseDigits(h.idNumber, cells.get('idNumber'), ID_RULE));
    const admissionDate = date('admissionDate', cells, report);
    const phone = take(report, h.phone, parsePhone(h.phone, cells.get('phone')));
    const email = take(report, h.email, parseEmail(h.email, cells.get('email')));
    const address = text('address', 500, cells, report);
    const unitCode = required(report, h.unitCode, text('unitCode', 50, cells, report));
    const position = choice('position', POSITION_LOOKUP, cells, report);
    const isHead = take(report, h.isHead, parseFlag(h.isHead, cells.get('isHead')));
    const fromDate = date('fromDate', cells, report);

    notInFuture(report, h.birthDate, birthDate);
    notInFuture(report, h.admissionDate, admissionDate);
    if (birthDate && admissionDate && admissionDate <= birthDate) {
      report(h.admissionDate, `${h.admissionDate} phải sau ${h.birthDate}, hãy kiểm tra lại`);
    }
    // Only report the missing identifier when neither column already has its own error.
    if (cardNumber === null && idNumber === null) {
      report(category === 'party_member' ? h.cardNumber : h.idNumber, `Cần ${h.cardNumber} hoặc ${h.idNumber} để nhận diện người này`);
    }
    duplicateCard(report, h.cardNumber, cardNumber, row);
    duplicateId(report, h.idNumber, idNumber, row);

    if (fullName === undefined || sex === undefined || category === undefined || unitCode === undefined) return null;
    if (birthDate === undefined || cardNumber === undefined || idNumber === undefined) return null;
    if (admissionDate === undefined || phone === undefined || email === undefined || address === undefined) return null;
    if (position === undefined || isHead === undefined || fromDate === undefined) return null;
    return {
      fullName,
      sex,
      birthDate,
      category,
      cardNumber,
      idNumber,
      admissionDate,
      phone,
      email,
      address,
      unitCode,
      position: position ?? (category === 'party_member' ? 'party_member' : 'staff'),
      isHead,
      fromDate,
    };
  };
}
