export { getReviewResult } from './followup.service';
export { recordCheckInsInBulk, reviewInBulk, selfAssessInBulk } from './followup.bulk';
export type { BulkCheckIn } from './followup.bulk';
