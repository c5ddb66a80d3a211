import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Skeleton, Statistic, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

interface FigureCardProps {
  title: string;
  value: number | undefined;
  /** How the figure is counted, as the server defines it: every figure is shown with its definition. */
  definition?: string;
  icon?: ReactNode;
  loading?: boolean;
  'data-testid'?: string;
}

export function FigureCard({ title, value, definition, icon, loading, ...rest }: FigureCardProps) {
  const { t } = useTranslation();
  return (
    <Card className="figure-card" data-testid={rest['data-testid']}>
      <div className="figure-card-head">
        {icon ? (
          <span className="figure-card-icon" aria-hidden>
            {icon}
          </span>
        ) : null}
        <span className="figure-card-title">{title}</span>
        {definition ? (
          <Tooltip title={definition}>
            <button type="button" className="definition-button" aria-label={t('home.definitionOf', { name: title })}>
              <QuestionCircleOutlined />
            </button>
          </Tooltip>
        ) : null}
      </div>
      {loading ? (
        <Skeleton.Input active size="large" />
      ) : (
        <Statistic value={value ?? 0} formatter={(raw) => <span className="figure-value">{formatNumber(Number(raw))}</span>} />
      )}
      {definition ? <p className="figure-definition">{definition}</p> : null}
    </Card>
  );
}
