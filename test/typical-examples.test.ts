/**
 * Typical examples sent up to the Centre: a province marks a commended example of its subtree for a
 * year (audited, guarded by the version), the Centre lists every province's in one list, filtered by
 * province and year and searched without diacritics, and exports it; bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addUser, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, readWorkbook, type Session } from './helpers/session';
import { nominateModel, seedSpreadTree, thisYear } from './helpers/commendations-spread-tree';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSpreadTree>>;
let province1: Session;
let province2: Session;
let commune1: Session;
let centre: Session;
let member: Session;
let model1 = 0;
let model2 = 0;
let pending = 0;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSpreadTree(ctx.db);
  await addUser(ctx.db, 'canbo.p1', [{ unitId: tree.P1.id, role: 'officer' }]);
  await addUser(ctx.db, 'canbo.p2', [{ unitId: tree.P2.id, role: 'officer' }]);
  await addUser(ctx.db, 'canbo.x1', [{ unitId: tree.X1.id, role: 'officer' }]);
  await addUser(ctx.db, 'xem.tw', [{ unitId: tree.TW.id, role: 'viewer' }]);
  await addUser(ctx.db, 'dangvien.p1', [{ unitId: tree.P1.id, role: 'member' }]);
  province1 = await openSession(ctx.app, 'canbo.p1');
  province2 = await openSession(ctx.app, 'canbo.p2');
  commune1 = await openSession(ctx.app, 'canbo.x1');
  centre = await openSession(ctx.app, 'xem.tw');
  member = await openSession(ctx.app, 'dangvien.p1');
  model1 = await nominateModel(ctx.db, tree, tree.X1.id, 'Mô hình “Dân vận khéo” ở xã Một', tree.P1.id);
  model2 = await nominateModel(ctx.db, tree, tree.X2.id, 'Cách làm hay “Phường xanh, sạch, đẹp”', tree.P2.id);
  pending = await nominateModel(ctx.db, tree, tree.X3.id, 'Mô hình chưa được quyết định');
});
afterAll(() => ctx.close());

async function typicalRows() {
  const rows = await ctx.db.execute<{ id: number; typical_year: number | null; typical_by_unit_id: number | null; version: number }>(sql`
    SELECT id, typical_year, typical_by_unit_id, version FROM nominations ORDER BY id`);
  const audit = await ctx.db.execute<{ n: number }>(
    sql`SELECT count(*) AS n FROM audit_log WHERE action IN ('nomination.typical', 'nomination.untypical')`,
  );
  return { rows: rows.rows.map((row) => ({ ...row, version: Number(row.version) })), audits: Number(audit.rows[0]!.n) };
}

const typicalOf = async (who: Session, id: number) =>
  (await who.get(`/api/nominations/${id}/typical`)).json() as {
    version: number;
    year: number | null;
    sentBy: { name: string } | null;
    canClear: boolean;
  };

describe('a province sends typical examples up and the Centre sees them all', () => {
  it('the province marks a commended example of its subtree for this year; the mark is audited', async () => {
    const before = await typicalOf(province1, model1);
    expect(before).toMatchObject({ year: null, sentBy: null, canClear: false });
    const response = await province1.send('POST', `/api/nominations/${model1}/typical`, {
      version: before.version,
      unitId: tree.P1.id,
      year: thisYear,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      year: thisYear,
      sentBy: { name: 'Tỉnh ủy Sông Núi' },
      canClear: true,
      version: before.version + 1,
    });
    // The commune below sees it was sent up, but may not take it back.
    expect(await typicalOf(commune1, model1)).toMatchObject({ year: thisYear, canClear: false });
    const audit = await ctx.db.execute<{ after: { typicalYear: number } }>(
      sql`SELECT after FROM audit_log WHERE action = 'nomination.typical' AND entity_id = ${String(model1)}`,
    );
    expect(audit.rows[0]?.after.typicalYear).toBe(thisYear);
    const other = await province2.send('POST', `/api/nominations/${model2}/typical`, {
      version: (await typicalOf(province2, model2)).version,
      unitId: tree.P2.id,
      year: thisYear,
    });
    expect(other.statusCode, other.body).toBe(200);
  });

  it('the Centre lists them by province, filters by province and year, finds them without diacritics', async () => {
    const all = await centre.get(`/api/typical-examples?unitId=${tree.TW.id}`);
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json();
    expect(body.total).toBe(2);
    expect(body.items.map((item: { province: { name: string } }) => item.province.name)).toEqual([
      'Thành ủy Biển Xanh',
      'Tỉnh ủy Sông Núi',
    ]);
    expect(body.provinces).toEqual([
      { id: tree.P2.id, name: 'Thành ủy Biển Xanh', count: 1 },
      { id: tree.P1.id, name: 'Tỉnh ủy Sông Núi', count: 1 },
    ]);
    expect(body.years).toEqual([{ year: thisYear, count: 2 }]);
    expect(body.items[1]).toMatchObject({
      id: model1,
      year: thisYear,
      sentBy: { name: 'Tỉnh ủy Sông Núi' },
      unit: { name: 'Đảng ủy xã Một' },
      decision: { formName: 'Bằng khen' },
    });
    const byProvince = (await centre.get(`/api/typical-examples?unitId=${tree.TW.id}&provinceId=${tree.P2.id}`)).json();
    expect(byProvince.items.map((item: { id: number }) => item.id)).toEqual([model2]);
    // The province facet keeps every province, so the filter can switch to another one.
    expect(byProvince.provinces).toHaveLength(2);
    expect((await centre.get(`/api/typical-examples?unitId=${tree.TW.id}&q=${encodeURIComponent('dan van kheo')}`)).json().total).toBe(1);
    expect((await centre.get(`/api/typical-examples?unitId=${tree.TW.id}&year=${thisYear - 1}`)).json().total).toBe(0);
    const paged = (await centre.get(`/api/typical-examples?unitId=${tree.TW.id}&pageSize=1&page=2`)).json();
    expect(paged.items.map((item: { id: number }) => item.id)).toEqual([model1]);
    // A province sees its own only.
    expect((await province1.get(`/api/typical-examples?unitId=${tree.P1.id}`)).json().total).toBe(1);
  });

  it('exports the list to Excel, one group per province', async () => {
    const response = await centre.get(`/api/typical-examples/export?unitId=${tree.TW.id}&year=${thisYear}`);
    expect(response.statusCode).toBe(200);
    const sheets = await readWorkbook(response.rawPayload);
    const rows = sheets.get('Điển hình gửi Trung ương')!;
    expect(rows[0]!.slice(0, 4)).toEqual(['STT', 'Năm gửi lên', 'Loại', 'Tên gương điển hình']);
    expect(rows.map((row) => row[0])).toEqual(['STT', 'Thành ủy Biển Xanh (1)', 1, 'Tỉnh ủy Sông Núi (1)', 1]);
    expect(rows[4]).toEqual(
      expect.arrayContaining([thisYear, 'Mô hình “Dân vận khéo” ở xã Một', 'Đảng ủy xã Một', 'Bằng khen', 'Tỉnh ủy Sông Núi']),
    );
  });

  it('the province takes its mark back; a level below it may not', async () => {
    const state = await typicalOf(province1, model1);
    expect((await commune1.send('DELETE', `/api/nominations/${model1}/typical?version=${state.version}`)).statusCode).toBe(403);
    expect((await province1.send('DELETE', `/api/nominations/${model1}/typical?version=${state.version - 1}`)).statusCode).toBe(409);
    const cleared = await province1.send('DELETE', `/api/nominations/${model1}/typical?version=${state.version}`);
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ year: null, sentBy: null });
    expect((await centre.get(`/api/typical-examples?unitId=${tree.TW.id}`)).json().total).toBe(1);
    const again = await province1.send('POST', `/api/nominations/${model1}/typical`, {
      version: cleared.json().version,
      unitId: tree.P1.id,
      year: thisYear,
    });
    expect(again.statusCode).toBe(200);
  });
});

describe('bad input and foreign callers change nothing', () => {
  it('refuses a stale version, another subtree, a year out of range, an undecided example, a second level and a malformed body', async () => {
    const before = await typicalRows();
    const version1 = (await typicalOf(province1, model1)).version;
    const version2 = (await typicalOf(province2, model2)).version;
    const cases: Array<[Session, number, Record<string, unknown>, number, string]> = [
      [province2, model2, { version: version2 - 1, unitId: tree.P2.id, year: thisYear }, 409, 'VERSION_CONFLICT'],
      [province2, model1, { version: version1, unitId: tree.P2.id, year: thisYear }, 400, 'VALIDATION_FAILED'],
      [province2, model1, { version: version1, unitId: tree.P1.id, year: thisYear }, 403, 'FORBIDDEN'],
      [province2, model2, { version: version2, unitId: tree.P2.id, year: thisYear + 1 }, 400, 'VALIDATION_FAILED'],
      [province2, model2, { version: version2, unitId: tree.P2.id, year: thisYear - 1 }, 400, 'VALIDATION_FAILED'],
      [province1, pending, { version: 2, unitId: tree.P1.id, year: thisYear }, 409, 'INVALID_STATE'],
      [commune1, model1, { version: version1, unitId: tree.X1.id, year: thisYear }, 409, 'DUPLICATE'],
      [province2, model2, { version: version2, unitId: tree.P2.id, year: 'năm nay' }, 400, 'VALIDATION_FAILED'],
      [member, model1, { version: version1, unitId: tree.P1.id, year: thisYear }, 403, 'FORBIDDEN'],
    ];
    for (const [who, id, body, status, code] of cases) {
      const response = await who.send('POST', `/api/nominations/${id}/typical`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().error.code).toBe(code);
      expect(response.json().error.message).toMatch(/[àáảãạăâđêôơư]/i);
    }
    expect(await typicalRows()).toEqual(before);
  });

  it('keeps the list and its export to readers of the subtree', async () => {
    expect((await province1.get(`/api/typical-examples?unitId=${tree.P2.id}`)).statusCode).toBe(403);
    expect((await province1.get(`/api/typical-examples/export?unitId=${tree.TW.id}`)).statusCode).toBe(403);
    expect((await member.get(`/api/typical-examples?unitId=${tree.P1.id}`)).statusCode).toBe(403);
    expect((await province2.get(`/api/nominations/${model1}/typical`)).statusCode).toBe(403);
  });
});
