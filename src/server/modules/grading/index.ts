export { gradingRoutes } from './grading.routes';
export { getGradingFigures } from './grading-figures.service';
