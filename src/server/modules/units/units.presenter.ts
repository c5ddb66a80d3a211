import type { UnitRow } from './units.repo';

export function presentUnit(unit: UnitRow, hasChildren: boolean) {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    path: unit.path,
    depth: unit.depth,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    closedReason: unit.closedReason,
    successorIds: unit.successorIds,
    hasChildren,
    version: unit.version,
  };
}
export type UnitView = ReturnType<typeof presentUnit>;
