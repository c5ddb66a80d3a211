import { Button, Card, Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignMetric, CampaignOverview } from '../../../shared/contracts/campaign-overview';
import { compareVietnamese } from '../../../shared/text';
import { formatMetric, isLagging, type ChildUnitsViewProps } from './metric-format';

type Child = CampaignOverview['children'][number];
const SHOWN = 5;

/** Child units with a value for the metric, best first (for "lower is better" metrics, the lowest first). */
export function rankChildren(children: Child[], metric: Pick<CampaignMetric, 'key' | 'better'>): Child[] {
  const sign = metric.better === 'higher' ? -1 : 1;
  return children
    .filter((child) => child.figures[metric.key] !== null)
    .sort((a, b) => sign * (a.figures[metric.key]! - b.figures[metric.key]!) || compareVietnamese(a.unit.name, b.unit.name));
}

/** The leading and the trailing child units on the chosen metric, each opening its trend. */
export function RankingCard({ overview, metric, onShowTrend }: ChildUnitsViewProps) {
  const { t } = useTranslation();
  const ranked = rankChildren(overview.children, metric);
  const best = ranked.slice(0, SHOWN);
  // The trailing ones, worst first, without repeating a unit already among the leaders.
  const worst = ranked.slice(Math.max(SHOWN, ranked.length - SHOWN)).reverse();
  const list = (children: Child[], testId: string) => (
    <ol className="overview-ranking" data-testid={testId}>
      {children.map((child) => (
        <li key={child.unit.id}>
          <Button
            type="link"
            className="link-cell"
            onClick={() => onShowTrend(child.unit)}
            title={t('overview.table.showTrend', { unit: child.unit.name })}
          >
            {child.unit.name}
          </Button>
          <span className={isLagging(metric, child.figures[metric.key]) ? 'overview-lagging' : undefined}>
            {formatMetric(metric, child.figures[metric.key])}
          </span>
        </li>
      ))}
    </ol>
  );
  return (
    <Card title={t('overview.ranking.title')} className="overview-ranking-card" data-testid="overview-ranking">
      {ranked.length === 0 ? (
        <Empty description={t('overview.ranking.none')} />
      ) : (
        <Row gutter={[16, 8]}>
          <Col span={24}>
            <Typography.Text strong>{t('overview.ranking.best')}</Typography.Text>
            {list(best, 'overview-ranking-best')}
          </Col>
          {worst.length > 0 ? (
            <Col span={24}>
              <Typography.Text strong>{t('overview.ranking.worst')}</Typography.Text>
              {list(worst, 'overview-ranking-worst')}
            </Col>
          ) : null}
        </Row>
      )}
    </Card>
  );
}
