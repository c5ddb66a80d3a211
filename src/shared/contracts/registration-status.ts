import { z } from 'zod';

/** The lifecycle of a registration of "làm theo"; the server enforces it, the UI offers what it allows. */
export const REGISTRATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'published',
  'in_progress',
  'self_assessed',
  'reviewed',
  'closed',
] as const;
export const RegistrationStatusSchema = z.enum(REGISTRATION_STATUSES);
export type RegistrationStatus = z.infer<typeof RegistrationStatusSchema>;

/** Who may take a step: the registrant (the member, or the head for a collective), or the unit's appraisers. */
export type TransitionActor = 'registrant' | 'appraiser';

export const REGISTRATION_TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'registrant', needsReason: false },
  withdraw: { from: ['submitted'], to: 'draft', by: 'registrant', needsReason: false },
  return: { from: ['submitted'], to: 'returned', by: 'appraiser', needsReason: true },
  approve: { from: ['submitted'], to: 'approved', by: 'appraiser', needsReason: false },
  publish: { from: ['approved'], to: 'published', by: 'appraiser', needsReason: false },
  unpublish: { from: ['published'], to: 'approved', by: 'appraiser', needsReason: true },
  start: { from: ['published'], to: 'in_progress', by: 'registrant', needsReason: false },
  selfAssess: { from: ['published', 'in_progress'], to: 'self_assessed', by: 'registrant', needsReason: false },
  review: { from: ['self_assessed'], to: 'reviewed', by: 'appraiser', needsReason: false },
  close: { from: ['reviewed'], to: 'closed', by: 'appraiser', needsReason: false },
} as const satisfies Record<
  string,
  { from: readonly RegistrationStatus[]; to: RegistrationStatus; by: TransitionActor; needsReason: boolean }
>;
export type RegistrationTransition = keyof typeof REGISTRATION_TRANSITIONS;

/** Content (shortcomings, actions) may change only while the registrant holds it. */
export const EDITABLE_STATUSES: readonly RegistrationStatus[] = ['draft', 'returned'];

export function canTransition(transition: RegistrationTransition, from: RegistrationStatus): boolean {
  return (REGISTRATION_TRANSITIONS[transition].from as readonly RegistrationStatus[]).includes(from);
}

/** The words on the screen (product glossary), also used by the server in messages and documents. */
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  draft: 'Nháp',
  submitted: 'Đã gửi',
  returned: 'Trả lại (bổ sung, chỉnh sửa)',
  approved: 'Đã thẩm định',
  published: 'Đã công khai',
  in_progress: 'Đang thực hiện',
  self_assessed: 'Đã tự đánh giá',
  reviewed: 'Đã nhận xét, đánh giá',
  closed: 'Đã kết thúc',
};

export const REGISTRATION_KINDS = ['individual', 'collective'] as const;
export const RegistrationKindSchema = z.enum(REGISTRATION_KINDS);
export type RegistrationKind = z.infer<typeof RegistrationKindSchema>;

export const ACTION_AREAS = ['thought', 'ethics', 'style'] as const;
export const ActionAreaSchema = z.enum(ACTION_AREAS);
export type ActionArea = z.infer<typeof ActionAreaSchema>;
export const ACTION_AREA_LABELS: Record<(typeof ACTION_AREAS)[number], string> = {
  thought: 'Tư tưởng',
  ethics: 'Đạo đức',
  style: 'Phong cách',
};

export const COMPLETION_LEVELS = ['completed_well', 'completed', 'not_completed'] as const;
export const CompletionLevelSchema = z.enum(COMPLETION_LEVELS);
export type CompletionLevel = z.infer<typeof CompletionLevelSchema>;
export const COMPLETION_LEVEL_LABELS: Record<(typeof COMPLETION_LEVELS)[number], string> = {
  completed_well: 'Hoàn thành tốt',
  completed: 'Hoàn thành',
  not_completed: 'Không hoàn thành',
};

/** Body of every transition request: the version the user saw (optimistic concurrency) and a reason where needed. */
export const TransitionBodySchema = z.object({
  version: z.number().int().positive(),
  reason: z.string().trim().max(2000).optional(),
});
