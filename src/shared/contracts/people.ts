import { z } from 'zod';
import { IdSchema, IsoDateSchema, OptionalText, PagingSchema, BooleanQuerySchema, TrimmedText } from './common';
import { PersonCategorySchema, PositionSchema, SexSchema } from './domain';

export const PersonFieldsSchema = z.object({
  fullName: TrimmedText(120),
  sex: SexSchema,
  birthDate: IsoDateSchema.nullish(),
  category: PersonCategorySchema,
  cardNumber: z
    .string()
    .trim()
    .regex(/^\d{6,12}$/, 'Số thẻ đảng viên gồm 6–12 chữ số')
    .nullish()
    .or(z.literal('').transform(() => null)),
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'Số CCCD gồm đúng 12 chữ số')
    .nullish()
    .or(z.literal('').transform(() => null)),
  admissionDate: IsoDateSchema.nullish(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d ]{8,15}$/, 'Số điện thoại chưa đúng')
    .nullish()
    .or(z.literal('').transform(() => null)),
  email: z
    .email('Email chưa đúng')
    .nullish()
    .or(z.literal('').transform(() => null)),
  address: OptionalText(300),
});
export const PlacementSchema = z.object({ unitId: IdSchema, position: PositionSchema, isHead: z.boolean().default(false) });
export const CreatePersonSchema = PersonFieldsSchema.extend(PlacementSchema.shape).extend({ fromDate: IsoDateSchema.nullish() });
/** Partial: a field left out keeps its value; position and head flag change in the current unit. */
export const UpdatePersonSchema = PersonFieldsSchema.partial().extend({
  position: PositionSchema.optional(),
  isHead: z.boolean().optional(),
  version: z.number().int(),
});
export const MovePersonSchema = PlacementSchema.extend({ effectiveDate: IsoDateSchema.optional(), version: z.number().int() });
export const PeopleQuerySchema = PagingSchema.extend({
  unitId: IdSchema.optional(),
  q: z.string().trim().max(100).optional(),
  category: PersonCategorySchema.optional(),
  includeSubtree: BooleanQuerySchema.default(true),
  asOf: IsoDateSchema.optional(),
  sort: z.enum(['name', 'birthDate', 'unit']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
