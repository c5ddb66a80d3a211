import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeedbackStatus } from './supervision.api';

const COLORS: Record<FeedbackStatus, string> = { new: 'gold', answered: 'green', hidden: 'default' };

/** The status of a feedback item, with the overdue badge the level above watches for. */
export function FeedbackStatusTag({ status, overdue }: { status: FeedbackStatus; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[status]}>{t(`supervision.status.${status}`)}</Tag>
      {overdue ? (
        <Tag color="red" data-testid="overdue-badge">
          {t('supervision.overdue')}
        </Tag>
      ) : null}
    </Space>
  );
}
