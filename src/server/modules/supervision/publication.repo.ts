import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { Position } from '../../../shared/contracts/domain';
import type { ActionArea, RegistrationStatus } from '../../../shared/contracts/registration-status';
import { REGISTRATION_BUCKETS } from '../figures/index';

/** Statuses in which a registration is public: published, and everything that follows it. */
const PUBLIC_STATUSES = REGISTRATION_BUCKETS.published as readonly string[];
const publicStatus = () => sql`r.status = ANY(${sql.param([...PUBLIC_STATUSES])}::text[])`;

/**
 * Who registered, as the public may see it: the member's name and position in the unit (or the
 * unit's name for a collective registration). Never the person's contact, birth date, card or id
 * number, and never the shortcomings (the registrant's own self-criticism, kept inside the unit).
 */
const REGISTRANT_COLUMNS = sql`
  r.id, r.kind, r.year, r.status, r.is_leader, r.version, r.published_at, r.unit_id, u.name AS unit_name, u.code AS unit_code,
  CASE WHEN r.kind = 'collective' THEN u.name ELSE p.full_name END AS name,
  (SELECT m.position FROM memberships m
    WHERE m.person_id = r.person_id AND m.unit_id = r.unit_id AND m.to_date IS NULL
    ORDER BY m.is_primary DESC, m.from_date DESC LIMIT 1) AS position`;

const REGISTRANT_FROM = sql`FROM registrations r JOIN units u ON u.id = r.unit_id LEFT JOIN persons p ON p.id = r.person_id`;

/** Collective first, then leaders, then members by Vietnamese name order (given name first). */
const REGISTRANT_ORDER = sql`(r.kind = 'collective') DESC, r.is_leader DESC, p.sort_key COLLATE "C" ASC, r.id ASC`;

export type RegistrantRow = {
  id: number;
  kind: 'individual' | 'collective';
  year: number;
  status: RegistrationStatus;
  is_leader: boolean;
  version: number;
  published_at: string | null;
  unit_id: number;
  unit_name: string;
  unit_code: string;
  name: string;
  position: Position | null;
};

function normalise(row: RegistrantRow): RegistrantRow {
  return {
    ...row,
    id: Number(row.id),
    year: Number(row.year),
    version: Number(row.version),
    unit_id: Number(row.unit_id),
    published_at: row.published_at === null ? null : new Date(row.published_at).toISOString(),
  };
}

export type ActionRow = { registration_id: number; area: ActionArea; content: string; measurable_result: string; deadline: string | null };

/** The actions of several registrations at once, in their order. */
export async function listActions(executor: Executor, registrationIds: number[]): Promise<Map<number, ActionRow[]>> {
  const byRegistration = new Map<number, ActionRow[]>();
  if (registrationIds.length === 0) return byRegistration;
  const rows = await executor.execute<ActionRow>(sql`
    SELECT registration_id, area, content, measurable_result, deadline::text AS deadline
    FROM registration_actions WHERE registration_id = ANY(${sql.param(registrationIds)}::bigint[])
    ORDER BY registration_id, position, id`);
  for (const row of rows.rows) {
    const id = Number(row.registration_id);
    const list = byRegistration.get(id) ?? [];
    list.push({ ...row, registration_id: id });
    byRegistration.set(id, list);
  }
  return byRegistration;
}

/** The published registrations of one unit, for its public page (all years, newest year first). */
export async function listPublicRegistrationsOfUnit(executor: Executor, unitId: number, page: number, pageSize: number) {
  const where = sql`r.unit_id = ${unitId} AND ${publicStatus()}`;
  const total = await executor.execute<{ value: number }>(sql`SELECT count(*) AS value FROM registrations r WHERE ${where}`);
  const rows = await executor.execute<RegistrantRow>(sql`
    SELECT ${REGISTRANT_COLUMNS} ${REGISTRANT_FROM} WHERE ${where}
    ORDER BY r.year DESC, ${REGISTRANT_ORDER} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  return { items: rows.rows.map(normalise), total: Number(total.rows[0]?.value ?? 0) };
}

/** The id when the registration is public and belongs to the unit (feedback may point to it). */
export async function findPublicRegistrationOfUnit(executor: Executor, id: number, unitId: number): Promise<number | undefined> {
  const rows = await executor.execute<{ id: number }>(
    sql`SELECT r.id FROM registrations r WHERE r.id = ${id} AND r.unit_id = ${unitId} AND ${publicStatus()}`,
  );
  const row = rows.rows[0];
  return row ? Number(row.id) : undefined;
}

/** A unit's registrations of a year that are approved or further on: what the "Công khai" tab manages. */
export async function listApprovedOrPublished(executor: Executor, unitId: number, year: number): Promise<RegistrantRow[]> {
  const rows = await executor.execute<RegistrantRow>(sql`
    SELECT ${REGISTRANT_COLUMNS} ${REGISTRANT_FROM}
    WHERE r.unit_id = ${unitId} AND r.year = ${year} AND (r.status = 'approved' OR ${publicStatus()})
    ORDER BY ${REGISTRANT_ORDER}`);
  return rows.rows.map(normalise);
}

/** Approved and not yet published: what "publish all" moves, locked so a concurrent run waits. */
export async function lockApproved(executor: Executor, unitId: number, year: number): Promise<Array<{ id: number; version: number }>> {
  const rows = await executor.execute<{ id: number; version: number }>(sql`
    SELECT id, version FROM registrations WHERE unit_id = ${unitId} AND year = ${year} AND status = 'approved' ORDER BY id FOR UPDATE`);
  return rows.rows.map((row) => ({ id: Number(row.id), version: Number(row.version) }));
}

export type PublishedSearch = {
  scope: string[];
  unitPath: string | null;
  year?: number | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

/** Published registrations across a subtree, for supervisors; the search matches the folded name or unit. */
export async function searchPublished(executor: Executor, search: PublishedSearch) {
  const conditions: SQL[] = [publicStatus(), sql`u.path <@ ANY(${sql.param(search.scope)}::ltree[])`];
  if (search.unitPath) conditions.push(sql`u.path <@ ${search.unitPath}::ltree`);
  if (search.year) conditions.push(sql`r.year = ${search.year}`);
  if (search.q) conditions.push(sql`(coalesce(p.search_text, '') LIKE ${`%${search.q}%`} OR u.search_text LIKE ${`%${search.q}%`})`);
  const where = sql.join(conditions, sql` AND `);
  const total = await executor.execute<{ value: number }>(sql`SELECT count(*) AS value ${REGISTRANT_FROM} WHERE ${where}`);
  const rows = await executor.execute<RegistrantRow>(sql`
    SELECT ${REGISTRANT_COLUMNS} ${REGISTRANT_FROM} WHERE ${where}
    ORDER BY u.sort_key COLLATE "C", r.year DESC, ${REGISTRANT_ORDER} LIMIT ${search.pageSize} OFFSET ${(search.page - 1) * search.pageSize}`);
  return { items: rows.rows.map(normalise), total: Number(total.rows[0]?.value ?? 0) };
}

/** Names of the unit's published registrations, for the "about which registration" choice of the form. */
export async function listPublicRegistrationChoices(
  executor: Executor,
  unitId: number,
  limit: number,
): Promise<Array<{ id: number; name: string; year: number }>> {
  const rows = await executor.execute<{ id: number; name: string; year: number }>(sql`
    SELECT r.id, CASE WHEN r.kind = 'collective' THEN u.name ELSE p.full_name END AS name, r.year
    ${REGISTRANT_FROM} WHERE r.unit_id = ${unitId} AND ${publicStatus()}
    ORDER BY r.year DESC, ${REGISTRANT_ORDER} LIMIT ${limit}`);
  return rows.rows.map((row) => ({ id: Number(row.id), name: row.name, year: Number(row.year) }));
}
