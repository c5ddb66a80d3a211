import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import { todayIso } from '../../platform/dates';
import { CATALOGUE_BY_KEY } from './metric-catalogue';
import { getConsolidation } from './consolidation.service';
import { exportFileName } from '../../platform/file-names';

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA61B1B' } },
  alignment: { vertical: 'middle', wrapText: true },
};

/** The consolidated figures as a sheet: one row per answering unit, the total, then the missing units. */
export async function exportConsolidatedFigures(db: Database, actor: Actor, requestId: number) {
  const view = await getConsolidation(db, actor, requestId);
  const numberItems = view.manualItems.filter((item) => item.type === 'number');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Số liệu tổng hợp', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const headers = [
    'Đơn vị',
    ...view.figures.map((figure) => `${figure.label}${figure.unit === 'percent' ? ' (%)' : ''}`),
    ...numberItems.map((item) => item.label),
  ];
  sheet.columns = headers.map((_, index) => ({ width: index === 0 ? 40 : 18 }));
  sheet.addRow(headers).eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  const percent = (value: number | null | undefined) => (value === null || value === undefined ? '' : Math.round(value * 1000) / 10);
  const cells = (figures: Record<string, number | null>) =>
    view.figures.map((figure) =>
      CATALOGUE_BY_KEY.get(figure.key)!.unit === 'percent' ? percent(figures[figure.key]) : (figures[figure.key] ?? 0),
    );
  for (const unit of view.byUnit) {
    sheet.addRow([
      unit.unitName,
      ...cells(unit.figures),
      ...numberItems.map((item) => (unit.manualValues[item.key] ? Number(unit.manualValues[item.key]!.replace(',', '.')) : '')),
    ]);
  }
  const totals = Object.fromEntries(view.figures.map((figure) => [figure.key, figure.total]));
  const totalRow = sheet.addRow([
    `Tổng cộng (${view.answering}/${view.expected} đơn vị đã báo cáo)`,
    ...cells(totals),
    ...numberItems.map((item) => item.total ?? ''),
  ]);
  totalRow.font = { bold: true };
  if (view.missing.length) {
    sheet.addRow([]);
    sheet.addRow(['Đơn vị chưa báo cáo']).font = { bold: true };
    for (const missing of view.missing) sheet.addRow([missing.unitName]);
  }
  return {
    body: Buffer.from(await book.xlsx.writeBuffer()),
    fileName: exportFileName('Số liệu tổng hợp', 'xlsx', { of: view.request.title, day: todayIso() }),
  };
}
