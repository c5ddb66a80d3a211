import { sql } from 'drizzle-orm';
import type { Database } from '../server/platform/db/client';
import { AppError } from '../server/platform/errors';
import { assertPasswordAcceptable, hashPassword } from '../server/platform/auth/passwords';
import { recordAudit } from '../server/platform/audit';
import { systemActor } from '../server/platform/auth/policy';
import { foldVietnamese } from '../shared/text';
import { findUserByUsername, insertGrant, insertUser } from '../server/modules/accounts/accounts.repo';

/** Creates an administrator over every root unit (the first account of a new installation). */
export async function createRootAdmin(db: Database, username: string, password: string): Promise<void> {
  assertPasswordAcceptable(password);
  const name = username.trim().toLowerCase();
  if (await findUserByUsername(db, name)) throw new AppError('DUPLICATE', `Tên đăng nhập "${name}" đã có.`);
  const roots = await db.execute<{ id: number }>(sql`SELECT id FROM units WHERE parent_id IS NULL AND valid_to IS NULL`);
  if (roots.rows.length === 0) throw new AppError('INVALID_STATE', 'Chưa có đơn vị nào: hãy nhập danh sách đơn vị (import units) trước.');
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const user = await insertUser(tx, {
      username: name,
      displayName: 'Quản trị hệ thống',
      searchText: foldVietnamese(name),
      passwordHash,
      mustChangePassword: true,
    });
    for (const root of roots.rows) await insertGrant(tx, { userId: user.id, unitId: Number(root.id), role: 'admin' });
    await recordAudit(tx, systemActor('Dòng lệnh (CLI)'), {
      action: 'account.create',
      entityType: 'user',
      entityId: user.id,
      after: { username: name, role: 'admin' },
    });
  });
}
