export { sessionDeltas, reevaluateStudies } from './study.figures';
