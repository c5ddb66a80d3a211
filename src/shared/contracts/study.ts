import { z } from 'zod';
import { IdSchema, IsoDateSchema, OptionalText, PagingSchema, TrimmedText } from './common';
import { AttachmentIdsSchema } from './files';

/** A study session or conference on the year's topic, or a monthly cell meeting. */
export const SESSION_KINDS = ['study', 'conference', 'cell_meeting'] as const;
export const SessionKindSchema = z.enum(SESSION_KINDS, 'Loại buổi không hợp lệ');
export type SessionKind = z.infer<typeof SessionKindSchema>;
/** Kinds whose attendance counts as having studied the topic. */
export const STUDY_KINDS: readonly SessionKind[] = ['study', 'conference'];

export const ATTENDANCE_STATUSES = ['present', 'absent_excused', 'absent'] as const;
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES, 'Tình hình tham dự không hợp lệ');
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;

export const YearSchema = z.coerce.number().int('Năm không hợp lệ').min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

const SessionFields = {
  kind: SessionKindSchema,
  topicId: IdSchema.nullish().transform((value) => value ?? null),
  title: TrimmedText(300),
  heldOn: IsoDateSchema,
  place: OptionalText(300),
  isOnline: z.boolean().default(false),
  hasCampaignItem: z.boolean().default(false),
  notes: OptionalText(2000),
  fileIds: AttachmentIdsSchema.default([]),
};

export const CreateSessionSchema = z.object({ unitId: IdSchema, ...SessionFields });
export type CreateSession = z.infer<typeof CreateSessionSchema>;

export const UpdateSessionSchema = z.object({ ...SessionFields, version: z.number().int().positive() });
export type UpdateSession = z.infer<typeof UpdateSessionSchema>;

export { VersionQuerySchema } from './common';

export const SessionsQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  kind: SessionKindSchema.optional(),
  year: YearSchema.optional(),
  topicId: IdSchema.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['heldOn', 'title', 'unit']).default('heldOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type SessionsQuery = z.infer<typeof SessionsQuerySchema>;

export const AttendanceRowSchema = z.object({
  personId: IdSchema,
  status: AttendanceStatusSchema,
  reason: OptionalText(300),
});
export type AttendanceRow = z.infer<typeof AttendanceRowSchema>;

/** The whole attendance of a session, saved at once (the screen sends every member's row). */
export const SaveAttendanceSchema = z.object({
  version: z.number().int().positive(),
  rows: z.array(AttendanceRowSchema).max(5000, 'Tối đa 5.000 người trong một lần lưu'),
});
export type SaveAttendance = z.infer<typeof SaveAttendanceSchema>;

/** Make-up study of one person who missed the session; null clears a make-up entered by mistake. */
export const MakeUpSchema = z.object({ personId: IdSchema, madeUpOn: IsoDateSchema.nullable() });
export type MakeUp = z.infer<typeof MakeUpSchema>;

export const ApplicableTopicsQuerySchema = z.object({ unitId: IdSchema, year: YearSchema });

export const StudyStatusQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  year: YearSchema,
  status: z.enum(['all', 'studied', 'not_studied']).default('all'),
  q: z.string().trim().max(100).optional(),
});
export type StudyStatusQuery = z.infer<typeof StudyStatusQuerySchema>;
