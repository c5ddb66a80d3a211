import { z } from 'zod';
import { IdSchema, PagingSchema, OptionalText, TrimmedText } from './common';
import { AttachmentIdsSchema } from './files';
import { CompletionLevelSchema, RegistrationStatusSchema } from './registration-status';

const YearSchema = z.coerce.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

/** A check-in on one action: how far it has got, what was done, and evidence. */
export const CheckInSchema = z.object({
  actionId: z.number().int().positive(),
  progressPercent: z.number().int('Tiến độ là số nguyên').min(0, 'Tiến độ từ 0 đến 100%').max(100, 'Tiến độ từ 0 đến 100%'),
  note: TrimmedText(2000),
  fileIds: AttachmentIdsSchema.default([]),
});
export type CheckInInput = z.infer<typeof CheckInSchema>;

/** The member's year-end self-assessment: each action, then the whole registration. */
export const SelfAssessmentSchema = z.object({
  version: z.number().int().positive(),
  selfLevel: CompletionLevelSchema,
  selfExplanation: TrimmedText(4000),
  actions: z
    .array(z.object({ actionId: z.number().int().positive(), level: CompletionLevelSchema, note: OptionalText(2000) }))
    .min(1, 'Hãy tự đánh giá từng việc đã đăng ký.')
    .max(50),
});
export type SelfAssessmentInput = z.infer<typeof SelfAssessmentSchema>;

/** The cell's review of a self-assessed registration. */
export const ReviewSchema = z.object({
  version: z.number().int().positive(),
  reviewLevel: CompletionLevelSchema,
  reviewComment: TrimmedText(4000),
});
export type ReviewInput = z.infer<typeof ReviewSchema>;

export const CloseSchema = z.object({ version: z.number().int().positive() });

export const STALE_MONTHS = [2, 3, 6] as const;

/** Registrations of a unit's subtree being followed up; `staleMonths`: no check-in for that long. */
export const FollowupListQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  year: YearSchema,
  status: RegistrationStatusSchema.optional(),
  kind: z.enum(['individual', 'collective']).optional(),
  staleMonths: z.coerce
    .number()
    .int()
    .refine((value) => (STALE_MONTHS as readonly number[]).includes(value), 'Chỉ lọc theo 2, 3 hoặc 6 tháng')
    .optional(),
  q: z.string().trim().max(200).optional(),
});
export type FollowupListQuery = z.infer<typeof FollowupListQuerySchema>;

export const MineQuerySchema = z.object({ year: YearSchema });

export const UnitYearQuerySchema = z.object({ unitId: IdSchema, year: YearSchema });

export const RegisterBookQuerySchema = UnitYearQuerySchema.extend({ format: z.enum(['xlsx', 'docx']).default('xlsx') });

export const RemindersRunSchema = z.object({ unitId: z.number().int().positive() });

export const NotificationsQuerySchema = PagingSchema.extend({ unreadOnly: z.enum(['true', 'false']).optional() });

/** The registration figures of a subtree for a year, all from the live counters. */
export type RegistrationFigures = {
  members: number;
  registered: number;
  registrationRate: number | null;
  leadersRegistered: number;
  collectiveRegistered: number;
  /** The actions ("việc") of the registrations: what the campaign's reviews count. */
  individualActions: number;
  collectiveActions: number;
  approvedActions: number;
  actionsDone: number;
  approved: number;
  published: number;
  returned: number;
  checkIns: number;
  selfAssessed: number;
  reviewed: number;
  completedWell: number;
  completed: number;
  notCompleted: number;
};
export type RegistrationFigureKey = keyof RegistrationFigures;
