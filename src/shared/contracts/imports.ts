import { z } from 'zod';
import { BooleanQuerySchema, IdSchema } from './common';
import { PersonCategorySchema } from './domain';

/** What an Excel file of the tree brings in: units, or people with their unit. */
export const IMPORT_KINDS = ['units', 'people'] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKindSchema>;

export const ImportKindParamsSchema = z.object({ kind: ImportKindSchema });
export const ImportBatchParamsSchema = z.object({ batchId: z.uuid() });
export const UnitsExportQuerySchema = z.object({ under: IdSchema.optional(), includeClosed: BooleanQuerySchema.default(false) });
export const PeopleExportQuerySchema = z.object({
  unitId: IdSchema.optional(),
  includeSubtree: BooleanQuerySchema.default(true),
  q: z.string().trim().max(100).optional(),
  category: PersonCategorySchema.optional(),
});

// Answers.

/** A problem of one row of the file: its row number, the column's heading, and what is wrong. */
export const ImportRowErrorSchema = z.object({ row: z.number(), column: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

/** What applying the file would do; nothing is written until the batch is applied (within an hour). */
export const ImportPreviewSchema = z.object({
  batchId: z.string(),
  fileName: z.string(),
  totalRows: z.number(),
  validRows: z.number(),
  errors: z.array(ImportRowErrorSchema),
  creates: z.number(),
  updates: z.number(),
  unchanged: z.number(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportResultSchema = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });
export type ImportResult = z.infer<typeof ImportResultSchema>;
