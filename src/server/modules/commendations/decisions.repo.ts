import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { commendationDecisions, commendationForms } from '../../db/schema/index';
import type { NominationKind } from '../../../shared/contracts/commendations';

export type DecisionRow = typeof commendationDecisions.$inferSelect;
export type FormRow = typeof commendationForms.$inferSelect;

export async function listForms(executor: Executor, includeInactive = false): Promise<FormRow[]> {
  return executor
    .select()
    .from(commendationForms)
    .where(includeInactive ? undefined : eq(commendationForms.active, true))
    .orderBy(asc(commendationForms.sortOrder), asc(commendationForms.name));
}

export async function insertForm(executor: Executor, values: typeof commendationForms.$inferInsert): Promise<FormRow> {
  const rows = await executor.insert(commendationForms).values(values).returning();
  return rows[0]!;
}

export async function updateForm(
  executor: Executor,
  code: string,
  values: Partial<typeof commendationForms.$inferInsert>,
): Promise<FormRow> {
  const rows = await executor.update(commendationForms).set(values).where(eq(commendationForms.code, code)).returning();
  return rows[0]!;
}

export async function findForm(executor: Executor, code: string): Promise<FormRow | undefined> {
  const rows = await executor.select().from(commendationForms).where(eq(commendationForms.code, code)).limit(1);
  return rows[0];
}

export async function isNumberUsed(executor: Executor, unitId: number, year: number, numberValue: number): Promise<boolean> {
  const rows = await executor
    .select({ id: commendationDecisions.id })
    .from(commendationDecisions)
    .where(
      and(
        eq(commendationDecisions.unitId, unitId),
        eq(commendationDecisions.numberYear, year),
        eq(commendationDecisions.numberValue, numberValue),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertDecision(executor: Executor, values: typeof commendationDecisions.$inferInsert): Promise<DecisionRow> {
  const rows = await executor.insert(commendationDecisions).values(values).returning();
  return rows[0]!;
}

export type DecisionWithUnit = {
  decision: DecisionRow;
  unitName: string;
  unitKind: string;
  unitPath: string;
  parentName: string | null;
  formName: string;
};

export async function findDecision(executor: Executor, id: number): Promise<DecisionWithUnit | undefined> {
  const rows = await executor.execute<{
    unit_name: string;
    unit_kind: string;
    unit_path: string;
    parent_name: string | null;
    form_name: string;
  }>(sql`
    SELECT u.name AS unit_name, u.kind AS unit_kind, u.path::text AS unit_path, p.name AS parent_name, f.name AS form_name
    FROM commendation_decisions d JOIN units u ON u.id = d.unit_id LEFT JOIN units p ON p.id = u.parent_id
    JOIN commendation_forms f ON f.code = d.form_code
    WHERE d.id = ${id}`);
  const row = rows.rows[0];
  if (!row) return undefined;
  const [decision] = await executor.select().from(commendationDecisions).where(eq(commendationDecisions.id, id));
  return {
    decision: decision!,
    unitName: row.unit_name,
    unitKind: row.unit_kind,
    unitPath: row.unit_path,
    parentName: row.parent_name,
    formName: row.form_name,
  };
}

/** The collectives, individuals and models a decision names, in the order of its annex list. */
export async function listDecisionEntries(executor: Executor, decisionId: number) {
  const rows = await executor.execute<{
    id: number;
    kind: NominationKind;
    title: string;
    subject_name: string | null;
    unit_name: string;
    unit_path: string;
    story: string;
    results: string;
  }>(sql`
    SELECT n.id, n.kind, n.title, COALESCE(su.name, sp.full_name) AS subject_name, u.name AS unit_name, u.path::text AS unit_path, n.story, n.results
    FROM nominations n JOIN units u ON u.id = n.unit_id
    LEFT JOIN units su ON su.id = n.subject_unit_id LEFT JOIN persons sp ON sp.id = n.subject_person_id
    WHERE n.decision_id = ${decisionId}
    ORDER BY CASE n.kind WHEN 'collective' THEN 0 WHEN 'individual' THEN 1 ELSE 2 END, n.id`);
  return rows.rows.map((row) => ({
    nominationId: Number(row.id),
    kind: row.kind,
    title: row.title,
    subjectName: row.subject_name,
    unitName: row.unit_name,
    unitPath: row.unit_path,
    story: row.story,
    results: row.results,
  }));
}

export async function searchDecisions(
  executor: Executor,
  filter: { unitPath: string; scope: string[]; year?: number; page: number; pageSize: number },
) {
  const where = sql.join(
    [
      sql`u.path <@ ${filter.unitPath}::ltree`,
      sql`u.path <@ ANY(${sql.param(filter.scope)}::ltree[])`,
      filter.year ? sql`d.number_year = ${filter.year}` : sql`TRUE`,
    ],
    sql` AND `,
  );
  const total = await executor.execute<{ n: number }>(
    sql`SELECT count(*) AS n FROM commendation_decisions d JOIN units u ON u.id = d.unit_id WHERE ${where}`,
  );
  const rows = await executor.execute<Record<string, unknown>>(sql`
    SELECT d.id, d.unit_id, u.name AS unit_name, d.form_code, f.name AS form_name, d.number_symbol, d.decided_on::text AS decided_on, d.title,
      (SELECT count(*) FROM nominations n WHERE n.decision_id = d.id) AS entries
    FROM commendation_decisions d JOIN units u ON u.id = d.unit_id JOIN commendation_forms f ON f.code = d.form_code
    WHERE ${where}
    ORDER BY d.decided_on DESC, d.id DESC
    LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`);
  return {
    total: Number(total.rows[0]!.n),
    items: rows.rows.map((row) => ({
      id: Number(row.id),
      unit: { id: Number(row.unit_id), name: String(row.unit_name) },
      form: { code: String(row.form_code), name: String(row.form_name) },
      numberSymbol: String(row.number_symbol),
      decidedOn: String(row.decided_on),
      title: String(row.title),
      entries: Number(row.entries),
    })),
  };
}
