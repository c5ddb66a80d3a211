export { gradingRoutes } from './grading.routes';
export { getGradingFigures } from './grading-figures.service';
export { createGrading, decideOne, gradeOne, ruleForYear, saveSelfReview } from './grading.service';
export { proposeGrade } from './grading-rules';
