import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, addUser, createUnitAsSystem, rootActor, startTestApp, type TestContext } from './helpers/fixtures';
import { buildWorkbook, openSession, type Session } from './helpers/session';
import { mergeUnits } from '../src/server/modules/units/units.reorganisation';
import { closeUnit } from '../src/server/modules/units/units.service';
import { getSubtreeFigures } from '../src/server/modules/figures/figures.service';
import { UNIT_COLUMNS } from '../src/server/modules/imports/excel/columns';

/*
 * A province as it stood before 1 July 2025: two district-level committees with their communes, a
 * quarterly briefing of 2012 answered by the districts; then the reorganisation (communes merged
 * under the province, districts dissolved) and history typed in after it.
 */
let ctx: TestContext;
let officer: Session;
type Unit = Awaited<ReturnType<typeof createUnitAsSystem>>;
const units: Record<string, Unit> = {};
let card = 81_000_000;

const MERGE_DAY = '2025-07-01';
const Q1_2012 = { periodFrom: '2012-01-01', periodTo: '2012-03-31', deadline: '2012-04-10' };

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await ctx.db.execute<T>(query)).rows;

/** Members of a unit's subtree on a day, counted from the memberships and the tree as it stood that day. */
async function recountAsTreeStood(unitId: number, day: string): Promise<number> {
  const [row] = await rows<{ value: number }>(sql`
    WITH RECURSIVE below AS (
      SELECT ${unitId}::bigint AS id
      UNION ALL
      SELECT uv.unit_id FROM below b JOIN unit_versions uv
        ON uv.parent_id = b.id AND uv.valid_from <= ${day} AND (uv.valid_to IS NULL OR uv.valid_to > ${day}))
    SELECT count(DISTINCT m.person_id) AS value FROM memberships m JOIN below b ON b.id = m.unit_id
    WHERE m.is_primary AND m.from_date <= ${day} AND (m.to_date IS NULL OR m.to_date > ${day})`);
  return Number(row!.value);
}

const membersOf = async (unitId: number, day: string) =>
  (await getSubtreeFigures(ctx.db, rootActor(units.KH!.path), unitId, day)).figures.members;

async function issueBriefing(unitId: number, period: typeof Q1_2012, title: string) {
  return officer.send('POST', '/api/report-requests', {
    unitId,
    kind: 'quarterly',
    title,
    ...period,
    audience: 'children',
    content: { metrics: ['members', 'party_members'], manualItems: [], sections: [{ key: 'results', title: 'Kết quả thực hiện' }] },
    guidance: null,
  });
}

type Consolidation = {
  expected: number;
  answering: number;
  figures: Array<{ key: string; total: number | null }>;
  byUnit: Array<{ unitName: string; figures: Record<string, number> }>;
};

beforeAll(async () => {
  ctx = await startTestApp();
  const unit = async (
    code: string,
    name: string,
    kind: Parameters<typeof createUnitAsSystem>[3],
    parent: string | null,
    from = '2010-01-01',
  ) => {
    units[code] = await createUnitAsSystem(ctx.db, code, name, kind, parent ? units[parent]!.id : null, from);
  };
  await unit('KH', 'Tỉnh ủy Khánh Hòa', 'province_committee', null);
  await unit('NT', 'Thành ủy Nha Trang', 'district_committee', 'KH');
  await unit('DK', 'Huyện ủy Diên Khánh', 'district_committee', 'KH');
  await unit('LT', 'Đảng ủy phường Lộc Thọ', 'commune_committee', 'NT');
  await unit('VT', 'Đảng ủy phường Vạn Thạnh', 'commune_committee', 'NT');
  await unit('DA', 'Đảng ủy xã Diên An', 'commune_committee', 'DK');
  await unit('LT1', 'Chi bộ Tổ dân phố 1', 'cell', 'LT');
  await unit('VT1', 'Chi bộ Tổ dân phố 3', 'cell', 'VT');
  await unit('DA1', 'Chi bộ thôn Phú Ân', 'cell', 'DA');
  for (const [code, count] of [
    ['LT1', 3],
    ['VT1', 2],
    ['DA1', 4],
  ] as const) {
    for (let index = 0; index < count; index++) {
      await addPerson(ctx.db, units[code]!.path, {
        fullName: `Trần Văn Lịch ${card}`,
        unitId: units[code]!.id,
        cardNumber: String(card++),
        fromDate: '2011-05-01',
      });
    }
  }
  await addUser(ctx.db, 'tuyengiao.kh', [{ unitId: units.KH!.id, role: 'officer' }]);
  await addUser(ctx.db, 'quantri.kh', [{ unitId: units.KH!.id, role: 'admin' }]);
  officer = await openSession(ctx.app, 'tuyengiao.kh');
});
afterAll(() => ctx.close());

describe('district committees before 1 July 2025', () => {
  it('can be entered for a date before the reorganisation, never from it on', async () => {
    const admin = await openSession(ctx.app, 'quantri.kh');
    const late = await admin.send('POST', '/api/units', {
      code: 'CR',
      name: 'Thành ủy Cam Ranh',
      kind: 'district_committee',
      parentId: units.KH!.id,
      validFrom: MERGE_DAY,
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('chỉ có trước ngày 01/07/2025'),
    });
    expect(await rows(sql`SELECT id FROM units WHERE code = 'CR'`)).toHaveLength(0);

    const early = await admin.send('POST', '/api/units', {
      code: 'CR',
      name: 'Thành ủy Cam Ranh',
      kind: 'district_committee',
      parentId: units.KH!.id,
      validFrom: '2012-01-01',
    });
    expect(early.statusCode, early.body).toBe(201);
    units.CR = (await rows<Unit>(sql`SELECT id, path::text AS path FROM units WHERE code = 'CR'`))[0]!;

    // Re-kinding a commune into a district today is refused too, and changes nothing.
    const rekind = await admin.send('PATCH', `/api/units/${units.DA!.id}`, { kind: 'district_committee', version: 1 });
    expect(rekind.statusCode).toBe(400);
    expect(rekind.json().error.code).toBe('VALIDATION_FAILED');
    expect((await rows<{ kind: string }>(sql`SELECT kind FROM units WHERE id = ${units.DA!.id}`))[0]!.kind).toBe('commune_committee');
  });

  it('takes no unit below it and cannot stay open from 1/7/2025 on', async () => {
    const admin = await openSession(ctx.app, 'quantri.kh');
    const child = await admin.send('POST', '/api/units', {
      code: 'LT9',
      name: 'Đảng ủy phường Mới',
      kind: 'commune_committee',
      parentId: units.NT!.id,
      validFrom: MERGE_DAY,
    });
    expect(child.statusCode).toBe(400);
    expect(child.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('không thể nhận đơn vị trực thuộc từ ngày 01/07/2025'),
    });
    expect(await rows(sql`SELECT id FROM units WHERE code = 'LT9'`)).toHaveLength(0);

    const version = await versionOf(units.DA1!.id);
    const moved = await admin.send('POST', `/api/units/${units.DA1!.id}/move`, {
      parentId: units.NT!.id,
      effectiveDate: '2026-01-05',
      version,
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.message).toContain('không thể nhận đơn vị trực thuộc');
    expect((await rows<{ parent_id: number }>(sql`SELECT parent_id FROM units WHERE id = ${units.DA1!.id}`))[0]!.parent_id).toBe(
      units.DA!.id,
    );

    const late = await admin.send('POST', `/api/units/${units.CR!.id}/close`, {
      effectiveDate: '2026-01-05',
      version: await versionOf(units.CR!.id),
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('chậm nhất ngày 01/07/2025') });
    expect(
      (await rows<{ valid_to: string | null }>(sql`SELECT valid_to::text FROM units WHERE id = ${units.CR!.id}`))[0]!.valid_to,
    ).toBeNull();
  });

  it('the import preview refuses a district founded from 1/7/2025, row by row, as the apply would', async () => {
    const admin = await openSession(ctx.app, 'quantri.kh');
    const headers = UNIT_COLUMNS.map((column) => column.header);
    const line = (values: Record<string, string>) => headers.map((header) => values[header] ?? null);
    const file = await buildWorkbook('Đơn vị', [
      headers,
      line({
        'Mã đơn vị': 'KV',
        'Tên đơn vị': 'Huyện ủy Khánh Vĩnh',
        'Loại đơn vị': 'Huyện ủy, Thị ủy, Thành ủy thuộc tỉnh (trước 01/07/2025)',
        'Mã đơn vị cấp trên': 'KH',
        'Ngày thành lập': '01/01/2010',
      }),
      line({
        'Mã đơn vị': 'KS',
        'Tên đơn vị': 'Huyện ủy Khánh Sơn',
        'Loại đơn vị': 'Huyện ủy, Thị ủy, Thành ủy thuộc tỉnh (trước 01/07/2025)',
        'Mã đơn vị cấp trên': 'KH',
        'Ngày thành lập': '01/08/2025',
      }),
    ]);
    const preview = await admin.upload('/api/imports/units/preview', { fileName: 'don-vi.xlsx', content: file });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body).toMatchObject({ totalRows: 2, validRows: 1, creates: 1 });
    expect(body.errors).toEqual([{ row: 3, column: 'Loại đơn vị', message: expect.stringContaining('chỉ có trước ngày 01/07/2025') }]);
  });

  it('the import preview refuses a unit placed under a district from 1/7/2025, as the apply would', async () => {
    const admin = await openSession(ctx.app, 'quantri.kh');
    const headers = UNIT_COLUMNS.map((column) => column.header);
    const line = (values: Record<string, string>) => headers.map((header) => values[header] ?? null);
    const file = await buildWorkbook('Đơn vị', [
      headers,
      line({
        'Mã đơn vị': 'NT5',
        'Tên đơn vị': 'Đảng ủy phường Phước Hải',
        'Loại đơn vị': 'Đảng ủy xã, phường, đặc khu',
        'Mã đơn vị cấp trên': 'NT',
        'Ngày thành lập': '01/01/2012',
      }),
      line({
        'Mã đơn vị': 'NT6',
        'Tên đơn vị': 'Đảng ủy phường Phước Long',
        'Loại đơn vị': 'Đảng ủy xã, phường, đặc khu',
        'Mã đơn vị cấp trên': 'NT',
        'Ngày thành lập': '01/08/2025',
      }),
    ]);
    const preview = await admin.upload('/api/imports/units/preview', { fileName: 'don-vi.xlsx', content: file });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body).toMatchObject({ totalRows: 2, validRows: 1, creates: 1 });
    expect(body.errors).toEqual([
      { row: 3, column: 'Mã đơn vị cấp trên', message: expect.stringContaining('không thể nhận đơn vị trực thuộc từ ngày 01/08/2025') },
    ]);
  });
});

describe('a 2012 quarterly briefing after the merge of 1 July 2025', () => {
  let requestId: number;
  let before: Consolidation;

  it('is answered by the districts of 2012 and consolidated', async () => {
    const issued = await issueBriefing(units.KH!.id, Q1_2012, 'Báo cáo quý I năm 2012 về học tập và làm theo Bác');
    expect(issued.statusCode, issued.body).toBe(201);
    const request = issued.json() as { id: number; answers: Array<{ id: number; version: number; unit: { id: number } }> };
    requestId = request.id;
    expect(request.answers.map((answer) => answer.unit.id).sort()).toEqual([units.NT!.id, units.DK!.id, units.CR!.id].sort());
    for (const answer of request.answers.filter((entry) => entry.unit.id !== units.CR!.id)) {
      const saved = await officer.send('PATCH', `/api/report-answers/${answer.id}`, {
        narrative: { results: 'Tổ chức học tập chuyên đề năm 2012 cho cán bộ, đảng viên.' },
        manualValues: {},
        figureNotes: {},
        recommendations: [],
        fileIds: [],
        version: answer.version,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const submitted = await officer.send('POST', `/api/report-answers/${answer.id}/submit`, { version: saved.json().version });
      expect(submitted.statusCode, submitted.body).toBe(200);
    }
    before = (await officer.get(`/api/report-requests/${requestId}/consolidation`)).json();
    expect(before.answering).toBe(2);
    expect(before.figures.find((figure) => figure.key === 'members')!.total).toBe(9);
  });

  it('still opens and adds up once the communes are merged and the districts dissolved', async () => {
    const admin = rootActor(units.KH!.path);
    const nhaTrang = await mergeUnits(ctx.db, admin, {
      sourceIds: [units.LT!.id, units.VT!.id],
      target: { code: 'NTR', name: 'Đảng ủy phường Nha Trang', kind: 'commune_committee', parentId: units.KH!.id },
      effectiveDate: MERGE_DAY,
    });
    // Diên An alone goes up under the province (in the real merge it joins its neighbours).
    const provinceAdmin = await openSession(ctx.app, 'quantri.kh');
    const moved = await provinceAdmin.send('POST', `/api/units/${units.DA!.id}/move`, {
      parentId: units.KH!.id,
      effectiveDate: MERGE_DAY,
      version: await versionOf(units.DA!.id),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    for (const code of ['NT', 'DK', 'CR']) {
      await closeUnit(ctx.db, admin, units[code]!.id, { effectiveDate: MERGE_DAY, version: await versionOf(units[code]!.id) });
    }
    expect(await membersOf(nhaTrang.id, MERGE_DAY)).toBe(5);
    expect(await membersOf(units.NT!.id, MERGE_DAY)).toBe(0);

    const request = await officer.get(`/api/report-requests/${requestId}`);
    expect(request.statusCode).toBe(200);
    const after = (await officer.get(`/api/report-requests/${requestId}/consolidation`)).json() as Consolidation;
    expect(after).toEqual(before);
    const sum = after.byUnit.reduce((total, entry) => total + entry.figures.members!, 0);
    expect(after.figures.find((figure) => figure.key === 'members')!.total).toBe(sum);
    expect(after.byUnit.map((entry) => entry.unitName).sort()).toEqual(['Huyện ủy Diên Khánh', 'Thành ủy Nha Trang']);
    // The live figures of 2012 still add up: the province is its two districts, as the tree stood.
    const day = Q1_2012.periodTo;
    expect(await membersOf(units.KH!.id, day)).toBe((await membersOf(units.NT!.id, day)) + (await membersOf(units.DK!.id, day)));
    expect(await membersOf(units.NT!.id, day)).toBe(5);
    const document = await officer.get(`/api/report-requests/${requestId}/document`);
    expect(document.statusCode).toBe(200);
    expect(document.headers['content-type']).toContain('officedocument');
  });

  it('counts a member typed in after the merge, with a 2012 start, for the district of 2012 and the commune of today', async () => {
    const cell = units.LT1!;
    const path = (await rows<{ path: string }>(sql`SELECT path::text AS path FROM units WHERE id = ${cell.id}`))[0]!.path;
    const nhaTrang = (await rows<{ id: number }>(sql`SELECT id FROM units WHERE code = 'NTR'`))[0]!.id;
    await addPerson(ctx.db, path, { fullName: 'Lê Thị Nhập Muộn', unitId: cell.id, cardNumber: String(card++), fromDate: '2012-02-01' });
    const day = Q1_2012.periodTo;
    expect(await membersOf(units.NT!.id, day)).toBe(6);
    expect(await membersOf(units.LT!.id, day)).toBe(4);
    expect(await membersOf(Number(nhaTrang), day)).toBe(0);
    expect(await membersOf(units.KH!.id, day)).toBe(10);
    expect(await membersOf(Number(nhaTrang), '2026-01-01')).toBe(6);
    expect(await membersOf(units.NT!.id, '2026-01-01')).toBe(0);
    expect(await membersOf(units.LT!.id, '2026-01-01')).toBe(0);
    for (const [id, onDay] of [
      [units.KH!.id, day],
      [units.NT!.id, day],
      [units.LT!.id, day],
      [units.DK!.id, day],
      [Number(nhaTrang), '2026-01-01'],
      [units.KH!.id, '2026-01-01'],
    ] as const) {
      expect(await membersOf(id, onDay), `unit ${id} on ${onDay}`).toBe(await recountAsTreeStood(id, onDay));
    }
    // The submitted 2012 figures stay as they were sent; the live ones show the late entry.
    const consolidation = (await officer.get(`/api/report-requests/${requestId}/consolidation`)).json() as Consolidation;
    expect(consolidation.figures.find((figure) => figure.key === 'members')!.total).toBe(9);
  });

  it('a briefing of 2012 issued today goes to the districts of 2012, and a dissolved district can still be asked for its own past', async () => {
    const q2 = { periodFrom: '2012-04-01', periodTo: '2012-06-30', deadline: '2012-07-10' };
    const issued = await issueBriefing(units.KH!.id, q2, 'Báo cáo quý II năm 2012');
    expect(issued.statusCode, issued.body).toBe(201);
    const expected = (issued.json() as { answers: Array<{ unit: { id: number } }> }).answers.map((answer) => answer.unit.id).sort();
    expect(expected).toEqual([units.NT!.id, units.DK!.id, units.CR!.id].sort());

    const ofDistrict = await issueBriefing(units.NT!.id, q2, 'Báo cáo quý II năm 2012 của Thành ủy Nha Trang');
    expect(ofDistrict.statusCode, ofDistrict.body).toBe(201);
    expect((ofDistrict.json() as { answers: Array<{ unit: { id: number } }> }).answers.map((answer) => answer.unit.id).sort()).toEqual(
      [units.LT!.id, units.VT!.id].sort(),
    );

    const afterDissolution = await issueBriefing(
      units.NT!.id,
      { periodFrom: '2026-01-01', periodTo: '2026-03-31', deadline: '2026-04-10' },
      'Báo cáo quý I năm 2026',
    );
    expect(afterDissolution.statusCode).toBe(409);
    expect(afterDissolution.json().error).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('01/07/2025') });
  });
});

async function versionOf(unitId: number): Promise<number> {
  return Number((await rows<{ version: number }>(sql`SELECT version FROM units WHERE id = ${unitId}`))[0]!.version);
}
