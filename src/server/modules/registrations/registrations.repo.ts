import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { withNextVersion } from '../../platform/db/versions';
import { memberships, registrationActions, registrationEvents, registrations, units } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { CompletionLevel, RegistrationStatus } from '../../../shared/contracts/registration-status';

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
