export { publicRegistrationsOfUnit } from './publication.service';
export { listPublicFeedback } from './feedback.repo';
export { listPublicRegistrationChoices } from './publication.repo';
export {
  submitPublicFeedback,
  feedbackSettings,
  eraseExpiredSenderContacts,
  startContactRetentionJob,
  FEEDBACK_LIMITS,
  countExistingOverdueFeedback,
} from './feedback.service';
export type { FeedbackSettings } from './feedback.service';
export { createFeedbackGuard, loadFeedbackSecret } from './feedback-guard';
export type { FeedbackGuard } from './feedback-guard';
export { insertFeedbackInBulk } from './feedback.bulk';
export type { BulkFeedback } from './feedback.bulk';
