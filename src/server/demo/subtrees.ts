/**
 * Builds the organisations under one commune committee or one provincial bloc committee, for a
 * given number of units ("budget"), so that a whole national tree can be sized exactly.
 */
import type { UnitKind } from '../../shared/contracts/domain';
import {
  cellName,
  companyOrg,
  healthCentreOrg,
  highSchoolOrg,
  KINDERGARTEN_NAMES,
  militaryOrg,
  policeOrg,
  type OrgTemplate,
} from './org-templates';
import { padDigits, type Random } from './random';
import type { GeneratedUnit } from './types';
import { type CommuneLevel, lowerFirstWord, residentialAreas, SCHOOL_PATRONS, type SettlementStyle } from './vietnamese-names';

type CodePrefix = 'CB' | 'DB' | 'CQ' | 'DT';

/** Collects units in parent-before-child order and spends the budget; codes are parent code + serial. */
class UnitSink {
  readonly units: GeneratedUnit[] = [];
  private readonly serials = new Map<string, number>();
  /** The latest đảng bộ, which can take one more cell when a budget does not divide nicely. */
  private lastCommittee: { code: string; template: OrgTemplate; cells: number } | null = null;

  constructor(
    private budget: number,
    private readonly validFrom: string,
  ) {}

  get remaining(): number {
    return this.budget;
  }

  /** Adds a unit unless the budget is spent; returns its code, or null. */
  add(parentCode: string, prefix: CodePrefix, name: string, kind: UnitKind, counted = true): string | null {
    if (counted && this.budget <= 0) return null;
    const key = `${parentCode}|${prefix}`;
    const serial = (this.serials.get(key) ?? 0) + 1;
    this.serials.set(key, serial);
    const code = `${parentCode}-${prefix}${padDigits(serial, 2)}`;
    this.units.push({ code, name, kind, parentCode, validFrom: this.validFrom });
    if (counted) this.budget--;
    return code;
  }

  /** An organisation worth `share` units: a đảng bộ with its cells, or a single chi bộ when small. */
  organisation(parentCode: string, template: OrgTemplate, share: number): void {
    const units = Math.min(share, this.budget);
    if (units <= 0) return;
    if (units === 1) {
      this.add(parentCode, 'CB', `Chi bộ ${template.body}`, 'grassroots_cell');
      return;
    }
    const code = this.add(parentCode, 'DB', `Đảng bộ ${template.body}`, 'grassroots_committee');
    if (code === null) return;
    for (let i = 0; i < units - 1; i++) this.add(code, 'CB', cellName(template, i), 'cell');
    this.lastCommittee = { code, template, cells: units - 1 };
  }

  /** One more cell in the latest đảng bộ; false if there is none or the budget is spent. */
  extraCell(): boolean {
    const last = this.lastCommittee;
    if (!last || this.budget <= 0) return false;
    this.add(last.code, 'CB', cellName(last.template, last.cells++), 'cell');
    return true;
  }
}

/**
 * Shares `budget` units among organisations by weight, in order, keeping one unit for each later
 * organisation while it can, and never making a đảng bộ of fewer than two cells unless forced.
 */
export function blocSubtree(blocCode: string, bodies: readonly OrgTemplate[], budget: number, validFrom: string): GeneratedUnit[] {
  const sink = new UnitSink(budget, validFrom);
  let weightLeft = bodies.reduce((sum, body) => sum + body.weight, 0);
  bodies.forEach((body, index) => {
    const remaining = sink.remaining;
    if (remaining <= 0) return;
    const later = bodies.length - index - 1;
    const reserve = Math.min(later, remaining - 1);
    let share = later === 0 ? remaining : Math.max(1, Math.min(remaining - reserve, Math.round((remaining * body.weight) / weightLeft)));
    if (share === 2 && later > 0) share = remaining - reserve >= 3 ? 3 : 1;
    weightLeft -= body.weight;
    // A đảng bộ of a single cell is odd: the last organisation stays a chi bộ and an earlier đảng bộ grows.
    if (later === 0 && share === 2 && sink.extraCell()) share = 1;
    sink.organisation(blocCode, body, share);
  });
  return sink.units;
}

export type CommuneSubtreeInput = {
  rng: Random;
  /** Code of the commune committee, e.g. "DU22366". */
  code: string;
  /** "Nha Trang" */
  communeName: string;
  /** "phường Nha Trang" */
  communePhrase: string;
  level: CommuneLevel;
  style: SettlementStyle;
  budget: number;
  validFrom: string;
  /** Share of the budget spent on residential cells (thôn, tổ dân phố); the rest goes to institutions. */
  residentialShare: number;
  /** Also add the commune's People's Committee, Fatherland Front and Veterans' Association (outside the budget). */
  withAgencies: boolean;
};

export type CommuneSubtree = {
  units: GeneratedUnit[];
  /** The commune's residential areas ("Tổ dân phố 3", "Thôn Phú Lộc"), for addresses. */
  areas: string[];
};

export function communeSubtree(input: CommuneSubtreeInput): CommuneSubtree {
  const { rng, code, communeName, communePhrase, level } = input;
  const sink = new UnitSink(input.budget, input.validFrom);
  const levelWord = level.toLowerCase();

  const patrons = rng.shuffle(SCHOOL_PATRONS);
  let patronCount = 0;
  const patron = (): string => patrons[patronCount++] ?? `${communeName} ${patronCount - patrons.length}`;
  const kindergartens = rng.shuffle(KINDERGARTEN_NAMES);
  let kindergartenCount = 0;
  const kindergarten = (): string => kindergartens[kindergartenCount++] ?? `${communeName} ${kindergartenCount - kindergartens.length}`;
  const cell = (name: string): void => {
    sink.add(code, 'CB', name, 'grassroots_cell');
  };

  cell(`Chi bộ Cơ quan UBND ${levelWord}`);
  const residentialCount = Math.min(sink.remaining, Math.max(1, Math.round(input.budget * input.residentialShare)));
  const areas = residentialAreas(rng, level, input.style, Math.max(residentialCount, 3));
  for (let i = 0; i < residentialCount; i++) cell(`Chi bộ ${lowerFirstWord(areas[i] as string)}`);
  cell('Chi bộ Khối Mặt trận và các đoàn thể');
  sink.organisation(code, militaryOrg(communePhrase), 3);
  sink.organisation(code, policeOrg(communePhrase), rng.int(3, 4));
  cell(`Chi bộ Trường Tiểu học ${patron()}`);
  cell(`Chi bộ Trường THCS ${patron()}`);
  cell(`Chi bộ Trạm Y tế ${levelWord}`);
  cell(`Chi bộ Trường Mầm non ${kindergarten()}`);
  if (level === 'Xã') cell(`Chi bộ Hợp tác xã Nông nghiệp ${communeName}`);
  else sink.organisation(code, highSchoolOrg(patron()), rng.int(3, 5));

  // Whatever budget is left goes to further schools, health centres and enterprises.
  let companies = 0;
  let healthCentre = false;
  let creditFund = false;
  while (sink.remaining > 0) {
    if (sink.remaining >= 4 && rng.chance(0.55)) {
      const roll = rng.next();
      const template =
        !healthCentre && roll < 0.2
          ? healthCentreOrg(communeName)
          : roll < 0.55
            ? highSchoolOrg(patron())
            : companyOrg(communeName, companies++);
      if (template.body.startsWith('Trung tâm Y tế')) healthCentre = true;
      sink.organisation(code, template, rng.int(3, 8));
    } else {
      const roll = rng.next();
      if (!creditFund && level === 'Xã' && roll < 0.15) {
        creditFund = true;
        cell(`Chi bộ Quỹ tín dụng nhân dân ${communeName}`);
      } else if (roll < 0.5) cell(`Chi bộ Trường Tiểu học ${patron()}`);
      else if (roll < 0.75) cell(`Chi bộ Trường THCS ${patron()}`);
      else cell(`Chi bộ Trường Mầm non ${kindergarten()}`);
    }
  }

  if (input.withAgencies) {
    sink.add(code, 'CQ', `Ủy ban nhân dân ${communePhrase}`, 'agency', false);
    sink.add(code, 'DT', `Ủy ban Mặt trận Tổ quốc Việt Nam ${communePhrase}`, 'mass_organisation', false);
    sink.add(code, 'DT', `Hội Cựu chiến binh ${communePhrase}`, 'mass_organisation', false);
  }
  return { units: sink.units, areas };
}
