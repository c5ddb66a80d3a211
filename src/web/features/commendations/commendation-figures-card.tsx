import { FileExcelOutlined } from '@ant-design/icons';
import { Card, Empty, Space, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActingUnit } from '../../app/acting-unit';
import { paths } from '../../app/paths';
import { useCan } from '../../app/session';
import { DownloadButton } from '../../components/download-button';
import { QueryError } from '../../components/query-error';
import { DefinedFigureHeader, useChildUnitColumn } from '../../components/figure-columns';
import { formatNumber } from '../../lib/format';
import { type CommendationFigureValues, type CommendationFigures, useCommendationFigures } from './commendations.api';

type ChildRow = CommendationFigures['children'][number];
type Key = 'commended' | 'collectives' | 'individuals' | 'models' | 'perThousandMembers';

const KEYS: Key[] = ['collectives', 'individuals', 'models', 'commended', 'perThousandMembers'];
const LABELS = {
  commended: 'commendations.figures.commended',
  collectives: 'commendations.figures.collectives',
  individuals: 'commendations.figures.individuals',
  models: 'commendations.figures.models',
  perThousandMembers: 'commendations.figures.perThousand',
} as const satisfies Record<Key, string>;

/** The dashboard's commendation block: the year's figures of the unit and of each child unit, each with its definition. */
export function CommendationFiguresCard({ actingUnit, year }: { actingUnit: ActingUnit; year: number }) {
  const { t } = useTranslation();
  const childUnitColumn = useChildUnitColumn<ChildRow>();
  const canOpenPage = useCan('commendations.read');
  const answer = useCommendationFigures(actingUnit.id, year);
  const data = answer.data;
  const read = (figures: CommendationFigureValues, key: Key) => figures[key];
  const title = (key: Key) => (
    <DefinedFigureHeader
      label={t(LABELS[key])}
      definition={data?.definitions[key]}
      definitionLabel={t('commendations.figures.definitionOf', { name: t(LABELS[key]) })}
    />
  );
  const columns: ColumnsType<ChildRow> = [
    childUnitColumn,
    ...KEYS.map((key) => ({
      title: title(key),
      key,
      align: 'right' as const,
      width: 130,
      sorter: (a: ChildRow, b: ChildRow) => (read(a.figures, key) ?? -1) - (read(b.figures, key) ?? -1),
      render: (_v: unknown, row: ChildRow) => formatNumber(read(row.figures, key)),
    })),
  ];
  return (
    <Card
      title={t('commendations.figures.dashboardTitle', { year })}
      className="study-gap-top"
      data-testid="dashboard-commendations"
      extra={
        <Space wrap>
          {canOpenPage ? <Link to={paths.commendations}>{t('commendations.figures.openPage')}</Link> : null}
          <DownloadButton
            path="/api/exports/commendation-figures"
            params={{ unitId: actingUnit.id, year }}
            fileName={t('commendations.figures.exportFile', { year })}
            icon={<FileExcelOutlined />}
            data-testid="dashboard-commendations-export"
          >
            {t('common.exportExcel')}
          </DownloadButton>
        </Space>
      }
    >
      {answer.isError ? <QueryError error={answer.error} onRetry={() => void answer.refetch()} /> : null}
      {data ? (
        <Space size="large" wrap className="block-gap-bottom">
          {KEYS.map((key) => (
            <Statistic
              key={key}
              title={title(key)}
              value={formatNumber(read(data.figures, key))}
              formatter={(raw) => <span data-testid={`dashboard-commendations-${key}`}>{String(raw)}</span>}
            />
          ))}
        </Space>
      ) : null}
      <Table<ChildRow>
        size="middle"
        rowKey={(row) => row.unit.id}
        columns={columns}
        dataSource={data?.children ?? []}
        loading={answer.isFetching}
        pagination={(data?.children.length ?? 0) > 30 ? { pageSize: 30, showSizeChanger: false } : false}
        scroll={{ x: 900 }}
        showSorterTooltip={false}
        data-testid="dashboard-commendations-children"
        locale={{ emptyText: answer.isPending ? ' ' : <Empty description={t('study.dashboard.noChildren')} /> }}
      />
    </Card>
  );
}
