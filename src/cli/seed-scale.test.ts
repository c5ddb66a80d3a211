import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database';
import { createUnitAsSystem, rootActor } from '../../test/helpers/fixtures';
import { ancestorIdsOf, type FigureDelta } from '../server/platform/figures';
import { getSubtreeFigures } from '../server/modules/figures/figures.service';
import { membershipDeltas, personColumns } from '../server/modules/people/index';
import { UNIT_METRIC, unitKindMetric } from '../server/modules/units/index';
import type { PersonCategory, Sex } from '../shared/contracts/domain';
import { foldVietnamese, vietnameseSortKey } from '../shared/text';
import { seedAtScale, type SeedScaleResult } from './seed-scale';

let database: TestDatabase;
let seeded: SeedScaleResult;
let root: { id: number; path: string };

beforeAll(async () => {
  database = await createTestDatabase();
  seeded = await seedAtScale(database, { units: 3_000, people: 5_000, seed: 7, log: () => undefined });
  const rows = await database.pool.query<{ id: number; path: string }>('SELECT id, path::text AS path FROM units WHERE parent_id IS NULL');
  root = { id: Number(rows.rows[0]!.id), path: rows.rows[0]!.path };
});
afterAll(() => database.cleanup());

type Recount = { id: number; members: number; party_members: number; units: number };

/** Figures counted from the rows themselves, the slow way the counters exist to avoid. */
async function recount(unitIds: number[]): Promise<Map<number, Recount>> {
  const rows = await database.pool.query<Recount>(
    `SELECT t.id,
       (SELECT count(*) FROM memberships m JOIN units u ON u.id = m.unit_id
          WHERE u.path <@ t.path AND m.is_primary AND m.to_date IS NULL) AS members,
       (SELECT count(*) FROM memberships m JOIN units u ON u.id = m.unit_id JOIN persons p ON p.id = m.person_id
          WHERE u.path <@ t.path AND m.is_primary AND m.to_date IS NULL AND p.category = 'party_member') AS party_members,
       (SELECT count(*) FROM units u WHERE u.path <@ t.path AND u.valid_to IS NULL) AS units
     FROM units t WHERE t.id = ANY($1::bigint[])`,
    [unitIds],
  );
  return new Map(rows.rows.map((row) => [Number(row.id), { ...row, id: Number(row.id) }]));
}

async function counterTotals(unitIds: number[]): Promise<Map<number, Record<string, number>>> {
  const rows = await database.pool.query<{ unit_id: number; metric: string; value: number }>(
    'SELECT unit_id, metric, sum(delta) AS value FROM figure_counters WHERE unit_id = ANY($1::bigint[]) GROUP BY 1, 2',
    [unitIds],
  );
  const totals = new Map<number, Record<string, number>>(unitIds.map((id) => [id, {}]));
  for (const row of rows.rows) totals.get(Number(row.unit_id))![row.metric] = Number(row.value);
  return totals;
}

describe('seeding at scale', () => {
  it('writes the national tree and exactly the people asked for', async () => {
    const counts = await database.pool.query<{ units: number; versions: number; persons: number; memberships: number }>(
      `SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM unit_versions) AS versions,
              (SELECT count(*) FROM persons) AS persons, (SELECT count(*) FROM memberships) AS memberships`,
    );
    const row = counts.rows[0]!;
    // The tree never has fewer units than the Centre, provinces, blocs and communes (about 3,400).
    expect(seeded.units).toBeGreaterThanOrEqual(3_000);
    expect(Number(row.units)).toBe(seeded.units);
    expect(Number(row.versions)).toBe(seeded.units);
    expect(seeded.people).toBe(5_000);
    expect(Number(row.persons)).toBe(5_000);
    expect(Number(row.memberships)).toBe(5_000);
  });

  it('keeps the counters equal to a recount for the root and every province', async () => {
    const provinces = await database.pool.query<{ id: number }>(`SELECT id FROM units WHERE kind = 'province_committee'`);
    const ids = [root.id, ...provinces.rows.map((row) => Number(row.id))];
    expect(ids.length).toBe(35);
    const expected = await recount(ids);
    const actual = await counterTotals(ids);
    for (const id of ids) {
      const counted = expected.get(id)!;
      const figures = actual.get(id)!;
      expect({ id, members: figures.members ?? 0, partyMembers: figures.party_members ?? 0, units: figures.units ?? 0 }).toEqual({
        id,
        members: Number(counted.members),
        partyMembers: Number(counted.party_members),
        units: Number(counted.units),
      });
    }
    expect(actual.get(root.id)!.members).toBe(5_000);
  });

  it('writes every counter row the services would have written, and no other', async () => {
    // The services' own rules (createUnitInTx, membershipDeltas), expanded to every ancestor.
    const units = await database.pool.query<{ path: string; kind: string; valid_from: string }>(
      'SELECT path::text AS path, kind, valid_from FROM units',
    );
    const memberships = await database.pool.query<{ path: string; category: string; from_date: string }>(
      `SELECT u.path::text AS path, p.category, m.from_date FROM memberships m
       JOIN units u ON u.id = m.unit_id JOIN persons p ON p.id = m.person_id`,
    );
    const deltas: FigureDelta[] = [
      ...units.rows.flatMap((unit) => [
        { unitPath: unit.path, metric: UNIT_METRIC, day: unit.valid_from, delta: 1 },
        { unitPath: unit.path, metric: unitKindMetric(unit.kind), day: unit.valid_from, delta: 1 },
      ]),
      ...memberships.rows.flatMap((row) => membershipDeltas(row.path, row.category, row.from_date, null)),
    ];
    const expected = new Map<string, number>();
    for (const change of deltas) {
      for (const unitId of ancestorIdsOf(change.unitPath)) {
        const key = `${unitId}|${change.metric}|${change.day}`;
        expected.set(key, (expected.get(key) ?? 0) + change.delta);
      }
    }
    const rows = await database.pool.query<{ unit_id: number; metric: string; day: string; delta: number }>(
      'SELECT unit_id, metric, day, delta FROM figure_counters',
    );
    const actual = new Map(rows.rows.map((row) => [`${row.unit_id}|${row.metric}|${row.day}`, Number(row.delta)]));
    expect(actual.size).toBe(expected.size);
    const differences = [...expected].filter(([key, delta]) => actual.get(key) !== delta);
    expect(differences.slice(0, 5)).toEqual([]);
  });

  it('gives the same numbers through the figures service', async () => {
    const province = await database.pool.query<{ id: number }>(
      `SELECT id FROM units WHERE kind = 'province_committee' ORDER BY id LIMIT 1`,
    );
    const provinceId = Number(province.rows[0]!.id);
    const expected = await recount([root.id, provinceId]);
    const actor = rootActor(root.path);

    const atRoot = await getSubtreeFigures(database.db, actor, root.id);
    expect(atRoot.figures.members).toBe(Number(expected.get(root.id)!.members));
    expect(atRoot.figures.partyMembers).toBe(Number(expected.get(root.id)!.party_members));
    expect(atRoot.figures.units).toBe(Number(expected.get(root.id)!.units));
    expect(atRoot.children).toHaveLength(34);
    // Nobody is placed in the Centre itself, so its provinces add up to it.
    expect(atRoot.children.reduce((sum, child) => sum + child.figures.members, 0)).toBe(atRoot.figures.members);

    const atProvince = await getSubtreeFigures(database.db, actor, provinceId);
    expect(atProvince.figures.members).toBe(Number(expected.get(provinceId)!.members));
    expect(atProvince.figures.units).toBe(Number(expected.get(provinceId)!.units));
  });

  it('derives search text and sort keys as the services do', async () => {
    const units = await database.pool.query<{ code: string; name: string; search_text: string; sort_key: string }>(
      'SELECT code, name, search_text, sort_key FROM units ORDER BY id LIMIT 500',
    );
    for (const unit of units.rows) {
      expect([unit.search_text, unit.sort_key]).toEqual([foldVietnamese(`${unit.name} ${unit.code}`), vietnameseSortKey(unit.name)]);
    }
    const people = await database.pool.query<{
      full_name: string;
      sex: Sex;
      category: PersonCategory;
      card_number: string | null;
      id_number: string | null;
      search_text: string;
      sort_key: string;
    }>('SELECT full_name, sex, category, card_number, id_number, search_text, sort_key FROM persons ORDER BY id LIMIT 500');
    for (const person of people.rows) {
      const columns = personColumns({
        fullName: person.full_name,
        sex: person.sex,
        category: person.category,
        cardNumber: person.card_number,
        idNumber: person.id_number,
      });
      expect([person.search_text, person.sort_key]).toEqual([columns.searchText, columns.sortKey]);
    }
  });

  it('leaves the id sequences past the seeded rows, so the services can write next', async () => {
    const province = await database.pool.query<{ id: number }>(
      `SELECT id FROM units WHERE kind = 'province_committee' ORDER BY id LIMIT 1`,
    );
    const created = await createUnitAsSystem(database.db, 'SEED-NEW', 'Chi bộ Thử nghiệm', 'cell', Number(province.rows[0]!.id));
    expect(created.id).toBe(seeded.units + 1);
    const figures = await getSubtreeFigures(database.db, rootActor(root.path), root.id);
    expect(figures.figures.units).toBe(seeded.units + 1);
  });

  it('refuses a database that already has units', async () => {
    await expect(seedAtScale(database, { units: 3_000, people: 10, log: () => undefined })).rejects.toThrow(/cơ sở dữ liệu trống/);
  });
});
