import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { auditLog, importBatches, memberships, persons } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';

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
    WHERE p.card_number = ANY(${sql.param(cardNumbers)}::text[]) OR p.id_number = ANY(${sql.param(idNumbers)}::text[])`);
  return rows.rows.map((row) => ({ ...row, id: Number(row.id), unit_id: row.unit_id === null ? null : Number(row.unit_id), membership_id: row.membership_id === null ? null : Number(row.membership_id) }));
}
export type ExistingPerson = Awaited<ReturnType<typeof findPeopleByIdentities>>[number];

/** Inserts many people at once and returns their ids in input order. */
export async function insertPeople(executor: Executor, values: Array<typeof persons.$inferInsert>): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < values.length; start += 2000) {
    const rows = await executor.insert(persons).values(values.slice(start, start + 2000)).returning({ id: persons.id });
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

export async function insertMemberships(executor: Executor, values: Array<typeof memberships.$inferInsert>): Promise<void> {
  for (let start = 0; start < values.length; start += 3000) {
    await executor.insert(memberships).values(values.slice(start, start + 3000));
  }
}

export async function insertAuditEntries(
  executor: Executor,
  actor: Actor,
  entries: Array<{ action: string; entityType: string; entityId: string; unitPath: string | null; before: unknown; after: unknown }>,
): Promise<void> {
  for (let start = 0; start < entries.length; start += 2000) {
    await executor.insert(auditLog).values(
      entries.slice(start, start + 2000).map((entry) => ({
        ...entry,
        actorUserId: actor.userId,
        actorName: actor.name,
        ip: actor.ip,
        requestId: actor.requestId,
      })),
    );
  }
}
