import { z } from 'zod';
import { BooleanQuerySchema, IdSchema, IsoDateSchema, OptionalText, PagingSchema, TrimmedText } from './common';
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
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(200).optional(),
});
export type NominationsQuery = z.infer<typeof NominationsQuerySchema>;

export const NominationPublicSchema = z.object({ version: z.number().int().positive(), isPublic: z.boolean() });

/** The forms of commendation the whole tree shares: biểu dương, giấy khen, bằng khen and any a top level adds. */
export type CommendationForm = { code: string; name: string; sortOrder: number; active: boolean };
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
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type DecisionsQuery = z.infer<typeof DecisionsQuerySchema>;

/** What the API answers, shared by the server's presenters and the web app. */
export type NominationListItem = {
  id: number;
  kind: NominationKind;
  title: string;
  status: NominationStatus;
  unitId: number;
  unitName: string;
  atUnitName: string | null;
  subjectName: string | null;
  periodFrom: string;
  periodTo: string;
  version: number;
  updatedAt: string;
};

export type NominationHistoryEvent = {
  id: number;
  action: string;
  fromStatus: NominationStatus;
  toStatus: NominationStatus;
  atUnitName: string | null;
  reason: string | null;
  actorName: string;
  at: string;
  /** For a resubmission: each field changed since the submission before it, before and after. */
  changes: NominationChange[] | null;
};

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
export type NominationChange = FieldChange<NominationDiffField>;

/** A registration or breakthrough content a nomination links to, with what names it for a reader. */
export type NominationLink = { id: number; name: string; year: number };

export type NominationView = {
  id: number;
  kind: NominationKind;
  status: NominationStatus;
  unit: { id: number; name: string };
  atUnit: { id: number; name: string } | null;
  subject: { unitId: number | null; personId: number | null; name: string | null };
  title: string;
  story: string;
  results: string;
  periodFrom: string;
  periodTo: string;
  registrationIds: number[];
  breakthroughIds: number[];
  /** The linked registrations (named by their person or unit) and breakthrough contents (by title). */
  links: { registrations: NominationLink[]; breakthroughs: NominationLink[] };
  decisionId: number | null;
  /** Shown in the public gallery of exemplary models. */
  isPublic: boolean;
  returnReason: string | null;
  files: Array<{ id: number; name: string; contentType: string; sizeBytes: number; createdAt: string }>;
  version: number;
  updatedAt: string;
  /** The steps the caller may take now: save, submit, return, endorse, forward, decline, commend. */
  steps: string[];
  history: NominationHistoryEvent[];
};

export type DecisionListItem = {
  id: number;
  unit: { id: number; name: string };
  form: { code: string; name: string };
  numberSymbol: string;
  decidedOn: string;
  title: string;
  entries: number;
};

export type DecisionView = Omit<DecisionListItem, 'entries'> & {
  periodFrom: string;
  periodTo: string;
  signerName: string | null;
  signerTitle: string | null;
  entries: Array<{
    nominationId: number;
    kind: NominationKind;
    title: string;
    subjectName: string | null;
    unitName: string;
    story: string;
    results: string;
  }>;
};

export type CommendationFigureValues = {
  members: number;
  nominated: number;
  commended: number;
  collectives: number;
  individuals: number;
  models: number;
  perThousandMembers: number | null;
  byForm: Record<string, number>;
  byLevel: Record<string, number>;
};
