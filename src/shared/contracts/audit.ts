import { z } from 'zod';
import { IsoDateSchema, PagingSchema, pagedAnswerSchema } from './common';

export const AuditQuerySchema = PagingSchema.extend({
  action: z.string().trim().max(60).optional(),
  entityType: z.string().trim().max(40).optional(),
  actor: z.string().trim().max(100).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
export type AuditQueryParams = z.input<typeof AuditQuerySchema>;

/** One entry of the audit log: who did what to which record, with the record before and after. */
export const AuditEntrySchema = z.object({
  id: z.number(),
  /** The moment, as an ISO string. */
  at: z.string(),
  /** The user's name at the time, or the name of a job for automatic actions. */
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** The unit the entry is about (null: accounts, sign-ins and the like). */
  unitPath: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditAnswerSchema = pagedAnswerSchema(AuditEntrySchema);
