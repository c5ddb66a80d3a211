import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { CampaignRecord } from '../../../shared/contracts/campaign-overview';
import { statusesOfSet, type RecordSet } from './drill-down';

/** The last day the tree changed (a unit founded, moved, renamed or re-kinded). */
export async function lastTreeChange(executor: Executor): Promise<string | null> {
  const rows = await executor.execute<{ day: string | null }>(sql`SELECT max(valid_from)::text AS day FROM unit_versions`);
  return rows.rows[0]?.day ?? null;
}

/**
 * The ids of the units of a subtree as the figures count it on `day`. While the tree is as it was
 * then, that is the current tree (by path, closed units included: their records still count above
 * them). Otherwise it is the tree of that day: each unit under the parent of its version in force
 * then (the latest that began by that day, or its first), as platform/figures.ts places a change.
 */
function subtreeIdsOn(place: Place): SQL {
  if (place.treeUnchangedSince) return sql`SELECT id FROM units WHERE path <@ ${place.unit.path}::ltree`;
  return sql`
    WITH RECURSIVE in_force AS (
      SELECT DISTINCT ON (unit_id) unit_id, parent_id FROM unit_versions
      ORDER BY unit_id, (valid_from <= ${place.day}) DESC, CASE WHEN valid_from <= ${place.day} THEN valid_from END DESC NULLS LAST, valid_from
    ), tree AS (
      SELECT ${place.unit.id}::bigint AS id
      UNION ALL
      SELECT f.unit_id FROM in_force f JOIN tree t ON f.parent_id = t.id
    )
    SELECT id FROM tree`;
}

export type Place = {
  unit: { id: number; path: string };
  year: number;
  day: string;
  /** Whether the tree is still as it stood on `day`. */
  treeUnchangedSince: boolean;
};

/** The rows of a record set as one query: its FROM and WHERE, and the columns of a record. */
function recordsQuery(set: RecordSet, place: Place): { from: SQL; columns: SQL; order: SQL } {
  const subtree = subtreeIdsOn(place);
  if (set.kind === 'members') {
    return {
      from: sql`FROM memberships m JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id
        WHERE m.is_primary AND m.from_date <= ${place.day} AND (m.to_date IS NULL OR m.to_date > ${place.day})
          AND m.unit_id IN (${subtree})`,
      columns: sql`p.id, 'person' AS kind, p.full_name AS name, u.name AS unit_name, NULL AS status, m.from_date::text AS since`,
      order: sql`p.sort_key, p.id`,
    };
  }
  const filters: SQL[] = [sql`r.year = ${place.year}`, sql`r.unit_id IN (${subtree})`];
  if (set.kind === 'registrations') {
    filters.push(sql`r.kind = ANY(${sql.param(set.kinds)}::text[])`, sql`r.status = ANY(${sql.param([...statusesOfSet(set)])}::text[])`);
  } else {
    filters.push(sql`r.kind = 'individual'`, sql`r.review_level = ANY(${sql.param(set.levels)}::text[])`);
  }
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

/** A page of the records, people in the order of every list of people (given name first). */
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
