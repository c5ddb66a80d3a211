import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import { assertCan, scopePaths, type Actor } from '../../platform/auth/policy';
import { todayIso } from '../../platform/dates';
import { foldVietnamese } from '../../../shared/text';
import { FEEDBACK_STATUS_LABELS, type FeedbackExportQuery } from '../../../shared/contracts/supervision';
import { getUnitOrThrow } from '../units/index';
import * as repo from './feedback.repo';
import { exportFileName } from '../../platform/file-names';

/** More than a subtree receives in years; an export is a list to report from, not a backup. */
const EXPORT_LIMIT = 50_000;

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA61B1B' } },
  alignment: { vertical: 'middle', wrapText: true },
};

const excelDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const vietnamDay = (timestamp: string) => new Date(new Date(timestamp).getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * The inbox as the screen filters it, for reports on how feedback was handled. The sender's name
 * and contact are left out: a file travels further than the screen, and a report does not need them.
 */
export async function exportFeedback(db: Database, actor: Actor, query: FeedbackExportQuery) {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'feedback.manage', unit.path);
  const { items } = await repo.searchFeedback(db, {
    scope: scopePaths(actor, 'feedback.manage'),
    unitPath: unit.path,
    status: query.status,
    overdue: query.overdue,
    q: query.q ? foldVietnamese(query.q) : undefined,
    page: 1,
    pageSize: EXPORT_LIMIT,
  });
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Phản ánh, góp ý', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = [
    { header: 'Ngày gửi', width: 13 },
    { header: 'Đơn vị', width: 32 },
    { header: 'Về bản đăng ký của', width: 24 },
    { header: 'Nội dung', width: 60 },
    { header: 'Trạng thái', width: 14 },
    { header: 'Hạn trả lời', width: 13 },
    { header: 'Quá hạn', width: 9 },
    { header: 'Ngày trả lời', width: 13 },
    { header: 'Trả lời của đơn vị', width: 60 },
    { header: 'Lý do ẩn', width: 30 },
  ];
  sheet.columns = columns.map((column) => ({ width: column.width }));
  sheet.addRow(columns.map((column) => column.header)).eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  for (const row of items) {
    const added = sheet.addRow([
      excelDate(vietnamDay(row.created_at)),
      row.unit_name,
      row.registrant_name ?? '',
      row.status === 'hidden' ? '' : row.body,
      FEEDBACK_STATUS_LABELS[row.status],
      excelDate(row.due_on),
      row.overdue ? 'x' : '',
      row.answered_at ? excelDate(vietnamDay(row.answered_at)) : '',
      row.answer ?? '',
      row.hidden_reason ?? '',
    ]);
    for (const index of [1, 6, 8]) added.getCell(index).numFmt = 'dd/mm/yyyy';
    added.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return {
    body: Buffer.from(await book.xlsx.writeBuffer()),
    fileName: exportFileName('Phản ánh, góp ý', 'xlsx', { of: unit.name, day: todayIso() }),
  };
}
