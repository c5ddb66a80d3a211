export { createRequest, requestSelfReport, selfReportState } from './requests.service';
export { saveAnswer, submitAnswer, returnAnswer, acceptAnswer } from './answers.service';
export { getConsolidation } from './consolidation.service';
export { METRIC_CATALOGUE, computeFigures } from './metric-catalogue';
export { saveTemplate } from './requests.service';
export { respond as respondToRecommendation } from './recommendations.service';
export { redateRequestFigures } from './report.figures';
