import { Card, Space, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { useCan } from '../../app/session';
import { QueryError } from '../../components/query-error';
import { formatNumber } from '../../lib/format';
import { formatPercent } from '../dashboard/programme-figures.api';
import { useInspectionFigures } from './lagging.api';
import { useInspectionFigureHeader } from './inspection-figures-tab';

/** An address on the inspections page: its tab, narrowed to the unit and the year. */
export function inspectionsLink(tab: 'figures' | 'lagging' | 'remedies', unitId: number, year: number, extra: Record<string, string> = {}) {
  return `${paths.inspections}?${new URLSearchParams({ tab, unitId: String(unitId), year: String(year), ...extra }).toString()}`;
}

/**
 * The dashboard's inspection block: the plan and what was done, the remedies completed and overdue,
 * the lagging units; each opens the page it is counted on. Only for those who read inspections.
 */
export function InspectionFiguresCard({ unitId, year }: { unitId: number; year: number }) {
  const { t } = useTranslation();
  const canRead = useCan('inspections.read');
  const answer = useInspectionFigures(unitId, year, canRead);
  const data = answer.data;
  const header = useInspectionFigureHeader(data?.definitions);
  // The server refuses the others: no card for them.
  if (!canRead) return null;
  const figures = data?.figures;
  const figuresLink = inspectionsLink('figures', unitId, year);
  const value = (to: string, text: string, testId: string, danger = false): ReactNode => (
    <Link to={to} data-testid={testId}>
      {danger ? (
        <Typography.Text type="danger" style={{ fontSize: 'inherit' }}>
          {text}
        </Typography.Text>
      ) : (
        text
      )}
    </Link>
  );
  return (
    <Card
      title={t('lagging.figures.dashboardTitle', { year })}
      className="block-gap"
      data-testid="inspection-figures-card"
      extra={<Link to={figuresLink}>{t('lagging.figures.openPage')}</Link>}
      loading={answer.isPending && canRead}
    >
      {answer.isError ? <QueryError compact error={answer.error} onRetry={() => void answer.refetch()} /> : null}
      {figures ? (
        <Space size="large" wrap>
          <Statistic
            title={header('planned')}
            value={formatNumber(figures.planned)}
            formatter={(raw) => value(figuresLink, String(raw), 'dashboard-inspections-planned')}
          />
          <Statistic
            title={header('done')}
            value={formatNumber(figures.done)}
            formatter={(raw) => value(figuresLink, String(raw), 'dashboard-inspections-done')}
          />
          <Statistic
            title={header('remediesClosed')}
            value={formatNumber(figures.remediesClosed)}
            formatter={(raw) => value(figuresLink, String(raw), 'dashboard-inspections-closed')}
            suffix={
              figures.remedies > 0
                ? `/ ${formatNumber(figures.remedies)} (${formatPercent(figures.remediesClosed / figures.remedies)})`
                : `/ ${formatNumber(figures.remedies)}`
            }
          />
          <Statistic
            title={header('remediesOverdue')}
            value={formatNumber(figures.remediesOverdue)}
            formatter={(raw) =>
              value(
                inspectionsLink('remedies', unitId, year, { state: 'overdue' }),
                String(raw),
                'dashboard-inspections-overdue',
                figures.remediesOverdue > 0,
              )
            }
          />
          <Statistic
            title={header('laggingUnits')}
            value={formatNumber(figures.laggingUnits)}
            formatter={(raw) =>
              value(inspectionsLink('lagging', unitId, year), String(raw), 'dashboard-inspections-lagging', figures.laggingUnits > 0)
            }
          />
        </Space>
      ) : null}
    </Card>
  );
}
