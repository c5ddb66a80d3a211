import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeTonePlacement, vietnameseSortKey, personNameSortKey } from '../src/shared/text';
import { runDataRepairs } from '../src/server/db/data-repairs';
import { findProvince } from '../src/server/demo/admin-units';
import { addUser, seedSmallTree, signIn, startTestApp, type Client, type TestContext } from './helpers/fixtures';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let admin: Client;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'root', [{ unitId: tree.R.id, role: 'admin' }]);
  admin = await signIn(ctx.app, 'root');
});
afterAll(() => ctx.close());

describe('one tone placement', () => {
  it('puts the tone of a final oa, oe, uy on the first vowel, as the official names do, and leaves the rest', () => {
    expect(normalizeTonePlacement('Ninh Hoà')).toBe('Ninh Hòa');
    expect(normalizeTonePlacement('Thanh Hoá, Xuân Thuỷ, khoẻ, Hoạ')).toBe('Thanh Hóa, Xuân Thủy, khỏe, Họa');
    expect(normalizeTonePlacement('HOÀ BÌNH')).toBe('HÒA BÌNH');
    // "qu" is a consonant; a final consonant or vowel keeps the tone where both styles put it.
    expect(normalizeTonePlacement('Quý Quỳnh Hoàng Ngoài Thuyền Khánh Hòa')).toBe('Quý Quỳnh Hoàng Ngoài Thuyền Khánh Hòa');
    // Typed with combining accents it comes out precomposed.
    expect(normalizeTonePlacement('Hoa\u0300')).toBe('Hòa');
    expect(vietnameseSortKey('Hoà')).toBe(vietnameseSortKey('Hòa'));
  });

  it('is applied to the names of the administrative-units file', () => {
    const khanhHoa = findProvince('56');
    expect(khanhHoa.name).toBe('Khánh Hòa');
    expect(khanhHoa.communes.some((commune) => commune.name === 'Ninh Hòa')).toBe(true);
    expect(khanhHoa.communes.some((commune) => /oà(?!\p{L})/u.test(commune.name))).toBe(false);
  });

  it('is applied to a unit and a person written through the API, and search finds them either way', async () => {
    const unit = await admin.send('POST', '/api/units', { code: 'NH1', name: 'Chi bộ thôn Ninh Hoà', kind: 'cell', parentId: tree.A.id });
    expect(unit.statusCode).toBe(201);
    expect(unit.json().name).toBe('Chi bộ thôn Ninh Hòa');
    for (const q of ['ninh hoa', 'Ninh Hoà', 'NINH HÒA']) {
      const found = (await admin.get(`/api/units?q=${encodeURIComponent(q)}`)).json();
      expect(
        found.items.map((item: { code: string }) => item.code),
        q,
      ).toEqual(['NH1']);
    }
    const renamed = await admin.send('PATCH', `/api/units/${unit.json().id}`, {
      name: 'Chi bộ thôn Đông Hoá',
      version: unit.json().version,
    });
    expect(renamed.json().name).toBe('Chi bộ thôn Đông Hóa');

    const person = await admin.send('POST', '/api/people', {
      fullName: 'Lê Thị Thuỷ',
      sex: 'female',
      birthDate: '1990-02-03',
      category: 'party_member',
      cardNumber: '7654321',
      admissionDate: '2015-05-19',
      unitId: tree.A.id,
      position: 'party_member',
      isHead: false,
    });
    expect(person.statusCode, person.body).toBe(201);
    expect(person.json().fullName).toBe('Lê Thị Thủy');
    const rows = await ctx.db.execute<{ sort_key: string }>(sql`SELECT sort_key FROM persons WHERE id = ${person.json().id}`);
    expect(rows.rows[0]!.sort_key).toBe(personNameSortKey('Lê Thị Thủy'));
  });

  it('is brought to names stored before, once, with their sort keys', async () => {
    await ctx.db.execute(sql`UPDATE units SET name = 'Đảng ủy xã Hoà Thuận', sort_key = 'cũ' WHERE id = ${tree.B.id}`);
    await ctx.db.execute(sql`DELETE FROM data_repairs WHERE name = 'tone-placement'`);
    await runDataRepairs(ctx.db);
    const rows = await ctx.db.execute<{ name: string; sort_key: string }>(sql`SELECT name, sort_key FROM units WHERE id = ${tree.B.id}`);
    expect(rows.rows[0]).toEqual({ name: 'Đảng ủy xã Hòa Thuận', sort_key: vietnameseSortKey('Đảng ủy xã Hòa Thuận') });
    const repairs = await ctx.db.execute<{ changed_rows: number }>(
      sql`SELECT changed_rows FROM data_repairs WHERE name = 'tone-placement'`,
    );
    expect(Number(repairs.rows[0]!.changed_rows)).toBe(1);
    // Once run, it is not run again.
    await ctx.db.execute(sql`UPDATE units SET name = 'Đảng ủy xã Hoà Thuận' WHERE id = ${tree.B.id}`);
    await runDataRepairs(ctx.db);
    expect((await ctx.db.execute<{ name: string }>(sql`SELECT name FROM units WHERE id = ${tree.B.id}`)).rows[0]!.name).toBe(
      'Đảng ủy xã Hoà Thuận',
    );
  });
});
