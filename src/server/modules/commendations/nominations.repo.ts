import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { nominationEvents, nominations } from '../../db/schema/index';
import type { NominationKind, NominationListItem, NominationStatus } from '../../../shared/contracts/commendations';
import { withNextVersion } from '../../platform/db/versions';

export type NominationRow = typeof nominations.$inferSelect;
export type NominationEventRow = typeof nominationEvents.$inferSelect;

/** A nomination with the names and paths its checks and its page need. */
export type NominationContext = {
  nomination: NominationRow;
  unitPath: string;
  unitName: string;
  unitParentId: number | null;
  atUnitPath: string | null;
  atUnitName: string | null;
  atUnitParentId: number | null;
  subjectName: string | null;
  /** The path of the level whose decision commended it, once commended. */
  decisionUnitPath: string | null;
};

export async function insertNomination(executor: Executor, values: typeof nominations.$inferInsert): Promise<NominationRow> {
  const rows = await executor.insert(nominations).values(values).returning();
  return rows[0]!;
}

/** Writes the patch and moves the version on: every change of a nomination is one version. */
export async function updateNomination(
  executor: Executor,
  id: number,
  patch: Partial<typeof nominations.$inferInsert>,
): Promise<NominationRow> {
  const rows = await executor.update(nominations).set(withNextVersion(nominations, patch)).where(eq(nominations.id, id)).returning();
  return rows[0]!;
}

export async function deleteNomination(executor: Executor, id: number): Promise<void> {
  await executor.delete(nominations).where(eq(nominations.id, id));
}

export async function findNomination(executor: Executor, id: number, forUpdate = false): Promise<NominationContext | undefined> {
  const lock = forUpdate ? sql`FOR UPDATE OF n` : sql``;
  const rows = await executor.execute<{
    id: number;
    unit_path: string;
    unit_name: string;
    unit_parent_id: number | null;
    at_path: string | null;
    at_name: string | null;
    at_parent_id: number | null;
    subject_name: string | null;
    decision_path: string | null;
  }>(sql`
    SELECT n.id, u.path::text AS unit_path, u.name AS unit_name, u.parent_id AS unit_parent_id,
      a.path::text AS at_path, a.name AS at_name, a.parent_id AS at_parent_id,
      COALESCE(su.name, sp.full_name) AS subject_name, du.path::text AS decision_path
    FROM nominations n
    JOIN units u ON u.id = n.unit_id
    LEFT JOIN units a ON a.id = n.at_unit_id
    LEFT JOIN units su ON su.id = n.subject_unit_id
    LEFT JOIN persons sp ON sp.id = n.subject_person_id
    LEFT JOIN commendation_decisions d ON d.id = n.decision_id
    LEFT JOIN units du ON du.id = d.unit_id
    WHERE n.id = ${id} ${lock}`);
  const row = rows.rows[0];
  if (!row) return undefined;
  const [nomination] = await executor.select().from(nominations).where(eq(nominations.id, id));
  return {
    nomination: nomination!,
    unitPath: row.unit_path,
    unitName: row.unit_name,
    unitParentId: row.unit_parent_id === null ? null : Number(row.unit_parent_id),
    atUnitPath: row.at_path,
    atUnitName: row.at_name,
    atUnitParentId: row.at_parent_id === null ? null : Number(row.at_parent_id),
    subjectName: row.subject_name,
    decisionUnitPath: row.decision_path,
  };
}

export async function insertEvent(executor: Executor, values: typeof nominationEvents.$inferInsert): Promise<void> {
  await executor.insert(nominationEvents).values(values);
}

export async function listEvents(executor: Executor, nominationId: number) {
  const rows = await executor.execute<{
    id: number;
    action: string;
    from_status: NominationStatus;
    to_status: NominationStatus;
    at_name: string | null;
    reason: string | null;
    snapshot: unknown;
    actor_name: string;
    at: string;
  }>(sql`
    SELECT e.id, e.action, e.from_status, e.to_status, u.name AS at_name, e.reason, e.snapshot, e.actor_name, e.at
    FROM nomination_events e LEFT JOIN units u ON u.id = e.at_unit_id
    WHERE e.nomination_id = ${nominationId} ORDER BY e.id`);
  return rows.rows;
}

export type NominationEventView = Awaited<ReturnType<typeof listEvents>>[number];

export type NominationListRow = NominationListItem;

export type NominationFilter = {
  /** Which column places a nomination in the subtree: the nominating unit or the level holding it. */
  placedBy: 'unit' | 'at_unit' | 'held';
  unitId: number;
  unitPath: string;
  scope: string[];
  status?: string;
  kind?: string;
  year?: number;
  q?: string;
  page: number;
  pageSize: number;
};

export async function searchNominations(
  executor: Executor,
  filter: NominationFilter,
): Promise<{ items: NominationListRow[]; total: number }> {
  const placed = filter.placedBy === 'unit' ? sql`u.path` : sql`a.path`;
  const where = sql.join(
    [
      sql`${placed} <@ ${filter.unitPath}::ltree`,
      sql`${placed} <@ ANY(${sql.param(filter.scope)}::ltree[])`,
      filter.placedBy === 'held' ? sql`n.at_unit_id = ${filter.unitId}` : sql`TRUE`,
      // What waits for vetting is what a level holds and has not decided yet.
      filter.placedBy === 'unit' ? sql`TRUE` : sql`n.status IN ('submitted', 'proposed', 'endorsed')`,
      filter.status ? sql`n.status = ${filter.status}` : sql`TRUE`,
      filter.kind ? sql`n.kind = ${filter.kind}` : sql`TRUE`,
      filter.year ? sql`EXTRACT(YEAR FROM n.period_to) = ${filter.year}` : sql`TRUE`,
      filter.q ? sql`n.search_text LIKE ${`%${filter.q}%`}` : sql`TRUE`,
    ],
    sql` AND `,
  );
  const from = sql`FROM nominations n JOIN units u ON u.id = n.unit_id LEFT JOIN units a ON a.id = n.at_unit_id
    LEFT JOIN units su ON su.id = n.subject_unit_id LEFT JOIN persons sp ON sp.id = n.subject_person_id`;
  const total = await executor.execute<{ n: number }>(sql`SELECT count(*) AS n ${from} WHERE ${where}`);
  const rows = await executor.execute<{
    id: number;
    kind: NominationKind;
    title: string;
    status: NominationStatus;
    unit_id: number;
    unit_name: string;
    at_name: string | null;
    subject_name: string | null;
    period_from: string;
    period_to: string;
    version: number;
    updated_at: string | Date;
  }>(sql`
    SELECT n.id, n.kind, n.title, n.status, n.unit_id, u.name AS unit_name, a.name AS at_name, COALESCE(su.name, sp.full_name) AS subject_name,
      n.period_from::text AS period_from, n.period_to::text AS period_to, n.version, n.updated_at
    ${from} WHERE ${where}
    ORDER BY n.updated_at DESC, n.id DESC
    LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`);
  return {
    total: Number(total.rows[0]!.n),
    items: rows.rows.map((row) => ({
      id: Number(row.id),
      kind: row.kind,
      title: String(row.title),
      status: row.status,
      unitId: Number(row.unit_id),
      unitName: String(row.unit_name),
      atUnitName: row.at_name === null ? null : String(row.at_name),
      subjectName: row.subject_name === null ? null : String(row.subject_name),
      periodFrom: String(row.period_from),
      periodTo: String(row.period_to),
      version: Number(row.version),
      updatedAt: new Date(String(row.updated_at)).toISOString(),
    })),
  };
}

/** Registrations a nomination links to, each named by its person (or, for a collective one, its unit). */
export async function listRegistrationNames(executor: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await executor.execute<{ id: number; year: number; name: string }>(sql`
    SELECT r.id, r.year, COALESCE(p.full_name, u.name) AS name
    FROM registrations r JOIN units u ON u.id = r.unit_id LEFT JOIN persons p ON p.id = r.person_id
    WHERE r.id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return rows.rows.map((row) => ({ id: Number(row.id), year: Number(row.year), name: String(row.name) }));
}
