import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import { formatVietnameseDate, todayIso } from '../../platform/dates';
import { LAGGING_ACTION_LABELS, LAGGING_REASONS, type LaggingQuery } from '../../../shared/contracts/inspections';
import { LAGGING_REASON_DEFINITIONS, LAGGING_REASON_LABELS, thresholdText } from './lagging-rules';
import { findLaggingUnits } from './lagging.service';
import { exportFileName } from '../../platform/file-names';

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA61B1B' } },
  alignment: { vertical: 'middle', wrapText: true },
};

/** A Vietnamese calendar day as Excel shows a date. */
const excelDate = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * The lagging units as the list filters them, every page: one row per unit with its reasons in
 * words, a mark per reason (to filter on), and the last handling of the year; then what each
 * reason measures and the thresholds that applied.
 */
export async function exportLaggingUnits(db: Database, actor: Actor, query: Omit<LaggingQuery, 'page' | 'pageSize'>) {
  const { root, evaluation, items } = await findLaggingUnits(db, actor, query);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Đơn vị chưa nghiêm túc', { views: [{ state: 'frozen', ySplit: 3, xSplit: 3 }] });
  const columns = [
    { header: 'STT', width: 6 },
    { header: 'Mã đơn vị', width: 12 },
    { header: 'Đơn vị', width: 36 },
    { header: 'Trực thuộc', width: 30 },
    { header: 'Số lý do', width: 9 },
    { header: 'Lý do', width: 70 },
    ...LAGGING_REASONS.map((code) => ({ header: LAGGING_REASON_LABELS[code], width: 14 })),
    { header: 'Xử lý gần nhất trong năm', width: 26 },
    { header: 'Ngày xử lý', width: 12 },
    { header: 'Nội dung xử lý', width: 50 },
  ];
  sheet.columns = columns.map((column) => ({ width: column.width }));
  sheet.addRow([
    `Đơn vị chưa thực hiện nghiêm túc năm ${query.year} — ${root.name} (số liệu tính đến ngày ${formatVietnameseDate(evaluation.asOf)}; đã xét ${evaluation.evaluated.toLocaleString('vi-VN')} đơn vị)`,
  ]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  const header = sheet.addRow(columns.map((column) => column.header));
  header.height = 45;
  header.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  items.forEach((item, index) => {
    const codes = new Set(item.reasons.map((reason) => reason.code));
    const action = item.lastAction;
    const row = sheet.addRow([
      index + 1,
      item.unit.code,
      item.unit.name,
      item.parent?.name ?? '',
      item.reasons.length,
      item.reasons.map((reason) => `- ${reason.text}`).join('\n'),
      ...LAGGING_REASONS.map((code) => (codes.has(code) ? 'x' : '')),
      action ? LAGGING_ACTION_LABELS[action.action] : '',
      action ? excelDate(todayIso(new Date(action.at))) : '',
      action?.note ?? '',
    ]);
    row.getCell(columns.length - 1).numFmt = 'dd/mm/yyyy';
    row.alignment = { vertical: 'top', wrapText: true };
  });
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: columns.length } };

  const guide = book.addWorksheet('Định nghĩa');
  guide.columns = [{ width: 40 }, { width: 16 }, { width: 110 }];
  guide.addRow([evaluation.thresholdsFrom ? `Ngưỡng do ${evaluation.thresholdsFrom.name} đặt` : 'Ngưỡng mặc định', '', '']).font = {
    bold: true,
  };
  guide.addRow(['Lý do', 'Ngưỡng', 'Định nghĩa']).eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  for (const code of LAGGING_REASONS) {
    guide.addRow([LAGGING_REASON_LABELS[code], thresholdText(code, evaluation.thresholds), LAGGING_REASON_DEFINITIONS[code]]).alignment = {
      wrapText: true,
      vertical: 'top',
    };
  }
  return {
    body: Buffer.from(await book.xlsx.writeBuffer()),
    fileName: exportFileName('Đơn vị chưa thực hiện nghiêm túc', 'xlsx', { year: query.year, of: root.name, day: todayIso() }),
  };
}
