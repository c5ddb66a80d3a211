import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PERSON_CATEGORIES, POSITIONS, UNIT_KINDS } from '../../shared/contracts/domain';
import { adminUnitsPath, countCommunes, findProvince, loadAdminUnits } from './admin-units';
import {
  DEMO_COMMUNE_CODES,
  generateDemoProvince,
  generateNationalPeople,
  generateNationalTree,
  nationalFixedUnitCount,
  type GeneratedPerson,
  type GeneratedUnit,
} from './generate-tree';
import { formatDay, parseDay, permute, Random } from './random';
import { randomPersonName } from './vietnamese-names';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CELL_KINDS = new Set<string>(['cell', 'grassroots_cell']);

function take<T>(iterable: Iterable<T>, count: number): T[] {
  const out: T[] = [];
  for (const item of iterable) {
    if (out.length >= count) break;
    out.push(item);
  }
  return out;
}

function expectParentsFirst(units: Iterable<GeneratedUnit>): number {
  const seen = new Set<string>();
  for (const unit of units) {
    expect(seen.has(unit.code), `duplicate code ${unit.code}`).toBe(false);
    if (unit.parentCode !== null) expect(seen.has(unit.parentCode), `${unit.code} before its parent`).toBe(true);
    seen.add(unit.code);
  }
  return seen.size;
}

function expectUnique(values: readonly (string | null)[], label: string): void {
  const present = values.filter((value): value is string => value !== null);
  expect(new Set(present).size, `${label} must be unique`).toBe(present.length);
}

/** The 18th birthday as an ISO string (29 February falls back to the 28th in common years). */
function eighteenthBirthday(birthDate: string): string {
  const year = Number(birthDate.slice(0, 4)) + 18;
  const date = birthDate.slice(5) === '02-29' && year % 4 !== 0 ? '02-28' : birthDate.slice(5);
  return `${year}-${date}`;
}

function expectValidPerson(person: GeneratedPerson, unitValidFrom: string): void {
  expect(person.fullName.normalize('NFC')).toBe(person.fullName);
  expect(person.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
  expect(person.birthDate >= '1955-01-01' && person.birthDate <= '2004-12-31').toBe(true);
  expect(formatDay(parseDay(person.birthDate))).toBe(person.birthDate);
  expect(PERSON_CATEGORIES).toContain(person.category);
  expect(POSITIONS).toContain(person.position);
  expect(person.idNumber).toMatch(/^0\d{11}$/);
  const centurySex = Number(person.idNumber[3]);
  expect(centurySex % 2 === 1 ? 'female' : 'male').toBe(person.sex);
  expect(person.idNumber.slice(4, 6)).toBe(person.birthDate.slice(2, 4));
  if (person.phone !== null) expect(person.phone).toMatch(/^09\d{8}$/);
  if (person.email !== null) expect(person.email).toMatch(/^[a-z0-9.]+@[a-z.]+$/);
  expect(person.fromDate).toMatch(ISO_DATE);
  expect(person.fromDate >= unitValidFrom).toBe(true);
  if (person.category === 'party_member') {
    expect(person.cardNumber).toMatch(/^\d{8}$/);
    expect(person.admissionDate).toMatch(ISO_DATE);
    expect((person.admissionDate ?? '') >= eighteenthBirthday(person.birthDate)).toBe(true);
    expect(person.fromDate >= (person.admissionDate ?? '')).toBe(true);
  } else {
    expect(person.cardNumber).toBeNull();
    expect(person.admissionDate).toBeNull();
  }
}

describe('random helpers', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
    expect(new Random(43).next()).not.toBe(new Random(42).next());
  });

  it('formats and parses dates symmetrically, including leap days', () => {
    for (let day = parseDay('1899-12-25'); day < parseDay('2101-01-05'); day += 7) {
      expect(parseDay(formatDay(day))).toBe(day);
    }
    expect(formatDay(parseDay('2000-02-29'))).toBe('2000-02-29');
    expect(new Random(1).dateBetween('2025-07-01', '2025-07-01')).toBe('2025-07-01');
  });

  it('permutes a number space without collisions', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) seen.add(permute(i, 100, 12345));
    expect(seen.size).toBe(10_000);
    expect(Math.max(...seen)).toBe(9_999);
  });
});

describe('names', () => {
  it('are Vietnamese names with diacritics and realistic family-name shares', () => {
    const rng = new Random(9);
    const names = Array.from({ length: 20_000 }, (_, i) => randomPersonName(rng, i % 2 ? 'male' : 'female', 1955 + (i % 50)).fullName);
    const withDiacritics = names.filter((name) => /[^\u0020-\u007e]/.test(name)).length;
    expect(withDiacritics / names.length).toBeGreaterThan(0.95);
    const nguyen = names.filter((name) => name.startsWith('Nguyễn ')).length / names.length;
    expect(nguyen).toBeGreaterThan(0.33);
    expect(nguyen).toBeLessThan(0.44);
    expect(names.some((name) => / Thị /.test(name))).toBe(true);
    expect(names.some((name) => / Văn /.test(name))).toBe(true);
  });
});

describe('administrative units', () => {
  it('loads the 34 provinces and 3,321 communes, and honours the path override', () => {
    const provinces = loadAdminUnits();
    expect(provinces).toHaveLength(34);
    expect(countCommunes(provinces)).toBe(3321);
    expect(findProvince('56', provinces).communes.some((commune) => commune.fullName === 'Phường Nha Trang')).toBe(true);
    const previous = process.env.VN_ADMIN_UNITS_PATH;
    process.env.VN_ADMIN_UNITS_PATH = '/somewhere/units.json';
    try {
      expect(adminUnitsPath()).toBe('/somewhere/units.json');
    } finally {
      if (previous === undefined) delete process.env.VN_ADMIN_UNITS_PATH;
      else process.env.VN_ADMIN_UNITS_PATH = previous;
    }
    // The default copy lives inside the repository, so a fresh clone needs nothing beside it.
    const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
    expect(adminUnitsPath()).toBe(`${repositoryRoot}datasets/vn-admin-units-2025/units.json`);
  });
});

describe('generateDemoProvince', () => {
  const demo = generateDemoProvince(1);
  const unitsByCode = new Map(demo.units.map((unit) => [unit.code, unit]));

  it('is deterministic for a seed and varies with it', () => {
    expect(generateDemoProvince(1)).toEqual(demo);
    expect(generateDemoProvince(2).people[0]).not.toEqual(demo.people[0]);
  });

  const formerCodes = new Set(demo.former!.merges.flatMap((merge) => merge.sourceCodes).concat(demo.former!.dissolvedCodes));
  /** Today's units: the merged communes come from the merges, the former units are left out. */
  const todayUnits = [...demo.units.slice(0, 1), ...demo.units.slice(1).filter((unit) => !formerCodes.has(unit.code))];

  it('has the shape of Khánh Hòa after 1 July 2025', () => {
    const root = demo.units[0];
    expect(root).toEqual({
      code: 'TU56',
      name: 'Tỉnh ủy Khánh Hòa',
      kind: 'province_committee',
      parentCode: null,
      validFrom: '1989-07-01',
    });
    const merged = demo.former!.merges.map((merge) => merge.target);
    const communes = [...merged, ...todayUnits.filter((unit) => unit.kind === 'commune_committee')].sort(
      (a, b) => DEMO_COMMUNE_CODES.indexOf(a.code.slice(2)) - DEMO_COMMUNE_CODES.indexOf(b.code.slice(2)),
    );
    expect(communes.map((unit) => unit.code)).toEqual(DEMO_COMMUNE_CODES.map((code) => `DU${code}`));
    expect(communes.every((unit) => unit.parentCode === 'TU56' && /^Đảng ủy (phường|xã) /.test(unit.name))).toBe(true);
    expect(communes.map((unit) => unit.name)).toContain('Đảng ủy phường Nha Trang');
    const blocs = demo.units.filter((unit) => unit.kind === 'bloc_committee').map((unit) => unit.name);
    expect(blocs).toEqual(['Đảng ủy các cơ quan Đảng tỉnh Khánh Hòa', 'Đảng ủy Ủy ban nhân dân tỉnh Khánh Hòa']);
    for (const kind of ['grassroots_committee', 'grassroots_cell', 'cell', 'agency', 'mass_organisation'] as const) {
      expect(
        demo.units.some((unit) => unit.kind === kind),
        kind,
      ).toBe(true);
    }
    expect(demo.units.map((unit) => unit.name)).toContain('Ủy ban Mặt trận Tổ quốc Việt Nam phường Nha Trang');
    expect(demo.units.map((unit) => unit.name)).toContain('Đảng bộ Sở Giáo dục và Đào tạo');
    for (const unit of demo.units) {
      expect(UNIT_KINDS).toContain(unit.kind);
      expect(unit.code).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)*$/);
      expect(unit.validFrom).toMatch(ISO_DATE);
    }
  });

  it('keeps the earlier shape of former Khánh Hòa: districts and their communes, merged on 1/7/2025', () => {
    const districts = demo.units.filter((unit) => unit.kind === 'district_committee');
    expect(districts.map((unit) => unit.name)).toEqual([
      'Thành ủy Nha Trang',
      'Thành ủy Cam Ranh',
      'Thị ủy Ninh Hòa',
      'Huyện ủy Diên Khánh',
      'Huyện ủy Cam Lâm',
    ]);
    expect(districts.every((unit) => unit.parentCode === 'TU56' && unit.validFrom === '2010-01-01')).toBe(true);
    expect(demo.former!.dissolvedCodes).toEqual(districts.map((unit) => unit.code));
    expect(demo.former!.day).toBe('2025-07-01');
    // Six communes of today are each born of three former ones; the two of former Ninh Thuận start in 2025.
    expect(demo.former!.merges.map((merge) => merge.target.code).sort()).toEqual([
      'DU22333',
      'DU22366',
      'DU22420',
      'DU22453',
      'DU22528',
      'DU22651',
    ]);
    for (const merge of demo.former!.merges) {
      expect(unitsByCode.has(merge.target.code)).toBe(false);
      expect(merge.sourceCodes).toHaveLength(3);
      for (const code of merge.sourceCodes) {
        const source = unitsByCode.get(code)!;
        expect(source.kind).toBe('commune_committee');
        expect(unitsByCode.get(source.parentCode!)!.kind).toBe('district_committee');
      }
      const below = demo.units.filter((unit) => unit.code.startsWith(`${merge.target.code}-`));
      expect(below.length).toBeGreaterThan(10);
      expect(below.every((unit) => unit.validFrom === '2010-01-01')).toBe(true);
      expect(new Set(below.filter((unit) => merge.sourceCodes.includes(unit.parentCode!)).map((unit) => unit.parentCode)).size).toBe(3);
    }
    expect(unitsByCode.get('DU22759')!.validFrom).toBe('2025-07-01');
    expect(demo.people.some((person) => person.unitCode === demo.former!.merges[0]!.sourceCodes[0])).toBe(true);
  });

  it('lists parents before children with unique codes', () => {
    expect(expectParentsFirst(demo.units)).toBe(demo.units.length);
  });

  it('has a few thousand valid people with unique identifiers', () => {
    expect(demo.people.length).toBeGreaterThan(2_500);
    expect(demo.people.length).toBeLessThan(4_000);
    for (const person of demo.people) {
      const unit = unitsByCode.get(person.unitCode);
      expect(unit, person.unitCode).toBeDefined();
      expectValidPerson(person, unit?.validFrom ?? '');
    }
    expectUnique(
      demo.people.map((person) => person.idNumber),
      'CCCD',
    );
    expectUnique(
      demo.people.map((person) => person.cardNumber),
      'card numbers',
    );
    expectUnique(
      demo.people.map((person) => person.phone),
      'phones',
    );
    expectUnique(
      demo.people.map((person) => person.email),
      'e-mails',
    );
    const local = demo.people.filter((person) => person.idNumber.startsWith('056')).length;
    expect(local / demo.people.length).toBeGreaterThan(0.7);
    expect(demo.people.filter((person) => person.category === 'party_member').length / demo.people.length).toBeGreaterThan(0.8);
  });

  it('gives every cell one secretary who is its head, and every agency one head', () => {
    const byUnit = new Map<string, GeneratedPerson[]>();
    for (const person of demo.people) byUnit.set(person.unitCode, [...(byUnit.get(person.unitCode) ?? []), person]);
    // The staff of a merged commune were in the first of its former communes; districts have none left.
    const firstSources = new Set(demo.former!.merges.map((merge) => merge.sourceCodes[0]!));
    for (const unit of demo.units.filter((candidate) => !formerCodes.has(candidate.code) || firstSources.has(candidate.code))) {
      const people = byUnit.get(unit.code) ?? [];
      expect(people.length, unit.code).toBeGreaterThan(0);
      const heads = people.filter((person) => person.isHead);
      expect(heads, unit.code).toHaveLength(1);
      if (CELL_KINDS.has(unit.kind)) {
        expect(people.length).toBeGreaterThanOrEqual(8);
        expect(people.length).toBeLessThanOrEqual(40);
        expect(people.filter((person) => person.position === 'secretary')).toEqual(heads);
        const deputies = people.filter((person) => person.position === 'deputy_secretary').length;
        expect(deputies).toBe(people.length >= 9 ? 1 : 0);
      } else if (unit.kind === 'agency' || unit.kind === 'mass_organisation') {
        expect(heads[0]?.position).toBe('head');
        expect(people.every((person) => person.cardNumber === null)).toBe(true);
      } else {
        expect(heads[0]?.position).toBe('secretary');
      }
    }
  });

  it('gives residents of a village cell an address in that village', () => {
    const villageCell = demo.units.find((unit) => unit.name.startsWith('Chi bộ thôn '));
    expect(villageCell).toBeDefined();
    const village = `Thôn ${villageCell?.name.slice('Chi bộ thôn '.length) ?? ''}`;
    const residents = demo.people.filter((person) => person.unitCode === villageCell?.code && person.address !== null);
    expect(residents.length).toBeGreaterThan(0);
    expect(residents.every((person) => person.address?.startsWith(`${village}, xã `))).toBe(true);
  });
});

describe('generateNationalTree', () => {
  it('has the Centre, 34 provinces, 3,321 communes and about the requested number of units', () => {
    const units = [...generateNationalTree({ scaleUnits: 20_000, seed: 3 })];
    const count = (kind: string) => units.filter((unit) => unit.kind === kind).length;
    expect(count('central')).toBe(1);
    expect(count('province_committee')).toBe(34);
    expect(count('commune_committee')).toBe(3321);
    expect(Math.abs(units.length - 20_000)).toBeLessThanOrEqual(200);
    expect(units[0]).toMatchObject({ code: 'TW', name: 'Ban Chấp hành Trung ương', parentCode: null });
    expect(units.map((unit) => unit.name)).toContain('Thành ủy Thành phố Hồ Chí Minh');
    expect(units.map((unit) => unit.name)).toContain('Tỉnh ủy Khánh Hòa');
    expect(expectParentsFirst(units)).toBe(units.length);
    expect(count('grassroots_cell') + count('cell')).toBeGreaterThan(10_000);
  });

  it('is deterministic and never smaller than its fixed part', () => {
    expect(take(generateNationalTree({ scaleUnits: 50_000, seed: 5 }), 3_000)).toEqual(
      take(generateNationalTree({ scaleUnits: 50_000, seed: 5 }), 3_000),
    );
    expect([...generateNationalTree({ scaleUnits: 10 })]).toHaveLength(nationalFixedUnitCount());
  });
});

describe('generateNationalPeople', () => {
  it('yields exactly the requested count with unique identifiers, deterministically', () => {
    const people = [...generateNationalPeople({ count: 60_000, seed: 4 })];
    expect(people).toHaveLength(60_000);
    expect(take(generateNationalPeople({ count: 60_000, seed: 4 }), 500)).toEqual(people.slice(0, 500));
    expectUnique(
      people.map((person) => person.idNumber),
      'CCCD',
    );
    expectUnique(
      people.map((person) => person.cardNumber),
      'card numbers',
    );
    expectUnique(
      people.map((person) => person.email),
      'e-mails',
    );
    for (const person of people.slice(0, 5_000)) expectValidPerson(person, '2025-07-01');
    // People come unit by unit, each unit led by exactly one head.
    const heads = new Map<string, number>();
    for (const person of people) heads.set(person.unitCode, (heads.get(person.unitCode) ?? 0) + (person.isHead ? 1 : 0));
    expect([...heads.values()].every((n) => n === 1)).toBe(true);
  });

  it('spreads people over the given units, replaying a unit factory', () => {
    const units = () => generateNationalTree({ scaleUnits: 5_000, seed: 2 });
    const people = [...generateNationalPeople({ count: 7_000, units: () => [...units()].filter((u) => CELL_KINDS.has(u.kind)) })];
    expect(people).toHaveLength(7_000);
    const codes = new Set([...units()].filter((u) => CELL_KINDS.has(u.kind)).map((u) => u.code));
    expect(people.every((person) => codes.has(person.unitCode))).toBe(true);
    const few = [...generateNationalPeople({ count: 30, units: ['X-1', 'X-2'] })];
    expect(few).toHaveLength(30);
    expect(new Set(few.map((person) => person.unitCode))).toEqual(new Set(['X-1', 'X-2']));
    expect(few.filter((person) => person.isHead).map((person) => person.unitCode)).toEqual(['X-1', 'X-2']);
  });

  it('streams a million people quickly', () => {
    const started = performance.now();
    let count = 0;
    let heads = 0;
    for (const person of generateNationalPeople({ count: 1_000_000, seed: 1 })) {
      count++;
      if (person.isHead) heads++;
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(`generateNationalPeople: 1,000,000 people (${heads} unit heads) in ${seconds.toFixed(2)} s`);
    expect(count).toBe(1_000_000);
  }, 120_000);
});
