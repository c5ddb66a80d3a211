import { z } from 'zod';

/** 'YYYY-MM-DD' that is a real calendar day. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'Ngày không tồn tại');

export const IdSchema = z.coerce.number<number>().int().positive();
export const IdParamsSchema = z.object({ id: IdSchema });
/** The version a client last read, sent with a delete so an edit made meanwhile is not lost. */
export const VersionQuerySchema = z.object({ version: z.coerce.number<number>().int().positive() });

export const PagingSchema = z.object({
  page: z.coerce.number<number>().int().min(1).default(1),
  pageSize: z.coerce.number<number>().int().min(1).max(200).default(20),
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

// Building blocks of the answers (response schemas). Answers carry JSON only: days as 'YYYY-MM-DD' and
// moments as ISO strings (a module's presenter turns a database Date into `toISOString()`).

/** A row named by id, the commonest reference in an answer. */
export const NamedRefSchema = z.object({ id: z.number(), name: z.string() });
export type NamedRef = z.infer<typeof NamedRefSchema>;

/** One page of a list, with the total the filter matched. */
export const pagedAnswerSchema = <Item extends z.ZodType>(item: Item) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
export type PagedAnswer<Item> = { items: Item[]; total: number; page: number; pageSize: number };

/** A generated or stored file sent as it is (DOCX, XLSX, PDF, image): described, never serialised. */
export const FileDownloadSchema = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({ type: 'string', format: 'binary', description: 'Nội dung tệp' });

/** An answer with no body (204). */
export const NoContentSchema = z.undefined().meta({ description: 'Không có nội dung' });

/** A calendar day as it travels: 'YYYY-MM-DD'. */
export type IsoDate = string;
