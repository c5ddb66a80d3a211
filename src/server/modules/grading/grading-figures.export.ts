import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import { GRADES, GRADE_LABELS, type GradingFigureValues } from '../../../shared/contracts/grading';
import { addFiguresSheets, type FigureColumn } from '../figures/index';
import { GRADING_FIGURE_DEFINITIONS, getGradingFigures } from './grading-figures.service';
import { exportFileName } from '../../platform/file-names';
import { todayIso } from '../../platform/dates';

type Column = FigureColumn<GradingFigureValues>;

const COLUMNS: Column[] = [
  { header: 'Số đảng viên', definition: GRADING_FIGURE_DEFINITIONS.partyMembers, read: (figures) => figures.partyMembers },
  { header: 'Đảng viên đã xếp loại', definition: GRADING_FIGURE_DEFINITIONS.membersDecided, read: (figures) => figures.membersDecided },
  ...GRADES.flatMap((grade): Column[] => [
    {
      header: `Đảng viên ${GRADE_LABELS[grade].toLowerCase()}`,
      definition: `${GRADING_FIGURE_DEFINITIONS.members} Mức: ${GRADE_LABELS[grade]}.`,
      read: (figures) => figures.members[grade],
    },
    {
      header: `Tỷ lệ ${GRADE_LABELS[grade].toLowerCase()}`,
      definition: `${GRADING_FIGURE_DEFINITIONS.memberShares} Mức: ${GRADE_LABELS[grade]}.`,
      read: (figures) => figures.memberShares[grade],
      format: 'percent',
    },
  ]),
  {
    header: 'Tổ chức đảng đã xếp loại',
    definition: GRADING_FIGURE_DEFINITIONS.collectivesDecided,
    read: (figures) => figures.collectivesDecided,
  },
  ...GRADES.map((grade): Column => ({
    header: `Tổ chức đảng ${GRADE_LABELS[grade].toLowerCase()}`,
    definition: `${GRADING_FIGURE_DEFINITIONS.collectives} Mức: ${GRADE_LABELS[grade]}.`,
    read: (figures) => figures.collectives[grade],
  })),
  {
    header: 'Vượt tỷ lệ xuất sắc (1 = có)',
    definition: GRADING_FIGURE_DEFINITIONS.capExceeded,
    read: (figures) => (figures.capExceeded ? 1 : 0),
  },
];

/** The grading distribution as a workbook: one row per child unit, a total row, and what each figure means. */
export async function exportGradingFigures(db: Database, actor: Actor, unitId: number, year: number) {
  const answer = await getGradingFigures(db, actor, unitId, year);
  const book = new ExcelJS.Workbook();
  addFiguresSheets(book, {
    names: { figures: 'Xếp loại', definitions: 'Định nghĩa' },
    title: `Kết quả đánh giá, xếp loại chất lượng năm ${year}`,
    asOf: answer.asOf,
    columns: COLUMNS,
    unit: answer.unit,
    figures: answer.figures,
    children: answer.children,
  });
  return {
    body: Buffer.from(await book.xlsx.writeBuffer()),
    fileName: exportFileName('Số liệu xếp loại', 'xlsx', { year, of: answer.unit.name, day: todayIso() }),
  };
}
