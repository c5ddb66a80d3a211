export { transitionRegistration, statusDeltas, snapshotOf, isRegistrant, assertRegistrant } from './registration-machine';
export type { TransitionRequest } from './registration-machine';
export { findRegistrationWithUnit, listActionsOf, listEventsOf, updateRegistration } from './registrations.repo';
export type { RegistrationRow, RegistrationActionRow, RegistrationEventRow } from './registrations.repo';
export { registrationsRoutes } from './registrations.routes';
export { findRegistrationPlace, searchTextOf } from './registrations.service';
export { SIMILARITY_THRESHOLD } from './similarity';
export { fingerprintOf, insertPairs, pairsAmong, parentPathOf, storedFingerprintOf } from './similarity';
export type { SimilarityItem } from './similarity';
