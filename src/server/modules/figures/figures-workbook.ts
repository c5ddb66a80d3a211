import type ExcelJS from 'exceljs';
import { formatVietnameseDate } from '../../platform/dates';

/** The header row of every figures workbook: white on the Party red, wrapped. */
export const FIGURE_HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA61B1B' } },
  alignment: { vertical: 'middle', wrapText: true },
};

/** One figure column: its header, its definition (on the second sheet), how to read it and how to show it. */
export type FigureColumn<Figures> = {
  header: string;
  definition: string;
  read: (figures: Figures) => number | null;
  format?: 'count' | 'percent' | 'decimal';
};

type UnitName = { code: string; name: string };

const NUMBER_FORMATS = { count: '#,##0', percent: '0.0%', decimal: '#,##0.0' } as const;

/**
 * Adds a figures table to a workbook: a title with the day the figures were read, one row per child
 * unit, a bold total row of the unit, and a second sheet with what each figure means. Every figures
 * export (programme, registrations, commendations) writes its sheets this way.
 */
export function addFiguresSheets<Figures>(
  book: ExcelJS.Workbook,
  content: {
    names: { figures: string; definitions: string };
    title: string;
    asOf: string;
    columns: Array<FigureColumn<Figures>>;
    unit: UnitName;
    figures: Figures;
    children: Array<{ unit: UnitName; figures: Figures }>;
  },
): void {
  const { columns } = content;
  const sheet = book.addWorksheet(content.names.figures, { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });
  sheet.columns = [{ width: 12 }, { width: 40 }, ...columns.map((column) => ({ width: column.format === 'percent' ? 14 : 16 }))];
  sheet.addRow([`${content.title} — ${content.unit.name} (tính đến ngày ${formatVietnameseDate(content.asOf)})`]).font = {
    bold: true,
    size: 13,
  };
  sheet.addRow([]);
  const header = sheet.addRow(['Mã đơn vị', 'Đơn vị', ...columns.map((column) => column.header)]);
  header.height = 45;
  header.eachCell((cell) => {
    cell.style = FIGURE_HEADER_STYLE;
  });
  const addFigures = (unit: UnitName, name: string, figures: Figures, bold = false) => {
    const row = sheet.addRow([unit.code, name, ...columns.map((column) => column.read(figures))]);
    columns.forEach((column, index) => {
      row.getCell(index + 3).numFmt = NUMBER_FORMATS[column.format ?? 'count'];
    });
    if (bold) row.font = { bold: true };
  };
  for (const child of content.children) addFigures(child.unit, child.unit.name, child.figures);
  addFigures(content.unit, `Toàn ${content.unit.name}`, content.figures, true);
  const guide = book.addWorksheet(content.names.definitions);
  guide.columns = [{ width: 36 }, { width: 110 }];
  guide.addRow(['Chỉ số', 'Định nghĩa']).eachCell((cell) => {
    cell.style = FIGURE_HEADER_STYLE;
  });
  for (const column of columns) guide.addRow([column.header, column.definition]).alignment = { wrapText: true, vertical: 'top' };
}

/** Columns read straight from the figures by key, with the answer's own definitions. */
export function keyedColumns<Figures, Key extends keyof Figures & string>(
  headers: Array<{ key: Key; header: string; percent?: boolean }>,
  definitions: Record<Key, string>,
): Array<FigureColumn<Figures>> {
  return headers.map((column) => ({
    header: column.header,
    definition: definitions[column.key],
    read: (figures) => figures[column.key] as number | null,
    format: column.percent ? 'percent' : 'count',
  }));
}
