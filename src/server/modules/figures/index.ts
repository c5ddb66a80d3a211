export { PROGRAMME_METRICS, STANDARD_KEEPING_KINDS } from './programme-metrics';
export { asOfForYear } from './programme-figures.service';
