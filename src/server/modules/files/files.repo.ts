import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { storedFiles, units } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';

export type StoredFileRow = typeof storedFiles.$inferSelect;

export async function insertStoredFile(executor: Executor, values: typeof storedFiles.$inferInsert): Promise<StoredFileRow> {
  const rows = await executor.insert(storedFiles).values(values).returning();
  return rows[0]!;
}

export async function findStoredFileWithUnit(executor: Executor, id: number) {
  const rows = await executor
    .select({ file: storedFiles, unitPath: sql<string>`${units.path}::text` })
    .from(storedFiles)
    .innerJoin(units, eq(units.id, storedFiles.unitId))
    .where(eq(storedFiles.id, id))
    .limit(1);
  return rows[0];
}

export async function findStoredFilesByIds(executor: Executor, ids: number[]): Promise<StoredFileRow[]> {
  if (ids.length === 0) return [];
  return executor.select().from(storedFiles).where(inArray(storedFiles.id, ids));
}

export async function listFilesOfOwners(executor: Executor, ownerType: string, ownerIds: number[]): Promise<StoredFileRow[]> {
  if (ownerIds.length === 0) return [];
  return executor
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.ownerType, ownerType), inArray(storedFiles.ownerId, ownerIds)))
    .orderBy(asc(storedFiles.id));
}

export async function setFilesOwner(executor: Executor, ids: number[], ownerType: string | null, ownerId: number | null): Promise<void> {
  if (ids.length === 0) return;
  await executor.update(storedFiles).set({ ownerType, ownerId }).where(inArray(storedFiles.id, ids));
}

/**
 * The id of one registration under way in a unit that the person may attach evidence to: their own
 * individual one, or the unit's collective one when `collectiveToo`.
 */
export async function findUnderwayRegistrationId(
  executor: Executor,
  unitId: number,
  personId: number | null,
  collectiveToo: boolean,
): Promise<number | undefined> {
  const rows = await executor.execute<{ id: number }>(sql`
    SELECT id FROM registrations
    WHERE unit_id = ${unitId} AND status IN ('published', 'in_progress')
      AND ((kind = 'individual' AND person_id = ${personId})
        OR (kind = 'collective' AND ${collectiveToo}))
    LIMIT 1`);
  return rows.rows[0]?.id;
}
