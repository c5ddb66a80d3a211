import { z } from 'zod';
import { IdSchema, NamedRefSchema, OptionalText, PagingSchema, TrimmedText, pagedAnswerSchema } from './common';
import { subtreeFiguresAnswerSchema } from './figures';
import { AttachmentIdsSchema, FileSummarySchema } from './files';
import { ActionAreaSchema, CompletionLevelSchema, RegistrationKindSchema, RegistrationStatusSchema } from './registration-status';

const YearSchema = z.coerce.number<number>().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

/** A check-in on one action: how far it has got, what was done, and evidence. */
export const CheckInSchema = z.object({
  actionId: z.number().int().positive(),
  progressPercent: z.number().int('Tiến độ là số nguyên').min(0, 'Tiến độ từ 0 đến 100%').max(100, 'Tiến độ từ 0 đến 100%'),
  note: TrimmedText(2000),
  fileIds: AttachmentIdsSchema.default([]),
});
export type CheckInInput = z.infer<typeof CheckInSchema>;

/** The member's year-end self-assessment: each action, then the whole registration. */
export const SelfAssessmentSchema = z.object({
  version: z.number().int().positive(),
  selfLevel: CompletionLevelSchema,
  selfExplanation: TrimmedText(4000),
  actions: z
    .array(z.object({ actionId: z.number().int().positive(), level: CompletionLevelSchema, note: OptionalText(2000) }))
    .min(1, 'Hãy tự đánh giá từng việc đã đăng ký.')
    .max(50),
});
export type SelfAssessmentInput = z.infer<typeof SelfAssessmentSchema>;

/** The cell's review of a self-assessed registration. */
export const ReviewSchema = z.object({
  version: z.number().int().positive(),
  reviewLevel: CompletionLevelSchema,
  reviewComment: TrimmedText(4000),
});
export type ReviewInput = z.infer<typeof ReviewSchema>;

export const CloseSchema = z.object({ version: z.number().int().positive() });

export const STALE_MONTHS = [2, 3, 6] as const;

/** Registrations of a unit's subtree being followed up; `staleMonths`: no check-in for that long. */
export const FollowupListQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  year: YearSchema,
  status: RegistrationStatusSchema.optional(),
  kind: RegistrationKindSchema.optional(),
  staleMonths: z.coerce
    .number<number>()
    .int()
    .refine((value) => (STALE_MONTHS as readonly number[]).includes(value), 'Chỉ lọc theo 2, 3 hoặc 6 tháng')
    .optional(),
  q: z.string().trim().max(200).optional(),
});
export type FollowupListQuery = z.infer<typeof FollowupListQuerySchema>;
export type FollowupListQueryParams = z.input<typeof FollowupListQuerySchema>;

export const MineQuerySchema = z.object({ year: YearSchema });

export const UnitYearQuerySchema = z.object({ unitId: IdSchema, year: YearSchema });

export const RegisterBookQuerySchema = UnitYearQuerySchema.extend({ format: z.enum(['xlsx', 'docx']).default('xlsx') });

export const RemindersRunSchema = z.object({ unitId: z.number().int().positive() });

export const NotificationsQuerySchema = PagingSchema.extend({ unreadOnly: z.enum(['true', 'false']).optional() });

// ───────────────────────── Responses (shared with the web app) ─────────────────────────

export const CheckInViewSchema = z.object({
  id: z.number(),
  checkedOn: z.string(),
  progressPercent: z.number(),
  note: z.string(),
  createdAt: z.string(),
  files: z.array(FileSummarySchema),
});
export type CheckInView = z.infer<typeof CheckInViewSchema>;

/** An action as the year's follow-up shows it: its progress, its year-end self-assessment, its check-ins (newest first). */
export const FollowupActionSchema = z.object({
  id: z.number(),
  position: z.number(),
  area: ActionAreaSchema,
  content: z.string(),
  measurableResult: z.string(),
  deadline: z.string().nullable(),
  progressPercent: z.number(),
  selfLevel: CompletionLevelSchema.nullable(),
  selfNote: z.string().nullable(),
  checkIns: z.array(CheckInViewSchema),
});
export type FollowupAction = z.infer<typeof FollowupActionSchema>;

/** What a registration's follow-up list row and its detail share. */
const FollowupBaseSchema = z.object({
  id: z.number(),
  kind: RegistrationKindSchema,
  year: z.number(),
  status: RegistrationStatusSchema,
  version: z.number(),
  isLeader: z.boolean(),
  unit: NamedRefSchema,
  /** Null for a collective registration. */
  person: NamedRefSchema.nullable(),
});

/** A registration being followed up, with what the caller may do on it now. */
export const FollowupRegistrationSchema = z.object({
  ...FollowupBaseSchema.shape,
  shortcomings: z.string(),
  publishedAt: z.string().nullable(),
  lastCheckInAt: z.string().nullable(),
  selfLevel: CompletionLevelSchema.nullable(),
  selfExplanation: z.string().nullable(),
  reviewLevel: CompletionLevelSchema.nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewerName: z.string().nullable(),
  canCheckIn: z.boolean(),
  canSelfAssess: z.boolean(),
  canReview: z.boolean(),
  canClose: z.boolean(),
  actions: z.array(FollowupActionSchema),
});
export type FollowupRegistration = z.infer<typeof FollowupRegistrationSchema>;

/** The member's own registrations of a year; `linked`: whether the account is linked to a person at all. */
export const FollowupMineSchema = z.object({ linked: z.boolean(), registrations: z.array(FollowupRegistrationSchema) });
export type FollowupMine = z.infer<typeof FollowupMineSchema>;

export const FollowupRowSchema = z.object({
  ...FollowupBaseSchema.shape,
  publishedAt: z.string().nullable(),
  lastCheckInAt: z.string().nullable(),
  selfLevel: CompletionLevelSchema.nullable(),
  reviewLevel: CompletionLevelSchema.nullable(),
  /** How many actions it has. */
  actions: z.number(),
  /** The actions' average progress in percent, rounded; null without actions. */
  averageProgress: z.number().nullable(),
});
export type FollowupRow = z.infer<typeof FollowupRowSchema>;
export const FollowupPageSchema = pagedAnswerSchema(FollowupRowSchema);
export type FollowupPage = z.infer<typeof FollowupPageSchema>;

/** The registration figures of a subtree for a year, all from the live counters; a rate is a share between 0 and 1. */
export const RegistrationFiguresSchema = z.object({
  members: z.number(),
  registered: z.number(),
  /** Null when the subtree has no members. */
  registrationRate: z.number().nullable(),
  leadersRegistered: z.number(),
  collectiveRegistered: z.number(),
  /** The actions ("việc") of the registrations: what the campaign's reviews count. */
  individualActions: z.number(),
  collectiveActions: z.number(),
  approvedActions: z.number(),
  actionsDone: z.number(),
  approved: z.number(),
  published: z.number(),
  returned: z.number(),
  checkIns: z.number(),
  selfAssessed: z.number(),
  reviewed: z.number(),
  completedWell: z.number(),
  completed: z.number(),
  notCompleted: z.number(),
});
export type RegistrationFigures = z.infer<typeof RegistrationFiguresSchema>;
export type RegistrationFigureKey = keyof RegistrationFigures;

/** The figures of a unit's subtree and of each of its open child units, with each figure's definition. */
export const RegistrationFiguresAnswerSchema = subtreeFiguresAnswerSchema(RegistrationFiguresSchema);
export type RegistrationFiguresAnswer = z.infer<typeof RegistrationFiguresAnswerSchema>;
