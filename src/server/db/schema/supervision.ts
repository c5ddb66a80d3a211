import { bigint, bigserial, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { units } from './units';
import { registrations } from './registrations';
import type { FeedbackStatus } from '../../../shared/contracts/supervision';

/**
 * Public feedback (phản ánh, góp ý) on a unit or on one of its published registrations. Name and
 * contact are optional and never shown publicly; `status`: new → answered, or hidden (with a reason).
 */
export const feedback = pgTable(
  'feedback',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    registrationId: bigint('registration_id', { mode: 'number' }).references(() => registrations.id),
    senderName: text('sender_name'),
    senderContact: text('sender_contact'),
    body: text('body').notNull(),
    /** Folded body and answer, for search that ignores diacritics. */
    searchText: text('search_text').notNull().default(''),
    status: text('status').$type<FeedbackStatus>().notNull().default('new'),
    hiddenReason: text('hidden_reason'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: bigint('answered_by', { mode: 'number' }),
    /** An answer is due by this day; past it, the level above sees the item as overdue. */
    dueOn: date('due_on').notNull(),
    /**
     * The day it stopped waiting for its answer (answered or hidden), the day the overdue figure took
     * it back: with due_on, which items were overdue on any day (the records behind that figure).
     */
    settledOn: date('settled_on'),
    /** A salted hash of the sender's address, for rate limiting without keeping the address. */
    senderHash: text('sender_hash').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('feedback_unit_idx').on(table.unitId, table.status, table.createdAt),
    index('feedback_sender_idx').on(table.senderHash, table.createdAt),
  ],
);

/** In-app notices to a user (reminders to register, overdue feedback); read_at marks them seen. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [index('notifications_user_idx').on(table.userId, table.createdAt)],
);
