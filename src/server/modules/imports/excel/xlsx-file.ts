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
export type XlsxSheet = { name: string; rows: () => Generator<SheetRow> };
export type XlsxBook = { sheets: XlsxSheet[]; date1904: boolean };

export const UNREADABLE_MESSAGE = 'Không đọc được tệp. Hãy tải lên tệp Excel (.xlsx) theo mẫu.';

function unreadable(): AppError {
  return new AppError('IMPORT_INVALID_FILE', UNREADABLE_MESSAGE);
}

/** Excel escapes control characters in text as _xHHHH_ (e.g. _x000D_ for a carriage return). */
function decodeExcelEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Calls `onTag` for every element and `onText` for text, telling whether it lies inside a phonetic run. */
function walkXml(xml: string, onOpen: (tag: SaxesTagPlain) => void, onClose: (name: string) => void, onText: (text: string) => void): void {
  const parser = new SaxesParser();
  parser.on('opentag', onOpen);
  parser.on('closetag', (tag) => onClose(tag.name));
  parser.on('text', onText);
  parser.write(xml).close();
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Strings of sharedStrings.xml: the text of each <si>, rich-text runs joined, phonetic guides left out. */
function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  walkXml(
    xml,
    (tag) => {
      const name = localName(tag.name);
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    (rawName) => {
      const name = localName(rawName);
      if (name === 'si') {
        strings.push(decodeExcelEscapes(current ?? ''));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    (text) => {
      if (inText && current !== null) current += text;
    },
  );
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

/** Every non-empty row of a sheet, with cells placed at their column (from the cell reference). */
function readSheetRows(xml: string, strings: string[]): SheetRow[] {
  const rows: SheetRow[] = [];
  let row: SheetRow | null = null;
  let cell = { column: 0, type: 'n', raw: '', inValue: false };
  let phonetic = 0;
  walkXml(
    xml,
    (tag) => {
      const name = localName(tag.name);
      if (name === 'row') {
        const number = Number(tag.attributes.r);
        row = { row: Number.isInteger(number) && number > 0 ? number : (rows.at(-1)?.row ?? 0) + 1, cells: [] };
      } else if (name === 'c' && row) {
        const reference = tag.attributes.r;
        cell = { column: reference ? columnIndex(reference) : row.cells.length, type: tag.attributes.t ?? 'n', raw: '', inValue: false };
      } else if (name === 'rPh') phonetic++;
      else if ((name === 'v' || name === 't') && phonetic === 0) cell.inValue = true;
    },
    (rawName) => {
      const name = localName(rawName);
      if (name === 'v' || name === 't') cell.inValue = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && row) row.cells[cell.column] = cellValue(cell.type, cell.raw, strings);
      else if (name === 'row' && row) {
        for (let index = 0; index < row.cells.length; index++) row.cells[index] ??= null;
        rows.push(row);
        row = null;
      }
    },
    (text) => {
      if (cell.inValue) cell.raw += text;
    },
  );
  return rows;
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
  return new AppError('IMPORT_INVALID_FILE', `Trang tính có hơn ${limit} dòng. Hãy chia danh sách thành nhiều tệp, mỗi tệp không quá ${limit} dòng.`, { maxRows });
}

/** How many <row> elements a sheet holds, by scanning its text (no parsing). */
function countRowTags(xml: string): number {
  let count = 0;
  for (let at = xml.indexOf('<row'); at >= 0; at = xml.indexOf('<row', at + 4)) {
    const next = xml.charCodeAt(at + 4);
    if (next === 32 || next === 62 || next === 47) count++; // "<row ", "<row>", "<row/": not "<rowBreaks"
  }
  return count;
}

export type OpenOptions = {
  /** A sheet with more rows is refused (IMPORT_INVALID_FILE) when its rows are first read. */
  maxRows?: number;
};

/** Opens the workbook and lists its sheets in workbook order; throws IMPORT_INVALID_FILE if unreadable. */
export async function openXlsx(buffer: Buffer, options: OpenOptions = {}): Promise<XlsxBook> {
  let zip: ZipPackage | undefined;
  try {
    zip = await openZipPackage(buffer);
    const workbookXml = await zip.readText('xl/workbook.xml');
    if (!workbookXml) throw unreadable();
    const relations = new Map<string, { type: string; target: string }>();
    walkXml(
      (await zip.readText('xl/_rels/workbook.xml.rels')) ?? '<Relationships/>',
      (tag) => {
        if (localName(tag.name) === 'Relationship') relations.set(tag.attributes.Id ?? '', { type: tag.attributes.Type ?? '', target: tag.attributes.Target ?? '' });
      },
      () => undefined,
      () => undefined,
    );
    const declared: Array<{ name: string; path: string }> = [];
    let date1904 = false;
    walkXml(
      workbookXml,
      (tag) => {
        const name = localName(tag.name);
        if (name === 'workbookPr') date1904 = ['1', 'true'].includes(tag.attributes.date1904 ?? '');
        if (name !== 'sheet') return;
        const relationId = Object.entries(tag.attributes).find(([key]) => localName(key) === 'id' && key.includes(':'))?.[1];
        const relation = relationId ? relations.get(relationId) : undefined;
        if (relation) declared.push({ name: tag.attributes.name ?? '', path: resolvePart(relation.target) });
      },
      () => undefined,
      () => undefined,
    );
    const stringsRelation = [...relations.values()].find((relation) => relation.type.endsWith('/sharedStrings'));
    const stringsXml = await zip.readText(stringsRelation ? resolvePart(stringsRelation.target) : 'xl/sharedStrings.xml');
    const strings = stringsXml ? readSharedStrings(stringsXml) : [];
    const sheets: XlsxSheet[] = [];
    for (const sheet of declared) {
      const xml = await zip.readText(sheet.path);
      if (xml === null) continue;
      let parsed: SheetRow[] | null = null;
      sheets.push({
        name: sheet.name,
        rows: function* () {
          // Counted before parsing, so a huge sheet is refused before it fills the memory.
          if (parsed === null && options.maxRows !== undefined && countRowTags(xml) > options.maxRows) throw tooManyRows(options.maxRows);
          try {
            parsed ??= readSheetRows(xml, strings);
          } catch {
            // Malformed sheet XML is a file problem, reported like any unreadable file.
            throw unreadable();
          }
          yield* parsed;
        },
      });
    }
    if (sheets.length === 0) throw unreadable();
    return { sheets, date1904 };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable();
  } finally {
    zip?.close();
  }
}
