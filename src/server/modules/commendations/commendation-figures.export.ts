import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import { formatVietnameseDate } from '../../platform/dates';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../shared/contracts/domain';
import type { CommendationFigureValues } from '../../../shared/contracts/commendations';
import { FIGURE_HEADER_STYLE } from '../figures/index';
import { listForms } from './decisions.repo';
import { COMMENDATION_FIGURE_DEFINITIONS, getCommendationFigures } from './commendation-figures.service';

type Column = { header: string; definition: string; read: (figures: CommendationFigureValues) => number | null; decimals?: boolean };

const plain = (key: 'members' | 'nominated' | 'commended' | 'collectives' | 'individuals' | 'models', header: string): Column => ({
  header,
  definition: COMMENDATION_FIGURE_DEFINITIONS[key],
  read: (figures) => figures[key],
});

/**
 * The columns of the workbook: the counts by kind, one per form of the list, one per level that
 * decided something in the subtree this year, and the rate per 1,000 members.
 */
function columnsOf(forms: Array<{ code: string; name: string }>, levels: string[]): Column[] {
  return [
    plain('members', 'Số người sinh hoạt'),
    plain('nominated', 'Hồ sơ đề nghị'),
    plain('commended', 'Được biểu dương, khen thưởng'),
    plain('collectives', 'Tập thể'),
    plain('individuals', 'Cá nhân'),
    plain('models', 'Mô hình, cách làm hay'),
    ...forms.map((form) => ({ header: form.name, definition: `${COMMENDATION_FIGURE_DEFINITIONS.byForm} Hình thức: ${form.name}.`, read: (figures: CommendationFigureValues) => figures.byForm[form.code] ?? 0 })),
    ...levels.map((kind) => {
      const name = UNIT_KIND_LABELS[kind as UnitKind] ?? kind;
      return { header: `Do ${name} quyết định`, definition: `${COMMENDATION_FIGURE_DEFINITIONS.byLevel} Cấp: ${name}.`, read: (figures: CommendationFigureValues) => figures.byLevel[kind] ?? 0 };
    }),
    { header: 'Trên 1.000 người sinh hoạt', definition: COMMENDATION_FIGURE_DEFINITIONS.perThousandMembers, read: (figures) => figures.perThousandMembers, decimals: true },
  ];
}

/** The commendation figures as a workbook: one row per child unit, a total row, and what each figure means. */
export async function exportCommendationFigures(db: Database, actor: Actor, unitId: number, year: number) {
  const answer = await getCommendationFigures(db, actor, unitId, year);
  const forms = await listForms(db, true);
  // The total's levels include every child's, since each decision counts on all the ancestors.
  const columns = columnsOf(forms, Object.keys(answer.figures.byLevel));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Khen thưởng', { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });
  sheet.columns = [{ width: 12 }, { width: 40 }, ...columns.map(() => ({ width: 16 }))];
  sheet.addRow([`Số liệu biểu dương, khen thưởng năm ${year} — ${answer.unit.name} (tính đến ngày ${formatVietnameseDate(answer.asOf)})`]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  const header = sheet.addRow(['Mã đơn vị', 'Đơn vị', ...columns.map((column) => column.header)]);
  header.height = 45;
  header.eachCell((cell) => {
    cell.style = FIGURE_HEADER_STYLE;
  });
  const addFigures = (code: string, name: string, figures: CommendationFigureValues, bold = false) => {
    const row = sheet.addRow([code, name, ...columns.map((column) => column.read(figures))]);
    columns.forEach((column, index) => {
      row.getCell(index + 3).numFmt = column.decimals ? '#,##0.0' : '#,##0';
    });
    if (bold) row.font = { bold: true };
  };
  for (const child of answer.children) addFigures(child.unit.code, child.unit.name, child.figures);
  addFigures(answer.unit.code, `Toàn ${answer.unit.name}`, answer.figures, true);
  const guide = book.addWorksheet('Định nghĩa');
  guide.columns = [{ width: 36 }, { width: 110 }];
  guide.addRow(['Chỉ số', 'Định nghĩa']).eachCell((cell) => {
    cell.style = FIGURE_HEADER_STYLE;
  });
  for (const column of columns) guide.addRow([column.header, column.definition]).alignment = { wrapText: true, vertical: 'top' };
  return { body: Buffer.from(await book.xlsx.writeBuffer()), fileName: `Số liệu khen thưởng ${year} - ${answer.unit.name}.xlsx` };
}
