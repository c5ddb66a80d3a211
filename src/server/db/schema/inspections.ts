import { bigint, bigserial, date, index, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type {
  FindingKind,
  InspectionContent,
  InspectionKind,
  InspectionStatus,
  LaggingAction,
  LaggingReasonCode,
  LaggingThresholds,
  RemedyStatus,
  Seriousness,
  TeamMember,
} from '../../../shared/contracts/inspections';
import { units } from './units';

/**
 * One planned inspection or supervision of one unit by a level above it (the level's plan for the
 * year is its rows); `status` follows the one machine in modules/inspections.
 */
export const inspections = pgTable(
  'inspections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ownerUnitId: bigint('owner_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: smallint('year').notNull(),
    kind: text('kind').$type<InspectionKind>().notNull(),
    title: text('title').notNull(),
    contents: text('contents').array().$type<InspectionContent[]>().notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    team: jsonb('team').$type<TeamMember[]>().notNull(),
    note: text('note'),
    status: text('status').$type<InspectionStatus>().notNull().default('planned'),
    /** The unit's self-report asked for beforehand (a report request of the reports module). */
    selfReportRequestId: bigint('self_report_request_id', { mode: 'number' }),
    conclusion: text('conclusion'),
    seriousness: text('seriousness').$type<Seriousness>(),
    number: text('number'),
    concludedAt: timestamp('concluded_at', { withTimezone: true }),
    concludedBy: bigint('concluded_by', { mode: 'number' }),
    cancelReason: text('cancel_reason'),
    /** Title and inspected unit's name folded (no diacritics, lower case), for search. */
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('inspections_owner_year_idx').on(table.ownerUnitId, table.year),
    index('inspections_unit_year_idx').on(table.unitId, table.year),
  ],
);

/** What the team found, per content: good points and shortcomings (a shortcoming carries its remedy). */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    inspectionId: bigint('inspection_id', { mode: 'number' })
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    content: text('content').$type<InspectionContent>().notNull(),
    kind: text('kind').$type<FindingKind>().notNull(),
    text: text('text').notNull(),
    remedy: text('remedy'),
    dueOn: date('due_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('inspection_findings_inspection_idx').on(table.inspectionId)],
);

/** What the inspected unit owes once the inspection is concluded: one per shortcoming. */
export const inspectionRemedies = pgTable(
  'inspection_remedies',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    inspectionId: bigint('inspection_id', { mode: 'number' })
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    findingId: bigint('finding_id', { mode: 'number' })
      .notNull()
      .references(() => inspectionFindings.id, { onDelete: 'cascade' }),
    /** The inspected unit (copied from the inspection so overdue remedies are read per unit). */
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: smallint('year').notNull(),
    what: text('what').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').$type<RemedyStatus>().notNull().default('open'),
    report: text('report'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeNote: text('close_note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('inspection_remedies_unit_idx').on(table.unitId, table.status, table.dueOn),
    index('inspection_remedies_inspection_idx').on(table.inspectionId),
  ],
);

/** Each step of an inspection or a remedy, for their history. */
export const inspectionEvents = pgTable(
  'inspection_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    inspectionId: bigint('inspection_id', { mode: 'number' })
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    remedyId: bigint('remedy_id', { mode: 'number' }),
    action: text('action').notNull(),
    /** An inspection's status, or a remedy's when remedy_id is set. */
    fromStatus: text('from_status').$type<InspectionStatus | RemedyStatus>().notNull(),
    toStatus: text('to_status').$type<InspectionStatus | RemedyStatus>().notNull(),
    reason: text('reason'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('inspection_events_inspection_idx').on(table.inspectionId, table.id)],
);

/** What a level did about a lagging unit; kept after the unit recovers. */
export const laggingActions = pgTable(
  'lagging_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    byUnitId: bigint('by_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: smallint('year').notNull(),
    action: text('action').$type<LaggingAction>().notNull(),
    note: text('note').notNull(),
    reasons: text('reasons').array().$type<LaggingReasonCode[]>().notNull().default([]),
    inspectionId: bigint('inspection_id', { mode: 'number' }).references(() => inspections.id),
    actorName: text('actor_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('lagging_actions_unit_idx').on(table.unitId, table.year)],
);

/** A level's thresholds for finding lagging units in its subtree; the nearest level's row applies. */
export const laggingThresholds = pgTable('lagging_thresholds', {
  unitId: bigint('unit_id', { mode: 'number' })
    .primaryKey()
    .references(() => units.id),
  thresholds: jsonb('thresholds').$type<LaggingThresholds>().notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
