import { z } from 'zod';
import { IdSchema, IsoDateSchema, PagingSchema, BooleanQuerySchema, TrimmedText, pagedAnswerSchema } from './common';
import { UnitKindSchema } from './domain';

const CodeSchema = z
  .string()
  .trim()
  .min(1, 'Không được để trống')
  .max(40)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'Mã chỉ gồm chữ, số, dấu chấm, gạch ngang');

export const AsOfQuerySchema = z.object({ asOf: IsoDateSchema.optional() });
export const UnitSearchQuerySchema = PagingSchema.extend({
  q: z.string().trim().max(100).optional(),
  kind: UnitKindSchema.optional(),
  under: IdSchema.optional(),
  includeClosed: BooleanQuerySchema.default(false),
});
export const CreateUnitSchema = z.object({
  code: CodeSchema,
  name: TrimmedText(200),
  kind: UnitKindSchema,
  parentId: IdSchema.nullable(),
  validFrom: IsoDateSchema.optional(),
});
export const UpdateUnitSchema = z.object({
  name: TrimmedText(200).optional(),
  code: CodeSchema.optional(),
  kind: UnitKindSchema.optional(),
  effectiveDate: IsoDateSchema.optional(),
  version: z.number().int(),
});
export const MoveUnitSchema = z.object({ parentId: IdSchema, effectiveDate: IsoDateSchema.optional(), version: z.number().int() });
export const CloseUnitSchema = z.object({ effectiveDate: IsoDateSchema.optional(), version: z.number().int() });
const NewPartSchema = z.object({ code: CodeSchema, name: TrimmedText(200), kind: UnitKindSchema });
export const MergeUnitsSchema = z.object({
  sourceIds: z.array(IdSchema).min(2, 'Hãy chọn ít nhất hai đơn vị'),
  target: NewPartSchema.extend({ parentId: IdSchema }),
  effectiveDate: IsoDateSchema.optional(),
});
export const SplitUnitSchema = z.object({
  effectiveDate: IsoDateSchema.optional(),
  parts: z
    .array(NewPartSchema.extend({ childIds: z.array(IdSchema).default([]), personIds: z.array(IdSchema).default([]) }))
    .min(2, 'Cần ít nhất hai đơn vị mới'),
});
export type UnitSearchQueryParams = z.input<typeof UnitSearchQuerySchema>;
export type CreateUnitBody = z.input<typeof CreateUnitSchema>;
export type UpdateUnitBody = z.input<typeof UpdateUnitSchema>;
export type MoveUnitBody = z.input<typeof MoveUnitSchema>;
export type CloseUnitBody = z.input<typeof CloseUnitSchema>;
export type MergeUnitsBody = z.input<typeof MergeUnitsSchema>;
export type SplitUnitBody = z.input<typeof SplitUnitSchema>;

// Answers.

/** Why a unit stopped: closed outright, or merged into / split into the units of `successorIds`. */
export const CLOSED_REASONS = ['closed', 'merged', 'split'] as const;
export const ClosedReasonSchema = z.enum(CLOSED_REASONS);
export type ClosedReason = z.infer<typeof ClosedReasonSchema>;

/** A unit named in another answer. */
export const UnitRefSchema = z.object({ id: z.number(), code: z.string(), name: z.string() });
export type UnitRef = z.infer<typeof UnitRefSchema>;

export const UnitSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: UnitKindSchema,
  parentId: z.number().nullable(),
  /** The ids from the root down to the unit, dot-separated ("1.25.300"). */
  path: z.string(),
  depth: z.number(),
  validFrom: z.string(),
  /** The day it stopped (null while open). */
  validTo: z.string().nullable(),
  closedReason: ClosedReasonSchema.nullable(),
  successorIds: z.array(z.number()),
  /** Whether it has open units below it. */
  hasChildren: z.boolean(),
  version: z.number(),
});
export type Unit = z.infer<typeof UnitSchema>;

/** A unit with the ancestors the caller may see (highest first) and its parent's name. */
export const UnitDetailSchema = UnitSchema.extend({ breadcrumbs: z.array(UnitRefSchema), parentName: z.string().nullable() });
export type UnitDetail = z.infer<typeof UnitDetailSchema>;

/** A unit found by a search, with the names of its visible ancestors joined by " › ". */
export const UnitSearchHitSchema = UnitSchema.extend({ breadcrumbs: z.string() });
export type UnitSearchHit = z.infer<typeof UnitSearchHitSchema>;
export const UnitSearchAnswerSchema = pagedAnswerSchema(UnitSearchHitSchema);

/** One period of a unit's history: its code, name, kind and parent from `validFrom` until `validTo`. */
export const UnitVersionSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: UnitKindSchema,
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type UnitVersion = z.infer<typeof UnitVersionSchema>;
