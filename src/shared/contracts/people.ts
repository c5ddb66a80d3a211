import { z } from 'zod';
import { IdSchema, IsoDateSchema, OptionalText, PagingSchema, BooleanQuerySchema, TrimmedText, pagedAnswerSchema } from './common';
import { PersonCategorySchema, PositionSchema, SexSchema } from './domain';
import { UnitRefSchema } from './units';

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
export type PersonFieldsBody = z.input<typeof PersonFieldsSchema>;
export type CreatePersonBody = z.input<typeof CreatePersonSchema>;
export type UpdatePersonBody = z.input<typeof UpdatePersonSchema>;
export type MovePersonBody = z.input<typeof MovePersonSchema>;
export type PeopleQueryParams = z.input<typeof PeopleQuerySchema>;

// Answers.

/** A person through their current primary membership; personal fields are null unless `personalVisible`. */
export const PersonSchema = z.object({
  id: z.number(),
  fullName: z.string(),
  sex: SexSchema,
  birthDate: z.string().nullable(),
  category: PersonCategorySchema,
  cardNumber: z.string().nullable(),
  idNumber: z.string().nullable(),
  admissionDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  /** Where the person takes part now (null: nowhere). */
  unit: UnitRefSchema.nullable(),
  position: PositionSchema.nullable(),
  isHead: z.boolean(),
  /** Whether the caller may see the personal fields (a role without them gets them as null). */
  personalVisible: z.boolean(),
  version: z.number(),
});
export type Person = z.infer<typeof PersonSchema>;
export const PeopleAnswerSchema = pagedAnswerSchema(PersonSchema);

/** A period of a person in a unit; the primary one is counted in the figures. */
export const MembershipSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  position: PositionSchema,
  isHead: z.boolean(),
  isPrimary: z.boolean(),
  fromDate: z.string(),
  /** The day it ended (null while it lasts). */
  toDate: z.string().nullable(),
});
export type Membership = z.infer<typeof MembershipSchema>;

/** A person with every membership, newest first. */
export const PersonDetailSchema = PersonSchema.extend({ memberships: z.array(MembershipSchema) });
export type PersonDetail = z.infer<typeof PersonDetailSchema>;
