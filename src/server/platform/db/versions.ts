import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** A table whose rows carry the version a client sends back with its edit (a stale one is refused with 409). */
type VersionedTable = { version: AnyPgColumn; updatedAt?: AnyPgColumn };

/**
 * The one place a row's version moves on: the values of an update of a versioned row, with the
 * version raised by one in the statement itself (never a number computed by the caller, so no two
 * writes of a row can set the same one) and the row's `updatedAt` stamped when it has one.
 */
export function withNextVersion<V extends object>(table: VersionedTable, values: V): V & { version: SQL<number>; updatedAt?: Date } {
  const stamp = table.updatedAt ? { updatedAt: new Date() } : {};
  return { ...values, ...stamp, version: sql<number>`${table.version} + 1` };
}
