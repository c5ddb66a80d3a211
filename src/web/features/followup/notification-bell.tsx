import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { type NotificationItem, useMarkRead, useNotifications } from './followup.api';
import './followup.css';

/** The bell in the header: unread count, the latest notices, and marking them read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const notices = useNotifications(true);
  const markRead = useMarkRead();
  const unread = notices.data?.unread ?? 0;

  const openNotice = (item: NotificationItem) => {
    if (!item.readAt) markRead.mutate(item.id);
    setOpen(false);
    if (item.link) void navigate(item.link);
  };

  const content = (
    <div className="notification-panel" data-testid="notification-panel">
      <div className="notification-panel-head">
        <strong>{t('followup.notifications.title')}</strong>
        <Button type="link" size="small" disabled={unread === 0} onClick={() => markRead.mutate('all')} data-testid="notifications-read-all">
          {t('followup.notifications.readAll')}
        </Button>
      </div>
      <List
        size="small"
        dataSource={notices.data?.items ?? []}
        loading={notices.isPending}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followup.notifications.empty')} /> }}
        renderItem={(item) => (
          <List.Item className={item.readAt ? 'notification-read' : 'notification-unread'} onClick={() => openNotice(item)} data-testid="notification-item">
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

  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button type="text" className="header-button" aria-label={t('followup.notifications.bell', { count: unread })} data-testid="notification-bell">
        <Badge count={unread} size="small" offset={[4, -2]}>
          <BellOutlined className="notification-bell-icon" />
        </Badge>
      </Button>
    </Popover>
  );
}
