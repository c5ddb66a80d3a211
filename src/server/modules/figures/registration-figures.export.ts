import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import type { RegistrationFigures } from '../../../shared/contracts/followup';
import { getRegistrationFigures } from './registration-figures.service';
import { addFiguresSheets, keyedColumns } from './figures-workbook';
import { exportFileName } from '../../platform/file-names';
import { todayIso } from '../../platform/dates';

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

type Answer = Awaited<ReturnType<typeof getRegistrationFigures>>;

/** Adds the registration figures (one row per child unit, a total row) and their definitions to a workbook. */
export function addRegistrationSheets(
  book: ExcelJS.Workbook,
  answer: Answer,
  names = { figures: 'Đăng ký làm theo', definitions: 'Định nghĩa' },
) {
  addFiguresSheets(book, {
    names,
    title: `Số liệu đăng ký làm theo năm ${answer.year}`,
    asOf: answer.asOf,
    columns: keyedColumns<RegistrationFigures, keyof RegistrationFigures>(REGISTRATION_FIGURE_HEADERS, answer.definitions),
    unit: answer.unit,
    figures: answer.figures,
    children: answer.children,
  });
}

/** The registration figures as a workbook of their own. */
export async function exportRegistrationFigures(db: Database, actor: Actor, unitId: number, year: number) {
  const answer = await getRegistrationFigures(db, actor, unitId, year);
  const book = new ExcelJS.Workbook();
  addRegistrationSheets(book, answer);
  return {
    body: Buffer.from(await book.xlsx.writeBuffer()),
    fileName: exportFileName('Số liệu đăng ký làm theo', 'xlsx', { year, of: answer.unit.name, day: todayIso() }),
  };
}
