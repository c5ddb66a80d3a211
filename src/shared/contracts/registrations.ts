import { z } from 'zod';
import { BooleanQuerySchema, IdSchema, IsoDateSchema, NamedRefSchema, PagingSchema, TrimmedText, pagedAnswerSchema } from './common';
import { ActionAreaSchema, RegistrationKindSchema, RegistrationStatusSchema, TransitionBodySchema } from './registration-status';

const YearSchema = z.coerce.number<number>().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

// ───────────────────────── Registration windows ─────────────────────────

const WindowFieldsSchema = z.object({
  year: YearSchema,
  /** Equal to `year` for a yearly window; later for a whole-term window, supplemented each year. */
  toYear: YearSchema,
  opensOn: IsoDateSchema,
  closesOn: IsoDateSchema,
  topicId: IdSchema.nullish().transform((value) => value ?? null),
  breakthroughIds: z.array(IdSchema).max(20, 'Tối đa 20 nội dung đột phá').default([]),
  guidance: z
    .string()
    .trim()
    .max(5000, 'Tối đa 5000 ký tự')
    .nullish()
    .transform((value) => value || null),
});

const checkWindowDates = <T extends { year: number; toYear: number; opensOn: string; closesOn: string }>(
  value: T,
  context: z.RefinementCtx,
) => {
  if (value.toYear < value.year)
    context.addIssue({ code: 'custom', path: ['toYear'], message: 'Năm kết thúc không được trước năm bắt đầu' });
  if (value.toYear - value.year > 5) context.addIssue({ code: 'custom', path: ['toYear'], message: 'Một nhiệm kỳ không quá 5 năm' });
  if (value.closesOn < value.opensOn)
    context.addIssue({ code: 'custom', path: ['closesOn'], message: 'Ngày kết thúc không được trước ngày bắt đầu' });
};

/** A window's fields as a caller sends them (the unit is added on create, the version on update). */
export type WindowFieldsBody = z.input<typeof WindowFieldsSchema>;
export const CreateWindowSchema = WindowFieldsSchema.extend({ unitId: IdSchema }).superRefine(checkWindowDates);
export type CreateWindow = z.infer<typeof CreateWindowSchema>;
export type CreateWindowBody = z.input<typeof CreateWindowSchema>;
export const UpdateWindowSchema = WindowFieldsSchema.extend({ version: z.number().int().positive() }).superRefine(checkWindowDates);
export type UpdateWindow = z.infer<typeof UpdateWindowSchema>;
export type UpdateWindowBody = z.input<typeof UpdateWindowSchema>;
export const WindowsQuerySchema = z.object({ year: YearSchema.optional() });
export const ApplicableWindowQuerySchema = z.object({ unitId: IdSchema, year: YearSchema });
export { VersionQuerySchema } from './common';

// ───────────────────────── Registrations ─────────────────────────

export const ACTION_LINK_KINDS = ['standard_criterion', 'breakthrough', 'topic'] as const;
export const ActionLinkKindSchema = z.enum(ACTION_LINK_KINDS);
export type ActionLinkKind = z.infer<typeof ActionLinkKindSchema>;

export const MAX_ACTIONS = 10;

export const ActionInputSchema = z
  .object({
    area: ActionAreaSchema,
    content: TrimmedText(1000),
    /** Optional on purpose: the form warns when it is empty, it does not block. */
    measurableResult: z.string().trim().max(1000, 'Tối đa 1000 ký tự').default(''),
    deadline: IsoDateSchema.nullish().transform((value) => value ?? null),
    linkKind: ActionLinkKindSchema.nullish().transform((value) => value ?? null),
    linkId: IdSchema.nullish().transform((value) => value ?? null),
    linkIndex: z
      .number()
      .int()
      .min(0)
      .max(99)
      .nullish()
      .transform((value) => value ?? null),
  })
  .superRefine((value, context) => {
    if (value.linkKind && value.linkId === null)
      context.addIssue({ code: 'custom', path: ['linkId'], message: 'Hãy chọn nội dung gắn với việc làm này' });
    if (value.linkKind === 'standard_criterion' && value.linkIndex === null)
      context.addIssue({ code: 'custom', path: ['linkIndex'], message: 'Hãy chọn tiêu chí của chuẩn mực đạo đức' });
  });
export type ActionInput = z.infer<typeof ActionInputSchema>;

const ActionsSchema = z
  .array(ActionInputSchema)
  .min(1, 'Cần ít nhất một việc làm cụ thể')
  .max(MAX_ACTIONS, `Tối đa ${MAX_ACTIONS} việc làm`);

export const CreateOwnRegistrationSchema = z.object({
  year: YearSchema,
  /** Registrations start from oneself: the shortcomings to fix are required. */
  shortcomings: TrimmedText(3000),
  actions: ActionsSchema,
  supplementOfId: IdSchema.nullish().transform((value) => value ?? null),
  /** Save and submit to the appraising level in one call (one transaction). */
  submit: z.boolean().optional(),
});
export type CreateOwnRegistration = z.infer<typeof CreateOwnRegistrationSchema>;

export const CreateCollectiveSchema = z.object({
  unitId: IdSchema,
  year: YearSchema,
  shortcomings: z.string().trim().max(3000, 'Tối đa 3000 ký tự').default(''),
  actions: ActionsSchema,
  /** Save and submit to the appraising level in one call (one transaction). */
  submit: z.boolean().optional(),
});
export type CreateCollective = z.infer<typeof CreateCollectiveSchema>;

/**
 * Registrations typed in by the unit's secretary or officer for its members (from the paper
 * register book, or for members without an account), all in one write: each ends in `outcome`.
 */
export const ENTERED_OUTCOMES = ['draft', 'submitted', 'approved'] as const;
export const EnteredOutcomeSchema = z.enum(ENTERED_OUTCOMES);
export type EnteredOutcome = z.infer<typeof EnteredOutcomeSchema>;
export const MAX_ENTERED_REGISTRATIONS = 500;
export const EnteredRegistrationSchema = z.object({
  /** The member; null for the unit's own (collective) registration. */
  personId: IdSchema.nullable(),
  shortcomings: z.string().trim().max(3000, 'Tối đa 3000 ký tự').default(''),
  actions: ActionsSchema,
});
export type EnteredRegistration = z.infer<typeof EnteredRegistrationSchema>;
export const EnterRegistrationsSchema = z.object({
  unitId: IdSchema,
  year: YearSchema,
  outcome: EnteredOutcomeSchema.default('draft'),
  entries: z
    .array(EnteredRegistrationSchema)
    .min(1, 'Cần ít nhất một bản đăng ký')
    .max(MAX_ENTERED_REGISTRATIONS, `Tối đa ${MAX_ENTERED_REGISTRATIONS} bản đăng ký mỗi lần`),
});
export type EnterRegistrations = z.infer<typeof EnterRegistrationsSchema>;
export const RegisterBookQuerySchema = z.object({ unitId: IdSchema, year: YearSchema });
export type RegisterBookQuery = z.infer<typeof RegisterBookQuerySchema>;

export const UpdateRegistrationSchema = z.object({
  version: z.number().int().positive(),
  shortcomings: z.string().trim().max(3000, 'Tối đa 3000 ký tự'),
  actions: ActionsSchema,
  /** Save and submit to the appraising level in one call (one transaction). */
  submit: z.boolean().optional(),
});
export type UpdateRegistration = z.infer<typeof UpdateRegistrationSchema>;
export type UpdateRegistrationBody = z.input<typeof UpdateRegistrationSchema>;

/** The steps of registering and appraising; later steps (check-ins, year-end) have their own screens. */
export const APPRAISAL_TRANSITIONS = ['submit', 'withdraw', 'return', 'approve', 'publish', 'unpublish'] as const;
export const StatusChangeSchema = TransitionBodySchema.extend({ transition: z.enum(APPRAISAL_TRANSITIONS) });
export type StatusChange = z.infer<typeof StatusChangeSchema>;

export const BulkApproveSchema = z.object({
  items: z
    .array(z.object({ id: IdSchema, version: z.number().int().positive() }))
    .min(1, 'Hãy chọn ít nhất một bản đăng ký')
    .max(200, 'Mỗi lần duyệt tối đa 200 bản đăng ký'),
});
export type BulkApprove = z.infer<typeof BulkApproveSchema>;

export const RegistrationsQuerySchema = PagingSchema.extend({
  year: YearSchema,
  unitId: IdSchema.optional(),
  status: RegistrationStatusSchema.optional(),
  kind: RegistrationKindSchema.optional(),
  q: z.string().trim().max(200).optional(),
  /** Only registrations with a near-identical one in their parent unit's subtree. */
  similarOnly: BooleanQuerySchema.optional(),
});
export type RegistrationsQuery = z.infer<typeof RegistrationsQuerySchema>;
export type RegistrationsQueryParams = z.input<typeof RegistrationsQuerySchema>;
export const ExportRegistrationsQuerySchema = RegistrationsQuerySchema.omit({ page: true, pageSize: true }).extend({ unitId: IdSchema });
export const MineQuerySchema = z.object({ year: YearSchema });
export const LeadersMissingQuerySchema = z.object({ unitId: IdSchema, year: YearSchema });

// ───────────────────────── Responses (shared with the web app) ─────────────────────────

const TitledRefSchema = z.object({ id: z.number(), title: z.string() });

export const WindowViewSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  year: z.number(),
  toYear: z.number(),
  opensOn: z.string(),
  closesOn: z.string(),
  topicId: z.number().nullable(),
  topicTitle: z.string().nullable(),
  breakthroughIds: z.array(z.number()),
  guidance: z.string().nullable(),
  version: z.number(),
  /** Counted in the windows list only; null where the window is shown to register under it. */
  registrationCount: z.number().nullable(),
  canEdit: z.boolean(),
});
export type WindowView = z.infer<typeof WindowViewSchema>;
export const WindowListSchema = z.array(WindowViewSchema);

export const LinkOptionsSchema = z.object({
  topics: z.array(TitledRefSchema),
  breakthroughs: z.array(TitledRefSchema),
  /** The unit's current adopted ethics standards: criterion = (standardsId, index). */
  standards: z.object({ id: z.number(), title: z.string(), criteria: z.array(z.string()) }).nullable(),
});
export type LinkOptions = z.infer<typeof LinkOptionsSchema>;

/** The window that applies to a unit in a year and what its actions may link to; both null when none is open. */
export const ApplicableWindowSchema = z.object({ window: WindowViewSchema.nullable(), options: LinkOptionsSchema.nullable() });
export type ApplicableWindow = z.infer<typeof ApplicableWindowSchema>;

/** An action as a submission's snapshot keeps it, and as a register book read back carries it. */
export const SnapshotActionSchema = z.object({
  area: ActionAreaSchema,
  content: z.string(),
  measurableResult: z.string(),
  deadline: z.string().nullable(),
  linkKind: ActionLinkKindSchema.nullable(),
  linkId: z.number().nullable(),
  linkIndex: z.number().nullable(),
});
export type SnapshotAction = z.infer<typeof SnapshotActionSchema>;
export type Snapshot = { shortcomings: string; actions: SnapshotAction[] };

export const ActionViewSchema = z.object({
  id: z.number(),
  position: z.number(),
  ...SnapshotActionSchema.shape,
  /** The title of what the action links to (topic, breakthrough content, criterion), if any. */
  linkLabel: z.string().nullable(),
});
export type ActionView = z.infer<typeof ActionViewSchema>;

export const EventViewSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string(),
  fromStatus: RegistrationStatusSchema.nullable(),
  toStatus: RegistrationStatusSchema,
  reason: z.string().nullable(),
  /** The submission's number, on the events that submitted it. */
  revision: z.number().nullable(),
  /** Taken for the member by someone else (the secretary typing in the register book). */
  onBehalf: z.boolean(),
});
export type EventView = z.infer<typeof EventViewSchema>;

const FieldChangeSchema = z.object({ before: z.string(), after: z.string() });

/** What changed between two submitted versions, field by field. */
export const RegistrationDiffSchema = z.object({
  fromRevision: z.number(),
  toRevision: z.number(),
  shortcomings: FieldChangeSchema.nullable(),
  actions: z.array(
    z.object({
      position: z.number(),
      change: z.enum(['added', 'removed', 'changed']),
      fields: z.array(FieldChangeSchema.extend({ field: SnapshotActionSchema.keyof() })),
    }),
  ),
});
export type RegistrationDiff = z.infer<typeof RegistrationDiffSchema>;

export const RegistrationSummarySchema = z.object({
  id: z.number(),
  kind: RegistrationKindSchema,
  year: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  personId: z.number().nullable(),
  personName: z.string().nullable(),
  isLeader: z.boolean(),
  status: RegistrationStatusSchema,
  revision: z.number(),
  submittedAt: z.string().nullable(),
  actionCount: z.number(),
  /** Highest similarity (0–1) with another registration of the unit or its parent's subtree, if over the threshold. */
  maxSimilarity: z.number().nullable(),
  version: z.number(),
});
export type RegistrationSummary = z.infer<typeof RegistrationSummarySchema>;

/** A page of registrations, with the similarity from which two count as near-identical. */
export const RegistrationsPageSchema = pagedAnswerSchema(RegistrationSummarySchema).extend({ threshold: z.number() });
export type RegistrationsPage = z.infer<typeof RegistrationsPageSchema>;

export const RegistrationDetailSchema = RegistrationSummarySchema.extend({
  shortcomings: z.string(),
  supplementOfId: z.number().nullable(),
  windowId: z.number().nullable(),
  closesOn: z.string().nullable(),
  actions: z.array(ActionViewSchema),
  events: z.array(EventViewSchema),
  /** The reason of the last return, shown to the registrant while it is being revised. */
  returnReason: z.string().nullable(),
  diff: RegistrationDiffSchema.nullable(),
  /** Entered for the member by the unit's secretary or officer, who may act for the member on it. */
  enteredOnBehalf: z.boolean(),
  canEdit: z.boolean(),
  canAppraise: z.boolean(),
});
export type RegistrationDetail = z.infer<typeof RegistrationDetailSchema>;

export const SimilarRegistrationSchema = z.object({
  id: z.number(),
  unitName: z.string(),
  personName: z.string().nullable(),
  kind: RegistrationKindSchema,
  status: RegistrationStatusSchema,
  similarity: z.number(),
  excerpt: z.string(),
});
export type SimilarRegistration = z.infer<typeof SimilarRegistrationSchema>;
export const SimilarRegistrationsSchema = z.array(SimilarRegistrationSchema);

export const MineViewSchema = z.object({
  person: z.object({ id: z.number(), fullName: z.string() }).nullable(),
  unit: NamedRefSchema.nullable(),
  isLeader: z.boolean(),
  window: WindowViewSchema.nullable(),
  options: LinkOptionsSchema.nullable(),
  registration: RegistrationDetailSchema.nullable(),
  /** A whole-term registration of an earlier year this year's one supplements. */
  termRegistration: z.object({ id: z.number(), year: z.number() }).nullable(),
});
export type MineView = z.infer<typeof MineViewSchema>;

export const BulkApproveResultSchema = z.object({
  approved: z.array(z.number()),
  failed: z.array(z.object({ id: z.number(), code: z.string(), message: z.string() })),
});
export type BulkApproveResult = z.infer<typeof BulkApproveResultSchema>;

export const LeaderMissingSchema = z.object({
  personId: z.number(),
  fullName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  /** Null: no registration at all; else it is still a draft. */
  status: RegistrationStatusSchema.nullable(),
});
export type LeaderMissing = z.infer<typeof LeaderMissingSchema>;
export const LeadersMissingSchema = z.array(LeaderMissingSchema);

/** A register book read back: the registrations it holds, or the rows to fix (then no entries). */
export const RegisterBookPreviewSchema = z.object({
  unitId: z.number(),
  unitName: z.string(),
  year: z.number(),
  totalRows: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  /** Ready to send back as the entries of EnterRegistrationsSchema. */
  entries: z.array(
    z.object({
      row: z.number(),
      registrantName: z.string(),
      personId: z.number().nullable(),
      shortcomings: z.string(),
      actions: z.array(SnapshotActionSchema),
    }),
  ),
  actionCount: z.number(),
});
export type RegisterBookPreview = z.infer<typeof RegisterBookPreviewSchema>;

export const EnteredRegistrationsResultSchema = z.object({
  created: z.array(z.object({ id: z.number(), personId: z.number().nullable() })),
  outcome: EnteredOutcomeSchema,
});
export type EnteredRegistrationsResult = z.infer<typeof EnteredRegistrationsResultSchema>;
