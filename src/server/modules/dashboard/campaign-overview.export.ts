import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import { exportFileName } from '../../platform/file-names';
import { todayIso } from '../../platform/dates';
import type { CampaignMetric, CampaignValues } from '../../../shared/contracts/campaign-overview';
import { addFiguresSheets, type FigureColumn } from '../figures/index';
import { getCampaignOverview } from './campaign-overview.service';

type Row = { figures: CampaignValues; previous: CampaignValues };

const FORMATS = { count: 'count', rate: 'percent', perThousand: 'decimal' } as const;

/** Each metric twice: the year's value, then last year's, so the change reads across one row. */
function columnsOf(metrics: CampaignMetric[], year: number): Array<FigureColumn<Row>> {
  return metrics.flatMap((metric) => [
    {
      header: `${metric.label} ${year}`,
      definition: metric.definition,
      read: (row: Row) => row.figures[metric.key],
      format: FORMATS[metric.kind],
    },
    {
      header: `${metric.label} ${year - 1}`,
      definition: `${metric.definition} (năm ${year - 1}, theo cây đơn vị lúc đó)`,
      read: (row: Row) => row.previous[metric.key],
      format: FORMATS[metric.kind],
    },
  ]);
}

/** The overview as a workbook: one row per child unit and a total row, each metric this year and last. */
export async function exportCampaignOverview(db: Database, actor: Actor, unitId: number, year: number) {
  const answer = await getCampaignOverview(db, actor, unitId, year);
  const book = new ExcelJS.Workbook();
  addFiguresSheets<Row>(book, {
    names: { figures: 'Tổng quan', definitions: 'Định nghĩa' },
    title: `Tổng quan học tập và làm theo năm ${year} so với năm ${year - 1}`,
    asOf: answer.asOf,
    columns: columnsOf(answer.metrics, year),
    unit: answer.unit,
    figures: { figures: answer.figures, previous: answer.previous },
    children: answer.children.map((child) => ({ unit: child.unit, figures: { figures: child.figures, previous: child.previous } })),
  });
  return {
    body: Buffer.from(await book.xlsx.writeBuffer()),
    fileName: exportFileName('Tổng quan học tập và làm theo', 'xlsx', { year, of: answer.unit.name, day: todayIso() }),
  };
}
