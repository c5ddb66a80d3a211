import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, bigserial, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ltree } from './types';
import type { UnitKind } from '../../../shared/contracts/domain';
import type { ClosedReason } from '../../../shared/contracts/units';

/** The current state of every unit, open or closed; history of names and parents is in unit_versions. */
export const units = pgTable(
  'units',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    searchText: text('search_text').notNull(),
    sortKey: text('sort_key').notNull(),
    kind: text('kind').$type<UnitKind>().notNull(),
    parentId: bigint('parent_id', { mode: 'number' }).references((): AnyPgColumn => units.id),
    path: ltree('path').notNull(),
    depth: integer('depth').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    closedReason: text('closed_reason').$type<ClosedReason>(),
    /**
     * The last day this unit or one of its ancestors changed parent (null: the path has held since
     * the unit was founded). A figure dated before it belongs to the ancestors of that day.
     */
    movedOn: date('moved_on'),
    successorIds: bigint('successor_ids', { mode: 'number' }).array().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('units_code_key').on(table.code),
    index('units_parent_idx').on(table.parentId),
    index('units_sort_idx').on(table.depth, table.sortKey),
    index('units_path_gist').using('gist', table.path),
    // Open units of one kind (the provinces of the gallery's filter, the Centre's lists by province).
    index('units_open_kind_idx')
      .on(table.kind)
      .where(sql`valid_to IS NULL`),
  ],
);

/** One row per period in which a unit had a given name, code, kind and parent: "as of" queries read it. */
export const unitVersions = pgTable(
  'unit_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<UnitKind>().notNull(),
    parentId: bigint('parent_id', { mode: 'number' }),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (table) => [
    index('unit_versions_unit_idx').on(table.unitId, table.validFrom),
    index('unit_versions_parent_idx').on(table.parentId, table.validFrom),
    // The last day the tree changed: a list of an earlier year reads the current tree when nothing moved since.
    index('unit_versions_valid_from_idx').on(table.validFrom),
  ],
);
