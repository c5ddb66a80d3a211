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
import type { NominationKind, NominationStatus } from '../../../shared/contracts/commendations';
import { units } from './units';
import { persons } from './people';

/**
 * The forms a commendation decision may take (biểu dương, giấy khen, bằng khen…): a list kept as
 * data, so a level that uses another form adds a row rather than a release.
 */
export const commendationForms = pgTable('commendation_forms', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sortOrder: smallint('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

/** What the nominating unit writes and edits; kept whole in each submission's snapshot. */
export type NominationContent = {
  title: string;
  story: string;
  results: string;
  periodFrom: string;
  periodTo: string;
  registrationIds: number[];
  /** Absent from submissions made before nominations linked breakthrough contents. */
  breakthroughIds?: number[];
  fileIds: number[];
};

/**
 * A unit's nomination of an exemplary collective (subjectUnitId), individual (subjectPersonId) or
 * good practice (neither). It travels up the tree: `atUnitId` is the level that holds it now (null
 * while the nominating unit drafts or fixes it). `status` follows the one machine in
 * modules/commendations; `version` guards against lost edits.
 */
export const nominations = pgTable(
  'nominations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    kind: text('kind').$type<NominationKind>().notNull(),
    subjectUnitId: bigint('subject_unit_id', { mode: 'number' }).references(() => units.id),
    subjectPersonId: bigint('subject_person_id', { mode: 'number' }).references(() => persons.id),
    title: text('title').notNull(),
    story: text('story').notNull(),
    results: text('results').notNull().default(''),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    registrationIds: bigint('registration_ids', { mode: 'number' }).array().notNull().default([]),
    breakthroughIds: bigint('breakthrough_ids', { mode: 'number' }).array().notNull().default([]),
    status: text('status').$type<NominationStatus>().notNull().default('draft'),
    atUnitId: bigint('at_unit_id', { mode: 'number' }).references(() => units.id),
    decisionId: bigint('decision_id', { mode: 'number' }),
    /** The decision's day, kept here so the public gallery pages by it from one index. */
    decidedOn: date('decided_on'),
    /** The day it was first submitted: the day the nomination counts in the figures. */
    firstSubmittedOn: date('first_submitted_on'),
    returnReason: text('return_reason'),
    /** Shown in the public gallery: set by a level above once commended, never the private fields. */
    isPublic: boolean('is_public').notNull().default(false),
    /** The year a level sent it up to the Centre as a typical example, and which level did. */
    typicalYear: smallint('typical_year'),
    typicalByUnitId: bigint('typical_by_unit_id', { mode: 'number' }).references(() => units.id),
    /** Folded title, story and subject name, for search that ignores diacritics. */
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('nominations_unit_idx').on(table.unitId, table.status),
    index('nominations_at_unit_idx').on(table.atUnitId, table.status),
    index('nominations_decision_idx').on(table.decisionId),
  ],
);

/** Each step of a nomination, with the content as submitted, for its history and what changed. */
export const nominationEvents = pgTable(
  'nomination_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    nominationId: bigint('nomination_id', { mode: 'number' })
      .notNull()
      .references(() => nominations.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status').$type<NominationStatus>().notNull(),
    toStatus: text('to_status').$type<NominationStatus>().notNull(),
    atUnitId: bigint('at_unit_id', { mode: 'number' }).references(() => units.id),
    reason: text('reason'),
    snapshot: jsonb('snapshot').$type<NominationContent>(),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('nomination_events_nomination_idx').on(table.nominationId, table.id)],
);

/**
 * A commendation decision of a level (Quyết định khen thưởng): its form, number in the unit's own
 * series for the year, date and the campaign period; the nominations it names are its annex list.
 */
export const commendationDecisions = pgTable(
  'commendation_decisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    formCode: text('form_code')
      .notNull()
      .references(() => commendationForms.code),
    /** The unit's own series restarts each year: "12-QĐ/ĐU" of 2026 is another than of 2025. */
    numberYear: smallint('number_year').notNull(),
    numberValue: integer('number_value').notNull(),
    numberSymbol: text('number_symbol').notNull(),
    decidedOn: date('decided_on').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    title: text('title').notNull(),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('commendation_decisions_number_key').on(table.unitId, table.numberYear, table.numberValue),
    index('commendation_decisions_unit_idx').on(table.unitId, table.decidedOn),
  ],
);

/**
 * A unit below records that it took up a commended model (nhân rộng), as with breakthrough contents:
 * when, and how (the note); evidence files are attached to it. `version` guards against lost edits.
 */
export const modelAdoptions = pgTable(
  'model_adoptions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    nominationId: bigint('nomination_id', { mode: 'number' })
      .notNull()
      .references(() => nominations.id),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    adoptedOn: date('adopted_on').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('model_adoptions_key').on(table.nominationId, table.unitId), index('model_adoptions_unit_idx').on(table.unitId)],
);
