/**
 * A realistic demo province: Khánh Hòa (merged with Ninh Thuận on 1 July 2025), eight of its real
 * wards and communes, two provincial bloc committees, and a few thousand people; the communes of
 * former Khánh Hòa also have their earlier shape under district committees (see demo-history).
 */
import { communeCommitteeName, communeInPhrase, findCommune, findProvince, loadAdminUnits, type AdminProvince } from './admin-units';
import { governmentBodies, partyBodies, type ProvinceWords } from './org-templates';
import { PersonFactory } from './people';
import { Random } from './random';
import { createStaffingResolver } from './staffing';
import { blocSubtree, communeSubtree } from './subtrees';
import { REORGANISATION_DATE, type GeneratedPerson, type GeneratedTree, type GeneratedUnit } from './types';
import { settlementStyle } from './vietnamese-names';
import { movePeopleToFormerUnits, withFormerShape } from './demo-history';

export const DEMO_PROVINCE_CODE = '56';

/**
 * Wards and communes from both former provinces: Nha Trang, Bắc Nha Trang, Cam Ranh, Ninh Hoà and
 * the communes of Diên Khánh and Cam Lâm (former Khánh Hòa); Phan Rang and Ninh Phước (former Ninh Thuận).
 */
export const DEMO_COMMUNE_CODES: readonly string[] = ['22366', '22333', '22420', '22528', '22651', '22453', '22759', '22870'];

/** Modern tone placement, as in the province's own documents (the data set writes "Khánh Hoà"). */
const PROVINCE: ProvinceWords = { name: 'Khánh Hòa', level: 'tỉnh', phrase: 'tỉnh Khánh Hòa', committee: 'Tỉnh ủy' };

/**
 * Where people living in Khánh Hòa were born, beyond Khánh Hòa itself: CCCD numbers keep the code of
 * the province of birth registration, including provinces that no longer exist (58 Ninh Thuận, 54 Phú Yên).
 */
const BIRTH_PROVINCE_CODES = ['58', '58', '58', '58', '54', '54', '66', '68', '52', '51', '48', '79', '01', '40', '38'];

export type DemoProvinceOptions = {
  /** Provinces to read communes from; defaults to the shared data set. */
  provinces?: readonly AdminProvince[];
};

export function generateDemoProvince(seed = 1, options: DemoProvinceOptions = {}): GeneratedTree {
  const provinces = options.provinces ?? loadAdminUnits();
  const province = findProvince(DEMO_PROVINCE_CODE, provinces);
  const validFrom = REORGANISATION_DATE;
  const rootCode = `TU${DEMO_PROVINCE_CODE}`;
  const unit = (code: string, name: string, kind: GeneratedUnit['kind'], parentCode: string | null): GeneratedUnit => ({
    code,
    name,
    kind,
    parentCode,
    validFrom,
  });

  const units: GeneratedUnit[] = [unit(rootCode, `${PROVINCE.committee} ${PROVINCE.name}`, 'province_committee', null)];
  const partyBloc = unit(`${rootCode}-CQD`, `Đảng ủy các cơ quan Đảng ${PROVINCE.phrase}`, 'bloc_committee', rootCode);
  const governmentBloc = unit(`${rootCode}-UBND`, `Đảng ủy Ủy ban nhân dân ${PROVINCE.phrase}`, 'bloc_committee', rootCode);
  units.push(partyBloc, governmentBloc);
  const communes = DEMO_COMMUNE_CODES.map((code) => findCommune(province, code));
  for (const commune of communes) units.push(unit(`DU${commune.code}`, communeCommitteeName(commune), 'commune_committee', rootCode));

  units.push(...blocSubtree(partyBloc.code, partyBodies(PROVINCE), 10, validFrom));
  units.push(...blocSubtree(governmentBloc.code, governmentBodies(PROVINCE), 18, validFrom));
  const areasByCommune = new Map<string, readonly string[]>();
  for (const commune of communes) {
    const rng = Random.derive(seed, 'commune', commune.code);
    const subtree = communeSubtree({
      rng,
      code: `DU${commune.code}`,
      communeName: commune.name,
      communePhrase: communeInPhrase(commune),
      level: commune.kind,
      style: settlementStyle(DEMO_PROVINCE_CODE),
      budget: rng.int(18, 20),
      // A small demo keeps every kind of institution; residential cells take a smaller share.
      residentialShare: 0.3,
      validFrom,
      withAgencies: true,
    });
    areasByCommune.set(commune.code, subtree.areas);
    units.push(...subtree.units);
  }

  // The communes of former Khánh Hòa get their earlier shape; people are generated in the 2025 order.
  const generated = [...units];
  const { units: withHistory, shape } = withFormerShape(units, rootCode);

  const resolver = createStaffingResolver({ provinces, provinceNames: { [DEMO_PROVINCE_CODE]: PROVINCE.name }, areasByCommune });
  const factory = new PersonFactory(seed, BIRTH_PROVINCE_CODES);
  const sizes = Random.derive(seed, 'sizes');
  const people: GeneratedPerson[] = [];
  for (const target of generated) {
    const staffing = resolver.staffing(target);
    const size = resolver.usualSize(staffing, target.kind, sizes);
    for (let index = 0; index < size; index++) people.push(factory.person(staffing, index, size));
  }
  movePeopleToFormerUnits(people, shape);
  return { units: withHistory, people, former: shape };
}
