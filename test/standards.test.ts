import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, readWorkbook, type Session } from './helpers/session';
import { readFigures } from '../src/server/platform/figures';
import { PROGRAMME_METRICS } from '../src/server/modules/figures/programme-metrics';
import { todayIso } from '../src/server/platform/dates';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let root: Session;
let officerA: Session;
let officerB: Session;
let secretaryC1: Session;
let memberC1: Session;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'root', [{ unitId: tree.R.id, role: 'admin' }]);
  await addUser(ctx.db, 'officer.a', [{ unitId: tree.A.id, role: 'officer' }]);
  await addUser(ctx.db, 'officer.b', [{ unitId: tree.B.id, role: 'officer' }]);
  await addUser(ctx.db, 'bithu.c1', [{ unitId: tree.C1.id, role: 'committee' }]);
  await addUser(ctx.db, 'dangvien.c1', [{ unitId: tree.C1.id, role: 'member' }]);
  root = await openSession(ctx.app, 'root');
  officerA = await openSession(ctx.app, 'officer.a');
  officerB = await openSession(ctx.app, 'officer.b');
  secretaryC1 = await openSession(ctx.app, 'bithu.c1');
  memberC1 = await openSession(ctx.app, 'dangvien.c1');
});
afterAll(() => ctx.close());

const CRITERIA = [
  { text: 'Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước' },
  { text: 'Gần dân, lắng nghe và giải quyết kịp thời ý kiến của nhân dân khu phố' },
  { text: 'Đoàn kết, giúp đỡ nhau trong công việc và cuộc sống' },
];

type StandardRowView = {
  id: number;
  unit_id: number;
  version_number: number;
  status: string;
  adopted_on: string | null;
  superseded_on: string | null;
  criteria: Array<{ text: string }>;
  title: string;
};

async function standardsOf(unitId: number): Promise<StandardRowView[]> {
  const result = await ctx.db.execute<StandardRowView>(sql`
    SELECT id, unit_id, version_number, status, adopted_on::text AS adopted_on, superseded_on::text AS superseded_on, criteria, title
    FROM ethics_standards WHERE unit_id = ${unitId} ORDER BY version_number`);
  return result.rows.map((row) => ({ ...row, id: Number(row.id), unit_id: Number(row.unit_id) }));
}

async function signOf(unitId: number) {
  const result = await ctx.db.execute<{ posted_on: string; location: string | null; photo_file_id: number | null; version: number }>(sql`
    SELECT posted_on::text AS posted_on, location, photo_file_id, version FROM standard_signs WHERE unit_id = ${unitId}`);
  return result.rows[0];
}

async function auditCount(action: string): Promise<number> {
  const result = await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = ${action}`);
  return Number(result.rows[0]?.n ?? 0);
}

async function createDraft(session: Session, unitId: number, criteria: unknown = CRITERIA) {
  return session.send('POST', '/api/standards/drafts', { unitId, criteria });
}

async function adopt(session: Session, id: number, adoptedOn: string) {
  return session.send('POST', `/api/standards/${id}/adopt`, { adoptedOn, version: await currentVersion(id) });
}

async function currentVersion(id: number): Promise<number> {
  const result = await ctx.db.execute<{ version: number }>(sql`SELECT version FROM ethics_standards WHERE id = ${id}`);
  return Number(result.rows[0]!.version);
}

describe('drafting and adopting standards', () => {
  let draftId = 0;

  it('lets the cell secretary draft the cell standards, trimmed, audited', async () => {
    const before = await auditCount('standard.draft.create');
    const response = await createDraft(secretaryC1, tree.C1.id, [
      { text: '  Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước  ' },
      ...CRITERIA.slice(1),
    ]);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ unitId: tree.C1.id, versionNumber: 1, status: 'draft', adoptedOn: null, criteria: CRITERIA });
    draftId = body.id;
    const rows = await standardsOf(tree.C1.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      version_number: 1,
      status: 'draft',
      criteria: CRITERIA,
      title: 'Chuẩn mực đạo đức của cán bộ, đảng viên Chi bộ Khu phố 1',
    });
    expect(await auditCount('standard.draft.create')).toBe(before + 1);
  });

  it('refuses a second draft while one is open', async () => {
    const response = await createDraft(secretaryC1, tree.C1.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CONFLICT');
    expect(await standardsOf(tree.C1.id)).toHaveLength(1);
  });

  it('refuses bad criteria with a Vietnamese message and changes nothing', async () => {
    const cases: unknown[] = [
      [],
      Array.from({ length: 16 }, (_, index) => ({ text: `Tiêu chí số ${index + 1}` })),
      [{ text: 'ab' }],
      [{ text: 'x'.repeat(301) }],
      [{ text: '      ' }],
      'không phải danh sách',
    ];
    for (const criteria of cases) {
      const response = await createDraft(officerA, tree.C2.id, criteria);
      expect(response.statusCode, JSON.stringify(criteria).slice(0, 40)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    const patch = await secretaryC1.send('PATCH', `/api/standards/${draftId}`, { criteria: [{ text: 'ab' }], version: 1 });
    expect(patch.statusCode).toBe(400);
    expect(JSON.stringify(patch.json().error.details)).toMatch(/ít nhất 3 ký tự/);
    expect(await standardsOf(tree.C2.id)).toHaveLength(0);
    expect((await standardsOf(tree.C1.id))[0]!.criteria).toEqual(CRITERIA);
  });

  it('requires criteria for the very first draft', async () => {
    const response = await officerA.send('POST', '/api/standards/drafts', { unitId: tree.C2.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/ít nhất một tiêu chí/);
    expect(await standardsOf(tree.C2.id)).toHaveLength(0);
  });

  it('refuses standards for a unit that is not a cell or agency', async () => {
    const response = await createDraft(officerA, tree.A.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'INVALID_STATE' });
    expect(response.json().error.message).toMatch(/không phải chi bộ/);
    expect(await standardsOf(tree.A.id)).toHaveLength(0);
  });

  it('checks who may write: inside the subtree with the role only', async () => {
    expect((await createDraft(memberC1, tree.C1.id)).statusCode).toBe(403);
    expect((await createDraft(officerB, tree.C2.id)).statusCode).toBe(403);
    expect((await createDraft(secretaryC1, tree.C2.id)).statusCode).toBe(403);
    const signedOut = await ctx.app.inject({
      method: 'POST',
      url: '/api/standards/drafts',
      payload: { unitId: tree.C2.id, criteria: CRITERIA },
    });
    expect(signedOut.statusCode).toBe(401);
    expect(await standardsOf(tree.C2.id)).toHaveLength(0);
    expect((await secretaryC1.send('PATCH', `/api/standards/${draftId}`, { title: 'Tiêu đề khác', version: 1 })).statusCode).toBe(200);
    expect((await officerB.send('PATCH', `/api/standards/${draftId}`, { title: 'Sửa từ ngoài', version: 2 })).statusCode).toBe(403);
    expect((await memberC1.send('POST', `/api/standards/${draftId}/adopt`, { adoptedOn: '2026-01-10', version: 2 })).statusCode).toBe(403);
    expect((await standardsOf(tree.C1.id))[0]).toMatchObject({ title: 'Tiêu đề khác', status: 'draft' });
  });

  it('lets readers see the unit standards inside their subtree only', async () => {
    const inside = await memberC1.get(`/api/standards/units/${tree.C1.id}`);
    expect(inside.statusCode).toBe(200);
    expect(inside.json()).toMatchObject({ isStandardKeeping: true, canEdit: false, current: null, draft: { id: draftId } });
    expect((await secretaryC1.get(`/api/standards/units/${tree.C1.id}`)).json().canEdit).toBe(true);
    expect((await officerB.get(`/api/standards/units/${tree.C1.id}`)).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/standards/units/${tree.C1.id}` })).statusCode).toBe(401);
  });

  it('refuses a stale draft edit', async () => {
    const response = await secretaryC1.send('PATCH', `/api/standards/${draftId}`, { title: 'Bản cũ', version: 1 });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('VERSION_CONFLICT');
    expect((await standardsOf(tree.C1.id))[0]!.title).toBe('Tiêu đề khác');
  });

  it('refuses an adoption date in the future or before the unit existed', async () => {
    const future = await secretaryC1.send('POST', `/api/standards/${draftId}/adopt`, { adoptedOn: '2099-01-01', version: 2 });
    expect(future.statusCode).toBe(400);
    const early = await secretaryC1.send('POST', `/api/standards/${draftId}/adopt`, { adoptedOn: '2020-01-01', version: 2 });
    expect(early.statusCode).toBe(400);
    const notADay = await secretaryC1.send('POST', `/api/standards/${draftId}/adopt`, { adoptedOn: '2026-02-30', version: 2 });
    expect(notADay.statusCode).toBe(400);
    expect((await standardsOf(tree.C1.id))[0]!.status).toBe('draft');
  });

  it('adopts version 1, which then is read-only', async () => {
    const response = await secretaryC1.send('POST', `/api/standards/${draftId}/adopt`, { adoptedOn: '2026-01-10', version: 2 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'adopted', adoptedOn: '2026-01-10', versionNumber: 1 });
    expect((await standardsOf(tree.C1.id))[0]).toMatchObject({ status: 'adopted', adopted_on: '2026-01-10' });
    const edit = await secretaryC1.send('PATCH', `/api/standards/${draftId}`, { title: 'Sửa bản đã thông qua', version: 3 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('INVALID_STATE');
    const removal = await secretaryC1.send('DELETE', `/api/standards/${draftId}?version=3`);
    expect(removal.statusCode).toBe(409);
    expect(await standardsOf(tree.C1.id)).toHaveLength(1);
  });

  it('starts version 2 from the current criteria; adopting it supersedes version 1, which stays readable', async () => {
    const created = await secretaryC1.send('POST', '/api/standards/drafts', { unitId: tree.C1.id });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ versionNumber: 2, criteria: CRITERIA, title: 'Tiêu đề khác' });
    const second = created.json().id as number;
    const edited = await secretaryC1.send('PATCH', `/api/standards/${second}`, {
      criteria: [...CRITERIA, { text: 'Tích cực tham gia giữ gìn vệ sinh môi trường khu phố' }],
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    const tooEarly = await secretaryC1.send('POST', `/api/standards/${second}/adopt`, { adoptedOn: '2026-01-09', version: 2 });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().error.message).toMatch(/phiên bản hiện hành 1/);
    const adopted = await adopt(secretaryC1, second, '2026-06-01');
    expect(adopted.statusCode).toBe(200);
    const rows = await standardsOf(tree.C1.id);
    expect(rows.map((row) => [row.version_number, row.status, row.adopted_on, row.superseded_on])).toEqual([
      [1, 'superseded', '2026-01-10', '2026-06-01'],
      [2, 'adopted', '2026-06-01', null],
    ]);
    const view = (await memberC1.get(`/api/standards/units/${tree.C1.id}`)).json();
    expect(view.current).toMatchObject({ versionNumber: 2 });
    expect(view.current.criteria).toHaveLength(4);
    expect(
      view.versions.map((version: { versionNumber: number; criteria: unknown[] }) => [version.versionNumber, version.criteria.length]),
    ).toEqual([
      [2, 4],
      [1, 3],
    ]);
  });

  it('discards a draft that is no longer wanted', async () => {
    const created = await secretaryC1.send('POST', '/api/standards/drafts', { unitId: tree.C1.id });
    const id = created.json().id as number;
    expect((await secretaryC1.send('DELETE', `/api/standards/${id}?version=9`)).statusCode).toBe(409);
    const removed = await secretaryC1.send('DELETE', `/api/standards/${id}?version=1`);
    expect(removed.statusCode).toBe(204);
    expect((await standardsOf(tree.C1.id)).map((row) => row.status)).toEqual(['superseded', 'adopted']);
    expect(await auditCount('standard.draft.delete')).toBe(1);
  });

  it('lets the commune officer keep the standards of any cell of the commune', async () => {
    const created = await createDraft(officerA, tree.C2.id);
    expect(created.statusCode).toBe(201);
    expect((await adopt(officerA, created.json().id, '2026-03-15')).statusCode).toBe(200);
  });
});

describe('signs', () => {
  async function uploadPhoto(session: Session, unitId: number) {
    const png = await QRCode.toBuffer('anh bien', { type: 'png' });
    const response = await session.upload(`/api/files?unitId=${unitId}&purpose=standard_sign`, {
      fileName: 'bien.png',
      content: png,
      contentType: 'image/png',
    });
    expect(response.statusCode).toBe(201);
    return response.json().id as number;
  }

  it('refuses a sign before the standards are adopted', async () => {
    const response = await officerB.send('POST', `/api/standards/units/${tree.C3.id}/sign`, { postedOn: '2026-02-01' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/chưa thông qua/);
    expect(await signOf(tree.C3.id)).toBeUndefined();
  });

  it('refuses a posting date before the first adoption, or in the future', async () => {
    expect((await secretaryC1.send('POST', `/api/standards/units/${tree.C1.id}/sign`, { postedOn: '2026-01-05' })).statusCode).toBe(400);
    expect((await secretaryC1.send('POST', `/api/standards/units/${tree.C1.id}/sign`, { postedOn: '2099-01-05' })).statusCode).toBe(400);
    expect(
      (await secretaryC1.send('POST', `/api/standards/units/${tree.C1.id}/sign`, { postedOn: '2026-01-20', photoFileId: 'abc' }))
        .statusCode,
    ).toBe(400);
    expect(await signOf(tree.C1.id)).toBeUndefined();
  });

  it('refuses signs from outside the subtree or without the role', async () => {
    expect((await memberC1.send('POST', `/api/standards/units/${tree.C1.id}/sign`, { postedOn: '2026-01-20' })).statusCode).toBe(403);
    expect((await officerB.send('POST', `/api/standards/units/${tree.C1.id}/sign`, { postedOn: '2026-01-20' })).statusCode).toBe(403);
    expect(await signOf(tree.C1.id)).toBeUndefined();
  });

  it('records the sign with a photo the unit members can download', async () => {
    const photoId = await uploadPhoto(secretaryC1, tree.C1.id);
    const response = await secretaryC1.send('POST', `/api/standards/units/${tree.C1.id}/sign`, {
      postedOn: '2026-01-20',
      location: 'Nhà văn hóa khu phố 1',
      photoFileId: photoId,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      postedOn: '2026-01-20',
      location: 'Nhà văn hóa khu phố 1',
      photo: { id: photoId, contentType: 'image/png' },
    });
    expect(await signOf(tree.C1.id)).toMatchObject({ posted_on: '2026-01-20', location: 'Nhà văn hóa khu phố 1', version: 1 });
    expect((await memberC1.get(`/api/files/${photoId}`)).statusCode).toBe(200);
    expect((await officerB.get(`/api/files/${photoId}`)).statusCode).toBe(403);
    const again = await secretaryC1.send('POST', `/api/standards/units/${tree.C1.id}/sign`, { postedOn: '2026-01-21' });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a photo uploaded for another unit', async () => {
    const otherPhoto = await uploadPhoto(officerA, tree.C2.id);
    const response = await secretaryC1.send('PATCH', `/api/standards/units/${tree.C1.id}/sign`, {
      postedOn: '2026-01-20',
      photoFileId: otherPhoto,
      version: 1,
    });
    expect(response.statusCode).toBe(400);
    expect((await signOf(tree.C1.id))!.version).toBe(1);
  });

  it('moves the posted date, and refuses a stale edit', async () => {
    const stale = await secretaryC1.send('PATCH', `/api/standards/units/${tree.C1.id}/sign`, { postedOn: '2026-02-01', version: 5 });
    expect(stale.statusCode).toBe(409);
    const moved = await secretaryC1.send('PATCH', `/api/standards/units/${tree.C1.id}/sign`, {
      postedOn: '2026-02-01',
      location: 'Cổng nhà văn hóa',
      version: 1,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ postedOn: '2026-02-01', photo: null, version: 2 });
    expect(await signOf(tree.C1.id)).toMatchObject({ posted_on: '2026-02-01', location: 'Cổng nhà văn hóa', photo_file_id: null });
  });

  it('removes a sign recorded by mistake', async () => {
    expect((await officerA.send('POST', `/api/standards/units/${tree.C2.id}/sign`, { postedOn: '2026-03-20' })).statusCode).toBe(201);
    expect((await officerA.send('DELETE', `/api/standards/units/${tree.C2.id}/sign?version=1`)).statusCode).toBe(204);
    expect(await signOf(tree.C2.id)).toBeUndefined();
    expect(await auditCount('standard.sign.remove')).toBe(1);
  });
});

describe('figures', () => {
  /** Direct recount from the tables: units whose first adoption, and whose sign, is on or before the day. */
  async function recount(unitPath: string, day: string) {
    const result = await ctx.db.execute<{ adopted: number; signed: number }>(sql`
      SELECT
        (SELECT count(*) FROM units u WHERE u.path <@ ${unitPath}::ltree
          AND (SELECT MIN(adopted_on) FROM ethics_standards e WHERE e.unit_id = u.id) <= ${day}::date) AS adopted,
        (SELECT count(*) FROM standard_signs s JOIN units u ON u.id = s.unit_id WHERE u.path <@ ${unitPath}::ltree AND s.posted_on <= ${day}::date) AS signed`);
    return { adopted: Number(result.rows[0]!.adopted), signed: Number(result.rows[0]!.signed) };
  }

  async function counters(unitId: number, day: string) {
    const figures = await readFigures(ctx.db, [unitId], [PROGRAMME_METRICS.standardsAdopted, PROGRAMME_METRICS.signsPosted], day);
    const values = figures.get(unitId) ?? {};
    return { adopted: values[PROGRAMME_METRICS.standardsAdopted] ?? 0, signed: values[PROGRAMME_METRICS.signsPosted] ?? 0 };
  }

  it('match a direct recount on every unit and on several days', async () => {
    // One more sign, then a date change, so every kind of delta has happened.
    expect((await officerA.send('POST', `/api/standards/units/${tree.C2.id}/sign`, { postedOn: '2026-04-01' })).statusCode).toBe(201);
    expect(
      (await officerA.send('PATCH', `/api/standards/units/${tree.C2.id}/sign`, { postedOn: '2026-03-25', version: 1 })).statusCode,
    ).toBe(200);
    const days = ['2026-01-09', '2026-01-10', '2026-01-31', '2026-02-01', '2026-03-15', '2026-03-25', '2026-06-01', todayIso()];
    for (const unit of Object.values(tree)) {
      for (const day of days) {
        expect(await counters(unit.id, day), `${unit.code} ${day}`).toEqual(await recount(unit.path, day));
      }
    }
    expect(await counters(tree.R.id, todayIso())).toEqual({ adopted: 2, signed: 2 });
  });

  it('leave a unit that closes from its closing day, and keep its past', async () => {
    const created = await root.send('POST', '/api/units', {
      code: 'C9',
      name: 'Chi bộ Khu phố 9',
      kind: 'cell',
      parentId: tree.A.id,
      validFrom: '2026-01-01',
    });
    expect(created.statusCode).toBe(201);
    const cell = created.json<{ id: number; path: string }>();
    const draft = await createDraft(officerA, cell.id);
    expect((await adopt(officerA, draft.json<{ id: number }>().id, '2026-02-01')).statusCode).toBe(200);
    expect((await officerA.send('POST', `/api/standards/units/${cell.id}/sign`, { postedOn: '2026-02-10' })).statusCode).toBe(201);
    const before = await counters(tree.A.id, '2026-04-30');
    const unitVersion = Number(
      (await ctx.db.execute<{ version: number }>(sql`SELECT version FROM units WHERE id = ${cell.id}`)).rows[0]!.version,
    );
    expect((await root.send('POST', `/api/units/${cell.id}/close`, { effectiveDate: '2026-05-01', version: unitVersion })).statusCode).toBe(
      200,
    );

    expect(await counters(tree.A.id, '2026-04-30')).toEqual(before);
    expect(await counters(tree.A.id, '2026-05-01')).toEqual({ adopted: before.adopted - 1, signed: before.signed - 1 });
    expect(await counters(tree.R.id, '2026-05-01')).toEqual({ adopted: before.adopted - 1, signed: before.signed - 1 });
    // The recount of open units on each day agrees.
    const openRecount = async (unitPath: string, day: string) => {
      const result = await ctx.db.execute<{ adopted: number; signed: number }>(sql`
        SELECT
          (SELECT count(*) FROM units u WHERE u.path <@ ${unitPath}::ltree AND (u.valid_to IS NULL OR u.valid_to > ${day}::date)
            AND (SELECT MIN(adopted_on) FROM ethics_standards e WHERE e.unit_id = u.id) <= ${day}::date) AS adopted,
          (SELECT count(*) FROM standard_signs s JOIN units u ON u.id = s.unit_id WHERE u.path <@ ${unitPath}::ltree
            AND (u.valid_to IS NULL OR u.valid_to > ${day}::date) AND s.posted_on <= ${day}::date) AS signed`);
      return { adopted: Number(result.rows[0]!.adopted), signed: Number(result.rows[0]!.signed) };
    };
    for (const day of ['2026-04-30', '2026-05-01', todayIso()]) {
      expect(await counters(tree.A.id, day), day).toEqual(await openRecount(tree.A.path, day));
    }
  });
});

describe('overview and export', () => {
  it('lists the cells of the acting unit with their standards and sign', async () => {
    const response = await officerA.get(`/api/standards/overview?unitId=${tree.A.id}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.summary).toEqual({ units: 2, adopted: 2, signed: 2 });
    expect(
      body.items.map((item: { code: string; versionNumber: number; adoptedOn: string; postedOn: string }) => [
        item.code,
        item.versionNumber,
        item.adoptedOn,
        item.postedOn,
      ]),
    ).toEqual([
      ['C1', 2, '2026-06-01', '2026-02-01'],
      ['C2', 1, '2026-03-15', '2026-03-25'],
    ]);
  });

  it('filters, searches without diacritics and pages over the whole province', async () => {
    const all = (await root.get(`/api/standards/overview?unitId=${tree.R.id}`)).json();
    expect(all.summary).toEqual({ units: 3, adopted: 2, signed: 2 });
    const notAdopted = (await root.get(`/api/standards/overview?unitId=${tree.R.id}&filter=not_adopted`)).json();
    expect(notAdopted.items.map((item: { code: string }) => item.code)).toEqual(['C3']);
    expect(notAdopted.total).toBe(1);
    const noSign = (await root.get(`/api/standards/overview?unitId=${tree.R.id}&filter=no_sign`)).json();
    expect(noSign.items.map((item: { code: string }) => item.code)).toEqual(['C3']);
    const found = (await root.get(`/api/standards/overview?unitId=${tree.R.id}&q=${encodeURIComponent('phu loc')}`)).json();
    expect(found.items.map((item: { name: string }) => item.name)).toEqual(['Chi bộ thôn Phú Lộc']);
    const paged = (await root.get(`/api/standards/overview?unitId=${tree.R.id}&pageSize=2&page=2`)).json();
    expect(paged).toMatchObject({ total: 3, page: 2 });
    expect(paged.items).toHaveLength(1);
    const bad = await root.get(`/api/standards/overview?unitId=${tree.R.id}&filter=khac`);
    expect(bad.statusCode).toBe(400);
  });

  it('keeps the overview inside the reader subtree', async () => {
    expect((await officerB.get(`/api/standards/overview?unitId=${tree.A.id}`)).statusCode).toBe(403);
    const own = (await officerB.get(`/api/standards/overview?unitId=${tree.B.id}`)).json();
    expect(own.items.map((item: { code: string }) => item.code)).toEqual(['C3']);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/standards/overview?unitId=${tree.A.id}` })).statusCode).toBe(401);
  });

  it('exports the filtered list to Excel', async () => {
    const response = await root.get(`/api/standards/overview/export?unitId=${tree.R.id}&filter=adopted`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const sheet = (await readWorkbook(response.rawPayload)).get('Chuẩn mực đạo đức')!;
    expect(sheet[0]!.slice(0, 2)).toEqual(['Mã đơn vị', 'Tên đơn vị']);
    expect(sheet.slice(1).map((row) => [row[0], row[4], row[5], row[8]])).toEqual([
      ['C1', 'Có', 2, 'Có'],
      ['C2', 'Có', 1, 'Có'],
    ]);
    expect((sheet[1]![6] as Date).toISOString().slice(0, 10)).toBe('2026-06-01');
    expect((await officerB.get(`/api/standards/overview/export?unitId=${tree.A.id}`)).statusCode).toBe(403);
  });
});

describe('QR code and printable sign', () => {
  it('gives a PNG QR code of the cell', async () => {
    const response = await memberC1.get(`/api/standards/units/${tree.C1.id}/qr.png`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await officerB.get(`/api/standards/units/${tree.C1.id}/qr.png`)).statusCode).toBe(403);
    expect((await root.get(`/api/standards/units/${tree.A.id}/qr.png`)).statusCode).toBe(409);
  });

  it('prints an A4 page with the standards, the QR code and the public address', async () => {
    const response = await memberC1.get(`/api/standards/units/${tree.C1.id}/sign-print`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const page = response.body;
    expect(page).toContain('@page{size:A4');
    expect(page).toContain('Quét mã để xem chuẩn mực đạo đức và góp ý');
    expect(page).toContain('Chi bộ Khu phố 1');
    expect(page).toContain('Đảng ủy phường An Bình');
    expect(page).toContain('Tích cực tham gia giữ gìn vệ sinh môi trường khu phố');
    expect(page).toContain('<svg');
    const publicUrl = (await memberC1.get(`/api/standards/units/${tree.C1.id}`)).json().publicUrl as string;
    expect(publicUrl).toMatch(/\/cong-khai\/C1$/);
    expect(page).toContain(`href="${publicUrl}"`);
    expect((await officerB.get(`/api/standards/units/${tree.C3.id}/sign-print`)).statusCode).toBe(409);
  });
});
