export {
  getUnitOrThrow,
  findUnitPathOrThrow,
  findUnitPlace,
  findTopLevelPlace,
  createUnitInTx,
  UNIT_METRIC,
  unitKindMetric,
} from './units.service';
export { findUnitByCode, findUnitsByCodes, findUnitById, currentVersionStarts, listSubtreeOn } from './units.repo';
export type { UnitRow } from './units.repo';
export { closeUnitInTx } from './units.service';
export { mergeUnitsInTx } from './units.reorganisation';
export { moveUnitInTx, updateUnitFieldsInTx } from './units.service';
