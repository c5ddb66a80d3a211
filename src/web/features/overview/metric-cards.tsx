import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CAMPAIGN_METRIC_GROUPS,
  type CampaignMetric,
  type CampaignMetricKey,
  type CampaignOverview,
} from '../../../shared/contracts/campaign-overview';
import { ChangeTag } from './change-tag';
import { changeOf, formatMetric, isLagging } from './metric-format';

/**
 * Every metric of the unit as a card, grouped by the campaign's steps: this year's value, the change
 * on last year and last year's value. A card is a button: choosing it ranks, colours and draws that metric.
 */
export function MetricCards({
  overview,
  selected,
  onSelect,
  onOpenRecords,
}: {
  overview: CampaignOverview;
  selected: CampaignMetricKey;
  onSelect: (key: CampaignMetricKey) => void;
  /** Opens the records behind the unit's number of a metric that has them. */
  onOpenRecords: (key: CampaignMetricKey) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="overview-groups">
      {CAMPAIGN_METRIC_GROUPS.map((group) => {
        const metrics = overview.metrics.filter((metric) => metric.group === group);
        if (metrics.length === 0) return null;
        return (
          <section key={group} className="overview-group" aria-labelledby={`overview-group-${group}`}>
            <Typography.Title level={5} id={`overview-group-${group}`} className="overview-group-title">
              {t(`overview.groups.${group}`)}
            </Typography.Title>
            <div className="overview-cards">
              {metrics.map((metric) => (
                <MetricCard
                  key={metric.key}
                  metric={metric}
                  value={overview.figures[metric.key]}
                  previous={overview.previous[metric.key]}
                  previousYear={overview.year - 1}
                  selected={metric.key === selected}
                  onSelect={() => onSelect(metric.key)}
                  onOpenRecords={() => onOpenRecords(metric.key)}
                />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}

function MetricCard({
  metric,
  value,
  previous,
  previousYear,
  selected,
  onSelect,
  onOpenRecords,
}: {
  metric: CampaignMetric;
  value: number | null;
  previous: number | null;
  previousYear: number;
  selected: boolean;
  onSelect: () => void;
  onOpenRecords: () => void;
}) {
  const { t } = useTranslation();
  const label = t(`overview.metrics.${metric.key}`);
  const shown = formatMetric(metric, value);
  return (
    <Card size="small" className={`overview-card${selected ? ' overview-card-selected' : ''}`} data-testid={`overview-card-${metric.key}`}>
      <div className="figure-card-head">
        <button type="button" className="overview-card-choose" onClick={onSelect} aria-pressed={selected}>
          {label}
        </button>
        <Tooltip title={metric.definition}>
          <button type="button" className="definition-button" aria-label={t('overview.definitionOf', { name: label })}>
            <QuestionCircleOutlined />
          </button>
        </Tooltip>
      </div>
      <div
        className={`overview-card-value${isLagging(metric, value) ? ' overview-lagging' : ''}`}
        data-testid={`overview-value-${metric.key}`}
      >
        {metric.records ? (
          <button
            type="button"
            className="overview-number-link"
            onClick={onOpenRecords}
            aria-label={t('overview.records.openOwn', { what: metric.records.numerator, value: shown })}
            data-testid={`overview-open-${metric.key}`}
          >
            {shown}
          </button>
        ) : (
          shown
        )}
      </div>
      <ChangeTag change={changeOf(metric, value, previous, t('overview.points'))} />
      <div className="overview-card-previous">
        <Typography.Text type="secondary">
          {previous === null
            ? t('overview.noPrevious', { year: previousYear })
            : t('overview.lastYear', { year: previousYear, value: formatMetric(metric, previous) })}
        </Typography.Text>
      </div>
    </Card>
  );
}
