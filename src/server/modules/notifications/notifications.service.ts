import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import type { NotificationCounts, NotificationsAnswer, ReadAllAnswer } from '../../../shared/contracts/notifications';
import * as repo from './notifications.repo';
import { presentNotification } from './notifications.presenter';

function userOf(actor: Actor): number {
  if (actor.userId === null) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục.');
  return actor.userId;
}

/** The signed-in user's own notices, newest first, with the unread count for the bell. */
export async function listMine(
  db: Database,
  actor: Actor,
  query: { page: number; pageSize: number; unreadOnly?: 'true' | 'false' | undefined },
): Promise<NotificationsAnswer> {
  const userId = userOf(actor);
  const rows = await repo.listOfUser(db, userId, {
    unreadOnly: query.unreadOnly === 'true',
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const counts = await repo.countOfUser(db, userId);
  return { items: rows.map(presentNotification), total: counts.total, unread: counts.unread, page: query.page, pageSize: query.pageSize };
}

/** Marks one of the user's own notices read; another user's notice is "not found", never revealed. */
export async function markRead(db: Database, actor: Actor, id: number): Promise<NotificationCounts> {
  const userId = userOf(actor);
  const row = await repo.findNotification(db, id);
  if (!row || row.userId !== userId) throw new AppError('NOT_FOUND', 'Không tìm thấy thông báo này.');
  await db.transaction(async (tx) => {
    if ((await repo.markRead(tx, userId, id)) > 0) {
      await recordAudit(tx, actor, { action: 'notification.read', entityType: 'notification', entityId: id });
    }
  });
  return { ...(await repo.countOfUser(db, userId)) };
}

export async function markAllRead(db: Database, actor: Actor): Promise<ReadAllAnswer> {
  const userId = userOf(actor);
  const marked = await db.transaction(async (tx) => {
    const count = await repo.markRead(tx, userId, null);
    if (count > 0)
      await recordAudit(tx, actor, {
        action: 'notification.read_all',
        entityType: 'notification',
        entityId: `user:${userId}`,
        after: { marked: count },
      });
    return count;
  });
  return { marked, ...(await repo.countOfUser(db, userId)) };
}
