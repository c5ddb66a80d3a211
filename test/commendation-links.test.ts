/**
 * A nomination's evidence: the registrations of the nominating unit's subtree and the breakthrough
 * contents that reach it (issued above it or inside its subtree). Others are refused and change
 * nothing; a resubmission shows what changed, before and after, links by their names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, type Session } from './helpers/session';
import { insertBreakthrough, openWindow, registerAs } from './helpers/registration-fixtures';
import { todayIso } from '../src/server/platform/dates';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let secretary: Session;
let commune: Session;
const year = Number(todayIso().slice(0, 4));
const ids = { province: 0, cell: 0, sibling: 0, otherBranch: 0, deleted: 0, ownRegistration: 0, foreignRegistration: 0 };

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'bithu.c1', [{ unitId: tree.C1.id, role: 'committee' }]);
  await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }]);
  secretary = await openSession(ctx.app, 'bithu.c1');
  commune = await openSession(ctx.app, 'canbo.a');
  ids.province = await insertBreakthrough(ctx.db, tree.R.id, 'Chuyển đổi số trong sinh hoạt chi bộ', year);
  ids.cell = await insertBreakthrough(ctx.db, tree.C1.id, 'Khu phố sáng, xanh, sạch', year);
  ids.sibling = await insertBreakthrough(ctx.db, tree.C2.id, 'Hẻm không rác', year);
  ids.otherBranch = await insertBreakthrough(ctx.db, tree.B.id, 'Đường làng nông thôn mới', year);
  ids.deleted = await insertBreakthrough(ctx.db, tree.A.id, 'Nội dung đã xóa', year);
  await ctx.db.execute(sql`UPDATE breakthrough_contents SET deleted_at = now() WHERE id = ${ids.deleted}`);
  await openWindow(ctx.db, tree.R.path, tree.R.id, year);
  const own = await addPerson(ctx.db, tree.C1.path, { fullName: 'Lê Thị Minh Chứng', unitId: tree.C1.id, cardNumber: '94000001' });
  const foreign = await addPerson(ctx.db, tree.C3.path, { fullName: 'Phạm Văn Xa', unitId: tree.C3.id, cardNumber: '94000002' });
  ids.ownRegistration = (
    await registerAs(ctx.db, own.id, { shortcomings: 'Còn ngại phát biểu.', actions: ['Vận động hộ dân giữ vệ sinh'] }, { year })
  ).id;
  ids.foreignRegistration = (await registerAs(ctx.db, foreign.id, { shortcomings: 'Còn chậm.', actions: ['Làm đường'] }, { year })).id;
});
afterAll(() => ctx.close());

const body = (extra: Record<string, unknown> = {}) => ({
  unitId: tree.C1.id,
  kind: 'model',
  title: 'Mô hình "Khu phố sáng, xanh, sạch"',
  story: 'Tổ chức 12 buổi tổng vệ sinh, trồng 300 cây xanh.',
  results: 'Trồng 300 cây.',
  periodFrom: `${year}-01-01`,
  periodTo: `${year}-06-30`,
  registrationIds: [],
  breakthroughIds: [],
  fileIds: [],
  ...extra,
});

async function counts() {
  const rows = await ctx.db.execute<{ nominations: number; events: number; links: string }>(sql`
    SELECT (SELECT count(*) FROM nominations) AS nominations, (SELECT count(*) FROM nomination_events) AS events,
      (SELECT COALESCE(string_agg(id || ':' || registration_ids::text || breakthrough_ids::text || version, ',' ORDER BY id), '') FROM nominations) AS links`);
  return rows.rows[0]!;
}

describe('links to breakthrough contents and registrations', () => {
  let nomination = { id: 0, version: 0 };

  it('keeps a breakthrough content issued above and one of its own subtree, and a registration of its subtree, by name', async () => {
    const response = await secretary.send(
      'POST',
      '/api/nominations',
      body({ breakthroughIds: [ids.province, ids.cell], registrationIds: [ids.ownRegistration] }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const view = response.json();
    nomination = { id: view.id, version: view.version };
    expect(view.breakthroughIds).toEqual([ids.province, ids.cell]);
    expect(view.links.breakthroughs.map((link: { name: string }) => link.name)).toEqual([
      'Chuyển đổi số trong sinh hoạt chi bộ',
      'Khu phố sáng, xanh, sạch',
    ]);
    expect(view.links.registrations).toEqual([{ id: ids.ownRegistration, name: 'Lê Thị Minh Chứng', year }]);
    const stored = await ctx.db.execute<{ breakthrough_ids: number[] }>(
      sql`SELECT breakthrough_ids FROM nominations WHERE id = ${view.id}`,
    );
    expect(stored.rows[0]!.breakthrough_ids.map(Number)).toEqual([ids.province, ids.cell]);
  });

  it('refuses a content of a sibling, of another branch or deleted, and a registration outside, on create and on edit, changing nothing', async () => {
    const before = await counts();
    for (const [extra, message] of [
      [{ breakthroughIds: [ids.sibling] }, `Nội dung đột phá số ${ids.sibling}`],
      [{ breakthroughIds: [ids.province, ids.otherBranch] }, `Nội dung đột phá số ${ids.otherBranch}`],
      [{ breakthroughIds: [ids.deleted] }, `Nội dung đột phá số ${ids.deleted}`],
      [{ breakthroughIds: [999_999] }, 'Nội dung đột phá số 999999'],
      [{ registrationIds: [ids.foreignRegistration] }, `Bản đăng ký số ${ids.foreignRegistration}`],
    ] as const) {
      const created = await secretary.send('POST', '/api/nominations', body(extra));
      expect(created.statusCode, JSON.stringify(extra)).toBe(400);
      expect(created.json().error.code).toBe('VALIDATION_FAILED');
      expect(created.json().error.message).toContain(message);
      const edited = await secretary.send('PATCH', `/api/nominations/${nomination.id}`, { ...body(extra), version: nomination.version });
      expect(edited.statusCode, JSON.stringify(extra)).toBe(400);
    }
    const malformed = await secretary.send('POST', '/api/nominations', body({ breakthroughIds: ['một'] }));
    expect(malformed.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('a returned nomination resubmitted shows each change with its value before and after', async () => {
    let view = (await secretary.send('POST', `/api/nominations/${nomination.id}/submit`, { version: nomination.version })).json();
    view = (
      await commune.send('POST', `/api/nominations/${nomination.id}/return`, { version: view.version, reason: 'Bổ sung kết quả' })
    ).json();
    const edited = await secretary.send('PATCH', `/api/nominations/${nomination.id}`, {
      ...body({
        breakthroughIds: [ids.cell],
        registrationIds: [ids.ownRegistration],
        results: 'Trồng 300 cây; 12 buổi tổng vệ sinh.',
        periodTo: `${year}-09-30`,
      }),
      version: view.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    view = (await secretary.send('POST', `/api/nominations/${nomination.id}/submit`, { version: edited.json().version })).json();
    const history = view.history as Array<{ action: string; changes: unknown }>;
    expect(history[0]!.changes).toBeNull();
    expect(history.at(-1)!.changes).toEqual([
      { field: 'results', before: 'Trồng 300 cây.', after: 'Trồng 300 cây; 12 buổi tổng vệ sinh.' },
      { field: 'periodTo', before: `${year}-06-30`, after: `${year}-09-30` },
      {
        field: 'breakthroughs',
        before: 'Chuyển đổi số trong sinh hoạt chi bộ; Khu phố sáng, xanh, sạch',
        after: 'Khu phố sáng, xanh, sạch',
      },
    ]);
  });
});
