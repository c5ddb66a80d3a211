import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/auth/policy';
import { foldVietnamese } from '../../../shared/text';
import type { BreakthroughsQuery } from '../../../shared/contracts/programme';
import * as repo from './breakthroughs.repo';
import { STATUS_LABELS } from './breakthroughs.service';
import { listRoots } from './programme.scope';

/** A province has a few hundred contents a year; far more means the filter was forgotten. */
const EXPORT_LIMIT = 20_000;

function excelDate(iso: string | null): Date | null {
  if (!iso) return null;
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The breakthrough contents of a list, as the follow-up sheet officers keep in Excel today. */
export async function exportBreakthroughs(
  db: Database,
  actor: Actor,
  query: Omit<BreakthroughsQuery, 'page' | 'pageSize'>,
): Promise<Buffer> {
  const roots = await listRoots(db, actor, query.unitId);
  const rows = await repo.listBreakthroughsForExport(
    db,
    { ...query, roots, q: query.q ? foldVietnamese(query.q) : undefined },
    EXPORT_LIMIT + 1,
  );
  if (rows.length > EXPORT_LIMIT) {
    throw new AppError(
      'BAD_REQUEST',
      `Danh sách có hơn ${EXPORT_LIMIT.toLocaleString('vi-VN')} dòng. Hãy lọc theo năm hoặc đơn vị rồi xuất lại.`,
    );
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Nội dung đột phá', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'STT', width: 6 },
    { header: 'Năm', width: 8 },
    { header: 'Cấp lựa chọn', width: 36 },
    { header: 'Nội dung đột phá', width: 50 },
    { header: 'Đơn vị chủ trì', width: 36 },
    { header: 'Chỉ tiêu, kết quả cần đạt', width: 44 },
    { header: 'Thời hạn', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Tiến độ (%)', width: 11 },
    { header: 'Trạng thái', width: 18 },
    { header: 'Ngày hoàn thành', width: 14, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Kết quả', width: 44 },
    { header: 'Hưởng ứng từ cấp trên', width: 12 },
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA61B1B' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  rows.forEach((row, index) => {
    const { content } = row;
    sheet.addRow([
      index + 1,
      content.year,
      row.unitName,
      content.title,
      row.ownerName,
      content.target,
      excelDate(content.deadline),
      content.progressPercent,
      STATUS_LABELS[content.status],
      excelDate(content.completedOn),
      content.result ?? '',
      content.adoptedFromId ? 'x' : '',
    ]);
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
