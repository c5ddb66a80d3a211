import { bytea } from './types';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ActionArea, CompletionLevel, RegistrationKind, RegistrationStatus } from '../../../shared/contracts/registration-status';
import type { ActionLinkKind } from '../../../shared/contracts/registrations';
import { units } from './units';
import { persons } from './people';
import { studyTopics } from './programme';

/**
 * A level opens registration for a year (or a whole term, supplemented each year): the dates, the
 * topic and the breakthrough contents that apply. Units below inherit the nearest window above.
 */
export const registrationWindows = pgTable(
  'registration_windows',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: smallint('year').notNull(),
    /** A term registration (toYear > year) is supplemented by a yearly one in each later year. */
    toYear: smallint('to_year').notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    topicId: bigint('topic_id', { mode: 'number' }).references(() => studyTopics.id),
    breakthroughIds: bigint('breakthrough_ids', { mode: 'number' }).array().notNull().default([]),
    guidance: text('guidance'),
    /** Last day reminders were sent, so a daily job sends them once. */
    remindedOn: date('reminded_on'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('registration_windows_unit_year_key').on(table.unitId, table.year)],
);

/**
 * A registration of "làm theo": individual (personId set) or collective (personId null, submitted
 * by the unit's head). `status` follows the one status machine in modules/registrations; `version`
 * guards against lost edits (optimistic concurrency).
 */
export const registrations = pgTable(
  'registrations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').$type<RegistrationKind>().notNull(),
    year: smallint('year').notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    personId: bigint('person_id', { mode: 'number' }).references(() => persons.id),
    windowId: bigint('window_id', { mode: 'number' }).references(() => registrationWindows.id),
    /** A yearly supplement of a term registration points to it. */
    supplementOfId: bigint('supplement_of_id', { mode: 'number' }),
    status: text('status').$type<RegistrationStatus>().notNull().default('draft'),
    /** Own shortcomings to fix: where an individual registration must start. */
    shortcomings: text('shortcomings').notNull().default(''),
    /** Whether the person was a leader (head-of-unit flag) when registering: leaders are listed first. */
    isLeader: boolean('is_leader').notNull().default(false),
    /** How many times it was submitted; each submission keeps a snapshot in registration_events. */
    revision: integer('revision').notNull().default(0),
    /** Folded text of shortcomings and actions, for search and near-duplicate detection (pg_trgm). */
    searchText: text('search_text').notNull().default(''),
    /** Hashed syllable pairs of search_text (sorted uint32, little-endian), kept by refreshSimilarities; null until then. */
    fingerprint: bytea('fingerprint'),
    /**
     * Whether a near-identical pair with a registration of its parent unit's subtree is stored:
     * kept by similarity.ts (and after a unit moves), so the "with a twin" figure is a live counter.
     */
    hasTwin: boolean('has_twin').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    lastCheckInAt: timestamp('last_check_in_at', { withTimezone: true }),
    /** Year-end: completed_well | completed | not_completed. */
    selfLevel: text('self_level').$type<CompletionLevel>(),
    selfExplanation: text('self_explanation'),
    reviewLevel: text('review_level').$type<CompletionLevel>(),
    reviewComment: text('review_comment'),
    reviewedBy: bigint('reviewed_by', { mode: 'number' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    /**
     * Typed in for the member by the unit's secretary or officer (from the paper register book, or
     * for a member without an account): the unit's appraisers may then act for the member on it.
     */
    enteredOnBehalf: boolean('entered_on_behalf').notNull().default(false),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('registrations_unit_idx').on(table.unitId, table.year, table.status),
    index('registrations_person_idx').on(table.personId, table.year),
    // A window's registrations are counted for its managers, and the foreign key is checked on delete.
    index('registrations_window_idx').on(table.windowId),
    // One individual registration per person and year, one collective per unit and year.
    uniqueIndex('registrations_individual_key')
      .on(table.personId, table.year)
      .where(sql`kind = 'individual'`),
    uniqueIndex('registrations_collective_key')
      .on(table.unitId, table.year)
      .where(sql`kind = 'collective'`),
  ],
);

/** One concrete action of a registration: what, its area, a measurable result, a deadline, and what it follows. */
export const registrationActions = pgTable(
  'registration_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    registrationId: bigint('registration_id', { mode: 'number' })
      .notNull()
      .references(() => registrations.id),
    position: smallint('position').notNull(),
    /** thought | ethics | style (tư tưởng, đạo đức, phong cách). */
    area: text('area').$type<ActionArea>().notNull(),
    content: text('content').notNull(),
    measurableResult: text('measurable_result').notNull().default(''),
    deadline: date('deadline'),
    /** standard_criterion | breakthrough | topic, with the id of what it links to (criterion: standards version id + index). */
    linkKind: text('link_kind').$type<ActionLinkKind>(),
    linkId: bigint('link_id', { mode: 'number' }),
    linkIndex: smallint('link_index'),
    progressPercent: smallint('progress_percent').notNull().default(0),
    selfLevel: text('self_level').$type<CompletionLevel>(),
    selfNote: text('self_note'),
  },
  (table) => [index('registration_actions_parent_idx').on(table.registrationId, table.position)],
);

/**
 * Every transition of a registration (who, when, from, to, reason) with a snapshot of its content
 * at that moment, so both sides see what changed between versions and the whole history.
 */
export const registrationEvents = pgTable(
  'registration_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    registrationId: bigint('registration_id', { mode: 'number' })
      .notNull()
      .references(() => registrations.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: bigint('actor_user_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    fromStatus: text('from_status').$type<RegistrationStatus>(),
    toStatus: text('to_status').$type<RegistrationStatus>().notNull(),
    reason: text('reason'),
    snapshot: jsonb('snapshot'),
    /** The step was taken for the registrant by someone else (the secretary entering the paper book). */
    onBehalf: boolean('on_behalf').notNull().default(false),
  },
  (table) => [index('registration_events_parent_idx').on(table.registrationId, table.at)],
);

/** A check-in on one action during the year: progress, a note, evidence files (purpose check_in). */
export const registrationCheckIns = pgTable(
  'registration_check_ins',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    registrationId: bigint('registration_id', { mode: 'number' })
      .notNull()
      .references(() => registrations.id),
    actionId: bigint('action_id', { mode: 'number' })
      .notNull()
      .references(() => registrationActions.id),
    checkedOn: date('checked_on').notNull(),
    progressPercent: smallint('progress_percent').notNull(),
    note: text('note').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('registration_check_ins_parent_idx').on(table.registrationId, table.checkedOn)],
);

/**
 * Near-identical pairs of registrations (both directions), with their similarity (0–1), refreshed
 * whenever a registration's content is written. Computing them at write time keeps the appraisal
 * list instant: comparing one text with a commune's 3,000 on each read was measured too slow.
 */
export const registrationSimilarities = pgTable(
  'registration_similarities',
  {
    registrationId: bigint('registration_id', { mode: 'number' })
      .notNull()
      .references(() => registrations.id),
    otherId: bigint('other_id', { mode: 'number' })
      .notNull()
      .references(() => registrations.id),
    similarity: real('similarity').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.registrationId, table.otherId] }),
    index('registration_similarities_other_idx').on(table.otherId),
  ],
);
