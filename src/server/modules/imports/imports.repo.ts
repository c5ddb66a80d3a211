import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { importBatches, memberships } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import type { personColumns } from '../people/index';

export async function insertBatch(executor: Executor, values: typeof importBatches.$inferInsert): Promise<void> {
  // Previews nobody applied within a day are dropped, so the table stays small.
  await executor.delete(importBatches).where(and(isNull(importBatches.appliedAt), lt(importBatches.createdAt, new Date(Date.now() - 86400000))));
  await executor.insert(importBatches).values(values);
}

export async function findBatchForUpdate(executor: Executor, id: string) {
  const rows = await executor.select().from(importBatches).where(eq(importBatches.id, id)).for('update').limit(1);
  return rows[0];
}

export async function markBatchApplied(executor: Executor, id: string): Promise<void> {
  await executor.update(importBatches).set({ appliedAt: new Date() }).where(eq(importBatches.id, id));
}

/** Current primary memberships and identities of people matched by card or CCCD number. */
export async function findPeopleByIdentities(executor: Executor, cardNumbers: string[], idNumbers: string[]) {
  const rows = await executor.execute<{
    id: number;
    full_name: string;
    sex: string;
    birth_date: string | null;
    category: string;
    card_number: string | null;
    id_number: string | null;
    admission_date: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
    membership_id: number | null;
    unit_id: number | null;
    unit_path: string | null;
    position: string | null;
    is_head: boolean | null;
    from_date: string | null;
  }>(sql`
    SELECT p.id, p.full_name, p.sex, p.birth_date::text, p.category, p.card_number, p.id_number, p.admission_date::text,
           p.phone, p.email, p.address, m.id AS membership_id, m.unit_id, u.path::text AS unit_path, m.position, m.is_head,
           m.from_date::text
    FROM persons p
    LEFT JOIN memberships m ON m.person_id = p.id AND m.is_primary AND m.to_date IS NULL
    LEFT JOIN units u ON u.id = m.unit_id
    -- Two index lookups joined by UNION: an OR of the two would scan every person.
    WHERE p.id IN (SELECT id FROM persons WHERE card_number IN (SELECT unnest(${sql.param(cardNumbers)}::text[]))
                   UNION SELECT id FROM persons WHERE id_number IN (SELECT unnest(${sql.param(idNumbers)}::text[])))`);
  return rows.rows.map((row) => ({ ...row, id: Number(row.id), unit_id: row.unit_id === null ? null : Number(row.unit_id), membership_id: row.membership_id === null ? null : Number(row.membership_id) }));
}
export type ExistingPerson = Awaited<ReturnType<typeof findPeopleByIdentities>>[number];

type PersonColumns = ReturnType<typeof personColumns>;
const CHUNK = 5000;

/**
 * Inserts many people at once and returns their ids in input order. One `unnest` statement per
 * chunk: building multi-row VALUES through the query builder cost more than the database work.
 */
export async function insertPeople(executor: Executor, values: PersonColumns[]): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < values.length; start += CHUNK) {
    const chunk = values.slice(start, start + CHUNK);
    // Ids are taken first, so they are known in input order.
    const taken = await executor.execute<{ id: number }>(
      sql`SELECT nextval(pg_get_serial_sequence('persons', 'id')) AS id FROM generate_series(1, ${chunk.length})`,
    );
    const chunkIds = taken.rows.map((row) => Number(row.id));
    const column = <K extends keyof PersonColumns>(key: K) => sql.param(chunk.map((row) => row[key]));
    await executor.execute(sql`
      INSERT INTO persons (id, full_name, search_text, sort_key, sex, birth_date, category, card_number, id_number,
                           admission_date, phone, email, address)
      SELECT * FROM unnest(${sql.param(chunkIds)}::bigint[], ${column('fullName')}::text[], ${column('searchText')}::text[],
        ${column('sortKey')}::text[], ${column('sex')}::text[], ${column('birthDate')}::date[], ${column('category')}::text[],
        ${column('cardNumber')}::text[], ${column('idNumber')}::text[], ${column('admissionDate')}::date[],
        ${column('phone')}::text[], ${column('email')}::text[], ${column('address')}::text[])`);
    ids.push(...chunkIds);
  }
  return ids;
}

export async function insertMemberships(executor: Executor, values: Array<typeof memberships.$inferInsert>): Promise<void> {
  for (let start = 0; start < values.length; start += CHUNK) {
    const chunk = values.slice(start, start + CHUNK);
    await executor.execute(sql`
      INSERT INTO memberships (person_id, unit_id, position, is_head, is_primary, from_date)
      SELECT * FROM unnest(${sql.param(chunk.map((m) => m.personId))}::bigint[], ${sql.param(chunk.map((m) => m.unitId))}::bigint[],
        ${sql.param(chunk.map((m) => m.position))}::text[], ${sql.param(chunk.map((m) => m.isHead ?? false))}::boolean[],
        ${sql.param(chunk.map((m) => m.isPrimary ?? true))}::boolean[], ${sql.param(chunk.map((m) => m.fromDate))}::date[])`);
  }
}

export async function insertAuditEntries(
  executor: Executor,
  actor: Actor,
  entries: Array<{ action: string; entityType: string; entityId: string; unitPath: string | null; before: unknown; after: unknown }>,
): Promise<void> {
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  for (let start = 0; start < entries.length; start += CHUNK) {
    const chunk = entries.slice(start, start + CHUNK);
    await executor.execute(sql`
      INSERT INTO audit_log (actor_user_id, actor_name, action, entity_type, entity_id, unit_path, before, after, ip, request_id)
      SELECT ${actor.userId}, ${actor.name}, action, entity_type, entity_id, unit_path, before, after, ${actor.ip}, ${actor.requestId}
      FROM unnest(${sql.param(chunk.map((e) => e.action))}::text[], ${sql.param(chunk.map((e) => e.entityType))}::text[],
        ${sql.param(chunk.map((e) => e.entityId))}::text[], ${sql.param(chunk.map((e) => e.unitPath))}::text[],
        ${sql.param(chunk.map((e) => json(e.before)))}::jsonb[], ${sql.param(chunk.map((e) => json(e.after)))}::jsonb[])
        AS t(action, entity_type, entity_id, unit_path, before, after)`);
  }
}

/**
 * One audit row per created person, built by the database from the rows just written (with the
 * membership), so tens of thousands of records need no JSON round trip.
 */
export async function insertCreatedPeopleAudit(executor: Executor, actor: Actor, personIds: number[]): Promise<void> {
  if (personIds.length === 0) return;
  // One statement for all ids: per-chunk statements each hashed the whole memberships table.
  await executor.execute(sql`
    INSERT INTO audit_log (actor_user_id, actor_name, action, entity_type, entity_id, unit_path, before, after, ip, request_id)
    SELECT ${actor.userId}, ${actor.name}, 'person.import_create', 'person', p.id::text, u.path::text, NULL,
           (to_jsonb(p) - 'search_text' - 'sort_key')
             || jsonb_build_object('unit_id', m.unit_id, 'position', m.position, 'is_head', m.is_head, 'from_date', m.from_date),
           ${actor.ip}, ${actor.requestId}
    FROM unnest(${sql.param(personIds)}::bigint[]) AS created(id)
    JOIN persons p ON p.id = created.id
    JOIN memberships m ON m.person_id = p.id AND m.is_primary AND m.to_date IS NULL
    JOIN units u ON u.id = m.unit_id`);
}
