import { z } from 'zod';

/** What an upload is for; it decides who may upload it, who may read it and which types it accepts. */
export const FILE_PURPOSES = [
  'plan',
  'topic',
  'breakthrough_update',
  'standard_sign',
  'study_session',
  'check_in',
  'report',
  'nomination',
  'model_adoption',
  'inspection_finding',
  'remedy',
] as const;
export const FilePurposeSchema = z.enum(FILE_PURPOSES);
export type FilePurpose = z.infer<typeof FilePurposeSchema>;

export const FileSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
});
export type FileSummary = z.infer<typeof FileSummarySchema>;

/** Attachments are uploaded first (POST /api/files), then listed by id in the record's body. */
export const AttachmentIdsSchema = z.array(z.number().int().positive()).max(20, 'Tối đa 20 tệp đính kèm.');
