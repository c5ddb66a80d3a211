/**
 * The catalogue of forms of commendation: the top level's administrator adds, renames, reorders and
 * switches off forms; nobody below changes it; a form switched off is offered for no new decision,
 * while the decisions that used it keep counting under it. Bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, type Session } from './helpers/session';
import { todayIso } from '../src/server/platform/dates';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let topAdmin: Session;
let communeAdmin: Session;
let commune: Session;
let province: Session;
const year = Number(todayIso().slice(0, 4));

type Form = { code: string; name: string; sortOrder: number; active: boolean };

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'quantri.r', [{ unitId: tree.R.id, role: 'admin' }]);
  await addUser(ctx.db, 'quantri.a', [{ unitId: tree.A.id, role: 'admin' }]);
  await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }]);
  await addUser(ctx.db, 'thuongvu.r', [{ unitId: tree.R.id, role: 'committee' }]);
  topAdmin = await openSession(ctx.app, 'quantri.r');
  communeAdmin = await openSession(ctx.app, 'quantri.a');
  commune = await openSession(ctx.app, 'canbo.a');
  province = await openSession(ctx.app, 'thuongvu.r');
});
afterAll(() => ctx.close());

const catalogue = async () =>
  (
    await ctx.db.execute<{ code: string; name: string; sort_order: number; active: boolean }>(
      sql`SELECT code, name, sort_order, active FROM commendation_forms ORDER BY code`,
    )
  ).rows;

describe('the catalogue of forms of commendation', () => {
  it('lists the usual forms to every signed-in user', async () => {
    const listed = (await commune.get('/api/commendation-forms')).json() as Form[];
    expect(listed.map((form) => form.name)).toEqual(['Biểu dương', 'Giấy khen', 'Bằng khen']);
  });

  it('the top administrator adds a form with a code made from its name', async () => {
    const created = await topAdmin.send('POST', '/api/commendation-forms', { name: '  Kỷ niệm chương  ' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({ code: 'ky_niem_chuong', name: 'Kỷ niệm chương', sortOrder: 4, active: true });
    const listed = (await commune.get('/api/commendation-forms')).json() as Form[];
    expect(listed.at(-1)).toMatchObject({ code: 'ky_niem_chuong', name: 'Kỷ niệm chương' });
    const audit = await ctx.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_type = 'commendation_form' AND entity_id = 'ky_niem_chuong'`,
    );
    expect(audit.rows.map((row) => row.action)).toEqual(['commendation_form.create']);
  });

  it('refuses a form already there (with or without diacritics), an empty name, and callers below the top, changing nothing', async () => {
    const before = await catalogue();
    const again = await topAdmin.send('POST', '/api/commendation-forms', { name: 'ky niem chuong' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'DUPLICATE', message: expect.stringContaining('Kỷ niệm chương') });
    const empty = await topAdmin.send('POST', '/api/commendation-forms', { name: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('VALIDATION_FAILED');
    const symbols = await topAdmin.send('POST', '/api/commendation-forms', { name: '***' });
    expect(symbols.statusCode).toBe(400);
    for (const caller of [communeAdmin, commune, province]) {
      const refused = await caller.send('POST', '/api/commendation-forms', { name: 'Huy hiệu' });
      expect(refused.statusCode).toBe(403);
      const renamed = await caller.send('PATCH', '/api/commendation-forms/bieu_duong', { name: 'Tuyên dương' });
      expect(renamed.statusCode).toBe(403);
    }
    expect(await catalogue()).toEqual(before);
  });

  it('renames and reorders a form, refusing a name another form has, an unknown code and an empty change', async () => {
    const renamed = await topAdmin.send('PATCH', '/api/commendation-forms/ky_niem_chuong', {
      name: 'Kỷ niệm chương vì sự nghiệp',
      sortOrder: 0,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toEqual({ code: 'ky_niem_chuong', name: 'Kỷ niệm chương vì sự nghiệp', sortOrder: 0, active: true });
    expect(((await commune.get('/api/commendation-forms')).json() as Form[])[0]!.code).toBe('ky_niem_chuong');
    const before = await catalogue();
    const clash = await topAdmin.send('PATCH', '/api/commendation-forms/ky_niem_chuong', { name: 'Bằng khen' });
    expect(clash.statusCode).toBe(409);
    const unknown = await topAdmin.send('PATCH', '/api/commendation-forms/huy_chuong', { active: false });
    expect(unknown.statusCode).toBe(404);
    const badCode = await topAdmin.send('PATCH', '/api/commendation-forms/Bang%20khen', { active: false });
    expect(badCode.statusCode).toBe(400);
    const nothing = await topAdmin.send('PATCH', '/api/commendation-forms/bang_khen', {});
    expect(nothing.statusCode).toBe(400);
    expect(await catalogue()).toEqual(before);
  });

  it('a form switched off is offered for no new decision; decisions that used it still count under it', async () => {
    const decision = (nominationId: number) => ({
      unitId: tree.R.id,
      formCode: 'ky_niem_chuong',
      decidedOn: todayIso(),
      periodFrom: `${year}-01-01`,
      periodTo: todayIso(),
      title: 'Về việc tặng Kỷ niệm chương',
      signerName: null,
      signerTitle: null,
      nominationIds: [nominationId],
    });
    const decided = await province.send('POST', '/api/commendation-decisions', decision(await heldByProvince(tree.C1.id)));
    expect(decided.statusCode, decided.body).toBe(201);

    const off = await topAdmin.send('PATCH', '/api/commendation-forms/ky_niem_chuong', { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(((await commune.get('/api/commendation-forms')).json() as Form[]).map((form) => form.code)).not.toContain('ky_niem_chuong');
    const all = (await topAdmin.get('/api/commendation-forms?includeInactive=true')).json() as Form[];
    expect(all.find((form) => form.code === 'ky_niem_chuong')).toMatchObject({ active: false });

    const figures = (await province.get(`/api/commendation-figures?unitId=${tree.R.id}&year=${year}`)).json();
    expect(figures.figures.byForm.ky_niem_chuong).toBe(1);

    const decisions = async () =>
      Number((await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM commendation_decisions`)).rows[0]!.n);
    const count = await decisions();
    const again = await province.send('POST', '/api/commendation-decisions', decision(await heldByProvince(tree.C2.id)));
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('không có trong danh mục');
    expect(await decisions()).toBe(count);
  });
});

/** A cell nominated by the commune, which goes straight up to the province. */
async function heldByProvince(cellId: number): Promise<number> {
  const nominated = await commune.send('POST', '/api/nominations', {
    unitId: tree.A.id,
    kind: 'collective',
    subjectUnitId: cellId,
    title: 'Chi bộ tiêu biểu',
    story: 'Sinh hoạt đều đặn, đảng viên gương mẫu.',
    results: '100% đảng viên hoàn thành tốt nhiệm vụ.',
    periodFrom: `${year}-01-01`,
    periodTo: todayIso(),
    registrationIds: [],
    fileIds: [],
  });
  expect(nominated.statusCode, nominated.body).toBe(201);
  const submitted = await commune.send('POST', `/api/nominations/${nominated.json().id}/submit`, {
    version: nominated.json().version,
    reason: null,
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return nominated.json().id as number;
}
