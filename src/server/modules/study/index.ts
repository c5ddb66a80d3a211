export { sessionDeltas, reevaluateStudies, followPersonMove } from './study.figures';
