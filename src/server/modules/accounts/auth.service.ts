import type { Database } from '../../platform/db/client';
import { cachedRead } from '../../platform/db/read-cache';
import { AppError } from '../../platform/errors';
import { hashPassword, verifyPassword, assertPasswordAcceptable } from '../../platform/auth/passwords';
import { hashToken, newToken } from '../../platform/auth/tokens';
import type { Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import * as repo from './accounts.repo';
import type { SessionContext } from '../../platform/auth/session';

/**
 * Throttling of sign-in, counted before the password is checked so parallel guesses cannot slip
 * past a limit: an account from one address (the usual guesser) is locked after few attempts; an
 * account from everywhere, and an address across accounts, after more. The owner of an account
 * being guessed from one address still signs in from another. A success clears its account and
 * address count and gives back its attempt on the wider ones (an office behind one address signs
 * in many times a day).
 */
const LIMITS = {
  accountAtAddress: { max: 5, windowMinutes: 15, lockMinutes: 15 },
  account: { max: 30, windowMinutes: 15, lockMinutes: 30 },
  address: { max: 20, windowMinutes: 15, lockMinutes: 15 },
  passwordChange: { max: 5, windowMinutes: 15, lockMinutes: 15 },
};

/** Checked when the user name is unknown, so that such an answer takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword('không có tài khoản này'));

export type { SessionContext } from '../../platform/auth/session';

export async function resolveSession(db: Database, token: string): Promise<SessionContext | undefined> {
  const tokenHash = hashToken(token);
  // Every API request resolves its session: kept in memory until the next write (platform/db/read-cache.ts).
  const found = await cachedRead(db, `session:${tokenHash}`, () => repo.findLiveSession(db, tokenHash));
  if (!found || found.user.isDisabled || found.session.expiresAt <= new Date()) return undefined;
  return { tokenHash, csrfToken: found.session.csrfToken, user: found.user, grants: found.grants };
}

function tooManyAttempts(lockedUntil: Date | null, what: string): AppError {
  const minutes = Math.max(1, Math.ceil(((lockedUntil?.getTime() ?? Date.now()) - Date.now()) / 60000));
  return new AppError('TOO_MANY_ATTEMPTS', `${what} sai quá nhiều lần. Hãy thử lại sau ${minutes} phút hoặc liên hệ quản trị viên.`);
}

/** Counts an attempt on every key; refuses when one of them is locked. */
async function countAttempts(db: Database, keys: Array<[string, keyof typeof LIMITS]>, what: string): Promise<void> {
  for (const [key, limit] of keys) {
    const counted = await repo.countAttempt(db, key, LIMITS[limit]);
    if (!counted.allowed) throw tooManyAttempts(counted.lockedUntil, what);
  }
}

export async function logIn(
  db: Database,
  input: { username: string; password: string; ip: string; userAgent: string | null; sessionDays: number },
): Promise<{ token: string; context: SessionContext }> {
  const username = input.username.trim().toLowerCase();
  const accountAtAddressKey = `account-address:${username}|${input.ip}`;
  const accountKey = `account:${username}`;
  const addressKey = `address:${input.ip}`;
  await countAttempts(
    db,
    [
      [accountAtAddressKey, 'accountAtAddress'],
      [accountKey, 'account'],
      [addressKey, 'address'],
    ],
    'Đăng nhập',
  );
  const user = await repo.findUserByUsername(db, username);
  const valid = await verifyPassword(user?.passwordHash ?? (await unknownUserHash()), input.password);
  if (!user || !valid) throw new AppError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  await repo.clearThrottle(db, accountAtAddressKey);
  await repo.releaseAttempt(db, accountKey);
  await repo.releaseAttempt(db, addressKey);
  if (user.isDisabled) {
    throw new AppError('ACCOUNT_DISABLED', 'Tài khoản đã bị khóa. Hãy liên hệ quản trị viên.');
  }
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
  // A stolen session must not become a way to guess the password itself.
  const throttleKey = `password-change:${context.user.id}`;
  await countAttempts(db, [[throttleKey, 'passwordChange']], 'Nhập mật khẩu hiện tại');
  const valid = await verifyPassword(context.user.passwordHash, input.currentPassword);
  if (!valid) throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.');
  await repo.clearThrottle(db, throttleKey);
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
