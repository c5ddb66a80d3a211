import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { compareVietnamese } from '../../../shared/text';
import type { FiguresChildUnit } from '../../../shared/contracts/figures';

/** The versions of the child units that stood under the unit on the date (from the version history). */
const openChildVersions = (parentId: number, asOf: string) =>
  sql`unit_versions v WHERE v.parent_id = ${parentId} AND v.valid_from <= ${asOf} AND (v.valid_to IS NULL OR v.valid_to > ${asOf})`;

/** Child units that stood under the unit on the date (the kind is a text column of kinds the units service writes). */
export async function listOpenChildUnits(executor: Executor, parentId: number, asOf: string): Promise<FiguresChildUnit[]> {
  const rows = await executor.execute<FiguresChildUnit>(sql`
    SELECT v.unit_id AS id, v.code, v.name, v.kind FROM ${openChildVersions(parentId, asOf)}`);
  return rows.rows.map((row) => ({ ...row, id: Number(row.id) })).sort((a, b) => compareVietnamese(a.name, b.name));
}

/** The unit and the children it had on the date, as an id array for readFiguresAtDays. */
export function unitAndOpenChildIds(parentId: number, asOf: string): SQL {
  return sql`ARRAY(SELECT ${parentId}::bigint UNION ALL SELECT v.unit_id FROM ${openChildVersions(parentId, asOf)})`;
}
