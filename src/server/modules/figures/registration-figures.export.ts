import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import { formatVietnameseDate } from '../../platform/dates';
import type { RegistrationFigures } from '../../../shared/contracts/followup';
import { getRegistrationFigures } from './registration-figures.service';

export const REGISTRATION_FIGURE_HEADERS: Array<{ key: keyof RegistrationFigures; header: string; percent?: boolean }> = [
  { key: 'members', header: 'Số người sinh hoạt' },
  { key: 'registered', header: 'Đã đăng ký làm theo' },
  { key: 'registrationRate', header: 'Tỷ lệ đăng ký', percent: true },
  { key: 'leadersRegistered', header: 'Người đứng đầu đã đăng ký' },
  { key: 'collectiveRegistered', header: 'Bản đăng ký tập thể' },
  { key: 'individualActions', header: 'Việc làm cá nhân đăng ký' },
  { key: 'collectiveActions', header: 'Việc làm tập thể đăng ký' },
  { key: 'approvedActions', header: 'Việc làm đã thẩm định' },
  { key: 'actionsDone', header: 'Việc làm tự đánh giá hoàn thành' },
  { key: 'approved', header: 'Đã thẩm định' },
  { key: 'published', header: 'Đã công khai' },
  { key: 'returned', header: 'Đang trả lại' },
  { key: 'checkIns', header: 'Lần cập nhật tiến độ' },
  { key: 'selfAssessed', header: 'Đã tự đánh giá' },
  { key: 'reviewed', header: 'Đã nhận xét, đánh giá' },
  { key: 'completedWell', header: 'Hoàn thành tốt' },
  { key: 'completed', header: 'Hoàn thành' },
  { key: 'notCompleted', header: 'Không hoàn thành' },
];

/** The header row of every figures workbook: white on the Party red, wrapped. */
export const FIGURE_HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA61B1B' } },
  alignment: { vertical: 'middle', wrapText: true },
};
const HEADER_STYLE = FIGURE_HEADER_STYLE;

type Answer = Awaited<ReturnType<typeof getRegistrationFigures>>;

/** Adds the registration figures (one row per child unit, a total row) and their definitions to a workbook. */
export function addRegistrationSheets(book: ExcelJS.Workbook, answer: Answer, names = { figures: 'Đăng ký làm theo', definitions: 'Định nghĩa' }) {
  const sheet = book.addWorksheet(names.figures, { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });
  sheet.columns = [{ width: 12 }, { width: 40 }, ...REGISTRATION_FIGURE_HEADERS.map((column) => ({ width: column.percent ? 14 : 16 }))];
  sheet.addRow([`Số liệu đăng ký làm theo năm ${answer.year} — ${answer.unit.name} (tính đến ngày ${formatVietnameseDate(answer.asOf)})`]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  const header = sheet.addRow(['Mã đơn vị', 'Đơn vị', ...REGISTRATION_FIGURE_HEADERS.map((column) => column.header)]);
  header.height = 45;
  header.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  const addFigures = (code: string, name: string, figures: RegistrationFigures, bold = false) => {
    const row = sheet.addRow([code, name, ...REGISTRATION_FIGURE_HEADERS.map((column) => figures[column.key])]);
    REGISTRATION_FIGURE_HEADERS.forEach((column, index) => {
      row.getCell(index + 3).numFmt = column.percent ? '0.0%' : '#,##0';
    });
    if (bold) row.font = { bold: true };
  };
  for (const child of answer.children) addFigures(child.unit.code, child.unit.name, child.figures);
  addFigures(answer.unit.code, `Toàn ${answer.unit.name}`, answer.figures, true);
  const guide = book.addWorksheet(names.definitions);
  guide.columns = [{ width: 36 }, { width: 110 }];
  guide.addRow(['Chỉ số', 'Định nghĩa']).eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  for (const column of REGISTRATION_FIGURE_HEADERS) guide.addRow([column.header, answer.definitions[column.key]]).alignment = { wrapText: true, vertical: 'top' };
}

/** The registration figures as a workbook of their own. */
export async function exportRegistrationFigures(db: Database, actor: Actor, unitId: number, year: number) {
  const answer = await getRegistrationFigures(db, actor, unitId, year);
  const book = new ExcelJS.Workbook();
  addRegistrationSheets(book, answer);
  return { body: Buffer.from(await book.xlsx.writeBuffer()), fileName: `Số liệu đăng ký làm theo ${year} - ${answer.unit.name}.xlsx` };
}
