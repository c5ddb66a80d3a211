import { z } from 'zod';
import { BooleanQuerySchema, IdSchema, IsoDateSchema, OptionalText, PagingSchema, TrimmedText } from './common';
import { AttachmentIdsSchema } from './files';

/** Years a plan, a topic or a breakthrough content may be for: the campaign started in 2011 (Chỉ thị 03). */
export const YearSchema = z.coerce.number().int('Năm phải là số nguyên').min(2011, 'Năm phải từ 2011 trở đi').max(2100, 'Năm không hợp lệ');

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
export const CreatePlanSchema = yearRange(PlanFieldsSchema.extend({ unitId: IdSchema }));
export type CreatePlan = z.infer<typeof CreatePlanSchema>;
export const UpdatePlanSchema = yearRange(PlanFieldsSchema.extend({ version: z.number().int() }));
export type UpdatePlan = z.infer<typeof UpdatePlanSchema>;
export const PlansQuerySchema = ListQueryBase.extend({ sort: z.enum(['issuedOn', 'year', 'unit']).default('issuedOn') });
export type PlansQuery = z.infer<typeof PlansQuerySchema>;

// ── Study topics ────────────────────────────────────────────────────────────
const TopicFieldsSchema = z.object({
  title: TrimmedText(400),
  description: OptionalText(4000),
  fromYear: YearSchema,
  toYear: YearSchema,
  fileIds: AttachmentIdsSchema.default([]),
});
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

export const VersionBodySchema = z.object({ version: z.coerce.number().int() });
