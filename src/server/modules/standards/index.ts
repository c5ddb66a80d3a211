export { findPublicStandards } from './standards.public';
export { isStandardKeeping } from './standards.service';
export { takeBackStandardsOfClosedUnit } from './standards.lifecycle';
