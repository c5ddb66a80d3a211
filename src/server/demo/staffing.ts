/**
 * Works out, from a unit's code, kind and name, who would be in it: where they live, how old they
 * tend to be, how many they are. Codes follow this module's scheme ("TU56…", "DU22366…"), which is
 * how a person in a commune cell gets an address in that commune and a CCCD from that province.
 */
import type { UnitKind } from '../../shared/contracts/domain';
import { foldVietnamese } from '../../shared/text';
import { communeIndex, communeInPhrase, type AdminCommune, type AdminProvince } from './admin-units';
import { profileOfUnit } from './org-templates';
import { staffingOfKind, type UnitStaffing } from './people';
import { deriveSeed, type Random } from './random';
import { REORGANISATION_DATE } from './types';
import { randomAddress, randomVillageName, settlementStyle, type SettlementStyle } from './vietnamese-names';

/** A unit to staff: a bare code (taken as a Party cell) or a unit as the tree generators emit it. */
export type PeopleTarget = string | { code: string; kind: UnitKind; name?: string; validFrom?: string };

export type StaffingOptions = {
  provinces: readonly AdminProvince[];
  /** Names to use in addresses instead of the data set's, e.g. { '56': 'Khánh Hòa' }. */
  provinceNames?: Readonly<Record<string, string>>;
  /** Known residential areas per commune code, used for addresses instead of invented ones. */
  areasByCommune?: ReadonlyMap<string, readonly string[]>;
};

type ProvinceInfo = { province: AdminProvince; phrase: string; domain: string; style: SettlementStyle };

export type StaffingResolver = {
  staffing(target: PeopleTarget): UnitStaffing;
  /** Usual number of people in such a unit, before any scaling to a requested total. */
  usualSize(staffing: UnitStaffing, kind: UnitKind, rng: Random): number;
  provinceCodes: readonly string[];
};

const TU_CODE = /^TU(\d{2})(?:-|$)/;
const DU_CODE = /^DU(\d{5})(?:-|$)/;

export function createStaffingResolver(options: StaffingOptions): StaffingResolver {
  const { provinces } = options;
  const communes = communeIndex(provinces);
  const provinceCodes = provinces.map((province) => province.code);
  const infos = new Map<string, ProvinceInfo>();
  const infoOf = (province: AdminProvince): ProvinceInfo => {
    let info = infos.get(province.code);
    if (!info) {
      const name = options.provinceNames?.[province.code] ?? province.name;
      info = {
        province,
        phrase: `${province.kind.toLowerCase()} ${name}`,
        domain: `${foldVietnamese(name).replace(/[^a-z]/g, '')}.gov.vn`,
        style: settlementStyle(province.code),
      };
      infos.set(province.code, info);
    }
    return info;
  };

  /** A person living somewhere in the commune: in a known area, or in a plausible invented one. */
  const communeAddress = (info: ProvinceInfo, commune: AdminCommune, area: string | null) => {
    const phrase = communeInPhrase(commune);
    const known = options.areasByCommune?.get(commune.code);
    const urban = commune.kind === 'Phường';
    const block = info.style === 'south' ? 'Khu phố' : 'Tổ dân phố';
    return (rng: Random): string => {
      const where =
        area ?? (known && known.length > 0 ? rng.pick(known) : urban ? `${block} ${rng.int(1, 30)}` : randomVillageName(rng, info.style));
      return randomAddress(rng, where, phrase, info.phrase);
    };
  };

  const staffing = (target: PeopleTarget): UnitStaffing => {
    const code = typeof target === 'string' ? target : target.code;
    const kind: UnitKind = typeof target === 'string' ? 'cell' : target.kind;
    const profile = profileOfUnit(typeof target === 'string' ? '' : (target.name ?? ''));
    const communeMatch = DU_CODE.exec(code);
    const located = communeMatch ? communes.get(communeMatch[1] as string) : undefined;
    let province = located?.province ?? provinces.find((candidate) => candidate.code === TU_CODE.exec(code)?.[1]);
    // Units outside this module's code scheme are spread over the provinces by a hash of the code.
    province ??= provinces[deriveSeed(0, code) % provinces.length];
    if (!province) throw new Error('No provinces to place people in');
    const info = infoOf(province);
    const address = located
      ? communeAddress(info, located.commune, profile.area)
      : (rng: Random) => {
          const commune = rng.pick(province.communes);
          return communeAddress(info, commune, null)(rng);
        };
    return {
      unitCode: code,
      staffing: staffingOfKind(kind),
      ageBias: profile.ageBias,
      femaleShare: profile.femaleShare,
      provinceCode: province.code,
      validFrom: (typeof target === 'string' ? undefined : target.validFrom) ?? REORGANISATION_DATE,
      staffCategory: profile.staffCategory,
      officialDomain: info.domain,
      address,
    };
  };

  const usualSize = (unit: UnitStaffing, kind: UnitKind, rng: Random): number => {
    switch (kind) {
      case 'central':
      case 'province_committee':
      case 'central_committee':
        return rng.int(11, 15);
      case 'commune_committee':
        return rng.int(9, 13);
      case 'bloc_committee':
        return rng.int(7, 9);
      case 'grassroots_committee':
        return rng.int(5, 7);
      case 'agency':
        return rng.int(10, 25);
      case 'mass_organisation':
        return rng.int(6, 12);
      default:
        // Residential cells gather the retired members of a village and are the largest.
        return unit.ageBias === 'older' ? rng.int(12, 36) : rng.int(8, 24);
    }
  };

  return { staffing, usualSize, provinceCodes };
}

/** The kind of a target, for sizing; bare codes are taken as cells. */
export function kindOfTarget(target: PeopleTarget): UnitKind {
  return typeof target === 'string' ? 'cell' : target.kind;
}
