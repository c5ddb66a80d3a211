import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { foldVietnamese } from '../src/shared/text';
import { addPerson, addUser, rootActor, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { movePerson } from '../src/server/modules/people/people.service';
import { buildWorkbook, openSession, readWorkbook, type Session } from './helpers/session';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const people: { c1: number[]; c2: number[] } = { c1: [], c2: [] };
const topics: { province2026: number; commune2026OfB: number; province2024: number } = {
  province2026: 0,
  commune2026OfB: 0,
  province2024: 0,
};
let secretaryC1: Session;
let secretaryC2: Session;
let memberC1: Session;
let viewerR: Session;
let anonymous: Session;

async function insertTopic(unitId: number, title: string, fromYear: number, toYear: number): Promise<number> {
  const rows = await ctx.db.execute<{ id: number }>(sql`
    INSERT INTO study_topics (unit_id, title, from_year, to_year, search_text)
    VALUES (${unitId}, ${title}, ${fromYear}, ${toYear}, ${foldVietnamese(title)}) RETURNING id`);
  return Number(rows.rows[0]!.id);
}

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  const rows = await ctx.db.execute<{ value: number }>(query);
  return Number(rows.rows[0]?.value ?? 0);
}

const counter = (unitId: number, metric: string) =>
  scalar(sql`SELECT COALESCE(SUM(delta), 0) AS value FROM figure_counters WHERE unit_id = ${unitId} AND metric = ${metric}`);
const sessionCount = () => scalar(sql`SELECT count(*) AS value FROM study_sessions WHERE deleted_at IS NULL`);
const attendanceOf = async (sessionId: number) =>
  (
    await ctx.db.execute<{ person_id: number; status: string; reason: string | null; made_up_on: string | null }>(sql`
    SELECT person_id, status, reason, made_up_on::text FROM session_attendance WHERE session_id = ${sessionId} ORDER BY person_id`)
  ).rows.map((row) => ({
    ...row,
    person_id: Number(row.person_id),
  }));
const studyRecords = async () =>
  (
    await ctx.db.execute<{ person_id: number; session_id: number; studied_on: string }>(sql`
    SELECT person_id, session_id, studied_on::text FROM study_records WHERE year = 2026 ORDER BY person_id`)
  ).rows.map((row) => ({
    person_id: Number(row.person_id),
    session_id: Number(row.session_id),
    studied_on: row.studied_on,
  }));

function newSession(overrides: Record<string, unknown> = {}) {
  return {
    unitId: tree.C1.id,
    kind: 'study',
    topicId: topics.province2026,
    title: 'Học tập chuyên đề năm 2026',
    heldOn: '2026-03-10',
    place: 'Nhà văn hóa khu phố 1',
    isOnline: false,
    hasCampaignItem: false,
    notes: null,
    fileIds: [],
    ...overrides,
  };
}

async function create(who: Session, overrides: Record<string, unknown> = {}) {
  const response = await who.send('POST', '/api/study-sessions', newSession(overrides));
  return { response, body: response.json() as { id: number; version: number } };
}

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  for (let index = 0; index < 5; index++) {
    people.c1.push(
      (
        await addPerson(ctx.db, tree.C1.path, {
          fullName: `Trần Văn Học ${index}`,
          unitId: tree.C1.id,
          cardNumber: String(81000000 + index),
        })
      ).id,
    );
  }
  for (let index = 0; index < 2; index++) {
    people.c2.push(
      (
        await addPerson(ctx.db, tree.C2.path, {
          fullName: `Lê Thị Sinh ${index}`,
          unitId: tree.C2.id,
          cardNumber: String(82000000 + index),
        })
      ).id,
    );
  }
  topics.province2026 = await insertTopic(tree.R.id, 'Chuyên đề năm 2026 của Tỉnh ủy', 2026, 2026);
  topics.commune2026OfB = await insertTopic(tree.B.id, 'Chuyên đề riêng của xã Đông Hòa', 2026, 2026);
  topics.province2024 = await insertTopic(tree.R.id, 'Chuyên đề năm 2024', 2024, 2024);
  await addUser(ctx.db, 'bithu.c1', [{ unitId: tree.C1.id, role: 'committee' }]);
  await addUser(ctx.db, 'bithu.c2', [{ unitId: tree.C2.id, role: 'committee' }]);
  await addUser(ctx.db, 'dangvien.c1', [{ unitId: tree.C1.id, role: 'member' }]);
  await addUser(ctx.db, 'xem.r', [{ unitId: tree.R.id, role: 'viewer' }]);
  secretaryC1 = await openSession(ctx.app, 'bithu.c1');
  secretaryC2 = await openSession(ctx.app, 'bithu.c2');
  memberC1 = await openSession(ctx.app, 'dangvien.c1');
  viewerR = await openSession(ctx.app, 'xem.r');
  anonymous = {
    ...secretaryC1,
    cookies: {},
    get: (url) => ctx.app.inject({ method: 'GET', url }),
    send: (method, url, body) => ctx.app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) }),
  };
});
afterAll(() => ctx.close());

describe('study sessions and attendance', () => {
  let sessionId = 0;

  it('lets the secretary of a cell record a study session on the year topic, counted on the cell and above', async () => {
    const { response, body } = await create(secretaryC1);
    expect(response.statusCode).toBe(201);
    sessionId = body.id;
    expect(body).toMatchObject({ kind: 'study', topic: { id: topics.province2026 }, heldOn: '2026-03-10', unit: { id: tree.C1.id } });
    const rows = await ctx.db.execute<{ unit_id: number; search_text: string }>(
      sql`SELECT unit_id, search_text FROM study_sessions WHERE id = ${sessionId}`,
    );
    expect(Number(rows.rows[0]!.unit_id)).toBe(tree.C1.id);
    expect(rows.rows[0]!.search_text).toContain('hoc tap chuyen de');
    for (const unit of [tree.C1, tree.A, tree.R]) expect(await counter(unit.id, 'study.sessions.2026')).toBe(1);
    expect(await counter(tree.B.id, 'study.sessions.2026')).toBe(0);
    const audit = await scalar(
      sql`SELECT count(*) AS value FROM audit_log WHERE action = 'study_session.create' AND entity_id = ${String(sessionId)}`,
    );
    expect(audit).toBe(1);
  });

  it('shows the roster of the cell with nobody recorded yet, then saves attendance with one excused absence', async () => {
    const roster = await secretaryC1.get(`/api/study-sessions/${sessionId}/attendance`);
    expect(roster.statusCode).toBe(200);
    const rows = (roster.json() as { rows: Array<{ personId: number; status: string | null }> }).rows;
    expect(rows.map((row) => row.personId).sort()).toEqual([...people.c1].sort());
    expect(rows.every((row) => row.status === null)).toBe(true);

    const [absentee, ...present] = people.c1;
    const save = await secretaryC1.send('POST', `/api/study-sessions/${sessionId}/attendance`, {
      version: 1,
      rows: [
        ...present.map((personId) => ({ personId, status: 'present' })),
        { personId: absentee, status: 'absent_excused', reason: 'Đi công tác' },
      ],
    });
    expect(save.statusCode).toBe(200);
    expect(save.json()).toMatchObject({ version: 2, attendance: { present: 4, absentExcused: 1, absent: 0 } });
    expect((await attendanceOf(sessionId)).find((row) => row.person_id === absentee)).toMatchObject({
      status: 'absent_excused',
      reason: 'Đi công tác',
    });
    expect((await studyRecords()).map((row) => row.person_id)).toEqual([...present].sort((a, b) => a - b));
    expect(await counter(tree.C1.id, 'study.studied.2026')).toBe(4);
    expect(await counter(tree.R.id, 'study.studied.2026')).toBe(4);

    const dashboard = await viewerR.get(`/api/programme-figures?unitId=${tree.A.id}&year=2026`);
    expect(dashboard.statusCode).toBe(200);
    const c1 = (
      dashboard.json() as { children: Array<{ unit: { id: number }; figures: { studied: number; members: number; studyRate: number } }> }
    ).children.find((child) => child.unit.id === tree.C1.id)!;
    expect(c1.figures).toMatchObject({ studied: 4, members: 5, studyRate: 0.8 });
  });

  it('records a make-up for the absent member, who then counts as having studied on that day', async () => {
    const absentee = people.c1[0]!;
    const response = await secretaryC1.send('POST', `/api/study-sessions/${sessionId}/make-up`, {
      personId: absentee,
      madeUpOn: '2026-03-20',
    });
    expect(response.statusCode).toBe(200);
    expect((await attendanceOf(sessionId)).find((row) => row.person_id === absentee)).toMatchObject({
      status: 'absent_excused',
      made_up_on: '2026-03-20',
    });
    expect((await studyRecords()).find((row) => row.person_id === absentee)).toMatchObject({
      studied_on: '2026-03-20',
      session_id: sessionId,
    });
    expect(await counter(tree.C1.id, 'study.studied.2026')).toBe(5);

    const status = await secretaryC1.get(`/api/study-status?unitId=${tree.C1.id}&year=2026&status=not_studied`);
    expect(status.statusCode).toBe(200);
    expect((status.json() as { total: number }).total).toBe(0);
  });

  it('refuses a make-up before the session, after the year or for someone present', async () => {
    const before = await attendanceOf(sessionId);
    for (const body of [
      { personId: people.c1[0], madeUpOn: '2026-03-01' },
      { personId: people.c1[0], madeUpOn: '2027-01-05' },
      { personId: people.c1[1], madeUpOn: '2026-04-01' },
      { personId: people.c2[0], madeUpOn: '2026-04-01' },
    ]) {
      const response = await secretaryC1.send('POST', `/api/study-sessions/${sessionId}/make-up`, body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(['VALIDATION_FAILED', 'INVALID_STATE']).toContain((response.json() as { error: { code: string } }).error.code);
    }
    expect(await attendanceOf(sessionId)).toEqual(before);
  });

  it('moves a study record to the next earliest session when attendance changes, and removes it when none is left', async () => {
    const second = await create(secretaryC1, { title: 'Hội nghị quán triệt', kind: 'conference', heldOn: '2026-05-02' });
    expect(second.response.statusCode).toBe(201);
    const mover = people.c1[1]!;
    const saved = await secretaryC1.send('POST', `/api/study-sessions/${second.body.id}/attendance`, {
      version: 1,
      rows: [{ personId: mover, status: 'present' }],
    });
    expect(saved.statusCode).toBe(200);
    const current = (await secretaryC1.get(`/api/study-sessions/${sessionId}`)).json() as { version: number };
    const rows = people.c1.slice(2).map((personId) => ({ personId, status: 'present' }));
    // The mover is now marked absent at the first session: their record moves to the conference.
    const change = await secretaryC1.send('POST', `/api/study-sessions/${sessionId}/attendance`, {
      version: current.version,
      rows: [...rows, { personId: people.c1[0], status: 'absent_excused', reason: 'Ốm' }, { personId: mover, status: 'absent' }],
    });
    expect(change.statusCode).toBe(200);
    expect((await studyRecords()).find((row) => row.person_id === mover)).toMatchObject({
      session_id: second.body.id,
      studied_on: '2026-05-02',
    });
    // The make-up of the first absentee survives a re-save of the attendance.
    expect((await studyRecords()).find((row) => row.person_id === people.c1[0])).toMatchObject({ studied_on: '2026-03-20' });
    expect(await counter(tree.C1.id, 'study.studied.2026')).toBe(5);

    const deleted = await secretaryC1.send('DELETE', `/api/study-sessions/${second.body.id}?version=2`);
    expect(deleted.statusCode).toBe(204);
    expect((await studyRecords()).find((row) => row.person_id === mover)).toBeUndefined();
    expect(await counter(tree.C1.id, 'study.studied.2026')).toBe(4);
    expect(await counter(tree.C1.id, 'study.sessions.2026')).toBe(1);

    const todo = (await secretaryC1.get(`/api/study-status?unitId=${tree.C1.id}&year=2026&status=not_studied`)).json() as {
      items: Array<{ personId: number; makeUpSession: { id: number } | null }>;
    };
    expect(todo.items).toEqual([expect.objectContaining({ personId: mover, makeUpSession: expect.objectContaining({ id: sessionId }) })]);
  });

  it('refuses the campaign agenda item on a study session instead of dropping it, and stores nothing', async () => {
    const before = await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM study_sessions`);
    const refused = await create(secretaryC1, { title: 'Học tập chuyên đề có đánh dấu nhầm', hasCampaignItem: true });
    expect(refused.response.statusCode).toBe(400);
    expect(refused.response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { field: 'hasCampaignItem' } } });
    expect((await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM study_sessions`)).rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('counts cell meetings and those with the campaign item', async () => {
    const withItem = await create(secretaryC1, {
      kind: 'cell_meeting',
      topicId: null,
      title: 'Sinh hoạt chi bộ tháng 4',
      heldOn: '2026-04-05',
      hasCampaignItem: true,
    });
    const withoutItem = await create(secretaryC1, {
      kind: 'cell_meeting',
      topicId: null,
      title: 'Sinh hoạt chi bộ tháng 5',
      heldOn: '2026-05-05',
    });
    expect([withItem.response.statusCode, withoutItem.response.statusCode]).toEqual([201, 201]);
    expect(await counter(tree.A.id, 'study.cell_meetings.2026')).toBe(2);
    expect(await counter(tree.A.id, 'study.cell_meetings_campaign.2026')).toBe(1);
    const edit = await secretaryC1.send('PATCH', `/api/study-sessions/${withoutItem.body.id}`, {
      ...newSession({
        kind: 'cell_meeting',
        topicId: null,
        title: 'Sinh hoạt chi bộ tháng 5',
        heldOn: '2026-05-05',
        hasCampaignItem: true,
      }),
      unitId: undefined,
      version: 1,
    });
    expect(edit.statusCode).toBe(200);
    expect(await counter(tree.A.id, 'study.cell_meetings_campaign.2026')).toBe(2);
    const stale = await secretaryC1.send('PATCH', `/api/study-sessions/${withoutItem.body.id}`, {
      ...newSession({ kind: 'cell_meeting', topicId: null }),
      unitId: undefined,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { error: { code: string } }).error.code).toBe('VERSION_CONFLICT');
  });

  it('lists the sessions of a subtree with filters and search without diacritics', async () => {
    const all = (await viewerR.get(`/api/study-sessions?unitId=${tree.A.id}&year=2026`)).json() as { total: number };
    expect(all.total).toBe(3);
    const meetings = (await viewerR.get(`/api/study-sessions?unitId=${tree.A.id}&kind=cell_meeting`)).json() as { total: number };
    expect(meetings.total).toBe(2);
    const found = (await viewerR.get(`/api/study-sessions?unitId=${tree.A.id}&q=${encodeURIComponent('thang 4')}`)).json() as {
      items: Array<{ title: string }>;
    };
    expect(found.items.map((item) => item.title)).toEqual(['Sinh hoạt chi bộ tháng 4']);
    const byTopic = (await viewerR.get(`/api/study-sessions?unitId=${tree.R.id}&topicId=${topics.province2026}`)).json() as {
      total: number;
    };
    expect(byTopic.total).toBe(1);
    const outside = (await viewerR.get(`/api/study-sessions?unitId=${tree.B.id}`)).json() as { total: number };
    expect(outside.total).toBe(0);
  });
});

describe('who may record study', () => {
  it('refuses the secretary of another cell, a member, and anyone signed out', async () => {
    const before = await sessionCount();
    expect((await create(secretaryC2)).response.statusCode).toBe(403);
    expect((await create(memberC1)).response.statusCode).toBe(403);
    expect((await create(viewerR)).response.statusCode).toBe(403);
    expect((await create(anonymous)).response.statusCode).toBe(401);
    expect(await sessionCount()).toBe(before);
    const c2Session = await create(secretaryC2, { unitId: tree.C2.id, title: 'Học tập ở khu phố 2' });
    expect(c2Session.response.statusCode).toBe(201);
    const foreign = await secretaryC1.send('POST', `/api/study-sessions/${c2Session.body.id}/attendance`, { version: 1, rows: [] });
    expect(foreign.statusCode).toBe(403);
    expect((await memberC1.get(`/api/study-sessions/${c2Session.body.id}/attendance`)).statusCode).toBe(403);
    expect((await secretaryC1.get(`/api/study-sessions/${c2Session.body.id}`)).statusCode).toBe(403);
    expect((await anonymous.get(`/api/study-sessions?unitId=${tree.C1.id}`)).statusCode).toBe(401);
    expect((await secretaryC2.get(`/api/programme-figures?unitId=${tree.C1.id}&year=2026`)).statusCode).toBe(403);
    expect((await anonymous.get(`/api/programme-figures?unitId=${tree.C1.id}&year=2026`)).statusCode).toBe(401);
  });
});

describe('bad input changes nothing', () => {
  it('refuses an unknown topic, a topic that does not reach the unit or the year, a missing topic and a future date', async () => {
    const before = await sessionCount();
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ topicId: 999999 }, 404],
      [{ topicId: topics.commune2026OfB }, 400],
      [{ topicId: topics.province2024 }, 400],
      [{ topicId: null }, 400],
      [{ heldOn: '2099-01-01' }, 400],
      [{ heldOn: '2026-02-30' }, 400],
      [{ kind: 'party' }, 400],
      [{ title: '   ' }, 400],
    ];
    for (const [overrides, status] of cases) {
      const { response } = await create(secretaryC1, overrides);
      expect(response.statusCode, JSON.stringify(overrides)).toBe(status);
      const error = (response.json() as { error: { code: string; message: string } }).error;
      expect(error.code).toBe(status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED');
      expect(error.message).toMatch(/[àáảãạăâđèéêìíòóôơùúưýạ]/i);
    }
    expect(await sessionCount()).toBe(before);
  });

  it('refuses attendance for someone outside the unit, a repeated person or an excused absence without reason', async () => {
    const { body } = await create(secretaryC1, { title: 'Buổi kiểm tra dữ liệu sai', heldOn: '2026-06-01' });
    const studiedBefore = await counter(tree.C1.id, 'study.studied.2026');
    for (const rows of [
      [{ personId: people.c2[0], status: 'present' }],
      [
        { personId: people.c1[0], status: 'present' },
        { personId: people.c1[0], status: 'absent' },
      ],
      [{ personId: people.c1[3], status: 'absent_excused' }],
      [{ personId: people.c1[3], status: 'sleeping' }],
    ]) {
      const response = await secretaryC1.send('POST', `/api/study-sessions/${body.id}/attendance`, { version: 1, rows });
      expect(response.statusCode, JSON.stringify(rows)).toBe(400);
      expect((response.json() as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }
    expect(await attendanceOf(body.id)).toEqual([]);
    expect(await counter(tree.C1.id, 'study.studied.2026')).toBe(studiedBefore);
  });
});

describe('attendance from Excel', () => {
  it('gives a template with the members, refuses a file with a bad row, then applies a good one', async () => {
    const { body } = await create(secretaryC1, { title: 'Học tập bổ sung', heldOn: '2026-07-01' });
    const template = await secretaryC1.get(`/api/study-sessions/${body.id}/attendance/template`);
    expect(template.statusCode).toBe(200);
    const sheet = (await readWorkbook(template.rawPayload)).get('Điểm danh')!;
    expect(sheet[1]).toEqual(['Mã số', 'Họ và tên', 'Số thẻ đảng viên', 'Tình hình tham dự', 'Lý do vắng']);
    expect(
      sheet
        .slice(2)
        .map((row) => Number(row[0]))
        .sort(),
    ).toEqual([...people.c1].sort());
    expect(sheet.slice(2).every((row) => row[3] === 'Có mặt')).toBe(true);

    const header = ['Mã số', 'Họ và tên', 'Số thẻ đảng viên', 'Tình hình tham dự', 'Lý do vắng'];
    const bad = await buildWorkbook('Điểm danh', [
      header,
      [String(people.c1[0]), 'Trần Văn Học 0', '', 'Vắng có lý do', ''],
      [String(people.c2[0]), 'Lê Thị Sinh 0', '', 'Có mặt', ''],
      [String(people.c1[1]), 'Trần Văn Học 1', '', 'Đi chơi', ''],
    ]);
    const preview = await secretaryC1.upload(`/api/study-sessions/${body.id}/attendance/preview`, {
      fileName: 'diem-danh.xlsx',
      content: bad,
    });
    expect(preview.statusCode).toBe(200);
    const result = preview.json() as { errors: Array<{ row: number; column: string }>; rows: unknown[] };
    expect(result.errors.map((error) => error.row)).toEqual([2, 3, 4]);
    expect(result.rows).toEqual([]);
    expect(await attendanceOf(body.id)).toEqual([]);

    // Matched by card number too; people left out of the file are present.
    const good = await buildWorkbook('Điểm danh', [
      header,
      ['', '', '81000002', 'vắng có lý do', 'Ốm'],
      [String(people.c1[3]), '', '', 'Vắng không lý do', ''],
    ]);
    const goodPreview = (
      await secretaryC1.upload(`/api/study-sessions/${body.id}/attendance/preview`, { fileName: 'diem-danh.xlsx', content: good })
    ).json() as {
      errors: unknown[];
      rows: Array<{ personId: number; status: string; reason: string | null }>;
      version: number;
    };
    expect(goodPreview.errors).toEqual([]);
    expect(goodPreview.rows).toHaveLength(5);
    expect(goodPreview.rows.find((row) => row.personId === people.c1[2])).toMatchObject({ status: 'absent_excused', reason: 'Ốm' });
    const applied = await secretaryC1.send('POST', `/api/study-sessions/${body.id}/attendance`, {
      version: goodPreview.version,
      rows: goodPreview.rows.map(({ personId, status, reason }) => ({ personId, status, reason })),
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ attendance: { present: 3, absentExcused: 1, absent: 1 } });
  });

  it('refuses a file that is not a workbook', async () => {
    const { body } = await create(secretaryC1, { title: 'Học tập lần nữa', heldOn: '2026-07-02' });
    const response = await secretaryC1.upload(`/api/study-sessions/${body.id}/attendance/preview`, {
      fileName: 'a.xlsx',
      content: Buffer.from('not excel at all'),
    });
    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { code: string } }).error.code).toBe('IMPORT_INVALID_FILE');
  });
});

describe('sessions export', () => {
  it('exports the filtered sessions of the subtree with their attendance counts', async () => {
    const response = await viewerR.get(`/api/exports/study-sessions?unitId=${tree.A.id}&kind=cell_meeting`);
    expect(response.statusCode).toBe(200);
    const sheet = (await readWorkbook(response.rawPayload)).get('Buổi học tập, sinh hoạt')!;
    expect(sheet[0]![1]).toBe('Tên buổi');
    expect(
      sheet
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual(['Sinh hoạt chi bộ tháng 4', 'Sinh hoạt chi bộ tháng 5']);
    expect((await secretaryC2.get(`/api/exports/study-sessions?unitId=${tree.C1.id}`)).statusCode).toBe(403);
    expect((await anonymous.get(`/api/exports/study-sessions?unitId=${tree.C1.id}`)).statusCode).toBe(401);
  });
});

describe('a member who moves', () => {
  it('is counted where they now belong once their attendance is touched again', async () => {
    const mover = await addPerson(ctx.db, tree.C2.path, { fullName: 'Đinh Văn Chuyển', unitId: tree.C2.id, cardNumber: '84000001' });
    const { body } = await create(secretaryC2, { unitId: tree.C2.id, title: 'Học tập ở khu phố 2, đợt 2', heldOn: '2026-04-01' });
    const rows = [{ personId: mover.id, status: 'present' }];
    expect((await secretaryC2.send('POST', `/api/study-sessions/${body.id}/attendance`, { version: 1, rows })).statusCode).toBe(200);
    const before = { c2: await counter(tree.C2.id, 'study.studied.2026'), c3: await counter(tree.C3.id, 'study.studied.2026') };
    const version = await scalar(sql`SELECT version AS value FROM persons WHERE id = ${mover.id}`);
    await movePerson(ctx.db, rootActor(tree.R.path), mover.id, {
      unitId: tree.C3.id,
      position: 'party_member',
      isHead: false,
      effectiveDate: '2026-08-01',
      version,
    });
    // The move itself takes the record along: the new unit counts the study with the member.
    expect(await counter(tree.C2.id, 'study.studied.2026')).toBe(before.c2 - 1);
    expect(await counter(tree.C3.id, 'study.studied.2026')).toBe(before.c3 + 1);
    const record = await scalar(sql`SELECT unit_id AS value FROM study_records WHERE person_id = ${mover.id} AND year = 2026`);
    expect(record).toBe(tree.C3.id);
    // The session day is before the move: the mover is still on its roster, and saving again changes nothing.
    expect((await secretaryC2.send('POST', `/api/study-sessions/${body.id}/attendance`, { version: 2, rows })).statusCode).toBe(200);
    expect(await counter(tree.C2.id, 'study.studied.2026')).toBe(before.c2 - 1);
    expect(await counter(tree.C3.id, 'study.studied.2026')).toBe(before.c3 + 1);
  });
});
