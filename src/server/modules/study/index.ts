export { sessionDeltas, reevaluateStudies, followPersonMove } from './study.figures';
export { insertSessionsInBulk, type BulkSessionInput, type BulkAttendanceInput } from './study.bulk';
