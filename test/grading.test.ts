/**
 * Year-end grading end to end over HTTP: a member self-reviews (the campaign result pulled in),
 * the cell grades (the rule proposes, a different grade needs a reason), the commune returns it,
 * the member fixes it, the cell grades again, the commune decides, the live distribution moves, a
 * reopened decision takes it back. Collectives are graded by the level above. Outsiders and other
 * members read nothing; bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, readWorkbook, type Session } from './helpers/session';
import JSZip from 'jszip';
import { insertRegistration, linkUser } from './helpers/followup-rows';
import { gradeBody, memberGradingIn, memberScores, selfReviewBody } from './helpers/grading-rows';
import type { GradingFigureValues, GradingListPage, GradingView, MyGrading } from '../src/shared/contracts/grading';
import { QD366_2025 } from '../src/server/db/grading-rule-versions';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let member: Session;
let otherMember: Session;
let secretary: Session;
let communeCommittee: Session;
let communeOfficer: Session;
let outsider: Session;
let provinceAdmin: Session;
let person: { id: number };
const year = 2026;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  person = await addPerson(ctx.db, tree.C1.path, { fullName: 'Nguyễn Thị Hạnh', unitId: tree.C1.id, cardNumber: '95000001' });
  const other = await addPerson(ctx.db, tree.C1.path, { fullName: 'Lê Văn Bình', unitId: tree.C1.id, cardNumber: '95000002' });
  const memberUser = await addUser(ctx.db, 'hanh.c1', [{ unitId: tree.C1.id, role: 'member' }]);
  const otherUser = await addUser(ctx.db, 'binh.c1', [{ unitId: tree.C1.id, role: 'member' }]);
  await linkUser(ctx.db, memberUser.id, person.id);
  await linkUser(ctx.db, otherUser.id, other.id);
  await addUser(ctx.db, 'bithu.c1', [{ unitId: tree.C1.id, role: 'committee' }]);
  await addUser(ctx.db, 'thuongvu.a', [{ unitId: tree.A.id, role: 'committee' }]);
  await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }]);
  await addUser(ctx.db, 'canbo.b', [{ unitId: tree.B.id, role: 'officer' }]);
  member = await openSession(ctx.app, 'hanh.c1');
  otherMember = await openSession(ctx.app, 'binh.c1');
  secretary = await openSession(ctx.app, 'bithu.c1');
  communeCommittee = await openSession(ctx.app, 'thuongvu.a');
  communeOfficer = await openSession(ctx.app, 'canbo.a');
  outsider = await openSession(ctx.app, 'canbo.b');
  await addUser(ctx.db, 'quantri.r', [{ unitId: tree.R.id, role: 'admin' }]);
  provinceAdmin = await openSession(ctx.app, 'quantri.r');
  // The member's campaign registration, reviewed by the cell as "completed well".
  const { id } = await insertRegistration(ctx.db, tree.C1, { personId: person.id, status: 'reviewed', year });
  await ctx.db.execute(sql`UPDATE registrations SET review_level = 'completed_well', self_level = 'completed_well' WHERE id = ${id}`);
});
afterAll(() => ctx.close());

async function ok<T>(response: { statusCode: number; body: string; json(): unknown }, status = 200): Promise<T> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

async function figuresOf(unitId: number) {
  return ok<{ figures: GradingFigureValues; children: Array<{ unit: { id: number }; figures: GradingFigureValues }> }>(
    await communeCommittee.get(`/api/grading-figures?unitId=${unitId}&year=${year}`),
  );
}

async function rowOf(id: number) {
  const rows = await ctx.db.execute<{
    status: string;
    version: number;
    strengths: string;
    grade: string | null;
    decided_grade: string | null;
  }>(sql`SELECT status, version, strengths, grade, decided_grade FROM gradings WHERE id = ${id}`);
  return rows.rows[0]!;
}

describe("a member's grading, from self-review to decision", () => {
  let grading: GradingView;

  it('the member sees where the self-review will be opened, the rule of the year and the campaign result with its suggested points', async () => {
    const mine = await ok<MyGrading>(await member.get(`/api/gradings/mine?year=${year}`));
    expect(mine.grading).toBeNull();
    expect(mine.unit?.name).toBe('Chi bộ Khu phố 1');
    expect(mine.rule?.code).toBe('QD366-2025');
    expect(mine.campaign).toMatchObject({ level: 'completed_well', suggestedPoints: 6, criterion: 'example' });
  });

  it('the member opens it; a second opening is refused', async () => {
    grading = await ok<GradingView>(await member.send('POST', '/api/gradings', { subject: 'member', year, personId: person.id }), 201);
    expect(grading).toMatchObject({ status: 'draft', person: { name: 'Nguyễn Thị Hạnh' }, unit: { name: 'Chi bộ Khu phố 1' } });
    expect(grading.steps).toEqual(['saveSelf', 'submitSelf']);
    const again = await member.send('POST', '/api/gradings', { subject: 'member', year, personId: person.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
  });

  it('a member may not open the grading of another member', async () => {
    const response = await otherMember.send('POST', '/api/gradings', { subject: 'member', year, personId: person.id });
    expect(response.statusCode).toBe(403);
  });

  it('a score above its maximum is refused with the criterion named, and nothing is written', async () => {
    const body = selfReviewBody(grading.version, 80);
    const response = await member.send('PUT', `/api/gradings/${grading.id}/self-review`, {
      ...body,
      scores: { ...body.scores, politics: 7 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.json().error.message).toContain('Tư tưởng chính trị');
    expect(await rowOf(grading.id)).toMatchObject({ version: 1, strengths: '', status: 'draft' });
  });

  it('the member saves a draft, then saves and sends in one call', async () => {
    grading = await ok<GradingView>(
      await member.send('PUT', `/api/gradings/${grading.id}/self-review`, selfReviewBody(grading.version, 80)),
    );
    expect(grading).toMatchObject({ status: 'draft', version: 2, selfReview: { total: 80, grade: 'good' } });
    grading = await ok<GradingView>(
      await member.send('PUT', `/api/gradings/${grading.id}/self-review`, selfReviewBody(grading.version, 84, true)),
    );
    expect(grading).toMatchObject({ status: 'self_reviewed', selfReview: { total: 84 } });
    expect(grading.steps).toEqual([]);
    expect(grading.history.map((event) => event.action)).toEqual(['submitSelf']);
  });

  it('the member cannot grade themself', async () => {
    const response = await member.send('POST', `/api/gradings/${grading.id}/grade`, gradeBody(grading.version));
    expect(response.statusCode).toBe(403);
  });

  it('the cell grades: a grade other than the rule proposes is refused without a reason, and nothing changes', async () => {
    const body = { ...gradeBody(grading.version, 85), grade: 'excellent' };
    const refused = await secretary.send('POST', `/api/gradings/${grading.id}/grade`, body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('Hoàn thành tốt nhiệm vụ');
    expect(refused.json().error.details).toEqual({ proposedGrade: 'good' });
    expect((await rowOf(grading.id)).status).toBe('self_reviewed');
    grading = await ok<GradingView>(
      await secretary.send('POST', `/api/gradings/${grading.id}/grade`, {
        ...body,
        overrideReason: 'Có sáng kiến được thành phố công nhận.',
      }),
    );
    expect(grading.status).toBe('graded');
    expect(grading.assessment).toMatchObject({
      proposedGrade: 'good',
      proposedTotal: 85,
      grade: 'excellent',
      overrideReason: 'Có sáng kiến được thành phố công nhận.',
      votes: { for: 9, against: 0, abstain: 1 },
    });
    expect(grading.assessment.proposedReason).toContain('85 điểm');
  });

  it('the cell cannot decide; the commune returns it with a reason, which the member reads', async () => {
    expect((await secretary.send('POST', `/api/gradings/${grading.id}/decide`, { version: grading.version })).statusCode).toBe(403);
    const noReason = await communeCommittee.send('POST', `/api/gradings/${grading.id}/return`, { version: grading.version, reason: '' });
    expect(noReason.statusCode).toBe(400);
    grading = await ok<GradingView>(
      await communeCommittee.send('POST', `/api/gradings/${grading.id}/return`, {
        version: grading.version,
        reason: 'Bổ sung biện pháp khắc phục cụ thể.',
      }),
    );
    const seen = await ok<GradingView>(await member.get(`/api/gradings/${grading.id}`));
    expect(seen).toMatchObject({ status: 'returned', returnReason: 'Bổ sung biện pháp khắc phục cụ thể.' });
    expect(seen.steps).toEqual(['saveSelf', 'submitSelf']);
  });

  it('the member sends it again; the cell grades at the proposed grade, so no reason is kept', async () => {
    grading = await ok<GradingView>(
      await member.send('PUT', `/api/gradings/${grading.id}/self-review`, selfReviewBody(grading.version, 84, true)),
    );
    expect(grading.returnReason).toBeNull();
    grading = await ok<GradingView>(await secretary.send('POST', `/api/gradings/${grading.id}/grade`, gradeBody(grading.version, 84)));
    expect(grading.assessment).toMatchObject({ grade: 'good', overrideReason: null, proposedGrade: 'good' });
  });

  it('a stale version is refused and changes nothing', async () => {
    const response = await communeCommittee.send('POST', `/api/gradings/${grading.id}/decide`, { version: grading.version - 1 });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('VERSION_CONFLICT');
    expect((await rowOf(grading.id)).decided_grade).toBeNull();
  });

  it('the commune decides at the proposed grade; the distribution of the commune, the cell and the province moves', async () => {
    const before = await figuresOf(tree.A.id);
    grading = await ok<GradingView>(
      await communeCommittee.send('POST', `/api/gradings/${grading.id}/decide`, { version: grading.version }),
    );
    expect(grading.decision?.grade).toBe('good');
    const after = await figuresOf(tree.A.id);
    expect(after.figures.members.good).toBe(before.figures.members.good + 1);
    expect(after.figures.membersDecided).toBe(before.figures.membersDecided + 1);
    expect(after.children.find((child) => child.unit.id === tree.C1.id)?.figures.members.good).toBe(1);
    const province = await ok<{ figures: GradingFigureValues }>(
      await provinceAdmin.get(`/api/grading-figures?unitId=${tree.R.id}&year=${year}`),
    );
    expect(province.figures.members.good).toBe(1);
  });

  it('outsiders and other members read nothing of it', async () => {
    expect((await outsider.get(`/api/gradings/${grading.id}`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/gradings?unitId=${tree.A.id}&year=${year}`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/grading-figures?unitId=${tree.A.id}&year=${year}`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/gradings/${grading.id}/document`)).statusCode).toBe(403);
    expect((await otherMember.get(`/api/gradings/${grading.id}`)).statusCode).toBe(403);
    expect((await otherMember.get(`/api/gradings?unitId=${tree.C1.id}&year=${year}`)).statusCode).toBe(403);
    expect((await member.get(`/api/gradings/${grading.id}`)).statusCode).toBe(200);
  });

  it('a reopened decision leaves the distribution, with its reason in the history; deciding again counts once', async () => {
    const before = (await figuresOf(tree.A.id)).figures.members.good;
    grading = await ok<GradingView>(
      await communeCommittee.send('POST', `/api/gradings/${grading.id}/reopen`, {
        version: grading.version,
        reason: 'Đảng viên có đơn đề nghị xem xét lại.',
      }),
    );
    expect(grading.status).toBe('graded');
    expect((await figuresOf(tree.A.id)).figures.members.good).toBe(before - 1);
    grading = await ok<GradingView>(
      await communeCommittee.send('POST', `/api/gradings/${grading.id}/decide`, { version: grading.version, grade: 'good' }),
    );
    expect((await figuresOf(tree.A.id)).figures.members.good).toBe(before);
    expect(grading.history.map((event) => event.action)).toEqual([
      'submitSelf',
      'grade',
      'return',
      'submitSelf',
      'grade',
      'decide',
      'reopen',
      'decide',
    ]);
    const audit = await ctx.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'grading' AND entity_id = ${String(grading.id)}`,
    );
    expect(audit.rows[0]!.n).toBeGreaterThanOrEqual(9);
  });
});

describe('the list, proposals for all, decisions in bulk', () => {
  const place = () => ({ rootPath: tree.R.path, unit: tree.C2 });

  it('lists the members of the subtree with or without a grading, filtered and searched without diacritics', async () => {
    const all = await ok<GradingListPage>(await communeOfficer.get(`/api/gradings?unitId=${tree.C1.id}&year=${year}`));
    expect(all.items.map((item) => item.person?.name)).toEqual(['Lê Văn Bình', 'Nguyễn Thị Hạnh']);
    const none = await ok<GradingListPage>(await communeOfficer.get(`/api/gradings?unitId=${tree.C1.id}&year=${year}&status=none`));
    expect(none.items.map((item) => item.person?.name)).toEqual(['Lê Văn Bình']);
    const found = await ok<GradingListPage>(await communeOfficer.get(`/api/gradings?unitId=${tree.A.id}&year=${year}&q=nguyen thi hanh`));
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ decidedGrade: 'good', status: 'decided' });
  });

  it('computes the proposal of every self-reviewed member of a subtree from the self-scored sheet', async () => {
    const low = await memberGradingIn(ctx.db, place(), 'self_reviewed', 1);
    const high = await memberGradingIn(ctx.db, place(), 'self_reviewed', 2);
    await ctx.db.execute(sql`UPDATE gradings SET self_scores = ${JSON.stringify(memberScores(55))}::jsonb WHERE id = ${low.id}`);
    const answer = await ok<{ proposed: number }>(await communeOfficer.send('POST', '/api/gradings/propose', { unitId: tree.C2.id, year }));
    expect(answer.proposed).toBe(2);
    const list = await ok<GradingListPage>(await communeOfficer.get(`/api/gradings?unitId=${tree.C2.id}&year=${year}`));
    const proposed = Object.fromEntries(list.items.map((item) => [item.gradingId, item.proposedGrade]));
    expect(proposed[low.id]).toBe('done');
    expect(proposed[high.id]).toBe('good');
    expect((await rowOf(low.id)).status).toBe('self_reviewed');
  });

  it('decides many at once, all or none: one stale version and nothing is decided', async () => {
    const first = await memberGradingIn(ctx.db, place(), 'graded', 3);
    const second = await memberGradingIn(ctx.db, place(), 'graded', 4);
    const stale = await communeCommittee.send('POST', '/api/gradings/decide', {
      items: [first, { id: second.id, version: second.version - 1 }],
    });
    expect(stale.statusCode).toBe(409);
    expect((await rowOf(first.id)).decided_grade).toBeNull();
    const done = await ok<{ decided: number }>(await communeCommittee.send('POST', '/api/gradings/decide', { items: [first, second] }));
    expect(done.decided).toBe(2);
    expect((await rowOf(second.id)).decided_grade).toBe('good');
    const cell = (await figuresOf(tree.A.id)).children.find((child) => child.unit.id === tree.C2.id)!;
    expect(cell.figures.members.good).toBe(2);
  });

  it('flags "xuất sắc" above 20% of "tốt"', async () => {
    const excellent = await memberGradingIn(ctx.db, place(), 'graded', 5);
    const view = await ok<GradingView>(
      await communeCommittee.send('POST', `/api/gradings/${excellent.id}/decide`, {
        version: excellent.version,
        grade: 'excellent',
        note: 'Tiêu biểu',
      }),
    );
    expect(view.decision?.grade).toBe('excellent');
    const cell = (await figuresOf(tree.A.id)).children.find((child) => child.unit.id === tree.C2.id)!;
    expect(cell.figures.members).toMatchObject({ excellent: 1, good: 2 });
    expect(cell.figures.capExceeded).toBe(true);
  });
});

describe('collectives are graded by the level above', () => {
  it("the commune grades the cell; the cell's own secretary may write its self-review but not grade it", async () => {
    const created = await ok<GradingView>(
      await secretary.send('POST', '/api/gradings', { subject: 'collective', year, unitId: tree.C1.id }),
      201,
    );
    const scores = Object.fromEntries(QD366_2025.collective.criteria.map((criterion) => [criterion.code, criterion.max - 1]));
    const self = {
      version: created.version,
      strengths: 'Duy trì sinh hoạt đều đặn.',
      shortcomings: '',
      remedies: '',
      scores,
      conditions: [],
      selfGrade: 'good',
      submit: true,
    };
    const submitted = await ok<GradingView>(await secretary.send('PUT', `/api/gradings/${created.id}/self-review`, self));
    const grade = { version: submitted.version, scores, conditions: [], comment: '', grade: 'good', overrideReason: null, votes: null };
    expect((await secretary.send('POST', `/api/gradings/${created.id}/grade`, grade)).statusCode).toBe(403);
    const graded = await ok<GradingView>(await communeOfficer.send('POST', `/api/gradings/${created.id}/grade`, grade));
    expect(graded.assessment.proposedGrade).toBe('good');
    expect((await communeOfficer.send('POST', `/api/gradings/${created.id}/decide`, { version: graded.version })).statusCode).toBe(403);
    // The level above sees the cell's members' results beside its self-review: Nguyễn Thị Hạnh, "tốt".
    expect(graded.subtreeResults).toEqual({
      members: { excellent: 0, good: 1, done: 0, not_done: 0 },
      collectives: { excellent: 0, good: 0, done: 0, not_done: 0 },
    });
    const decided = await ok<GradingView>(
      await communeCommittee.send('POST', `/api/gradings/${created.id}/decide`, { version: graded.version }),
    );
    expect(decided.subtreeResults?.collectives.good).toBe(0);
    const figures = await figuresOf(tree.A.id);
    expect(figures.figures.collectives.good).toBe(1);
    const list = await ok<GradingListPage>(await communeOfficer.get(`/api/gradings?unitId=${tree.A.id}&year=${year}&subject=collective`));
    expect(list.items.map((item) => [item.unit.name, item.decidedGrade])).toEqual([
      ['Chi bộ Khu phố 1', 'good'],
      ['Chi bộ Khu phố 2', null],
    ]);
  });

  it('the top of the tree and a unit that is not a Party organisation are not graded as collectives', async () => {
    const session = provinceAdmin;
    const top = await session.send('POST', '/api/gradings', { subject: 'collective', year, unitId: tree.R.id });
    expect(top.statusCode).toBe(400);
    const early = await session.send('POST', '/api/gradings', { subject: 'collective', year: 2019, unitId: tree.C1.id });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('năm 2019');
  });
});

describe('a new rule version is data', () => {
  it('an administrator adds the version for 2027; a broken version is refused and nothing is added', async () => {
    const admin = provinceAdmin;
    const broken = { ...QD366_2025, bands: [...QD366_2025.bands].reverse() };
    const refused = await admin.send('POST', '/api/grading-rules', {
      code: 'QD-2027',
      name: 'Quy định năm 2027',
      validFromYear: 2027,
      config: broken,
    });
    expect(refused.statusCode).toBe(400);
    expect((await ctx.db.execute(sql`SELECT 1 FROM grading_rules WHERE code = 'QD-2027'`)).rows).toHaveLength(0);
    const stricter = { ...QD366_2025, bands: QD366_2025.bands.map((band) => (band.grade === 'good' ? { ...band, min: 80 } : band)) };
    await ok(
      await admin.send('POST', '/api/grading-rules', { code: 'QD-2027', name: 'Quy định năm 2027', validFromYear: 2027, config: stricter }),
      201,
    );
    expect(
      (await communeOfficer.send('POST', '/api/grading-rules', { code: 'X', name: 'X', validFromYear: 2028, config: stricter })).statusCode,
    ).toBe(403);
    const next = await memberGradingIn(ctx.db, { rootPath: tree.R.path, unit: tree.C2 }, 'self_reviewed', 6, 2027);
    const graded = await communeOfficer.send('POST', `/api/gradings/${next.id}/grade`, { ...gradeBody(next.version, 75), grade: 'done' });
    expect(graded.statusCode, graded.body).toBe(200);
    expect((graded.json() as GradingView).rule.code).toBe('QD-2027');
    expect((graded.json() as GradingView).assessment.proposedGrade).toBe('done');
  });
});

describe('documents', () => {
  const textOf = async (payload: Buffer) =>
    (await (await JSZip.loadAsync(payload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');

  it("the member's self-review form reads back with the member's words, the scored sheet and the decision", async () => {
    const mine = await ok<MyGrading>(await member.get(`/api/gradings/mine?year=${year}`));
    const response = await member.get(`/api/gradings/${mine.grading!.id}/document`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('.docx');
    const text = await textOf(response.rawPayload);
    expect(text).toContain('BẢN KIỂM ĐIỂM');
    expect(text).toContain('Nguyễn Thị Hạnh');
    expect(text).toContain('Gương mẫu chấp hành chủ trương của Đảng');
    expect(text).toContain('Tư tưởng chính trị');
    expect(text).toContain('84');
    expect(text).toContain('Hoàn thành tốt');
  });

  it("the cell's grading record lists its members with the proposed and decided grades", async () => {
    const response = await communeOfficer.get(`/api/exports/grading-record?unitId=${tree.C1.id}&year=${year}`);
    expect(response.statusCode).toBe(200);
    const text = await textOf(response.rawPayload);
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Nguyễn Thị Hạnh');
    expect(text).toContain('HTTNV');
    expect(text).toContain('Quy định 366-QĐ/TW');
  });

  it("the subtree's result table has one row per grading, with the grades in words", async () => {
    const response = await communeOfficer.get(`/api/exports/grading-results?unitId=${tree.A.id}&year=${year}`);
    expect(response.statusCode).toBe(200);
    const sheets = await readWorkbook(response.rawPayload);
    const members = sheets.get('Đảng viên')!.flat().map(String);
    expect(members).toContain('Nguyễn Thị Hạnh');
    expect(members).toContain('Hoàn thành xuất sắc nhiệm vụ');
    const collectives = sheets.get('Tổ chức đảng')!.flat().map(String);
    expect(collectives).toContain('Chi bộ Khu phố 1');
    const counted = await ctx.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM gradings g JOIN units u ON u.id = g.unit_id WHERE u.path <@ ${tree.A.path}::ltree AND g.year = ${year} AND g.subject = 'member'`,
    );
    const names = sheets.get('Đảng viên')!.filter((row) => typeof row[0] === 'number');
    expect(names).toHaveLength(counted.rows[0]!.n);
  });

  it('the distribution exports by child unit', async () => {
    const response = await communeOfficer.get(`/api/exports/grading-figures?unitId=${tree.A.id}&year=${year}`);
    expect(response.statusCode).toBe(200);
    const rows = (await readWorkbook(response.rawPayload)).get('Xếp loại')!;
    const cell = rows.find((row) => row[1] === 'Chi bộ Khu phố 2')!;
    const header = rows.find((row) => row[0] === 'Mã đơn vị')!;
    // Khu phố 2: two "tốt" and one "xuất sắc" decided above.
    expect(cell[header.indexOf('Đảng viên hoàn thành tốt nhiệm vụ')]).toBe(2);
    expect(cell[header.indexOf('Đảng viên hoàn thành xuất sắc nhiệm vụ')]).toBe(1);
  });
});
