/**
 * A tree with the Centre on top, for spreading commended examples:
 *   TW Trung ương
 *   ├─ P1 Tỉnh ủy Sông Núi ── X1 Đảng ủy xã Một ── Y1 Chi bộ thôn Một
 *   │                      └─ X3 Đảng ủy phường Ba
 *   └─ P2 Thành ủy Biển Xanh ── X2 Đảng ủy phường Hai
 * X1 and X2 each have a good practice commended by their province's decision today.
 */
import { createUnitAsSystem, rootActor } from './fixtures';
import type { Database } from '../../src/server/platform/db/client';
import { todayIso } from '../../src/server/platform/dates';
import { createDecision, createNomination, takeStep } from '../../src/server/modules/commendations/index';
import { CreateNominationSchema } from '../../src/shared/contracts/commendations';

export const thisYear = Number(todayIso().slice(0, 4));

export async function seedSpreadTree(db: Database) {
  const TW = await createUnitAsSystem(db, 'TW', 'Trung ương', 'central', null);
  const P1 = await createUnitAsSystem(db, 'P1', 'Tỉnh ủy Sông Núi', 'province_committee', TW.id);
  const P2 = await createUnitAsSystem(db, 'P2', 'Thành ủy Biển Xanh', 'province_committee', TW.id);
  const X1 = await createUnitAsSystem(db, 'X1', 'Đảng ủy xã Một', 'commune_committee', P1.id);
  const X3 = await createUnitAsSystem(db, 'X3', 'Đảng ủy phường Ba', 'commune_committee', P1.id);
  const X2 = await createUnitAsSystem(db, 'X2', 'Đảng ủy phường Hai', 'commune_committee', P2.id);
  const Y1 = await createUnitAsSystem(db, 'Y1', 'Chi bộ thôn Một', 'cell', X1.id);
  return { TW, P1, P2, X1, X2, X3, Y1 };
}

type Tree = Awaited<ReturnType<typeof seedSpreadTree>>;

/** A nomination of `unitId`, submitted to its parent; commended there by a decision when `decidedBy` is given. */
export async function nominateModel(db: Database, tree: Tree, unitId: number, title: string, decidedBy?: number) {
  const system = rootActor(tree.TW.path);
  const input = CreateNominationSchema.parse({
    unitId,
    kind: 'model',
    title,
    story: `${title}: vận động nhân dân cùng làm, có sơ kết hằng quý.`,
    results: 'Giảm 40% rác thải nhựa',
    periodFrom: `${thisYear}-01-01`,
    periodTo: todayIso(),
  });
  const draft = await createNomination(db, system, input);
  const held = await takeStep(db, system, draft.id, { action: 'submit', version: draft.version, reason: null });
  if (decidedBy === undefined) return held.id;
  await createDecision(db, system, {
    unitId: decidedBy,
    formCode: 'bang_khen',
    decidedOn: todayIso(),
    periodFrom: `${thisYear}-01-01`,
    periodTo: todayIso(),
    title: 'Về việc tặng Bằng khen',
    signerName: null,
    signerTitle: null,
    nominationIds: [held.id],
  });
  return held.id;
}
