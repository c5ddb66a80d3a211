import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import { formatVietnameseDate, todayIso } from '../../platform/dates';
import { exportFileName } from '../../platform/file-names';
import { REGISTRATION_STATUS_LABELS, type RegistrationStatus } from '../../../shared/contracts/registration-status';
import type { CampaignRecordsExportQuery } from '../../../shared/contracts/campaign-overview';
import { FIGURE_HEADER_STYLE } from '../figures/index';
import { readAllCampaignRecords } from './campaign-records.service';

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
  const kind = items[0]?.kind ?? 'member';
  const DAY_HEADERS = { member: 'Sinh hoạt từ ngày', studied: 'Học tập ngày', registration: 'Trạng thái' } as const;
  sheet.addRow(['STT', kind === 'registration' ? 'Người, tập thể đăng ký' : 'Họ và tên', 'Đơn vị', DAY_HEADERS[kind]]).eachCell((cell) => {
    cell.style = FIGURE_HEADER_STYLE;
  });
  items.forEach((item, index) => {
    const detail =
      item.kind === 'registration' ? REGISTRATION_STATUS_LABELS[item.status as RegistrationStatus] : formatVietnameseDate(item.day ?? '');
    sheet.addRow([index + 1, item.name, item.unitName, detail]);
  });
  return {
    body: Buffer.from(await book.xlsx.writeBuffer()),
    fileName: exportFileName(title, 'xlsx', { year: query.year, of: unit.name, day: todayIso() }),
  };
}
