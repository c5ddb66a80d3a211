/**
 * Lagging units over HTTP: a commune whose registrations are mostly still waiting for appraisal is
 * listed with that reason and the page behind it, and leaves the list once the commune approves
 * them; a province's thresholds apply to its whole subtree and bad ones change nothing; what the
 * province did about the commune stays in its history after the commune recovers. Outsiders, and
 * roles without the permission, are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { LaggingActionItem, LaggingAnswer, LaggingThresholds, LaggingThresholdsAnswer } from '../src/shared/contracts/inspections';
import { addPerson, addUser, createUnitAsSystem, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, readWorkbook, type Session } from './helpers/session';
import { openWindow, registerAs } from './helpers/registration-fixtures';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let provinceOfficer: Session;
let provinceInspector: Session;
let communeOfficer: Session;
let otherProvince: Session;
let member: Session;
let supervisor: Session;
const year = 2026;
/** A's five registrations (four people in C1, one in C2), submitted; the first is approved at the start. */
const registrationsOfA: Array<{ id: number; version: number }> = [];

/** Lenient on everything but the registration rate, so the list turns on that one reason. */
const REGISTRATION_ONLY: LaggingThresholds = {
  minRegistrationRate: 0.9,
  minStandardsRate: 0,
  minSignsRate: 0,
  minStudyRate: 0,
  minReportingRate: 0,
  maxOverdueFeedback: 1000,
  maxDuplicateShare: 1,
  maxOverdueRemedies: 1000,
};

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  const other = await createUnitAsSystem(ctx.db, 'R2', 'Tỉnh ủy Bên cạnh', 'province_committee', null);
  // A commune of the other province: never evaluated in R's list, although both provinces are tops of the tree.
  await createUnitAsSystem(ctx.db, 'R2A', 'Đảng ủy xã Bên cạnh', 'commune_committee', other.id);
  await addUser(ctx.db, 'canbo.tinh', [{ unitId: tree.R.id, role: 'officer' }]);
  await addUser(ctx.db, 'kiemtra.tinh', [{ unitId: tree.R.id, role: 'inspector' }]);
  await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }]);
  await addUser(ctx.db, 'canbo.b', [{ unitId: tree.B.id, role: 'officer' }]);
  await addUser(ctx.db, 'canbo.tinh2', [{ unitId: other.id, role: 'officer' }]);
  await addUser(ctx.db, 'dangvien.r', [{ unitId: tree.R.id, role: 'member' }]);
  await addUser(ctx.db, 'giamsat.r', [{ unitId: tree.R.id, role: 'supervisor' }]);
  provinceOfficer = await openSession(ctx.app, 'canbo.tinh');
  provinceInspector = await openSession(ctx.app, 'kiemtra.tinh');
  communeOfficer = await openSession(ctx.app, 'canbo.a');
  const officerOfB = await openSession(ctx.app, 'canbo.b');
  otherProvince = await openSession(ctx.app, 'canbo.tinh2');
  member = await openSession(ctx.app, 'dangvien.r');
  supervisor = await openSession(ctx.app, 'giamsat.r');

  await openWindow(ctx.db, tree.R.path, tree.R.id, year);
  const people = [
    ...[1, 2, 3, 4].map((n) => ({ unit: tree.C1, name: `Nguyễn Văn Chi Một ${n}` })),
    { unit: tree.C2, name: 'Trần Thị Chi Hai' },
    ...[1, 2].map((n) => ({ unit: tree.C3, name: `Lê Văn Phú Lộc ${n}` })),
  ];
  let card = 61_000_000;
  for (const [index, entry] of people.entries()) {
    const person = await addPerson(ctx.db, entry.unit.path, { fullName: entry.name, unitId: entry.unit.id, cardNumber: String(++card) });
    const submitted = await registerAs(ctx.db, person.id, {
      shortcomings: `Còn ngại va chạm trong tự phê bình, lần ${index + 1}`,
      actions: [`Gương mẫu nhận việc khó số ${index + 1} ở ${entry.unit.name}`],
    });
    if (entry.unit.id === tree.C3.id) {
      // B approves both of its registrations: B never lags on the registration rate.
      await approve(officerOfB, [{ id: submitted.id, version: submitted.version }]);
    } else registrationsOfA.push({ id: submitted.id, version: submitted.version });
  }
  await approve(communeOfficer, [registrationsOfA.shift()!]);
});
afterAll(() => ctx.close());

async function approve(caller: Session, items: Array<{ id: number; version: number }>) {
  const response = await caller.send('POST', '/api/registrations/approve', { items });
  expect(response.statusCode, response.body).toBe(200);
  expect((response.json() as { approved: number[] }).approved).toHaveLength(items.length);
}

async function ok<T>(response: { statusCode: number; body: string; json(): unknown }, status = 200): Promise<T> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

const communes = (query = '') => `/api/lagging-units?unitId=${tree.R.id}&year=${year}&kind=commune_committee${query}`;
const scalar = async (query: ReturnType<typeof sql>) => Number((await ctx.db.execute<{ n: number }>(query)).rows[0]!.n);

describe('lagging units', () => {
  it('lists a commune with a low approved registration rate, with the reason in words and the page behind it', async () => {
    const answer = await ok<LaggingAnswer>(await provinceOfficer.get(communes()));
    expect(answer.evaluated).toBe(2);
    expect(answer.thresholdsFrom).toBeNull();
    expect(answer.definitions.registration_rate).toContain('đã được thẩm định');
    const a = answer.items.find((item) => item.unit.id === tree.A.id)!;
    expect(a.unit).toMatchObject({ code: 'A', kind: 'commune_committee' });
    expect(a.parent).toEqual({ id: tree.R.id, code: 'R', name: tree.R.name });
    expect(a.reasons.find((reason) => reason.code === 'registration_rate')).toEqual({
      code: 'registration_rate',
      value: 0.2,
      threshold: 0.8,
      text: 'Tỷ lệ đăng ký làm theo đã được thẩm định 20% (dưới 80%)',
      link: `/registrations?tab=appraisal&unitId=${tree.A.id}&year=${year}`,
    });
    // B approved all of its registrations: it may lag on other things, never on this one.
    const b = answer.items.find((item) => item.unit.id === tree.B.id);
    expect(b?.reasons.map((reason) => reason.code) ?? []).not.toContain('registration_rate');
    // The reasons' order puts the units with most reasons first.
    const counts = answer.items.map((item) => item.reasons.length);
    expect([...counts].sort((x, y) => y - x)).toEqual(counts);

    const onlyThisReason = await ok<LaggingAnswer>(await provinceInspector.get(communes('&reason=registration_rate')));
    expect(onlyThisReason.total).toBe(1);
    expect(onlyThisReason.items.map((item) => item.unit.id)).toEqual([tree.A.id]);
  });

  it('applies a province’s thresholds to its whole subtree, and refuses bad ones without changing anything', async () => {
    expect(await ok<LaggingThresholdsAnswer>(await communeOfficer.get(`/api/lagging-thresholds?unitId=${tree.A.id}`))).toMatchObject({
      thresholdsFrom: null,
      thresholds: { minRegistrationRate: 0.8, maxDuplicateShare: 0.3 },
    });
    const audits = () => scalar(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'lagging_thresholds.save'`);
    const bad: Array<Record<string, unknown>> = [
      { ...REGISTRATION_ONLY, minRegistrationRate: 1.5 },
      { ...REGISTRATION_ONLY, maxOverdueFeedback: -1 },
      { ...REGISTRATION_ONLY, maxOverdueRemedies: 0.5 },
      { ...REGISTRATION_ONLY, minStudyRate: 'tám mươi' },
      Object.fromEntries(Object.entries(REGISTRATION_ONLY).filter(([key]) => key !== 'minSignsRate')),
    ];
    for (const thresholds of bad) {
      const response = await provinceOfficer.send('PUT', '/api/lagging-thresholds', { unitId: tree.R.id, thresholds });
      expect(response.statusCode, JSON.stringify(thresholds)).toBe(400);
      expect((response.json() as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }
    expect(await scalar(sql`SELECT count(*) AS n FROM lagging_thresholds`)).toBe(0);
    expect(await audits()).toBe(0);

    const saved = await ok<LaggingThresholdsAnswer>(
      await provinceOfficer.send('PUT', '/api/lagging-thresholds', { unitId: tree.R.id, thresholds: REGISTRATION_ONLY }),
    );
    expect(saved.thresholdsFrom).toEqual({ id: tree.R.id, code: 'R', name: tree.R.name });
    expect(await audits()).toBe(1);
    // The commune below reads the province's thresholds as its own.
    expect(await ok<LaggingThresholdsAnswer>(await communeOfficer.get(`/api/lagging-thresholds?unitId=${tree.A.id}`))).toMatchObject({
      thresholds: REGISTRATION_ONLY,
      thresholdsFrom: { id: tree.R.id },
    });

    const answer = await ok<LaggingAnswer>(await provinceOfficer.get(communes()));
    expect(answer.thresholdsFrom?.id).toBe(tree.R.id);
    expect(answer.items.map((item) => [item.unit.code, item.reasons.map((reason) => reason.text)])).toEqual([
      ['A', ['Tỷ lệ đăng ký làm theo đã được thẩm định 20% (dưới 90%)']],
    ]);
    // The commune's own list of its cells is measured against the province's thresholds too.
    const cells = await ok<LaggingAnswer>(await communeOfficer.get(`/api/lagging-units?unitId=${tree.A.id}&year=${year}`));
    expect(cells.thresholdsFrom?.id).toBe(tree.R.id);
    expect(cells.evaluated).toBe(2);
    expect(cells.items.map((item) => [item.unit.code, item.reasons[0]!.value])).toEqual([
      ['C1', 0.25],
      ['C2', 0],
    ]);
  });

  it('records what the province did, keeps it after the commune recovers, and lists the recovered on request', async () => {
    const recorded = await ok<LaggingActionItem>(
      await provinceOfficer.send('POST', '/api/lagging-actions', {
        unitId: tree.A.id,
        byUnitId: tree.R.id,
        year,
        action: 'reminder',
        note: 'Đề nghị đảng ủy phường thẩm định các bản đăng ký còn tồn trước 15/12.',
        reasons: ['registration_rate'],
      }),
      201,
    );
    expect(recorded).toMatchObject({
      unit: { id: tree.A.id },
      byUnit: { id: tree.R.id },
      action: 'reminder',
      reasons: ['registration_rate'],
      inspectionId: null,
      actorName: 'canbo.tinh',
    });
    const listed = await ok<LaggingAnswer>(await provinceOfficer.get(communes()));
    expect(listed.items[0]!.lastAction).toMatchObject({ action: 'reminder', actorName: 'canbo.tinh' });

    // The commune approves the rest through the appraisal route: it leaves the list at once.
    await approve(communeOfficer, registrationsOfA);
    const after = await ok<LaggingAnswer>(await provinceOfficer.get(communes()));
    expect(after.total).toBe(0);
    expect(after.items).toEqual([]);
    const byReason = await ok<LaggingAnswer>(await provinceOfficer.get(communes('&reason=registration_rate')));
    expect(byReason.total).toBe(0);

    const history = await ok<{ items: LaggingActionItem[] }>(
      await communeOfficer.get(`/api/lagging-actions?unitId=${tree.A.id}&year=${year}`),
    );
    expect(history.items.map((item) => item.id)).toEqual([recorded.id]);
    const recovered = await ok<LaggingAnswer>(await provinceOfficer.get(communes('&includeRecovered=true')));
    expect(recovered.items).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: tree.A.id }), reasons: [] })]);
    expect(recovered.items[0]!.lastAction?.action).toBe('reminder');
  });

  it('exports the list as the screen filters it', async () => {
    await ok(
      await provinceOfficer.send('PUT', '/api/lagging-thresholds', {
        unitId: tree.R.id,
        thresholds: { ...REGISTRATION_ONLY, minStudyRate: 0.5 },
      }),
    );
    const response = await provinceOfficer.get(`/api/exports/lagging-units?unitId=${tree.R.id}&year=${year}&kind=commune_committee`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const sheet = (await readWorkbook(response.rawPayload)).get('Đơn vị chưa nghiêm túc')!;
    const header = sheet.find((row) => row[0] === 'STT')!;
    const rows = sheet.slice(sheet.indexOf(header) + 1);
    // Nobody has studied: both communes lag on the study rate alone.
    expect(rows.map((row) => [row[1], row[4], row[5]])).toEqual([
      ['A', 1, '- Tỷ lệ học tập chuyên đề 0% (dưới 50%)'],
      ['B', 1, '- Tỷ lệ học tập chuyên đề 0% (dưới 50%)'],
    ]);
    expect(rows[0]![header.indexOf('Xử lý gần nhất trong năm')]).toBe('Nhắc nhở');
    const guide = (await readWorkbook(response.rawPayload)).get('Định nghĩa')!;
    expect(guide.find((row) => row[0] === 'Tỷ lệ học tập chuyên đề thấp')?.[1]).toBe('dưới 50%');
  });
});

describe('who may', () => {
  it('refuses another province, and the member and supervisor roles', async () => {
    const action = {
      unitId: tree.A.id,
      byUnitId: tree.R.id,
      year,
      action: 'working_session',
      note: 'Làm việc trực tiếp với đảng ủy.',
      reasons: [],
    };
    const before = await scalar(sql`SELECT count(*) AS n FROM lagging_actions`);
    for (const caller of [otherProvince, member, supervisor]) {
      expect((await caller.get(communes())).statusCode, caller.username).toBe(403);
      expect((await caller.get(`/api/lagging-thresholds?unitId=${tree.A.id}`)).statusCode, caller.username).toBe(403);
      expect((await caller.get(`/api/lagging-actions?unitId=${tree.A.id}`)).statusCode, caller.username).toBe(403);
      expect((await caller.get(`/api/exports/lagging-units?unitId=${tree.R.id}&year=${year}`)).statusCode, caller.username).toBe(403);
      expect((await caller.send('POST', '/api/lagging-actions', action)).statusCode, caller.username).toBe(403);
      const saved = await caller.send('PUT', '/api/lagging-thresholds', { unitId: tree.R.id, thresholds: REGISTRATION_ONLY });
      expect(saved.statusCode, caller.username).toBe(403);
    }
    // A commune does not act in the name of its sibling.
    expect(
      (await communeOfficer.send('POST', '/api/lagging-actions', { ...action, unitId: tree.C3.id, byUnitId: tree.B.id })).statusCode,
    ).toBe(403);
    expect(await scalar(sql`SELECT count(*) AS n FROM lagging_actions`)).toBe(before);
  });

  it('refuses an action on a unit that is not strictly below the handling level', async () => {
    const before = await scalar(sql`SELECT count(*) AS n FROM lagging_actions`);
    const base = { year, action: 'reminder', note: 'Nhắc nhở.', reasons: [] };
    for (const body of [
      { ...base, unitId: tree.A.id, byUnitId: tree.A.id },
      { ...base, unitId: tree.B.id, byUnitId: tree.A.id },
      { ...base, unitId: tree.R.id, byUnitId: tree.A.id },
    ]) {
      const response = await provinceOfficer.send('POST', '/api/lagging-actions', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect((response.json() as { error: { code: string; message: string } }).error).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect(await scalar(sql`SELECT count(*) AS n FROM lagging_actions`)).toBe(before);
  });
});
