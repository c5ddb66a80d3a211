import type { PersonCategory, Position, Role, Sex, UnitKind } from '../../shared/contracts/domain';

/*
 * The lists of enumeration values, in display order. Written as records so that a value added to the
 * shared contracts fails the type check here until it is placed (and translated in the i18n files).
 * They are not imported from the contracts module because that would ship its validation library
 * to every phone.
 */
const unitKinds: Record<UnitKind, true> = {
  central: true,
  province_committee: true,
  central_committee: true,
  commune_committee: true,
  district_committee: true,
  bloc_committee: true,
  grassroots_committee: true,
  grassroots_cell: true,
  cell: true,
  party_group: true,
  agency: true,
  mass_organisation: true,
};

const categories: Record<PersonCategory, true> = {
  party_member: true,
  cadre: true,
  civil_servant: true,
  public_employee: true,
  worker: true,
  union_member: true,
};

const positions: Record<Position, true> = {
  secretary: true,
  deputy_secretary: true,
  committee_member: true,
  party_member: true,
  head: true,
  deputy_head: true,
  staff: true,
};

const sexes: Record<Sex, true> = { male: true, female: true };

const roles: Record<Role, true> = {
  admin: true,
  officer: true,
  committee: true,
  inspector: true,
  member: true,
  supervisor: true,
  viewer: true,
};

function keysOf<K extends string>(record: Record<K, true>): K[] {
  return Object.keys(record) as K[];
}

export const UNIT_KIND_LIST = keysOf(unitKinds);
export const CATEGORY_LIST = keysOf(categories);
export const POSITION_LIST = keysOf(positions);
export const SEX_LIST = keysOf(sexes);
export const ROLE_LIST = keysOf(roles);
