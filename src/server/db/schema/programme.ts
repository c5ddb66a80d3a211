import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { BreakthroughStatus } from '../../../shared/contracts/programme';
import { units } from './units';

/** Documents a plan may cite as its basis (Chỉ thị 05-CT/TW, Kết luận 01-KL/TW, later ones); administrators keep the list. */
export const legalBases = pgTable('legal_bases', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  symbol: text('symbol').notNull().unique(),
  title: text('title').notNull(),
  issuedOn: date('issued_on').notNull(),
  isActive: boolean('is_active').notNull().default(true),
});

/**
 * A level's plan (kế hoạch) for a year or a term. `taskGroups` is the plan's own structure:
 * [{ title, contents: [text] }]. Lower levels read the plans of every level above them.
 */
export const plans = pgTable(
  'plans',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    numberSymbol: text('number_symbol').notNull(),
    title: text('title').notNull(),
    issuedOn: date('issued_on').notNull(),
    /** A yearly plan has fromYear = toYear; a term plan spans the term (2020–2025, 2025–2030). */
    fromYear: smallint('from_year').notNull(),
    toYear: smallint('to_year').notNull(),
    legalBasisIds: bigint('legal_basis_ids', { mode: 'number' }).array().notNull().default([]),
    taskGroups: jsonb('task_groups').notNull(),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [
    index('plans_unit_idx').on(table.unitId, table.fromYear),
    uniqueIndex('plans_number_key').on(table.unitId, table.numberSymbol),
  ],
);

/** A study topic (chuyên đề) of a level, for a year or a whole term; it reaches every unit below. */
export const studyTopics = pgTable(
  'study_topics',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    description: text('description'),
    fromYear: smallint('from_year').notNull(),
    toYear: smallint('to_year').notNull(),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [index('study_topics_unit_idx').on(table.unitId, table.fromYear)],
);

/**
 * A breakthrough content (nội dung đột phá) chosen by a level for a year. A lower level may adopt
 * one from above (`adoptedFromId`) or add its own; `ownerUnitId` is who carries it out.
 */
export const breakthroughContents = pgTable(
  'breakthrough_contents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    ownerUnitId: bigint('owner_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    target: text('target').notNull(),
    deadline: date('deadline').notNull(),
    adoptedFromId: bigint('adopted_from_id', { mode: 'number' }),
    /** open → in_progress → done | not_done */
    status: text('status').$type<BreakthroughStatus>().notNull().default('open'),
    progressPercent: smallint('progress_percent').notNull().default(0),
    result: text('result'),
    completedOn: date('completed_on'),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** The day it counts from among the year's chosen contents, and (once deleted) the day it stops. */
    countedFrom: date('counted_from'),
    countedUntil: date('counted_until'),
  },
  (table) => [
    index('breakthrough_contents_unit_idx').on(table.unitId, table.year),
    index('breakthrough_contents_adopted_idx').on(table.adoptedFromId),
  ],
);

/**
 * The days a breakthrough content counted as done: from its completion day until the day it was
 * reopened or deleted (open while it is done). A content done, reopened and done again has two;
 * the "done" figure of any day is the spans covering it (the records behind that figure).
 */
export const breakthroughDoneSpans = pgTable(
  'breakthrough_done_spans',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    contentId: bigint('content_id', { mode: 'number' })
      .notNull()
      .references(() => breakthroughContents.id, { onDelete: 'cascade' }),
    doneFrom: date('done_from').notNull(),
    doneUntil: date('done_until'),
  },
  (table) => [index('breakthrough_done_spans_content_idx').on(table.contentId)],
);

/** A progress update of a breakthrough content; evidence files are attached to it. */
export const breakthroughUpdates = pgTable(
  'breakthrough_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    breakthroughId: bigint('breakthrough_id', { mode: 'number' })
      .notNull()
      .references(() => breakthroughContents.id),
    reportedOn: date('reported_on').notNull(),
    progressPercent: smallint('progress_percent').notNull(),
    note: text('note').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('breakthrough_updates_parent_idx').on(table.breakthroughId, table.reportedOn)],
);
