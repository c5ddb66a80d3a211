/**
 * Demo and scale data for the Party tree and its people, as plain data with no database code.
 * Everything is deterministic: the same seed always gives the same units and people.
 *
 * - {@link generateDemoProvince}: Khánh Hòa after 1 July 2025, about three thousand people.
 * - {@link generateNationalTree} / {@link generateNationalPeople}: the whole country at any scale,
 *   streamed parent before child, for `seed --scale N` and benchmarks.
 */
export { generateDemoProvince, DEMO_COMMUNE_CODES, DEMO_PROVINCE_CODE, type DemoProvinceOptions } from './demo-province';
export {
  generateNationalPeople,
  generateNationalTree,
  nationalFixedUnitCount,
  type NationalPeopleOptions,
  type NationalTreeOptions,
} from './national';
export type { PeopleTarget } from './staffing';
export { PARTY_FOUNDING_DATE, REORGANISATION_DATE, type GeneratedPerson, type GeneratedTree, type GeneratedUnit } from './types';
