export { getReviewResult } from './followup.service';
