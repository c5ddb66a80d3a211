import { z } from 'zod';
import { IdSchema, IsoDateSchema, NamedRefSchema, OptionalText, pagedAnswerSchema, PagingSchema, TrimmedText } from './common';
import { AttachmentIdsSchema, FileSummarySchema } from './files';
import { ImportRowErrorSchema } from './imports';

/** A study session or conference on the year's topic, or a monthly cell meeting. */
export const SESSION_KINDS = ['study', 'conference', 'cell_meeting'] as const;
export const SessionKindSchema = z.enum(SESSION_KINDS, 'Loại buổi không hợp lệ');
export type SessionKind = z.infer<typeof SessionKindSchema>;
/** Kinds whose attendance counts as having studied the topic. */
export const STUDY_KINDS: readonly SessionKind[] = ['study', 'conference'];

export const ATTENDANCE_STATUSES = ['present', 'absent_excused', 'absent'] as const;
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES, 'Tình hình tham dự không hợp lệ');
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;

export const YearSchema = z.coerce.number<number>().int('Năm không hợp lệ').min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

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
export type CreateSessionBody = z.input<typeof CreateSessionSchema>;

export const UpdateSessionSchema = z.object({ ...SessionFields, version: z.number().int().positive() });
export type UpdateSession = z.infer<typeof UpdateSessionSchema>;
export type UpdateSessionBody = z.input<typeof UpdateSessionSchema>;

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
export type SessionsQueryParams = z.input<typeof SessionsQuerySchema>;

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

// ── Answers ─────────────────────────────────────────────────────────────────
const TitledRefSchema = z.object({ id: z.number(), title: z.string() });

export const StudySessionSchema = z.object({
  id: z.number(),
  unit: NamedRefSchema,
  kind: SessionKindSchema,
  /** The topic studied; null for a cell meeting. */
  topic: TitledRefSchema.nullable(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  isOnline: z.boolean(),
  /** A cell meeting that had the campaign as one agenda item. */
  hasCampaignItem: z.boolean(),
  notes: z.string().nullable(),
  version: z.number(),
  /** How many were recorded present, absent with a reason, absent, and absent who made it up later. */
  attendance: z.object({ present: z.number(), absentExcused: z.number(), absent: z.number(), madeUp: z.number() }),
  /** The attached files: in a session's own answers, never in a list. */
  files: z.array(FileSummarySchema).optional(),
});
export type StudySession = z.infer<typeof StudySessionSchema>;
export const StudySessionsAnswerSchema = pagedAnswerSchema(StudySessionSchema);
export type StudySessionsAnswer = z.infer<typeof StudySessionsAnswerSchema>;

/** A person on a session's attendance: a member of its subtree on the day, or someone already recorded. */
export const RosterEntrySchema = z.object({
  personId: z.number(),
  fullName: z.string(),
  /** Shown only to a reader of the person's personal details. */
  cardNumber: z.string().nullable(),
  /** The unit of the person's primary membership on the day ('' for someone recorded who left since). */
  unitName: z.string(),
  position: z.string().nullable(),
  /** Still a member of the subtree on the session day. */
  isMember: z.boolean(),
  /** Null while nothing is recorded for the person. */
  status: AttendanceStatusSchema.nullable(),
  reason: z.string().nullable(),
  madeUpOn: z.string().nullable(),
});
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

export const AttendanceSchema = z.object({
  session: StudySessionSchema,
  canWrite: z.boolean(),
  rows: z.array(RosterEntrySchema),
});
export type Attendance = z.infer<typeof AttendanceSchema>;

/** A topic that reaches a unit in a year, issued by it or by a level above it. */
export const ApplicableTopicSchema = z.object({
  id: z.number(),
  title: z.string(),
  unitName: z.string(),
  fromYear: z.number(),
  toYear: z.number(),
});
export type ApplicableTopic = z.infer<typeof ApplicableTopicSchema>;
export const ApplicableTopicsSchema = z.array(ApplicableTopicSchema);
export type ApplicableTopics = z.infer<typeof ApplicableTopicsSchema>;

/** A member with whether they studied the year's topic, or the latest session they could make up. */
export const StudyStatusRowSchema = z.object({
  personId: z.number(),
  fullName: z.string(),
  unit: NamedRefSchema,
  position: z.string(),
  studiedOn: z.string().nullable(),
  sessionTitle: z.string().nullable(),
  makeUpSession: TitledRefSchema.nullable(),
});
export type StudyStatusRow = z.infer<typeof StudyStatusRowSchema>;
export const StudyStatusAnswerSchema = pagedAnswerSchema(StudyStatusRowSchema);
export type StudyStatusAnswer = z.infer<typeof StudyStatusAnswerSchema>;

/**
 * What a filled attendance file would give: the whole attendance (people left out of the file are
 * present), or the file's errors and no rows. Nothing is written.
 */
export const AttendancePreviewSchema = z.object({
  totalRows: z.number(),
  errors: z.array(ImportRowErrorSchema),
  rows: z.array(z.object({ personId: z.number(), fullName: z.string(), status: AttendanceStatusSchema, reason: z.string().nullable() })),
  /** The session's version the rows were checked against, to save them with. */
  version: z.number(),
});
export type AttendancePreview = z.infer<typeof AttendancePreviewSchema>;
