/**
 * Units below the deciding level record that they took up a commended model (nhân rộng): when, how,
 * with evidence; they update and remove their record. The model shows who took it up, and the
 * public gallery only how many. Bad input and foreign callers change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addUser, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, type Session } from './helpers/session';
import { tinyPng } from './helpers/tiny-files';
import { todayIso } from '../src/server/platform/dates';
import { nominateModel, seedSpreadTree, thisYear } from './helpers/commendations-spread-tree';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSpreadTree>>;
let cell: Session;
let commune3: Session;
let commune1: Session;
let foreign: Session;
let provinceCommittee: Session;
let model = 0;
let pending = 0;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSpreadTree(ctx.db);
  await addUser(ctx.db, 'bithu.y1', [{ unitId: tree.Y1.id, role: 'committee' }]);
  await addUser(ctx.db, 'canbo.x3', [{ unitId: tree.X3.id, role: 'officer' }]);
  await addUser(ctx.db, 'canbo.x1', [{ unitId: tree.X1.id, role: 'officer' }]);
  await addUser(ctx.db, 'canbo.x2', [{ unitId: tree.X2.id, role: 'officer' }]);
  await addUser(ctx.db, 'thuongvu.p1', [{ unitId: tree.P1.id, role: 'committee' }]);
  cell = await openSession(ctx.app, 'bithu.y1');
  commune3 = await openSession(ctx.app, 'canbo.x3');
  commune1 = await openSession(ctx.app, 'canbo.x1');
  foreign = await openSession(ctx.app, 'canbo.x2');
  provinceCommittee = await openSession(ctx.app, 'thuongvu.p1');
  model = await nominateModel(ctx.db, tree, tree.X1.id, 'Mô hình “Khu dân cư không rác thải nhựa”', tree.P1.id);
  pending = await nominateModel(ctx.db, tree, tree.X1.id, 'Mô hình đang chờ thẩm định');
});
afterAll(() => ctx.close());

async function state() {
  const rows = await ctx.db.execute<{ adoptions: number; versions: number; attached: number; audits: number }>(sql`
    SELECT (SELECT count(*) FROM model_adoptions) AS adoptions, (SELECT COALESCE(sum(version), 0) FROM model_adoptions) AS versions,
      (SELECT count(*) FROM stored_files WHERE owner_type = 'model_adoption') AS attached, (SELECT count(*) FROM audit_log WHERE entity_type = 'model_adoption') AS audits`);
  const row = rows.rows[0]!;
  return { adoptions: Number(row.adoptions), versions: Number(row.versions), attached: Number(row.attached), audits: Number(row.audits) };
}

const adoption = { adoptedOn: todayIso(), note: 'Họp dân triển khai, mỗi hộ một thùng phân loại rác' };

describe('units below take a commended model up', () => {
  let adoptionId = 0;

  it('a cell below the deciding level finds the model and records that it took it up, with evidence', async () => {
    const offered = (await cell.get(`/api/adoptable-models?unitId=${tree.Y1.id}&q=${encodeURIComponent('rac thai nhua')}`)).json();
    expect(offered.items.map((item: { id: number }) => item.id)).toEqual([model]);
    expect(offered.items[0]).toMatchObject({
      adoptedUnits: 0,
      adoption: null,
      decision: { formName: 'Bằng khen', unitName: 'Tỉnh ủy Sông Núi' },
    });
    // The nominating unit does not take up its own model.
    expect((await commune1.get(`/api/adoptable-models?unitId=${tree.X1.id}`)).json().total).toBe(0);

    const photo = await cell.upload(`/api/files?unitId=${tree.Y1.id}&purpose=model_adoption`, {
      fileName: 'Ảnh họp dân.png',
      content: tinyPng(),
      contentType: 'image/png',
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const created = await cell.send('POST', `/api/nominations/${model}/adoptions`, {
      unitId: tree.Y1.id,
      ...adoption,
      fileIds: [photo.json().id],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      unit: { name: 'Chi bộ thôn Một' },
      adoptedOn: adoption.adoptedOn,
      note: adoption.note,
      canEdit: true,
      version: 1,
    });
    expect(created.json().files.map((file: { name: string }) => file.name)).toEqual(['Ảnh họp dân.png']);
    adoptionId = created.json().id;
    const second = await commune3.send('POST', `/api/nominations/${model}/adoptions`, {
      unitId: tree.X3.id,
      ...adoption,
      note: 'Phát động trong toàn phường',
    });
    expect(second.statusCode, second.body).toBe(201);
    const mine = (await cell.get(`/api/adoptable-models?unitId=${tree.Y1.id}`)).json().items[0];
    expect(mine).toMatchObject({ adoptedUnits: 2, adoption: { id: adoptionId } });
  });

  it('the model shows who took it up: all of them above, only its own subtree from below', async () => {
    const above = (await provinceCommittee.get(`/api/nominations/${model}/adoptions`)).json();
    expect(above.total).toBe(2);
    expect(above.items.map((item: { unit: { name: string } }) => item.unit.name).sort()).toEqual(['Chi bộ thôn Một', 'Đảng ủy phường Ba']);
    const fromTheCell = (await cell.get(`/api/nominations/${model}/adoptions`)).json();
    expect(fromTheCell).toMatchObject({ total: 2, items: [{ id: adoptionId }] });
    const nominator = (await commune1.get(`/api/nominations/${model}/adoptions`)).json();
    expect(nominator.items.map((item: { unit: { name: string }; canEdit: boolean }) => [item.unit.name, item.canEdit])).toEqual([
      ['Chi bộ thôn Một', true],
    ]);
    expect((await foreign.get(`/api/nominations/${model}/adoptions`)).statusCode).toBe(403);
  });

  it('the public gallery shows how many units took the model up, and nothing of their records', async () => {
    const version = (await provinceCommittee.get(`/api/nominations/${model}`)).json().version;
    expect((await provinceCommittee.send('POST', `/api/nominations/${model}/publish`, { version, isPublic: true })).statusCode).toBe(200);
    const gallery = await ctx.app.inject({ method: 'GET', url: `/guong-dien-hinh?q=${encodeURIComponent('khong rac thai nhua')}` });
    expect(gallery.body).toContain('Đã được 2 đơn vị áp dụng, nhân rộng');
    expect(gallery.body).not.toContain(adoption.note);
    expect(gallery.body).not.toContain('Chi bộ thôn Một');
  });

  it('the cell updates its record and another unit removes its own; both are audited', async () => {
    const updated = await cell.send('PATCH', `/api/model-adoptions/${adoptionId}`, {
      ...adoption,
      note: 'Mở rộng ra cả thôn',
      fileIds: [],
      version: 1,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ note: 'Mở rộng ra cả thôn', version: 2, files: [] });
    const stale = await cell.send('PATCH', `/api/model-adoptions/${adoptionId}`, { ...adoption, fileIds: [], version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const other = (await commune3.get(`/api/nominations/${model}/adoptions`)).json().items[0];
    expect((await cell.send('DELETE', `/api/model-adoptions/${other.id}?version=${other.version}`)).statusCode).toBe(403);
    expect((await commune3.send('DELETE', `/api/model-adoptions/${other.id}?version=${other.version}`)).statusCode).toBe(204);
    expect((await provinceCommittee.get(`/api/nominations/${model}/adoptions`)).json().total).toBe(1);
    const audits = await ctx.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_type = 'model_adoption' ORDER BY id`,
    );
    expect(audits.rows.map((row) => row.action)).toEqual(['model.adopt', 'model.adopt', 'model.adoption_update', 'model.adoption_delete']);
  });
});

describe('bad input and foreign callers change nothing', () => {
  it('refuses a second record, a future or too early date, a unit outside the deciding level, the nominating unit, an undecided model and a malformed body', async () => {
    const before = await state();
    const cases: Array<[Session, number, Record<string, unknown>, number, string]> = [
      [cell, model, { unitId: tree.Y1.id, ...adoption }, 409, 'DUPLICATE'],
      [commune3, model, { unitId: tree.X3.id, ...adoption, adoptedOn: '2999-01-01' }, 400, 'VALIDATION_FAILED'],
      [commune3, model, { unitId: tree.X3.id, ...adoption, adoptedOn: `${thisYear - 1}-12-31` }, 400, 'VALIDATION_FAILED'],
      [foreign, model, { unitId: tree.X2.id, ...adoption }, 400, 'VALIDATION_FAILED'],
      [foreign, model, { unitId: tree.X3.id, ...adoption }, 403, 'FORBIDDEN'],
      [commune1, model, { unitId: tree.X1.id, ...adoption }, 400, 'VALIDATION_FAILED'],
      [commune3, pending, { unitId: tree.X3.id, ...adoption }, 409, 'INVALID_STATE'],
      [commune3, model, { unitId: tree.X3.id, adoptedOn: adoption.adoptedOn, note: '   ' }, 400, 'VALIDATION_FAILED'],
      [commune3, model, { unitId: tree.X3.id, ...adoption, fileIds: [999_999] }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [who, id, body, status, code] of cases) {
      const response = await who.send('POST', `/api/nominations/${id}/adoptions`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().error.code).toBe(code);
      expect(response.json().error.message).toMatch(/[àáảãạăâđêôơư]/i);
    }
    const mine = (await cell.get(`/api/nominations/${model}/adoptions`)).json().items[0];
    const patch = await cell.send('PATCH', `/api/model-adoptions/${mine.id}`, {
      ...adoption,
      adoptedOn: '2999-01-01',
      fileIds: [],
      version: mine.version,
    });
    expect(patch.statusCode).toBe(400);
    expect(
      (await foreign.send('PATCH', `/api/model-adoptions/${mine.id}`, { ...adoption, fileIds: [], version: mine.version })).statusCode,
    ).toBe(403);
    expect(await state()).toEqual(before);
  });
});
