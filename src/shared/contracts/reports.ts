import { z } from 'zod';
import { IdSchema, IsoDateSchema, NamedRefSchema, OptionalText, pagedAnswerSchema, PagingSchema, TrimmedText } from './common';
import { AttachmentIdsSchema, FileSummarySchema } from './files';
import { UnitRefSchema } from './units';

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
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];
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
  year: z.coerce.number<number>().int().min(2000).max(2100).optional(),
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
export type RecommendationItem = z.infer<typeof RecommendationItemSchema>;

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

// ---- Responses -------------------------------------------------------------------------------

/** Who must answer an issued request: an audience the requesting level chose, or the one inspected unit (a self-report). */
export const REQUEST_AUDIENCES = [...REPORT_AUDIENCES, 'inspected'] as const;
export type RequestAudience = (typeof REQUEST_AUDIENCES)[number];

/** count: a number of things; percent: a share between 0 and 1, recomputed from its parts when summed. */
const FigureUnitSchema = z.enum(['count', 'percent']);
const ManualTypeSchema = z.enum(['number', 'text']);

/** A figure of the catalogue a request may ask for, and how the system computes it. */
export const ReportCatalogueEntrySchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: FigureUnitSchema,
  definition: z.string(),
  computation: z.string(),
});
export type ReportCatalogueEntry = z.infer<typeof ReportCatalogueEntrySchema>;

export const ReportCatalogueSchema = z.object({
  metrics: z.array(ReportCatalogueEntrySchema),
  defaultSections: z.array(z.object({ key: z.string(), title: z.string() })),
  /** Whether the server can also write reports as PDF. */
  pdfAvailable: z.boolean(),
});
export type ReportCatalogue = z.infer<typeof ReportCatalogueSchema>;

/** What a request asks for, as stored (ReportContentSchema is what a request sends). */
export const ReportContentViewSchema = z.object({
  metrics: z.array(z.string()),
  manualItems: z.array(z.object({ key: z.string(), label: z.string(), type: ManualTypeSchema })),
  sections: z.array(z.object({ key: z.string(), title: z.string() })),
});
export type ReportContentView = z.infer<typeof ReportContentViewSchema>;

/** Of the expected reports: how many were submitted, how many on time, and the two rates (null when none is expected). */
export const ReportRatesSchema = z.object({
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  reportingRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
});
export type ReportRates = z.infer<typeof ReportRatesSchema>;

export const ReportRequestItemSchema = ReportRatesSchema.extend({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  kind: z.enum(REPORT_KINDS),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  deadline: z.string(),
  audience: z.enum(REQUEST_AUDIENCES),
  /** Reports accepted by the requesting level. */
  accepted: z.number(),
  version: z.number(),
});
export type ReportRequestItem = z.infer<typeof ReportRequestItemSchema>;

export const ReportRequestsAnswerSchema = pagedAnswerSchema(ReportRequestItemSchema);
export type ReportRequestsAnswer = z.infer<typeof ReportRequestsAnswerSchema>;

/** An expected unit's report as the requesting level follows it. */
export const RequestAnswerRowSchema = z.object({
  id: z.number(),
  unit: UnitRefSchema,
  status: z.enum(ANSWER_STATUSES),
  displayStatus: z.enum(DISPLAY_STATUSES),
  firstSubmittedOn: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** Whether the first submission met the deadline; null until submitted. */
  onTime: z.boolean().nullable(),
  numberSymbol: z.string().nullable(),
  returnReason: z.string().nullable(),
  version: z.number(),
});
export type RequestAnswerRow = z.infer<typeof RequestAnswerRowSchema>;

export const ReportRequestDetailSchema = z.object({
  id: z.number(),
  unit: UnitRefSchema,
  kind: z.enum(REPORT_KINDS),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  deadline: z.string(),
  audience: z.enum(REQUEST_AUDIENCES),
  content: ReportContentViewSchema,
  guidance: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  figures: ReportRatesSchema,
  /** The rates by child unit of the requesting level whose subtree holds expected units. */
  bySubtree: z.array(ReportRatesSchema.extend({ unit: NamedRefSchema })),
  answers: z.array(RequestAnswerRowSchema),
  canManage: z.boolean(),
});
export type ReportRequestDetail = z.infer<typeof ReportRequestDetailSchema>;

/** The in-app reminders sent to the late units. */
export const ReminderResultSchema = z.object({ lateUnits: z.number(), notifications: z.number() });
export type ReminderResult = z.infer<typeof ReminderResultSchema>;

const RecommendationTextSchema = z.object({ kind: z.enum(RECOMMENDATION_KINDS), body: z.string() });

export const ReportConsolidationSchema = z.object({
  request: z.object({
    id: z.number(),
    title: z.string(),
    kind: z.enum(REPORT_KINDS),
    periodFrom: z.string(),
    periodTo: z.string(),
    deadline: z.string(),
    unit: NamedRefSchema,
  }),
  expected: z.number(),
  /** Reports submitted at least once: their last submitted figures count. */
  answering: z.number(),
  missing: z.array(z.object({ id: z.number(), unitName: z.string(), status: z.enum(ANSWER_STATUSES) })),
  figures: z.array(ReportCatalogueEntrySchema.extend({ total: z.number().nullable() })),
  byUnit: z.array(
    z.object({
      answerId: z.number(),
      unitName: z.string(),
      status: z.enum(ANSWER_STATUSES),
      figures: z.record(z.string(), z.number().nullable()),
      manualValues: z.record(z.string(), z.string()),
    }),
  ),
  /** Typed items; a number item's total sums the answers (null for text or when none answered). */
  manualItems: z.array(z.object({ key: z.string(), label: z.string(), type: ManualTypeSchema, total: z.number().nullable() })),
  recommendations: z.array(
    RecommendationTextSchema.extend({
      id: z.number(),
      unitName: z.string(),
      status: z.enum(RECOMMENDATION_STATUSES),
      answer: z.string().nullable(),
    }),
  ),
  sections: z.array(
    z.object({ key: z.string(), title: z.string(), entries: z.array(z.object({ unitName: z.string(), text: z.string() })) }),
  ),
});
export type ReportConsolidation = z.infer<typeof ReportConsolidationSchema>;

export const ReportTemplateSchema = z.object({
  id: z.number(),
  unit: NamedRefSchema,
  name: z.string(),
  kind: z.enum(REPORT_KINDS),
  content: ReportContentViewSchema,
  /** Only the level that saved a template deletes it; the levels below reuse it. */
  canDelete: z.boolean(),
});
export type ReportTemplate = z.infer<typeof ReportTemplateSchema>;

export const ReportInboxItemSchema = z.object({
  id: z.number(),
  requestId: z.number(),
  unit: NamedRefSchema,
  requesterName: z.string(),
  kind: z.enum(REPORT_KINDS),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  deadline: z.string(),
  status: z.enum(ANSWER_STATUSES),
  displayStatus: z.enum(DISPLAY_STATUSES),
  firstSubmittedOn: z.string().nullable(),
  version: z.number(),
});
export type ReportInboxItem = z.infer<typeof ReportInboxItemSchema>;

export const ReportInboxAnswerSchema = pagedAnswerSchema(ReportInboxItemSchema);
export type ReportInboxAnswer = z.infer<typeof ReportInboxAnswerSchema>;

export const AnswerRecommendationSchema = RecommendationTextSchema.extend({
  id: z.number(),
  status: z.enum(RECOMMENDATION_STATUSES),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  version: z.number(),
});
export type AnswerRecommendation = z.infer<typeof AnswerRecommendationSchema>;

/** A transition of a report; `changes`: for a resubmission, the sections and items whose text changed. */
export const AnswerHistoryEventSchema = z.object({
  id: z.number(),
  fromStatus: z.enum(ANSWER_STATUSES),
  toStatus: z.enum(ANSWER_STATUSES),
  reason: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
  changes: z.array(z.string()).nullable(),
});
export type AnswerHistoryEvent = z.infer<typeof AnswerHistoryEventSchema>;

export const ReportAnswerDetailSchema = z.object({
  id: z.number(),
  request: z.object({
    id: z.number(),
    unit: NamedRefSchema,
    kind: z.enum(REPORT_KINDS),
    title: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    deadline: z.string(),
    content: ReportContentViewSchema,
    guidance: z.string().nullable(),
  }),
  unit: UnitRefSchema,
  status: z.enum(ANSWER_STATUSES),
  displayStatus: z.enum(DISPLAY_STATUSES),
  narrative: z.record(z.string(), z.string()),
  manualValues: z.record(z.string(), z.string()),
  figureNotes: z.record(z.string(), z.string()),
  /** Each requested figure computed live for the period, beside its value frozen at submission (null before). */
  figures: z.array(ReportCatalogueEntrySchema.extend({ live: z.number().nullable(), frozen: z.number().nullable() })),
  recommendations: z.array(AnswerRecommendationSchema),
  files: z.array(FileSummarySchema),
  numberSymbol: z.string().nullable(),
  firstSubmittedOn: z.string().nullable(),
  submittedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  version: z.number(),
  history: z.array(AnswerHistoryEventSchema),
  /** Who typed the report's own figures in: its last submitter, or its last editor before that. */
  enteredBy: z.string().nullable(),
  /** Reports the unit itself received from below for an overlapping period, to draw on. */
  lower: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      unitName: z.string(),
      status: z.enum(ANSWER_STATUSES),
      narrative: z.record(z.string(), z.string()),
      manualValues: z.record(z.string(), z.string()),
      recommendations: z.array(RecommendationTextSchema),
    }),
  ),
  canWrite: z.boolean(),
  canReview: z.boolean(),
});
export type ReportAnswerDetail = z.infer<typeof ReportAnswerDetailSchema>;

/** A difficulty or recommendation in the register, with where it came from and where it went. */
export const RegisterItemSchema = RecommendationTextSchema.extend({
  id: z.number(),
  status: z.enum(RECOMMENDATION_STATUSES),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  dueOn: z.string().nullable(),
  /** Still open (received or in progress) past its due day. */
  overdue: z.boolean(),
  /** The unit that raised it, and the level it is addressed to. */
  unit: NamedRefSchema,
  addressedTo: NamedRefSchema,
  requestTitle: z.string(),
  answerId: z.number(),
  version: z.number(),
});
export type RegisterItem = z.infer<typeof RegisterItemSchema>;

export const RegisterAnswerSchema = pagedAnswerSchema(RegisterItemSchema);
export type RegisterAnswer = z.infer<typeof RegisterAnswerSchema>;

/** A recommendation after the addressed level handled it. */
export const RespondedRecommendationSchema = z.object({
  id: z.number(),
  status: z.enum(RECOMMENDATION_STATUSES),
  answer: z.string().nullable(),
  dueOn: z.string().nullable(),
  version: z.number(),
  canRespond: z.boolean(),
});
export type RespondedRecommendation = z.infer<typeof RespondedRecommendationSchema>;
