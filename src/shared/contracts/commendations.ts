import { z } from 'zod';
import {
  BooleanQuerySchema,
  IdSchema,
  IsoDateSchema,
  NamedRefSchema,
  OptionalText,
  pagedAnswerSchema,
  PagingSchema,
  TrimmedText,
} from './common';
import { subtreeFiguresAnswerSchema } from './figures';
import { FileSummarySchema } from './files';
import type { FieldChange } from '../field-diff';

/** An exemplary collective (a unit), an individual (a person) or a good practice (mô hình, cách làm). */
export const NOMINATION_KINDS = ['collective', 'individual', 'model'] as const;
export type NominationKind = (typeof NOMINATION_KINDS)[number];

/**
 * nháp → đã gửi → trả lại ↺ → đã thẩm định (at a level) → đề nghị lên cấp trên (held by the next
 * level, which vets it again) → đã quyết định khen thưởng / không khen thưởng.
 */
export const NOMINATION_STATUSES = ['draft', 'submitted', 'returned', 'endorsed', 'proposed', 'commended', 'not_commended'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** The steps a user takes; "commend" is taken by recording a decision that names the nomination. */
export const NOMINATION_ACTIONS = ['submit', 'return', 'endorse', 'forward', 'decline'] as const;
export type NominationAction = (typeof NOMINATION_ACTIONS)[number];

const IdList = (max: number) => z.array(IdSchema).max(max, `Tối đa ${max} mục`).default([]);

export const NominationContentSchema = z.object({
  title: TrimmedText(300),
  story: TrimmedText(20_000),
  results: z.string().trim().max(10_000, 'Tối đa 10000 ký tự').default(''),
  periodFrom: IsoDateSchema,
  periodTo: IsoDateSchema,
  registrationIds: IdList(50),
  /** Breakthrough contents of the levels above or of the nominating unit's subtree that it carried out. */
  breakthroughIds: IdList(20),
  fileIds: IdList(20),
});

export const CreateNominationSchema = NominationContentSchema.extend({
  unitId: IdSchema,
  kind: z.enum(NOMINATION_KINDS, 'Hãy chọn loại gương điển hình'),
  subjectUnitId: IdSchema.nullish(),
  subjectPersonId: IdSchema.nullish(),
});
export type CreateNominationInput = z.infer<typeof CreateNominationSchema>;
export type CreateNominationBody = z.input<typeof CreateNominationSchema>;

export const UpdateNominationSchema = NominationContentSchema.extend({
  version: z.number().int().positive(),
  subjectUnitId: IdSchema.nullish(),
  subjectPersonId: IdSchema.nullish(),
});
export type UpdateNominationInput = z.infer<typeof UpdateNominationSchema>;

export const NominationStepSchema = z.object({
  version: z.number().int().positive(),
  reason: OptionalText(2000),
});
export type NominationStepInput = z.infer<typeof NominationStepSchema>;

/**
 * `view`: what units of the subtree nominated; what waits for the subtree's levels to vet; or what
 * the unit itself holds undecided (what its decision may name).
 */
export const NominationsQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  view: z.enum(['nominated', 'to_vet', 'held']).default('nominated'),
  status: z.enum(NOMINATION_STATUSES).optional(),
  kind: z.enum(NOMINATION_KINDS).optional(),
  year: z.coerce.number<number>().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(200).optional(),
});
export type NominationsQuery = z.infer<typeof NominationsQuerySchema>;
export type NominationsQueryParams = z.input<typeof NominationsQuerySchema>;

export const NominationPublicSchema = z.object({ version: z.number().int().positive(), isPublic: z.boolean() });

export const CommendationFormsQuerySchema = z.object({ includeInactive: BooleanQuerySchema.default(false) });
export const CommendationFormCodeParamsSchema = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,40}$/, 'Mã hình thức khen thưởng không hợp lệ'),
});
export const CreateCommendationFormSchema = z.object({ name: TrimmedText(100) });
export const UpdateCommendationFormSchema = z
  .object({
    name: TrimmedText(100).optional(),
    sortOrder: z.number().int().min(0, 'Thứ tự từ 0 đến 999').max(999, 'Thứ tự từ 0 đến 999').optional(),
    active: z.boolean().optional(),
  })
  .refine((value) => value.name !== undefined || value.sortOrder !== undefined || value.active !== undefined, {
    message: 'Hãy cho biết cần sửa gì: tên, thứ tự hoặc trạng thái dùng.',
  });

export const CreateDecisionSchema = z.object({
  unitId: IdSchema,
  formCode: z.string().trim().min(1, 'Hãy chọn hình thức khen thưởng').max(40),
  /** Left out: the next number of the unit's series for the year. */
  numberValue: z.number().int().positive().max(99_999).nullish(),
  decidedOn: IsoDateSchema,
  periodFrom: IsoDateSchema,
  periodTo: IsoDateSchema,
  title: TrimmedText(500),
  signerName: OptionalText(200),
  signerTitle: OptionalText(200),
  nominationIds: z.array(IdSchema).min(1, 'Quyết định cần ít nhất một tập thể hoặc cá nhân').max(500, 'Tối đa 500 tập thể, cá nhân'),
});
export type CreateDecisionInput = z.infer<typeof CreateDecisionSchema>;

export const DecisionsQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  year: z.coerce.number<number>().int().min(2000).max(2100).optional(),
});
export type DecisionsQuery = z.infer<typeof DecisionsQuerySchema>;

// ---- Answers (response schemas), shared by the server's presenters and the web app ------------------

export const NominationListItemSchema = z.object({
  id: z.number(),
  kind: z.enum(NOMINATION_KINDS),
  title: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  unitId: z.number(),
  unitName: z.string(),
  /** The level holding it now; null while the nominating unit drafts or fixes it. */
  atUnitName: z.string().nullable(),
  subjectName: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});
export type NominationListItem = z.infer<typeof NominationListItemSchema>;

export const NominationsPageSchema = pagedAnswerSchema(NominationListItemSchema);
export type NominationsPage = z.infer<typeof NominationsPageSchema>;

/** The fields of a submission compared for "what changed"; links and files read as their names. */
export const NOMINATION_DIFF_FIELDS = [
  'title',
  'story',
  'results',
  'periodFrom',
  'periodTo',
  'registrations',
  'breakthroughs',
  'files',
] as const;
export type NominationDiffField = (typeof NOMINATION_DIFF_FIELDS)[number];

/** One field changed since the submission before, both sides as the reader sees them. */
export const NominationChangeSchema = z.object({ field: z.enum(NOMINATION_DIFF_FIELDS), before: z.string(), after: z.string() });
export type NominationChange = FieldChange<NominationDiffField>;

export const NominationHistoryEventSchema = z.object({
  id: z.number(),
  action: z.string(),
  fromStatus: z.enum(NOMINATION_STATUSES),
  toStatus: z.enum(NOMINATION_STATUSES),
  atUnitName: z.string().nullable(),
  reason: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
  /** For a resubmission: each field changed since the submission before it, before and after. */
  changes: z.array(NominationChangeSchema).nullable(),
});
export type NominationHistoryEvent = z.infer<typeof NominationHistoryEventSchema>;

/** A registration or breakthrough content a nomination links to, with what names it for a reader. */
export const NominationLinkSchema = z.object({ id: z.number(), name: z.string(), year: z.number() });
export type NominationLink = z.infer<typeof NominationLinkSchema>;

export const NominationViewSchema = z.object({
  id: z.number(),
  kind: z.enum(NOMINATION_KINDS),
  status: z.enum(NOMINATION_STATUSES),
  unit: NamedRefSchema,
  atUnit: NamedRefSchema.nullable(),
  subject: z.object({ unitId: z.number().nullable(), personId: z.number().nullable(), name: z.string().nullable() }),
  title: z.string(),
  story: z.string(),
  results: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  registrationIds: z.array(z.number()),
  breakthroughIds: z.array(z.number()),
  /** The linked registrations (named by their person or unit) and breakthrough contents (by title). */
  links: z.object({ registrations: z.array(NominationLinkSchema), breakthroughs: z.array(NominationLinkSchema) }),
  decisionId: z.number().nullable(),
  /** Shown in the public gallery of exemplary models. */
  isPublic: z.boolean(),
  returnReason: z.string().nullable(),
  files: z.array(FileSummarySchema),
  version: z.number(),
  updatedAt: z.string(),
  /** The steps the caller may take now: save, submit, return, endorse, forward, decline, commend, publish. */
  steps: z.array(z.string()),
  history: z.array(NominationHistoryEventSchema),
});
export type NominationView = z.infer<typeof NominationViewSchema>;

/** The forms of commendation the whole tree shares: biểu dương, giấy khen, bằng khen and any a top level adds. */
export const CommendationFormSchema = z.object({ code: z.string(), name: z.string(), sortOrder: z.number(), active: z.boolean() });
export type CommendationForm = z.infer<typeof CommendationFormSchema>;
export const CommendationFormsSchema = z.array(CommendationFormSchema);

export const DecisionListItemSchema = z.object({
  id: z.number(),
  unit: NamedRefSchema,
  form: z.object({ code: z.string(), name: z.string() }),
  numberSymbol: z.string(),
  decidedOn: z.string(),
  title: z.string(),
  /** How many collectives, individuals and models it names. */
  entries: z.number(),
});
export type DecisionListItem = z.infer<typeof DecisionListItemSchema>;

export const DecisionsPageSchema = pagedAnswerSchema(DecisionListItemSchema);
export type DecisionsPage = z.infer<typeof DecisionsPageSchema>;

/** A collective, individual or model a decision names, in the order of its annex list. */
export const DecisionEntrySchema = z.object({
  nominationId: z.number(),
  kind: z.enum(NOMINATION_KINDS),
  title: z.string(),
  subjectName: z.string().nullable(),
  unitName: z.string(),
  story: z.string(),
  results: z.string(),
});
export type DecisionEntry = z.infer<typeof DecisionEntrySchema>;

export const DecisionViewSchema = DecisionListItemSchema.omit({ entries: true }).extend({
  periodFrom: z.string(),
  periodTo: z.string(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  entries: z.array(DecisionEntrySchema),
});
export type DecisionView = z.infer<typeof DecisionViewSchema>;

export const CommendationFigureValuesSchema = z.object({
  members: z.number(),
  nominated: z.number(),
  commended: z.number(),
  collectives: z.number(),
  individuals: z.number(),
  models: z.number(),
  /** Commended per 1,000 members; null without members. */
  perThousandMembers: z.number().nullable(),
  /** By form code; every form of the catalogue, inactive ones too. */
  byForm: z.record(z.string(), z.number()),
  /** By the unit kind of the deciding level; only the kinds that decided any. */
  byLevel: z.record(z.string(), z.number()),
});
export type CommendationFigureValues = z.infer<typeof CommendationFigureValuesSchema>;

/** The commendation figures of a subtree and of each child unit open on `asOf`, with each figure's definition. */
export const CommendationFiguresSchema = subtreeFiguresAnswerSchema(CommendationFigureValuesSchema);
export type CommendationFigures = z.infer<typeof CommendationFiguresSchema>;
