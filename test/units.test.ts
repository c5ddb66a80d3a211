import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addUser, seedSmallTree, signIn, startTestApp, type Client, type TestContext } from './helpers/fixtures';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let rootAdmin: Client;
let adminA: Client;
let viewerB: Client;
let officerA: Client;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'root', [{ unitId: tree.R.id, role: 'admin' }]);
  await addUser(ctx.db, 'admin.a', [{ unitId: tree.A.id, role: 'admin' }]);
  await addUser(ctx.db, 'viewer.b', [{ unitId: tree.B.id, role: 'viewer' }]);
  await addUser(ctx.db, 'officer.a', [{ unitId: tree.A.id, role: 'officer' }]);
  rootAdmin = await signIn(ctx.app, 'root');
  adminA = await signIn(ctx.app, 'admin.a');
  viewerB = await signIn(ctx.app, 'viewer.b');
  officerA = await signIn(ctx.app, 'officer.a');
});
afterAll(() => ctx.close());

describe('reading the tree', () => {
  it('starts each user at the roots of their grants', async () => {
    expect((await adminA.get('/api/units/roots')).json().map((u: { code: string }) => u.code)).toEqual(['A']);
    expect((await rootAdmin.get('/api/units/roots')).json().map((u: { code: string }) => u.code)).toEqual(['R']);
  });

  it('lists children lazily, sorted in Vietnamese order, with hasChildren', async () => {
    const children = (await rootAdmin.get(`/api/units/${tree.R.id}/children`)).json();
    expect(children.map((u: { code: string; hasChildren: boolean }) => [u.code, u.hasChildren])).toEqual([
      ['A', true],
      ['B', true],
    ]);
  });

  it('finds a unit by its name typed without diacritics, only inside the subtree', async () => {
    const found = (await rootAdmin.get('/api/units?q=phu%20loc')).json();
    expect(found.items.map((u: { code: string }) => u.code)).toEqual(['C3']);
    expect(found.items[0].breadcrumbs).toBe('Tỉnh ủy Thử nghiệm › Đảng ủy xã Đông Hòa');
    expect((await adminA.get('/api/units?q=phu%20loc')).json().total).toBe(0);
    expect((await rootAdmin.get('/api/units?q=DONG%20HOA')).json().items[0].code).toBe('B');
  });

  it('refuses units outside the subtree', async () => {
    expect((await adminA.get(`/api/units/${tree.C3.id}`)).statusCode).toBe(403);
    expect((await adminA.get(`/api/units/${tree.B.id}/children`)).statusCode).toBe(403);
    expect((await viewerB.get(`/api/units/${tree.C1.id}/history`)).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/units/roots' })).statusCode).toBe(401);
  });

  it('gives breadcrumbs only from the highest visible ancestor', async () => {
    const detail = (await adminA.get(`/api/units/${tree.C1.id}`)).json();
    expect(detail.breadcrumbs.map((b: { code: string }) => b.code)).toEqual(['A']);
  });
});

describe('changing the tree', () => {
  it('creates a unit under a unit of the subtree, and refuses one outside it or without the role', async () => {
    const created = await adminA.send('POST', '/api/units', {
      code: 'C4',
      name: 'Chi bộ Khu phố 4',
      kind: 'cell',
      parentId: tree.A.id,
      validFrom: '2026-01-01',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().path).toBe(`${tree.A.path}.${created.json().id}`);
    expect((await adminA.send('POST', '/api/units', { code: 'X1', name: 'Chi bộ X', kind: 'cell', parentId: tree.B.id })).statusCode).toBe(
      403,
    );
    expect(
      (await officerA.send('POST', '/api/units', { code: 'X2', name: 'Chi bộ X', kind: 'cell', parentId: tree.A.id })).statusCode,
    ).toBe(403);
    const rows = await ctx.db.execute(sql`SELECT code FROM units WHERE code IN ('X1', 'X2')`);
    expect(rows.rows).toHaveLength(0);
  });

  it('rejects bad input with a stable code and changes nothing', async () => {
    const before = (await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM units`)).rows[0]!.n;
    const cases = [
      { code: '', name: 'A', kind: 'cell', parentId: tree.A.id },
      { code: 'OK1', name: '', kind: 'cell', parentId: tree.A.id },
      { code: 'OK2', name: 'Tên', kind: 'not-a-kind', parentId: tree.A.id },
      { code: 'OK3', name: 'Tên', kind: 'cell', parentId: tree.A.id, validFrom: '2026-02-30' },
      { code: 'bad code!', name: 'Tên', kind: 'cell', parentId: tree.A.id },
    ];
    for (const body of cases) {
      const response = await rootAdmin.send('POST', '/api/units', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    const duplicate = await rootAdmin.send('POST', '/api/units', { code: 'C1', name: 'Trùng mã', kind: 'cell', parentId: tree.A.id });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('DUPLICATE');
    const beforeParent = await rootAdmin.send('POST', '/api/units', {
      code: 'OK4',
      name: 'Tên',
      kind: 'cell',
      parentId: tree.A.id,
      validFrom: '2020-01-01',
    });
    expect(beforeParent.statusCode).toBe(400);
    const after = (await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM units`)).rows[0]!.n;
    expect(after).toBe(before);
  });

  it('renames with history and refuses a stale version', async () => {
    const unit = (await rootAdmin.get(`/api/units/${tree.C2.id}`)).json();
    const renamed = await adminA.send('PATCH', `/api/units/${tree.C2.id}`, {
      name: 'Chi bộ Khu phố 2A',
      effectiveDate: '2026-03-01',
      version: unit.version,
    });
    expect(renamed.statusCode).toBe(200);
    const stale = await adminA.send('PATCH', `/api/units/${tree.C2.id}`, { name: 'Tên khác', version: unit.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const history = (await adminA.get(`/api/units/${tree.C2.id}/history`)).json();
    expect(history.map((h: { name: string; validFrom: string; validTo: string | null }) => [h.name, h.validFrom, h.validTo])).toEqual([
      ['Chi bộ Khu phố 2', '2025-07-01', '2026-03-01'],
      ['Chi bộ Khu phố 2A', '2026-03-01', null],
    ]);
    const asOf = (await adminA.get(`/api/units/${tree.A.id}/children?asOf=2026-01-15`)).json();
    expect(asOf.map((u: { name: string }) => u.name)).toContain('Chi bộ Khu phố 2');
    const audit = await ctx.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_type = 'unit' AND entity_id = ${String(tree.C2.id)}`,
    );
    expect(audit.rows.map((r) => r.action)).toContain('unit.update');
  });

  it('moves a unit, rewriting the paths of its subtree, and shows the old tree as of a past date', async () => {
    const g = await rootAdmin.send('POST', '/api/units', {
      code: 'G1',
      name: 'Đảng bộ Trường THPT Lê Lợi',
      kind: 'grassroots_committee',
      parentId: tree.A.id,
      validFrom: '2025-08-01',
    });
    const cell = await rootAdmin.send('POST', '/api/units', {
      code: 'G1C1',
      name: 'Chi bộ Tổ Toán',
      kind: 'cell',
      parentId: g.json().id,
      validFrom: '2025-08-01',
    });
    const moved = await rootAdmin.send('POST', `/api/units/${g.json().id}/move`, {
      parentId: tree.B.id,
      effectiveDate: '2026-05-01',
      version: g.json().version,
    });
    expect(moved.statusCode).toBe(200);
    const child = (await rootAdmin.get(`/api/units/${cell.json().id}`)).json();
    expect(child.path).toBe(`${tree.B.path}.${g.json().id}.${cell.json().id}`);
    const before = (await rootAdmin.get(`/api/units/${tree.A.id}/children?asOf=2026-04-30`)).json();
    const after = (await rootAdmin.get(`/api/units/${tree.A.id}/children?asOf=2026-05-01`)).json();
    expect(before.map((u: { code: string }) => u.code)).toContain('G1');
    expect(after.map((u: { code: string }) => u.code)).not.toContain('G1');
    const intoItself = await rootAdmin.send('POST', `/api/units/${tree.B.id}/move`, {
      parentId: g.json().id,
      version: (await rootAdmin.get(`/api/units/${tree.B.id}`)).json().version,
    });
    expect(intoItself.statusCode).toBe(400);
    // admin of A may not move a unit into B's subtree
    const c1 = (await rootAdmin.get(`/api/units/${tree.C1.id}`)).json();
    expect((await adminA.send('POST', `/api/units/${tree.C1.id}/move`, { parentId: tree.B.id, version: c1.version })).statusCode).toBe(403);
  });

  it('refuses to close a unit that still has members or children', async () => {
    const a = (await rootAdmin.get(`/api/units/${tree.A.id}`)).json();
    const response = await rootAdmin.send('POST', `/api/units/${tree.A.id}/close`, { version: a.version });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('INVALID_STATE');
  });
});
