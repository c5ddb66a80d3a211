import { FileExcelOutlined } from '@ant-design/icons';
import { Col, Row, Select, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CAMPAIGN_METRIC_KEYS,
  DRILLABLE_METRIC_KEYS,
  type CampaignMetricKey,
  type DrillableMetricKey,
} from '../../../shared/contracts/campaign-overview';
import { type ActingUnit, useRequiredActingUnit } from '../../app/acting-unit';
import { DownloadButton } from '../../components/download-button';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { formatDate } from '../../lib/format';
import { YearSelect } from '../study/year-select';
import { useInspectionFigures } from '../inspections/lagging.api';
import { useCan } from '../../app/session';
import { MetricCards } from './metric-cards';
import { OverviewTable } from './overview-table';
import { RankingCard } from './ranking-card';
import { TrendCard } from './trend-card';
import { UnitTiles } from './unit-tiles';
import { RecordsDrawer } from './records-drawer';
import { type RecordsTarget, useCampaignOverview } from './overview.api';
import './overview.css';

export function CampaignOverviewPage() {
  const actingUnit = useRequiredActingUnit();
  return <Overview key={actingUnit.id} actingUnit={actingUnit} />;
}

/**
 * Every campaign metric of the acting unit for a year beside last year's; one chosen metric is
 * ranked over the child units, coloured on their tiles and drawn over five years, for the unit or
 * for the child unit picked in the table, the ranking or the tiles.
 */
function Overview({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(dayjs().year());
  const [metricKey, setMetricKey] = useState<CampaignMetricKey>('registrationRate');
  const [trendUnit, setTrendUnit] = useState<{ id: number; name: string } | null>(null);
  const [records, setRecords] = useState<RecordsTarget | null>(null);
  const answer = useCampaignOverview(actingUnit.id, year);
  // Lagging units are found by the inspections' rules and thresholds; shown to those who read inspections.
  const canReadInspections = useCan('inspections.read');
  const inspections = useInspectionFigures(actingUnit.id, year, canReadInspections);
  const lagging =
    canReadInspections && inspections.data
      ? {
          byChild: new Map(inspections.data.children.map((child) => [child.unit.id, child.figures.laggingUnits])),
          total: inspections.data.figures.laggingUnits,
          year,
        }
      : undefined;
  const overview = answer.data;
  const metric = overview?.metrics.find((candidate) => candidate.key === metricKey);

  const toolbar = (
    <>
      <YearSelect value={year} onChange={(value) => setYear(value ?? dayjs().year())} testId="overview-year" />
      <Select<CampaignMetricKey>
        value={metricKey}
        onChange={setMetricKey}
        aria-label={t('overview.metric')}
        title={t('overview.metricHint')}
        className="overview-metric-select"
        options={CAMPAIGN_METRIC_KEYS.map((key) => ({ value: key, label: t(`overview.metrics.${key}`) }))}
        data-testid="overview-metric"
      />
      <DownloadButton
        path="/api/exports/campaign-overview"
        params={{ unitId: actingUnit.id, year }}
        fileName={t('overview.exportFile', { year })}
        icon={<FileExcelOutlined />}
        data-testid="overview-export"
      >
        {t('common.exportExcel')}
      </DownloadButton>
    </>
  );

  const shownTrendUnit = trendUnit ?? { id: actingUnit.id, name: actingUnit.name };
  const openRecords = (unit: { id: number; name: string }, key: CampaignMetricKey) => {
    if ((DRILLABLE_METRIC_KEYS as readonly string[]).includes(key))
      setRecords({ unit, metric: key as DrillableMetricKey, part: 'numerator' });
  };
  return (
    <>
      <PageHeader
        title={t('overview.title')}
        subtitle={t('overview.subtitle', { unit: actingUnit.name, year, previous: year - 1 })}
        extra={toolbar}
      />
      {answer.isError ? <QueryError error={answer.error} onRetry={() => void answer.refetch()} /> : null}
      {answer.isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {overview && metric ? (
        <>
          <Typography.Paragraph type="secondary" data-testid="overview-as-of">
            {t('overview.asOf', {
              year,
              date: formatDate(overview.asOf),
              previous: year - 1,
              previousDate: formatDate(overview.previousAsOf),
            })}
          </Typography.Paragraph>
          <MetricCards
            overview={overview}
            selected={metricKey}
            onSelect={setMetricKey}
            onOpenRecords={(key) => openRecords({ id: actingUnit.id, name: actingUnit.name }, key)}
          />
          <Row gutter={[16, 16]} className="block-gap-bottom">
            <Col xs={24} lg={14}>
              <TrendCard
                unit={shownTrendUnit}
                metric={metricKey}
                toYear={year}
                onBack={
                  trendUnit ? { label: t('overview.trend.backToUnit', { unit: actingUnit.name }), go: () => setTrendUnit(null) } : undefined
                }
              />
            </Col>
            <Col xs={24} lg={10}>
              <RankingCard overview={overview} metric={metric} onShowTrend={setTrendUnit} />
            </Col>
          </Row>
          {overview.children.length > 0 ? <UnitTiles overview={overview} metric={metric} onShowTrend={setTrendUnit} /> : null}
          <OverviewTable
            overview={overview}
            metric={metric}
            loading={answer.isFetching}
            onShowTrend={setTrendUnit}
            onOpenRecords={openRecords}
            lagging={lagging}
          />
          <RecordsDrawer
            target={records}
            metric={overview.metrics.find((candidate) => candidate.key === records?.metric)}
            year={year}
            onChangePart={(part) => setRecords((current) => (current ? { ...current, part } : current))}
            onClose={() => setRecords(null)}
          />
        </>
      ) : null}
    </>
  );
}
