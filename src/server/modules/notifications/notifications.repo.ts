import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';

export type NotificationRow = typeof notifications.$inferSelect;

export async function listOfUser(executor: Executor, userId: number, options: { unreadOnly: boolean; limit: number; offset: number }) {
  const where = options.unreadOnly ? and(eq(notifications.userId, userId), isNull(notifications.readAt)) : eq(notifications.userId, userId);
  return executor
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit)
    .offset(options.offset);
}

export async function countOfUser(executor: Executor, userId: number) {
  const rows = await executor.execute<{ total: number; unread: number }>(sql`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE user_id = ${userId}`);
  return { total: Number(rows.rows[0]?.total ?? 0), unread: Number(rows.rows[0]?.unread ?? 0) };
}

export async function findNotification(executor: Executor, id: number) {
  const rows = await executor.select().from(notifications).where(eq(notifications.id, id)).limit(1);
  return rows[0];
}

export async function markRead(executor: Executor, userId: number, id: number | null): Promise<number> {
  const where =
    id === null
      ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
      : and(eq(notifications.userId, userId), eq(notifications.id, id), isNull(notifications.readAt));
  const rows = await executor.update(notifications).set({ readAt: new Date() }).where(where).returning({ id: notifications.id });
  return rows.length;
}

export async function insertNotifications(
  executor: Executor,
  values: Array<typeof notifications.$inferInsert>,
): Promise<NotificationRow[]> {
  if (values.length === 0) return [];
  return executor.insert(notifications).values(values).returning();
}

/** A member to remind: someone under an open window who has not registered, with the accounts linked to them. */
export type ReminderTarget = {
  window_id: number;
  year: number;
  closes_on: string;
  window_unit_name: string;
  person_id: number;
  full_name: string;
  email: string | null;
  user_id: number | null;
};

/**
 * Members who have not registered under each open window: a current primary membership in a unit
 * whose nearest window for the year (at the unit or above) is that window, and no individual
 * registration of the year other than a draft. `windowScope` limits the windows (daily job: due and
 * not yet reminded today); `memberScope` limits the members to a subtree (an officer's "send now").
 */
export async function listReminderTargets(
  executor: Executor,
  input: { today: string; year: number; closesBy: string | null; notRemindedToday: boolean; memberScope: string | null },
): Promise<ReminderTarget[]> {
  const rows = await executor.execute<ReminderTarget>(sql`
    WITH open_windows AS (
      SELECT w.id, w.year, w.closes_on, wu.path, wu.name FROM registration_windows w JOIN units wu ON wu.id = w.unit_id
      WHERE w.year <= ${input.year} AND w.to_year >= ${input.year} AND w.opens_on <= ${input.today}::date AND w.closes_on >= ${input.today}::date
        ${input.closesBy ? sql`AND w.closes_on <= ${input.closesBy}::date` : sql``}
        ${input.notRemindedToday ? sql`AND (w.reminded_on IS NULL OR w.reminded_on < ${input.today}::date)` : sql``}
        ${input.memberScope ? sql`AND (wu.path @> ${input.memberScope}::ltree OR wu.path <@ ${input.memberScope}::ltree)` : sql``}
    ),
    members AS (
      SELECT m.person_id, u.path FROM memberships m JOIN units u ON u.id = m.unit_id
      WHERE m.is_primary AND m.to_date IS NULL AND m.from_date <= ${input.today}::date
        ${input.memberScope ? sql`AND u.path <@ ${input.memberScope}::ltree` : sql``}
    )
    SELECT ow.id AS window_id, ow.year, ow.closes_on::text AS closes_on, ow.name AS window_unit_name,
      p.id AS person_id, p.full_name, p.email, us.id AS user_id
    FROM open_windows ow
    JOIN members mb ON mb.path <@ ow.path
    JOIN persons p ON p.id = mb.person_id
    LEFT JOIN users us ON us.person_id = p.id AND NOT us.is_disabled
    WHERE NOT EXISTS (
        SELECT 1 FROM registration_windows w2 JOIN units u2 ON u2.id = w2.unit_id
        WHERE w2.id <> ow.id AND w2.year <= ${input.year} AND w2.to_year >= ${input.year}
          AND u2.path @> mb.path AND nlevel(u2.path) > nlevel(ow.path))
      AND NOT EXISTS (
        SELECT 1 FROM registrations r
        WHERE r.person_id = mb.person_id AND r.kind = 'individual' AND r.year = ${input.year} AND r.status <> 'draft')
    ORDER BY ow.id, p.id`);
  return rows.rows.map((row) => ({
    ...row,
    window_id: Number(row.window_id),
    year: Number(row.year),
    person_id: Number(row.person_id),
    user_id: row.user_id === null ? null : Number(row.user_id),
  }));
}

/** Users already reminded since a moment (today's start): each gets one reminder a day. */
export async function usersRemindedSince(executor: Executor, since: Date): Promise<Set<number>> {
  const rows = await executor.execute<{ user_id: number }>(sql`
    SELECT DISTINCT user_id FROM notifications WHERE kind = 'registration_reminder' AND created_at >= ${since.toISOString()}::timestamptz`);
  return new Set(rows.rows.map((row) => Number(row.user_id)));
}

export async function markWindowsReminded(executor: Executor, windowIds: number[], today: string): Promise<void> {
  if (windowIds.length === 0) return;
  await executor.execute(
    sql`UPDATE registration_windows SET reminded_on = ${today}::date WHERE id = ANY(${sql.param(windowIds)}::bigint[])`,
  );
}
