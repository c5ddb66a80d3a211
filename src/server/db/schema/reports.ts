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
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type {
  AnswerStatus,
  RecommendationKind,
  RecommendationStatus,
  ReportKind,
  RequestAudience,
} from '../../../shared/contracts/reports';
import { units } from './units';

/**
 * What a report request asks for: figures from the metric catalogue, figures typed by hand, and the
 * narrative sections. Stored as one JSON value because it is always read and written whole.
 */
export type ReportContent = {
  metrics: string[];
  manualItems: Array<{ key: string; label: string; type: 'number' | 'text' }>;
  sections: Array<{ key: string; title: string }>;
};

/**
 * A level asks the units below it for a report over a period, by a deadline. The expected units
 * are fixed when it is issued (report_answers), so later changes of the tree do not change the rate.
 */
export const reportRequests = pgTable(
  'report_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    kind: text('kind').$type<ReportKind>().notNull(),
    title: text('title').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    deadline: date('deadline').notNull(),
    audience: text('audience').$type<RequestAudience>().notNull(),
    content: jsonb('content').$type<ReportContent>().notNull(),
    guidance: text('guidance'),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('report_requests_unit_idx').on(table.unitId, table.periodTo)],
);

/** A saved request content a level reuses. */
export const reportTemplates = pgTable(
  'report_templates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    kind: text('kind').$type<ReportKind>().notNull(),
    content: jsonb('content').$type<ReportContent>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('report_templates_unit_idx').on(table.unitId)],
);

/**
 * One expected unit's report for a request. `status`: not_started → draft → submitted → returned ↺
 * → accepted (late is derived from the deadline). `frozenFigures` are the figures at submission.
 */
export const reportAnswers = pgTable(
  'report_answers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => reportRequests.id),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    status: text('status').$type<AnswerStatus>().notNull().default('not_started'),
    narrative: jsonb('narrative').$type<Record<string, string>>().notNull().default({}),
    manualValues: jsonb('manual_values').$type<Record<string, string>>().notNull().default({}),
    figureNotes: jsonb('figure_notes').$type<Record<string, string>>().notNull().default({}),
    frozenFigures: jsonb('frozen_figures').$type<Record<string, number | null>>(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The calendar day of the first submission, compared with the deadline for the on-time rate. */
    firstSubmittedOn: date('first_submitted_on'),
    /** Whether the first submission met the deadline in force then: a later deadline change does not rewrite it. */
    onTime: boolean('on_time'),
    numberValue: integer('number_value'),
    numberSymbol: text('number_symbol'),
    returnReason: text('return_reason'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedBy: bigint('updated_by', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('report_answers_request_unit_key').on(table.requestId, table.unitId),
    index('report_answers_unit_idx').on(table.unitId, table.status),
  ],
);

/** The history of an answer: each transition, its reason, and a snapshot of the report at submission. */
export const reportAnswerEvents = pgTable(
  'report_answer_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    answerId: bigint('answer_id', { mode: 'number' })
      .notNull()
      .references(() => reportAnswers.id),
    fromStatus: text('from_status').$type<AnswerStatus>().notNull(),
    toStatus: text('to_status').$type<AnswerStatus>().notNull(),
    reason: text('reason'),
    snapshot: jsonb('snapshot'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('report_answer_events_answer_idx').on(table.answerId, table.id)],
);

/**
 * A difficulty or recommendation raised in a report, tracked until answered: addressed to a unit
 * (the requesting level by default); status received → in_progress → answered → closed.
 */
export const reportRecommendations = pgTable(
  'report_recommendations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    answerId: bigint('answer_id', { mode: 'number' })
      .notNull()
      .references(() => reportAnswers.id),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    addressedUnitId: bigint('addressed_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    kind: text('kind').$type<RecommendationKind>().notNull(),
    body: text('body').notNull(),
    position: smallint('position').notNull(),
    status: text('status').$type<RecommendationStatus>().notNull().default('received'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    dueOn: date('due_on'),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('report_recommendations_answer_idx').on(table.answerId, table.position),
    index('report_recommendations_addressed_idx').on(table.addressedUnitId, table.status),
  ],
);

/** Each unit's document numbers, per document type and year ("15-BC/ĐU"): the last number given. */
export const documentNumberCounters = pgTable(
  'document_number_counters',
  {
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    docType: text('doc_type').notNull(),
    year: smallint('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.unitId, table.docType, table.year] })],
);
