import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { importBatches } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import type { personColumns } from '../people/index';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export async function insertBatch(
  executor: Executor,
  values: Omit<typeof importBatches.$inferInsert, 'rows'> & { rows: unknown[] },
): Promise<void> {
  // Previews nobody applied within a day are dropped, so the table stays small.
  await executor
    .delete(importBatches)
    .where(and(isNull(importBatches.appliedAt), lt(importBatches.createdAt, new Date(Date.now() - 86400000))));
  // Compressed off the event loop, at the fastest level: the batch lives an hour at most.
  const rows = await gzipAsync(JSON.stringify(values.rows), { level: 1 });
  await executor.insert(importBatches).values({ ...values, rows });
}

/** A batch, locked for applying; its rows are decoded only when asked for (applied batches never are). */
export async function findBatchForUpdate(executor: Executor, id: string) {
  const rows = await executor.select().from(importBatches).where(eq(importBatches.id, id)).for('update').limit(1);
  const batch = rows[0];
  if (!batch) return undefined;
  return { ...batch, readRows: async (): Promise<unknown[]> => JSON.parse((await gunzipAsync(batch.rows)).toString('utf8')) as unknown[] };
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
  return rows.rows.map((row) => ({
    ...row,
    id: Number(row.id),
    unit_id: row.unit_id === null ? null : Number(row.unit_id),
    membership_id: row.membership_id === null ? null : Number(row.membership_id),
  }));
}
export type ExistingPerson = Awaited<ReturnType<typeof findPeopleByIdentities>>[number];

type PersonColumns = ReturnType<typeof personColumns>;
const CHUNK = 5000;

export type CreatedPerson = {
  person: PersonColumns;
  membership: { unitId: number; unitPath: string; position: string; isHead: boolean; fromDate: string };
};

/** Lets queries already handed to the driver reach the socket before more synchronous work runs. */
const yieldToDriver = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Inserts `count` new people, their primary memberships and their audit rows, one statement per
 * chunk, and returns their ids in input order. The audit rows are built by the database from the
 * rows just written (data-modifying CTEs), so no JSON crosses the wire and nothing is read back.
 * `chunkAt(start, end)` builds the rows of a chunk: it runs while the database writes the chunk
 * before, so the CPU work of preparing rows and the database's work of writing them overlap.
 */
export async function insertCreatedPeople(
  executor: Executor,
  actor: Actor,
  count: number,
  chunkAt: (start: number, end: number) => CreatedPerson[],
): Promise<number[]> {
  if (count === 0) return [];
  // Ids are taken first, all at once, so they are known in input order.
  const taken = await executor.execute<{ id: number }>(
    sql`SELECT nextval(pg_get_serial_sequence('persons', 'id')) AS id FROM generate_series(1, ${count})`,
  );
  const ids = taken.rows.map((row) => Number(row.id));
  let writing: Promise<unknown> | undefined;
  for (let start = 0; start < count; start += CHUNK) {
    const chunk = chunkAt(start, Math.min(count, start + CHUNK));
    await writing;
    writing = Promise.resolve(insertChunk(executor, actor, ids.slice(start, start + chunk.length), chunk));
    // A failure is thrown by the next await of `writing`; until then it must not count as unhandled.
    writing.catch(() => undefined);
    await yieldToDriver();
  }
  await writing;
  return ids;
}

function insertChunk(executor: Executor, actor: Actor, chunkIds: number[], chunk: CreatedPerson[]) {
  const person = <K extends keyof PersonColumns>(key: K) => sql.param(chunk.map((row) => row.person[key]));
  const membership = <K extends keyof CreatedPerson['membership']>(key: K) => sql.param(chunk.map((row) => row.membership[key]));
  return executor.execute(sql`
    WITH new_people AS (
      INSERT INTO persons (id, full_name, search_text, sort_key, sex, birth_date, category, card_number, id_number,
                           admission_date, phone, email, address)
      SELECT * FROM unnest(${sql.param(chunkIds)}::bigint[], ${person('fullName')}::text[], ${person('searchText')}::text[],
        ${person('sortKey')}::text[], ${person('sex')}::text[], ${person('birthDate')}::date[], ${person('category')}::text[],
        ${person('cardNumber')}::text[], ${person('idNumber')}::text[], ${person('admissionDate')}::date[],
        ${person('phone')}::text[], ${person('email')}::text[], ${person('address')}::text[])
      RETURNING *
    ), new_memberships AS (
      INSERT INTO memberships (person_id, unit_id, position, is_head, is_primary, from_date)
      SELECT person_id, unit_id, position, is_head, true, from_date
      FROM unnest(${sql.param(chunkIds)}::bigint[], ${membership('unitId')}::bigint[], ${membership('position')}::text[],
        ${membership('isHead')}::boolean[], ${membership('fromDate')}::date[]) AS m(person_id, unit_id, position, is_head, from_date)
      RETURNING person_id, unit_id, position, is_head, from_date
    )
    INSERT INTO audit_log (actor_user_id, actor_name, action, entity_type, entity_id, unit_path, before, after, ip, request_id)
    SELECT ${actor.userId}, ${actor.name}, 'person.import_create', 'person', p.id::text, paths.unit_path, NULL,
           (to_jsonb(p) - 'search_text' - 'sort_key')
             || jsonb_build_object('unit_id', m.unit_id, 'position', m.position, 'is_head', m.is_head, 'from_date', m.from_date),
           ${actor.ip}, ${actor.requestId}
    FROM new_people p
    JOIN new_memberships m ON m.person_id = p.id
    JOIN unnest(${sql.param(chunkIds)}::bigint[], ${membership('unitPath')}::text[]) AS paths(person_id, unit_path) ON paths.person_id = p.id`);
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
