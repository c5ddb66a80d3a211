import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { compareVietnamese } from '../../../shared/text';

/** Child units that stood under the unit on the date (from the version history). */
export async function listOpenChildUnits(executor: Executor, parentId: number, asOf: string) {
  const rows = await executor.execute<{ id: number; code: string; name: string; kind: string }>(sql`
    SELECT v.unit_id AS id, v.code, v.name, v.kind FROM unit_versions v
    WHERE v.parent_id = ${parentId} AND v.valid_from <= ${asOf} AND (v.valid_to IS NULL OR v.valid_to > ${asOf})`);
  return rows.rows.map((row) => ({ ...row, id: Number(row.id) })).sort((a, b) => compareVietnamese(a.name, b.name));
}
