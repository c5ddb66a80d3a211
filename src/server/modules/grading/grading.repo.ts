import { and, asc, desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import { gradingEvents, gradingRules, gradings } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { Grade, GradingListQuery, GradingRuleConfig, GradingStatus, GradingSubject } from '../../../shared/contracts/grading';
import type { UnitKind } from '../../../shared/contracts/domain';
import { withNextVersion } from '../../platform/db/versions';

export type GradingRow = typeof gradings.$inferSelect;
export type GradingRuleRow = typeof gradingRules.$inferSelect;

/** Kinds of unit graded as a collective by the level above. */
export const COLLECTIVE_KINDS = ['cell', 'grassroots_cell', 'grassroots_committee', 'commune_committee', 'party_group'] as const;

export async function findRuleForYear(executor: Executor, year: number): Promise<GradingRuleRow | undefined> {
  const rows = await executor
    .select()
    .from(gradingRules)
    .where(lte(gradingRules.validFromYear, year))
    .orderBy(desc(gradingRules.validFromYear))
    .limit(1);
  return rows[0];
}

export async function findRule(executor: Executor, code: string): Promise<GradingRuleRow | undefined> {
  const rows = await executor.select().from(gradingRules).where(eq(gradingRules.code, code));
  return rows[0];
}

export async function listRules(executor: Executor): Promise<GradingRuleRow[]> {
  return executor.select().from(gradingRules).orderBy(asc(gradingRules.validFromYear));
}

export async function insertRule(
  executor: Executor,
  values: { code: string; name: string; validFromYear: number; config: GradingRuleConfig },
): Promise<GradingRuleRow | undefined> {
  const rows = await executor.insert(gradingRules).values(values).onConflictDoNothing().returning();
  return rows[0];
}

/** A grading with what deciding who may act needs: the unit's path and its parent's, and the names. */
export type GradingContext = {
  grading: GradingRow;
  unitPath: string;
  unitName: string;
  unitKind: UnitKind;
  parentPath: string | null;
  parentName: string | null;
  personName: string | null;
};

export async function findGrading(executor: Executor, id: number, forUpdate = false): Promise<GradingContext | undefined> {
  if (forUpdate) await executor.execute(sql`SELECT id FROM gradings WHERE id = ${id} FOR UPDATE`);
  const rows = await executor.execute<{
    id: number;
    unit_path: string;
    unit_name: string;
    unit_kind: UnitKind;
    parent_path: string | null;
    parent_name: string | null;
    person_name: string | null;
  }>(sql`
    SELECT g.id, u.path::text AS unit_path, u.name AS unit_name, u.kind AS unit_kind,
      parent.path::text AS parent_path, parent.name AS parent_name, p.full_name AS person_name
    FROM gradings g
    JOIN units u ON u.id = g.unit_id
    LEFT JOIN units parent ON parent.id = u.parent_id
    LEFT JOIN persons p ON p.id = g.person_id
    WHERE g.id = ${id}`);
  const place = rows.rows[0];
  if (!place) return undefined;
  const grading = (await executor.select().from(gradings).where(eq(gradings.id, id)))[0]!;
  return {
    grading,
    unitPath: place.unit_path,
    unitName: place.unit_name,
    unitKind: place.unit_kind,
    parentPath: place.parent_path,
    parentName: place.parent_name,
    personName: place.person_name,
  };
}

export async function findGradingIdOf(executor: Executor, subject: 'member' | 'collective', subjectId: number, year: number) {
  const column = subject === 'member' ? gradings.personId : gradings.unitId;
  const rows = await executor
    .select({ id: gradings.id })
    .from(gradings)
    .where(and(eq(gradings.subject, subject), eq(column, subjectId), eq(gradings.year, year)));
  return rows[0]?.id;
}

export async function insertGrading(executor: Executor, values: typeof gradings.$inferInsert): Promise<GradingRow> {
  const rows = await executor.insert(gradings).values(values).returning();
  return rows[0]!;
}

/** Writes a grading's changes and its next version: the one place a grading's version moves. */
export async function updateGrading(executor: Executor, id: number, values: Partial<typeof gradings.$inferInsert>): Promise<GradingRow> {
  const rows = await executor.update(gradings).set(withNextVersion(gradings, values)).where(eq(gradings.id, id)).returning();
  return rows[0]!;
}

export async function insertEvent(executor: Executor, values: typeof gradingEvents.$inferInsert): Promise<void> {
  await executor.insert(gradingEvents).values(values);
}

export async function listEvents(executor: Executor, gradingId: number) {
  return executor.select().from(gradingEvents).where(eq(gradingEvents.gradingId, gradingId)).orderBy(asc(gradingEvents.id));
}

/** One subject of a list: the member or collective, and its grading for the year if it has one. */
export type SubjectRow = {
  person_id: number | null;
  person_name: string | null;
  unit_id: number;
  unit_name: string;
  unit_kind: UnitKind;
  grading_id: number | null;
  status: GradingStatus | null;
  version: number | null;
  self_grade: Grade | null;
  proposed_grade: Grade | null;
  proposed_total: string | number | null;
  grade: Grade | null;
  decided_grade: Grade | null;
  total: number;
};

const gradingColumns = sql`g.id AS grading_id, g.status, g.version, g.self_grade, g.proposed_grade, g.proposed_total, g.grade, g.decided_grade`;

function gradingFilters(query: GradingListQuery, folded: string | null): SQL[] {
  const filters: SQL[] = [];
  if (query.status === 'none') filters.push(sql`g.id IS NULL`);
  else if (query.status) filters.push(sql`g.status = ${query.status}`);
  if (query.grade) filters.push(sql`coalesce(g.decided_grade, g.grade) = ${query.grade}`);
  if (folded) filters.push(sql`s.search_text LIKE ${`%${folded}%`}`);
  return filters;
}

/**
 * Members of the subtree (party members with a current primary membership) with their grading for
 * the year, if any, in name order; or the subtree's collectives below the unit itself.
 */
export async function listSubjects(
  executor: Executor,
  unitPath: string,
  query: GradingListQuery,
  folded: string | null,
): Promise<SubjectRow[]> {
  const filters = gradingFilters(query, folded);
  const where = filters.length > 0 ? sql`WHERE ${sql.join(filters, sql` AND `)}` : sql``;
  const paging = sql`LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  if (query.subject === 'member') {
    const rows = await executor.execute<SubjectRow>(sql`
      WITH s AS (
        SELECT p.id AS person_id, p.full_name AS person_name, p.sort_key, p.search_text, u.id AS unit_id, u.name AS unit_name,
          u.kind AS unit_kind, u.sort_key AS unit_sort
        FROM memberships m
        JOIN units u ON u.id = m.unit_id
        JOIN persons p ON p.id = m.person_id
        WHERE u.path <@ ${unitPath}::ltree AND m.is_primary AND m.to_date IS NULL AND p.category = 'party_member'
      )
      SELECT s.person_id, s.person_name, s.unit_id, s.unit_name, s.unit_kind, ${gradingColumns}, count(*) OVER ()::int AS total
      FROM s LEFT JOIN gradings g ON g.subject = 'member' AND g.person_id = s.person_id AND g.year = ${query.year}
      ${where}
      ORDER BY s.unit_sort, s.sort_key, s.person_id
      ${paging}`);
    return rows.rows;
  }
  const rows = await executor.execute<SubjectRow>(sql`
    WITH s AS (
      SELECT u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind, u.sort_key, u.search_text, u.depth
      FROM units u
      WHERE u.path <@ ${unitPath}::ltree AND u.path <> ${unitPath}::ltree AND u.valid_to IS NULL
        AND u.kind IN (${sql.join(
          COLLECTIVE_KINDS.map((kind) => sql`${kind}`),
          sql`, `,
        )})
    )
    SELECT NULL::bigint AS person_id, NULL AS person_name, s.unit_id, s.unit_name, s.unit_kind, ${gradingColumns}, count(*) OVER ()::int AS total
    FROM s LEFT JOIN gradings g ON g.subject = 'collective' AND g.unit_id = s.unit_id AND g.year = ${query.year}
    ${where}
    ORDER BY s.depth, s.sort_key, s.unit_id
    ${paging}`);
  return rows.rows;
}

/** Gradings of the subtree for a year that wait for the rule's proposal (self-reviewed, not yet graded). */
export async function listAwaitingProposal(executor: Executor, unitPath: string, year: number): Promise<GradingRow[]> {
  const rows = await executor.execute<{ id: number }>(sql`
    SELECT g.id FROM gradings g JOIN units u ON u.id = g.unit_id
    WHERE u.path <@ ${unitPath}::ltree AND g.year = ${year} AND g.status = 'self_reviewed'`);
  if (rows.rows.length === 0) return [];
  const ids = rows.rows.map((row) => Number(row.id));
  return executor
    .select()
    .from(gradings)
    .where(
      sql`${gradings.id} IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
}

/** Sets the rule's proposal on many gradings at once (no version move: the subject's own fields are untouched). */
export async function setProposals(executor: Executor, proposals: Array<{ id: number; grade: string; total: number; reason: string }>) {
  if (proposals.length === 0) return;
  await executor.execute(sql`
    UPDATE gradings g SET proposed_grade = v.grade, proposed_total = v.total, proposed_reason = v.reason, updated_at = now()
    FROM (SELECT * FROM jsonb_to_recordset(${JSON.stringify(proposals)}::jsonb) AS x(id bigint, grade text, total numeric, reason text)) v
    WHERE g.id = v.id`);
}

/** Every grading of a subtree for a year, for the result table and the grading record. */
export type ResultRow = {
  id: number;
  subject: GradingSubject;
  person_name: string | null;
  unit_name: string;
  unit_path: string;
  status: GradingStatus;
  self_grade: Grade | null;
  self_total: string | number | null;
  proposed_grade: Grade | null;
  proposed_total: string | number | null;
  grade: Grade | null;
  override_reason: string | null;
  votes: { for: number; against: number; abstain: number } | null;
  decided_grade: Grade | null;
  comment: string;
};

export async function listResults(
  executor: Executor,
  unitPath: string,
  year: number,
  subject?: 'member' | 'collective',
): Promise<ResultRow[]> {
  const rows = await executor.execute<ResultRow>(sql`
    SELECT g.id, g.subject, p.full_name AS person_name, u.name AS unit_name, u.path::text AS unit_path, g.status,
      g.self_grade, g.self_total, g.proposed_grade, g.proposed_total, g.grade, g.override_reason, g.votes, g.decided_grade, g.comment
    FROM gradings g
    JOIN units u ON u.id = g.unit_id
    LEFT JOIN persons p ON p.id = g.person_id
    WHERE u.path <@ ${unitPath}::ltree AND g.year = ${year} ${subject ? sql`AND g.subject = ${subject}` : sql``}
    ORDER BY g.subject DESC, u.sort_key, p.sort_key NULLS FIRST, g.id`);
  return rows.rows;
}
