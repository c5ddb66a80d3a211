import { z } from 'zod';
import { IdSchema, IsoDateSchema, PagingSchema, BooleanQuerySchema, TrimmedText } from './common';
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
