import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import { assertCan, scopePaths, type Actor } from '../../platform/auth/policy';
import { todayIso } from '../../platform/dates';
import { foldVietnamese } from '../../../shared/text';
import type { SessionsQuery } from '../../../shared/contracts/study';
import { getUnitOrThrow } from '../units/index';
import * as repo from './study.repo';
import { exportFileName } from '../../platform/file-names';

const KIND_LABELS: Record<string, string> = {
  study: 'Học tập chuyên đề',
  conference: 'Hội nghị',
  cell_meeting: 'Sinh hoạt chi bộ định kỳ',
};
/** More than any subtree records in a few years; an export is a list to read, not a backup. */
const EXPORT_LIMIT = 50_000;

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA61B1B' } },
  alignment: { vertical: 'middle', wrapText: true },
};

const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The sessions list as the screen filters it, every page, with the attendance counts. */
export async function exportSessions(db: Database, actor: Actor, query: Omit<SessionsQuery, 'page' | 'pageSize'>) {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'programme.read', unit.path);
  const { items } = await repo.searchSessions(db, {
    ...query,
    q: query.q ? foldVietnamese(query.q) : undefined,
    scope: scopePaths(actor, 'programme.read'),
    unitPath: unit.path,
    page: 1,
    pageSize: EXPORT_LIMIT,
  });
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Buổi học tập, sinh hoạt', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = [
    { header: 'Ngày tổ chức', width: 14 },
    { header: 'Tên buổi', width: 40 },
    { header: 'Loại', width: 24 },
    { header: 'Chuyên đề', width: 50 },
    { header: 'Có nội dung học tập và làm theo Bác', width: 18 },
    { header: 'Đơn vị', width: 34 },
    { header: 'Địa điểm', width: 28 },
    { header: 'Trực tuyến', width: 11 },
    { header: 'Có mặt', width: 10 },
    { header: 'Vắng có lý do', width: 12 },
    { header: 'Vắng không lý do', width: 12 },
    { header: 'Đã học bù', width: 11 },
  ];
  sheet.columns = columns.map((column) => ({ width: column.width }));
  sheet.addRow(columns.map((column) => column.header)).eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  for (const row of items) {
    const added = sheet.addRow([
      excelDate(row.held_on),
      row.title,
      KIND_LABELS[row.kind] ?? row.kind,
      row.topic_title ?? '',
      row.has_campaign_item ? 'x' : '',
      row.unit_name,
      row.place ?? '',
      row.is_online ? 'x' : '',
      row.present,
      row.absent_excused,
      row.absent,
      row.made_up,
    ]);
    added.getCell(1).numFmt = 'dd/mm/yyyy';
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return {
    body: Buffer.from(await book.xlsx.writeBuffer()),
    fileName: exportFileName('Buổi học tập, sinh hoạt', 'xlsx', { of: unit.name, day: todayIso() }),
  };
}
