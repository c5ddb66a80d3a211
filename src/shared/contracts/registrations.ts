import { z } from 'zod';
import { BooleanQuerySchema, IdSchema, IsoDateSchema, PagingSchema, TrimmedText } from './common';
import {
  ActionAreaSchema,
  RegistrationKindSchema,
  RegistrationStatusSchema,
  TransitionBodySchema,
  type RegistrationStatus,
} from './registration-status';

const YearSchema = z.coerce.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

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

export const CreateWindowSchema = WindowFieldsSchema.extend({ unitId: IdSchema }).superRefine(checkWindowDates);
export type CreateWindow = z.infer<typeof CreateWindowSchema>;
export const UpdateWindowSchema = WindowFieldsSchema.extend({ version: z.number().int().positive() }).superRefine(checkWindowDates);
export type UpdateWindow = z.infer<typeof UpdateWindowSchema>;
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

/** A register book read back: the registrations it holds, or the rows to fix (then no entries). */
export type RegisterBookPreview = {
  unitId: number;
  unitName: string;
  year: number;
  totalRows: number;
  errors: Array<{ row: number; column: string; message: string }>;
  entries: Array<EnteredRegistration & { row: number; registrantName: string }>;
  actionCount: number;
};
export type EnteredRegistrationsResult = { created: Array<{ id: number; personId: number | null }>; outcome: EnteredOutcome };

export const UpdateRegistrationSchema = z.object({
  version: z.number().int().positive(),
  shortcomings: z.string().trim().max(3000, 'Tối đa 3000 ký tự'),
  actions: ActionsSchema,
  /** Save and submit to the appraising level in one call (one transaction). */
  submit: z.boolean().optional(),
});
export type UpdateRegistration = z.infer<typeof UpdateRegistrationSchema>;

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
export const ExportRegistrationsQuerySchema = RegistrationsQuerySchema.omit({ page: true, pageSize: true }).extend({ unitId: IdSchema });
export const MineQuerySchema = z.object({ year: YearSchema });
export const LeadersMissingQuerySchema = z.object({ unitId: IdSchema, year: YearSchema });

// ───────────────────────── Responses (shared with the web app) ─────────────────────────

export type WindowView = {
  id: number;
  unitId: number;
  unitName: string;
  year: number;
  toYear: number;
  opensOn: string;
  closesOn: string;
  topicId: number | null;
  topicTitle: string | null;
  breakthroughIds: number[];
  guidance: string | null;
  version: number;
  /** Counted in the windows list only; null where the window is shown to register under it. */
  registrationCount: number | null;
  canEdit: boolean;
};

export type LinkOptions = {
  topics: Array<{ id: number; title: string }>;
  breakthroughs: Array<{ id: number; title: string }>;
  /** The unit's current adopted ethics standards: criterion = (standardsId, index). */
  standards: { id: number; title: string; criteria: string[] } | null;
};

export type ActionView = {
  id: number;
  position: number;
  area: 'thought' | 'ethics' | 'style';
  content: string;
  measurableResult: string;
  deadline: string | null;
  linkKind: ActionLinkKind | null;
  linkId: number | null;
  linkIndex: number | null;
  linkLabel: string | null;
};

export type EventView = {
  id: number;
  at: string;
  actorName: string;
  fromStatus: RegistrationStatus | null;
  toStatus: RegistrationStatus;
  reason: string | null;
  revision: number | null;
  /** Taken for the member by someone else (the secretary typing in the register book). */
  onBehalf: boolean;
};

export type SnapshotAction = Omit<ActionView, 'id' | 'position' | 'linkLabel'>;
export type Snapshot = { shortcomings: string; actions: SnapshotAction[] };

/** What changed between two submitted versions, field by field. */
export type RegistrationDiff = {
  fromRevision: number;
  toRevision: number;
  shortcomings: { before: string; after: string } | null;
  actions: Array<{
    position: number;
    change: 'added' | 'removed' | 'changed';
    fields: Array<{ field: keyof SnapshotAction; before: string; after: string }>;
  }>;
};

export type RegistrationSummary = {
  id: number;
  kind: 'individual' | 'collective';
  year: number;
  unitId: number;
  unitName: string;
  personId: number | null;
  personName: string | null;
  isLeader: boolean;
  status: RegistrationStatus;
  revision: number;
  submittedAt: string | null;
  actionCount: number;
  /** Highest similarity (0–1) with another registration of the unit or its parent's subtree, if over the threshold. */
  maxSimilarity: number | null;
  version: number;
};

export type RegistrationDetail = RegistrationSummary & {
  shortcomings: string;
  supplementOfId: number | null;
  windowId: number | null;
  closesOn: string | null;
  actions: ActionView[];
  events: EventView[];
  /** The reason of the last return, shown to the registrant while it is being revised. */
  returnReason: string | null;
  diff: RegistrationDiff | null;
  /** Entered for the member by the unit's secretary or officer, who may act for the member on it. */
  enteredOnBehalf: boolean;
  canEdit: boolean;
  canAppraise: boolean;
};

export type SimilarRegistration = {
  id: number;
  unitName: string;
  personName: string | null;
  kind: 'individual' | 'collective';
  status: RegistrationStatus;
  similarity: number;
  excerpt: string;
};

export type MineView = {
  person: { id: number; fullName: string } | null;
  unit: { id: number; name: string } | null;
  isLeader: boolean;
  window: WindowView | null;
  options: LinkOptions | null;
  registration: RegistrationDetail | null;
  /** A whole-term registration of an earlier year this year's one supplements. */
  termRegistration: { id: number; year: number } | null;
};

export type BulkApproveResult = {
  approved: number[];
  failed: Array<{ id: number; code: string; message: string }>;
};

export type LeaderMissing = { personId: number; fullName: string; unitId: number; unitName: string; status: RegistrationStatus | null };
