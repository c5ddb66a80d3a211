import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { readFigures } from '../src/server/platform/figures';
import { todayIso } from '../src/server/platform/dates';
import { PROGRAMME_METRICS } from '../src/server/modules/figures/programme-metrics';
import { listApplicableTopics } from '../src/server/modules/programme/index';
import { countingDay } from '../src/server/modules/programme/breakthroughs.figures';
import { addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, type Session } from './helpers/session';
import { tinyPng } from './helpers/tiny-files';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const as: Record<string, Session> = {};

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  const users: Array<[string, keyof typeof tree, 'admin' | 'officer' | 'committee' | 'member' | 'viewer']> = [
    ['admin.r', 'R', 'admin'],
    ['admin.a', 'A', 'admin'],
    ['officer.r', 'R', 'officer'],
    ['officer.a', 'A', 'officer'],
    ['officer.b', 'B', 'officer'],
    ['committee.c1', 'C1', 'committee'],
    ['member.a', 'A', 'member'],
    ['viewer.r', 'R', 'viewer'],
  ];
  for (const [username, unit, role] of users) {
    await addUser(ctx.db, username, [{ unitId: tree[unit].id, role }]);
    as[username] = await openSession(ctx.app, username);
  }
});
afterAll(() => ctx.close());

const session = (name: string): Session => {
  const found = as[name];
  if (!found) throw new Error(`no session ${name}`);
  return found;
};

async function count(table: string, where = sql`TRUE`): Promise<number> {
  const result = await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)} WHERE ${where}`);
  return Number(result.rows[0]?.n ?? 0);
}

async function auditActions(entityType: string, entityId: number): Promise<string[]> {
  const result = await ctx.db.execute<{ action: string }>(
    sql`SELECT action FROM audit_log WHERE entity_type = ${entityType} AND entity_id = ${String(entityId)} ORDER BY id`,
  );
  return result.rows.map((row) => row.action);
}

let planSerial = 0;
function newPlan(unitId: number, overrides: Record<string, unknown> = {}) {
  planSerial += 1;
  return {
    unitId,
    numberSymbol: `${20 + planSerial}-KH/TU`,
    title: 'Kế hoạch thực hiện Chỉ thị 05-CT/TW năm 2026',
    issuedOn: '2026-01-15',
    fromYear: 2026,
    toYear: 2026,
    legalBasisIds: [1, 2],
    taskGroups: [
      { title: 'Học tập chuyên đề', contents: ['Tổ chức hội nghị học tập chuyên đề năm 2026', 'Mỗi đảng viên viết thu hoạch'] },
      { title: 'Xây dựng chuẩn mực đạo đức', contents: ['Rà soát chuẩn mực đạo đức của chi bộ'] },
    ],
    ...overrides,
  };
}

describe('legal bases', () => {
  it('lists the two seeded documents to every reader', async () => {
    const response = await session('member.a').get('/api/legal-bases');
    expect(response.statusCode).toBe(200);
    expect(response.json().map((basis: { symbol: string }) => basis.symbol)).toEqual(['05-CT/TW', '01-KL/TW']);
  });

  it('lets only an administrator of a top-level unit add and deactivate a basis', async () => {
    const body = { symbol: '21-KL/TW', title: 'Kết luận số 21-KL/TW về xây dựng, chỉnh đốn Đảng', issuedOn: '2021-10-25' };
    for (const name of ['officer.r', 'admin.a']) {
      const refused = await session(name).send('POST', '/api/legal-bases', body);
      expect(refused.statusCode).toBe(403);
    }
    expect(await count('legal_bases')).toBe(2);
    const created = await session('admin.r').send('POST', '/api/legal-bases', body);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    const duplicate = await session('admin.r').send('POST', '/api/legal-bases', { ...body, symbol: '21-kl/tw' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('DUPLICATE');

    const off = await session('admin.r').send('PATCH', `/api/legal-bases/${id}`, { isActive: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().isActive).toBe(false);
    const active = (await session('officer.r').get('/api/legal-bases')).json() as Array<{ id: number }>;
    expect(active.map((basis) => basis.id)).not.toContain(id);
    const all = (await session('officer.r').get('/api/legal-bases?includeInactive=true')).json() as Array<{ id: number }>;
    expect(all.map((basis) => basis.id)).toContain(id);
    expect(await auditActions('legal_basis', id)).toEqual(['legal_basis.create', 'legal_basis.update']);

    // A deactivated basis cannot be newly cited.
    const plan = await session('officer.r').send('POST', '/api/plans', newPlan(tree.R.id, { legalBasisIds: [1, id] }));
    expect(plan.statusCode).toBe(400);
    expect(plan.json().error.message).toContain('21-KL/TW');
  });
});

describe('plans', () => {
  let provincePlan: { id: number; version: number };

  it('lets the province officer record a plan with task groups, legal bases and a file', async () => {
    const png = await session('officer.r').upload(`/api/files?unitId=${tree.R.id}&purpose=plan`, {
      fileName: 'ke-hoach.png',
      content: tinyPng(),
      contentType: 'image/png',
    });
    expect(png.statusCode).toBe(201);
    const response = await session('officer.r').send(
      'POST',
      '/api/plans',
      newPlan(tree.R.id, { numberSymbol: '23-KH/TU', title: 'Kế hoạch học tập và làm theo năm 2026', fileIds: [png.json().id] }),
    );
    expect(response.statusCode).toBe(201);
    const plan = response.json();
    provincePlan = plan;
    expect(plan.unit).toEqual({ id: tree.R.id, code: 'R', name: 'Tỉnh ủy Thử nghiệm' });
    expect(plan.legalBases.map((basis: { symbol: string }) => basis.symbol)).toEqual(['05-CT/TW', '01-KL/TW']);
    expect(plan.taskGroups).toHaveLength(2);
    expect(plan.files).toEqual([expect.objectContaining({ id: png.json().id, name: 'ke-hoach.png', contentType: 'image/png' })]);
    expect(plan.canEdit).toBe(true);

    const rows = await ctx.db.execute<{ search_text: string; task_groups: unknown; created_by: number }>(
      sql`SELECT search_text, task_groups, created_by FROM plans WHERE id = ${plan.id}`,
    );
    expect(rows.rows[0]?.search_text).toContain('ke hoach hoc tap va lam theo nam 2026');
    expect(rows.rows[0]?.task_groups).toEqual(newPlan(0).taskGroups);
    const file = await ctx.db.execute<{ owner_type: string; owner_id: number }>(
      sql`SELECT owner_type, owner_id FROM stored_files WHERE id = ${png.json().id}`,
    );
    expect(file.rows[0]).toEqual({ owner_type: 'plan', owner_id: plan.id });
    expect(await auditActions('plan', plan.id)).toEqual(['plan.create']);
  });

  it('shows the plan to every unit below, marked as coming from above, and to nobody outside', async () => {
    const fromCell = await session('committee.c1').get(`/api/plans?unitId=${tree.C1.id}&level=above`);
    expect(fromCell.statusCode).toBe(200);
    expect(fromCell.json().items.map((plan: { id: number }) => plan.id)).toContain(provincePlan.id);
    expect(fromCell.json().items[0].canEdit).toBe(false);
    const detail = await session('committee.c1').get(`/api/plans/${provincePlan.id}`);
    expect(detail.statusCode).toBe(200);
    const own = await session('committee.c1').get(`/api/plans?unitId=${tree.C1.id}&level=own`);
    expect(own.json().total).toBe(0);
    // The cell secretary cannot look at the list of a unit outside the cell.
    const outside = await session('committee.c1').get(`/api/plans?unitId=${tree.B.id}`);
    expect(outside.statusCode).toBe(403);
  });

  it('keeps a commune plan inside its commune: a sibling commune cannot read it', async () => {
    const created = await session('officer.a').send(
      'POST',
      '/api/plans',
      newPlan(tree.A.id, { numberSymbol: '05-KH/ĐU', title: 'Kế hoạch của Đảng ủy phường An Bình' }),
    );
    expect(created.statusCode).toBe(201);
    const planA = created.json();
    expect((await session('officer.b').get(`/api/plans/${planA.id}`)).statusCode).toBe(403);
    const listB = await session('officer.b').get(`/api/plans?unitId=${tree.B.id}`);
    expect(listB.json().items.map((plan: { id: number }) => plan.id)).toEqual([provincePlan.id]);
    // The province sees its own plan and the commune's below it.
    const listR = await session('viewer.r').get(`/api/plans?unitId=${tree.R.id}&level=below`);
    expect(listR.json().items.map((plan: { id: number }) => plan.id)).toEqual([planA.id]);
  });

  it('finds plans by words typed without diacritics, by year and sorted', async () => {
    const found = await session('officer.a').get(`/api/plans?unitId=${tree.A.id}&q=${encodeURIComponent('hoc tap va lam theo')}`);
    expect(found.json().items.map((plan: { numberSymbol: string }) => plan.numberSymbol)).toEqual(['23-KH/TU']);
    const byContent = await session('officer.a').get(`/api/plans?unitId=${tree.A.id}&q=${encodeURIComponent('RA SOAT CHUAN MUC')}`);
    expect(byContent.json().total).toBe(2);
    const term = await session('officer.r').send(
      'POST',
      '/api/plans',
      newPlan(tree.R.id, { numberSymbol: '02-KH/TU', fromYear: 2025, toYear: 2030, issuedOn: '2025-09-01' }),
    );
    expect(term.statusCode).toBe(201);
    const in2028 = await session('officer.r').get(`/api/plans?unitId=${tree.R.id}&year=2028`);
    expect(in2028.json().items.map((plan: { numberSymbol: string }) => plan.numberSymbol)).toEqual(['02-KH/TU']);
    const oldestFirst = await session('officer.r').get(`/api/plans?unitId=${tree.R.id}&sort=issuedOn&order=asc&pageSize=1`);
    expect(oldestFirst.json().items[0].numberSymbol).toBe('02-KH/TU');
    expect(oldestFirst.json().total).toBe(3);
  });

  it('gives the plan as a Party-format Word document to the units below, and to no other branch', async () => {
    const planA = (await session('officer.a').get(`/api/plans?unitId=${tree.A.id}&level=own`)).json().items[0];
    const response = await session('committee.c1').get(`/api/plans/${planA.id}/document`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('Kế hoạch 05-KH-ĐU.docx'));
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of [
      'ĐẢNG BỘ TỈNH THỬ NGHIỆM',
      'ĐẢNG ỦY PHƯỜNG AN BÌNH',
      'Số 05-KH/ĐU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'An Bình, ngày 15 tháng 01 năm 2026',
      'KẾ HOẠCH',
      'I. HỌC TẬP CHUYÊN ĐỀ',
      '1. Tổ chức hội nghị học tập chuyên đề năm 2026',
      'Căn cứ chỉ thị số 05-CT/TW',
    ]) {
      expect(text).toContain(expected);
    }
    expect(xml).toContain('Times New Roman');
    expect((await session('officer.b').get(`/api/plans/${planA.id}/document`)).statusCode).toBe(403);
  });

  it('edits with the version read, and refuses a stale version without changing anything', async () => {
    const changed = await session('officer.r').send('PATCH', `/api/plans/${provincePlan.id}`, {
      ...newPlan(tree.R.id, { numberSymbol: '23-KH/TU', title: 'Kế hoạch học tập và làm theo năm 2026 (sửa đổi)' }),
      unitId: undefined,
      version: provincePlan.version,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().version).toBe(provincePlan.version + 1);
    // The file list sent (none) replaces the attachments.
    expect(changed.json().files).toEqual([]);
    const stale = await session('officer.r').send('PATCH', `/api/plans/${provincePlan.id}`, {
      ...newPlan(tree.R.id, { numberSymbol: '23-KH/TU', title: 'Bản cũ' }),
      unitId: undefined,
      version: provincePlan.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const row = await ctx.db.execute<{ title: string }>(sql`SELECT title FROM plans WHERE id = ${provincePlan.id}`);
    expect(row.rows[0]?.title).toBe('Kế hoạch học tập và làm theo năm 2026 (sửa đổi)');
    provincePlan = changed.json();
  });

  it('refuses writes outside the subtree, without the role, and without a session', async () => {
    const before = await count('plans');
    expect((await session('officer.a').send('POST', '/api/plans', newPlan(tree.R.id))).statusCode).toBe(403);
    expect((await session('officer.a').send('POST', '/api/plans', newPlan(tree.B.id))).statusCode).toBe(403);
    expect((await session('committee.c1').send('POST', '/api/plans', newPlan(tree.C1.id))).statusCode).toBe(403);
    expect((await session('member.a').send('POST', '/api/plans', newPlan(tree.A.id))).statusCode).toBe(403);
    expect(
      (
        await session('officer.a').send('PATCH', `/api/plans/${provincePlan.id}`, {
          ...newPlan(0),
          unitId: undefined,
          version: provincePlan.version,
        })
      ).statusCode,
    ).toBe(403);
    expect((await session('officer.a').send('DELETE', `/api/plans/${provincePlan.id}?version=${provincePlan.version}`)).statusCode).toBe(
      403,
    );
    expect((await ctx.app.inject({ method: 'GET', url: '/api/plans' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/plans/${provincePlan.id}` })).statusCode).toBe(401);
    expect(await count('plans')).toBe(before);
  });

  it('rejects bad input with a Vietnamese message and writes nothing', async () => {
    const before = [await count('plans'), await count('audit_log')];
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ fromYear: 2027, toYear: 2026 }, 400, 'VALIDATION_FAILED'],
      [{ taskGroups: [] }, 400, 'VALIDATION_FAILED'],
      [{ taskGroups: [{ title: 'Nhóm', contents: [] }] }, 400, 'VALIDATION_FAILED'],
      [{ numberSymbol: 'số 23 / KH' }, 400, 'VALIDATION_FAILED'],
      [{ issuedOn: '2026-02-30' }, 400, 'VALIDATION_FAILED'],
      [{ legalBasisIds: [999] }, 400, 'VALIDATION_FAILED'],
      [{ fileIds: [999999] }, 400, 'VALIDATION_FAILED'],
      [{ numberSymbol: '23-kh/tu' }, 409, 'DUPLICATE'],
    ];
    for (const [override, status, code] of cases) {
      const response = await session('officer.r').send('POST', '/api/plans', newPlan(tree.R.id, override));
      expect(response.statusCode, JSON.stringify(override)).toBe(status);
      expect(response.json().error.code).toBe(code);
      expect(response.json().error.message).toMatch(/[à-ỹ]/);
    }
    expect([await count('plans'), await count('audit_log')]).toEqual(before);
  });

  it('deletes softly with the version read: gone from lists, kept in the database and the audit', async () => {
    const stale = await session('officer.r').send('DELETE', `/api/plans/${provincePlan.id}?version=${provincePlan.version - 1}`);
    expect(stale.statusCode).toBe(409);
    const response = await session('officer.r').send('DELETE', `/api/plans/${provincePlan.id}?version=${provincePlan.version}`);
    expect(response.statusCode).toBe(204);
    const row = await ctx.db.execute<{ deleted: boolean }>(
      sql`SELECT deleted_at IS NOT NULL AS deleted FROM plans WHERE id = ${provincePlan.id}`,
    );
    expect(row.rows[0]?.deleted).toBe(true);
    expect((await session('officer.r').get(`/api/plans/${provincePlan.id}`)).statusCode).toBe(404);
    const list = await session('committee.c1').get(`/api/plans?unitId=${tree.C1.id}`);
    expect(list.json().items.map((plan: { id: number }) => plan.id)).not.toContain(provincePlan.id);
    expect(await auditActions('plan', provincePlan.id)).toEqual(['plan.create', 'plan.update', 'plan.delete']);
  });
});

describe('study topics', () => {
  const ids: Record<string, number> = {};

  it('lets each level issue topics for a year or a whole term', async () => {
    const topics: Array<[string, string, number, string, number, number]> = [
      ['term', 'officer.r', tree.R.id, 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh nhiệm kỳ 2025–2030', 2025, 2030],
      [
        'r2026',
        'officer.r',
        tree.R.id,
        'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng Đảng trong sạch, vững mạnh',
        2026,
        2026,
      ],
      ['r2024', 'officer.r', tree.R.id, 'Chuyên đề năm 2024', 2024, 2024],
      ['a2026', 'officer.a', tree.A.id, 'Chuyên đề riêng của phường An Bình về văn minh đô thị', 2026, 2026],
      ['b2026', 'officer.b', tree.B.id, 'Chuyên đề riêng của xã Đông Hòa', 2026, 2026],
    ];
    for (const [key, who, unitId, title, fromYear, toYear] of topics) {
      const response = await session(who).send('POST', '/api/topics', {
        unitId,
        title,
        fromYear,
        toYear,
        description: 'Tài liệu sinh hoạt chi bộ',
      });
      expect(response.statusCode, key).toBe(201);
      ids[key] = response.json().id;
    }
    expect(await count('study_topics')).toBe(5);
    expect(await auditActions('study_topic', ids.term!)).toEqual(['topic.create']);
  });

  it('answers which topics a cell studies in a year: its ancestors and its own, within their years', async () => {
    const response = await session('committee.c1').get(`/api/topics?unitId=${tree.C1.id}&year=2026&applicable=true`);
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((topic: { id: number }) => topic.id)).toEqual([ids.term, ids.r2026, ids.a2026]);
    const direct = await listApplicableTopics(ctx.db, tree.C1.path, 2026);
    expect(direct.map((topic) => topic.id)).toEqual([ids.term, ids.r2026, ids.a2026]);
    expect(direct[0]?.unit.name).toBe('Tỉnh ủy Thử nghiệm');
    expect((await listApplicableTopics(ctx.db, tree.C3.path, 2024)).map((topic) => topic.id)).toEqual([ids.r2024]);
    expect((await listApplicableTopics(ctx.db, tree.C3.path, 2031)).map((topic) => topic.id)).toEqual([]);

    const noYear = await session('committee.c1').get(`/api/topics?unitId=${tree.C1.id}&applicable=true`);
    expect(noYear.statusCode).toBe(400);
    const outside = await session('officer.b').get(`/api/topics?unitId=${tree.C1.id}&year=2026&applicable=true`);
    expect(outside.statusCode).toBe(403);
  });

  it('lists by level and searches without diacritics', async () => {
    const above = await session('officer.a').get(`/api/topics?unitId=${tree.A.id}&level=above&year=2026`);
    expect(
      above
        .json()
        .items.map((topic: { id: number }) => topic.id)
        .sort(),
    ).toEqual([ids.term, ids.r2026].sort());
    const found = await session('officer.a').get(`/api/topics?unitId=${tree.A.id}&q=${encodeURIComponent('van minh do thi')}`);
    expect(found.json().items.map((topic: { id: number }) => topic.id)).toEqual([ids.a2026]);
    expect(found.json().items[0].canEdit).toBe(true);
  });

  it('edits with a version check, refuses another branch and deletes softly', async () => {
    const topic = (await session('officer.a').get(`/api/topics/${ids.a2026}`)).json();
    const body = { title: 'Chuyên đề của phường An Bình năm 2026', description: null, fromYear: 2026, toYear: 2026, fileIds: [] };
    expect((await session('officer.b').send('PATCH', `/api/topics/${ids.a2026}`, { ...body, version: topic.version })).statusCode).toBe(
      403,
    );
    expect(
      (await session('officer.a').send('PATCH', `/api/topics/${ids.a2026}`, { ...body, fromYear: 2027, version: topic.version }))
        .statusCode,
    ).toBe(400);
    const saved = await session('officer.a').send('PATCH', `/api/topics/${ids.a2026}`, { ...body, version: topic.version });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().title).toBe('Chuyên đề của phường An Bình năm 2026');
    expect((await session('officer.a').send('PATCH', `/api/topics/${ids.a2026}`, { ...body, version: topic.version })).statusCode).toBe(
      409,
    );
    expect((await session('officer.a').send('DELETE', `/api/topics/${ids.a2026}?version=${saved.json().version}`)).statusCode).toBe(204);
    expect((await listApplicableTopics(ctx.db, tree.C1.path, 2026)).map((row) => row.id)).toEqual([ids.term, ids.r2026]);
    expect(await auditActions('study_topic', ids.a2026!)).toEqual(['topic.create', 'topic.update', 'topic.delete']);
  });
});

describe('breakthrough contents', () => {
  const year = 2026;
  const source: number[] = [];

  async function recount(unitPath: string) {
    const result = await ctx.db.execute<{ total: number; done: number }>(sql`
      SELECT count(*) AS total, count(*) FILTER (WHERE b.status = 'done') AS done
      FROM breakthrough_contents b JOIN units u ON u.id = b.unit_id
      WHERE b.deleted_at IS NULL AND b.year = ${year} AND u.path <@ ${unitPath}::ltree`);
    return { total: Number(result.rows[0]?.total ?? 0), done: Number(result.rows[0]?.done ?? 0) };
  }

  async function counters(unitId: number, asOf = '2100-01-01') {
    const figures = await readFigures(
      ctx.db,
      [unitId],
      [PROGRAMME_METRICS.breakthroughs(year), PROGRAMME_METRICS.breakthroughsDone(year)],
      asOf,
    );
    const values = figures.get(unitId) ?? {};
    return { total: values[PROGRAMME_METRICS.breakthroughs(year)] ?? 0, done: values[PROGRAMME_METRICS.breakthroughsDone(year)] ?? 0 };
  }

  async function expectFiguresMatchRecount() {
    for (const unit of [tree.R, tree.A, tree.B, tree.C1, tree.C3]) {
      expect(await counters(unit.id), unit.code).toEqual(await recount(unit.path));
    }
  }

  const get = async (id: number) => (await session('officer.r').get(`/api/breakthroughs/${id}`)).json();

  it('lets the province choose its contents for the year, counted from the rule day', async () => {
    const titles = [
      'Chuyển đổi số trong công tác đảng',
      'Cải cách hành chính, nâng cao chỉ số hài lòng',
      'Xây dựng nông thôn mới kiểu mẫu',
    ];
    for (const title of titles) {
      const response = await session('officer.r').send('POST', '/api/breakthroughs', {
        unitId: tree.R.id,
        year,
        title,
        ownerUnitId: tree.R.id,
        target: '100% đơn vị triển khai',
        deadline: '2026-12-15',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ status: 'open', progressPercent: 0, adoptedFrom: null, unit: { id: tree.R.id } });
      source.push(response.json().id);
    }
    expect(await counters(tree.R.id)).toEqual({ total: 3, done: 0 });
    const day = countingDay(year, todayIso());
    expect(await counters(tree.R.id, day)).toEqual({ total: 3, done: 0 });
    const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(await counters(tree.R.id, dayBefore)).toEqual({ total: 0, done: 0 });
    expect(countingDay(2030, '2026-11-29')).toBe('2030-01-01');
    expect(countingDay(2025, '2026-11-29')).toBe('2025-12-31');
    await expectFiguresMatchRecount();
  });

  it('lets lower levels adopt a content once, linked to the original, and refuses wrong adopters', async () => {
    const adopted = await session('officer.a').send('POST', `/api/breakthroughs/${source[0]}/adopt`, {
      unitId: tree.A.id,
      ownerUnitId: tree.C1.id,
    });
    expect(adopted.statusCode).toBe(201);
    expect(adopted.json()).toMatchObject({
      title: 'Chuyển đổi số trong công tác đảng',
      year,
      adoptedFrom: { id: source[0] },
      ownerUnit: { id: tree.C1.id },
      unit: { id: tree.A.id },
    });
    const again = await session('officer.a').send('POST', `/api/breakthroughs/${source[0]}/adopt`, { unitId: tree.A.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUPLICATE');
    const byB = await session('officer.b').send('POST', `/api/breakthroughs/${source[0]}/adopt`, {
      unitId: tree.B.id,
      target: 'Xã hoàn thành trước 30/11',
    });
    expect(byB.statusCode).toBe(201);
    expect(byB.json().target).toBe('Xã hoàn thành trước 30/11');
    // The province cannot adopt its own; B cannot adopt A's copy (not readable from B); A cannot adopt for B.
    expect((await session('officer.r').send('POST', `/api/breakthroughs/${source[1]}/adopt`, { unitId: tree.R.id })).statusCode).toBe(400);
    expect(
      (await session('officer.b').send('POST', `/api/breakthroughs/${adopted.json().id}/adopt`, { unitId: tree.B.id })).statusCode,
    ).toBe(403);
    expect((await session('officer.a').send('POST', `/api/breakthroughs/${source[1]}/adopt`, { unitId: tree.B.id })).statusCode).toBe(403);
    // Owner must be inside the adopting unit.
    expect(
      (await session('officer.a').send('POST', `/api/breakthroughs/${source[1]}/adopt`, { unitId: tree.A.id, ownerUnitId: tree.C3.id }))
        .statusCode,
    ).toBe(400);
    expect((await get(source[0]!)).adoptions).toEqual({ adopted: 2, done: 0 });
    expect(await counters(tree.R.id)).toEqual({ total: 5, done: 0 });
    await expectFiguresMatchRecount();
  });

  it('records progress with evidence by the owner, then a result judged by the choosing level', async () => {
    const copy = (await session('officer.a').get(`/api/breakthroughs?unitId=${tree.A.id}&level=own`)).json().items[0];
    const png = await session('officer.a').upload(`/api/files?unitId=${tree.C1.id}&purpose=breakthrough_update`, {
      fileName: 'anh-minh-chung.png',
      content: tinyPng(),
      contentType: 'image/png',
    });
    expect(png.statusCode).toBe(201);
    const progress = await session('officer.a').send('POST', `/api/breakthroughs/${copy.id}/updates`, {
      reportedOn: '2026-06-30',
      progressPercent: 60,
      note: 'Đã số hóa 60% hồ sơ đảng viên',
      fileIds: [png.json().id],
    });
    expect(progress.statusCode).toBe(201);
    expect(progress.json()).toMatchObject({ status: 'in_progress', progressPercent: 60 });
    expect(progress.json().updates).toEqual([
      expect.objectContaining({ progressPercent: 60, files: [expect.objectContaining({ id: png.json().id })] }),
    ]);
    // The cell secretary reads the evidence file of the content carried out by the cell.
    expect((await session('committee.c1').get(`/api/files/${png.json().id}`)).statusCode).toBe(200);
    expect((await session('officer.b').get(`/api/files/${png.json().id}`)).statusCode).toBe(403);
    // Bad progress changes nothing.
    const updatesBefore = await count('breakthrough_updates');
    expect(
      (
        await session('officer.a').send('POST', `/api/breakthroughs/${copy.id}/updates`, {
          reportedOn: '2026-07-01',
          progressPercent: 120,
          note: 'x',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await session('officer.a').send('POST', `/api/breakthroughs/${copy.id}/updates`, {
          reportedOn: '2099-07-01',
          progressPercent: 70,
          note: 'Tương lai',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await session('officer.b').send('POST', `/api/breakthroughs/${copy.id}/updates`, {
          reportedOn: '2026-07-01',
          progressPercent: 70,
          note: 'Không phải của tôi',
        })
      ).statusCode,
    ).toBe(403);
    expect(await count('breakthrough_updates')).toBe(updatesBefore);

    const fresh = await get(copy.id);
    const done = await session('officer.a').send('POST', `/api/breakthroughs/${copy.id}/status`, {
      status: 'done',
      completedOn: '2026-09-30',
      result: 'Hoàn thành số hóa toàn bộ hồ sơ',
      version: fresh.version,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', completedOn: '2026-09-30', progressPercent: 100 });
    expect(await counters(tree.A.id, '2026-09-29')).toMatchObject({ done: 0 });
    expect(await counters(tree.A.id, '2026-09-30')).toMatchObject({ done: 1 });
    expect(await counters(tree.R.id)).toMatchObject({ done: 1 });
    expect((await get(source[0]!)).adoptions).toEqual({ adopted: 2, done: 1 });
    const byProvince = (await get(source[0]!)).adoptedBy as Array<{ unitId: number; status: string }>;
    expect(byProvince.map((copy) => [copy.unitId, copy.status])).toEqual([
      [tree.A.id, 'done'],
      [tree.B.id, 'open'],
    ]);
    // Read from A, the province content lists only A's own copy: B's follow-up is not A's to see.
    const fromA = (await session('officer.a').get(`/api/breakthroughs/${source[0]}`)).json().adoptedBy as Array<{ unitId: number }>;
    expect(fromA.map((copy) => copy.unitId)).toEqual([tree.A.id]);
    await expectFiguresMatchRecount();

    // Closed contents take no progress; an impossible transition is refused.
    expect(
      (
        await session('officer.a').send('POST', `/api/breakthroughs/${copy.id}/updates`, {
          reportedOn: '2026-10-01',
          progressPercent: 100,
          note: 'Thêm',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await session('officer.a').send('POST', `/api/breakthroughs/${copy.id}/status`, {
          status: 'not_done',
          result: 'x',
          version: done.json().version,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await session('officer.a').send('POST', `/api/breakthroughs/${copy.id}/status`, { status: 'open', version: done.json().version }))
        .statusCode,
    ).toBe(400);

    const reopened = await session('officer.a').send('POST', `/api/breakthroughs/${copy.id}/status`, {
      status: 'in_progress',
      version: done.json().version,
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'in_progress', completedOn: null });
    expect(await counters(tree.A.id)).toMatchObject({ done: 0 });
    // Still counted as done between its completion and the reopening.
    expect(await counters(tree.A.id, '2026-09-30')).toMatchObject({ done: 1 });
    await expectFiguresMatchRecount();

    const notDoneWithoutReason = await session('officer.a').send('POST', `/api/breakthroughs/${copy.id}/status`, {
      status: 'not_done',
      version: reopened.json().version,
    });
    expect(notDoneWithoutReason.statusCode).toBe(400);
    const again = await session('officer.a').send('POST', `/api/breakthroughs/${copy.id}/status`, {
      status: 'done',
      version: reopened.json().version,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().completedOn).toBe(todayIso());
    expect(await auditActions('breakthrough_content', copy.id)).toEqual([
      'breakthrough.adopt',
      'breakthrough.progress',
      'breakthrough.status',
      'breakthrough.status',
      'breakthrough.status',
    ]);
    await expectFiguresMatchRecount();
  });

  it('keeps counters equal to a recount after edits, refusals and deletions', async () => {
    const bCopy = (await session('officer.b').get(`/api/breakthroughs?unitId=${tree.B.id}&level=own`)).json().items[0];
    const stale = await session('officer.b').send('DELETE', `/api/breakthroughs/${bCopy.id}?version=${bCopy.version + 5}`);
    expect(stale.statusCode).toBe(409);
    await expectFiguresMatchRecount();
    const cellOwn = await session('officer.a').send('POST', '/api/breakthroughs', {
      unitId: tree.C1.id,
      year,
      title: 'Chi bộ không có đảng viên vi phạm',
      ownerUnitId: tree.C1.id,
      target: 'Không có vi phạm',
      deadline: '2026-12-31',
    });
    expect(cellOwn.statusCode).toBe(201);
    const edited = await session('officer.a').send('PATCH', `/api/breakthroughs/${cellOwn.json().id}`, {
      title: 'Chi bộ trong sạch, vững mạnh',
      ownerUnitId: tree.C1.id,
      target: '100% đảng viên hoàn thành nhiệm vụ',
      deadline: '2026-12-20',
      version: cellOwn.json().version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().title).toBe('Chi bộ trong sạch, vững mạnh');
    const doneCell = await session('officer.a').send('POST', `/api/breakthroughs/${cellOwn.json().id}/status`, {
      status: 'done',
      version: edited.json().version,
    });
    expect(doneCell.statusCode).toBe(200);
    await expectFiguresMatchRecount();
    expect(
      (await session('officer.b').send('DELETE', `/api/breakthroughs/${cellOwn.json().id}?version=${doneCell.json().version}`)).statusCode,
    ).toBe(403);
    expect(
      (await session('officer.a').send('DELETE', `/api/breakthroughs/${cellOwn.json().id}?version=${doneCell.json().version}`)).statusCode,
    ).toBe(204);
    expect((await session('officer.b').send('DELETE', `/api/breakthroughs/${bCopy.id}?version=${bCopy.version}`)).statusCode).toBe(204);
    await expectFiguresMatchRecount();
    expect(await counters(tree.R.id)).toEqual({ total: 4, done: 1 });
  });

  it('rejects bad contents and writes nothing', async () => {
    const before = [await count('breakthrough_contents'), await count('figure_counters'), await count('audit_log')];
    const base = { unitId: tree.A.id, year, title: 'Nội dung', ownerUnitId: tree.A.id, target: 'Chỉ tiêu', deadline: '2026-12-31' };
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ title: '   ' }, 400],
      [{ deadline: '2025-12-31' }, 400],
      [{ ownerUnitId: tree.C3.id }, 400],
      [{ year: 1990 }, 400],
      [{ deadline: '31/12/2026' }, 400],
    ];
    for (const [override, status] of cases) {
      const response = await session('officer.a').send('POST', '/api/breakthroughs', { ...base, ...override });
      expect(response.statusCode, JSON.stringify(override)).toBe(status);
    }
    expect(
      (await session('committee.c1').send('POST', '/api/breakthroughs', { ...base, unitId: tree.C1.id, ownerUnitId: tree.C1.id }))
        .statusCode,
    ).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/breakthroughs' })).statusCode).toBe(401);
    expect([await count('breakthrough_contents'), await count('figure_counters'), await count('audit_log')]).toEqual(before);
  });

  it('lists with filters and sorting, and exports the list to Excel', async () => {
    const done = await session('committee.c1').get(`/api/breakthroughs?unitId=${tree.C1.id}&status=done`);
    expect(done.statusCode).toBe(200);
    expect(done.json().items.map((item: { unit: { id: number } }) => item.unit.id)).toEqual([tree.A.id]);
    const search = await session('viewer.r').get(
      `/api/breakthroughs?unitId=${tree.R.id}&q=${encodeURIComponent('chuyen doi so')}&sort=unit&order=asc`,
    );
    expect(search.json().items.map((item: { unit: { id: number } }) => item.unit.id)).toEqual([tree.R.id, tree.A.id]);
    const exported = await session('viewer.r').get(`/api/exports/breakthroughs?unitId=${tree.R.id}&year=${year}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const { readWorkbook } = await import('./helpers/session');
    const sheet = (await readWorkbook(exported.rawPayload)).get('Nội dung đột phá')!;
    expect(sheet[0]).toContain('Nội dung đột phá');
    expect(sheet.length - 1).toBe(4);
    expect((await session('officer.b').get(`/api/exports/breakthroughs?unitId=${tree.A.id}`)).statusCode).toBe(403);
  });
});
