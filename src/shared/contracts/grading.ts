import { z } from 'zod';
import { IdSchema, NamedRefSchema, OptionalText, pagedAnswerSchema, PagingSchema, TrimmedText } from './common';
import { subtreeFiguresAnswerSchema } from './figures';
import { CompletionLevelSchema } from './registration-status';
import { UnitKindSchema } from './domain';

/**
 * Year-end quality grading of members and collectives (Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW):
 * four grades, best first.
 */
export const GRADES = ['excellent', 'good', 'done', 'not_done'] as const;
export const GradeSchema = z.enum(GRADES, 'Hãy chọn một mức xếp loại');
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  done: 'Hoàn thành nhiệm vụ',
  not_done: 'Không hoàn thành nhiệm vụ',
};
export const GRADE_SHORT_LABELS: Record<Grade, string> = { excellent: 'HTXSNV', good: 'HTTNV', done: 'HTNV', not_done: 'KHTNV' };

/** A member is graded by the cell, a collective (cell, grassroots organisation) by the level above. */
export const GRADING_SUBJECTS = ['member', 'collective'] as const;
export const GradingSubjectSchema = z.enum(GRADING_SUBJECTS);
export type GradingSubject = (typeof GRADING_SUBJECTS)[number];

/**
 * nháp → đã tự kiểm điểm → đã đánh giá (đề xuất mức) → đã quyết định; trả lại ↺ sends it back to the
 * one who self-reviews; a decision reopened goes back to "đã đánh giá".
 */
export const GRADING_STATUSES = ['draft', 'self_reviewed', 'graded', 'returned', 'decided'] as const;
export type GradingStatus = (typeof GRADING_STATUSES)[number];
export const GRADING_STATUS_LABELS: Record<GradingStatus, string> = {
  draft: 'Đang tự kiểm điểm',
  self_reviewed: 'Đã tự kiểm điểm',
  graded: 'Đã đánh giá, chờ quyết định',
  returned: 'Bị trả lại',
  decided: 'Đã quyết định xếp loại',
};

export const GRADING_STEPS = ['saveSelf', 'submitSelf', 'grade', 'return', 'decide', 'reopen'] as const;
export type GradingStep = (typeof GRADING_STEPS)[number];

// ---- The rules, kept as versioned data --------------------------------------------------------

const CodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch dưới');

export const GradingCriterionSchema = z.object({
  code: CodeSchema,
  label: TrimmedText(300),
  /** General criteria (political thought, ethics, discipline, example-setting…) or task results. */
  group: z.enum(['general', 'tasks']),
  max: z.number().int().min(1).max(100),
});

export const GradingConditionSchema = z.object({ code: CodeSchema, label: TrimmedText(300) });

/** One grade's band: the lowest total it takes and the conditions it needs besides (all ticked). */
export const GradingBandSchema = z.object({ grade: GradeSchema, min: z.number().min(0).max(100), requires: z.array(CodeSchema).max(10) });

/** What one kind of subject is scored on and what disqualifies it. */
export const GradingSheetSchema = z.object({
  criteria: z.array(GradingCriterionSchema).min(1).max(30),
  /** Any of these ticked grades the subject "Không hoàn thành nhiệm vụ", whatever the points. */
  disqualifying: z.array(GradingConditionSchema).max(20),
});

export const GradingRuleConfigSchema = z
  .object({
    member: GradingSheetSchema,
    collective: GradingSheetSchema,
    /** Conditions a band may require (every task done on time, a share exceeded…). */
    qualifiers: z.array(GradingConditionSchema).max(20),
    /** Best grade first; the last band's minimum is 0. */
    bands: z.array(GradingBandSchema).length(4),
    /** The criterion the campaign's year-end result feeds, and the points suggested for each review level. */
    campaign: z.object({
      criterion: CodeSchema,
      points: z.object({ completed_well: z.number().min(0), completed: z.number().min(0), not_completed: z.number().min(0) }),
    }),
    /** The most "xuất sắc" a unit may grade, as a share of its "tốt" (null: no cap), and where the figure comes from. */
    excellentMaxShareOfGood: z.number().min(0).max(1).nullable(),
    notes: z.string().max(4000).default(''),
  })
  .superRefine((config, context) => {
    const grades = config.bands.map((band) => band.grade);
    if (GRADES.some((grade, index) => grades[index] !== grade)) {
      context.addIssue({
        code: 'custom',
        path: ['bands'],
        message: 'Các mức phải theo thứ tự từ xuất sắc đến không hoàn thành, mỗi mức một lần.',
      });
    }
    const mins = config.bands.map((band) => band.min);
    if (mins.some((min, index) => index > 0 && min >= mins[index - 1]!) || mins[mins.length - 1] !== 0) {
      context.addIssue({ code: 'custom', path: ['bands'], message: 'Điểm sàn của các mức phải giảm dần và mức cuối bắt đầu từ 0.' });
    }
    const qualifiers = new Set(config.qualifiers.map((item) => item.code));
    for (const band of config.bands) {
      for (const code of band.requires) {
        if (!qualifiers.has(code))
          context.addIssue({ code: 'custom', path: ['bands'], message: `Điều kiện "${code}" chưa có trong danh sách điều kiện.` });
      }
    }
    for (const subject of GRADING_SUBJECTS) {
      const sheet = config[subject];
      const total = sheet.criteria.reduce((sum, criterion) => sum + criterion.max, 0);
      if (total !== 100) context.addIssue({ code: 'custom', path: [subject], message: `Tổng điểm tối đa phải là 100 (đang là ${total}).` });
      if (new Set(sheet.criteria.map((criterion) => criterion.code)).size !== sheet.criteria.length) {
        context.addIssue({ code: 'custom', path: [subject], message: 'Mã tiêu chí bị trùng.' });
      }
    }
    if (!config.member.criteria.some((criterion) => criterion.code === config.campaign.criterion)) {
      context.addIssue({
        code: 'custom',
        path: ['campaign'],
        message: 'Tiêu chí nhận kết quả học tập và làm theo phải là một tiêu chí chấm điểm đảng viên.',
      });
    }
  });
export type GradingRuleConfig = z.infer<typeof GradingRuleConfigSchema>;

export const CreateGradingRuleSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$/, 'Mã quy định chỉ gồm chữ, số, dấu chấm, gạch ngang'),
  name: TrimmedText(300),
  validFromYear: z.number().int().min(2000).max(2100),
  config: GradingRuleConfigSchema,
});
export type CreateGradingRuleInput = z.infer<typeof CreateGradingRuleSchema>;

// ---- Requests ---------------------------------------------------------------------------------

const YearSchema = z.coerce.number<number>().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');
const ScoresSchema = z.record(z.string(), z.number().min(0, 'Điểm không được âm').max(100, 'Điểm tối đa 100'));
const ConditionsSchema = z.array(z.string().max(40)).max(30).default([]);

export const GradingYearQuerySchema = z.object({ year: YearSchema });

export const CreateGradingSchema = z.object({
  subject: GradingSubjectSchema,
  year: z.number().int().min(2000).max(2100),
  personId: IdSchema.nullish(),
  unitId: IdSchema.nullish(),
});
export type CreateGradingInput = z.infer<typeof CreateGradingSchema>;

/** The self-review (kiểm điểm): strengths, shortcomings, a self-scored sheet, the conditions ticked, a proposed grade. */
export const SelfReviewSchema = z.object({
  version: z.number().int().positive(),
  strengths: z.string().trim().max(8000, 'Tối đa 8000 ký tự').default(''),
  shortcomings: z.string().trim().max(8000, 'Tối đa 8000 ký tự').default(''),
  remedies: z.string().trim().max(8000, 'Tối đa 8000 ký tự').default(''),
  scores: ScoresSchema,
  conditions: ConditionsSchema,
  selfGrade: GradeSchema,
  /** Save and send to the cell in one call. */
  submit: z.boolean().default(false),
});
export type SelfReviewInput = z.infer<typeof SelfReviewSchema>;

/** The grading level's assessment: its scores, the conditions it finds, its grade (a different one than proposed needs a reason) and the vote. */
export const GradeStepSchema = z.object({
  version: z.number().int().positive(),
  scores: ScoresSchema,
  conditions: ConditionsSchema,
  comment: z.string().trim().max(8000, 'Tối đa 8000 ký tự').default(''),
  grade: GradeSchema,
  overrideReason: OptionalText(2000),
  votes: z
    .object({
      for: z.number().int().min(0).max(100_000),
      against: z.number().int().min(0).max(100_000),
      abstain: z.number().int().min(0).max(100_000),
    })
    .nullish()
    .transform((value) => value ?? null),
});
export type GradeStepInput = z.infer<typeof GradeStepSchema>;

export const DecideSchema = z.object({
  version: z.number().int().positive(),
  /** Absent: the grade the grading level proposed. */
  grade: GradeSchema.nullish(),
  note: OptionalText(2000),
});
export type DecideInput = z.infer<typeof DecideSchema>;

/** The deciding level confirms many gradings at once, each at the grade proposed. */
export const DecideManySchema = z.object({
  items: z
    .array(z.object({ id: IdSchema, version: z.number().int().positive() }))
    .min(1, 'Hãy chọn ít nhất một bản')
    .max(500, 'Tối đa 500 bản một lần'),
});
export type DecideManyInput = z.infer<typeof DecideManySchema>;

export const ReasonStepSchema = z.object({ version: z.number().int().positive(), reason: TrimmedText(2000) });
export type ReasonStepInput = z.infer<typeof ReasonStepSchema>;

/** Subjects of a subtree for a year, each with its grading if one exists. */
export const GradingListQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  year: YearSchema,
  subject: GradingSubjectSchema.default('member'),
  status: z.enum([...GRADING_STATUSES, 'none']).optional(),
  grade: GradeSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type GradingListQuery = z.infer<typeof GradingListQuerySchema>;

export const ProposeAllSchema = z.object({ unitId: IdSchema, year: z.number().int().min(2000).max(2100) });

export const GradingFiguresQuerySchema = z.object({ unitId: IdSchema, year: YearSchema });

export const GradingDocumentQuerySchema = z.object({ unitId: IdSchema, year: YearSchema });

// ---- Answers (response schemas) -----------------------------------------------------------------

const CriterionViewSchema = z.object({ code: z.string(), label: z.string(), group: z.enum(['general', 'tasks']), max: z.number() });
const ConditionViewSchema = z.object({ code: z.string(), label: z.string() });
const SheetViewSchema = z.object({ criteria: z.array(CriterionViewSchema), disqualifying: z.array(ConditionViewSchema) });

/** A rule's configuration as it is stored (checked by GradingRuleConfigSchema when it was written). */
export const GradingRuleConfigViewSchema = z.object({
  member: SheetViewSchema,
  collective: SheetViewSchema,
  qualifiers: z.array(ConditionViewSchema),
  /** Best grade first: the lowest total each grade takes and the qualifiers it needs besides. */
  bands: z.array(z.object({ grade: z.enum(GRADES), min: z.number(), requires: z.array(z.string()) })),
  campaign: z.object({
    criterion: z.string(),
    points: z.object({ completed_well: z.number(), completed: z.number(), not_completed: z.number() }),
  }),
  excellentMaxShareOfGood: z.number().nullable(),
  notes: z.string(),
});

export const GradingRuleViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  validFromYear: z.number(),
  config: GradingRuleConfigViewSchema,
});
export type GradingRuleView = z.infer<typeof GradingRuleViewSchema>;

export const GradingRulesSchema = z.array(GradingRuleViewSchema);

/** How many of each grade. */
export const GradeCountSchema = z.record(z.enum(GRADES), z.number());
export type GradeCount = z.infer<typeof GradeCountSchema>;

/** Grading figures of a subtree: decided grades of members and collectives, and how many remain. */
export const GradingFigureValuesSchema = z.object({
  partyMembers: z.number(),
  members: GradeCountSchema,
  membersDecided: z.number(),
  collectives: GradeCountSchema,
  collectivesDecided: z.number(),
  /** Shares of the decided, 0..1, null when none is decided. */
  memberShares: z.record(z.enum(GRADES), z.number().nullable()),
  /** "xuất sắc" above the rule's cap (a share of "tốt") among members or collectives. */
  capExceeded: z.boolean(),
});
export type GradingFigureValues = z.infer<typeof GradingFigureValuesSchema>;

/** The grading figures of a subtree and of each child unit open on `asOf`, with the rule of the year. */
export const GradingFiguresSchema = subtreeFiguresAnswerSchema(GradingFigureValuesSchema).extend({
  rule: z.object({ code: z.string(), name: z.string(), excellentMaxShareOfGood: z.number().nullable() }),
});
export type GradingFigures = z.infer<typeof GradingFiguresSchema>;

export const GradingHistoryEventSchema = z.object({
  action: z.enum(GRADING_STEPS),
  fromStatus: z.enum(GRADING_STATUSES),
  toStatus: z.enum(GRADING_STATUSES),
  grade: z.enum(GRADES).nullable(),
  reason: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
});
export type GradingHistoryEvent = z.infer<typeof GradingHistoryEventSchema>;

/** The member's campaign result as the cell reviewed it, and the points the rule suggests for it. */
export const GradingCampaignSchema = z.object({
  registrationId: z.number(),
  level: CompletionLevelSchema.nullable(),
  suggestedPoints: z.number().nullable(),
  /** The criterion of the member's sheet the points go to. */
  criterion: z.string(),
});
export type GradingCampaign = z.infer<typeof GradingCampaignSchema>;

const ScoresViewSchema = z.record(z.string(), z.number());
const VotesViewSchema = z.object({ for: z.number(), against: z.number(), abstain: z.number() });

/** One grading as its readers see it, with the steps the reader may take now. */
export const GradingViewSchema = z.object({
  id: z.number(),
  subject: z.enum(GRADING_SUBJECTS),
  year: z.number(),
  status: z.enum(GRADING_STATUSES),
  version: z.number(),
  person: NamedRefSchema.nullable(),
  unit: NamedRefSchema,
  /** The level that decides (the parent of the subject's unit). */
  decidingUnitName: z.string().nullable(),
  rule: GradingRuleViewSchema,
  selfReview: z.object({
    strengths: z.string(),
    shortcomings: z.string(),
    remedies: z.string(),
    scores: ScoresViewSchema,
    conditions: z.array(z.string()),
    grade: z.enum(GRADES).nullable(),
    total: z.number().nullable(),
  }),
  campaign: GradingCampaignSchema.nullable(),
  assessment: z.object({
    scores: ScoresViewSchema.nullable(),
    conditions: z.array(z.string()),
    comment: z.string(),
    proposedGrade: z.enum(GRADES).nullable(),
    proposedTotal: z.number().nullable(),
    proposedReason: z.string().nullable(),
    grade: z.enum(GRADES).nullable(),
    overrideReason: z.string().nullable(),
    votes: VotesViewSchema.nullable(),
    gradedAt: z.string().nullable(),
  }),
  decision: z.object({ grade: z.enum(GRADES), note: z.string().nullable(), decidedAt: z.string() }).nullable(),
  /**
   * For a collective: the decided grades of the year of its members and of the Party organisations
   * below it (itself left out), what the level above grades it from beside its self-review.
   */
  subtreeResults: z.object({ members: GradeCountSchema, collectives: GradeCountSchema }).nullable(),
  returnReason: z.string().nullable(),
  history: z.array(GradingHistoryEventSchema),
  steps: z.array(z.enum(GRADING_STEPS)),
});
export type GradingView = z.infer<typeof GradingViewSchema>;

/** A line of the list of a subtree's members or collectives: the subject and its grading, if any. */
export const GradingListItemSchema = z.object({
  subject: z.enum(GRADING_SUBJECTS),
  person: NamedRefSchema.nullable(),
  unit: NamedRefSchema.extend({ kind: UnitKindSchema }),
  /** Null (and the grading fields with it) while the subject has no grading for the year. */
  gradingId: z.number().nullable(),
  status: z.enum(GRADING_STATUSES).nullable(),
  version: z.number().nullable(),
  selfGrade: z.enum(GRADES).nullable(),
  proposedGrade: z.enum(GRADES).nullable(),
  proposedTotal: z.number().nullable(),
  grade: z.enum(GRADES).nullable(),
  decidedGrade: z.enum(GRADES).nullable(),
});
export type GradingListItem = z.infer<typeof GradingListItemSchema>;

export const GradingListPageSchema = pagedAnswerSchema(GradingListItemSchema);
export type GradingListPage = z.infer<typeof GradingListPageSchema>;

/** What a member sees of their own year: their grading if opened, else where it would be opened. */
export const MyGradingSchema = z.object({
  year: z.number(),
  grading: GradingViewSchema.nullable(),
  unit: NamedRefSchema.nullable(),
  rule: GradingRuleViewSchema.nullable(),
  campaign: GradingCampaignSchema.nullable(),
});
export type MyGrading = z.infer<typeof MyGradingSchema>;

/** How many gradings the deciding level confirmed at once. */
export const DecidedCountSchema = z.object({ decided: z.number() });
export type DecidedCount = z.infer<typeof DecidedCountSchema>;

/** How many self-reviewed gradings received the rule's proposal. */
export const ProposedCountSchema = z.object({ proposed: z.number() });
export type ProposedCount = z.infer<typeof ProposedCountSchema>;
