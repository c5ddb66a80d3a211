import { sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client';

/**
 * The unit that once carried a code it no longer has (codes can be corrected), so a sign printed
 * before the change still opens the right page. The most recent holder of the code wins.
 */
export async function findUnitIdByPastCode(executor: Executor, code: string): Promise<number | undefined> {
  const rows = await executor.execute<{ unit_id: number }>(sql`
    SELECT unit_id FROM unit_versions WHERE code = ${code} ORDER BY valid_from DESC, id DESC LIMIT 1`);
  const found = rows.rows[0];
  return found ? Number(found.unit_id) : undefined;
}
