import type { Database } from '../../platform/db/client';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { readFigures } from '../../platform/figures';
import { todayIso } from '../../platform/dates';
import { UNIT_KINDS, type UnitKind } from '../../../shared/contracts/domain';
import { getUnitOrThrow, UNIT_METRIC, unitKindMetric } from '../units/index';
import { MEMBERS_METRIC, PARTY_MEMBERS_METRIC } from '../people/index';
import type { FigureName, FiguresAnswer } from '../../../shared/contracts/figures';
import { listOpenChildUnits } from './figures.repo';

/** Each figure is defined once, here; the UI shows the definition beside the number. */
export const FIGURE_DEFINITIONS: Record<FigureName, string> = {
  members:
    'Số người đang sinh hoạt (đảng viên, cán bộ, công chức, viên chức, người lao động) trong đơn vị và các đơn vị trực thuộc tại ngày đã chọn; mỗi người được tính một lần, ở nơi sinh hoạt chính.',
  partyMembers: 'Số đảng viên đang sinh hoạt trong đơn vị và các đơn vị trực thuộc tại ngày đã chọn.',
  units: 'Số đơn vị đang hoạt động tại ngày đã chọn, gồm chính đơn vị này và mọi đơn vị trực thuộc các cấp.',
  unitsByKind: 'Số đơn vị đang hoạt động tại ngày đã chọn, chia theo loại đơn vị.',
};

const METRICS = [MEMBERS_METRIC, PARTY_MEMBERS_METRIC, UNIT_METRIC, ...UNIT_KINDS.map(unitKindMetric)];

function shapeFigures(values: Record<string, number> | undefined) {
  const unitsByKind = Object.fromEntries(UNIT_KINDS.map((kind) => [kind, values?.[unitKindMetric(kind)] ?? 0])) as Record<UnitKind, number>;
  return {
    members: values?.[MEMBERS_METRIC] ?? 0,
    partyMembers: values?.[PARTY_MEMBERS_METRIC] ?? 0,
    units: values?.[UNIT_METRIC] ?? 0,
    unitsByKind,
  };
}

/** Figures of a subtree and of each of its child units, as of a date, read from the live counters. */
export async function getSubtreeFigures(db: Database, actor: Actor, unitId: number, asOf?: string): Promise<FiguresAnswer> {
  const day = asOf ?? todayIso();
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'figures.read', unit.path);
  const children = await listOpenChildUnits(db, unitId, day);
  const values = await readFigures(db, [unitId, ...children.map((child) => child.id)], METRICS, day);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    asOf: day,
    figures: shapeFigures(values.get(unitId)),
    definitions: FIGURE_DEFINITIONS,
    children: children.map((child) => {
      const { members, partyMembers, units } = shapeFigures(values.get(child.id));
      return { unit: child, figures: { members, partyMembers, units } };
    }),
  };
}
