import { bigint, bigserial, boolean, date, index, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { AttendanceStatus, SessionKind } from '../../../shared/contracts/study';
import { units } from './units';
import { persons } from './people';
import { studyTopics } from './programme';

/**
 * A study session or conference on a topic (kind 'study' | 'conference'), or a monthly cell meeting
 * (kind 'cell_meeting') that may carry the campaign as an agenda item.
 */
export const studySessions = pgTable(
  'study_sessions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    kind: text('kind').$type<SessionKind>().notNull(),
    topicId: bigint('topic_id', { mode: 'number' }).references(() => studyTopics.id),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    place: text('place'),
    isOnline: boolean('is_online').notNull().default(false),
    hasCampaignItem: boolean('has_campaign_item').notNull().default(false),
    notes: text('notes'),
    /** Folded title, place and notes, for search without diacritics. */
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [index('study_sessions_unit_idx').on(table.unitId, table.heldOn)],
);

/** Attendance of one person at one session: present | absent_excused | absent; a make-up study date later. */
export const sessionAttendance = pgTable(
  'session_attendance',
  {
    sessionId: bigint('session_id', { mode: 'number' })
      .notNull()
      .references(() => studySessions.id),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    status: text('status').$type<AttendanceStatus>().notNull(),
    reason: text('reason'),
    madeUpOn: date('made_up_on'),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.personId] }), index('session_attendance_person_idx').on(table.personId)],
);

/**
 * Who has studied the topic of a year, once per person and year: the first session attended (or
 * made up). This is the numerator of the study rate, counted on the unit where the person studied.
 */
export const studyRecords = pgTable(
  'study_records',
  {
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    year: smallint('year').notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    studiedOn: date('studied_on').notNull(),
    sessionId: bigint('session_id', { mode: 'number' })
      .notNull()
      .references(() => studySessions.id),
  },
  (table) => [primaryKey({ columns: [table.personId, table.year] })],
);
