import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { registrationActions, registrationCheckIns } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { FollowupListQuery } from '../../../shared/contracts/followup';
import type { Position } from '../../../shared/contracts/domain';
import type { CompletionLevel, RegistrationKind, RegistrationStatus } from '../../../shared/contracts/registration-status';

export type CheckInRow = typeof registrationCheckIns.$inferSelect;

/** One line of the follow-up list: the registration, whose it is, and how its check-ins stand. */
export type FollowupListRow = {
  id: number;
  kind: RegistrationKind;
  year: number;
  status: RegistrationStatus;
  version: number;
  is_leader: boolean;
  unit_id: number;
  unit_name: string;
  person_id: number | null;
  person_name: string | null;
  published_at: Date | string | null;
  last_check_in_at: Date | string | null;
  self_level: CompletionLevel | null;
  review_level: CompletionLevel | null;
  actions: number;
  average_progress: number | null;
  total: number;
};

/** Statuses in which the year's work is under way: check-ins and "not updated for months" apply. */
export const FOLLOWED_STATUSES = ['published', 'in_progress'] as const;

export async function listFollowup(executor: Executor, unitPath: string, query: FollowupListQuery, staleBefore: Date | null) {
  const filters: SQL[] = [sql`u.path <@ ${unitPath}::ltree`, sql`r.year = ${query.year}`, sql`r.status <> 'draft'`];
  if (query.status) filters.push(sql`r.status = ${query.status}`);
  if (query.kind) filters.push(sql`r.kind = ${query.kind}`);
  if (query.q) filters.push(sql`(p.search_text LIKE ${`%${query.q}%`} OR u.search_text LIKE ${`%${query.q}%`})`);
  if (staleBefore) {
    // Not updated since: the last check-in, or publication when there was none yet.
    filters.push(sql`r.status IN ('published', 'in_progress')`);
    filters.push(sql`coalesce(r.last_check_in_at, r.published_at, r.approved_at) < ${staleBefore.toISOString()}::timestamptz`);
  }
  const rows = await executor.execute<FollowupListRow>(sql`
    SELECT r.id, r.kind, r.year, r.status, r.version, r.is_leader, r.unit_id, u.name AS unit_name,
      r.person_id, p.full_name AS person_name, r.published_at, r.last_check_in_at, r.self_level, r.review_level,
      (SELECT count(*) FROM registration_actions a WHERE a.registration_id = r.id)::int AS actions,
      (SELECT round(avg(a.progress_percent))::int FROM registration_actions a WHERE a.registration_id = r.id) AS average_progress,
      count(*) OVER ()::int AS total
    FROM registrations r
    JOIN units u ON u.id = r.unit_id
    LEFT JOIN persons p ON p.id = r.person_id
    WHERE ${sql.join(filters, sql` AND `)}
    ORDER BY ${staleBefore ? sql`coalesce(r.last_check_in_at, r.published_at, r.approved_at) ASC,` : sql``} u.sort_key, r.kind, r.is_leader DESC, p.sort_key, r.id
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`);
  return rows.rows;
}

export async function findAction(executor: Executor, registrationId: number, actionId: number) {
  const rows = await executor
    .select()
    .from(registrationActions)
    .where(and(eq(registrationActions.registrationId, registrationId), eq(registrationActions.id, actionId)))
    .limit(1);
  return rows[0];
}

export async function insertCheckIn(executor: Executor, values: typeof registrationCheckIns.$inferInsert): Promise<CheckInRow> {
  const rows = await executor.insert(registrationCheckIns).values(values).returning();
  return rows[0]!;
}

export async function listCheckInsOf(executor: Executor, registrationIds: number[]): Promise<CheckInRow[]> {
  if (registrationIds.length === 0) return [];
  return executor
    .select()
    .from(registrationCheckIns)
    .where(inArray(registrationCheckIns.registrationId, registrationIds))
    .orderBy(desc(registrationCheckIns.checkedOn), desc(registrationCheckIns.id));
}

export async function listActionsOfMany(executor: Executor, registrationIds: number[]) {
  if (registrationIds.length === 0) return [];
  return executor
    .select()
    .from(registrationActions)
    .where(inArray(registrationActions.registrationId, registrationIds))
    .orderBy(asc(registrationActions.registrationId), asc(registrationActions.position));
}

/** Ids of a person's own registrations for a year (individual), newest first. */
export async function listOwnRegistrationIds(executor: Executor, personId: number, year: number): Promise<number[]> {
  const rows = await executor.execute<{ id: number }>(sql`
    SELECT id FROM registrations WHERE person_id = ${personId} AND kind = 'individual' AND year = ${year} ORDER BY id DESC`);
  return rows.rows.map((row) => Number(row.id));
}

/** Names for presenting a registration: the person, the unit, and the reviewer. */
export async function namesOf(executor: Executor, registrationId: number) {
  const rows = await executor.execute<{ person_name: string | null; unit_name: string; reviewer_name: string | null }>(sql`
    SELECT p.full_name AS person_name, u.name AS unit_name, ru.display_name AS reviewer_name
    FROM registrations r JOIN units u ON u.id = r.unit_id
    LEFT JOIN persons p ON p.id = r.person_id
    LEFT JOIN users ru ON ru.id = r.reviewed_by
    WHERE r.id = ${registrationId}`);
  return rows.rows[0];
}

/** The year-end review of a person's individual registration, for the yearly grading of members. */
export async function findReviewResult(executor: Executor, personId: number, year: number) {
  const rows = await executor.execute<{
    id: number;
    status: RegistrationStatus;
    self_level: CompletionLevel | null;
    review_level: CompletionLevel | null;
    review_comment: string | null;
    reviewed_at: Date | string | null;
  }>(sql`
    SELECT id, status, self_level, review_level, review_comment, reviewed_at FROM registrations
    WHERE person_id = ${personId} AND kind = 'individual' AND year = ${year} AND status IN ('reviewed', 'closed')
    LIMIT 1`);
  return rows.rows[0];
}

export type RegisterBookRow = {
  id: number;
  kind: RegistrationKind;
  unit_id: number;
  unit_name: string;
  person_name: string | null;
  position: Position | null;
  self_level: CompletionLevel | null;
  self_explanation: string | null;
  review_level: CompletionLevel | null;
  review_comment: string | null;
};

/**
 * The registrations of a subtree for a year, drafts left out, in the book's order: by unit, the
 * collective ones first, then leaders, then members by name. The position is the registrant's in
 * the registration's unit, the current membership first.
 */
export async function listRegisterBookRows(executor: Executor, unitPath: string, year: number): Promise<RegisterBookRow[]> {
  const rows = await executor.execute<RegisterBookRow>(sql`
    SELECT r.id, r.kind, r.unit_id, u.name AS unit_name, p.full_name AS person_name,
      (SELECT m.position FROM memberships m WHERE m.person_id = r.person_id AND m.unit_id = r.unit_id
        ORDER BY m.to_date IS NULL DESC, m.from_date DESC LIMIT 1) AS position,
      r.self_level, r.self_explanation, r.review_level, r.review_comment
    FROM registrations r JOIN units u ON u.id = r.unit_id LEFT JOIN persons p ON p.id = r.person_id
    WHERE u.path <@ ${unitPath}::ltree AND r.year = ${year} AND r.status <> 'draft'
    ORDER BY u.sort_key, r.kind, r.is_leader DESC, p.sort_key, r.id`);
  return rows.rows;
}

/** Many check-ins at once (in chunks: one statement could pass PostgreSQL's 65,535 parameters). */
export async function insertCheckIns(executor: Executor, rows: Array<typeof registrationCheckIns.$inferInsert>): Promise<void> {
  for (let start = 0; start < rows.length; start += 2000) {
    await executor.insert(registrationCheckIns).values(rows.slice(start, start + 2000));
  }
}
