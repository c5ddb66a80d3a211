import { z } from 'zod';
import { IdSchema, IsoDateSchema, OptionalText, pagedAnswerSchema, PagingSchema } from './common';
import { UnitKindSchema } from './domain';
import { FileSummarySchema } from './files';

export const MAX_CRITERIA = 15;

export const CriterionSchema = z.object({
  text: z.string().trim().min(3, 'Mỗi tiêu chí cần ít nhất 3 ký tự').max(300, 'Mỗi tiêu chí tối đa 300 ký tự'),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const CriteriaSchema = z
  .array(CriterionSchema)
  .min(1, 'Chuẩn mực cần ít nhất 1 tiêu chí')
  .max(MAX_CRITERIA, `Chuẩn mực có tối đa ${MAX_CRITERIA} tiêu chí`);

const TitleSchema = z.string().trim().min(3, 'Tiêu đề cần ít nhất 3 ký tự').max(200, 'Tiêu đề tối đa 200 ký tự');

/** A new draft: without criteria it starts from the unit's current adopted version. */
export const CreateStandardDraftSchema = z.object({
  unitId: IdSchema,
  title: TitleSchema.optional(),
  criteria: CriteriaSchema.optional(),
});

export const UpdateStandardDraftSchema = z.object({
  title: TitleSchema.optional(),
  criteria: CriteriaSchema.optional(),
  version: z.number().int().positive(),
});

export const AdoptStandardSchema = z.object({
  adoptedOn: IsoDateSchema,
  version: z.number().int().positive(),
});

export { VersionQuerySchema } from './common';

export const UnitIdParamsSchema = z.object({ unitId: IdSchema });

export const SignSchema = z.object({
  postedOn: IsoDateSchema,
  location: OptionalText(300),
  photoFileId: IdSchema.nullish().transform((value) => value ?? null),
});

export const UpdateSignSchema = SignSchema.extend({ version: z.number().int().positive() });
export type SignBody = z.input<typeof SignSchema>;
export type UpdateSignBody = z.input<typeof UpdateSignSchema>;

export const STANDARD_STATUSES = ['draft', 'adopted', 'superseded'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

/** Filters of the overview: which standard-keeping units still lack adopted standards or a sign. */
export const OVERVIEW_FILTERS = ['all', 'not_adopted', 'adopted', 'no_sign', 'signed'] as const;
export type OverviewFilter = (typeof OVERVIEW_FILTERS)[number];

export const StandardsOverviewQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  q: z.string().trim().max(100).optional(),
  filter: z.enum(OVERVIEW_FILTERS).default('all'),
  sort: z.enum(['name', 'adoptedOn', 'postedOn']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type StandardsOverviewQuery = z.infer<typeof StandardsOverviewQuerySchema>;
export type StandardsOverviewQueryParams = z.input<typeof StandardsOverviewQuerySchema>;

// ── Answers ─────────────────────────────────────────────────────────────────
/** One version of a unit's standards: a draft, the adopted (current) one or a superseded one. */
export const StandardVersionSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  /** 1, 2, 3… in the unit's history; `version` is the row's edit counter. */
  versionNumber: z.number(),
  title: z.string(),
  criteria: z.array(z.object({ text: z.string() })),
  status: z.enum(STANDARD_STATUSES),
  adoptedOn: z.string().nullable(),
  supersededOn: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type StandardVersion = z.infer<typeof StandardVersionSchema>;

/** The sign with the unit's standards, as recorded by the unit. */
export const StandardSignSchema = z.object({
  unitId: z.number(),
  postedOn: z.string(),
  location: z.string().nullable(),
  photo: FileSummarySchema.nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type StandardSign = z.infer<typeof StandardSignSchema>;

/** Everything a unit's page shows: every version, the sign and where its QR code points. */
export const UnitStandardsSchema = z.object({
  /** `isOpen` while the unit has not ended. */
  unit: z.object({ id: z.number(), code: z.string(), name: z.string(), kind: UnitKindSchema, isOpen: z.boolean() }),
  /** Only cells and agencies keep standards of their own; for other units the lists are empty. */
  isStandardKeeping: z.boolean(),
  canEdit: z.boolean(),
  current: StandardVersionSchema.nullable(),
  draft: StandardVersionSchema.nullable(),
  /** Newest first. */
  versions: z.array(StandardVersionSchema),
  sign: StandardSignSchema.nullable(),
  /** The unit's public page, where the sign's QR code points. */
  publicUrl: z.string(),
});
export type UnitStandards = z.infer<typeof UnitStandardsSchema>;

/** A standard-keeping unit of the overview with its current standards and sign. */
export const StandardsOverviewItemSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: UnitKindSchema,
  path: z.string(),
  parentName: z.string().nullable(),
  /** The current adopted version, if any. */
  versionNumber: z.number().nullable(),
  adoptedOn: z.string().nullable(),
  /** The first adoption ever, the day the unit counts as having adopted standards. */
  firstAdoptedOn: z.string().nullable(),
  hasDraft: z.boolean(),
  postedOn: z.string().nullable(),
  location: z.string().nullable(),
  hasPhoto: z.boolean(),
});
export type StandardsOverviewItem = z.infer<typeof StandardsOverviewItemSchema>;

export const StandardsOverviewSchema = pagedAnswerSchema(StandardsOverviewItemSchema).extend({
  /** Counts over the whole subtree, before search and filter ("12 of 40 adopted"). */
  summary: z.object({ units: z.number(), adopted: z.number(), signed: z.number() }),
});
export type StandardsOverview = z.infer<typeof StandardsOverviewSchema>;
