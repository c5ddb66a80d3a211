import { bytea } from './types';
import { bigint, bigserial, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { ImportKind } from '../../../shared/contracts/imports';

/** Append-only: a trigger refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: bigint('actor_user_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    unitPath: text('unit_path'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    requestId: text('request_id'),
  },
  (table) => [index('audit_log_at_idx').on(table.at), index('audit_log_entity_idx').on(table.entityType, table.entityId)],
);

/**
 * Live figures. Each row is a change (delta) of a metric on a day, recorded on a unit and on every
 * ancestor of it, so the figure of any subtree as of any date is one indexed prefix sum. The units
 * at the top of the tree, which every writer touches, spread their rows over stripes (summed on
 * read) so that concurrent writers do not queue on one row (docs/decisions/0011).
 */
export const figureCounters = pgTable(
  'figure_counters',
  {
    unitId: bigint('unit_id', { mode: 'number' }).notNull(),
    metric: text('metric').notNull(),
    day: date('day').notNull(),
    stripe: smallint('stripe').notNull().default(0),
    delta: bigint('delta', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.unitId, table.metric, table.day, table.stripe] })],
);

/**
 * The same deltas totalled by month (the first day of the month), kept by triggers on
 * figure_counters (migration 0025) in the same statement as each write. A figure as of a day is the
 * months before that day's month plus the days of its month up to it: a unit's members, whose rows
 * are every day someone joined, are read from a few dozen rows instead of hundreds.
 */
export const figureCounterMonths = pgTable(
  'figure_counter_months',
  {
    unitId: bigint('unit_id', { mode: 'number' }).notNull(),
    metric: text('metric').notNull(),
    month: date('month').notNull(),
    stripe: smallint('stripe').notNull().default(0),
    delta: bigint('delta', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.unitId, table.metric, table.month, table.stripe] })],
);

/** A previewed import waiting to be applied: the valid rows, as parsed and checked. */
export const importBatches = pgTable('import_batches', {
  id: text('id').primaryKey(),
  kind: text('kind').$type<ImportKind>().notNull(),
  userId: bigint('user_id', { mode: 'number' }).notNull(),
  fileName: text('file_name').notNull(),
  /** The valid rows as gzip-compressed JSON: a 50,000-row batch is ~20 MB as jsonb, ~2 MB this way. */
  rows: bytea('rows').notNull(),
  summary: jsonb('summary').notNull(),
  rowCount: integer('row_count').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  appliedAt: timestamp('applied_at', { withTimezone: true }),
});

/**
 * One row while the demo data is being loaded, removed when it has all been written: a start that
 * finds the row knows an earlier one stopped part-way and clears the half-made demo before loading again.
 */
export const demoLoadState = pgTable('demo_load_state', {
  id: smallint('id').primaryKey().default(1),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Rewrites of stored rows that code, not SQL, must do (see db/data-repairs.ts); each runs once. */
export const dataRepairs = pgTable('data_repairs', {
  name: text('name').primaryKey(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  changedRows: integer('changed_rows').notNull(),
});
