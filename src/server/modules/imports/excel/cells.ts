import type { CellValue } from './xlsx-file';
import { foldKey } from './columns';

/** The result of reading one cell: a value, nothing (empty cell) or a message for the user. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** The text a person sees in the cell, trimmed; numbers without exponent or trailing ".0". */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

export function parseText(header: string, value: CellValue, maxLength: number): Parsed<string | null> {
  const text = cellText(value).replace(/\s+/g, ' ');
  if (text === '') return ok(null);
  if (text.length > maxLength) return fail(`${header} dài quá ${maxLength} ký tự, hãy rút gọn`);
  return ok(text);
}

/** The same few labels repeat on every row; folding each distinct text once saves real time. */
const foldCache = new Map<string, string>();
function foldCached(text: string): string {
  let folded = foldCache.get(text);
  if (folded === undefined) {
    folded = foldKey(text);
    if (foldCache.size < 10_000) foldCache.set(text, folded);
  }
  return folded;
}

export function parseChoice<T extends string>(
  header: string,
  value: CellValue,
  lookup: Map<string, T>,
  labels: readonly string[],
): Parsed<T | null> {
  const text = cellText(value);
  if (text === '') return ok(null);
  const code = lookup.get(foldCached(text));
  if (code) return ok(code);
  const allowed = labels.map((label) => `"${label}"`).join(', ');
  return fail(`${header} "${text}" không hợp lệ, hãy nhập một trong các giá trị: ${allowed}`);
}

const TRUE_WORDS = new Set(['x', 'co', '1', 'true', 'yes']);
const FALSE_WORDS = new Set(['', 'khong', '0', 'false', 'no']);

export function parseFlag(header: string, value: CellValue): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  const word = foldCached(cellText(value));
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail(`${header} "${cellText(value)}" không hợp lệ, hãy nhập "x" hoặc để trống`);
}

/** Digits-only identifiers; `numericDigits` restores leading zeros Excel drops from number cells. */
export function parseDigits(
  header: string,
  value: CellValue,
  rule: { min: number; max: number; describe: string; numericDigits?: (digits: string) => string },
): Parsed<string | null> {
  let text = cellText(value).replace(/\s+/g, '');
  if (text === '') return ok(null);
  if (typeof value === 'number' && rule.numericDigits) text = rule.numericDigits(text);
  if (!/^\d+$/.test(text) || text.length < rule.min || text.length > rule.max) {
    return fail(`${header} "${cellText(value)}" không hợp lệ, ${rule.describe}`);
  }
  return ok(text);
}

export function parseEmail(header: string, value: CellValue): Parsed<string | null> {
  const text = cellText(value);
  if (text === '') return ok(null);
  if (text.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(text)) {
    return fail(`${header} "${text}" không hợp lệ, hãy nhập dạng ten@vidu.vn`);
  }
  return ok(text);
}

export function parsePhone(header: string, value: CellValue): Parsed<string | null> {
  let text = cellText(value).replace(/\s+/g, ' ');
  if (text === '') return ok(null);
  // Vietnamese numbers start with 0, which Excel drops when the cell holds a number.
  if (typeof value === 'number' && /^[1-9]\d{8}$/.test(text)) text = `0${text}`;
  const digits = text.replace(/\D/g, '').length;
  if (!/^\+?[\d ]+$/.test(text) || digits < 8 || digits > 15) {
    return fail(`${header} "${cellText(value)}" không hợp lệ, hãy nhập từ 8 đến 15 chữ số`);
  }
  return ok(text);
}

/** Day 0 of Excel's 1900 date system is 30/12/1899 (this absorbs Excel's fictitious 29/02/1900). */
const EPOCH_1900_DAYS = -25_569;
/** Day 0 of the 1904 date system (old Mac workbooks) is 01/01/1904. */
const EPOCH_1904_DAYS = -24_107;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Builds the ISO date without Date objects (imports convert hundreds of thousands of them). */
function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  // 31/02 and the like do not exist.
  if (day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Civil date of a day count since 1970-01-01 (H. Hinnant's days_from_civil, inverted). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function serialToIso(serial: number, date1904: boolean): string | null {
  // A bare 4-digit year typed into a General cell arrives as a number; as a serial it would mean a
  // day in 1905, which no record here can have, so it is treated as a typing mistake.
  if (serial < 1 || serial > 2_958_465 || (Number.isInteger(serial) && serial >= 1900 && serial <= 2100)) return null;
  const [year, month, day] = civilFromDays(Math.floor(serial + 1e-9) + (date1904 ? EPOCH_1904_DAYS : EPOCH_1900_DAYS));
  return isoDate(year, month, day);
}

function textToIso(text: string): string | null {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dmy) return isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]*Z?)?$/.exec(text);
  if (ymd) return isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  return null;
}

/**
 * Dates come as Excel serial numbers (date-formatted cells), as text typed dd/mm/yyyy or d/m/yyyy,
 * or as yyyy-mm-dd; the result is an ISO date.
 */
export function parseDate(header: string, value: CellValue, date1904: boolean): Parsed<string | null> {
  if (isBlank(value)) return ok(null);
  const iso = typeof value === 'number' ? serialToIso(value, date1904) : textToIso(cellText(value));
  if (iso) return ok(iso);
  return fail(`${header} "${cellText(value)}" không hợp lệ, hãy nhập theo dạng dd/mm/yyyy`);
}

/** ISO date → dd/mm/yyyy, for messages. */
export function displayDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Today in Vietnam (UTC+7 all year, no daylight saving), as an ISO date. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
