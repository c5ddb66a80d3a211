import { z } from 'zod';
import { BooleanQuerySchema, IdSchema, PagingSchema, TrimmedText, pagedAnswerSchema } from './common';
import { PositionSchema } from './domain';
import { ActionAreaSchema, RegistrationKindSchema, RegistrationStatusSchema } from './registration-status';

/** Public feedback: new until answered; hidden (abuse, with a reason) is never shown publicly. */
export const FEEDBACK_STATUSES = ['new', 'answered', 'hidden'] as const;
export const FeedbackStatusSchema = z.enum(FEEDBACK_STATUSES, 'Trạng thái phản ánh không hợp lệ');
export type FeedbackStatus = z.infer<typeof FeedbackStatusSchema>;

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  new: 'Chưa trả lời',
  answered: 'Đã trả lời',
  hidden: 'Đã ẩn',
};

/** A feedback body shorter than this says nothing a unit can act on (and is the usual spam). */
export const FEEDBACK_MIN_LENGTH = 20;
export const FEEDBACK_MAX_LENGTH = 3000;

export const VersionSchema = z.number('Thiếu phiên bản của bản ghi').int().positive();

export const FeedbackQuerySchema = PagingSchema.extend({
  /** A unit of the caller's subtree: its feedback and that of every unit below it. */
  unitId: IdSchema.optional(),
  status: FeedbackStatusSchema.optional(),
  overdue: BooleanQuerySchema.optional(),
  q: z.string().trim().max(100).optional(),
});
export type FeedbackQuery = z.infer<typeof FeedbackQuerySchema>;
export type FeedbackQueryParams = z.input<typeof FeedbackQuerySchema>;
/** The inbox of one unit's subtree as the screen filters it, every page. */
export const FeedbackExportQuerySchema = FeedbackQuerySchema.omit({ page: true, pageSize: true }).extend({ unitId: IdSchema });
export type FeedbackExportQuery = z.infer<typeof FeedbackExportQuerySchema>;
export const FeedbackByUnitQuerySchema = z.object({ unitId: IdSchema });

export const HideFeedbackSchema = z.object({
  version: VersionSchema,
  reason: TrimmedText(500),
});
export type HideFeedback = z.infer<typeof HideFeedbackSchema>;

/** Answers a feedback item, or edits an answer already given: the answer is published on the unit's page. */
export const AnswerFeedbackSchema = z.object({
  version: VersionSchema,
  answer: TrimmedText(3000),
});
export type AnswerFeedback = z.infer<typeof AnswerFeedbackSchema>;

export const SummaryQuerySchema = z.object({ unitId: IdSchema.optional() });

export const UnitParamsSchema = z.object({ unitId: IdSchema });

export const PublicationQuerySchema = z.object({
  year: z.coerce.number<number>().int('Năm không hợp lệ').min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ'),
});

export const PublishAllSchema = z.object({
  year: z.number('Hãy chọn năm').int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ'),
});

export const UnpublishSchema = z.object({
  version: VersionSchema,
  reason: TrimmedText(1000),
});

export const PublishedQuerySchema = PagingSchema.extend({
  unitId: IdSchema.optional(),
  year: z.coerce.number<number>().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
});
export type PublishedQuery = z.infer<typeof PublishedQuerySchema>;

// ───────────────────────── Responses (shared with the web app) ─────────────────────────

/** A feedback item as the units that answer it see it: with the sender's name and contact, so they can reply. */
export const FeedbackItemSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  unitCode: z.string(),
  /** The published registration it is about, if the sender chose one. */
  registrationId: z.number().nullable(),
  registrantName: z.string().nullable(),
  /** Null when the sender left it empty, or once the retention period erased it. */
  senderName: z.string().nullable(),
  senderContact: z.string().nullable(),
  body: z.string(),
  status: FeedbackStatusSchema,
  hiddenReason: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  dueOn: z.string(),
  /** Still unanswered past its due day. */
  overdue: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});
export type FeedbackItem = z.infer<typeof FeedbackItemSchema>;
export const FeedbackPageSchema = pagedAnswerSchema(FeedbackItemSchema);

/** What a supervisor sees of an item: its state and what was said and answered, never who sent it. */
export const FeedbackStatusItemSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  registrantName: z.string().nullable(),
  /** Null for a hidden item: its reason is kept, its (abusive) text is not shown. */
  body: z.string().nullable(),
  status: FeedbackStatusSchema,
  hiddenReason: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  createdAt: z.string(),
});
export type FeedbackStatusItem = z.infer<typeof FeedbackStatusItemSchema>;
export const FeedbackStatusPageSchema = pagedAnswerSchema(FeedbackStatusItemSchema);

export const FeedbackCountsSchema = z.object({
  total: z.number(),
  new: z.number(),
  answered: z.number(),
  hidden: z.number(),
  overdue: z.number(),
});
export type FeedbackCounts = z.infer<typeof FeedbackCountsSchema>;

export const UnitFeedbackCountsSchema = FeedbackCountsSchema.extend({
  unitId: z.number(),
  unitName: z.string(),
  /** The unit's own feedback, not that of the units below it. */
  own: z.boolean(),
});
export type UnitFeedbackCounts = z.infer<typeof UnitFeedbackCountsSchema>;
export const FeedbackByUnitSchema = z.object({ items: z.array(UnitFeedbackCountsSchema) });
export type FeedbackByUnit = z.infer<typeof FeedbackByUnitSchema>;

export const PublicActionSchema = z.object({
  area: ActionAreaSchema,
  content: z.string(),
  measurableResult: z.string(),
  deadline: z.string().nullable(),
});
export type PublicAction = z.infer<typeof PublicActionSchema>;

/** The public fields of a registration: who (name, position, unit) and what they commit to; never the shortcomings. */
export const PublicRegistrationSchema = z.object({
  id: z.number(),
  kind: RegistrationKindSchema,
  year: z.number(),
  status: RegistrationStatusSchema,
  isLeader: z.boolean(),
  /** The member's name, or the unit's for a collective registration. */
  name: z.string(),
  /** The member's position in the unit; null for a collective registration or without a current membership. */
  position: PositionSchema.nullable(),
  unitId: z.number(),
  unitName: z.string(),
  publishedAt: z.string().nullable(),
  actions: z.array(PublicActionSchema),
});
export type PublicRegistration = z.infer<typeof PublicRegistrationSchema>;
export const PublishedPageSchema = pagedAnswerSchema(PublicRegistrationSchema);
export type PublishedPage = z.infer<typeof PublishedPageSchema>;

/** A unit's "Công khai" tab: its registrations of the year that are approved (waiting) or public. */
export const UnitPublicationSchema = z.object({
  unitId: z.number(),
  unitName: z.string(),
  unitCode: z.string(),
  year: z.number(),
  items: z.array(PublicRegistrationSchema.extend({ version: z.number() })),
});
export type UnitPublication = z.infer<typeof UnitPublicationSchema>;

export const PublishAllResultSchema = z.object({ published: z.number() });
export type PublishAllResult = z.infer<typeof PublishAllResultSchema>;

export const UnpublishResultSchema = z.object({ id: z.number(), status: RegistrationStatusSchema, version: z.number() });
export type UnpublishResult = z.infer<typeof UnpublishResultSchema>;

/** The public form as the browser posts it (urlencoded text fields, all optional at this level). */
export const PublicFeedbackFormSchema = z.object({
  ten: z.string().max(200).optional(),
  lien_he: z.string().max(200).optional(),
  noi_dung: z.string().max(10000).optional(),
  ban_dang_ky: z.string().max(20).optional(),
  dap_an: z.string().max(20).optional(),
  ma_kiem_tra: z.string().max(500).optional(),
  /** The honeypot: hidden from people, filled by bots. */
  website: z.string().max(500).optional(),
});
export type PublicFeedbackForm = z.infer<typeof PublicFeedbackFormSchema>;
