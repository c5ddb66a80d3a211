import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../../../platform/errors';
import { openZipPackage, type ZipPackage } from './zip-package';

/**
 * Reads the cell values of an .xlsx file: yauzl opens the package (zip-package.ts), saxes parses the sheet XML.
 * Why not exceljs for reading (it writes every file we produce): its full load took 4.3 s for a
 * 50,000-row people file on this machine, and its streaming reader decodes each chunk on its own,
 * splitting multi-byte UTF-8 characters ("Bí thư" read as "B\ufffd\ufffd thư"). Import needs only
 * values, so this reads only values: about 1 s for the same file. Dates arrive as Excel serial
 * numbers, which the date parser accepts (with the workbook's 1904 flag).
 */
export type CellValue = string | number | boolean | null;
export type SheetRow = { row: number; cells: CellValue[] };
/** A sheet's rows are read (and parsed) as they are asked for; asking again reads the sheet again. */
export type XlsxSheet = { name: string; rows: () => AsyncGenerator<SheetRow> };
/** close() ends the reading of the package; the rows of its sheets can be read until then. */
export type XlsxBook = { sheets: XlsxSheet[]; date1904: boolean; close: () => void };

export const UNREADABLE_MESSAGE = 'Không đọc được tệp. Hãy tải lên tệp Excel (.xlsx) theo mẫu.';

function unreadable(): AppError {
  return new AppError('IMPORT_INVALID_FILE', UNREADABLE_MESSAGE);
}

/** Excel escapes control characters in text as _xHHHH_ (e.g. _x000D_ for a carriage return). */
function decodeExcelEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

type XmlHandlers = { open: (tag: SaxesTagPlain) => void; close: (name: string) => void; text: (text: string) => void };

function createParser(handlers: XmlHandlers): SaxesParser {
  const parser = new SaxesParser();
  parser.on('opentag', handlers.open);
  parser.on('closetag', (tag) => handlers.close(tag.name));
  parser.on('text', handlers.text);
  return parser;
}

/** Parses a small part held whole (the workbook and its relations). */
function walkXml(xml: string, handlers: XmlHandlers): void {
  createParser(handlers).write(xml).close();
}

/**
 * Feeds a part's pieces to the parser, pausing after each so the caller can hand on what the piece
 * completed. Malformed XML, or a part that is not what its zip entry declares, is a file problem,
 * reported like any unreadable file.
 */
async function* feedPieces(pieces: AsyncIterable<string>, handlers: XmlHandlers): AsyncGenerator<void> {
  const parser = createParser(handlers);
  try {
    for await (const piece of pieces) {
      parser.write(piece);
      yield;
    }
    parser.close();
  } catch (error) {
    throw error instanceof AppError ? error : unreadable();
  }
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Strings of sharedStrings.xml: the text of each <si>, rich-text runs joined, phonetic guides left out. */
async function readSharedStrings(pieces: AsyncIterable<string>): Promise<string[]> {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const handlers: XmlHandlers = {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close: (rawName) => {
      const name = localName(rawName);
      if (name === 'si') {
        strings.push(decodeExcelEscapes(current ?? ''));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text: (text) => {
      if (inText && current !== null) current += text;
    },
  };
  for await (const _ of feedPieces(pieces, handlers));
  return strings;
}

function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

function cellValue(type: string, raw: string, strings: string[]): CellValue {
  if (type === 's') return strings[Number(raw)] ?? null;
  if (type === 'inlineStr' || type === 'str') return decodeExcelEscapes(raw);
  if (type === 'b') return raw === '1' || raw === 'true';
  if (type === 'e' || raw.trim() === '') return null;
  const number = Number(raw);
  return Number.isFinite(number) ? number : raw;
}

/**
 * Every non-empty row of a sheet, with cells placed at their column (from the cell reference),
 * parsed as the sheet is inflated: neither the sheet's text nor its rows are ever held whole (a
 * 300,000-row sheet of 178 MB took 880 MB held whole). A sheet with more than `maxRows` rows is
 * refused as soon as its row `maxRows + 1` is read.
 */
async function* readSheetRows(pieces: AsyncIterable<string>, strings: string[], maxRows: number | undefined): AsyncGenerator<SheetRow> {
  const ready: SheetRow[] = [];
  let row: SheetRow | null = null;
  let rowsRead = 0;
  let lastRow = 0;
  let cell = { column: 0, type: 'n', raw: '', inValue: false };
  let phonetic = 0;
  const handlers: XmlHandlers = {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === 'row') {
        if (maxRows !== undefined && ++rowsRead > maxRows) throw tooManyRows(maxRows);
        const number = Number(tag.attributes.r);
        row = { row: Number.isInteger(number) && number > 0 ? number : lastRow + 1, cells: [] };
      } else if (name === 'c' && row) {
        const reference = tag.attributes.r;
        cell = { column: reference ? columnIndex(reference) : row.cells.length, type: tag.attributes.t ?? 'n', raw: '', inValue: false };
      } else if (name === 'rPh') phonetic++;
      else if ((name === 'v' || name === 't') && phonetic === 0) cell.inValue = true;
    },
    close: (rawName) => {
      const name = localName(rawName);
      if (name === 'v' || name === 't') cell.inValue = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && row) row.cells[cell.column] = cellValue(cell.type, cell.raw, strings);
      else if (name === 'row' && row) {
        for (let index = 0; index < row.cells.length; index++) row.cells[index] ??= null;
        ready.push(row);
        lastRow = row.row;
        row = null;
      }
    },
    text: (text) => {
      if (cell.inValue) cell.raw += text;
    },
  };
  for await (const _ of feedPieces(pieces, handlers)) yield* ready.splice(0);
  yield* ready.splice(0);
}

function resolvePart(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const piece of path.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

function tooManyRows(maxRows: number): AppError {
  const limit = maxRows.toLocaleString('vi-VN');
  return new AppError(
    'IMPORT_INVALID_FILE',
    `Trang tính có hơn ${limit} dòng. Hãy chia danh sách thành nhiều tệp, mỗi tệp không quá ${limit} dòng.`,
    { maxRows },
  );
}

export type OpenOptions = {
  /** A sheet with more rows is refused (IMPORT_INVALID_FILE) while its rows are read. */
  maxRows?: number;
};

/** Opens the workbook and lists its sheets in workbook order; throws IMPORT_INVALID_FILE if unreadable. */
export async function openXlsx(buffer: Buffer, options: OpenOptions = {}): Promise<XlsxBook> {
  let zip: ZipPackage | undefined;
  try {
    zip = await openZipPackage(buffer);
    const opened = zip;
    const workbookXml = await opened.readText('xl/workbook.xml');
    if (!workbookXml) throw unreadable();
    const relations = new Map<string, { type: string; target: string }>();
    walkXml((await opened.readText('xl/_rels/workbook.xml.rels')) ?? '<Relationships/>', {
      open: (tag) => {
        if (localName(tag.name) === 'Relationship')
          relations.set(tag.attributes.Id ?? '', { type: tag.attributes.Type ?? '', target: tag.attributes.Target ?? '' });
      },
      close: () => undefined,
      text: () => undefined,
    });
    const declared: Array<{ name: string; path: string }> = [];
    let date1904 = false;
    walkXml(workbookXml, {
      open: (tag) => {
        const name = localName(tag.name);
        if (name === 'workbookPr') date1904 = ['1', 'true'].includes(tag.attributes.date1904 ?? '');
        if (name !== 'sheet') return;
        const relationId = Object.entries(tag.attributes).find(([key]) => localName(key) === 'id' && key.includes(':'))?.[1];
        const relation = relationId ? relations.get(relationId) : undefined;
        if (relation) declared.push({ name: tag.attributes.name ?? '', path: resolvePart(relation.target) });
      },
      close: () => undefined,
      text: () => undefined,
    });
    const stringsRelation = [...relations.values()].find((relation) => relation.type.endsWith('/sharedStrings'));
    const stringsPieces = await opened.streamText(stringsRelation ? resolvePart(stringsRelation.target) : 'xl/sharedStrings.xml');
    const strings = stringsPieces ? await readSharedStrings(stringsPieces) : [];
    const sheets: XlsxSheet[] = declared
      .filter((sheet) => opened.has(sheet.path))
      .map((sheet) => ({
        name: sheet.name,
        rows: async function* () {
          const pieces = await opened.streamText(sheet.path).catch(() => {
            throw unreadable();
          });
          if (pieces) yield* readSheetRows(pieces, strings, options.maxRows);
        },
      }));
    if (sheets.length === 0) throw unreadable();
    return { sheets, date1904, close: () => opened.close() };
  } catch (error) {
    zip?.close();
    if (error instanceof AppError) throw error;
    throw unreadable();
  }
}

/** Every row of a sheet, for callers that want them all at once (templates, small files). */
export async function collectRows(sheet: XlsxSheet | undefined): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  if (sheet) for await (const row of sheet.rows()) rows.push(row);
  return rows;
}
