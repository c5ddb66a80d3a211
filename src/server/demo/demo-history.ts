/**
 * The demo province as it stood before 1 July 2025, for the communes that belonged to Khánh Hòa:
 * district-level committees (thành ủy, thị ủy, huyện ủy) with their wards, towns and communes,
 * merged on that day into today's communes directly under the province, the districts dissolved.
 * The former units carry the real names of the former district and of some of its communes; which
 * of them formed which new commune is simplified for the demo (three each). The two communes of
 * former Ninh Thuận start on 1/7/2025: their past belongs to that province's own records.
 */
import type { Executor } from '../platform/db/client';
import type { Actor } from '../platform/auth/policy';
import { closeUnitInTx, findUnitByCode, findUnitsByCodes, mergeUnitsInTx } from '../modules/units/index';
import { REORGANISATION_DATE, type GeneratedPerson, type GeneratedUnit } from './types';

/** Khánh Hòa province was re-established when Phú Khánh was divided. */
export const PROVINCE_FOUNDED = '1989-07-01';
/** The first day of the demo's records of the former tree. */
export const FORMER_TREE_FROM = '2010-01-01';

type FormerDistrict = { code: string; name: string; communes: Array<{ communeCode: string; formerNames: [string, string, string] }> };

export const FORMER_DISTRICTS: readonly FormerDistrict[] = [
  {
    code: 'HU56-01',
    name: 'Thành ủy Nha Trang',
    communes: [
      { communeCode: '22366', formerNames: ['phường Lộc Thọ', 'phường Vạn Thạnh', 'phường Xương Huân'] },
      { communeCode: '22333', formerNames: ['phường Vĩnh Hải', 'phường Vĩnh Phước', 'phường Vĩnh Thọ'] },
    ],
  },
  {
    code: 'HU56-02',
    name: 'Thành ủy Cam Ranh',
    communes: [{ communeCode: '22420', formerNames: ['phường Cam Lộc', 'phường Cam Phú', 'phường Cam Thuận'] }],
  },
  {
    code: 'HU56-03',
    name: 'Thị ủy Ninh Hòa',
    communes: [{ communeCode: '22528', formerNames: ['phường Ninh Hiệp', 'phường Ninh Đa', 'phường Ninh Giang'] }],
  },
  {
    code: 'HU56-04',
    name: 'Huyện ủy Diên Khánh',
    communes: [{ communeCode: '22651', formerNames: ['thị trấn Diên Khánh', 'xã Diên An', 'xã Diên Toàn'] }],
  },
  {
    code: 'HU56-05',
    name: 'Huyện ủy Cam Lâm',
    communes: [{ communeCode: '22453', formerNames: ['thị trấn Cam Đức', 'xã Cam Hải Tây', 'xã Cam Thành Bắc'] }],
  },
];

/** One merge of 1/7/2025: the former communes that became a commune of today. */
export type FormerMerge = { target: GeneratedUnit; sourceCodes: string[] };
export type FormerShape = { day: string; merges: FormerMerge[]; dissolvedCodes: string[] };

const formerCode = (districtCode: string, communeIndex: number, formerIndex: number) =>
  `${districtCode}-${String(communeIndex * 3 + formerIndex + 1).padStart(2, '0')}`;

/**
 * Rewrites a tree generated in its 2025 shape into its earlier one, before people are generated:
 * the province dates from its founding, the districts and former communes are added under it, and
 * each commune of a former district leaves the list (the merge creates it), its units hanging
 * under the former communes from FORMER_TREE_FROM. Returns the merges to replay.
 */
export function withFormerShape(units: GeneratedUnit[], rootCode: string): { units: GeneratedUnit[]; shape: FormerShape } {
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const root = byCode.get(rootCode)!;
  const former: GeneratedUnit[] = [];
  const merges: FormerMerge[] = [];
  const reparented = new Map<string, string>();
  for (const district of FORMER_DISTRICTS) {
    former.push({
      code: district.code,
      name: district.name,
      kind: 'district_committee',
      parentCode: rootCode,
      validFrom: FORMER_TREE_FROM,
    });
    district.communes.forEach((commune, communeIndex) => {
      const target = byCode.get(`DU${commune.communeCode}`);
      if (!target) return;
      const sourceCodes = commune.formerNames.map((_, formerIndex) => formerCode(district.code, communeIndex, formerIndex));
      commune.formerNames.forEach((name, formerIndex) => {
        former.push({
          code: sourceCodes[formerIndex]!,
          name: `Đảng ủy ${name}`,
          kind: 'commune_committee',
          parentCode: district.code,
          validFrom: FORMER_TREE_FROM,
        });
      });
      merges.push({ target, sourceCodes });
      reparented.set(target.code, sourceCodes[0]!);
      let next = 0;
      for (const unit of units) {
        if (unit.code.startsWith(`${target.code}-`)) unit.validFrom = FORMER_TREE_FROM;
        if (unit.parentCode === target.code) unit.parentCode = sourceCodes[next++ % sourceCodes.length]!;
      }
      target.validFrom = FORMER_TREE_FROM;
    });
  }
  root.validFrom = PROVINCE_FOUNDED;
  const mergedAway = new Set(merges.map((merge) => merge.target.code));
  const kept = units.filter((unit) => !mergedAway.has(unit.code));
  return {
    units: [kept[0]!, ...former, ...kept.slice(1)],
    shape: { day: REORGANISATION_DATE, merges, dissolvedCodes: FORMER_DISTRICTS.map((district) => district.code) },
  };
}

/** The staff of a commune of today worked, before the merge, in the first of its former communes. */
export function movePeopleToFormerUnits(people: GeneratedPerson[], shape: FormerShape): void {
  const firstSource = new Map(shape.merges.map((merge) => [merge.target.code, merge.sourceCodes[0]!]));
  for (const person of people) {
    const source = firstSource.get(person.unitCode);
    if (source) person.unitCode = source;
  }
}

/** Replays 1/7/2025: the former communes merge into today's, then the districts are dissolved. */
export async function replayReorganisation(tx: Executor, actor: Actor, shape: FormerShape): Promise<void> {
  for (const merge of shape.merges) {
    const parent = await findUnitByCode(tx, merge.target.parentCode!);
    const sources = await findUnitsByCodes(tx, merge.sourceCodes);
    await mergeUnitsInTx(tx, actor, {
      sourceIds: sources.map((source) => source.id),
      target: { code: merge.target.code, name: merge.target.name, kind: merge.target.kind, parentId: parent!.id },
      effectiveDate: shape.day,
    });
  }
  for (const code of shape.dissolvedCodes) {
    const district = await findUnitByCode(tx, code);
    if (district) await closeUnitInTx(tx, district, shape.day, 'closed');
  }
}
