import { z } from 'zod';

/*
 * The signed-in user's notices (the bell) and the reminders an officer sends now. The request
 * schemas (NotificationsQuerySchema, RemindersRunSchema) are in followup.ts.
 */

export const NotificationItemSchema = z.object({
  id: z.number(),
  /** What it is about, e.g. 'registration_reminder'. */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** Where in the app it leads, if anywhere. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof NotificationItemSchema>;

/** How many notices the user has, and how many of them are unread. */
export const NotificationCountsSchema = z.object({ total: z.number(), unread: z.number() });
export type NotificationCounts = z.infer<typeof NotificationCountsSchema>;

/** A page of the user's notices, newest first, with the counts for the bell. */
export const NotificationsAnswerSchema = NotificationCountsSchema.extend({
  items: z.array(NotificationItemSchema),
  page: z.number(),
  pageSize: z.number(),
});
export type NotificationsAnswer = z.infer<typeof NotificationsAnswerSchema>;

/** After "read all": how many were marked, and the counts now. */
export const ReadAllAnswerSchema = NotificationCountsSchema.extend({ marked: z.number() });
export type ReadAllAnswer = z.infer<typeof ReadAllAnswerSchema>;

/** What a run of the registration reminders did. */
export const ReminderOutcomeSchema = z.object({
  /** Open windows whose members were looked at. */
  windows: z.number(),
  /** Members who have not registered yet. */
  members: z.number(),
  /** Notices left in the app (accounts reminded once a day at most). */
  notified: z.number(),
  emailed: z.number(),
  failedEmails: z.number(),
});
export type ReminderOutcome = z.infer<typeof ReminderOutcomeSchema>;
