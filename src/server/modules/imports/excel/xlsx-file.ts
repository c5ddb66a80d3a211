import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors';

/**
 * Reads the cell values of an .xlsx file with exceljs, which handles what real
 * office programs write (shared and inline strings, rich text, formulas, hyperlinks, 1904 dates).
 * Dates are handed on as Excel serial numbers, the form the date parser accepts for every cell.
 */
export type CellValue = string | number | boolean | null;
export type SheetRow = { row: number; cells: CellValue[] };
export type XlsxSheet = { name: string; rows: () => Generator<SheetRow> };
export type XlsxBook = { sheets: XlsxSheet[]; date1904: boolean };

export const UNREADABLE_MESSAGE = 'Không đọc được tệp. Hãy tải lên tệp Excel (.xlsx) theo mẫu.';
const MS_PER_DAY = 86_400_000;
/** Days between Excel's day 0 (30/12/1899) and the Unix epoch. */
const EXCEL_EPOCH_OFFSET = 25_569;

function unreadable(): AppError {
  return new AppError('IMPORT_INVALID_FILE', UNREADABLE_MESSAGE);
}

/** Turns any exceljs cell value into a plain value; exceljs gives dates at UTC midnight. */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? null : plainValue(result);
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : null;
  if ('error' in value) return null;
  return null;
}

/**
 * Opens the workbook and lists its sheets in workbook order; throws IMPORT_INVALID_FILE if unreadable.
 * The whole workbook is loaded: exceljs's streaming reader was twice as fast but split multi-byte
 * UTF-8 characters at chunk boundaries ("Bí thư" read as "B\ufffd\ufffd thư" deep in a 50,000-row
 * file), and Vietnamese text is exactly what we import.
 */
export async function openXlsx(buffer: Buffer): Promise<XlsxBook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's own Buffer type predates Node's generic Buffer<ArrayBuffer>.
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable();
  }
  const sheets: XlsxSheet[] = workbook.worksheets.map((worksheet) => ({
    name: worksheet.name,
    rows: function* () {
      for (let number = 1; number <= worksheet.rowCount; number++) {
        const row = worksheet.findRow(number);
        if (!row) continue;
        const values = row.values as ExcelJS.CellValue[];
        // exceljs rows are 1-based: index 0 is always empty.
        yield { row: number, cells: values.slice(1).map(plainValue) };
      }
    },
  }));
  if (sheets.length === 0) throw unreadable();
  return { sheets, date1904: false };
}
