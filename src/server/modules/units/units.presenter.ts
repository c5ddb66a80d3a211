import type { UnitKind } from '../../../shared/contracts/domain';
import type { ClosedReason, Unit, UnitVersion } from '../../../shared/contracts/units';
import type { UnitRow, UnitVersionRow } from './units.repo';

// The kind and the closing reason are text columns; the units service writes only values of their lists.

export function presentUnit(unit: UnitRow, hasChildren: boolean): Unit {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind as UnitKind,
    parentId: unit.parentId,
    path: unit.path,
    depth: unit.depth,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    closedReason: unit.closedReason as ClosedReason | null,
    successorIds: unit.successorIds,
    hasChildren,
    version: unit.version,
  };
}

/** A unit as it stood in one version: its code, name, kind and parent of that period replace the current ones. */
export function presentAsOfVersion(view: Unit, version: UnitVersionRow | undefined): Unit {
  if (!version) return view;
  return { ...view, code: version.code, name: version.name, kind: version.kind as UnitKind, parentId: version.parentId };
}

export function presentUnitVersion(version: UnitVersionRow, parentName: string | null): UnitVersion {
  return {
    id: version.id,
    code: version.code,
    name: version.name,
    kind: version.kind as UnitKind,
    parentId: version.parentId,
    parentName,
    validFrom: version.validFrom,
    validTo: version.validTo,
  };
}
