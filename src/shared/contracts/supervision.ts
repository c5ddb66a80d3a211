import { z } from 'zod';
import { BooleanQuerySchema, IdSchema, PagingSchema, TrimmedText } from './common';

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

export const PublicationQuerySchema = z.object({
  year: z.coerce.number().int('Năm không hợp lệ').min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ'),
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
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
});
export type PublishedQuery = z.infer<typeof PublishedQuerySchema>;

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
