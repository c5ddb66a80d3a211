import { LineChartOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { inspectionsLink } from '../inspections/inspection-figures-card';
import type { CampaignMetric, CampaignOverview } from '../../../shared/contracts/campaign-overview';
import { DefinedFigureHeader, useChildUnitColumn } from '../../components/figure-columns';
import { ChangeTag } from './change-tag';
import { changeOf, formatMetric, isLagging } from './metric-format';

type Child = CampaignOverview['children'][number];

/** Every metric by child unit, sortable, with the chosen metric's change on last year and a total row. */
export function OverviewTable({
  overview,
  metric,
  loading,
  onShowTrend,
  onOpenRecords,
  lagging,
}: {
  overview: CampaignOverview;
  metric: CampaignMetric;
  loading: boolean;
  onShowTrend: (unit: { id: number; name: string }) => void;
  /** Opens the records behind a unit's number of a metric that has them. */
  onOpenRecords: (unit: { id: number; name: string }, key: CampaignMetric['key']) => void;
  /** Lagging units under each child (inspections' rules), for those who read inspections. */
  lagging?: { byChild: Map<number, number>; total: number; year: number } | undefined;
}) {
  const { t } = useTranslation();
  const unitColumn = useChildUnitColumn<Child>({ fixedLeft: true });
  const label = (key: CampaignMetric['key']) => t(`overview.metrics.${key}`);
  const byValue = (key: CampaignMetric['key']) => (a: Child, b: Child) => (a.figures[key] ?? -1) - (b.figures[key] ?? -1);
  const columns: ColumnsType<Child> = [
    unitColumn,
    {
      title: t('overview.table.trend'),
      key: 'trend',
      width: 80,
      align: 'center',
      render: (_value, child) => (
        <Button
          type="text"
          icon={<LineChartOutlined />}
          onClick={() => onShowTrend(child.unit)}
          aria-label={t('overview.table.showTrend', { unit: child.unit.name })}
        />
      ),
    },
    ...(lagging
      ? [
          {
            title: t('overview.table.lagging'),
            key: 'lagging',
            width: 130,
            align: 'right' as const,
            sorter: (a: Child, b: Child) => (lagging.byChild.get(a.unit.id) ?? 0) - (lagging.byChild.get(b.unit.id) ?? 0),
            render: (_value: unknown, child: Child) => {
              const count = lagging.byChild.get(child.unit.id) ?? 0;
              return count === 0 ? (
                formatNumber(0)
              ) : (
                <Link
                  to={inspectionsLink('lagging', child.unit.id, lagging.year)}
                  title={t('overview.table.openLagging', { unit: child.unit.name })}
                >
                  <Typography.Text type="danger">{formatNumber(count)}</Typography.Text>
                </Link>
              );
            },
          },
        ]
      : []),
    {
      title: `${label(metric.key)} — ${t('overview.table.change')}`,
      key: 'change',
      width: 190,
      sorter: (a, b) =>
        (a.figures[metric.key] ?? 0) - (a.previous[metric.key] ?? 0) - ((b.figures[metric.key] ?? 0) - (b.previous[metric.key] ?? 0)),
      render: (_value, child) => (
        <ChangeTag change={changeOf(metric, child.figures[metric.key], child.previous[metric.key], t('overview.points'))} />
      ),
    },
    ...overview.metrics.map((column) => ({
      title: (
        <DefinedFigureHeader
          label={label(column.key)}
          definition={column.definition}
          definitionLabel={t('overview.definitionOf', { name: label(column.key) })}
        />
      ),
      key: column.key,
      align: 'right' as const,
      width: column.kind === 'rate' ? 130 : 120,
      className: column.key === metric.key ? 'overview-selected-column' : undefined,
      sorter: byValue(column.key),
      render: (_value: unknown, child: Child) => (
        <MetricNumber metric={column} value={child.figures[column.key]} unit={child.unit} onOpen={onOpenRecords} />
      ),
    })),
  ];
  return (
    <Card
      title={t('overview.table.title')}
      extra={<Typography.Text type="secondary">{t('overview.laggingHint')}</Typography.Text>}
      className="overview-table-card"
    >
      <Table<Child>
        size="middle"
        rowKey={(child) => child.unit.id}
        columns={columns}
        dataSource={overview.children}
        loading={loading}
        pagination={overview.children.length > 40 ? { pageSize: 40, showSizeChanger: false } : false}
        scroll={{ x: 2900 }}
        showSorterTooltip={false}
        data-testid="overview-children"
        locale={{ emptyText: <Empty description={t('overview.table.noChildren')} /> }}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row className="study-summary-row">
              <Table.Summary.Cell index={0}>
                <strong>{t('overview.table.total', { unit: overview.unit.name })}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} />
              {lagging ? (
                <Table.Summary.Cell index={2} align="right">
                  <strong>{formatNumber(lagging.total)}</strong>
                </Table.Summary.Cell>
              ) : null}
              <Table.Summary.Cell index={lagging ? 3 : 2}>
                <ChangeTag change={changeOf(metric, overview.figures[metric.key], overview.previous[metric.key], t('overview.points'))} />
              </Table.Summary.Cell>
              {overview.metrics.map((column, index) => (
                <Table.Summary.Cell key={column.key} index={index + (lagging ? 4 : 3)} align="right">
                  <strong>
                    <MetricNumber metric={column} value={overview.figures[column.key]} unit={overview.unit} onOpen={onOpenRecords} />
                  </strong>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </Card>
  );
}

/** A number of the table: red when a rate lags, and a link to its records when the metric has them. */
function MetricNumber({
  metric,
  value,
  unit,
  onOpen,
}: {
  metric: CampaignMetric;
  value: number | null;
  unit: { id: number; name: string };
  onOpen: (unit: { id: number; name: string }, key: CampaignMetric['key']) => void;
}) {
  const { t } = useTranslation();
  const shown = formatMetric(metric, value);
  const text = isLagging(metric, value) ? <Typography.Text type="danger">{shown}</Typography.Text> : shown;
  if (!metric.records || value === null) return text;
  return (
    <button
      type="button"
      className="overview-number-link"
      onClick={() => onOpen(unit, metric.key)}
      aria-label={t('overview.records.open', { what: metric.records.numerator, unit: unit.name })}
    >
      {text}
    </button>
  );
}
