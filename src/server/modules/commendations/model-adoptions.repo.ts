import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { modelAdoptions } from '../../db/schema/index';
import { withNextVersion } from '../../platform/db/versions';

export type ModelAdoptionRow = typeof modelAdoptions.$inferSelect;
export type AdoptionWithUnit = { adoption: ModelAdoptionRow; unitName: string; unitPath: string };

export async function insertAdoption(executor: Executor, values: typeof modelAdoptions.$inferInsert): Promise<ModelAdoptionRow> {
  const rows = await executor.insert(modelAdoptions).values(values).returning();
  return rows[0]!;
}

export async function updateAdoption(
  executor: Executor,
  id: number,
  patch: Partial<typeof modelAdoptions.$inferInsert>,
): Promise<ModelAdoptionRow> {
  const rows = await executor
    .update(modelAdoptions)
    .set(withNextVersion(modelAdoptions, patch))
    .where(eq(modelAdoptions.id, id))
    .returning();
  return rows[0]!;
}

export async function deleteAdoption(executor: Executor, id: number): Promise<void> {
  await executor.delete(modelAdoptions).where(eq(modelAdoptions.id, id));
}

export async function findAdoption(executor: Executor, id: number, forUpdate = false): Promise<AdoptionWithUnit | undefined> {
  const lock = forUpdate ? sql`FOR UPDATE OF a` : sql``;
  const rows = await executor.execute<{ unit_name: string; unit_path: string }>(sql`
    SELECT u.name AS unit_name, u.path::text AS unit_path FROM model_adoptions a JOIN units u ON u.id = a.unit_id WHERE a.id = ${id} ${lock}`);
  const row = rows.rows[0];
  if (!row) return undefined;
  const [adoption] = await executor.select().from(modelAdoptions).where(eq(modelAdoptions.id, id));
  return { adoption: adoption!, unitName: row.unit_name, unitPath: row.unit_path };
}

export async function findAdoptionOf(executor: Executor, nominationId: number, unitId: number): Promise<number | undefined> {
  const rows = await executor.execute<{ id: number }>(
    sql`SELECT id FROM model_adoptions WHERE nomination_id = ${nominationId} AND unit_id = ${unitId}`,
  );
  return rows.rows[0] ? Number(rows.rows[0].id) : undefined;
}

export async function countAdoptions(executor: Executor, nominationId: number): Promise<number> {
  const rows = await executor.execute<{ n: number }>(sql`SELECT count(*) AS n FROM model_adoptions WHERE nomination_id = ${nominationId}`);
  return Number(rows.rows[0]!.n);
}

/** The adoptions of a model by units inside the given subtrees, newest first. */
export async function listAdoptionsInScope(executor: Executor, nominationId: number, scope: string[]): Promise<AdoptionWithUnit[]> {
  const rows = await executor.execute<{ id: number }>(sql`
    SELECT a.id FROM model_adoptions a JOIN units u ON u.id = a.unit_id
    WHERE a.nomination_id = ${nominationId} AND u.path <@ ANY(${sql.param(scope)}::ltree[])
    ORDER BY a.adopted_on DESC, a.id DESC`);
  return listAdoptionsByIds(
    executor,
    rows.rows.map((row) => Number(row.id)),
  );
}

export async function listAdoptionsByIds(executor: Executor, ids: number[]): Promise<AdoptionWithUnit[]> {
  if (ids.length === 0) return [];
  const rows = await executor.execute<Record<string, unknown>>(sql`
    SELECT a.id, a.nomination_id, a.unit_id, a.adopted_on::text AS adopted_on, a.note, a.version, a.created_by, a.created_at, a.updated_at,
      u.name AS unit_name, u.path::text AS unit_path
    FROM model_adoptions a JOIN units u ON u.id = a.unit_id WHERE a.id = ANY(${sql.param(ids)}::bigint[])`);
  const byId = new Map(
    rows.rows.map((row) => [
      Number(row.id),
      {
        adoption: {
          id: Number(row.id),
          nominationId: Number(row.nomination_id),
          unitId: Number(row.unit_id),
          adoptedOn: String(row.adopted_on),
          note: row.note === null ? null : String(row.note),
          version: Number(row.version),
          createdBy: row.created_by === null ? null : Number(row.created_by),
          createdAt: new Date(String(row.created_at)),
          updatedAt: new Date(String(row.updated_at)),
        },
        unitName: String(row.unit_name),
        unitPath: String(row.unit_path),
      },
    ]),
  );
  return ids.map((id) => byId.get(id)).filter((found): found is AdoptionWithUnit => found !== undefined);
}

export type AdoptableModelRow = {
  id: number;
  title: string;
  story: string;
  results: string;
  unitName: string;
  decision: { numberSymbol: string; decidedOn: string; formName: string; unitName: string };
  adoptedUnits: number;
  adoptionId: number | null;
};

/**
 * The commended models a unit may take up: decided by a level strictly above it, and not its own.
 * Newest decision first; with how many units took each up and this unit's own record.
 */
export async function searchAdoptableModels(
  executor: Executor,
  filter: { unitId: number; unitPath: string; q?: string; page: number; pageSize: number },
): Promise<{ items: AdoptableModelRow[]; total: number }> {
  const where = sql.join(
    [
      sql`n.kind = 'model' AND n.status = 'commended'`,
      sql`du.path @> ${filter.unitPath}::ltree AND du.id <> ${filter.unitId} AND n.unit_id <> ${filter.unitId}`,
      filter.q ? sql`n.search_text LIKE ${`%${filter.q}%`}` : sql`TRUE`,
    ],
    sql` AND `,
  );
  const from = sql`FROM nominations n JOIN commendation_decisions d ON d.id = n.decision_id JOIN units du ON du.id = d.unit_id`;
  const total = await executor.execute<{ n: number }>(sql`SELECT count(*) AS n ${from} WHERE ${where}`);
  const rows = await executor.execute<Record<string, unknown>>(sql`
    SELECT n.id, n.title, n.story, n.results, u.name AS unit_name, d.number_symbol, d.decided_on::text AS decided_on, f.name AS form_name, du.name AS decision_unit_name,
      (SELECT count(*) FROM model_adoptions a WHERE a.nomination_id = n.id) AS adopted_units,
      (SELECT a.id FROM model_adoptions a WHERE a.nomination_id = n.id AND a.unit_id = ${filter.unitId}) AS adoption_id
    ${from} JOIN units u ON u.id = n.unit_id JOIN commendation_forms f ON f.code = d.form_code
    WHERE ${where}
    ORDER BY d.decided_on DESC, n.id DESC
    LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`);
  return {
    total: Number(total.rows[0]!.n),
    items: rows.rows.map((row) => ({
      id: Number(row.id),
      title: String(row.title),
      story: String(row.story),
      results: String(row.results),
      unitName: String(row.unit_name),
      decision: {
        numberSymbol: String(row.number_symbol),
        decidedOn: String(row.decided_on),
        formName: String(row.form_name),
        unitName: String(row.decision_unit_name),
      },
      adoptedUnits: Number(row.adopted_units),
      adoptionId: row.adoption_id === null ? null : Number(row.adoption_id),
    })),
  };
}
