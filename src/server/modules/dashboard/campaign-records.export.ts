import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import { formatVietnameseDate, todayIso } from '../../platform/dates';
import { exportFileName } from '../../platform/file-names';
import { REGISTRATION_STATUS_LABELS } from '../../../shared/contracts/registration-status';
import type { CampaignRecord, CampaignRecordsExportQuery } from '../../../shared/contracts/campaign-overview';
import { REMEDY_STATUS_LABELS } from '../../../shared/contracts/inspections';
import { GRADE_LABELS } from '../../../shared/contracts/grading';
import { FIGURE_HEADER_STYLE } from '../figures/index';
import { readAllCampaignRecords } from './campaign-records.service';

/** The columns after "STT" for each kind of record: who or what, where it sits, and its day or status. */
const HEADERS: Record<CampaignRecord['kind'], [string, string, string]> = {
  member: ['Họ và tên', 'Đơn vị', 'Sinh hoạt từ ngày'],
  studied: ['Họ và tên', 'Đơn vị', 'Học tập ngày'],
  registration: ['Người, tập thể đăng ký', 'Đơn vị', 'Trạng thái'],
  adopted: ['Đơn vị', 'Trực thuộc', 'Thông qua chuẩn mực lần đầu'],
  signed: ['Đơn vị', 'Trực thuộc', 'Gắn biển ngày'],
  unit: ['Đơn vị', 'Trực thuộc', 'Ghi chú'],
  inspection: ['Đơn vị được kiểm tra, giám sát', 'Cấp kiểm tra, giám sát', 'Kết luận ngày'],
  remedy: ['Việc khắc phục', 'Đơn vị phải khắc phục', 'Trạng thái, hạn'],
  checkIn: ['Người, tập thể đăng ký', 'Đơn vị', 'Cập nhật ngày'],
  graded: ['Họ và tên', 'Đơn vị', 'Xếp loại'],
  report: ['Đơn vị báo cáo', 'Báo cáo', 'Nộp lần đầu ngày'],
  commended: ['Tập thể, cá nhân, mô hình', 'Đơn vị đề nghị', 'Quyết định ngày'],
  feedback: ['Đơn vị nhận phản ánh', 'Trực thuộc', 'Hạn trả lời'],
  breakthrough: ['Nội dung đột phá', 'Đơn vị chọn', 'Tính từ ngày'],
};

/** The last column of a record: a status in words, a day, or both for a remedy. */
function detailOf(item: CampaignRecord): string {
  const day = item.day ? formatVietnameseDate(item.day) : '';
  if (item.kind === 'registration') return REGISTRATION_STATUS_LABELS[item.status];
  if (item.kind === 'report') return day || 'Chưa nộp';
  if (item.kind === 'graded') return GRADE_LABELS[item.status];
  if (item.kind === 'remedy') return `${REMEDY_STATUS_LABELS[item.status]}, hạn ${day}`;
  return day;
}

/** The records behind a number as a workbook: one row per person or registration, numbered as the number counts them. */
export async function exportCampaignRecords(db: Database, actor: Actor, query: CampaignRecordsExportQuery) {
  const { unit, title, asOf, items } = await readAllCampaignRecords(db, actor, query);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = [{ width: 7 }, { width: 34 }, { width: 40 }, { width: 26 }];
  sheet.addRow([
    `${title} năm ${query.year} — ${unit.name} (tính đến ngày ${formatVietnameseDate(asOf)}): ${items.length.toLocaleString('vi-VN')}`,
  ]).font = {
    bold: true,
    size: 13,
  };
  sheet.addRow([]);
  sheet.addRow(['STT', ...HEADERS[items[0]?.kind ?? 'member']]).eachCell((cell) => {
    cell.style = FIGURE_HEADER_STYLE;
  });
  items.forEach((item, index) => {
    sheet.addRow([index + 1, item.name, item.unitName, detailOf(item)]);
  });
  return {
    body: Buffer.from(await book.xlsx.writeBuffer()),
    fileName: exportFileName(title, 'xlsx', { year: query.year, of: unit.name, day: todayIso() }),
  };
}
