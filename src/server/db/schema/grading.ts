import { bigint, bigserial, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { Grade, GradingRuleConfig, GradingStatus, GradingSubject } from '../../../shared/contracts/grading';
import { units } from './units';
import { persons } from './people';
import type { CompletionLevel } from '../../../shared/contracts/registration-status';

/** Versions of the grading rules (QĐ 124, QĐ 366…): a year is graded by the latest version valid from it. */
export const gradingRules = pgTable('grading_rules', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  validFromYear: smallint('valid_from_year').notNull().unique(),
  config: jsonb('config').$type<GradingRuleConfig>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type GradingVotes = { for: number; against: number; abstain: number };

/**
 * One subject's grading for a year: a member (personId, unitId = their cell when the record was
 * opened) or a collective (unitId, no person). The self-review, the grading level's assessment with
 * the grade the rule proposed, and the decision; `status` follows the one machine in modules/grading.
 */
export const gradings = pgTable(
  'gradings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subject: text('subject').$type<GradingSubject>().notNull(),
    personId: bigint('person_id', { mode: 'number' }).references(() => persons.id),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: smallint('year').notNull(),
    ruleCode: text('rule_code')
      .notNull()
      .references(() => gradingRules.code),
    status: text('status').$type<GradingStatus>().notNull().default('draft'),
    strengths: text('strengths').notNull().default(''),
    shortcomings: text('shortcomings').notNull().default(''),
    remedies: text('remedies').notNull().default(''),
    selfScores: jsonb('self_scores').$type<Record<string, number>>().notNull().default({}),
    selfConditions: text('self_conditions').array().notNull().default([]),
    selfGrade: text('self_grade').$type<Grade>(),
    selfTotal: numeric('self_total', { mode: 'number' }),
    /** The member's campaign result as the cell reviewed it, pulled in when the self-review was saved. */
    campaignRegistrationId: bigint('campaign_registration_id', { mode: 'number' }),
    campaignLevel: text('campaign_level').$type<CompletionLevel>(),
    scores: jsonb('scores').$type<Record<string, number>>(),
    conditions: text('conditions').array(),
    comment: text('comment').notNull().default(''),
    proposedGrade: text('proposed_grade').$type<Grade>(),
    proposedTotal: numeric('proposed_total', { mode: 'number' }),
    proposedReason: text('proposed_reason'),
    grade: text('grade').$type<Grade>(),
    overrideReason: text('override_reason'),
    votes: jsonb('votes').$type<GradingVotes>(),
    gradedBy: bigint('graded_by', { mode: 'number' }),
    gradedAt: timestamp('graded_at', { withTimezone: true }),
    decidedGrade: text('decided_grade').$type<Grade>(),
    decisionNote: text('decision_note'),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('gradings_member_year_uq')
      .on(table.personId, table.year)
      .where(sql`subject = 'member'`),
    uniqueIndex('gradings_collective_year_uq')
      .on(table.unitId, table.year)
      .where(sql`subject = 'collective'`),
    index('gradings_unit_year_idx').on(table.unitId, table.year, table.subject),
  ],
);

/** Each step of a grading, for its history. */
export const gradingEvents = pgTable(
  'grading_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    gradingId: bigint('grading_id', { mode: 'number' })
      .notNull()
      .references(() => gradings.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status').$type<GradingStatus>().notNull(),
    toStatus: text('to_status').$type<GradingStatus>().notNull(),
    grade: text('grade').$type<Grade>(),
    reason: text('reason'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('grading_events_grading_idx').on(table.gradingId, table.id)],
);
