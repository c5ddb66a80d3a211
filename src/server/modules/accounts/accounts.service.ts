import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertPasswordAcceptable, hashPassword } from '../../platform/auth/passwords';
import {
  assertCan,
  assertHasPermissionSomewhere,
  can,
  isPathWithin,
  scopePaths,
  type Actor,
  type RecordPlace,
} from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { foldVietnamese, normalizeTonePlacement } from '../../../shared/text';
import type { Role } from '../../../shared/contracts/domain';
import type { PagedAnswer } from '../../../shared/contracts/common';
import type { Account } from '../../../shared/contracts/accounts';
import { findUnitPathOrThrow } from '../units/index';
import { findPersonById, listMembershipsOfPerson } from '../people/index';
import * as repo from './accounts.repo';
import { presentAccount } from './accounts.presenter';

const USERNAME_PATTERN = /^[a-z0-9._-]{3,40}$/;

export async function listAccounts(
  db: Database,
  actor: Actor,
  filter: { q?: string; page: number; pageSize: number },
): Promise<PagedAnswer<Account>> {
  assertHasPermissionSomewhere(actor, 'accounts.manage');
  const paths = scopePaths(actor, 'accounts.manage');
  const isRootAdmin = paths.some((path) => !path.includes('.'));
  const { items, total } = await repo.listManageableUsers(db, paths, {
    ...filter,
    q: filter.q ? foldVietnamese(filter.q) : undefined,
    isRootAdmin,
  });
  const grants = await repo.listGrantsOfUsers(
    db,
    items.map((user) => user.id),
  );
  return { items: items.map((user) => presentAccount(user, grants)), total, page: filter.page, pageSize: filter.pageSize };
}

/** An account may be linked only to a person who exists and whom the administrator manages. */
async function assertPersonLinkable(db: Database, actor: Actor, personId: number): Promise<void> {
  if (!(await findPersonById(db, personId))) {
    throw new AppError('VALIDATION_FAILED', 'Không tìm thấy người cần liên kết với tài khoản này.');
  }
  const memberships = await listMembershipsOfPerson(db, personId);
  const current = memberships.filter(({ membership }) => membership.isPrimary && membership.toDate === null);
  const paths = (current.length > 0 ? current : memberships).map((m) => m.unitPath);
  if (!paths.some((path) => can(actor, 'accounts.manage', path))) {
    throw new AppError('FORBIDDEN', 'Người này sinh hoạt ở đơn vị ngoài phạm vi quản lý của bạn.');
  }
}

/**
 * Where an account named in a request sits: every unit it is granted on (an account without grants
 * is left to the service, which lets only a top level's administrator manage it).
 */
export async function findAccountPlace(db: Database, userId: number): Promise<RecordPlace | undefined> {
  const grants = (await repo.listGrantsOfUsers(db, [userId])).get(userId) ?? [];
  return grants.length > 0 ? { unitPaths: grants.map((grant) => grant.unitPath), every: true } : undefined;
}

/** An administrator manages an account only when every grant of it lies in the administrator's subtrees. */
async function getManageableUserOrThrow(db: Database, actor: Actor, userId: number) {
  const user = await repo.findUserById(db, userId);
  if (!user) throw new AppError('NOT_FOUND', 'Không tìm thấy tài khoản.');
  const grants = (await repo.listGrantsOfUsers(db, [userId])).get(userId) ?? [];
  const roots = scopePaths(actor, 'accounts.manage');
  const manageable =
    grants.length > 0
      ? grants.every((grant) => roots.some((root) => isPathWithin(grant.unitPath, root)))
      : roots.some((root) => !root.includes('.'));
  if (!manageable) throw new AppError('FORBIDDEN', 'Bạn không có quyền quản lý tài khoản này.');
  return user;
}

export async function createAccount(
  db: Database,
  actor: Actor,
  input: {
    username: string;
    displayName: string;
    password: string;
    personId?: number | null;
    grants: Array<{ unitId: number; role: Role }>;
  },
) {
  assertHasPermissionSomewhere(actor, 'accounts.manage');
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) {
    throw new AppError('VALIDATION_FAILED', 'Tên đăng nhập gồm 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang.');
  }
  if (input.grants.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Hãy cấp cho tài khoản ít nhất một quyền trên một đơn vị.');
  }
  assertPasswordAcceptable(input.password);
  for (const grant of input.grants) assertCan(actor, 'accounts.manage', await findUnitPathOrThrow(db, grant.unitId));
  if (input.personId) await assertPersonLinkable(db, actor, input.personId);
  if (await repo.findUserByUsername(db, username)) {
    throw new AppError('DUPLICATE', `Tên đăng nhập "${username}" đã có người dùng.`);
  }
  const passwordHash = await hashPassword(input.password);
  const user = await db.transaction(async (tx) => {
    const created = await repo.insertUser(tx, {
      username,
      displayName: normalizeTonePlacement(input.displayName.trim()),
      searchText: foldVietnamese(`${username} ${input.displayName}`),
      passwordHash,
      personId: input.personId ?? null,
      mustChangePassword: true,
    });
    for (const grant of input.grants) await repo.insertGrant(tx, { userId: created.id, ...grant });
    await recordAudit(tx, actor, {
      action: 'account.create',
      entityType: 'user',
      entityId: created.id,
      after: { username, displayName: created.displayName, grants: input.grants },
    });
    return created;
  });
  return presentAccount(user, await repo.listGrantsOfUsers(db, [user.id]));
}

export async function updateAccount(db: Database, actor: Actor, userId: number, input: { displayName?: string; isDisabled?: boolean }) {
  const user = await getManageableUserOrThrow(db, actor, userId);
  if (input.isDisabled && userId === actor.userId) {
    throw new AppError('VALIDATION_FAILED', 'Bạn không thể tự khóa tài khoản của mình.');
  }
  await db.transaction(async (tx) => {
    const displayName = input.displayName ? normalizeTonePlacement(input.displayName.trim()) : user.displayName;
    await repo.updateUser(tx, userId, {
      displayName,
      searchText: foldVietnamese(`${user.username} ${displayName}`),
      isDisabled: input.isDisabled ?? user.isDisabled,
    });
    if (input.isDisabled) await repo.deleteSessionsOfUser(tx, userId);
    await recordAudit(tx, actor, {
      action: input.isDisabled === undefined ? 'account.update' : input.isDisabled ? 'account.disable' : 'account.enable',
      entityType: 'user',
      entityId: userId,
      before: { displayName: user.displayName, isDisabled: user.isDisabled },
      after: { displayName, isDisabled: input.isDisabled ?? user.isDisabled },
    });
  });
  const updated = await repo.findUserById(db, userId);
  return presentAccount(updated!, await repo.listGrantsOfUsers(db, [userId]));
}

export async function resetPassword(db: Database, actor: Actor, userId: number, newPassword: string): Promise<void> {
  await getManageableUserOrThrow(db, actor, userId);
  assertPasswordAcceptable(newPassword);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, userId, { passwordHash, mustChangePassword: true });
    await repo.deleteSessionsOfUser(tx, userId);
    await recordAudit(tx, actor, { action: 'account.reset_password', entityType: 'user', entityId: userId });
  });
}

export async function addGrant(db: Database, actor: Actor, userId: number, input: { unitId: number; role: Role }) {
  await getManageableUserOrThrow(db, actor, userId);
  const unitPath = await findUnitPathOrThrow(db, input.unitId);
  assertCan(actor, 'accounts.manage', unitPath);
  await db.transaction(async (tx) => {
    const grant = await repo.insertGrant(tx, { userId, ...input });
    if (!grant) throw new AppError('DUPLICATE', 'Tài khoản đã có quyền này trên đơn vị này.');
    await recordAudit(tx, actor, { action: 'grant.add', entityType: 'user', entityId: userId, unitPath, after: input });
  });
  return presentAccount((await repo.findUserById(db, userId))!, await repo.listGrantsOfUsers(db, [userId]));
}

export async function removeGrant(db: Database, actor: Actor, userId: number, grantId: number) {
  await getManageableUserOrThrow(db, actor, userId);
  const grant = await repo.findGrant(db, userId, grantId);
  if (!grant) throw new AppError('NOT_FOUND', 'Không tìm thấy quyền này.');
  assertCan(actor, 'accounts.manage', grant.unitPath);
  await db.transaction(async (tx) => {
    await repo.deleteGrant(tx, grantId);
    await recordAudit(tx, actor, {
      action: 'grant.remove',
      entityType: 'user',
      entityId: userId,
      unitPath: grant.unitPath,
      before: { unitId: grant.unitId, role: grant.role },
    });
  });
  return presentAccount((await repo.findUserById(db, userId))!, await repo.listGrantsOfUsers(db, [userId]));
}
