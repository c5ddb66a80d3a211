import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import { assertCan, scopePaths, type Actor } from '../../platform/auth/policy';
import { todayIso } from '../../platform/dates';
import { foldVietnamese } from '../../../shared/text';
import { ACTION_AREA_LABELS, REGISTRATION_STATUS_LABELS } from '../../../shared/contracts/registration-status';
import type { RegistrationsQuery } from '../../../shared/contracts/registrations';
import { getUnitOrThrow } from '../units/index';
import * as repo from './registrations.repo';
import { exportFileName } from '../../platform/file-names';

/** More than any commune registers in a year; an export is a list to read, not a backup. */
const EXPORT_LIMIT = 50_000;

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA61B1B' } },
  alignment: { vertical: 'middle', wrapText: true },
};
const formatDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

/** The registrations list as the screen filters it, every page, with shortcomings and actions written out. */
export async function exportRegistrations(
  db: Database,
  actor: Actor,
  query: Omit<RegistrationsQuery, 'page' | 'pageSize'> & { unitId: number },
) {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'registrations.read', unit.path);
  const { rows } = await repo.searchRegistrations(db, {
    scope: scopePaths(actor, 'registrations.read'),
    year: query.year,
    unitPath: unit.path,
    status: query.status,
    kind: query.kind,
    q: query.q ? foldVietnamese(query.q) : undefined,
    similarOnly: query.similarOnly,
    page: 1,
    pageSize: EXPORT_LIMIT,
  });
  const actions = await repo.listActionsOfMany(
    db,
    rows.map((row) => row.id),
  );
  const shortcomings = await repo.listShortcomings(
    db,
    rows.map((row) => row.id),
  );
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`Đăng ký làm theo ${query.year}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = [
    { header: 'STT', width: 6 },
    { header: 'Người, tập thể đăng ký', width: 28 },
    { header: 'Người đứng đầu', width: 10 },
    { header: 'Đơn vị', width: 30 },
    { header: 'Trạng thái', width: 18 },
    { header: 'Hạn chế, khuyết điểm cần khắc phục', width: 50 },
    { header: 'Việc làm cụ thể (lĩnh vực — việc làm — kết quả đo được — thời hạn)', width: 80 },
    { header: 'Trùng lặp cao nhất (%)', width: 12 },
  ];
  sheet.columns = columns.map((column) => ({ width: column.width }));
  sheet.addRow(columns.map((column) => column.header)).eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  rows.forEach((row, index) => {
    const list = (actions.get(row.id) ?? []).map(
      (action, position) =>
        `${position + 1}. ${ACTION_AREA_LABELS[action.area] ?? action.area} — ${action.content} — ${action.measurableResult || 'chưa có kết quả đo được'} — ${formatDate(action.deadline) || 'chưa có thời hạn'}`,
    );
    const added = sheet.addRow([
      index + 1,
      row.person_name ?? `Tập thể ${row.unit_name}`,
      row.is_leader ? 'x' : '',
      row.unit_name,
      REGISTRATION_STATUS_LABELS[row.status] ?? row.status,
      shortcomings.get(row.id) ?? '',
      list.join('\n'),
      row.max_similarity === null ? '' : Math.round(Number(row.max_similarity) * 100),
    ]);
    added.alignment = { vertical: 'top', wrapText: true };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return {
    body: Buffer.from(await book.xlsx.writeBuffer()),
    fileName: exportFileName('Đăng ký làm theo', 'xlsx', { year: query.year, of: unit.name, day: todayIso() }),
  };
}
