import { z } from 'zod';
import { IdSchema, IsoDateSchema, OptionalText, pagedAnswerSchema, PagingSchema, TrimmedText } from './common';
import { UnitKindSchema } from './domain';
import { FileSummarySchema } from './files';
import { UnitRefSchema } from './units';
import { DISPLAY_STATUSES } from './reports';

/**
 * Inspection and supervision of the campaign (capability 10): a level plans which units below it
 * are inspected or supervised, on what, when and by whom; the team records findings and concludes;
 * each shortcoming becomes a remedy the inspected unit owes and reports on.
 */
export const INSPECTION_KINDS = ['inspection', 'supervision'] as const;
export const InspectionKindSchema = z.enum(INSPECTION_KINDS, 'Hãy chọn kiểm tra hoặc giám sát');
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = { inspection: 'Kiểm tra', supervision: 'Giám sát' };

/** What an inspection looks at: the campaign's parts as the guidance lists them. */
export const INSPECTION_CONTENTS = ['standards', 'registrations', 'study', 'breakthroughs', 'leaders', 'reports', 'feedback'] as const;
export const InspectionContentSchema = z.enum(INSPECTION_CONTENTS, 'Nội dung kiểm tra không hợp lệ');
export type InspectionContent = (typeof INSPECTION_CONTENTS)[number];
export const INSPECTION_CONTENT_LABELS: Record<InspectionContent, string> = {
  standards: 'Xây dựng, thực hiện chuẩn mực đạo đức',
  registrations: 'Đăng ký và thực hiện nội dung làm theo',
  study: 'Học tập chuyên đề, sinh hoạt chi bộ',
  breakthroughs: 'Nội dung đột phá',
  leaders: 'Trách nhiệm nêu gương của cán bộ, đảng viên, người đứng đầu',
  reports: 'Chế độ thông tin, báo cáo',
  feedback: 'Tiếp nhận, giải quyết phản ánh của nhân dân',
};

/** kế hoạch → đang tiến hành → đã kết luận; a planned one may be cancelled (with a reason). */
export const INSPECTION_STATUSES = ['planned', 'in_progress', 'concluded', 'cancelled'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = {
  planned: 'Trong kế hoạch',
  in_progress: 'Đang tiến hành',
  concluded: 'Đã kết luận',
  cancelled: 'Đã hủy',
};
export const INSPECTION_STEPS = ['update', 'start', 'conclude', 'cancel'] as const;
export type InspectionStep = (typeof INSPECTION_STEPS)[number];

/** How serious the conclusion finds the unit's shortcomings. */
export const SERIOUSNESS = ['good', 'minor', 'major', 'serious'] as const;
export const SeriousnessSchema = z.enum(SERIOUSNESS, 'Hãy chọn mức độ kết luận');
export type Seriousness = (typeof SERIOUSNESS)[number];
export const SERIOUSNESS_LABELS: Record<Seriousness, string> = {
  good: 'Thực hiện tốt',
  minor: 'Có thiếu sót nhỏ, cần rút kinh nghiệm',
  major: 'Có khuyết điểm, phải khắc phục',
  serious: 'Vi phạm nghiêm trọng, phải xem xét trách nhiệm',
};

export const FINDING_KINDS = ['good', 'shortcoming'] as const;
export const FindingKindSchema = z.enum(FINDING_KINDS, 'Hãy chọn ưu điểm hoặc hạn chế');
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_KIND_LABELS: Record<FindingKind, string> = { good: 'Ưu điểm', shortcoming: 'Hạn chế, khuyết điểm' };

/** chưa khắc phục → đã báo cáo khắc phục → đã khắc phục (the team accepts), or returned to the unit. */
export const REMEDY_STATUSES = ['open', 'reported', 'returned', 'closed'] as const;
export type RemedyStatus = (typeof REMEDY_STATUSES)[number];
export const REMEDY_STATUS_LABELS: Record<RemedyStatus, string> = {
  open: 'Chưa khắc phục',
  reported: 'Đã báo cáo khắc phục',
  returned: 'Bị trả lại, khắc phục tiếp',
  closed: 'Đã khắc phục xong',
};
export const REMEDY_STEPS = ['report', 'accept', 'return'] as const;
export type RemedyStep = (typeof REMEDY_STEPS)[number];

export const TeamMemberSchema = z.object({
  name: TrimmedText(120),
  /** Trưởng đoàn, thành viên, thư ký… */
  role: TrimmedText(80),
  userId: IdSchema.nullish().transform((value) => value ?? null),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

const InspectionFieldsSchema = z.object({
  kind: InspectionKindSchema,
  title: TrimmedText(300),
  contents: z.array(InspectionContentSchema).min(1, 'Hãy chọn ít nhất một nội dung').max(INSPECTION_CONTENTS.length),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  team: z.array(TeamMemberSchema).min(1, 'Đoàn cần ít nhất một người').max(20),
  note: OptionalText(2000),
});

export const CreateInspectionSchema = InspectionFieldsSchema.extend({
  /** The level that inspects (its plan); the inspected unit is below it. */
  ownerUnitId: IdSchema,
  unitId: IdSchema,
  year: z.number().int().min(2000).max(2100),
  /** A lagging unit put into the plan from the lagging list: the handling is recorded with it. */
  fromLaggingYear: z.number().int().min(2000).max(2100).nullish(),
});
export type CreateInspection = z.infer<typeof CreateInspectionSchema>;

export const UpdateInspectionSchema = InspectionFieldsSchema.extend({ version: z.number().int().positive() });
export type UpdateInspection = z.infer<typeof UpdateInspectionSchema>;

export const StartInspectionSchema = z.object({
  version: z.number().int().positive(),
  /** Ask the unit for its self-report beforehand: a periodic report request to that unit only. */
  selfReportDeadline: IsoDateSchema.nullish(),
});

export const ConcludeInspectionSchema = z.object({
  version: z.number().int().positive(),
  conclusion: TrimmedText(8000),
  seriousness: SeriousnessSchema,
  /** The notice's number, e.g. "12-TB/UBKTĐU"; optional. */
  number: OptionalText(40),
});
export type ConcludeInspection = z.infer<typeof ConcludeInspectionSchema>;

export const CancelInspectionSchema = z.object({ version: z.number().int().positive(), reason: TrimmedText(1000) });

export const FindingInputSchema = z
  .object({
    content: InspectionContentSchema,
    kind: FindingKindSchema,
    text: TrimmedText(4000),
    /** A shortcoming's remedy: what the unit must fix, and by when. */
    remedy: OptionalText(2000),
    dueOn: IsoDateSchema.nullish(),
    fileIds: z.array(IdSchema).max(20).default([]),
  })
  .superRefine((value, context) => {
    if (value.kind === 'shortcoming' && (!value.remedy || !value.dueOn)) {
      context.addIssue({ code: 'custom', path: ['remedy'], message: 'Hạn chế cần ghi việc phải khắc phục và hạn khắc phục' });
    }
  });
export type FindingInput = z.infer<typeof FindingInputSchema>;
export const FindingParamsSchema = z.object({ id: IdSchema, findingId: IdSchema });
export const SaveFindingSchema = z.object({ version: z.number().int().positive(), finding: FindingInputSchema });

export const RemedyReportSchema = z.object({
  version: z.number().int().positive(),
  report: TrimmedText(4000),
  fileIds: z.array(IdSchema).max(20).default([]),
});
export const RemedyReasonSchema = z.object({ version: z.number().int().positive(), reason: TrimmedText(1000) });
export const RemedyAcceptSchema = z.object({ version: z.number().int().positive(), note: OptionalText(1000) });
export type RemedyReportBody = z.input<typeof RemedyReportSchema>;
export type RemedyReasonBody = z.input<typeof RemedyReasonSchema>;
export type RemedyAcceptBody = z.input<typeof RemedyAcceptSchema>;

export const InspectionListQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  year: z.coerce.number<number>().int().min(2000).max(2100),
  /** 'owned': the plan of this level; 'inspected': inspections of this unit and the units below it. */
  view: z.enum(['owned', 'inspected']).default('owned'),
  status: z.enum(INSPECTION_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
});
export type InspectionListQuery = z.infer<typeof InspectionListQuerySchema>;

export const RemedyListQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  year: z.coerce.number<number>().int().min(2000).max(2100),
  state: z.enum(['all', 'pending', 'overdue', 'reported', 'closed']).default('all'),
});
export type RemedyListQuery = z.infer<typeof RemedyListQuerySchema>;

export const InspectionFiguresQuerySchema = z.object({ unitId: IdSchema, year: z.coerce.number<number>().int().min(2000).max(2100) });

// ---- Lagging units ---------------------------------------------------------------------------

/** Why a unit is counted as not carrying the campaign out seriously; each reason reads live figures. */
export const LAGGING_REASONS = [
  'registration_rate',
  'standards',
  'signs',
  'study_rate',
  'reports',
  'feedback_overdue',
  'duplicates',
  'remedies_overdue',
] as const;
export type LaggingReasonCode = (typeof LAGGING_REASONS)[number];

export const LaggingThresholdsSchema = z.object({
  /** Approved individual registrations ÷ people: below this share the unit lags. */
  minRegistrationRate: z.number().min(0).max(1),
  /** The units below that must keep standards: below this share adopted (or signs posted) it lags. */
  minStandardsRate: z.number().min(0).max(1),
  minSignsRate: z.number().min(0).max(1),
  minStudyRate: z.number().min(0).max(1),
  /** Reports submitted ÷ reports due so far. */
  minReportingRate: z.number().min(0).max(1),
  /** Feedback past its answer date and still unanswered: more than this many. */
  maxOverdueFeedback: z.number().int().min(0).max(10000),
  /** Registrations with a near-identical twin ÷ registrations: above this share. */
  maxDuplicateShare: z.number().min(0).max(1),
  /** Inspection remedies past their deadline and not reported: more than this many. */
  maxOverdueRemedies: z.number().int().min(0).max(10000),
});
export type LaggingThresholds = z.infer<typeof LaggingThresholdsSchema>;

export const SaveThresholdsSchema = z.object({ unitId: IdSchema, thresholds: LaggingThresholdsSchema });
export const LaggingThresholdsQuerySchema = z.object({ unitId: IdSchema });

export const LaggingQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  year: z.coerce.number<number>().int().min(2000).max(2100),
  /** Evaluate the open units of this kind in the subtree; without it, the open child units. */
  kind: UnitKindSchema.optional(),
  reason: z.enum(LAGGING_REASONS).optional(),
  /** Also list units that recovered after an action was recorded for them this year. */
  includeRecovered: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
export type LaggingQuery = z.infer<typeof LaggingQuerySchema>;

export const LAGGING_ACTIONS = ['reminder', 'working_session', 'inspection', 'grading_criticism'] as const;
export const LaggingActionSchema = z.enum(LAGGING_ACTIONS, 'Hãy chọn cách xử lý');
export type LaggingAction = (typeof LAGGING_ACTIONS)[number];
export const LAGGING_ACTION_LABELS: Record<LaggingAction, string> = {
  reminder: 'Nhắc nhở',
  working_session: 'Làm việc trực tiếp',
  inspection: 'Đưa vào kế hoạch kiểm tra',
  grading_criticism: 'Phê bình khi đánh giá, xếp loại cuối năm',
};

export const RecordLaggingActionSchema = z.object({
  /** The lagging unit, and the level that handles it (above the unit). */
  unitId: IdSchema,
  byUnitId: IdSchema,
  year: z.number().int().min(2000).max(2100),
  action: LaggingActionSchema,
  note: TrimmedText(2000),
  reasons: z.array(z.enum(LAGGING_REASONS)).max(LAGGING_REASONS.length).default([]),
});
export type RecordLaggingAction = z.infer<typeof RecordLaggingActionSchema>;
export const LaggingHistoryQuerySchema = z.object({
  unitId: IdSchema,
  year: z.coerce.number<number>().int().min(2000).max(2100).optional(),
});

// ---- Responses -------------------------------------------------------------------------------

export const InspectionListItemSchema = z.object({
  id: z.number(),
  year: z.number(),
  kind: z.enum(INSPECTION_KINDS),
  title: z.string(),
  /** The inspecting level, whose plan holds the inspection. */
  owner: UnitRefSchema,
  unit: UnitRefSchema,
  contents: z.array(z.enum(INSPECTION_CONTENTS)),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(INSPECTION_STATUSES),
  seriousness: z.enum(SERIOUSNESS).nullable(),
  /** How many findings were recorded. */
  findings: z.number(),
  remedies: z.object({ total: z.number(), closed: z.number(), overdue: z.number() }),
  version: z.number(),
});
export type InspectionListItem = z.infer<typeof InspectionListItemSchema>;

export const InspectionListAnswerSchema = pagedAnswerSchema(InspectionListItemSchema).extend({
  /** Whether the caller may put inspections into this level's plan. */
  canPlan: z.boolean(),
});
export type InspectionListAnswer = z.infer<typeof InspectionListAnswerSchema>;

export const FindingItemSchema = z.object({
  id: z.number(),
  content: z.enum(INSPECTION_CONTENTS),
  kind: z.enum(FINDING_KINDS),
  text: z.string(),
  remedy: z.string().nullable(),
  dueOn: z.string().nullable(),
  files: z.array(FileSummarySchema),
});
export type FindingItem = z.infer<typeof FindingItemSchema>;

export const RemedyItemSchema = z.object({
  id: z.number(),
  inspectionId: z.number(),
  inspectionTitle: z.string(),
  findingId: z.number(),
  /** The text of the shortcoming found. */
  finding: z.string(),
  unit: UnitRefSchema,
  owner: UnitRefSchema,
  year: z.number(),
  what: z.string(),
  dueOn: z.string(),
  status: z.enum(REMEDY_STATUSES),
  overdue: z.boolean(),
  report: z.string().nullable(),
  reportedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  files: z.array(FileSummarySchema),
  version: z.number(),
  /** What the caller may do now: report (the inspected unit), accept or return (the team's level). */
  can: z.object({ report: z.boolean(), review: z.boolean() }),
});
export type RemedyItem = z.infer<typeof RemedyItemSchema>;

export const RemedyListAnswerSchema = pagedAnswerSchema(RemedyItemSchema);
export type RemedyListAnswer = z.infer<typeof RemedyListAnswerSchema>;

/** A step of an inspection or of one of its remedies (`remedyId`). */
export const InspectionEventItemSchema = z.object({
  action: z.string(),
  fromStatus: z.string(),
  toStatus: z.string(),
  reason: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
  remedyId: z.number().nullable(),
});
export type InspectionEventItem = z.infer<typeof InspectionEventItemSchema>;

/** A member of the team as stored (TeamMemberSchema is what a request sends). */
export const TeamMemberViewSchema = z.object({ name: z.string(), role: z.string(), userId: z.number().nullable() });

export const InspectionDetailSchema = InspectionListItemSchema.extend({
  team: z.array(TeamMemberViewSchema),
  note: z.string().nullable(),
  conclusion: z.string().nullable(),
  number: z.string().nullable(),
  concludedAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** The unit's self-report asked for at the start: the request, its deadline and the answer's status as shown. */
  selfReport: z.object({ requestId: z.number(), deadline: z.string(), status: z.enum(DISPLAY_STATUSES) }).nullable(),
  findingItems: z.array(FindingItemSchema),
  remedyItems: z.array(RemedyItemSchema),
  history: z.array(InspectionEventItemSchema),
  /** What the caller may do now. */
  can: z.object({ edit: z.boolean(), start: z.boolean(), record: z.boolean(), conclude: z.boolean(), cancel: z.boolean() }),
});
export type InspectionDetail = z.infer<typeof InspectionDetailSchema>;

export const InspectionFiguresSchema = z.object({
  planned: z.number(),
  done: z.number(),
  findings: z.number(),
  shortcomings: z.number(),
  remedies: z.number(),
  remediesClosed: z.number(),
  remediesClosedOnTime: z.number(),
  remediesOverdue: z.number(),
  laggingUnits: z.number(),
});
export type InspectionFigures = z.infer<typeof InspectionFiguresSchema>;

export const InspectionFiguresAnswerSchema = z.object({
  unit: UnitRefSchema,
  year: z.number(),
  figures: InspectionFiguresSchema,
  definitions: z.record(InspectionFiguresSchema.keyof(), z.string()),
  children: z.array(z.object({ unit: UnitRefSchema, figures: InspectionFiguresSchema })),
});
export type InspectionFiguresAnswer = z.infer<typeof InspectionFiguresAnswerSchema>;

export const LaggingReasonSchema = z.object({
  code: z.enum(LAGGING_REASONS),
  /** The measured value (a share 0..1 or a count) and the threshold it crossed. */
  value: z.number(),
  threshold: z.number(),
  /** In words, e.g. "Tỷ lệ đăng ký đã thẩm định 42,5% (dưới 80%)". */
  text: z.string(),
  /** Where the records behind the reason are listed in the app. */
  link: z.string(),
});
export type LaggingReason = z.infer<typeof LaggingReasonSchema>;

export const LaggingUnitSchema = z.object({
  unit: UnitRefSchema.extend({ kind: UnitKindSchema }),
  parent: UnitRefSchema.nullable(),
  reasons: z.array(LaggingReasonSchema),
  /** The latest thing done about the unit this year. */
  lastAction: z.object({ action: z.enum(LAGGING_ACTIONS), note: z.string(), at: z.string(), actorName: z.string() }).nullable(),
});
export type LaggingUnit = z.infer<typeof LaggingUnitSchema>;

export const LaggingAnswerSchema = z.object({
  unit: UnitRefSchema,
  year: z.number(),
  asOf: z.string(),
  thresholds: LaggingThresholdsSchema,
  /** The level whose thresholds apply (null: the defaults). */
  thresholdsFrom: UnitRefSchema.nullable(),
  /** What each reason measures, in Vietnamese, for the page and the export. */
  definitions: z.record(z.enum(LAGGING_REASONS), z.string()),
  /** How many units were evaluated; `total` of them are listed by the filter. */
  evaluated: z.number(),
  total: z.number(),
  items: z.array(LaggingUnitSchema),
});
export type LaggingAnswer = z.infer<typeof LaggingAnswerSchema>;

export const LaggingThresholdsAnswerSchema = z.object({
  unit: UnitRefSchema,
  thresholds: LaggingThresholdsSchema,
  /** The level whose row applies: the unit itself, a level above it, or null (the defaults). */
  thresholdsFrom: UnitRefSchema.nullable(),
  defaults: LaggingThresholdsSchema,
});
export type LaggingThresholdsAnswer = z.infer<typeof LaggingThresholdsAnswerSchema>;

export const LaggingActionItemSchema = z.object({
  id: z.number(),
  unit: UnitRefSchema,
  /** The level that handled the unit. */
  byUnit: UnitRefSchema,
  year: z.number(),
  action: z.enum(LAGGING_ACTIONS),
  note: z.string(),
  reasons: z.array(z.enum(LAGGING_REASONS)),
  inspectionId: z.number().nullable(),
  actorName: z.string(),
  createdAt: z.string(),
});
export type LaggingActionItem = z.infer<typeof LaggingActionItemSchema>;

export const LaggingActionsAnswerSchema = z.object({ items: z.array(LaggingActionItemSchema) });
export type LaggingActionsAnswer = z.infer<typeof LaggingActionsAnswerSchema>;
