import type { Unit, UnitVersion } from '../../../shared/contracts/units';
import type { UnitRow, UnitVersionRow } from './units.repo';

export function presentUnit(unit: UnitRow, hasChildren: boolean): Unit {
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

/** A unit as it stood in one version: its code, name, kind and parent of that period replace the current ones. */
export function presentAsOfVersion(view: Unit, version: UnitVersionRow | undefined): Unit {
  if (!version) return view;
  return { ...view, code: version.code, name: version.name, kind: version.kind, parentId: version.parentId };
}

export function presentUnitVersion(version: UnitVersionRow, parentName: string | null): UnitVersion {
  return {
    id: version.id,
    code: version.code,
    name: version.name,
    kind: version.kind,
    parentId: version.parentId,
    parentName,
    validFrom: version.validFrom,
    validTo: version.validTo,
  };
}
