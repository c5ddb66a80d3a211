import { z } from 'zod';
import { IdSchema, IsoDateSchema, NamedRefSchema, pagedAnswerSchema, PagingSchema, TrimmedText } from './common';
import { NOMINATION_KINDS } from './commendations';
import { FileSummarySchema } from './files';

/**
 * Spreading commended examples: typical examples a level sends up to the Centre each year, and the
 * units below that record they took up a commended model (nhân rộng).
 */

const VersionSchema = z.number().int().positive();
const YearQuery = z.coerce.number<number>().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

/** A level (`unitId`) sends a commended example of its subtree up to the Centre as a typical example of `year`. */
export const MarkTypicalSchema = z.object({
  version: VersionSchema,
  unitId: IdSchema,
  year: z.number('Hãy chọn năm gửi lên').int('Năm không hợp lệ').min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ'),
});
export type MarkTypicalInput = z.infer<typeof MarkTypicalSchema>;

export const TypicalExamplesQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  provinceId: IdSchema.optional(),
  year: YearQuery.optional(),
  kind: z.enum(NOMINATION_KINDS).optional(),
  q: z.string().trim().max(200).optional(),
});
export type TypicalExamplesQuery = z.infer<typeof TypicalExamplesQuerySchema>;
export type TypicalExamplesQueryParams = z.input<typeof TypicalExamplesQuerySchema>;
export const TypicalExamplesExportQuerySchema = TypicalExamplesQuerySchema.omit({ page: true, pageSize: true });
export type TypicalExamplesExportQuery = z.infer<typeof TypicalExamplesExportQuerySchema>;

const DecisionRefSchema = z.object({ numberSymbol: z.string(), decidedOn: z.string(), formName: z.string(), unitName: z.string() });

/** Whether a nomination is sent up as a typical example, by which level, and whether the caller may take it back. */
export const TypicalStateSchema = z.object({
  nominationId: z.number(),
  version: z.number(),
  year: z.number().nullable(),
  sentBy: NamedRefSchema.nullable(),
  canClear: z.boolean(),
});
export type TypicalState = z.infer<typeof TypicalStateSchema>;

export const TypicalExampleItemSchema = z.object({
  id: z.number(),
  kind: z.enum(NOMINATION_KINDS),
  title: z.string(),
  subjectName: z.string().nullable(),
  unit: NamedRefSchema,
  /** The ancestor at province level (tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương), if any. */
  province: NamedRefSchema.nullable(),
  year: z.number(),
  sentBy: NamedRefSchema,
  decision: DecisionRefSchema.nullable(),
  version: z.number(),
});
export type TypicalExampleItem = z.infer<typeof TypicalExampleItemSchema>;

export const TypicalExamplesAnswerSchema = pagedAnswerSchema(TypicalExampleItemSchema).extend({
  /** How many each province sent (for the year, kind and search asked), for the grouping and the filter. */
  provinces: z.array(z.object({ id: z.number().nullable(), name: z.string().nullable(), count: z.number() })),
  years: z.array(z.object({ year: z.number(), count: z.number() })),
});
export type TypicalExamplesAnswer = z.infer<typeof TypicalExamplesAnswerSchema>;

const ModelAdoptionContentSchema = z.object({
  adoptedOn: IsoDateSchema,
  note: TrimmedText(5000),
  fileIds: z.array(IdSchema).max(20, 'Tối đa 20 tệp').default([]),
});

/** A unit below the deciding level records that it took up a commended model: when, how, with evidence. */
export const CreateModelAdoptionSchema = ModelAdoptionContentSchema.extend({ unitId: IdSchema });
export type CreateModelAdoptionInput = z.infer<typeof CreateModelAdoptionSchema>;
export type CreateModelAdoptionBody = z.input<typeof CreateModelAdoptionSchema>;
export const UpdateModelAdoptionSchema = ModelAdoptionContentSchema.extend({ version: VersionSchema });
export type UpdateModelAdoptionInput = z.infer<typeof UpdateModelAdoptionSchema>;

/** The commended models a unit may take up: those decided by a level above it. */
export const AdoptableModelsQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  q: z.string().trim().max(200).optional(),
});
export type AdoptableModelsQuery = z.infer<typeof AdoptableModelsQuerySchema>;

export const ModelAdoptionViewSchema = z.object({
  id: z.number(),
  nominationId: z.number(),
  unit: NamedRefSchema,
  adoptedOn: z.string(),
  note: z.string(),
  files: z.array(FileSummarySchema),
  version: z.number(),
  canEdit: z.boolean(),
  updatedAt: z.string(),
});
export type ModelAdoptionView = z.infer<typeof ModelAdoptionViewSchema>;

/** Who took a model up: every adoption counts, the list shows those in the caller's subtrees. */
export const ModelAdoptionsAnswerSchema = z.object({ total: z.number(), items: z.array(ModelAdoptionViewSchema) });
export type ModelAdoptionsAnswer = z.infer<typeof ModelAdoptionsAnswerSchema>;

export const AdoptableModelItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  story: z.string(),
  results: z.string(),
  unitName: z.string(),
  decision: DecisionRefSchema,
  adoptedUnits: z.number(),
  /** This unit's own record of taking it up, if any. */
  adoption: ModelAdoptionViewSchema.nullable(),
});
export type AdoptableModelItem = z.infer<typeof AdoptableModelItemSchema>;

export const AdoptableModelsAnswerSchema = pagedAnswerSchema(AdoptableModelItemSchema);
export type AdoptableModelsAnswer = z.infer<typeof AdoptableModelsAnswerSchema>;
