import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../shared/contracts/domain';
import type { CommendationFigureValues } from '../../../shared/contracts/commendations';
import { addFiguresSheets, type FigureColumn } from '../figures/index';
import { listForms } from './decisions.repo';
import { COMMENDATION_FIGURE_DEFINITIONS, getCommendationFigures } from './commendation-figures.service';
import { exportFileName } from '../../platform/file-names';
import { todayIso } from '../../platform/dates';

type Column = FigureColumn<CommendationFigureValues>;

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
    ...forms.map((form) => ({
      header: form.name,
      definition: `${COMMENDATION_FIGURE_DEFINITIONS.byForm} Hình thức: ${form.name}.`,
      read: (figures: CommendationFigureValues) => figures.byForm[form.code] ?? 0,
    })),
    ...levels.map((kind) => {
      const name = UNIT_KIND_LABELS[kind as UnitKind] ?? kind;
      return {
        header: `Do ${name} quyết định`,
        definition: `${COMMENDATION_FIGURE_DEFINITIONS.byLevel} Cấp: ${name}.`,
        read: (figures: CommendationFigureValues) => figures.byLevel[kind] ?? 0,
      };
    }),
    {
      header: 'Trên 1.000 người sinh hoạt',
      definition: COMMENDATION_FIGURE_DEFINITIONS.perThousandMembers,
      read: (figures) => figures.perThousandMembers,
      format: 'decimal',
    },
  ];
}

/** The commendation figures as a workbook: one row per child unit, a total row, and what each figure means. */
export async function exportCommendationFigures(db: Database, actor: Actor, unitId: number, year: number) {
  const answer = await getCommendationFigures(db, actor, unitId, year);
  const forms = await listForms(db, true);
  // The total's levels include every child's, since each decision counts on all the ancestors.
  const columns = columnsOf(forms, Object.keys(answer.figures.byLevel));
  const book = new ExcelJS.Workbook();
  addFiguresSheets(book, {
    names: { figures: 'Khen thưởng', definitions: 'Định nghĩa' },
    title: `Số liệu biểu dương, khen thưởng năm ${year}`,
    asOf: answer.asOf,
    columns,
    unit: answer.unit,
    figures: answer.figures,
    children: answer.children,
  });
  return {
    body: Buffer.from(await book.xlsx.writeBuffer()),
    fileName: exportFileName('Số liệu khen thưởng', 'xlsx', { year, of: answer.unit.name, day: todayIso() }),
  };
}
