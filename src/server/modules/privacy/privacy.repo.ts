import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';

/*
 * Read-only queries for a person's own data: everything the system holds about one account and
 * the person it is linked to. Rows come back as the database has them; the service shapes them.
 */
type Rows = Array<Record<string, unknown>>;
const rowsOf = async (executor: Executor, query: ReturnType<typeof sql>): Promise<Rows> =>
  (await executor.execute<Record<string, unknown>>(query)).rows;

export const accountOf = (executor: Executor, userId: number) =>
  rowsOf(
    executor,
    sql`SELECT username, display_name, locale, created_at::text AS created_at, last_login_at::text AS last_login_at FROM users WHERE id = ${userId}`,
  );

export const grantsOf = (executor: Executor, userId: number) =>
  rowsOf(
    executor,
    sql`SELECT u.name AS unit, g.role, g.created_at::text AS since FROM grants g JOIN units u ON u.id = g.unit_id WHERE g.user_id = ${userId} ORDER BY g.id`,
  );

export const sessionsOf = (executor: Executor, userId: number) =>
  rowsOf(
    executor,
    sql`SELECT ip, user_agent, created_at::text AS created_at, expires_at::text AS expires_at FROM sessions WHERE user_id = ${userId} ORDER BY created_at`,
  );

export const personOf = (executor: Executor, personId: number) =>
  rowsOf(
    executor,
    sql`
    SELECT full_name, sex, birth_date::text AS birth_date, category, card_number, id_number, admission_date::text AS admission_date,
      phone, email, address, created_at::text AS created_at, updated_at::text AS updated_at
    FROM persons WHERE id = ${personId}`,
  );

export const membershipsOf = (executor: Executor, personId: number) =>
  rowsOf(
    executor,
    sql`
    SELECT u.name AS unit, m.position, m.is_head, m.is_primary, m.from_date::text AS from_date, m.to_date::text AS to_date
    FROM memberships m JOIN units u ON u.id = m.unit_id WHERE m.person_id = ${personId} ORDER BY m.from_date, m.id`,
  );

export const registrationsOf = (executor: Executor, personId: number) =>
  rowsOf(
    executor,
    sql`
    SELECT r.id, r.year, r.status, u.name AS unit, r.shortcomings, r.self_level, r.self_explanation, r.review_level, r.review_comment,
      r.entered_on_behalf, r.submitted_at::text AS submitted_at, r.approved_at::text AS approved_at, r.published_at::text AS published_at
    FROM registrations r JOIN units u ON u.id = r.unit_id WHERE r.person_id = ${personId} ORDER BY r.year, r.id`,
  );

export const actionsOf = (executor: Executor, registrationIds: number[]) =>
  rowsOf(
    executor,
    sql`
    SELECT registration_id, position, area, content, measurable_result, deadline::text AS deadline, progress_percent, self_level, self_note
    FROM registration_actions WHERE registration_id = ANY(${sql.param(registrationIds)}::bigint[]) ORDER BY registration_id, position`,
  );

export const checkInsOf = (executor: Executor, registrationIds: number[]) =>
  rowsOf(
    executor,
    sql`
    SELECT c.registration_id, a.position AS action_position, c.checked_on::text AS checked_on, c.progress_percent, c.note
    FROM registration_check_ins c JOIN registration_actions a ON a.id = c.action_id
    WHERE c.registration_id = ANY(${sql.param(registrationIds)}::bigint[]) ORDER BY c.checked_on, c.id`,
  );

export const historyOf = (executor: Executor, registrationIds: number[]) =>
  rowsOf(
    executor,
    sql`
    SELECT registration_id, at::text AS at, actor_name, from_status, to_status, reason, on_behalf
    FROM registration_events WHERE registration_id = ANY(${sql.param(registrationIds)}::bigint[]) ORDER BY at, id`,
  );

export const attendanceOf = (executor: Executor, personId: number) =>
  rowsOf(
    executor,
    sql`
    SELECT s.title, s.kind, s.held_on::text AS held_on, u.name AS unit, a.status, a.reason, a.made_up_on::text AS made_up_on
    FROM session_attendance a JOIN study_sessions s ON s.id = a.session_id JOIN units u ON u.id = s.unit_id
    WHERE a.person_id = ${personId} AND s.deleted_at IS NULL ORDER BY s.held_on, s.id`,
  );

export const notificationsOf = (executor: Executor, userId: number) =>
  rowsOf(
    executor,
    sql`SELECT kind, title, created_at::text AS created_at, read_at::text AS read_at FROM notifications WHERE user_id = ${userId} ORDER BY created_at`,
  );
