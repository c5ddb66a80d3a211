import { sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client';
import { systemActor, type Actor } from '../platform/auth/policy';

/** The demo loader acting as an administrator of the province, through the modules' own services; null without it. */
export async function demoProvinceAdmin(
  db: Executor,
  provinceCode: string,
): Promise<{ actor: Actor; province: { id: number; path: string } } | null> {
  const row = (await db.execute<{ id: number; path: string }>(sql`SELECT id, path::text AS path FROM units WHERE code = ${provinceCode}`))
    .rows[0];
  if (!row) return null;
  const province = { id: Number(row.id), path: row.path };
  const actor: Actor = {
    ...systemActor('Dữ liệu mẫu'),
    grants: [{ id: 0, unitId: province.id, unitCode: provinceCode, unitName: '', unitPath: province.path, role: 'admin' }],
  };
  return { actor, province };
}
