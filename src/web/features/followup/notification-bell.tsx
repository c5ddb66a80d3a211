import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type NotificationItem, useMarkRead, useNotifications } from './followup.api';
import './followup.css';

const NotificationPanel = lazy(() => import('./notification-panel'));

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
    <Suspense
      fallback={
        <div className="notification-panel notification-panel-loading">
          <Spin />
        </div>
      }
    >
      <NotificationPanel notices={notices.data} loading={notices.isPending} onOpen={openNotice} onReadAll={() => markRead.mutate('all')} />
    </Suspense>
  );

  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button
        type="text"
        className="header-button"
        aria-label={t('followup.notifications.bell', { count: unread })}
        data-testid="notification-bell"
      >
        <Badge count={unread} size="small" offset={[4, -2]}>
          <BellOutlined className="notification-bell-icon" />
        </Badge>
      </Button>
    </Popover>
  );
}
