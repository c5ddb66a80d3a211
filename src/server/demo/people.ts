/**
 * Makes people for one unit at a time, with every identifier unique by construction (counters
 * passed through bijections), so that even millions of people need no "already used?" sets.
 */
import type { PersonCategory, Position, Sex, UnitKind } from '../../shared/contracts/domain';
import { DAYS_IN_18_YEARS_AT_MOST, deriveSeed, formatDay, padDigits, parseDay, permute, Random, yearOfDay } from './random';
import { REORGANISATION_DATE, type GeneratedPerson } from './types';
import { randomPersonName } from './vietnamese-names';

/** How a unit is staffed: a Party cell, a committee's leadership group, or an agency's staff. */
export type Staffing = 'cell' | 'committee' | 'agency' | 'mass_organisation';
export type AgeBias = 'older' | 'younger' | 'none';

export type UnitStaffing = {
  unitCode: string;
  staffing: Staffing;
  /** Residential cells are mostly retirees, police and school cells younger. */
  ageBias: AgeBias;
  femaleShare: number;
  /** Two-digit province code; most people were born there, which the CCCD prefix records. */
  provinceCode: string;
  /** First day the unit exists; no membership starts before it. */
  validFrom: string;
  /** Category of rank-and-file staff of an agency (heads and deputies are cadres). */
  staffCategory: 'civil_servant' | 'public_employee';
  /** Mail domain of the administration, e.g. "khanhhoa.gov.vn", or null for personal mail only. */
  officialDomain: string | null;
  /** An address near the unit; null when unknown. */
  address: (rng: Random) => string | null;
};

export function staffingOfKind(kind: UnitKind): Staffing {
  switch (kind) {
    case 'agency':
      return 'agency';
    case 'mass_organisation':
      return 'mass_organisation';
    case 'central':
    case 'province_committee':
    case 'central_committee':
    case 'commune_committee':
    case 'bloc_committee':
    case 'grassroots_committee':
      return 'committee';
    default:
      return 'cell';
  }
}

/**
 * Position by rank in the unit. A cell of 9 or more members elects a cell committee (chi ủy), so
 * it has a deputy secretary; larger cells have more committee members.
 */
export function positionAt(staffing: Staffing, index: number, size: number): Position {
  if (staffing === 'agency' || staffing === 'mass_organisation') {
    if (index === 0) return 'head';
    if (index === 1 || (index === 2 && size >= 12)) return 'deputy_head';
    return 'staff';
  }
  if (index === 0) return 'secretary';
  if (staffing === 'committee') {
    if (index === 1 || (index === 2 && size >= 9)) return 'deputy_secretary';
    return 'committee_member';
  }
  if (size >= 9 && index === 1) return 'deputy_secretary';
  if (size >= 15 && index <= 4) return 'committee_member';
  if (size >= 9 && index === 2) return 'committee_member';
  return 'party_member';
}

const BIRTH_FIRST = parseDay('1955-01-01');
const BIRTH_LAST = parseDay('2004-12-31');
const YOUNGER_BIRTH_FIRST = parseDay('1965-01-01');
const LEADER_BIRTH_FIRST = parseDay('1960-01-01');
const LEADER_BIRTH_LAST = parseDay('1992-12-31');
const REORGANISED = parseDay(REORGANISATION_DATE);
const LAST_ADMISSION = parseDay('2025-12-15');
const LAST_TRANSFER = parseDay('2025-12-31');
const DAYS_PER_YEAR = 365.25;

// Identifiers are counters passed through keyed permutations of these spaces (half = square root).
const ID_SERIAL_HALF = 1_000;
const ID_SERIAL_SPACE = ID_SERIAL_HALF ** 2;
const EIGHT_DIGIT_HALF = 10_000;
const EIGHT_DIGIT_SPACE = EIGHT_DIGIT_HALF ** 2;
/** Natural e-mail addresses are checked against a set of this size at most, then tagged ones are used. */
const NATURAL_EMAIL_LIMIT = 50_000;

export class PersonFactory {
  private readonly rng: Random;
  private readonly keys: { card: number; phone: number; id: number; tag: number };
  private serial = 0;
  private cardSerial = 0;
  /** Next CCCD serial per (province, century-and-sex digit, two-digit year). */
  private readonly idCounters = new Int32Array(100 * 4 * 100);
  private readonly naturalEmails = new Set<string>();
  /** Units come with many people in a row: parse each unit's start date once. */
  private lastValidFrom = '';
  private lastValidFromDay = 0;

  constructor(
    seed: number,
    /** Two-digit codes people may have been born in, for those not born where they live. */
    private readonly provinceCodes: readonly string[],
  ) {
    this.rng = Random.derive(seed, 'people');
    this.keys = {
      card: deriveSeed(seed, 'card'),
      phone: deriveSeed(seed, 'phone'),
      id: deriveSeed(seed, 'cccd'),
      tag: deriveSeed(seed, 'mail'),
    };
  }

  get created(): number {
    return this.serial;
  }

  /** The person at rank `index` of a unit of `size` people. */
  person(unit: UnitStaffing, index: number, size: number): GeneratedPerson {
    const rng = this.rng;
    const serial = this.serial++;
    if (serial >= EIGHT_DIGIT_SPACE) throw new Error('Too many people for 8-digit phone serials');
    const position = positionAt(unit.staffing, index, size);
    // Committee members and unit leaders are experienced people, not the newest members.
    const leader = index === 0 || position === 'deputy_secretary' || position === 'deputy_head' || unit.staffing === 'committee';
    const sex: Sex = rng.chance(leader ? unit.femaleShare * 0.7 : unit.femaleShare) ? 'female' : 'male';

    let birth: number;
    if (leader) birth = rng.int(LEADER_BIRTH_FIRST, LEADER_BIRTH_LAST);
    else {
      birth = rng.int(BIRTH_FIRST, BIRTH_LAST);
      if (unit.ageBias === 'older') birth = Math.min(birth, rng.int(BIRTH_FIRST, BIRTH_LAST));
      else if (unit.ageBias === 'younger') birth = Math.max(birth, rng.int(YOUNGER_BIRTH_FIRST, BIRTH_LAST));
    }
    const birthYear = yearOfDay(birth);
    const member = unit.staffing === 'cell' || unit.staffing === 'committee';
    const officialMail = unit.officialDomain !== null && (!member || unit.staffing === 'committee');
    const wantsEmail = rng.chance(officialMail ? 0.75 : 0.25);
    const name = randomPersonName(rng, sex, birthYear, wantsEmail);
    if (unit.validFrom !== this.lastValidFrom) {
      this.lastValidFrom = unit.validFrom;
      this.lastValidFromDay = parseDay(unit.validFrom);
    }
    const validFrom = this.lastValidFromDay;

    let category: PersonCategory = 'party_member';
    let cardNumber: string | null = null;
    let admissionDate: string | null = null;
    let startDay: number;
    if (member) {
      // Skewed towards the early twenties, when most members are admitted.
      const earliest = birth + DAYS_IN_18_YEARS_AT_MOST;
      const latest = Math.min(birth + Math.round(45 * DAYS_PER_YEAR), leader ? REORGANISED - 400 : LAST_ADMISSION);
      const admitted = earliest + Math.floor(Math.max(0, latest - earliest) * rng.next() ** 1.6);
      admissionDate = formatDay(admitted);
      cardNumber = this.nextCardNumber();
      startDay = admitted;
    } else {
      category = this.nonMemberCategory(unit, position);
      startDay = Math.min(birth + Math.round(rng.int(22, 35) * DAYS_PER_YEAR), LAST_TRANSFER);
    }
    // Memberships were recorded afresh when the units were reorganised; some people joined later.
    let from = Math.max(validFrom, startDay);
    if (from === validFrom && validFrom >= REORGANISED && !leader && rng.chance(0.08)) {
      from = rng.dayBetween(validFrom + 1, Math.max(validFrom + 1, LAST_TRANSFER));
    }

    const phone = rng.chance(0.92) ? `09${padDigits(permute(serial, EIGHT_DIGIT_HALF, this.keys.phone), 8)}` : null;
    const email = wantsEmail ? this.email(name.ascii, birthYear, serial, officialMail ? unit.officialDomain : null) : null;

    return {
      fullName: name.fullName,
      sex,
      birthDate: formatDay(birth),
      category,
      cardNumber,
      idNumber: this.nextIdNumber(unit.provinceCode, sex, birthYear),
      admissionDate,
      phone,
      email,
      address: rng.chance(0.97) ? unit.address(rng) : null,
      unitCode: unit.unitCode,
      position,
      isHead: index === 0,
      fromDate: from === validFrom ? unit.validFrom : formatDay(from),
    };
  }

  private nonMemberCategory(unit: UnitStaffing, position: Position): PersonCategory {
    if (position === 'head' || position === 'deputy_head') return 'cadre';
    const roll = this.rng.next();
    if (unit.staffing === 'mass_organisation') return roll < 0.4 ? 'cadre' : roll < 0.55 ? 'worker' : 'union_member';
    return roll < 0.85 ? unit.staffCategory : 'worker';
  }

  private nextCardNumber(): string {
    const serial = this.cardSerial++;
    if (serial >= EIGHT_DIGIT_SPACE) throw new Error('Ran out of 8-digit Party card numbers');
    return padDigits(permute(serial, EIGHT_DIGIT_HALF, this.keys.card), 8);
  }

  /**
   * CCCD layout: 3-digit province of birth registration, 1 digit for century and sex
   * (0/1 = 20th century male/female, 2/3 = 21st), 2-digit year of birth, 6-digit serial.
   */
  private nextIdNumber(homeProvince: string, sex: Sex, birthYear: number): string {
    const province = this.rng.chance(0.85) ? homeProvince : this.rng.pick(this.provinceCodes);
    const centurySex = (birthYear >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
    const yy = birthYear % 100;
    const key = (Number(province) * 4 + centurySex) * 100 + yy;
    const count = this.idCounters[key] ?? 0;
    if (count >= ID_SERIAL_SPACE) throw new Error(`Ran out of CCCD serials for province ${province}, year ${birthYear}`);
    this.idCounters[key] = count + 1;
    const serial = permute(count, ID_SERIAL_HALF, this.keys.id ^ Math.imul(key + 1, 0x9e3779b1));
    return `0${province}${centurySex}${padDigits(yy, 2)}${padDigits(serial, 6)}`;
  }

  /**
   * "nguyenvanan85@gmail.com" while that is free; otherwise a tag derived from the person's serial,
   * which cannot collide because the natural form never contains a dot.
   */
  private email(ascii: string, birthYear: number, serial: number, officialDomain: string | null): string {
    const domain = officialDomain ?? (this.rng.chance(0.85) ? 'gmail.com' : 'yahoo.com');
    if (this.naturalEmails.size < NATURAL_EMAIL_LIMIT) {
      const natural = `${ascii}${padDigits(birthYear % 100, 2)}@${domain}`;
      if (!this.naturalEmails.has(natural)) {
        this.naturalEmails.add(natural);
        return natural;
      }
    }
    const tag = permute(serial, EIGHT_DIGIT_HALF, this.keys.tag).toString(36).padStart(6, '0');
    return `${ascii}.${tag}@${domain}`;
  }
}
