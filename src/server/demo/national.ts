/**
 * A national tree and national membership lists for seeding at scale and benchmarks. Both are
 * generators: units come parent before child and people unit by unit, so a streaming inserter
 * never needs the whole data set in memory.
 */
import {
  communeCommitteeName,
  communeInPhrase,
  countCommunes,
  loadAdminUnits,
  provinceCommitteeName,
  type AdminProvince,
} from './admin-units';
import { governmentBodies, partyBodies, type ProvinceWords } from './org-templates';
import { PersonFactory, type UnitStaffing } from './people';
import { Random } from './random';
import { createStaffingResolver, kindOfTarget, type PeopleTarget } from './staffing';
import { blocSubtree, communeSubtree } from './subtrees';
import { PARTY_FOUNDING_DATE, REORGANISATION_DATE, type GeneratedPerson, type GeneratedUnit } from './types';
import { settlementStyle } from './vietnamese-names';

export type NationalTreeOptions = {
  /** Total number of units wanted; never fewer than the Centre, provinces, blocs and communes. */
  scaleUnits: number;
  seed?: number;
  provinces?: readonly AdminProvince[];
  /** Each commune also gets its People's Committee and two mass organisations, whose staff are not Party units. */
  withAgencies?: boolean;
};

/** Two bloc committees per province: the Party bodies' and the People's Committee's. */
const BLOCS_PER_PROVINCE = 2;

/** Units the national tree always has: the Centre, each province with its blocs, every commune. */
export function nationalFixedUnitCount(provinces: readonly AdminProvince[] = loadAdminUnits()): number {
  return 1 + provinces.length * (1 + BLOCS_PER_PROVINCE) + countCommunes(provinces);
}

function provinceWords(province: AdminProvince): ProvinceWords {
  const level = province.kind.toLowerCase();
  return { name: province.name, level, phrase: `${level} ${province.name}`, committee: province.kind === 'Tỉnh' ? 'Tỉnh ủy' : 'Thành ủy' };
}

// Relative sizes used to share the budget: a bloc holds about as much as four communes, a ward a
// little more than a rural commune, a remote island zone much less.
const BLOC_WEIGHT = 4;
const COMMUNE_WEIGHT = { Phường: 1.3, Xã: 1, 'Đặc khu': 0.3 } as const;

/** Share of a commune's units that are residential cells (thôn, tổ dân phố), as in most communes. */
const RESIDENTIAL_SHARE = 0.45;

export function* generateNationalTree(options: NationalTreeOptions): Generator<GeneratedUnit> {
  const seed = options.seed ?? 1;
  const provinces = options.provinces ?? loadAdminUnits();
  const budget = Math.max(0, Math.round(options.scaleUnits) - nationalFixedUnitCount(provinces));

  // Weights for every bloc and commune, in emission order, shared out by cumulative rounding so
  // the budgets add up to exactly `budget`.
  const jitter = Random.derive(seed, 'weights');
  const weights: number[] = [];
  for (const province of provinces) {
    for (let b = 0; b < BLOCS_PER_PROVINCE; b++) weights.push(BLOC_WEIGHT * (0.7 + 0.6 * jitter.next()));
    for (const commune of province.communes) weights.push(COMMUNE_WEIGHT[commune.kind] * (0.6 + 0.8 * jitter.next()));
  }
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  let cumulativeWeight = 0;
  let allotted = 0;
  let slot = 0;
  const nextBudget = (): number => {
    cumulativeWeight += weights[slot++] ?? 0;
    const upTo = Math.round((budget * cumulativeWeight) / totalWeight);
    const share = upTo - allotted;
    allotted = upTo;
    return share;
  };

  yield { code: 'TW', name: 'Ban Chấp hành Trung ương', kind: 'central', parentCode: null, validFrom: PARTY_FOUNDING_DATE };
  const validFrom = REORGANISATION_DATE;
  for (const province of provinces) {
    const words = provinceWords(province);
    const code = `TU${province.code}`;
    const partyBloc = `${code}-CQD`;
    const governmentBloc = `${code}-UBND`;
    yield { code, name: provinceCommitteeName(province), kind: 'province_committee', parentCode: 'TW', validFrom };
    yield { code: partyBloc, name: `Đảng ủy các cơ quan Đảng ${words.phrase}`, kind: 'bloc_committee', parentCode: code, validFrom };
    yield { code: governmentBloc, name: `Đảng ủy Ủy ban nhân dân ${words.phrase}`, kind: 'bloc_committee', parentCode: code, validFrom };
    for (const commune of province.communes) {
      yield { code: `DU${commune.code}`, name: communeCommitteeName(commune), kind: 'commune_committee', parentCode: code, validFrom };
    }
    yield* blocSubtree(partyBloc, partyBodies(words), nextBudget(), validFrom);
    yield* blocSubtree(governmentBloc, governmentBodies(words), nextBudget(), validFrom);
    const style = settlementStyle(province.code);
    for (const commune of province.communes) {
      yield* communeSubtree({
        rng: Random.derive(seed, 'commune', commune.code),
        code: `DU${commune.code}`,
        communeName: commune.name,
        communePhrase: communeInPhrase(commune),
        level: commune.kind,
        style,
        budget: nextBudget(),
        residentialShare: RESIDENTIAL_SHARE,
        validFrom,
        withAgencies: options.withAgencies ?? false,
      }).units;
    }
  }
}

export type NationalPeopleOptions = {
  /** Exactly this many people are yielded. */
  count: number;
  seed?: number;
  /**
   * Units to spread people over, in order; each unit's people come together, led by its secretary
   * or head. A function is called once per pass (there are two), so a generator can be replayed
   * instead of held in memory; a plain iterable that is not an array is read into one first.
   * Defaults to every unit below the Centre of a national tree of about `count / 17` units.
   */
  units?: Iterable<PeopleTarget> | (() => Iterable<PeopleTarget>);
  provinces?: readonly AdminProvince[];
  /**
   * Share of the people placed in agencies and mass organisations (cadres, civil servants, staff
   * who are not Party members), when the units include some; by default each unit takes its usual
   * size, which leaves those bodies far smaller than a national count of cadres.
   */
  nonPartyShare?: number;
};

/** Average people per unit of the default tree, so that cells get their usual 8–40. */
const PEOPLE_PER_UNIT = 17;

export function* generateNationalPeople(options: NationalPeopleOptions): Generator<GeneratedPerson> {
  const seed = options.seed ?? 1;
  const count = Math.max(0, Math.floor(options.count));
  const provinces = options.provinces ?? loadAdminUnits();
  const source = peopleSource(options, seed, provinces, count);
  const resolver = createStaffingResolver({ provinces });
  const factory = new PersonFactory(seed, resolver.provinceCodes);

  // Pass 1 only totals the usual sizes; pass 2 replays the same draws and scales them so that the
  // running total is rounded, never each unit, which makes the sum exactly `count`.
  const usual = { party: 0, nonParty: 0 };
  let sizes = Random.derive(seed, 'sizes');
  for (const target of source()) {
    const staffing = resolver.staffing(target);
    usual[partyStaffed(staffing) ? 'party' : 'nonParty'] += resolver.usualSize(staffing, kindOfTarget(target), sizes);
  }
  if (count === 0) return;
  // Agencies and mass organisations are weighted so that they hold `nonPartyShare` of everyone.
  const share = options.nonPartyShare;
  const nonPartyWeight =
    share !== undefined && share > 0 && share < 1 && usual.nonParty > 0 && usual.party > 0
      ? (share / (1 - share)) * (usual.party / usual.nonParty)
      : 1;
  const usualTotal = usual.party + usual.nonParty * nonPartyWeight;
  if (usualTotal === 0) throw new Error('There are no units to place people in');

  sizes = Random.derive(seed, 'sizes');
  let usualSoFar = 0;
  let emitted = 0;
  for (const target of source()) {
    const staffing = resolver.staffing(target);
    const usualSize = resolver.usualSize(staffing, kindOfTarget(target), sizes);
    usualSoFar += partyStaffed(staffing) ? usualSize : usualSize * nonPartyWeight;
    const size = Math.round((count * usualSoFar) / usualTotal) - emitted;
    for (let index = 0; index < size; index++) yield factory.person(staffing, index, size);
    emitted += size;
  }
}

/** Cells and committees are staffed by Party members; agencies and mass organisations are not. */
function partyStaffed(staffing: UnitStaffing): boolean {
  return staffing.staffing === 'cell' || staffing.staffing === 'committee';
}

function peopleSource(
  options: NationalPeopleOptions,
  seed: number,
  provinces: readonly AdminProvince[],
  count: number,
): () => Iterable<PeopleTarget> {
  const { units } = options;
  if (typeof units === 'function') return units;
  if (Array.isArray(units)) return () => units;
  if (units !== undefined) {
    const listed = Array.from(units);
    return () => listed;
  }
  const scaleUnits = Math.max(nationalFixedUnitCount(provinces), Math.ceil(count / PEOPLE_PER_UNIT));
  return function* belowTheCentre() {
    for (const unit of generateNationalTree({ scaleUnits, seed, provinces })) if (unit.kind !== 'central') yield unit;
  };
}
