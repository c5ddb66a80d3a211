import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { withNextVersion } from '../../platform/db/versions';
import { memberships, registrationActions, registrationEvents, registrations, units } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { CompletionLevel, RegistrationKind, RegistrationStatus } from '../../../shared/contracts/registration-status';

export type RegistrationRow = typeof registrations.$inferSelect;
export type RegistrationActionRow = typeof registrationActions.$inferSelect;
export type RegistrationEventRow = typeof registrationEvents.$inferSelect;

/** A registration with its unit's path, locked for the rest of the transaction when `forUpdate`. */
export async function findRegistrationWithUnit(executor: Executor, id: number, options: { forUpdate?: boolean } = {}) {
  const query = executor
    .select({ registration: registrations, unitPath: sql<string>`${units.path}::text`, unitName: units.name, unitCode: units.code })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .where(eq(registrations.id, id))
    .limit(1);
  const rows = options.forUpdate ? await query.for('update', { of: registrations }) : await query;
  return rows[0];
}

/** An edit or a step of a registration: the version moves on. */
export async function updateRegistration(
  executor: Executor,
  id: number,
  values: Partial<typeof registrations.$inferInsert>,
): Promise<RegistrationRow> {
  const rows = await executor.update(registrations).set(withNextVersion(registrations, values)).where(eq(registrations.id, id)).returning();
  return rows[0]!;
}

export async function listActionsOf(executor: Executor, registrationId: number): Promise<RegistrationActionRow[]> {
  return executor
    .select()
    .from(registrationActions)
    .where(eq(registrationActions.registrationId, registrationId))
    .orderBy(asc(registrationActions.position));
}

export async function insertEvent(executor: Executor, values: typeof registrationEvents.$inferInsert): Promise<RegistrationEventRow> {
  const rows = await executor.insert(registrationEvents).values(values).returning();
  return rows[0]!;
}

export async function listEventsOf(executor: Executor, registrationId: number): Promise<RegistrationEventRow[]> {
  return executor
    .select()
    .from(registrationEvents)
    .where(eq(registrationEvents.registrationId, registrationId))
    .orderBy(asc(registrationEvents.at), asc(registrationEvents.id));
}

/** Whether the person heads the unit now (head-of-unit flag on a current membership). */
/** The people heading a unit today (each may act for the unit's collective registrations). */
export async function listHeadsOfUnit(executor: Executor, unitId: number): Promise<number[]> {
  const rows = await executor
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.unitId, unitId), eq(memberships.isHead, true), isNull(memberships.toDate)));
  return rows.map((row) => row.personId);
}

export async function isHeadOfUnit(executor: Executor, personId: number, unitId: number): Promise<boolean> {
  const rows = await executor
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(eq(memberships.personId, personId), eq(memberships.unitId, unitId), eq(memberships.isHead, true), isNull(memberships.toDate)),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertRegistration(executor: Executor, values: typeof registrations.$inferInsert): Promise<RegistrationRow> {
  const rows = await executor.insert(registrations).values(values).returning();
  return rows[0]!;
}

type ActionColumns = Array<Omit<typeof registrationActions.$inferInsert, 'registrationId' | 'position'>>;

/** Actions are a list edited as a whole: the new list replaces the old one, in its order. */
export async function replaceActions(executor: Executor, registrationId: number, actions: ActionColumns): Promise<void> {
  await executor.delete(registrationActions).where(eq(registrationActions.registrationId, registrationId));
  await insertActions(executor, registrationId, actions);
}

/** The actions of a registration that has none yet, in their order. */
export async function insertActions(executor: Executor, registrationId: number, actions: ActionColumns): Promise<void> {
  if (actions.length === 0) return;
  await executor.insert(registrationActions).values(actions.map((action, position) => ({ ...action, registrationId, position })));
}

export type MembershipOfPerson = {
  personId: number;
  fullName: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  isHead: boolean;
};

/** The person's current primary membership: where their own registration belongs. */
export async function findPrimaryMembership(executor: Executor, personId: number): Promise<MembershipOfPerson | undefined> {
  const rows = await executor.execute<{
    person_id: number;
    full_name: string;
    unit_id: number;
    unit_name: string;
    unit_path: string;
    is_head: boolean;
  }>(sql`
    SELECT p.id AS person_id, p.full_name, m.unit_id, u.name AS unit_name, u.path::text AS unit_path, m.is_head
    FROM memberships m JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id
    WHERE m.person_id = ${personId} AND m.is_primary AND m.to_date IS NULL
    ORDER BY m.from_date DESC LIMIT 1`);
  const row = rows.rows[0];
  return row
    ? {
        personId: Number(row.person_id),
        fullName: row.full_name,
        unitId: Number(row.unit_id),
        unitName: row.unit_name,
        unitPath: row.unit_path,
        isHead: row.is_head,
      }
    : undefined;
}

export async function findPersonName(executor: Executor, personId: number): Promise<string | undefined> {
  const rows = await executor.execute<{ full_name: string }>(sql`SELECT full_name FROM persons WHERE id = ${personId}`);
  return rows.rows[0]?.full_name;
}

export async function findIndividualId(executor: Executor, personId: number, year: number): Promise<number | undefined> {
  const rows = await executor.execute<{ id: number }>(
    sql`SELECT id FROM registrations WHERE kind = 'individual' AND person_id = ${personId} AND year = ${year}`,
  );
  return rows.rows[0] ? Number(rows.rows[0].id) : undefined;
}

export async function findCollectiveId(executor: Executor, unitId: number, year: number): Promise<number | undefined> {
  const rows = await executor.execute<{ id: number }>(
    sql`SELECT id FROM registrations WHERE kind = 'collective' AND unit_id = ${unitId} AND year = ${year}`,
  );
  return rows.rows[0] ? Number(rows.rows[0].id) : undefined;
}

/** The person's whole-term registration from an earlier year whose window still covers `year`. */
export async function findTermRegistration(
  executor: Executor,
  personId: number,
  year: number,
): Promise<{ id: number; year: number } | undefined> {
  const rows = await executor.execute<{ id: number; year: number }>(sql`
    SELECT r.id, r.year FROM registrations r JOIN registration_windows w ON w.id = r.window_id
    WHERE r.kind = 'individual' AND r.person_id = ${personId} AND r.year < ${year} AND w.to_year >= ${year} AND r.supplement_of_id IS NULL
    ORDER BY r.year DESC LIMIT 1`);
  return rows.rows[0] ? { id: Number(rows.rows[0].id), year: rows.rows[0].year } : undefined;
}

export type SummaryRow = {
  id: number;
  kind: 'individual' | 'collective';
  year: number;
  unit_id: number;
  unit_name: string;
  person_id: number | null;
  person_name: string | null;
  is_leader: boolean;
  status: RegistrationStatus;
  revision: number;
  submitted_at: Date | null;
  version: number;
  action_count: number;
  max_similarity: number | null;
};

export type RegistrationSearch = {
  scope: string[];
  year: number;
  unitPath?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  /** Folded search words. */
  q?: string | undefined;
  similarOnly?: boolean | undefined;
  ids?: number[];
  page: number;
  pageSize: number;
};

/**
 * Where a unit's registrations look for near-identical ones: its parent unit's subtree (the unit and
 * its neighbours), except under a province or the Centre, whose whole subtree is no neighbourhood: a
 * unit right under one (a commune's Party committee, a province) keeps to its own subtree. Else a
 * member attached to a commune committee would be compared, on every write, with each registration
 * of the province (docs/decisions/0008).
 */
export const PARENT_PATH = sql`(CASE WHEN u.parent_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM units top WHERE top.id = u.parent_id AND top.kind IN ('central', 'central_committee', 'province_committee'))
  THEN subpath(u.path, 0, nlevel(u.path) - 1) ELSE u.path END)`;

/**
 * A page of registrations inside the actor's scope: collective ones first, then leaders, then by
 * name; each row with its highest similarity to a registration of its parent unit's subtree
 * (pairs kept by similarity.ts when content is written).
 */
export async function searchRegistrations(executor: Executor, search: RegistrationSearch): Promise<{ rows: SummaryRow[]; total: number }> {
  if (search.scope.length === 0) return { rows: [], total: 0 };
  const paths = sql.join(
    search.scope.map((path) => sql`${path}::ltree`),
    sql`, `,
  );
  const conditions = [sql`r.year = ${search.year}`, sql`u.path <@ ANY(ARRAY[${paths}])`];
  if (search.unitPath) conditions.push(sql`u.path <@ ${search.unitPath}::ltree`);
  if (search.status) conditions.push(sql`r.status = ${search.status}`);
  if (search.kind) conditions.push(sql`r.kind = ${search.kind}`);
  if (search.q)
    conditions.push(
      sql`(r.search_text LIKE ${`%${search.q}%`} OR p.search_text LIKE ${`%${search.q}%`} OR u.search_text LIKE ${`%${search.q}%`})`,
    );
  if (search.similarOnly) {
    conditions.push(sql`EXISTS (
      SELECT 1 FROM registration_similarities s JOIN registrations o ON o.id = s.other_id JOIN units ou ON ou.id = o.unit_id
      WHERE s.registration_id = r.id AND ou.path <@ ${PARENT_PATH})`);
  }
  if (search.ids)
    conditions.push(
      search.ids.length > 0
        ? sql`r.id IN (${sql.join(
            search.ids.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  const where = sql.join(conditions, sql` AND `);
  const from = sql`FROM registrations r JOIN units u ON u.id = r.unit_id LEFT JOIN persons p ON p.id = r.person_id`;
  // Asked by ids (one registration's detail), the page is the whole answer: no count to run.
  const total = search.ids ? undefined : await executor.execute<{ count: number }>(sql`SELECT count(*) AS count ${from} WHERE ${where}`);
  const rows = await executor.execute<SummaryRow>(sql`
    WITH page AS (
      SELECT r.id, r.kind, r.year, r.unit_id, u.name AS unit_name, ${PARENT_PATH} AS parent_path, r.person_id, p.full_name AS person_name,
        r.is_leader, r.status, r.revision, r.submitted_at, r.version,
        (r.kind = 'collective') AS is_collective, p.sort_key, u.sort_key AS unit_sort
      ${from} WHERE ${where}
      ORDER BY u.sort_key, (r.kind = 'collective') DESC, r.is_leader DESC, p.sort_key, r.id
      LIMIT ${search.pageSize} OFFSET ${(search.page - 1) * search.pageSize}
    )
    SELECT page.id, page.kind, page.year, page.unit_id, page.unit_name, page.person_id, page.person_name, page.is_leader, page.status,
      page.revision, page.submitted_at, page.version,
      (SELECT count(*) FROM registration_actions a WHERE a.registration_id = page.id) AS action_count,
      sim.max_similarity
    FROM page
    LEFT JOIN LATERAL (
      SELECT max(s.similarity) AS max_similarity
      FROM registration_similarities s JOIN registrations o ON o.id = s.other_id JOIN units ou ON ou.id = o.unit_id
      WHERE s.registration_id = page.id AND ou.path <@ page.parent_path
    ) sim ON true
    ORDER BY page.unit_sort, page.is_collective DESC, page.is_leader DESC, page.sort_key, page.id`);
  return {
    rows: rows.rows.map((row) => ({
      ...row,
      id: Number(row.id),
      unit_id: Number(row.unit_id),
      person_id: row.person_id === null ? null : Number(row.person_id),
      action_count: Number(row.action_count),
    })),
    total: total ? Number(total.rows[0]?.count ?? 0) : rows.rows.length,
  };
}

export type LeaderMissingRow = {
  person_id: number;
  full_name: string;
  unit_id: number;
  unit_name: string;
  status: RegistrationStatus | null;
};

/**
 * Leaders (current head-of-unit members) of a subtree who have not registered for the year: no
 * individual registration, or one still a draft. Leaders register first, so this list is watched.
 */
export async function listLeadersMissing(executor: Executor, unitPath: string, year: number): Promise<LeaderMissingRow[]> {
  const rows = await executor.execute<LeaderMissingRow>(sql`
    SELECT p.id AS person_id, p.full_name, u.id AS unit_id, u.name AS unit_name, r.status
    FROM memberships m JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id
    LEFT JOIN registrations r ON r.kind = 'individual' AND r.person_id = p.id AND r.year = ${year}
    WHERE m.is_head AND m.is_primary AND m.to_date IS NULL AND u.path <@ ${unitPath}::ltree AND (r.id IS NULL OR r.status = 'draft')
    ORDER BY u.sort_key, p.sort_key LIMIT 500`);
  return rows.rows.map((row) => ({ ...row, person_id: Number(row.person_id), unit_id: Number(row.unit_id) }));
}

/** Titles of what actions link to (topics, breakthrough contents, standards criteria), keyed `kind:id[:index]`. */
export async function findLinkLabels(
  executor: Executor,
  actions: Array<Pick<RegistrationActionRow, 'linkKind' | 'linkId' | 'linkIndex'>>,
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const idsOf = (kind: string) => [
    ...new Set(actions.filter((action) => action.linkKind === kind && action.linkId !== null).map((action) => action.linkId!)),
  ];
  const listOf = (ids: number[]) =>
    sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    );
  const topics = idsOf('topic');
  if (topics.length > 0) {
    const rows = await executor.execute<{ id: number; title: string }>(
      sql`SELECT id, title FROM study_topics WHERE id IN (${listOf(topics)})`,
    );
    for (const row of rows.rows) labels.set(`topic:${Number(row.id)}`, row.title);
  }
  const breakthroughs = idsOf('breakthrough');
  if (breakthroughs.length > 0) {
    const rows = await executor.execute<{ id: number; title: string }>(
      sql`SELECT id, title FROM breakthrough_contents WHERE id IN (${listOf(breakthroughs)})`,
    );
    for (const row of rows.rows) labels.set(`breakthrough:${Number(row.id)}`, row.title);
  }
  const standards = idsOf('standard_criterion');
  if (standards.length > 0) {
    const rows = await executor.execute<{ id: number; criteria: Array<{ text: string }> }>(
      sql`SELECT id, criteria FROM ethics_standards WHERE id IN (${listOf(standards)})`,
    );
    for (const row of rows.rows)
      row.criteria.forEach((criterion, index) => labels.set(`standard_criterion:${Number(row.id)}:${index}`, criterion.text));
  }
  return labels;
}

/** Actions of many registrations at once (exports), in each one's order. */
export async function listActionsOfMany(executor: Executor, registrationIds: number[]): Promise<Map<number, RegistrationActionRow[]>> {
  const byRegistration = new Map<number, RegistrationActionRow[]>();
  for (let start = 0; start < registrationIds.length; start += 5000) {
    const chunk = registrationIds.slice(start, start + 5000);
    const rows = await executor
      .select()
      .from(registrationActions)
      .where(inArray(registrationActions.registrationId, chunk))
      .orderBy(asc(registrationActions.registrationId), asc(registrationActions.position));
    for (const row of rows) byRegistration.set(row.registrationId, [...(byRegistration.get(row.registrationId) ?? []), row]);
  }
  return byRegistration;
}

export async function listShortcomings(executor: Executor, registrationIds: number[]): Promise<Map<number, string>> {
  const result = new Map<number, string>();
  for (let start = 0; start < registrationIds.length; start += 5000) {
    const chunk = registrationIds.slice(start, start + 5000);
    const rows = await executor
      .select({ id: registrations.id, shortcomings: registrations.shortcomings })
      .from(registrations)
      .where(inArray(registrations.id, chunk));
    for (const row of rows) result.set(row.id, row.shortcomings);
  }
  return result;
}

export type BookMember = {
  personId: number;
  fullName: string;
  cardNumber: string | null;
  unitId: number;
  unitPath: string;
  isHead: boolean;
  /** Their individual registration of that year, if they already have one. */
  registrationId: number | null;
};

/**
 * Who belongs in a unit's register book for a year: everyone whose primary membership in the
 * unit's subtree overlapped that year (the latest such membership, so a past year is typed in
 * under the unit the member was in then), in name order.
 */
export async function listBookMembers(executor: Executor, unitPath: string, year: number): Promise<BookMember[]> {
  const rows = await executor.execute<{
    person_id: number;
    full_name: string;
    card_number: string | null;
    unit_id: number;
    unit_path: string;
    is_head: boolean;
    registration_id: number | null;
  }>(sql`
    SELECT b.*, r.id AS registration_id FROM (
      SELECT DISTINCT ON (p.id) p.id AS person_id, p.full_name, p.card_number, p.sort_key, m.unit_id, u.path::text AS unit_path, m.is_head
      FROM memberships m JOIN units u ON u.id = m.unit_id JOIN persons p ON p.id = m.person_id
      WHERE u.path <@ ${unitPath}::ltree AND m.is_primary
        AND m.from_date <= make_date(${year}, 12, 31) AND (m.to_date IS NULL OR m.to_date >= make_date(${year}, 1, 1))
      ORDER BY p.id, m.from_date DESC
    ) b
    LEFT JOIN registrations r ON r.kind = 'individual' AND r.person_id = b.person_id AND r.year = ${year}
    ORDER BY b.sort_key COLLATE "C", b.person_id`);
  return rows.rows.map((row) => ({
    personId: Number(row.person_id),
    fullName: row.full_name,
    cardNumber: row.card_number,
    unitId: Number(row.unit_id),
    unitPath: row.unit_path,
    isHead: row.is_head,
    registrationId: row.registration_id === null ? null : Number(row.registration_id),
  }));
}

/** How many actions a registration has, and how many its registrant assessed as done (for the figures). */
export async function countActionsOf(executor: Executor, registrationId: number): Promise<{ actionCount: number; actionsDone: number }> {
  const rows = await executor.execute<{ total: number; done: number }>(sql`
    SELECT count(*) AS total, count(*) FILTER (WHERE self_level IN ('completed_well', 'completed')) AS done
    FROM registration_actions WHERE registration_id = ${registrationId}`);
  return { actionCount: Number(rows.rows[0]?.total ?? 0), actionsDone: Number(rows.rows[0]?.done ?? 0) };
}

/**
 * What following a registration up writes on it, owned here with the registration's other rows: an
 * action's progress, an action's self-assessed level, and when the last check-in was made. None of
 * them changes the registration's status or version; the status machine keeps those.
 */
export async function setActionProgress(executor: Executor, actionId: number, progressPercent: number): Promise<void> {
  await executor.update(registrationActions).set({ progressPercent }).where(eq(registrationActions.id, actionId));
}

export async function setActionSelfAssessment(
  executor: Executor,
  actionId: number,
  selfLevel: CompletionLevel,
  selfNote: string | null,
): Promise<void> {
  await executor.update(registrationActions).set({ selfLevel, selfNote }).where(eq(registrationActions.id, actionId));
}

export async function setLastCheckIn(executor: Executor, registrationId: number, at: Date): Promise<void> {
  await executor.update(registrations).set({ lastCheckInAt: at, updatedAt: new Date() }).where(eq(registrations.id, registrationId));
}

/** Rows of a bulk load, in chunks: one statement of many rows could pass PostgreSQL's 65,535 parameters. */
async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let start = 0; start < rows.length; start += size) await write(rows.slice(start, start + size));
}

/** Many new registrations at once; returns their ids in the order given. */
export async function insertRegistrations(executor: Executor, rows: Array<typeof registrations.$inferInsert>): Promise<number[]> {
  const ids: number[] = [];
  await inChunks(rows, 500, async (chunk) => {
    const inserted = await executor.insert(registrations).values(chunk).returning({ id: registrations.id });
    ids.push(...inserted.map((row) => row.id));
  });
  return ids;
}

/** The actions of many new registrations, each list in its order. */
export async function insertActionsOfMany(executor: Executor, rows: Array<typeof registrationActions.$inferInsert>): Promise<void> {
  await inChunks(rows, 1000, async (chunk) => {
    await executor.insert(registrationActions).values(chunk);
  });
}

/** History events of many registrations at once. */
export async function insertEvents(executor: Executor, rows: Array<typeof registrationEvents.$inferInsert>): Promise<void> {
  await inChunks(rows, 1000, async (chunk) => {
    await executor.insert(registrationEvents).values(chunk);
  });
}

/** Where each unit sits (its path) and whether it still exists, for writes that name many units. */
export async function listUnitPlaces(executor: Executor, unitIds: number[]): Promise<Map<number, { path: string; ended: boolean }>> {
  if (unitIds.length === 0) return new Map();
  const rows = await executor.execute<{ id: number; path: string; ended: boolean }>(sql`
    SELECT id, path::text AS path, valid_to IS NOT NULL AS ended FROM units WHERE id = ANY(${sql.param(unitIds)}::bigint[])`);
  return new Map(rows.rows.map((row) => [Number(row.id), { path: row.path, ended: row.ended }]));
}

/** Who among these people, and which of these units (collective), already has a registration of the year. */
export async function listRegisteredOfYear(
  executor: Executor,
  year: number,
  personIds: number[],
  unitIds: number[],
): Promise<{ personIds: Set<number>; unitIds: Set<number> }> {
  const rows = await executor.execute<{ kind: string; person_id: number | null; unit_id: number }>(sql`
    SELECT kind, person_id, unit_id FROM registrations WHERE year = ${year} AND (
      (kind = 'individual' AND person_id = ANY(${sql.param(personIds)}::bigint[]))
      OR (kind = 'collective' AND unit_id = ANY(${sql.param(unitIds)}::bigint[])))`);
  return {
    personIds: new Set(rows.rows.filter((row) => row.kind === 'individual').map((row) => Number(row.person_id))),
    unitIds: new Set(rows.rows.filter((row) => row.kind === 'collective').map((row) => Number(row.unit_id))),
  };
}

/** The stored fingerprints of a year's registrations in these subtrees: what a bulk load is compared with. */
export async function listFingerprintsUnder(
  executor: Executor,
  year: number,
  paths: string[],
): Promise<Array<{ id: number; kind: string; unitPath: string; fingerprint: Buffer | null; searchText: string }>> {
  if (paths.length === 0) return [];
  const rows = await executor.execute<{ id: number; kind: string; unit_path: string; fingerprint: Buffer | null; search_text: string }>(sql`
    SELECT r.id, r.kind, u.path::text AS unit_path, r.fingerprint, r.search_text
    FROM registrations r JOIN units u ON u.id = r.unit_id
    WHERE r.year = ${year} AND r.search_text <> '' AND u.path <@ ANY(${sql.param(paths)}::ltree[])`);
  return rows.rows.map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    unitPath: row.unit_path,
    fingerprint: row.fingerprint,
    searchText: row.search_text,
  }));
}

export type LockedRegistration = Pick<RegistrationRow, 'id' | 'kind' | 'year' | 'status' | 'isLeader' | 'hasTwin' | 'version'> & {
  unitPath: string;
};

/** Registrations locked in id order (two bulk writers then wait for each other instead of deadlocking), with their unit's path. */
export async function lockRegistrations(executor: Executor, ids: number[]): Promise<LockedRegistration[]> {
  if (ids.length === 0) return [];
  const rows = await executor.execute<{
    id: number;
    kind: RegistrationKind;
    year: number;
    status: RegistrationStatus;
    is_leader: boolean;
    has_twin: boolean;
    version: number;
    unit_path: string;
  }>(sql`
    SELECT r.id, r.kind, r.year, r.status, r.is_leader, r.has_twin, r.version, u.path::text AS unit_path
    FROM registrations r JOIN units u ON u.id = r.unit_id
    WHERE r.id = ANY(${sql.param(ids)}::bigint[]) ORDER BY r.id FOR UPDATE OF r`);
  return rows.rows.map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    year: Number(row.year),
    status: row.status,
    isLeader: row.is_leader,
    hasTwin: row.has_twin,
    version: Number(row.version),
    unitPath: row.unit_path,
  }));
}

/** countActionsOf for many registrations in one read. */
export async function countActionsOfMany(
  executor: Executor,
  registrationIds: number[],
): Promise<Map<number, { actionCount: number; actionsDone: number }>> {
  const counts = new Map(registrationIds.map((id) => [id, { actionCount: 0, actionsDone: 0 }]));
  if (registrationIds.length === 0) return counts;
  const rows = await executor.execute<{ registration_id: number; total: number; done: number }>(sql`
    SELECT registration_id, count(*) AS total, count(*) FILTER (WHERE self_level IN ('completed_well', 'completed')) AS done
    FROM registration_actions WHERE registration_id = ANY(${sql.param(registrationIds)}::bigint[]) GROUP BY registration_id`);
  for (const row of rows.rows) counts.set(Number(row.registration_id), { actionCount: Number(row.total), actionsDone: Number(row.done) });
  return counts;
}

/** The same step of many registrations: each one's version moves on. */
export async function updateRegistrations(
  executor: Executor,
  ids: number[],
  values: Partial<typeof registrations.$inferInsert>,
): Promise<void> {
  await inChunks(ids, 5000, async (chunk) => {
    await executor.update(registrations).set(withNextVersion(registrations, values)).where(inArray(registrations.id, chunk));
  });
}

/** setActionProgress for many actions in one statement. */
export async function setActionProgresses(executor: Executor, rows: Array<{ actionId: number; progressPercent: number }>): Promise<void> {
  await inChunks(rows, 5000, async (chunk) => {
    await executor.execute(sql`
      UPDATE registration_actions a SET progress_percent = t.progress
      FROM unnest(${sql.param(chunk.map((row) => row.actionId))}::bigint[], ${sql.param(chunk.map((row) => row.progressPercent))}::smallint[])
        AS t(id, progress)
      WHERE a.id = t.id`);
  });
}

/** setActionSelfAssessment for many actions in one statement. */
export async function setActionSelfAssessments(
  executor: Executor,
  rows: Array<{ actionId: number; selfLevel: string; selfNote: string | null }>,
): Promise<void> {
  await inChunks(rows, 5000, async (chunk) => {
    await executor.execute(sql`
      UPDATE registration_actions a SET self_level = t.level, self_note = t.note
      FROM unnest(${sql.param(chunk.map((row) => row.actionId))}::bigint[], ${sql.param(chunk.map((row) => row.selfLevel))}::text[],
        ${sql.param(chunk.map((row) => row.selfNote))}::text[]) AS t(id, level, note)
      WHERE a.id = t.id`);
  });
}

/** setLastCheckIn for many registrations in one statement: a later check-in already recorded is kept. */
export async function setLastCheckIns(executor: Executor, rows: Array<{ registrationId: number; at: Date }>): Promise<void> {
  await inChunks(rows, 5000, async (chunk) => {
    await executor.execute(sql`
      UPDATE registrations r SET last_check_in_at = GREATEST(r.last_check_in_at, t.at), updated_at = now()
      FROM unnest(${sql.param(chunk.map((row) => row.registrationId))}::bigint[],
        ${sql.param(chunk.map((row) => row.at.toISOString()))}::timestamptz[]) AS t(id, at)
      WHERE r.id = t.id`);
  });
}

/** Which of these people exist. */
export async function listExistingPersonIds(executor: Executor, personIds: number[]): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await executor.execute<{ id: number }>(sql`SELECT id FROM persons WHERE id = ANY(${sql.param(personIds)}::bigint[])`);
  return new Set(rows.rows.map((row) => Number(row.id)));
}
