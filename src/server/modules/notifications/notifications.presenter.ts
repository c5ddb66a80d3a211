import type { NotificationItem } from '../../../shared/contracts/notifications';
import type { NotificationRow } from './notifications.repo';

export function presentNotification(row: NotificationRow): NotificationItem {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
