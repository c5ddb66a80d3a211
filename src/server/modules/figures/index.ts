export { PROGRAMME_METRICS, STANDARD_KEEPING_KINDS } from './programme-metrics';
