import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../platform/errors';
import type { ImportRowError } from '../../../../shared/contracts/imports';
import { PERSON_COLUMNS, UNIT_COLUMNS, foldKey, type ColumnDef, type PersonImportRow, type UnitImportRow } from './columns';
import { isBlank, todayInVietnam } from './cells';
import { openXlsx, type CellValue, type SheetRow, type XlsxSheet } from './xlsx-file';
import { createPersonParser, createUnitParser, type ParserContext, type RowCells, type RowParser } from './rows';

export type { PersonImportRow, UnitImportRow } from './columns';

/** A problem of one row, as the preview of an import shows it. */
export type RowError = ImportRowError;
export type ParsedSheet<T> = { totalRows: number; rows: Array<{ row: number; data: T }>; errors: RowError[] };

export type ReadOptions = {
  /** ISO date used as "today" for future-date checks; defaults to today in Vietnam. */
  today?: string;
};

/** Header rows are looked for among the first rows, so a title line above the table is tolerated. */
const HEADER_SEARCH_ROWS = 10;
/** Parsing is synchronous; yielding every few thousand rows keeps the server responsive meanwhile. */
const YIELD_EVERY_ROWS = 5_000;
/** The most rows (header included) a sheet of an import file may hold; a national list is split by province. */
export const MAX_IMPORT_ROWS = 100_000;

type HeaderMatch<K extends string> = { positions: Map<K, number>; missing: string[] };

function normaliseHeader(text: string): string {
  // A trailing "*" is a common way of marking required columns; it is not part of the name.
  return foldKey(text.replace(/\*+\s*$/, ''));
}

function matchHeader<K extends string>(row: SheetRow, columns: readonly ColumnDef<K>[]): HeaderMatch<K> {
  const byHeader = new Map<string, number>();
  row.cells.forEach((value, index) => {
    if (typeof value !== 'string') return;
    const key = normaliseHeader(value);
    if (key !== '' && !byHeader.has(key)) byHeader.set(key, index);
  });
  const positions = new Map<K, number>();
  const missing: string[] = [];
  for (const column of columns) {
    const index = byHeader.get(normaliseHeader(column.header));
    if (index !== undefined) positions.set(column.key, index);
    else if (column.required) missing.push(column.header);
  }
  return { positions, missing };
}

function isEmptyRow(row: SheetRow): boolean {
  return row.cells.every((value) => value === undefined || isBlank(value));
}

type LocatedSheet<K extends string> = { positions: Map<K, number>; rows: AsyncGenerator<SheetRow> };

/**
 * Finds the first sheet with every required header (so a guide sheet placed first does no harm).
 * If none has them, the error names the columns missing from the closest candidate row.
 */
async function locateTable<K extends string>(sheets: XlsxSheet[], columns: readonly ColumnDef<K>[]): Promise<LocatedSheet<K>> {
  let closest: string[] | null = null;
  for (const sheet of sheets) {
    const rows = sheet.rows();
    let examined = 0;
    for (let next = await rows.next(); !next.done && examined < HEADER_SEARCH_ROWS; next = await rows.next()) {
      if (isEmptyRow(next.value)) continue;
      examined++;
      const match = matchHeader(next.value, columns);
      if (match.missing.length === 0) return { positions: match.positions, rows };
      if (!closest || match.missing.length < closest.length) closest = match.missing;
    }
    await rows.return(undefined);
  }
  const missing = closest ?? columns.filter((column) => column.required).map((column) => column.header);
  const list = missing.map((header) => `"${header}"`).join(', ');
  throw new AppError('IMPORT_INVALID_FILE', `Tệp thiếu cột bắt buộc: ${list}. Hãy dùng tệp mẫu.`, { missing });
}

/**
 * Reads the first sheet whose header row has every required column of `columns`, one parsed row
 * at a time: what every import file of the application is read with.
 */
export async function readImportTable<K extends string, T>(
  buffer: Buffer,
  columns: readonly ColumnDef<K>[],
  makeParser: (context: ParserContext) => RowParser<K, T>,
  options: ReadOptions,
): Promise<ParsedSheet<T>> {
  const book = await openXlsx(buffer, { maxRows: MAX_IMPORT_ROWS });
  try {
    const table = await locateTable(book.sheets, columns);
    const parser = makeParser({ date1904: book.date1904, today: options.today ?? todayInVietnam() });
    const result: ParsedSheet<T> = { totalRows: 0, rows: [], errors: [] };
    const indexes = [...table.positions.values()];
    let cells: CellValue[] = [];
    const access: RowCells<K> = {
      get: (key) => {
        const index = table.positions.get(key);
        return index === undefined ? null : (cells[index] ?? null);
      },
    };

    for await (const sheetRow of table.rows) {
      cells = sheetRow.cells;
      // Only the recognised columns count, so a pre-numbered "STT" column alone is not a row.
      if (indexes.every((index) => isBlank(cells[index] ?? null))) continue;
      result.totalRows++;
      const errors: RowError[] = [];
      const data = parser(access, (column, message) => errors.push({ row: sheetRow.row, column, message }), sheetRow.row);
      if (errors.length > 0 || data === null) result.errors.push(...errors);
      else result.rows.push({ row: sheetRow.row, data });
      if (result.totalRows % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return result;
  } finally {
    book.close();
  }
}

/** Reads units from the first sheet that has the unit headers (the "Đơn vị" sheet of the template). */
export function readUnitsWorkbook(buffer: Buffer, options: ReadOptions = {}): Promise<ParsedSheet<UnitImportRow>> {
  return readImportTable(buffer, UNIT_COLUMNS, createUnitParser, options);
}

/** Reads people from the first sheet that has the people headers (the "Danh sách" sheet of the template). */
export function readPeopleWorkbook(buffer: Buffer, options: ReadOptions = {}): Promise<ParsedSheet<PersonImportRow>> {
  return readImportTable(buffer, PERSON_COLUMNS, createPersonParser, options);
}

/** Files up to this size are read in place: handing them to the reader thread costs more than parsing them. */
const IN_PLACE_BYTES = 512 * 1024;

type ReaderAnswer = {
  id: number;
  parsed?: ParsedSheet<PersonImportRow | UnitImportRow>;
  appError?: { code: ErrorCode; message: string; details?: unknown };
  failure?: string;
};
type Pending = { resolve: (answer: ReaderAnswer) => void; reject: (error: Error) => void };

/**
 * The thread large files are read in, started ahead of the first file (startWorkbookReader) so no
 * upload waits for it to start. Once it has no file left to read, it is replaced by a fresh one in
 * the background: a thread that read a 99,000-row sheet kept some 150 MB of heap it had no reason to
 * collect. Idle, the thread does not hold the process open; while a file waits for it, it does, as
 * any pending work does. If it stops, the files it was reading fail with the reason and the next
 * file starts a new one.
 */
class WorkbookReader {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(new URL('./read-worker-entry.js', import.meta.url));
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      const stopped = (error: Error) => {
        if (this.worker !== worker) return;
        this.worker = null;
        this.ready = null;
        reject(error);
        for (const waiting of this.pending.values()) waiting.reject(error);
        this.pending.clear();
      };
      worker.on('message', (message: ReaderAnswer | { ready: true }) => {
        if ('ready' in message) return resolve();
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (this.pending.size === 0) this.replace();
        waiting?.resolve(message);
      });
      worker.once('error', stopped);
      worker.once('exit', (code) => stopped(new Error(`The workbook reader stopped (exit code ${code})`)));
    });
    // After the listeners, which hold the thread's port open when added.
    this.holdWhileBusy();
    // A start that failed is reported to the files waiting for it, not as an unhandled rejection.
    this.ready.catch(() => undefined);
    return this.ready;
  }

  async read(kind: 'people' | 'units', buffer: Buffer, options: ReadOptions): Promise<ReaderAnswer> {
    const id = this.nextId++;
    const answer = new Promise<ReaderAnswer>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    // If the thread fails to start, the error comes from start(); the answer's own rejection is not lost work.
    answer.catch(() => undefined);
    this.holdWhileBusy();
    try {
      await this.start();
    } catch (error) {
      this.pending.delete(id);
      throw error;
    }
    this.worker!.postMessage({ id, kind, buffer, options });
    return answer;
  }

  /** Ends the thread that has just finished its files and starts a fresh one for the next. */
  private replace(): void {
    const used = this.worker;
    this.worker = null;
    this.ready = null;
    void used?.terminate();
    this.start().catch(() => undefined);
  }

  private holdWhileBusy(): void {
    if (this.pending.size > 0) this.worker?.ref();
    else this.worker?.unref();
  }
}

const workbookReader = new WorkbookReader();

/** Starts the reader thread ahead of the first large file (the server does so once it listens). */
export function startWorkbookReader(): Promise<void> {
  return workbookReader.start();
}

/**
 * Reads an import file of either kind; a large one in the reader thread, so that other users'
 * requests are answered while it is parsed (a 300,000-row sheet held the event loop for seconds).
 */
export async function readImportWorkbook<K extends 'people' | 'units'>(
  kind: K,
  buffer: Buffer,
  options: ReadOptions = {},
): Promise<ParsedSheet<K extends 'people' ? PersonImportRow : UnitImportRow>> {
  type Result = ParsedSheet<K extends 'people' ? PersonImportRow : UnitImportRow>;
  if (buffer.length <= IN_PLACE_BYTES) {
    return (kind === 'people' ? readPeopleWorkbook(buffer, options) : readUnitsWorkbook(buffer, options)) as Promise<Result>;
  }
  const answer = await workbookReader.read(kind, buffer, options);
  if (answer.appError) throw new AppError(answer.appError.code, answer.appError.message, answer.appError.details);
  if (!answer.parsed) throw new Error(`The workbook reader failed: ${answer.failure ?? 'no answer'}`);
  return answer.parsed as Result;
}
