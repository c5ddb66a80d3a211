import type { Database } from '../../platform/db/client';
import { cachedRead } from '../../platform/db/read-cache';
import { AppError } from '../../platform/errors';
import { hashPassword, verifyPassword, assertPasswordAcceptable } from '../../platform/auth/passwords';
import { hashToken, newToken } from '../../platform/auth/tokens';
import { permissionsOf, type Actor, type Grant } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import * as repo from './accounts.repo';

/** Throttling: after this many failures in the window, the key is locked for LOCK_MINUTES. */
const ACCOUNT_MAX_FAILURES = 5;
const ADDRESS_MAX_FAILURES = 20;
const WINDOW_MINUTES = 15;
const LOCK_MINUTES = 15;

export type SessionContext = {
  tokenHash: string;
  csrfToken: string;
  user: repo.UserRow;
  grants: Grant[];
};

export async function resolveSession(db: Database, token: string): Promise<SessionContext | undefined> {
  const tokenHash = hashToken(token);
  // Every API request resolves its session: kept in memory until the next write (platform/db/read-cache.ts).
  const found = await cachedRead(db, `session:${tokenHash}`, () => repo.findLiveSession(db, tokenHash));
  if (!found || found.user.isDisabled || found.session.expiresAt <= new Date()) return undefined;
  return { tokenHash, csrfToken: found.session.csrfToken, user: found.user, grants: found.grants };
}

export function describeMe(context: SessionContext) {
  const { user } = context;
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      personId: user.personId,
      mustChangePassword: user.mustChangePassword,
      locale: user.locale === 'en' ? ('en' as const) : ('vi' as const),
    },
    grants: context.grants,
    permissions: permissionsOf(context.grants),
    csrfToken: context.csrfToken,
  };
}

async function assertNotLocked(db: Database, keys: string[]): Promise<void> {
  for (const key of keys) {
    const row = await repo.findThrottle(db, key);
    if (row?.lockedUntil && row.lockedUntil > new Date()) {
      const minutes = Math.ceil((row.lockedUntil.getTime() - Date.now()) / 60000);
      throw new AppError(
        'TOO_MANY_ATTEMPTS',
        `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${minutes} phút hoặc liên hệ quản trị viên.`,
      );
    }
  }
}

async function recordFailure(db: Database, key: string, maxFailures: number): Promise<void> {
  const now = new Date();
  const row = await repo.findThrottle(db, key);
  const windowFresh = row && now.getTime() - row.windowStart.getTime() < WINDOW_MINUTES * 60000;
  const failures = windowFresh ? row.failures + 1 : 1;
  await repo.saveThrottle(db, {
    key,
    failures,
    windowStart: windowFresh ? row.windowStart : now,
    lockedUntil: failures >= maxFailures ? new Date(now.getTime() + LOCK_MINUTES * 60000) : null,
  });
}

export async function logIn(
  db: Database,
  input: { username: string; password: string; ip: string; userAgent: string | null; sessionDays: number },
): Promise<{ token: string; context: SessionContext }> {
  const username = input.username.trim().toLowerCase();
  const accountKey = `account:${username}`;
  const addressKey = `address:${input.ip}`;
  await assertNotLocked(db, [accountKey, addressKey]);
  const user = await repo.findUserByUsername(db, username);
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : false;
  if (!user || !valid) {
    await recordFailure(db, accountKey, ACCOUNT_MAX_FAILURES);
    await recordFailure(db, addressKey, ADDRESS_MAX_FAILURES);
    throw new AppError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  if (user.isDisabled) {
    throw new AppError('ACCOUNT_DISABLED', 'Tài khoản đã bị khóa. Hãy liên hệ quản trị viên.');
  }
  await repo.clearThrottle(db, accountKey);
  const token = newToken();
  const tokenHash = hashToken(token);
  const csrfToken = newToken();
  await repo.insertSession(db, {
    tokenHash,
    userId: user.id,
    csrfToken,
    ip: input.ip,
    userAgent: input.userAgent,
    expiresAt: new Date(Date.now() + input.sessionDays * 86400000),
  });
  await repo.updateUser(db, user.id, { lastLoginAt: new Date() });
  const grants = (await repo.listGrantsOfUsers(db, [user.id])).get(user.id) ?? [];
  return { token, context: { tokenHash, csrfToken, user, grants } };
}

export async function logOut(db: Database, tokenHash: string): Promise<void> {
  await repo.deleteSession(db, tokenHash);
}

export async function changeOwnPassword(
  db: Database,
  actor: Actor,
  context: SessionContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const valid = await verifyPassword(context.user.passwordHash, input.currentPassword);
  if (!valid) throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.');
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
  }
  assertPasswordAcceptable(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, context.user.id, { passwordHash, mustChangePassword: false });
    // Other sessions of the account end: a changed password must lock out whoever knew the old one.
    await repo.deleteSessionsOfUser(tx, context.user.id, context.tokenHash);
    await recordAudit(tx, actor, { action: 'account.change_password', entityType: 'user', entityId: context.user.id });
  });
}
