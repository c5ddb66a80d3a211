export { inspectionRoutes } from './inspections.routes';
export { laggingRoutes } from './lagging.routes';
export { getInspectionFigures } from './inspection-figures.service';
export { createInspection, startInspection, addFinding, concludeInspection } from './inspections.service';
export { reportRemedy, acceptRemedy } from './remedies.service';
