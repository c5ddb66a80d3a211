import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { CampaignRecord } from '../../../shared/contracts/campaign-overview';
import type { RecordSet } from './drill-down';

/**
 * The ids of the units of a subtree as the figures count it on `day`. Today that is the current
 * tree (by path, closed units included: their records still count above them). On an earlier day
 * it is the tree of that day: each unit under the parent of its version in force then (the latest
 * that began by that day, or its first), exactly as platform/figures.ts places a dated change.
 */
function subtreeIdsOn(unit: { id: number; path: string }, day: string, today: string): SQL {
  if (day >= today) return sql`SELECT id FROM units WHERE path <@ ${unit.path}::ltree`;
  return sql`
    WITH RECURSIVE in_force AS (
      SELECT DISTINCT ON (unit_id) unit_id, parent_id FROM unit_versions
      ORDER BY unit_id, (valid_from <= ${day}) DESC, CASE WHEN valid_from <= ${day} THEN valid_from END DESC NULLS LAST, valid_from
    ), tree AS (
      SELECT ${unit.id}::bigint AS id
      UNION ALL
      SELECT f.unit_id FROM in_force f JOIN tree t ON f.parent_id = t.id
    )
    SELECT id FROM tree`;
}

type Place = { unit: { id: number; path: string }; year: number; day: string; today: string };

/** The rows of a record set as one query: its FROM and WHERE, and the columns of a record. */
function recordsQuery(set: RecordSet, place: Place): { from: SQL; columns: SQL; order: SQL } {
  const subtree = subtreeIdsOn(place.unit, place.day, place.today);
  if (set.kind === 'members') {
    return {
      from: sql`FROM memberships m JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id
        WHERE m.is_primary AND m.from_date <= ${place.day} AND (m.to_date IS NULL OR m.to_date > ${place.day})
          AND m.unit_id IN (${subtree})`,
      columns: sql`p.id, 'person' AS kind, p.full_name AS name, u.name AS unit_name, NULL AS status, m.from_date::text AS since`,
      order: sql`p.sort_key, p.id`,
    };
  }
  const filters: SQL[] = [sql`r.year = ${place.year}`, sql`r.kind = ANY(${sql.param(set.kinds)}::text[])`, sql`r.unit_id IN (${subtree})`];
  if (set.statuses) filters.push(sql`r.status = ANY(${sql.param([...set.statuses])}::text[])`);
  if (set.reviewLevels) filters.push(sql`r.review_level = ANY(${sql.param([...set.reviewLevels])}::text[])`);
  return {
    from: sql`FROM registrations r JOIN units u ON u.id = r.unit_id LEFT JOIN persons p ON p.id = r.person_id
      WHERE ${sql.join(filters, sql` AND `)}`,
    columns: sql`r.id, 'registration' AS kind, COALESCE(p.full_name, u.name) AS name, u.name AS unit_name, r.status, NULL AS since`,
    order: sql`COALESCE(p.sort_key, u.sort_key), r.id`,
  };
}

type RecordRow = {
  id: number;
  kind: 'person' | 'registration';
  name: string;
  unit_name: string;
  status: string | null;
  since: string | null;
};

const toRecord = (row: RecordRow): CampaignRecord => ({
  id: Number(row.id),
  kind: row.kind,
  name: row.name,
  unitName: row.unit_name,
  status: row.status,
  since: row.since,
});

export async function countRecords(executor: Executor, set: RecordSet, place: Place): Promise<number> {
  const { from } = recordsQuery(set, place);
  const rows = await executor.execute<{ total: number }>(sql`SELECT count(*) AS total ${from}`);
  return Number(rows.rows[0]?.total ?? 0);
}

/** A page of the records, in Vietnamese name order; `limit` null reads them all (for an export). */
export async function listRecords(
  executor: Executor,
  set: RecordSet,
  place: Place,
  page: { limit: number; offset: number },
): Promise<CampaignRecord[]> {
  const { from, columns, order } = recordsQuery(set, place);
  const rows = await executor.execute<RecordRow>(
    sql`SELECT ${columns} ${from} ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  return rows.rows.map(toRecord);
}
