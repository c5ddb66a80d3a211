import { and, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { grants, loginThrottle, sessions, units, users } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { Grant } from '../../platform/auth/policy';
import type { Role } from '../../../shared/contracts/domain';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(executor: Executor, username: string): Promise<UserRow | undefined> {
  const rows = await executor.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0];
}

export async function findUserById(executor: Executor, id: number): Promise<UserRow | undefined> {
  const rows = await executor.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function listGrantsOfUsers(executor: Executor, userIds: number[]): Promise<Map<number, Grant[]>> {
  const result = new Map<number, Grant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows = await executor
    .select({
      id: grants.id,
      userId: grants.userId,
      unitId: grants.unitId,
      role: grants.role,
      unitCode: units.code,
      unitName: units.name,
      unitPath: units.path,
    })
    .from(grants)
    .innerJoin(units, eq(units.id, grants.unitId))
    .where(inArray(grants.userId, userIds))
    .orderBy(grants.id);
  for (const row of rows) {
    result.get(row.userId)?.push({
      id: row.id,
      unitId: row.unitId,
      unitCode: row.unitCode,
      unitName: row.unitName,
      unitPath: row.unitPath,
      role: row.role,
    });
  }
  return result;
}

export async function insertSession(executor: Executor, values: typeof sessions.$inferInsert): Promise<void> {
  await executor.insert(sessions).values(values);
}

/** The live session of a token with its user and the user's grants, in one round trip (it runs on every request). */
export async function findLiveSession(executor: Executor, tokenHash: string) {
  const rows = await executor
    .select({
      session: sessions,
      user: users,
      grants: sql<Grant[]>`COALESCE((
        SELECT json_agg(json_build_object('id', g.id, 'unitId', g.unit_id, 'unitCode', gu.code, 'unitName', gu.name, 'unitPath', gu.path::text, 'role', g.role) ORDER BY g.id)
        FROM ${grants} g JOIN ${units} gu ON gu.id = g.unit_id WHERE g.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return rows[0];
}

export async function deleteSession(executor: Executor, tokenHash: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(executor: Executor, userId: number, exceptTokenHash?: string): Promise<void> {
  await executor
    .delete(sessions)
    .where(
      exceptTokenHash ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${exceptTokenHash}`) : eq(sessions.userId, userId),
    );
}

/**
 * Counts one attempt on `key` in a single statement, so parallel attempts each see their own count:
 * within the window the count grows; the attempt that goes past `max` locks the key for `lockMinutes`.
 * A locked key is left as it is. Returns whether this attempt may go on.
 */
export async function countAttempt(
  executor: Executor,
  key: string,
  limits: { max: number; windowMinutes: number; lockMinutes: number },
): Promise<{ allowed: boolean; lockedUntil: Date | null }> {
  const fresh = sql`t.window_start > now() - make_interval(mins => ${limits.windowMinutes})`;
  const locked = sql`t.locked_until > now()`;
  const rows = await executor.execute<{ locked_until: string | Date | null; just_locked: boolean }>(sql`
    INSERT INTO login_throttle AS t (key, failures, window_start, locked_until)
    VALUES (${key}, 1, now(), CASE WHEN 1 > ${limits.max} THEN now() + make_interval(mins => ${limits.lockMinutes}) END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN ${locked} THEN t.failures WHEN ${fresh} THEN t.failures + 1 ELSE 1 END,
      window_start = CASE WHEN ${locked} OR ${fresh} THEN t.window_start ELSE now() END,
      locked_until = CASE
        WHEN ${locked} THEN t.locked_until
        WHEN ${fresh} AND t.failures + 1 > ${limits.max} THEN now() + make_interval(mins => ${limits.lockMinutes})
      END
    RETURNING locked_until`);
  const value = rows.rows[0]?.locked_until ?? null;
  const lockedUntil = value === null ? null : new Date(value);
  return { allowed: lockedUntil === null || lockedUntil.getTime() <= Date.now(), lockedUntil };
}

/** Gives back one counted attempt (a success from a shared address must not count as a guess). */
export async function releaseAttempt(executor: Executor, key: string): Promise<void> {
  await executor.execute(
    sql`UPDATE login_throttle SET failures = GREATEST(failures - 1, 0) WHERE key = ${key} AND (locked_until IS NULL OR locked_until <= now())`,
  );
}

export async function clearThrottle(executor: Executor, key: string): Promise<void> {
  await executor.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

export async function updateUser(executor: Executor, id: number, values: Partial<typeof users.$inferInsert>): Promise<void> {
  await executor.update(users).set(values).where(eq(users.id, id));
}

export async function insertUser(executor: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
  const rows = await executor.insert(users).values(values).returning();
  return rows[0]!;
}

export async function insertGrant(executor: Executor, values: { userId: number; unitId: number; role: Role }) {
  const rows = await executor.insert(grants).values(values).onConflictDoNothing().returning();
  return rows[0];
}

export async function findGrant(executor: Executor, userId: number, grantId: number) {
  const rows = await executor
    .select({ id: grants.id, unitId: grants.unitId, role: grants.role, unitPath: units.path })
    .from(grants)
    .innerJoin(units, eq(units.id, grants.unitId))
    .where(and(eq(grants.id, grantId), eq(grants.userId, userId)))
    .limit(1);
  return rows[0];
}

export async function deleteGrant(executor: Executor, grantId: number): Promise<void> {
  await executor.delete(grants).where(eq(grants.id, grantId));
}

export async function moveGrants(executor: Executor, fromUnitIds: number[], toUnitId: number): Promise<void> {
  if (fromUnitIds.length === 0) return;
  // A grant that already exists on the target is simply dropped (the unique key would refuse it).
  await executor.execute(sql`
    DELETE FROM grants g USING grants t
    WHERE g.unit_id = ANY(${sql.param(fromUnitIds)}::bigint[]) AND t.unit_id = ${toUnitId}
      AND t.user_id = g.user_id AND t.role = g.role`);
  await executor.update(grants).set({ unitId: toUnitId }).where(inArray(grants.unitId, fromUnitIds));
}

/**
 * Accounts an administrator may manage: every grant of the account lies inside the given subtrees
 * (accounts without any grant are visible to administrators of the whole tree only).
 */
export async function listManageableUsers(
  executor: Executor,
  scopePaths: string[],
  filter: { q?: string; page: number; pageSize: number; isRootAdmin: boolean },
) {
  const inScope = sql`(
    (EXISTS (SELECT 1 FROM grants g WHERE g.user_id = "users"."id")
      AND NOT EXISTS (SELECT 1 FROM grants g JOIN units u ON u.id = g.unit_id
                      WHERE g.user_id = "users"."id" AND NOT (u.path <@ ANY(${sql.param(scopePaths)}::ltree[]))))
    OR (${filter.isRootAdmin} AND NOT EXISTS (SELECT 1 FROM grants g WHERE g.user_id = "users"."id")))`;
  const search = filter.q ? sql`${users.searchText} LIKE ${`%${filter.q}%`}` : sql`TRUE`;
  const where = and(inScope, search);
  const [total] = await executor.select({ value: count() }).from(users).where(where);
  const items = await executor
    .select()
    .from(users)
    .where(where)
    .orderBy(users.username)
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { items, total: total?.value ?? 0 };
}
