import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { NominationKind } from '../../../shared/contracts/commendations';
import type { TypicalExampleItem } from '../../../shared/contracts/commendations-spread';

export type TypicalFilter = {
  unitPath: string;
  scope: string[];
  provinceId?: number;
  year?: number;
  kind?: NominationKind;
  q?: string;
};

/** The ancestor at province level of the nominating unit `u`: one of the ids of its path. */
const PROVINCE_OF_U = sql`(SELECT p.id FROM units p WHERE p.id = ANY(string_to_array(u.path::text, '.')::bigint[])
  AND p.kind IN ('province_committee', 'central_committee') ORDER BY nlevel(p.path) LIMIT 1)`;

function whereOf(filter: TypicalFilter, leaveOut: 'province' | 'year' | null = null): SQL {
  return sql.join(
    [
      sql`n.typical_year IS NOT NULL`,
      sql`u.path <@ ${filter.unitPath}::ltree`,
      sql`u.path <@ ANY(${sql.param(filter.scope)}::ltree[])`,
      filter.provinceId && leaveOut !== 'province' ? sql`u.path <@ (SELECT path FROM units WHERE id = ${filter.provinceId})` : sql`TRUE`,
      filter.year && leaveOut !== 'year' ? sql`n.typical_year = ${filter.year}` : sql`TRUE`,
      filter.kind ? sql`n.kind = ${filter.kind}` : sql`TRUE`,
      filter.q ? sql`n.search_text LIKE ${`%${filter.q}%`}` : sql`TRUE`,
    ],
    sql` AND `,
  );
}

const FROM = sql`FROM nominations n JOIN units u ON u.id = n.unit_id`;

/** A row of the list query: its kind is the nomination's, the other columns are converted one by one. */
type ExampleRow = Record<string, unknown> & { kind: NominationKind };

function toItem(row: ExampleRow): TypicalExampleItem {
  return {
    id: Number(row.id),
    kind: row.kind,
    title: String(row.title),
    subjectName: row.subject_name === null ? null : String(row.subject_name),
    unit: { id: Number(row.unit_id), name: String(row.unit_name) },
    province: row.province_id === null ? null : { id: Number(row.province_id), name: String(row.province_name) },
    year: Number(row.typical_year),
    sentBy: { id: Number(row.by_id), name: String(row.by_name) },
    decision:
      row.number_symbol === null
        ? null
        : {
            numberSymbol: String(row.number_symbol),
            decidedOn: String(row.decided_on),
            formName: String(row.form_name),
            unitName: String(row.decision_unit_name),
          },
    version: Number(row.version),
  };
}

/**
 * Typical examples of the subtree, grouped by province (its sort key), then the newest year; the
 * province is computed once per listed row only.
 */
export async function listTypicalExamples(
  executor: Executor,
  filter: TypicalFilter,
  limit: number,
  offset: number,
): Promise<TypicalExampleItem[]> {
  const rows = await executor.execute<ExampleRow>(sql`
    WITH t AS (
      SELECT n.id, ${PROVINCE_OF_U} AS province_id ${FROM} WHERE ${whereOf(filter)}
    )
    SELECT n.id, n.kind, n.title, COALESCE(su.name, sp.full_name) AS subject_name, n.unit_id, u.name AS unit_name,
      t.province_id, p.name AS province_name, n.typical_year, b.id AS by_id, b.name AS by_name, n.version,
      d.number_symbol, d.decided_on::text AS decided_on, f.name AS form_name, du.name AS decision_unit_name
    FROM t JOIN nominations n ON n.id = t.id
    JOIN units u ON u.id = n.unit_id
    JOIN units b ON b.id = n.typical_by_unit_id
    LEFT JOIN units p ON p.id = t.province_id
    LEFT JOIN units su ON su.id = n.subject_unit_id LEFT JOIN persons sp ON sp.id = n.subject_person_id
    LEFT JOIN commendation_decisions d ON d.id = n.decision_id
    LEFT JOIN commendation_forms f ON f.code = d.form_code
    LEFT JOIN units du ON du.id = d.unit_id
    ORDER BY p.sort_key NULLS LAST, p.id, n.typical_year DESC, u.sort_key, n.id
    LIMIT ${limit} OFFSET ${offset}`);
  return rows.rows.map(toItem);
}

export async function countTypicalExamples(executor: Executor, filter: TypicalFilter): Promise<number> {
  const rows = await executor.execute<{ n: number }>(sql`SELECT count(*) AS n ${FROM} WHERE ${whereOf(filter)}`);
  return Number(rows.rows[0]!.n);
}

/** How many each province sent, for the other filters than the province. */
export async function countByProvince(
  executor: Executor,
  filter: TypicalFilter,
): Promise<Array<{ id: number | null; name: string | null; count: number }>> {
  const rows = await executor.execute<{ id: number | null; name: string | null; n: number }>(sql`
    WITH t AS (SELECT ${PROVINCE_OF_U} AS province_id ${FROM} WHERE ${whereOf(filter, 'province')})
    SELECT t.province_id AS id, p.name, count(*) AS n FROM t LEFT JOIN units p ON p.id = t.province_id
    GROUP BY t.province_id, p.name, p.sort_key ORDER BY p.sort_key NULLS LAST`);
  return rows.rows.map((row) => ({ id: row.id === null ? null : Number(row.id), name: row.name, count: Number(row.n) }));
}

export async function countByYear(executor: Executor, filter: TypicalFilter): Promise<Array<{ year: number; count: number }>> {
  const rows = await executor.execute<{ year: number; n: number }>(sql`
    SELECT n.typical_year AS year, count(*) AS n ${FROM} WHERE ${whereOf(filter, 'year')} GROUP BY n.typical_year ORDER BY n.typical_year DESC`);
  return rows.rows.map((row) => ({ year: Number(row.year), count: Number(row.n) }));
}
