import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import type { ProgrammeFigures } from '../../../shared/contracts/programme-figures';
import { getProgrammeFigures } from './programme-figures.service';
import { getRegistrationFigures } from './registration-figures.service';
import { addRegistrationSheets } from './registration-figures.export';
import { addFiguresSheets, keyedColumns } from './figures-workbook';
import { exportFileName } from '../../platform/file-names';
import { todayIso } from '../../platform/dates';

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
  addFiguresSheets(book, {
    names: { figures: 'Số liệu', definitions: 'Định nghĩa' },
    title: `Số liệu học tập và làm theo năm ${year}`,
    asOf: answer.asOf,
    columns: keyedColumns<ProgrammeFigures, keyof ProgrammeFigures>(COLUMNS, answer.definitions),
    unit: answer.unit,
    figures: answer.figures,
    children: answer.children,
  });
  // The dashboard's second table, registrations, travels in the same workbook.
  addRegistrationSheets(book, await getRegistrationFigures(db, actor, unitId, year), {
    figures: 'Đăng ký làm theo',
    definitions: 'Định nghĩa đăng ký',
  });
  return {
    body: Buffer.from(await book.xlsx.writeBuffer()),
    fileName: exportFileName('Số liệu học tập và làm theo', 'xlsx', { year, of: answer.unit.name, day: todayIso() }),
  };
}
