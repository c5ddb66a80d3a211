import { Button, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import type { NotificationItem, NotificationsAnswer } from './followup.api';

interface NotificationPanelProps {
  notices: NotificationsAnswer | undefined;
  loading: boolean;
  onOpen: (item: NotificationItem) => void;
  onReadAll: () => void;
}

/** The list behind the bell; its own module, downloaded when the bell is first opened. */
export default function NotificationPanel({ notices, loading, onOpen, onReadAll }: NotificationPanelProps) {
  const { t } = useTranslation();
  const unread = notices?.unread ?? 0;
  return (
    <div className="notification-panel" data-testid="notification-panel">
      <div className="notification-panel-head">
        <strong>{t('followup.notifications.title')}</strong>
        <Button type="link" size="small" disabled={unread === 0} onClick={onReadAll} data-testid="notifications-read-all">
          {t('followup.notifications.readAll')}
        </Button>
      </div>
      <List
        size="small"
        dataSource={notices?.items ?? []}
        loading={loading}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followup.notifications.empty')} /> }}
        renderItem={(item) => (
          <List.Item
            className={item.readAt ? 'notification-read' : 'notification-unread'}
            onClick={() => onOpen(item)}
            data-testid="notification-item"
          >
            <List.Item.Meta
              title={item.title}
              description={
                <>
                  <div>{item.body}</div>
                  <Typography.Text type="secondary">{formatDateTime(item.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
