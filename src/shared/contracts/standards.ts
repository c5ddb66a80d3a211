import { z } from 'zod';
import { IdSchema, IsoDateSchema, OptionalText, PagingSchema } from './common';

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

export const VersionQuerySchema = z.object({ version: z.coerce.number().int().positive() });

export const UnitIdParamsSchema = z.object({ unitId: IdSchema });

export const SignSchema = z.object({
  postedOn: IsoDateSchema,
  location: OptionalText(300),
  photoFileId: IdSchema.nullish().transform((value) => value ?? null),
});

export const UpdateSignSchema = SignSchema.extend({ version: z.number().int().positive() });

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
