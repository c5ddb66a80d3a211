import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors';
import type { AttendanceStatus } from '../../../shared/contracts/study';
import { cellText, isBlank } from '../imports/excel/cells';
import { foldKey } from '../imports/excel/columns';
import { openXlsx, type CellValue, type XlsxSheet } from '../imports/excel/xlsx-file';
import type { RowError } from '../imports/excel/read';

export const ATTENDANCE_SHEET = 'Điểm danh';

export const STATUS_LABELS: Record<AttendanceStatus, string> = {
  present: 'Có mặt',
  absent_excused: 'Vắng có lý do',
  absent: 'Vắng không lý do',
};
const STATUS_LOOKUP = new Map<string, AttendanceStatus>();
for (const [status, label] of Object.entries(STATUS_LABELS) as Array<[AttendanceStatus, string]>) {
  STATUS_LOOKUP.set(foldKey(label), status);
  STATUS_LOOKUP.set(foldKey(status), status);
}
// The short words people type in a hurry.
STATUS_LOOKUP.set('vang', 'absent');
STATUS_LOOKUP.set('co', 'present');
STATUS_LOOKUP.set('x', 'present');

const HEADERS = { id: 'Mã số', name: 'Họ và tên', card: 'Số thẻ đảng viên', status: 'Tình hình tham dự', reason: 'Lý do vắng' } as const;
type HeaderKey = keyof typeof HEADERS;

export type TemplateRow = {
  personId: number;
  fullName: string;
  cardNumber: string | null;
  status: AttendanceStatus;
  reason: string | null;
};

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA61B1B' } },
  alignment: { vertical: 'middle', wrapText: true },
};

/** The unit's members pre-filled (present unless recorded otherwise); only the last two columns need typing. */
export async function writeAttendanceTemplate(title: string, rows: TemplateRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(ATTENDANCE_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = [
    { width: 10, style: { numFmt: '@' } },
    { width: 30 },
    { width: 18, style: { numFmt: '@' } },
    { width: 20 },
    { width: 40 },
  ];
  sheet.addRow([title]).font = { bold: true };
  const header = sheet.addRow(Object.values(HEADERS));
  header.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  const labels = `"${Object.values(STATUS_LABELS).join(',')}"`;
  for (const row of rows) {
    const added = sheet.addRow([String(row.personId), row.fullName, row.cardNumber ?? '', STATUS_LABELS[row.status], row.reason ?? '']);
    added.getCell(4).dataValidation = { type: 'list', allowBlank: false, formulae: [labels] };
  }
  const guide = book.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 22 }, { width: 80 }];
  guide.addRow(['Cột', 'Cách nhập']).eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  guide.addRow([HEADERS.id, 'Mã của người trong hệ thống; giữ nguyên như tệp mẫu.']);
  guide.addRow([HEADERS.status, `Một trong: ${Object.values(STATUS_LABELS).join(', ')}.`]);
  guide.addRow([HEADERS.reason, 'Bắt buộc khi "Vắng có lý do".']);
  guide.addRow(['Người không có trong tệp', 'Được tính là có mặt.']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export type ParsedAttendance = {
  rows: Array<{
    row: number;
    personId: number | null;
    cardNumber: string | null;
    fullName: string;
    status: AttendanceStatus;
    reason: string | null;
  }>;
  errors: RowError[];
};

/** Reads the filled template: finds the header row, then one attendance per non-empty row. */
export async function readAttendanceWorkbook(buffer: Buffer): Promise<ParsedAttendance> {
  const book = await openXlsx(buffer);
  try {
    return await readAttendanceSheets(book.sheets);
  } finally {
    book.close();
  }
}

async function readAttendanceSheets(sheets: XlsxSheet[]): Promise<ParsedAttendance> {
  for (const sheet of sheets) {
    const rows = sheet.rows();
    let positions: Map<HeaderKey, number> | null = null;
    let examined = 0;
    for (let next = await rows.next(); !next.done && examined < 10; next = await rows.next()) {
      examined++;
      const found = new Map<HeaderKey, number>();
      next.value.cells.forEach((value, index) => {
        if (typeof value !== 'string') return;
        const key = (Object.keys(HEADERS) as HeaderKey[]).find(
          (candidate) => foldKey(HEADERS[candidate]) === foldKey(value.replace(/\*+\s*$/, '')),
        );
        if (key && !found.has(key)) found.set(key, index);
      });
      if (found.has('status') && (found.has('id') || found.has('card'))) {
        positions = found;
        break;
      }
    }
    if (!positions) {
      await rows.return(undefined);
      continue;
    }
    const result: ParsedAttendance = { rows: [], errors: [] };
    const at = (cells: CellValue[], key: HeaderKey): CellValue => {
      const index = positions.get(key);
      return index === undefined ? null : (cells[index] ?? null);
    };
    for await (const { row, cells } of rows) {
      if ((['id', 'card', 'status', 'reason'] as HeaderKey[]).every((key) => isBlank(at(cells, key)))) continue;
      const idText = cellText(at(cells, 'id'));
      const cardNumber = cellText(at(cells, 'card')) || null;
      const statusText = cellText(at(cells, 'status'));
      const reason = cellText(at(cells, 'reason')).replace(/\s+/g, ' ') || null;
      const status = STATUS_LOOKUP.get(foldKey(statusText));
      const errors: RowError[] = [];
      if (idText && !/^\d{1,12}$/.test(idText))
        errors.push({ row, column: HEADERS.id, message: `Mã số "${idText}" không hợp lệ, hãy giữ nguyên như tệp mẫu` });
      if (!idText && !cardNumber) errors.push({ row, column: HEADERS.id, message: 'Cần Mã số hoặc Số thẻ đảng viên để nhận ra người này' });
      if (!status)
        errors.push({
          row,
          column: HEADERS.status,
          message: `Tình hình tham dự "${statusText}" không hợp lệ, hãy nhập một trong: ${Object.values(STATUS_LABELS).join(', ')}`,
        });
      if (status === 'absent_excused' && !reason) errors.push({ row, column: HEADERS.reason, message: 'Hãy nhập lý do vắng' });
      if (reason && reason.length > 300) errors.push({ row, column: HEADERS.reason, message: 'Lý do vắng dài quá 300 ký tự, hãy rút gọn' });
      if (errors.length > 0 || !status) {
        result.errors.push(...errors);
        continue;
      }
      result.rows.push({
        row,
        personId: idText ? Number(idText) : null,
        cardNumber,
        fullName: cellText(at(cells, 'name')),
        status,
        reason,
      });
    }
    return result;
  }
  throw new AppError(
    'IMPORT_INVALID_FILE',
    `Tệp thiếu cột bắt buộc: "${HEADERS.id}", "${HEADERS.status}". Hãy dùng tệp mẫu tải từ màn hình điểm danh.`,
  );
}
