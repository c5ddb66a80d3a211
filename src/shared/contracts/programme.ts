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
import { AttachmentIdsSchema, FileSummarySchema } from './files';
import { UnitRefSchema } from './units';

/** Years a plan, a topic or a breakthrough content may be for: the campaign started in 2011 (Chỉ thị 03). */
export const YearSchema = z.coerce
  .number<number>()
  .int('Năm phải là số nguyên')
  .min(2011, 'Năm phải từ 2011 trở đi')
  .max(2100, 'Năm không hợp lệ');

/**
 * Which levels a list shows, seen from the chosen unit: its own records, those issued by the
 * levels above it (which reach it), those of the units below it, or all of these.
 */
export const PROGRAMME_LEVELS = ['all', 'own', 'above', 'below'] as const;
export const ProgrammeLevelSchema = z.enum(PROGRAMME_LEVELS);
export type ProgrammeLevel = z.infer<typeof ProgrammeLevelSchema>;

const ListQueryBase = PagingSchema.extend({
  unitId: IdSchema.optional(),
  q: z.string().trim().max(100).optional(),
  year: YearSchema.optional(),
  level: ProgrammeLevelSchema.default('all'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
/** What every programme list may be asked with (each list adds its own sort keys). */
export type ProgrammeListQueryParams = z.input<typeof ListQueryBase>;

function yearRange<T extends { fromYear: number; toYear: number }>(schema: z.ZodType<T>) {
  return schema
    .refine((value) => value.fromYear <= value.toYear, { message: 'Năm bắt đầu không được sau năm kết thúc', path: ['toYear'] })
    .refine((value) => value.toYear - value.fromYear <= 10, { message: 'Một nhiệm kỳ không dài quá 10 năm', path: ['toYear'] });
}

// ── Legal bases ─────────────────────────────────────────────────────────────
export const CreateLegalBasisSchema = z.object({
  symbol: TrimmedText(40),
  title: TrimmedText(400),
  issuedOn: IsoDateSchema,
});
export const UpdateLegalBasisSchema = z.object({
  title: TrimmedText(400).optional(),
  isActive: z.boolean().optional(),
});
export const LegalBasesQuerySchema = z.object({ includeInactive: BooleanQuerySchema.default(false) });

// ── Plans ───────────────────────────────────────────────────────────────────
export const TaskGroupSchema = z.object({
  title: TrimmedText(300),
  contents: z.array(TrimmedText(1000)).min(1, 'Mỗi nhóm nhiệm vụ cần ít nhất một nội dung').max(50, 'Tối đa 50 nội dung một nhóm'),
});
export type TaskGroup = z.infer<typeof TaskGroupSchema>;

const PlanFieldsSchema = z.object({
  numberSymbol: z
    .string()
    .trim()
    .min(1, 'Không được để trống')
    .max(40, 'Tối đa 40 ký tự')
    .regex(/^[\p{L}\p{N}]+(?:[-/.][\p{L}\p{N}]+)*$/u, 'Số, ký hiệu có dạng như 23-KH/TU'),
  title: TrimmedText(400),
  issuedOn: IsoDateSchema,
  fromYear: YearSchema,
  toYear: YearSchema,
  legalBasisIds: z.array(z.number().int().positive()).max(10, 'Tối đa 10 căn cứ').default([]),
  taskGroups: z.array(TaskGroupSchema).min(1, 'Kế hoạch cần ít nhất một nhóm nhiệm vụ').max(20, 'Tối đa 20 nhóm nhiệm vụ'),
  fileIds: AttachmentIdsSchema.default([]),
});
/** A plan's fields as a caller sends them (the unit is added on create, the version on update). */
export type PlanFieldsBody = z.input<typeof PlanFieldsSchema>;
export const CreatePlanSchema = yearRange(PlanFieldsSchema.extend({ unitId: IdSchema }));
export type CreatePlan = z.infer<typeof CreatePlanSchema>;
export const UpdatePlanSchema = yearRange(PlanFieldsSchema.extend({ version: z.number().int() }));
export type UpdatePlan = z.infer<typeof UpdatePlanSchema>;
export const PlansQuerySchema = ListQueryBase.extend({ sort: z.enum(['issuedOn', 'year', 'unit']).default('issuedOn') });
export type PlansQuery = z.infer<typeof PlansQuerySchema>;
export type PlansQueryParams = z.input<typeof PlansQuerySchema>;

// ── Study topics ────────────────────────────────────────────────────────────
const TopicFieldsSchema = z.object({
  title: TrimmedText(400),
  description: OptionalText(4000),
  fromYear: YearSchema,
  toYear: YearSchema,
  fileIds: AttachmentIdsSchema.default([]),
});
/** A topic's fields as a caller sends them (the unit is added on create, the version on update). */
export type TopicFieldsBody = z.input<typeof TopicFieldsSchema>;
export const CreateTopicSchema = yearRange(TopicFieldsSchema.extend({ unitId: IdSchema }));
export type CreateTopic = z.infer<typeof CreateTopicSchema>;
export const UpdateTopicSchema = yearRange(TopicFieldsSchema.extend({ version: z.number().int() }));
export type UpdateTopic = z.infer<typeof UpdateTopicSchema>;
/**
 * `applicable=true` with a unit and a year: the topics that unit studies that year — its own and
 * every ancestor's whose years include it (used by the study module).
 */
export const TopicsQuerySchema = ListQueryBase.extend({
  sort: z.enum(['year', 'unit', 'createdAt']).default('year'),
  applicable: BooleanQuerySchema.default(false),
});
export type TopicsQuery = z.infer<typeof TopicsQuerySchema>;
export type TopicsQueryParams = z.input<typeof TopicsQuerySchema>;

// ── Breakthrough contents ───────────────────────────────────────────────────
export const BREAKTHROUGH_STATUSES = ['open', 'in_progress', 'done', 'not_done'] as const;
export const BreakthroughStatusSchema = z.enum(BREAKTHROUGH_STATUSES);
export type BreakthroughStatus = z.infer<typeof BreakthroughStatusSchema>;

const BreakthroughFieldsSchema = z.object({
  title: TrimmedText(400),
  description: OptionalText(4000),
  ownerUnitId: IdSchema,
  target: TrimmedText(1000),
  deadline: IsoDateSchema,
});
/** A breakthrough content's fields as a caller sends them (the unit and year are added on create, the version on update). */
export type BreakthroughFieldsBody = z.input<typeof BreakthroughFieldsSchema>;
export const CreateBreakthroughSchema = BreakthroughFieldsSchema.extend({ unitId: IdSchema, year: YearSchema });
export type CreateBreakthrough = z.infer<typeof CreateBreakthroughSchema>;
export const UpdateBreakthroughSchema = BreakthroughFieldsSchema.extend({ version: z.number().int() });
export type UpdateBreakthrough = z.infer<typeof UpdateBreakthroughSchema>;
/** A lower level takes a content from above as its own; what is left out is copied from the source. */
export const AdoptBreakthroughSchema = z.object({
  unitId: IdSchema,
  ownerUnitId: IdSchema.optional(),
  target: TrimmedText(1000).optional(),
  deadline: IsoDateSchema.optional(),
});
export type AdoptBreakthrough = z.infer<typeof AdoptBreakthroughSchema>;
export const BreakthroughUpdateSchema = z.object({
  reportedOn: IsoDateSchema,
  progressPercent: z.number().int('Tiến độ là số nguyên').min(0, 'Tiến độ từ 0 đến 100').max(100, 'Tiến độ từ 0 đến 100'),
  note: TrimmedText(2000),
  fileIds: AttachmentIdsSchema.default([]),
});
export type BreakthroughUpdateInput = z.infer<typeof BreakthroughUpdateSchema>;
export const BreakthroughStatusChangeSchema = z
  .object({
    status: BreakthroughStatusSchema,
    result: OptionalText(2000),
    completedOn: IsoDateSchema.optional(),
    version: z.number().int(),
  })
  .refine((value) => value.status !== 'open', { message: 'Không thể đưa về trạng thái "Chưa triển khai"', path: ['status'] });
export type BreakthroughStatusChange = z.infer<typeof BreakthroughStatusChangeSchema>;
export const BreakthroughsQuerySchema = ListQueryBase.extend({
  status: BreakthroughStatusSchema.optional(),
  sort: z.enum(['deadline', 'year', 'progress', 'unit']).default('deadline'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type BreakthroughsQuery = z.infer<typeof BreakthroughsQuerySchema>;
export type BreakthroughsQueryParams = z.input<typeof BreakthroughsQuerySchema>;

export const VersionBodySchema = z.object({ version: z.coerce.number<number>().int() });

// ── Answers ─────────────────────────────────────────────────────────────────
export const LegalBasisSchema = z.object({
  id: z.number(),
  symbol: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  /** A deactivated basis may stay on the plans that cite it but cannot be chosen again. */
  isActive: z.boolean(),
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;
export const LegalBasesSchema = z.array(LegalBasisSchema);

/** A task group as a plan keeps it (the request's TaskGroupSchema checks what is typed). */
const PlanTaskGroupSchema = z.object({ title: z.string(), contents: z.array(z.string()) });

export const PlanSchema = z.object({
  id: z.number(),
  unit: UnitRefSchema,
  numberSymbol: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  fromYear: z.number(),
  toYear: z.number(),
  /** The bases the plan cites, in its order (a basis no longer in the catalogue is left out). */
  legalBases: z.array(LegalBasisSchema.omit({ issuedOn: true })),
  taskGroups: z.array(PlanTaskGroupSchema),
  files: z.array(FileSummarySchema),
  canEdit: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Plan = z.infer<typeof PlanSchema>;
export const PlansAnswerSchema = pagedAnswerSchema(PlanSchema);
export type PlansAnswer = z.infer<typeof PlansAnswerSchema>;

export const TopicSchema = z.object({
  id: z.number(),
  unit: UnitRefSchema,
  title: z.string(),
  description: z.string().nullable(),
  fromYear: z.number(),
  toYear: z.number(),
  /** For a whole term rather than one year (fromYear ≠ toYear). */
  isWholeTerm: z.boolean(),
  files: z.array(FileSummarySchema),
  canEdit: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});
export type Topic = z.infer<typeof TopicSchema>;
/** A page of topics; asked with `applicable=true`, every applicable topic on one page. */
export const TopicsAnswerSchema = pagedAnswerSchema(TopicSchema);
export type TopicsAnswer = z.infer<typeof TopicsAnswerSchema>;

export const BreakthroughSchema = z.object({
  id: z.number(),
  unit: UnitRefSchema,
  year: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  /** The unit carrying it out: the choosing unit or one below it. */
  ownerUnit: NamedRefSchema,
  target: z.string(),
  deadline: z.string(),
  /** The content of a level above this one was taken up from (`deleted` once that one was deleted). */
  adoptedFrom: z.object({ id: z.number(), title: z.string(), unitName: z.string(), deleted: z.boolean() }).nullable(),
  /** How many units below took it up, and how many of their copies are done. */
  adoptions: z.object({ adopted: z.number(), done: z.number() }),
  status: BreakthroughStatusSchema,
  progressPercent: z.number(),
  result: z.string().nullable(),
  completedOn: z.string().nullable(),
  canEdit: z.boolean(),
  /** Whether the caller may report progress (a writer of the owner unit). */
  canReport: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});
export type Breakthrough = z.infer<typeof BreakthroughSchema>;
export const BreakthroughsAnswerSchema = pagedAnswerSchema(BreakthroughSchema);
export type BreakthroughsAnswer = z.infer<typeof BreakthroughsAnswerSchema>;

/** A progress report of a breakthrough content, with its evidence. */
export const BreakthroughProgressSchema = z.object({
  id: z.number(),
  reportedOn: z.string(),
  progressPercent: z.number(),
  note: z.string(),
  files: z.array(FileSummarySchema),
  createdAt: z.string(),
});
export type BreakthroughProgress = z.infer<typeof BreakthroughProgressSchema>;

/** A copy of a content taken up by a unit below. */
export const BreakthroughAdoptionSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  status: BreakthroughStatusSchema,
  progressPercent: z.number(),
  completedOn: z.string().nullable(),
  deadline: z.string(),
});
export type BreakthroughAdoption = z.infer<typeof BreakthroughAdoptionSchema>;

export const BreakthroughDetailSchema = BreakthroughSchema.extend({
  /** Copies taken up by units below, within what the reader may see. */
  adoptedBy: z.array(BreakthroughAdoptionSchema),
  /** Newest report first. */
  updates: z.array(BreakthroughProgressSchema),
});
export type BreakthroughDetail = z.infer<typeof BreakthroughDetailSchema>;
