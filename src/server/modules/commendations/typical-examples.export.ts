import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/auth/policy';
import { todayIso } from '../../platform/dates';
import type { NominationKind } from '../../../shared/contracts/commendations';
import type { TypicalExampleItem, TypicalExamplesExportQuery } from '../../../shared/contracts/commendations-spread';
import * as repo from './typical-examples.repo';
import { filterOf } from './typical-examples.service';
import { exportFileName } from '../../platform/file-names';

/** A few hundred a year for the whole country; far more means a filter was forgotten. */
const EXPORT_LIMIT = 20_000;

const KIND_LABELS: Record<NominationKind, string> = { collective: 'Tập thể', individual: 'Cá nhân', model: 'Mô hình, cách làm hay' };

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA61B1B' } },
  alignment: { vertical: 'middle', wrapText: true },
};
const GROUP_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3E3E3' } },
};
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: 'dd/mm/yyyy', alignment: { horizontal: 'center' } };
const CENTER_STYLE: Partial<ExcelJS.Style> = { alignment: { horizontal: 'center' } };

/** ISO date → a UTC-midnight Date, which exceljs turns into the matching Excel day. */
function excelDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

type Column = {
  header: string;
  width: number;
  style?: Partial<ExcelJS.Style>;
  value: (item: TypicalExampleItem) => string | number | Date | null;
};

const COLUMNS: Column[] = [
  { header: 'Năm gửi lên', width: 10, style: CENTER_STYLE, value: (item) => item.year },
  { header: 'Loại', width: 18, value: (item) => KIND_LABELS[item.kind] },
  { header: 'Tên gương điển hình', width: 50, value: (item) => item.title },
  { header: 'Tập thể, cá nhân', width: 30, value: (item) => item.subjectName },
  { header: 'Đơn vị đề nghị', width: 36, value: (item) => item.unit.name },
  { header: 'Hình thức khen thưởng', width: 18, value: (item) => item.decision?.formName ?? null },
  { header: 'Số quyết định', width: 16, value: (item) => item.decision?.numberSymbol ?? null },
  { header: 'Ngày quyết định', width: 14, style: DATE_STYLE, value: (item) => excelDate(item.decision?.decidedOn) },
  { header: 'Cấp quyết định', width: 30, value: (item) => item.decision?.unitName ?? null },
  { header: 'Cấp chọn gửi lên', width: 30, value: (item) => item.sentBy.name },
];

/**
 * The typical examples sent up to the Centre, as the list the Centre keeps: one group per province
 * (its name on a shaded row, with its count), numbered within the group.
 */
export async function exportTypicalExamples(
  db: Database,
  actor: Actor,
  query: TypicalExamplesExportQuery,
): Promise<{ body: Buffer; fileName: string }> {
  const filter = await filterOf(db, actor, query);
  const items = await repo.listTypicalExamples(db, filter, EXPORT_LIMIT + 1, 0);
  if (items.length > EXPORT_LIMIT) {
    throw new AppError(
      'BAD_REQUEST',
      `Danh sách có hơn ${EXPORT_LIMIT.toLocaleString('vi-VN')} dòng. Hãy lọc theo năm hoặc tỉnh rồi xuất lại.`,
    );
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Điển hình gửi Trung ương', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 6 }, ...COLUMNS.map((column) => ({ width: column.width, style: column.style ?? {} }))];
  const header = sheet.getRow(1);
  ['STT', ...COLUMNS.map((column) => column.header)].forEach((text, index) => {
    const cell = header.getCell(index + 1);
    cell.value = text;
    cell.style = HEADER_STYLE;
  });
  let group: number | null | undefined;
  let number = 0;
  for (const item of items) {
    const provinceId = item.province?.id ?? null;
    if (provinceId !== group) {
      group = provinceId;
      number = 0;
      const count = items.filter((other) => (other.province?.id ?? null) === provinceId).length;
      const row = sheet.addRow([`${item.province?.name ?? 'Không thuộc tỉnh nào'} (${count})`]);
      sheet.mergeCells(row.number, 1, row.number, COLUMNS.length + 1);
      row.getCell(1).style = GROUP_STYLE;
    }
    number += 1;
    sheet.addRow([number, ...COLUMNS.map((column) => column.value(item))]);
  }
  const body = Buffer.from(await book.xlsx.writeBuffer());
  return { body, fileName: exportFileName('Điển hình gửi Trung ương', 'xlsx', { of: filter.unitName, day: todayIso() }) };
}
