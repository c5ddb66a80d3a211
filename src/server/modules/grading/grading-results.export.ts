import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { GRADING_STATUS_LABELS, type Grade, type GradingStatus } from '../../../shared/contracts/grading';
import { getUnitOrThrow } from '../units/index';
import { gradeLabel, isAssessed } from './grading-documents';
import { listResults, type ResultRow } from './grading.repo';
import { exportFileName } from '../../platform/file-names';
import { todayIso } from '../../platform/dates';

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA61B1B' } },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};

type Value = string | number | null;
type Column = { header: string; width: number; read: (row: ResultRow) => Value; points?: boolean };

const pointsOf = (value: string | number | null) => (value === null ? null : Number(value));
const statusLabel = (status: GradingStatus) => GRADING_STATUS_LABELS[status];
// An empty cell rather than an empty string, so Excel's blanks filter finds the ungraded.
const grade = (value: Grade | null) => (value === null ? null : gradeLabel(value));

/** The grading level's figures only while they are current (see isAssessed): a stale grade would mislead. */
const assessed = <T>(row: ResultRow, value: T): T | null => (isAssessed(row.status) ? value : null);

const MEMBER_COLUMNS: Column[] = [
  { header: 'Họ và tên', width: 28, read: (row) => row.person_name },
  { header: 'Chi bộ', width: 30, read: (row) => row.unit_name },
  { header: 'Trạng thái', width: 24, read: (row) => statusLabel(row.status) },
  { header: 'Tự nhận', width: 26, read: (row) => grade(row.self_grade) },
  { header: 'Điểm tự chấm', width: 12, read: (row) => pointsOf(row.self_total), points: true },
  { header: 'Điểm đánh giá', width: 12, read: (row) => assessed(row, pointsOf(row.proposed_total)), points: true },
  { header: 'Mức đề xuất', width: 26, read: (row) => assessed(row, grade(row.grade)) },
  { header: 'Lý do khác mức', width: 40, read: (row) => assessed(row, row.override_reason) },
  { header: 'Mức quyết định', width: 26, read: (row) => grade(row.decided_grade) },
];

const COLLECTIVE_COLUMNS: Column[] = [
  { header: 'Tổ chức đảng', width: 40, read: (row) => row.unit_name },
  { header: 'Trạng thái', width: 24, read: (row) => statusLabel(row.status) },
  { header: 'Tự nhận', width: 26, read: (row) => grade(row.self_grade) },
  { header: 'Điểm', width: 12, read: (row) => assessed(row, pointsOf(row.proposed_total)), points: true },
  { header: 'Mức đề xuất', width: 26, read: (row) => assessed(row, grade(row.grade)) },
  { header: 'Mức quyết định', width: 26, read: (row) => grade(row.decided_grade) },
];

/** Whole points without a decimal, halves and quarters with theirs (shown with a comma in a Vietnamese Excel). */
const pointsFormat = (value: number) => (Number.isInteger(value) ? '0' : '0.0#');

function addSheet(book: ExcelJS.Workbook, name: string, title: string, columns: Column[], rows: ResultRow[]): void {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 6 }, ...columns.map((column) => ({ width: column.width }))];
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  const header = sheet.addRow(['STT', ...columns.map((column) => column.header)]);
  header.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  rows.forEach((row, index) => {
    const added = sheet.addRow([index + 1, ...columns.map((column) => column.read(row))]);
    added.alignment = { wrapText: true, vertical: 'top' };
    columns.forEach((column, columnIndex) => {
      const cell = added.getCell(columnIndex + 2);
      if (column.points && typeof cell.value === 'number') cell.numFmt = pointsFormat(cell.value);
    });
  });
  if (rows.length === 0) sheet.addRow(['', 'Chưa có bản đánh giá, xếp loại nào trong năm.']).font = { italic: true };
}

/** The year's gradings of a subtree as a workbook, from plain data: members on one sheet, collectives on the other. */
export async function buildGradingResultsXlsx(input: { year: number; unitName: string; rows: ResultRow[] }): Promise<Buffer> {
  const { year, unitName, rows } = input;
  const book = new ExcelJS.Workbook();
  const title = (what: string) => `Kết quả đánh giá, xếp loại chất lượng ${what} năm ${year} — ${unitName}`;
  addSheet(
    book,
    'Đảng viên',
    title('đảng viên'),
    MEMBER_COLUMNS,
    rows.filter((row) => row.subject === 'member'),
  );
  addSheet(
    book,
    'Tổ chức đảng',
    title('tổ chức đảng'),
    COLLECTIVE_COLUMNS,
    rows.filter((row) => row.subject === 'collective'),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function exportGradingResults(
  db: Database,
  actor: Actor,
  unitId: number,
  year: number,
): Promise<{ body: Buffer; fileName: string }> {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'grading.read', unit.path);
  const rows = await listResults(db, unit.path, year);
  return {
    body: await buildGradingResultsXlsx({ year, unitName: unit.name, rows }),
    fileName: exportFileName('Kết quả xếp loại', 'xlsx', { year, of: unit.name, day: todayIso() }),
  };
}
