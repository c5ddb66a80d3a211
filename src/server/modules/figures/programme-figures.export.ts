import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import { formatVietnameseDate } from '../../platform/dates';
import type { ProgrammeFigures } from '../../../shared/contracts/programme-figures';
import { getProgrammeFigures } from './programme-figures.service';
import { getRegistrationFigures } from './registration-figures.service';
import { addRegistrationSheets, FIGURE_HEADER_STYLE as HEADER_STYLE } from './registration-figures.export';

const COLUMNS: Array<{ key: keyof ProgrammeFigures; header: string; percent?: boolean }> = [
  { key: 'members', header: 'Số người sinh hoạt' },
  { key: 'studied', header: 'Đã học tập chuyên đề' },
  { key: 'studyRate', header: 'Tỷ lệ học tập', percent: true },
  { key: 'studySessions', header: 'Buổi học tập, hội nghị' },
  { key: 'cellMeetings', header: 'Buổi sinh hoạt chi bộ' },
  { key: 'cellMeetingsWithCampaign', header: 'Có nội dung học tập và làm theo Bác' },
  { key: 'campaignMeetingRate', header: 'Tỷ lệ sinh hoạt có nội dung', percent: true },
  { key: 'standardKeepingUnits', header: 'Đơn vị phải xây dựng chuẩn mực' },
  { key: 'standardsAdopted', header: 'Đã ban hành chuẩn mực' },
  { key: 'standardsRate', header: 'Tỷ lệ ban hành chuẩn mực', percent: true },
  { key: 'signsPosted', header: 'Đã gắn biển' },
  { key: 'signsRate', header: 'Tỷ lệ gắn biển', percent: true },
  { key: 'breakthroughs', header: 'Nội dung đột phá' },
  { key: 'breakthroughsDone', header: 'Đã hoàn thành' },
  { key: 'breakthroughRate', header: 'Tỷ lệ hoàn thành', percent: true },
  { key: 'reportsExpected', header: 'Báo cáo phải gửi' },
  { key: 'reportsSubmitted', header: 'Báo cáo đã gửi' },
  { key: 'reportingRate', header: 'Tỷ lệ báo cáo', percent: true },
  { key: 'reportsOnTime', header: 'Gửi đúng hạn' },
  { key: 'onTimeRate', header: 'Tỷ lệ đúng hạn', percent: true },
];


/** The dashboard as a workbook: one row per child unit and a total row; rates as real percentages. */
export async function exportProgrammeFigures(db: Database, actor: Actor, unitId: number, year: number) {
  const answer = await getProgrammeFigures(db, actor, unitId, year);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Số liệu', { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });
  sheet.columns = [{ width: 12 }, { width: 40 }, ...COLUMNS.map((column) => ({ width: column.percent ? 14 : 16 }))];
  sheet.addRow([`Số liệu học tập và làm theo năm ${year} — ${answer.unit.name} (tính đến ngày ${formatVietnameseDate(answer.asOf)})`]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  const header = sheet.addRow(['Mã đơn vị', 'Đơn vị', ...COLUMNS.map((column) => column.header)]);
  header.height = 45;
  header.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  const addFigures = (code: string, name: string, figures: ProgrammeFigures, bold = false) => {
    const row = sheet.addRow([code, name, ...COLUMNS.map((column) => figures[column.key])]);
    COLUMNS.forEach((column, index) => {
      row.getCell(index + 3).numFmt = column.percent ? '0.0%' : '#,##0';
    });
    if (bold) row.font = { bold: true };
  };
  for (const child of answer.children) addFigures(child.unit.code, child.unit.name, child.figures);
  addFigures(answer.unit.code, `Toàn ${answer.unit.name}`, answer.figures, true);
  const guide = book.addWorksheet('Định nghĩa');
  guide.columns = [{ width: 36 }, { width: 110 }];
  guide.addRow(['Chỉ số', 'Định nghĩa']).eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  for (const column of COLUMNS) guide.addRow([column.header, answer.definitions[column.key]]).alignment = { wrapText: true, vertical: 'top' };
  // The dashboard's second table, registrations, travels in the same workbook.
  addRegistrationSheets(book, await getRegistrationFigures(db, actor, unitId, year), { figures: 'Đăng ký làm theo', definitions: 'Định nghĩa đăng ký' });
  return { body: Buffer.from(await book.xlsx.writeBuffer()), fileName: `Số liệu học tập và làm theo ${year} - ${answer.unit.name}.xlsx` };
}
