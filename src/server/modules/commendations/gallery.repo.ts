import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { NominationKind } from '../../../shared/contracts/commendations';
import { compareVietnamese } from '../../../shared/text';

export type GalleryFilter = { q?: string; provinceId?: number; year?: number; kind?: NominationKind; page: number; pageSize: number };

export type GalleryItem = {
  id: number;
  kind: NominationKind;
  title: string;
  subjectName: string | null;
  unitName: string;
  unitCode: string;
  provinceName: string | null;
  year: number;
  formName: string;
  decidingUnitName: string;
  story: string;
  results: string;
  /** How many units recorded that they took the model up: a count, never who or how. */
  adoptedUnits: number;
};

/**
 * What the public gallery shows: commended nominations a committee marked public, newest decision
 * first. Only these columns leave the database: no contact, birth date or card number of anyone.
 */
export async function searchGallery(executor: Executor, filter: GalleryFilter): Promise<{ items: GalleryItem[]; total: number }> {
  const where = sql.join(
    [
      sql`n.is_public AND n.status = 'commended'`,
      filter.q ? sql`n.search_text LIKE ${`%${filter.q}%`}` : sql`TRUE`,
      filter.provinceId
        ? sql`n.unit_id IN (SELECT id FROM units WHERE path <@ (SELECT path FROM units WHERE id = ${filter.provinceId}))`
        : sql`TRUE`,
      filter.year ? sql`n.decided_on >= make_date(${filter.year}, 1, 1) AND n.decided_on < make_date(${filter.year} + 1, 1, 1)` : sql`TRUE`,
      filter.kind ? sql`n.kind = ${filter.kind}` : sql`TRUE`,
    ],
    sql` AND `,
  );
  const total = await executor.execute<{ n: number }>(sql`SELECT count(*) AS n FROM nominations n WHERE ${where}`);
  // The page's ids first, from the partial indexes; names, province and form only for those rows
  // (the province is the ancestor of that kind: one of the ids of the unit's path).
  const rows = await executor.execute<Record<string, unknown> & { kind: NominationKind }>(sql`
    WITH page AS (
      SELECT n.id, n.decided_on FROM nominations n WHERE ${where}
      ORDER BY n.decided_on DESC, n.id DESC
      LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}
    )
    SELECT n.id, n.kind, n.title, COALESCE(su.name, sp.full_name) AS subject_name, u.name AS unit_name, u.code AS unit_code,
      (SELECT p.name FROM units p WHERE p.id = ANY(string_to_array(u.path::text, '.')::bigint[]) AND p.kind = 'province_committee' LIMIT 1) AS province_name,
      d.number_year, f.name AS form_name, du.name AS deciding_name, n.story, n.results,
      (SELECT count(*) FROM model_adoptions ma WHERE ma.nomination_id = n.id) AS adopted_units
    FROM page JOIN nominations n ON n.id = page.id
    JOIN units u ON u.id = n.unit_id
    JOIN commendation_decisions d ON d.id = n.decision_id
    JOIN commendation_forms f ON f.code = d.form_code
    JOIN units du ON du.id = d.unit_id
    LEFT JOIN units su ON su.id = n.subject_unit_id LEFT JOIN persons sp ON sp.id = n.subject_person_id
    ORDER BY page.decided_on DESC, n.id DESC`);
  return {
    total: Number(total.rows[0]!.n),
    items: rows.rows.map((row) => ({
      id: Number(row.id),
      kind: row.kind,
      title: String(row.title),
      subjectName: row.subject_name === null ? null : String(row.subject_name),
      unitName: String(row.unit_name),
      unitCode: String(row.unit_code),
      provinceName: row.province_name === null ? null : String(row.province_name),
      year: Number(row.number_year),
      formName: String(row.form_name),
      decidingUnitName: String(row.deciding_name),
      story: String(row.story),
      results: String(row.results),
      adoptedUnits: Number(row.adopted_units),
    })),
  };
}

/** The provinces, for the gallery's filter (34 rows: cheaper than asking which have an example). */
export async function listGalleryProvinces(executor: Executor): Promise<Array<{ id: number; name: string }>> {
  const rows = await executor.execute<{ id: number; name: string }>(sql`
    SELECT id, name FROM units WHERE kind = 'province_committee' AND valid_to IS NULL`);
  return rows.rows.map((row) => ({ id: Number(row.id), name: row.name })).sort((a, b) => compareVietnamese(a.name, b.name));
}

export async function isPublicNomination(executor: Executor, id: number): Promise<boolean> {
  const rows = await executor.execute<{ id: number }>(
    sql`SELECT id FROM nominations WHERE id = ${id} AND is_public AND status = 'commended'`,
  );
  return rows.rows.length > 0;
}
