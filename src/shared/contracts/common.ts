import { z } from 'zod';

/** 'YYYY-MM-DD' that is a real calendar day. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'Ngày không tồn tại');

export const IdSchema = z.coerce.number().int().positive();
export const IdParamsSchema = z.object({ id: IdSchema });
/** The version a client last read, sent with a delete so an edit made meanwhile is not lost. */
export const VersionQuerySchema = z.object({ version: z.coerce.number().int().positive() });

export const PagingSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const BooleanQuerySchema = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

export const TrimmedText = (max: number) => z.string().trim().min(1, 'Không được để trống').max(max, `Tối đa ${max} ký tự`);
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự`)
    .nullish()
    .transform((value) => (value ? value : null));
