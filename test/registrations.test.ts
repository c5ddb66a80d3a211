import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, readWorkbook, type Session } from './helpers/session';
import { actions, insertBreakthrough, insertTopic, linkUserToPerson, registerAs } from './helpers/registration-fixtures';
import { REGISTRATION_METRICS } from '../src/server/modules/figures/registration-metrics';
import type { RegistrationDetail } from '../src/shared/contracts/registrations';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let topicId: number;
let breakthroughId: number;
let officerR: Session;
let officerB: Session;
let secretaryC1: Session;
let secretaryC2: Session;
let inspectorA: Session;
let member: Session;
let memberWithoutPerson: Session;
let secretaryPersonId: number;
let next = 0;
const card = () => String(80_000_000 + ++next);

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  const rows = await ctx.db.execute<{ value: number }>(query);
  return Number(rows.rows[0]?.value ?? 0);
}
const counter = (unitId: number, metric: string) =>
  scalar(sql`SELECT COALESCE(SUM(delta), 0) AS value FROM figure_counters WHERE unit_id = ${unitId} AND metric = ${metric}`);
const rowOf = async (id: number) =>
  (
    await ctx.db.execute<{
      status: string;
      version: number;
      shortcomings: string;
      search_text: string;
      unit_id: number;
      is_leader: boolean;
      revision: number;
    }>(sql`
    SELECT status, version, shortcomings, search_text, unit_id, is_leader, revision FROM registrations WHERE id = ${id}`)
  ).rows[0]!;
const registrationCount = () => scalar(sql`SELECT count(*) AS value FROM registrations`);
const auditCount = (action: string, id: number) =>
  scalar(sql`SELECT count(*) AS value FROM audit_log WHERE action = ${action} AND entity_id = ${String(id)}`);

const ownBody = (overrides: Record<string, unknown> = {}) => ({
  year: 2026,
  shortcomings: 'Đôi khi còn ngại va chạm, chưa thẳng thắn góp ý đồng chí, đồng nghiệp trong sinh hoạt chi bộ.',
  actions: [
    {
      area: 'ethics',
      content: 'Thẳng thắn góp ý ít nhất một lần mỗi kỳ sinh hoạt chi bộ',
      measurableResult: '12 lần góp ý trong năm',
      deadline: '2026-12-31',
      linkKind: 'topic',
      linkId: topicId,
    },
    {
      area: 'style',
      content: 'Trả lời phản ánh của người dân trong 3 ngày làm việc',
      measurableResult: '100% phản ánh được trả lời đúng hạn',
      deadline: '2026-12-31',
    },
  ],
  ...overrides,
});

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  topicId = await insertTopic(ctx.db, tree.R.id, 'Chuyên đề năm 2026 về phong cách làm việc khoa học');
  breakthroughId = await insertBreakthrough(ctx.db, tree.R.id, 'Cải cách hành chính, chuyển đổi số');
  await addUser(ctx.db, 'officer.r', [{ unitId: tree.R.id, role: 'officer' }]);
  await addUser(ctx.db, 'officer.b', [{ unitId: tree.B.id, role: 'officer' }]);
  await addUser(ctx.db, 'inspector.a', [{ unitId: tree.A.id, role: 'inspector' }]);
  await addUser(ctx.db, 'member.nolink', [{ unitId: tree.C1.id, role: 'member' }]);
  const secretary = await addPerson(ctx.db, tree.C1.path, {
    fullName: 'Lê Văn Bí Thư',
    unitId: tree.C1.id,
    cardNumber: card(),
    position: 'secretary',
    isHead: true,
  });
  secretaryPersonId = secretary.id;
  const secretaryUser = await addUser(ctx.db, 'bithu.c1', [{ unitId: tree.C1.id, role: 'committee' }]);
  await linkUserToPerson(ctx.db, secretaryUser.id, secretary.id);
  await addUser(ctx.db, 'bithu.c2', [{ unitId: tree.C2.id, role: 'committee' }]);
  const person = await addPerson(ctx.db, tree.C1.path, { fullName: 'Nguyễn Thị Đảng Viên', unitId: tree.C1.id, cardNumber: card() });
  const memberUser = await addUser(ctx.db, 'dangvien.c1', [{ unitId: tree.C1.id, role: 'member' }]);
  await linkUserToPerson(ctx.db, memberUser.id, person.id);
  officerR = await openSession(ctx.app, 'officer.r');
  officerB = await openSession(ctx.app, 'officer.b');
  inspectorA = await openSession(ctx.app, 'inspector.a');
  secretaryC1 = await openSession(ctx.app, 'bithu.c1');
  secretaryC2 = await openSession(ctx.app, 'bithu.c2');
  member = await openSession(ctx.app, 'dangvien.c1');
  memberWithoutPerson = await openSession(ctx.app, 'member.nolink');
});
afterAll(() => ctx.close());

describe('registration windows', () => {
  it('refuses bad dates, a topic that does not apply and callers without the permission, changing nothing', async () => {
    const bad = await officerR.send('POST', '/api/registration-windows', {
      unitId: tree.R.id,
      year: 2026,
      toYear: 2026,
      opensOn: '2026-03-01',
      closesOn: '2026-01-01',
      breakthroughIds: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const otherTopic = await insertTopic(ctx.db, tree.B.id, 'Chuyên đề riêng của xã Đông Hòa');
    const foreignTopic = await officerR.send('POST', '/api/registration-windows', {
      unitId: tree.A.id,
      year: 2026,
      toYear: 2026,
      opensOn: '2026-01-01',
      closesOn: '2026-03-31',
      topicId: otherTopic,
    });
    expect(foreignTopic.statusCode).toBe(400);
    const outside = await officerB.send('POST', '/api/registration-windows', {
      unitId: tree.A.id,
      year: 2026,
      toYear: 2026,
      opensOn: '2026-01-01',
      closesOn: '2026-03-31',
    });
    expect(outside.statusCode).toBe(403);
    const asMember = await member.send('POST', '/api/registration-windows', {
      unitId: tree.C1.id,
      year: 2026,
      toYear: 2026,
      opensOn: '2026-01-01',
      closesOn: '2026-03-31',
    });
    expect(asMember.statusCode).toBe(403);
    expect(await scalar(sql`SELECT count(*) AS value FROM registration_windows`)).toBe(0);
  });

  it('opens a window at the province that every unit below inherits, audited; a lower window overrides it', async () => {
    const created = await officerR.send('POST', '/api/registration-windows', {
      unitId: tree.R.id,
      year: 2026,
      toYear: 2026,
      opensOn: '2026-01-05',
      closesOn: '2026-03-31',
      topicId,
      breakthroughIds: [breakthroughId],
      guidance: 'Bắt đầu từ hạn chế của bản thân.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const window = created.json();
    expect(window).toMatchObject({ unitId: tree.R.id, topicId, breakthroughIds: [breakthroughId], version: 1 });
    expect(await auditCount('registration_window.create', window.id)).toBe(1);
    const duplicate = await officerR.send('POST', '/api/registration-windows', {
      unitId: tree.R.id,
      year: 2026,
      toYear: 2026,
      opensOn: '2026-01-05',
      closesOn: '2026-03-31',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('DUPLICATE');

    const applicable = await member.get(`/api/registration-windows/applicable?unitId=${tree.C1.id}&year=2026`);
    expect(applicable.statusCode).toBe(200);
    expect(applicable.json().window.id).toBe(window.id);
    expect(applicable.json().options.topics).toEqual([{ id: topicId, title: 'Chuyên đề năm 2026 về phong cách làm việc khoa học' }]);
    expect(applicable.json().options.breakthroughs.map((item: { id: number }) => item.id)).toEqual([breakthroughId]);

    const forB = await officerB.send('POST', '/api/registration-windows', {
      unitId: tree.B.id,
      year: 2026,
      toYear: 2026,
      opensOn: '2026-02-01',
      closesOn: '2026-04-30',
    });
    expect(forB.statusCode, forB.body).toBe(201);
    const inC3 = await officerR.get(`/api/registration-windows/applicable?unitId=${tree.C3.id}&year=2026`);
    expect(inC3.json().window.id).toBe(forB.json().id);
    const stale = await officerB.send('PATCH', `/api/registration-windows/${forB.json().id}`, {
      year: 2026,
      toYear: 2026,
      opensOn: '2026-02-01',
      closesOn: '2026-05-31',
      version: 9,
    });
    expect(stale.statusCode).toBe(409);
    const updated = await officerB.send('PATCH', `/api/registration-windows/${forB.json().id}`, {
      year: 2026,
      toYear: 2026,
      opensOn: '2026-02-01',
      closesOn: '2026-05-31',
      version: 1,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ closesOn: '2026-05-31', version: 2 });
    const removed = await officerB.send('DELETE', `/api/registration-windows/${forB.json().id}?version=2`);
    expect(removed.statusCode).toBe(204);
    expect(await scalar(sql`SELECT count(*) AS value FROM registration_windows WHERE unit_id = ${tree.B.id}`)).toBe(0);
    expect((await officerR.get(`/api/registration-windows/applicable?unitId=${tree.C3.id}&year=2026`)).json().window.id).toBe(window.id);
  });
});

describe('the individual registration and its appraisal', () => {
  let registration: RegistrationDetail;

  it('needs an account linked to a person', async () => {
    const mine = await memberWithoutPerson.get('/api/registrations/mine?year=2026');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().person).toBeNull();
    const refused = await memberWithoutPerson.send('POST', '/api/registrations/mine', ownBody());
    expect(refused.statusCode).toBe(403);
    expect(await registrationCount()).toBe(0);
  });

  it('refuses a registration without own shortcomings, without actions or with more than ten, changing nothing', async () => {
    for (const body of [
      ownBody({ shortcomings: '  ' }),
      ownBody({ actions: [] }),
      ownBody({ actions: actions(...Array.from({ length: 11 }, (_, i) => `Việc ${i}`)) }),
      ownBody({ actions: [{ area: 'ethics', content: 'Việc', linkKind: 'breakthrough', linkId: 999_999 }] }),
    ]) {
      const response = await member.send('POST', '/api/registrations/mine', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect(await registrationCount()).toBe(0);
  });

  it("saves a draft in the member's unit, with folded search text, then submits it and counts it", async () => {
    const created = await member.send('POST', '/api/registrations/mine', ownBody());
    expect(created.statusCode, created.body).toBe(201);
    registration = created.json();
    expect(registration).toMatchObject({
      kind: 'individual',
      status: 'draft',
      unitId: tree.C1.id,
      isLeader: false,
      canEdit: true,
      canAppraise: false,
    });
    expect(registration.actions[0]).toMatchObject({
      linkKind: 'topic',
      linkId: topicId,
      linkLabel: 'Chuyên đề năm 2026 về phong cách làm việc khoa học',
    });
    const row = await rowOf(registration.id);
    expect(row.search_text).toContain('thang than gop y');
    expect(await counter(tree.C1.id, REGISTRATION_METRICS.bucket('individual', 'registered', 2026))).toBe(0);
    const again = await member.send('POST', '/api/registrations/mine', ownBody());
    expect(again.statusCode).toBe(409);

    const submitted = await member.send('POST', `/api/registrations/${registration.id}/status`, {
      transition: 'submit',
      version: registration.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    registration = submitted.json();
    expect(registration).toMatchObject({ status: 'submitted', revision: 1, canEdit: false });
    expect(await counter(tree.C1.id, REGISTRATION_METRICS.bucket('individual', 'registered', 2026))).toBe(1);
    expect(await counter(tree.R.id, REGISTRATION_METRICS.bucket('individual', 'registered', 2026))).toBe(1);
    expect(await auditCount('registration.submit', registration.id)).toBe(1);
  });

  it('refuses an illegal step with a clear error and changes nothing', async () => {
    const publish = await secretaryC1.send('POST', `/api/registrations/${registration.id}/status`, {
      transition: 'publish',
      version: registration.version,
    });
    expect(publish.statusCode).toBe(409);
    expect(publish.json().error.code).toBe('INVALID_TRANSITION');
    expect(publish.json().error.message).toContain('Đã gửi');
    const bySelf = await member.send('POST', `/api/registrations/${registration.id}/status`, {
      transition: 'approve',
      version: registration.version,
    });
    expect(bySelf.statusCode).toBe(403);
    const edit = await member.send('PATCH', `/api/registrations/${registration.id}`, {
      version: registration.version,
      shortcomings: 'Sửa khi đã gửi',
      actions: actions('Việc mới'),
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('INVALID_STATE');
    expect(await rowOf(registration.id)).toMatchObject({ status: 'submitted', version: registration.version });
  });

  it('keeps other units and roles out', async () => {
    expect((await secretaryC2.get(`/api/registrations/${registration.id}`)).statusCode).toBe(403);
    expect((await officerB.get(`/api/registrations/${registration.id}`)).statusCode).toBe(403);
    expect((await inspectorA.get(`/api/registrations/${registration.id}`)).statusCode).toBe(200);
    const inspectorApproves = await inspectorA.send('POST', `/api/registrations/${registration.id}/status`, {
      transition: 'approve',
      version: registration.version,
    });
    expect(inspectorApproves.statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/registrations/${registration.id}` })).statusCode).toBe(401);
    expect((await secretaryC2.get(`/api/registrations?year=2026&unitId=${tree.C1.id}`)).statusCode).toBe(403);
    expect((await member.get('/api/registrations?year=2026')).statusCode).toBe(403);
  });

  it('returns it with a reason; the member sees the reason, revises and resubmits; both see the diff and the history', async () => {
    const noReason = await secretaryC1.send('POST', `/api/registrations/${registration.id}/status`, {
      transition: 'return',
      version: registration.version,
    });
    expect(noReason.statusCode).toBe(400);
    const returned = await secretaryC1.send('POST', `/api/registrations/${registration.id}/status`, {
      transition: 'return',
      version: registration.version,
      reason: 'Việc làm thứ hai cần nêu rõ kết quả đo được.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const seen = (await member.get('/api/registrations/mine?year=2026')).json();
    expect(seen.registration).toMatchObject({
      status: 'returned',
      returnReason: 'Việc làm thứ hai cần nêu rõ kết quả đo được.',
      canEdit: true,
    });
    expect(await counter(tree.C1.id, REGISTRATION_METRICS.bucket('individual', 'returned', 2026))).toBe(1);

    const body = ownBody();
    const revised = await member.send('PATCH', `/api/registrations/${registration.id}`, {
      version: seen.registration.version,
      shortcomings: body.shortcomings,
      actions: [body.actions[0], { ...body.actions[1], measurableResult: '100% phản ánh trả lời trong 3 ngày, kiểm tra qua sổ theo dõi' }],
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const resubmitted = await member.send('POST', `/api/registrations/${registration.id}/status`, {
      transition: 'submit',
      version: revised.json().version,
    });
    expect(resubmitted.statusCode).toBe(200);
    registration = (await secretaryC1.get(`/api/registrations/${registration.id}`)).json();
    expect(registration.revision).toBe(2);
    expect(registration.diff).toMatchObject({ fromRevision: 1, toRevision: 2, shortcomings: null });
    expect(registration.diff!.actions).toEqual([
      {
        position: 1,
        change: 'changed',
        fields: [
          {
            field: 'measurableResult',
            before: '100% phản ánh được trả lời đúng hạn',
            after: '100% phản ánh trả lời trong 3 ngày, kiểm tra qua sổ theo dõi',
          },
        ],
      },
    ]);
    expect(registration.events.map((event) => event.toStatus)).toEqual(['submitted', 'returned', 'submitted']);
    expect(registration.events[1]!.reason).toBe('Việc làm thứ hai cần nêu rõ kết quả đo được.');
    expect(await counter(tree.C1.id, REGISTRATION_METRICS.bucket('individual', 'returned', 2026))).toBe(0);
  });

  it('lets only one of two approvers act on the version they saw', async () => {
    const [first, second] = await Promise.all([
      secretaryC1.send('POST', `/api/registrations/${registration.id}/status`, { transition: 'approve', version: registration.version }),
      officerR.send('POST', `/api/registrations/${registration.id}/status`, { transition: 'approve', version: registration.version }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    expect([first, second].find((response) => response.statusCode === 409)!.json().error.code).toBe('VERSION_CONFLICT');
    expect(await auditCount('registration.approve', registration.id)).toBe(1);
    expect(await rowOf(registration.id)).toMatchObject({ status: 'approved', version: registration.version + 1 });
  });

  it("never lets a member's edit silently overwrite an approval", async () => {
    const before = await rowOf(registration.id);
    const edit = await member.send('PATCH', `/api/registrations/${registration.id}`, {
      version: registration.version,
      shortcomings: 'Bản sửa cũ',
      actions: actions('Việc làm mới'),
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('VERSION_CONFLICT');
    expect(await rowOf(registration.id)).toEqual(before);
  });

  it('publishes it and counts it as approved and published up the tree', async () => {
    const current = (await secretaryC1.get(`/api/registrations/${registration.id}`)).json();
    const published = await secretaryC1.send('POST', `/api/registrations/${registration.id}/status`, {
      transition: 'publish',
      version: current.version,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    expect(await counter(tree.A.id, REGISTRATION_METRICS.bucket('individual', 'published', 2026))).toBe(1);
    expect(await counter(tree.R.id, REGISTRATION_METRICS.bucket('individual', 'approved', 2026))).toBe(1);
  });
});

describe('the unit list, collective registrations, bulk approval and near-duplicates', () => {
  const copied = {
    shortcomings: 'Còn ngại học tập nâng cao trình độ, chưa chủ động ứng dụng công nghệ thông tin trong công việc được giao.',
    actions: [
      'Hoàn thành khóa học kỹ năng số cơ bản trong quý II',
      'Hướng dẫn ít nhất 5 hộ gia đình cài đặt ứng dụng dịch vụ công trực tuyến',
    ],
  };
  let copyC1: number;
  let copyC2: number;
  let copyC3: number;
  let other: number;

  beforeAll(async () => {
    const people = [] as number[];
    for (const [unit, name] of [
      [tree.C1, 'Trần Văn Một'],
      [tree.C2, 'Phạm Thị Hai'],
      [tree.C3, 'Hoàng Văn Ba'],
      [tree.C1, 'Đỗ Thị Bốn'],
    ] as const) {
      people.push((await addPerson(ctx.db, unit.path, { fullName: name, unitId: unit.id, cardNumber: card() })).id);
    }
    copyC1 = (await registerAs(ctx.db, people[0]!, copied)).id;
    // The same commitment with its words moved and diacritics dropped: still a copy.
    copyC2 = (
      await registerAs(ctx.db, people[1]!, {
        shortcomings: 'Chua chu dong ung dung cong nghe thong tin trong cong viec duoc giao, con ngai hoc tap nang cao trinh do.',
        actions: [
          'Huong dan it nhat 5 ho gia dinh cai dat ung dung dich vu cong truc tuyen',
          'Hoan thanh khoa hoc ky nang so co ban trong quy II',
        ],
      })
    ).id;
    copyC3 = (await registerAs(ctx.db, people[2]!, copied)).id;
    other = (
      await registerAs(ctx.db, people[3]!, {
        shortcomings: 'Tác phong còn chậm, đôi khi trễ giờ họp; chưa sâu sát với hoàn cảnh các hộ khó khăn trong khu phố.',
        actions: ['Đến trước giờ họp chi bộ 10 phút', 'Thăm hỏi 3 hộ nghèo mỗi quý và báo cáo chi bộ'],
      })
    ).id;
  });

  it("flags near-identical registrations of the unit and its parent's subtree with their similarity, not others", async () => {
    const similar = await secretaryC1.get(`/api/registrations/${copyC1}/similar`);
    expect(similar.statusCode, similar.body).toBe(200);
    const ids = similar.json().map((item: { id: number }) => item.id);
    expect(ids).toContain(copyC2);
    expect(ids).not.toContain(copyC3);
    expect(ids).not.toContain(other);
    expect(similar.json()[0].similarity).toBeGreaterThanOrEqual(0.6);
    const list = (await secretaryC1.get(`/api/registrations?year=2026&unitId=${tree.C1.id}`)).json();
    const flagged = list.items.find((item: { id: number }) => item.id === copyC1);
    expect(flagged.maxSimilarity).toBeGreaterThanOrEqual(0.6);
    expect(list.items.find((item: { id: number }) => item.id === other).maxSimilarity).toBeNull();
    expect((await secretaryC2.get(`/api/registrations/${copyC1}/similar`)).statusCode).toBe(403);
    const onlyCopies = (await officerR.get(`/api/registrations?year=2026&unitId=${tree.A.id}&similarOnly=true`)).json();
    expect(onlyCopies.items.map((item: { id: number }) => item.id).sort()).toEqual([copyC1, copyC2].sort());
  });

  it('lists collective registrations, then leaders first, filters, searches without diacritics, and shows leaders who have not registered', async () => {
    const missing = (await secretaryC1.get(`/api/registrations/leaders-missing?unitId=${tree.C1.id}&year=2026`)).json();
    expect(missing.map((item: { personId: number }) => item.personId)).toEqual([secretaryPersonId]);
    const collective = await secretaryC1.send('POST', '/api/registrations/collective', {
      unitId: tree.C1.id,
      year: 2026,
      actions: actions('Chi bộ duy trì sinh hoạt chuyên đề mỗi quý'),
    });
    expect(collective.statusCode, collective.body).toBe(201);
    expect(
      (await member.send('POST', '/api/registrations/collective', { unitId: tree.C1.id, year: 2026, actions: actions('Việc') })).statusCode,
    ).toBe(403);
    expect(
      (await secretaryC2.send('POST', '/api/registrations/collective', { unitId: tree.C1.id, year: 2026, actions: actions('Việc') }))
        .statusCode,
    ).toBe(403);
    const own = await registerAs(ctx.db, secretaryPersonId, {
      shortcomings: 'Có lúc giao việc chưa rõ người, rõ việc.',
      actions: ['Phân công bằng văn bản mỗi đầu tháng'],
    });
    expect(own.isLeader).toBe(true);
    expect((await secretaryC1.get(`/api/registrations/leaders-missing?unitId=${tree.C1.id}&year=2026`)).json()).toEqual([]);

    const list = (await secretaryC1.get(`/api/registrations?year=2026&unitId=${tree.C1.id}`)).json();
    expect(list.total).toBe(5);
    expect(list.items[0].kind).toBe('collective');
    expect(list.items[1]).toMatchObject({ id: own.id, isLeader: true });
    const searched = (
      await secretaryC1.get(`/api/registrations?year=2026&unitId=${tree.C1.id}&q=${encodeURIComponent('tre gio hop')}`)
    ).json();
    expect(searched.items.map((item: { id: number }) => item.id)).toEqual([other]);
    const drafts = (await secretaryC1.get(`/api/registrations?year=2026&unitId=${tree.C1.id}&status=draft`)).json();
    expect(drafts.items.map((item: { kind: string }) => item.kind)).toEqual(['collective']);
    const provinceWide = (await officerR.get('/api/registrations?year=2026&kind=individual&pageSize=50')).json();
    expect(provinceWide.total).toBe(6);
  });

  it('approves many at once, reporting a stale one and approving the others', async () => {
    const current = (await secretaryC1.get(`/api/registrations?year=2026&unitId=${tree.C1.id}&status=submitted`)).json().items as Array<{
      id: number;
      version: number;
    }>;
    const items = current.map((item) => ({ id: item.id, version: item.id === other ? item.version - 1 : item.version }));
    const result = await secretaryC1.send('POST', '/api/registrations/approve', { items });
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json().failed).toEqual([{ id: other, code: 'VERSION_CONFLICT', message: expect.any(String) }]);
    expect(result.json().approved.sort()).toEqual(
      items
        .filter((item) => item.id !== other)
        .map((item) => item.id)
        .sort(),
    );
    expect((await rowOf(other)).status).toBe('submitted');
    expect((await rowOf(copyC1)).status).toBe('approved');
    const outside = await secretaryC1.send('POST', '/api/registrations/approve', {
      items: [{ id: copyC3, version: (await rowOf(copyC3)).version }],
    });
    expect(outside.statusCode).toBe(403);
    expect((await rowOf(copyC3)).status).toBe('submitted');
    expect((await secretaryC1.send('POST', '/api/registrations/approve', { items: [] })).statusCode).toBe(400);
  });

  it('approves none of a list when the request fails part-way, so a retry does exactly what the first try would have', async () => {
    const waiting = (await secretaryC1.get(`/api/registrations?year=2026&unitId=${tree.C1.id}&status=submitted`)).json().items as Array<{
      id: number;
      version: number;
    }>;
    expect(waiting.length).toBeGreaterThan(0);
    // A second registration fails with an unexpected database error once the first is approved:
    // what a server dying half-way through the list looks like to the data.
    const [first] = waiting;
    const late = await registerAs(
      ctx.db,
      (await addPerson(ctx.db, tree.C2.path, { fullName: 'Vũ Thị Sáu', unitId: tree.C2.id, cardNumber: card() })).id,
      {
        shortcomings: 'Chưa mạnh dạn góp ý trong sinh hoạt chi bộ.',
        actions: ['Mỗi kỳ sinh hoạt phát biểu ít nhất một ý kiến'],
      },
    );
    await ctx.db.execute(
      sql.raw(`
      CREATE FUNCTION refuse_test_approval() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'mất kết nối giữa chừng'; END $$;
      CREATE TRIGGER refuse_test_approval BEFORE UPDATE ON registrations FOR EACH ROW WHEN (NEW.id = ${late.id} AND NEW.status = 'approved')
      EXECUTE FUNCTION refuse_test_approval();`),
    );
    const items = [
      { id: first!.id, version: first!.version },
      { id: late.id, version: late.version },
    ];
    const approvedBefore = await counter(tree.R.id, REGISTRATION_METRICS.bucket('individual', 'approved', 2026));
    try {
      const interrupted = await officerR.send('POST', '/api/registrations/approve', { items });
      expect(interrupted.statusCode).toBe(500);
      expect((await rowOf(first!.id)).status).toBe('submitted');
      expect(await counter(tree.R.id, REGISTRATION_METRICS.bucket('individual', 'approved', 2026))).toBe(approvedBefore);
    } finally {
      await ctx.db.execute(sql.raw('DROP TRIGGER refuse_test_approval ON registrations; DROP FUNCTION refuse_test_approval();'));
    }
    const retried = await officerR.send('POST', '/api/registrations/approve', { items });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toEqual({ approved: [first!.id, late.id].sort((a, b) => a - b), failed: [] });
    expect(await counter(tree.R.id, REGISTRATION_METRICS.bucket('individual', 'approved', 2026))).toBe(approvedBefore + 2);
  });

  it('exports the filtered list to Excel with the shortcomings and actions written out', async () => {
    const response = await secretaryC1.get(`/api/exports/registrations?year=2026&unitId=${tree.C1.id}&kind=individual`);
    expect(response.statusCode, response.body).toBe(200);
    const sheet = [...(await readWorkbook(response.rawPayload)).values()][0]!;
    expect(sheet.length).toBe(1 + 4);
    expect(sheet[0]![1]).toBe('Người, tập thể đăng ký');
    const copyRow = sheet.find((row) => row[1] === 'Trần Văn Một')!;
    expect(String(copyRow[6])).toContain('Hoàn thành khóa học kỹ năng số cơ bản trong quý II');
    expect(Number(copyRow[7])).toBeGreaterThanOrEqual(60);
    expect((await secretaryC2.get(`/api/exports/registrations?year=2026&unitId=${tree.C1.id}`)).statusCode).toBe(403);
  });

  it('keeps every figure equal to a recount of the rows', async () => {
    const buckets = {
      registered: ['submitted', 'returned', 'approved', 'published'],
      approved: ['approved', 'published'],
      published: ['published'],
      returned: ['returned'],
    };
    for (const unit of [tree.C1, tree.C2, tree.C3, tree.A, tree.B, tree.R]) {
      for (const kind of ['individual', 'collective'] as const) {
        for (const [bucket, statuses] of Object.entries(buckets)) {
          const list = sql.join(
            statuses.map((status) => sql`${status}`),
            sql`, `,
          );
          const recount = await scalar(sql`
            SELECT count(*) AS value FROM registrations r JOIN units u ON u.id = r.unit_id
            WHERE u.path <@ ${unit.path}::ltree AND r.kind = ${kind} AND r.year = 2026 AND r.status IN (${list})`);
          expect(
            await counter(unit.id, REGISTRATION_METRICS.bucket(kind, bucket as 'registered', 2026)),
            `${unit.code} ${kind} ${bucket}`,
          ).toBe(recount);
        }
      }
      const leaders = await scalar(sql`
        SELECT count(*) AS value FROM registrations r JOIN units u ON u.id = r.unit_id
        WHERE u.path <@ ${unit.path}::ltree AND r.kind = 'individual' AND r.is_leader AND r.year = 2026 AND r.status <> 'draft'`);
      expect(await counter(unit.id, REGISTRATION_METRICS.leadersRegistered(2026))).toBe(leaders);
    }
  });
});

describe('whole-term registrations', () => {
  it('supplements the term registration in a later year, and refuses a wrong one', async () => {
    const opened = await officerB.send('POST', '/api/registration-windows', {
      unitId: tree.B.id,
      year: 2026,
      toYear: 2028,
      opensOn: '2026-01-05',
      closesOn: '2026-03-31',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const person = await addPerson(ctx.db, tree.C3.path, { fullName: 'Đinh Văn Nhiệm Kỳ', unitId: tree.C3.id, cardNumber: card() });
    const term = await registerAs(ctx.db, person.id, {
      shortcomings: 'Còn ngại nhận việc khó.',
      actions: ['Nhận phụ trách một việc khó của chi bộ mỗi năm'],
    });
    expect(term.windowId).toBe(opened.json().id);
    const wrong = registerAs(
      ctx.db,
      person.id,
      { shortcomings: 'Bổ sung năm 2027.', actions: ['Việc bổ sung'] },
      { year: 2027, supplementOfId: term.id + 999 },
    );
    await expect(wrong).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const supplement = await registerAs(
      ctx.db,
      person.id,
      { shortcomings: 'Bổ sung năm 2027 sau khi học chuyên đề.', actions: ['Việc làm bổ sung năm 2027'] },
      { year: 2027, supplementOfId: term.id },
    );
    expect(supplement).toMatchObject({ year: 2027, supplementOfId: term.id, status: 'submitted' });
  });
});

describe('one call saves and submits', () => {
  it('a collective registration written and submitted in one call, returned, then fixed and resubmitted in one call', async () => {
    const before = await counter(tree.C2.id, REGISTRATION_METRICS.bucket('collective', 'registered', 2026));
    const refused = await secretaryC2.send('POST', '/api/registrations/collective', {
      unitId: tree.C2.id,
      year: 2026,
      actions: actions('Việc'),
      submit: 'có',
    });
    expect(refused.statusCode).toBe(400);
    const created = await secretaryC2.send('POST', '/api/registrations/collective', {
      unitId: tree.C2.id,
      year: 2026,
      actions: actions('Chi bộ tổ chức sinh hoạt chuyên đề về phong cách quần chúng mỗi quý'),
      submit: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    let registration = created.json() as RegistrationDetail;
    expect(registration).toMatchObject({ status: 'submitted', revision: 1 });
    expect(await counter(tree.C2.id, REGISTRATION_METRICS.bucket('collective', 'registered', 2026))).toBe(before + 1);
    expect(await auditCount('registration.submit', registration.id)).toBe(1);

    const returned = await officerR.send('POST', `/api/registrations/${registration.id}/status`, {
      transition: 'return',
      version: registration.version,
      reason: 'Ghi rõ kết quả đo được của từng việc.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    registration = returned.json() as RegistrationDetail;
    const fixed = await secretaryC2.send('PATCH', `/api/registrations/${registration.id}`, {
      version: registration.version,
      shortcomings: '',
      actions: actions('Chi bộ tổ chức 4 buổi sinh hoạt chuyên đề về phong cách quần chúng trong năm'),
      submit: true,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ status: 'submitted', revision: 2 });
    expect(await auditCount('registration.submit', registration.id)).toBe(2);
  });
});
