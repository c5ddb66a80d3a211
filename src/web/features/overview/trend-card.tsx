import { Button, Card, Empty, Segmented, Skeleton } from 'antd';
import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignMetricKey, CampaignTrend } from '../../../shared/contracts/campaign-overview';
import { PlainTable } from '../../components/plain-table';
import { QueryError } from '../../components/query-error';
import { formatDate } from '../../lib/format';
import { formatMetric } from './metric-format';
import { useCampaignTrend } from './overview.api';

// Only what a line chart uses: the rest of Chart.js stays out of the download.
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

/**
 * The chosen metric of a unit over the last years, each read at its year's end in the tree as it
 * stood then. The same points as a table, for screen readers and for copying.
 */
export function TrendCard({
  unit,
  metric,
  toYear,
  onBack,
}: {
  unit: { id: number; name: string };
  metric: CampaignMetricKey;
  toYear: number;
  /** Shown when the trend is a child unit's: goes back to the unit of the page. */
  onBack?: { label: string; go: () => void } | undefined;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const trend = useCampaignTrend(unit.id, metric, toYear);
  const label = t(`overview.metrics.${metric}`);
  return (
    <Card title={t('overview.trend.title', { metric: label })} className="overview-trend" data-testid="overview-trend">
      <div className="overview-trend-of">
        <span data-testid="overview-trend-unit">{t('overview.trend.of', { unit: unit.name })}</span>
        {onBack ? (
          <Button type="link" size="small" onClick={onBack.go} data-testid="overview-trend-back">
            {onBack.label}
          </Button>
        ) : null}
        <Segmented
          size="small"
          className="overview-trend-view"
          value={view}
          onChange={(value) => setView(value as 'chart' | 'table')}
          options={[
            { value: 'chart', label: t('overview.trend.showChart') },
            { value: 'table', label: t('overview.trend.showTable') },
          ]}
          data-testid="overview-trend-view"
        />
      </div>
      {trend.isError ? <QueryError error={trend.error} onRetry={() => void trend.refetch()} compact /> : null}
      {trend.isPending ? <Skeleton active paragraph={{ rows: 4 }} /> : null}
      {trend.data ? (
        view === 'chart' ? (
          <TrendChart trend={trend.data} unitName={unit.name} label={label} />
        ) : (
          <TrendTable trend={trend.data} />
        )
      ) : null}
    </Card>
  );
}

function TrendChart({ trend, unitName, label }: { trend: CampaignTrend; unitName: string; label: string }) {
  const { t, i18n } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const hasValues = trend.points.some((point) => point.value !== null);

  useEffect(() => {
    if (!canvas.current || !hasValues) return;
    const rate = trend.metric.kind === 'rate';
    const config: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        labels: trend.points.map((point) => String(point.year)),
        datasets: [
          {
            label,
            data: trend.points.map((point) => (point.value === null ? null : rate ? point.value * 100 : point.value)),
            borderColor: '#a61b1b',
            backgroundColor: '#a61b1b',
            pointRadius: 5,
            spanGaps: false,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          tooltip: {
            callbacks: {
              label: (item) => formatMetric(trend.metric, trend.points[item.dataIndex]?.value),
            },
          },
        },
        scales: {
          x: { ticks: { font: { size: 13 } } },
          y: {
            beginAtZero: true,
            ...(rate ? { max: 100 } : {}),
            ticks: { font: { size: 13 }, callback: (value) => (rate ? `${value}%` : formatMetric(trend.metric, Number(value))) },
          },
        },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
    // The language is a dependency so that number formats follow a switch.
  }, [trend, label, hasValues, i18n.language]);

  if (!hasValues) return <Empty description={t('overview.ranking.none')} />;
  return (
    <div className="overview-trend-chart">
      <canvas ref={canvas} role="img" aria-label={t('overview.trend.chartLabel', { metric: label, unit: unitName })} />
    </div>
  );
}

function TrendTable({ trend }: { trend: CampaignTrend }) {
  const { t } = useTranslation();
  return (
    <PlainTable
      rowKey={(point) => point.year}
      rows={trend.points}
      emptyText={t('overview.ranking.none')}
      data-testid="overview-trend-table"
      columns={[
        { key: 'year', title: t('overview.trend.year'), render: (point) => point.year },
        { key: 'value', title: t('overview.trend.value'), align: 'right', render: (point) => formatMetric(trend.metric, point.value) },
        { key: 'asOf', title: t('overview.trend.asOf'), render: (point) => formatDate(point.asOf) },
      ]}
    />
  );
}
