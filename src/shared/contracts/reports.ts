import { z } from 'zod';
import { IdSchema, IsoDateSchema, OptionalText, PagingSchema, TrimmedText } from './common';
import { AttachmentIdsSchema } from './files';

export const REPORT_KINDS = ['quarterly', 'half_year', 'yearly', 'interim_review', 'final_review', 'ad_hoc'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  quarterly: 'Báo cáo quý',
  half_year: 'Báo cáo sơ kết 6 tháng',
  yearly: 'Báo cáo tổng kết năm',
  interim_review: 'Báo cáo sơ kết nhiều năm (2 năm, 5 năm, giữa nhiệm kỳ)',
  final_review: 'Báo cáo tổng kết nhiều năm (nhiệm kỳ, giai đoạn)',
  ad_hoc: 'Báo cáo chuyên đề, đột xuất',
};

/** Who must answer: the open child units, or every grassroots unit (commune, grassroots committee or cell) of the subtree. */
/** Who must answer: the units directly below, every commune/ward committee, or every grassroots unit of the subtree. */
export const REPORT_AUDIENCES = ['children', 'communes', 'grassroots'] as const;
export type ReportAudience = (typeof REPORT_AUDIENCES)[number];

/** The stored status of an expected unit's report; "late" is derived (past the deadline, not submitted). */
export const ANSWER_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];
export const DISPLAY_STATUSES = [...ANSWER_STATUSES, 'late'] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];
export const ANSWER_STATUS_LABELS: Record<DisplayStatus, string> = {
  not_started: 'Chưa bắt đầu',
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  returned: 'Bị trả lại',
  accepted: 'Đã tiếp nhận',
  late: 'Quá hạn',
};

export const RECOMMENDATION_KINDS = ['difficulty', 'recommendation'] as const;
export const RECOMMENDATION_STATUSES = ['received', 'in_progress', 'answered', 'closed'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** The narrative sections of a report unless the request gives its own discussion points. */
export const DEFAULT_SECTIONS = [
  { key: 'situation', title: 'Tình hình chung' },
  { key: 'results', title: 'Kết quả thực hiện các nội dung' },
  { key: 'strengths', title: 'Ưu điểm' },
  { key: 'limitations', title: 'Hạn chế' },
  { key: 'causes', title: 'Nguyên nhân' },
  { key: 'lessons', title: 'Bài học kinh nghiệm' },
  { key: 'tasks', title: 'Nhiệm vụ, giải pháp thời gian tới' },
  { key: 'proposals', title: 'Khó khăn, vướng mắc và kiến nghị, đề xuất' },
] as const;

const KeySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9_.]{1,60}$/, 'Mã mục chỉ gồm chữ thường không dấu, số, dấu chấm và gạch dưới');

export const ReportContentSchema = z.object({
  metrics: z.array(KeySchema).max(40, 'Tối đa 40 số liệu.').default([]),
  manualItems: z
    .array(z.object({ key: KeySchema, label: TrimmedText(300), type: z.enum(['number', 'text']) }))
    .max(30, 'Tối đa 30 mục nhập tay.')
    .default([]),
  sections: z
    .array(z.object({ key: KeySchema, title: TrimmedText(300) }))
    .min(1, 'Báo cáo cần ít nhất một phần nội dung.')
    .max(20, 'Tối đa 20 phần nội dung.'),
});
export type ReportContentInput = z.infer<typeof ReportContentSchema>;

export const CreateReportRequestSchema = z.object({
  unitId: IdSchema,
  kind: z.enum(REPORT_KINDS, 'Hãy chọn loại báo cáo'),
  title: TrimmedText(300),
  periodFrom: IsoDateSchema,
  periodTo: IsoDateSchema,
  deadline: IsoDateSchema,
  audience: z.enum(REPORT_AUDIENCES, 'Hãy chọn các đơn vị phải báo cáo'),
  content: ReportContentSchema,
  guidance: OptionalText(4000),
});
export type CreateReportRequest = z.infer<typeof CreateReportRequestSchema>;

export const UpdateDeadlineSchema = z.object({ deadline: IsoDateSchema, version: z.number().int().positive() });

export const ReportRequestsQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  q: z.string().trim().max(200).optional(),
  kind: z.enum(REPORT_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ReportRequestsQuery = z.infer<typeof ReportRequestsQuerySchema>;

export const ReportInboxQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  status: z.enum(DISPLAY_STATUSES).optional(),
});
export type ReportInboxQuery = z.infer<typeof ReportInboxQuerySchema>;

export const RecommendationItemSchema = z.object({
  kind: z.enum(RECOMMENDATION_KINDS),
  body: TrimmedText(2000),
});

export const SaveAnswerSchema = z.object({
  narrative: z.record(KeySchema, z.string().max(20000, 'Mỗi phần tối đa 20.000 ký tự')).default({}),
  manualValues: z.record(KeySchema, z.string().trim().max(2000, 'Tối đa 2.000 ký tự')).default({}),
  figureNotes: z.record(KeySchema, z.string().trim().max(1000, 'Ghi chú tối đa 1.000 ký tự')).default({}),
  recommendations: z.array(RecommendationItemSchema).max(50, 'Tối đa 50 khó khăn, kiến nghị.').default([]),
  fileIds: AttachmentIdsSchema.default([]),
  version: z.number().int().positive(),
  /** Save and submit to the requesting level in one call (one transaction). */
  submit: z.boolean().optional(),
});
export type SaveAnswer = z.infer<typeof SaveAnswerSchema>;

export const VersionBodySchema = z.object({ version: z.number().int().positive() });
export const ReturnAnswerSchema = z.object({ version: z.number().int().positive(), reason: TrimmedText(2000) });

export const SaveTemplateSchema = z.object({
  unitId: IdSchema,
  name: TrimmedText(200),
  kind: z.enum(REPORT_KINDS),
  content: ReportContentSchema,
});
export const TemplatesQuerySchema = z.object({ unitId: IdSchema });

export const RecommendationsQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  /** addressed: items addressed to the unit's subtree; raised: items its subtree raised. */
  direction: z.enum(['addressed', 'raised']).default('addressed'),
  status: z.enum(RECOMMENDATION_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(200).optional(),
});
export type RecommendationsQuery = z.infer<typeof RecommendationsQuerySchema>;

export const RespondRecommendationSchema = z
  .object({
    status: z.enum(['in_progress', 'answered', 'closed']),
    answer: OptionalText(4000),
    dueOn: IsoDateSchema.nullish().transform((value) => value ?? null),
    version: z.number().int().positive(),
  })
  .refine((value) => value.status !== 'answered' || value.answer !== null, { message: 'Hãy nhập nội dung trả lời.', path: ['answer'] });
export type RespondRecommendation = z.infer<typeof RespondRecommendationSchema>;

export const DocumentQuerySchema = z.object({ format: z.enum(['docx', 'pdf']).default('docx') });
