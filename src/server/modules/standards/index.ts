export { findPublicStandards } from './standards.public';
export { isStandardKeeping } from './standards.service';
export { takeBackStandardsOfClosedUnit } from './standards.lifecycle';
export { insertStandardsInBulk, type UnitStandardsInput } from './standards.bulk';
