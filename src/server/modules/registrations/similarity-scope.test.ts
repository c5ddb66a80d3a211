import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database';
import { seedSmallTree } from '../../../../test/helpers/fixtures';
import { refreshSimilarities } from './similarity';

/**
 * Where near-identical registrations are looked for: the parent unit's subtree, but never a
 * province's whole subtree. In the small tree R is a province; A and B are its communes.
 */
let database: TestDatabase;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const TEXT = 'chi bo duy tri sinh hoat chuyen de moi quy gan bo voi nhan dan giup do ho ngheo trong thon xom';

async function collective(unitId: number): Promise<number> {
  const rows = await database.pool.query<{ id: number }>(
    `INSERT INTO registrations (kind, year, unit_id, status, shortcomings, revision, search_text)
     VALUES ('collective', 2026, $1, 'submitted', 'Còn chậm', 1, $2) RETURNING id`,
    [unitId, TEXT],
  );
  return Number(rows.rows[0]!.id);
}

async function partnersOf(id: number): Promise<number[]> {
  const rows = await database.pool.query<{ other_id: number }>(
    'SELECT other_id FROM registration_similarities WHERE registration_id = $1 ORDER BY other_id',
    [id],
  );
  return rows.rows.map((row) => Number(row.other_id));
}

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await seedSmallTree(database.db);
}, 60_000);
afterAll(() => database.cleanup());

describe('the comparison scope of near-identical registrations', () => {
  it('keeps a unit right under a province to its own subtree, and a cell to its commune', async () => {
    const atA = await collective(tree.A.id);
    const atB = await collective(tree.B.id);
    const atC1 = await collective(tree.C1.id);
    const atC2 = await collective(tree.C2.id);
    for (const id of [atA, atB, atC1, atC2]) await database.db.transaction((tx) => refreshSimilarities(tx, id));
    // A and B are communes of the province R: the same text in both is not looked for across them.
    expect(await partnersOf(atB)).toEqual([]);
    // A's own subtree holds its cells; C1's parent A holds A, C1 and C2 (pairs are stored both ways).
    expect(await partnersOf(atA)).toEqual([atC1, atC2].sort((x, y) => x - y));
    expect(await partnersOf(atC1)).toEqual([atA, atC2].sort((x, y) => x - y));
    const flags = await database.pool.query<{ id: number; has_twin: boolean }>(
      'SELECT id, has_twin FROM registrations WHERE id = ANY($1::bigint[]) ORDER BY id',
      [[atA, atB, atC1, atC2]],
    );
    expect(flags.rows.map((row) => [Number(row.id), row.has_twin])).toEqual([
      [atA, true],
      [atB, false],
      [atC1, true],
      [atC2, true],
    ]);
  });
});
