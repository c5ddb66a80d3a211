import { bigint, bigserial, date, jsonb, pgTable, text, timestamp, uniqueIndex, integer } from 'drizzle-orm/pg-core';
import type { StandardStatus } from '../../../shared/contracts/standards';
import { units } from './units';

/**
 * A version of a unit's ethics standards (chuẩn mực đạo đức): drafted, then adopted on a date.
 * Adopting version n+1 supersedes version n, which stays readable. `criteria` is [{ text }].
 */
export const ethicsStandards = pgTable(
  'ethics_standards',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    versionNumber: integer('version_number').notNull(),
    title: text('title').notNull(),
    criteria: jsonb('criteria').notNull(),
    /** draft → adopted → superseded */
    status: text('status').$type<StandardStatus>().notNull().default('draft'),
    adoptedOn: date('adopted_on'),
    supersededOn: date('superseded_on'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('ethics_standards_unit_version_key').on(table.unitId, table.versionNumber)],
);

/** The sign (biển chuẩn mực đạo đức) of a unit: posted on a date, with a photo (a stored file). */
export const standardSigns = pgTable('standard_signs', {
  unitId: bigint('unit_id', { mode: 'number' })
    .primaryKey()
    .references(() => units.id),
  postedOn: date('posted_on').notNull(),
  location: text('location'),
  photoFileId: bigint('photo_file_id', { mode: 'number' }),
  version: integer('version').notNull().default(1),
  createdBy: bigint('created_by', { mode: 'number' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
