import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { memberships, registrationActions, registrationEvents, registrations, units } from '../../db/schema/index';
import type { Executor } from '../../platform/db/client';

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

export async function updateRegistration(executor: Executor, id: number, values: Partial<typeof registrations.$inferInsert>): Promise<RegistrationRow> {
  const rows = await executor
    .update(registrations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(registrations.id, id))
    .returning();
  return rows[0]!;
}

export async function listActionsOf(executor: Executor, registrationId: number): Promise<RegistrationActionRow[]> {
  return executor.select().from(registrationActions).where(eq(registrationActions.registrationId, registrationId)).orderBy(asc(registrationActions.position));
}

export async function insertEvent(executor: Executor, values: typeof registrationEvents.$inferInsert): Promise<RegistrationEventRow> {
  const rows = await executor.insert(registrationEvents).values(values).returning();
  return rows[0]!;
}

export async function listEventsOf(executor: Executor, registrationId: number): Promise<RegistrationEventRow[]> {
  return executor.select().from(registrationEvents).where(eq(registrationEvents.registrationId, registrationId)).orderBy(asc(registrationEvents.at), asc(registrationEvents.id));
}

/** Whether the person heads the unit now (head-of-unit flag on a current membership). */
export async function isHeadOfUnit(executor: Executor, personId: number, unitId: number): Promise<boolean> {
  const rows = await executor
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.personId, personId), eq(memberships.unitId, unitId), eq(memberships.isHead, true), isNull(memberships.toDate)))
    .limit(1);
  return rows.length > 0;
}
