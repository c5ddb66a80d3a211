export { PROGRAMME_METRICS, STANDARD_KEEPING_KINDS } from './programme-metrics';
export { asOfForYear } from './programme-figures.service';
export { ACTION_BUCKETS, DONE_LEVELS, REGISTRATION_METRICS, REGISTRATION_BUCKETS, registrationFigureDay } from './registration-metrics';
export type { ActionBucket, RegistrationBucket, RegistrationKind } from './registration-metrics';
export { REPORT_METRICS } from './report-metrics';
export { FIGURE_DEFINITIONS } from './figures.service';
export { PROGRAMME_FIGURE_DEFINITIONS } from './programme-figures.service';
export { REGISTRATION_FIGURE_DEFINITIONS } from './registration-figures.service';
