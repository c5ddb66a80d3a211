import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisplayStatus, RecommendationStatus } from './reports.api';

const STATUS_COLORS: Record<DisplayStatus, string> = {
  not_started: 'default',
  draft: 'processing',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
  late: 'red',
};

export function AnswerStatusTag({ status }: { status: DisplayStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={`report-status-${status}`}>
      {t(`reports.status.${status}`)}
    </Tag>
  );
}

const ITEM_COLORS: Record<RecommendationStatus, string> = {
  received: 'default',
  in_progress: 'processing',
  answered: 'green',
  closed: 'default',
};

export function ItemStatusTag({ status, overdue }: { status: RecommendationStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={ITEM_COLORS[status]}>{t(`reports.itemStatus.${status}`)}</Tag>
      {overdue && <Tag color="red">{t('reports.register.overdue')}</Tag>}
    </>
  );
}

/** 85,5% — or a dash when there is nothing to rate. */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${(Math.round(value * 1000) / 10).toLocaleString('vi-VN')}%`;
}
