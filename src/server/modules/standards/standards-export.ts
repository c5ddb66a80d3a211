import ExcelJS from 'exceljs';
import { UNIT_KIND_LABELS } from '../../../shared/contracts/domain';
import type { OverviewRow } from './standards.repo';

export const OVERVIEW_SHEET = 'Chuẩn mực đạo đức';

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA61B1B' } },
  alignment: { vertical: 'middle', wrapText: true },
};
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: 'dd/mm/yyyy', alignment: { horizontal: 'center' } };
const CENTER_STYLE: Partial<ExcelJS.Style> = { alignment: { horizontal: 'center' } };

type Column = { header: string; width: number; style?: Partial<ExcelJS.Style>; value: (row: OverviewRow) => string | number | Date | null };

/** ISO date → a UTC-midnight Date, which exceljs turns into the matching Excel day. */
function excelDate(iso: string | null): Date | null {
  if (!iso) return null;
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

const COLUMNS: Column[] = [
  { header: 'Mã đơn vị', width: 22, value: (row) => row.code },
  { header: 'Tên đơn vị', width: 44, value: (row) => row.name },
  { header: 'Loại', width: 18, value: (row) => UNIT_KIND_LABELS[row.kind] ?? row.kind },
  { header: 'Trực thuộc', width: 36, value: (row) => row.parentName },
  { header: 'Đã thông qua chuẩn mực', width: 14, style: CENTER_STYLE, value: (row) => (row.adoptedOn ? 'Có' : 'Chưa') },
  { header: 'Phiên bản hiện hành', width: 12, style: CENTER_STYLE, value: (row) => row.versionNumber },
  { header: 'Ngày thông qua', width: 14, style: DATE_STYLE, value: (row) => excelDate(row.adoptedOn) },
  { header: 'Ngày thông qua lần đầu', width: 14, style: DATE_STYLE, value: (row) => excelDate(row.firstAdoptedOn) },
  { header: 'Đã gắn biển', width: 12, style: CENTER_STYLE, value: (row) => (row.postedOn ? 'Có' : 'Chưa') },
  { header: 'Ngày gắn biển', width: 14, style: DATE_STYLE, value: (row) => excelDate(row.postedOn) },
  { header: 'Vị trí gắn biển', width: 36, value: (row) => row.location },
  { header: 'Có ảnh biển', width: 10, style: CENTER_STYLE, value: (row) => (row.hasPhoto ? 'x' : null) },
];

/** One sheet, one row per unit, with frozen headers and a filter, ready to print or to sort. */
export async function writeOverviewWorkbook(rows: OverviewRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(OVERVIEW_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({ width: column.width, style: column.style ?? {} }));
  const header = sheet.getRow(1);
  COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.style = HEADER_STYLE;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  for (const row of rows) sheet.addRow(COLUMNS.map((column) => column.value(row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
