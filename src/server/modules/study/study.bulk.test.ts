import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { counterRows } from '../../../../test/helpers/counter-rows';
import { addPerson, rootActor, seedSmallTree, startTestApp, type TestContext } from '../../../../test/helpers/fixtures';
import { foldVietnamese } from '../../../shared/text';
import type { Actor } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors';
import { createSession, recordMakeUp, saveAttendance } from './study.service';
import { insertSessionsInBulk, type BulkSessionInput } from './study.bulk';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let actor: Actor;
const people: { c1: number[]; c3: number[] } = { c1: [], c3: [] };
const topics = { province: 0, communeB: 0 };

async function insertTopic(unitId: number, title: string): Promise<number> {
  const rows = await ctx.db.execute<{ id: number }>(sql`
    INSERT INTO study_topics (unit_id, title, from_year, to_year, search_text)
    VALUES (${unitId}, ${title}, 2026, 2026, ${foldVietnamese(title)}) RETURNING id`);
  return Number(rows.rows[0]!.id);
}

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  actor = rootActor(tree.R.path);
  for (let index = 0; index < 4; index++) {
    const person = await addPerson(ctx.db, tree.C1.path, {
      fullName: `Trần Văn Bù ${index}`,
      unitId: tree.C1.id,
      cardNumber: String(83000000 + index),
    });
    people.c1.push(person.id);
  }
  for (let index = 0; index < 2; index++) {
    const person = await addPerson(ctx.db, tree.C3.path, {
      fullName: `Lê Thị Lô ${index}`,
      unitId: tree.C3.id,
      cardNumber: String(84000000 + index),
    });
    people.c3.push(person.id);
  }
  topics.province = await insertTopic(tree.R.id, 'Chuyên đề năm 2026 của Tỉnh ủy');
  topics.communeB = await insertTopic(tree.B.id, 'Chuyên đề riêng của xã Đông Hòa');
});
afterAll(() => ctx.close());

/** A cell meeting, a study session with present, excused, absent and made-up members, and a commune conference. */
function batch(): BulkSessionInput[] {
  return [
    {
      unitId: tree.C1.id,
      kind: 'cell_meeting',
      title: 'Sinh hoạt chi bộ tháng 2/2026',
      heldOn: '2026-02-05',
      place: 'Nhà văn hóa',
      hasCampaignItem: true,
    },
    { unitId: tree.C3.id, kind: 'cell_meeting', title: 'Sinh hoạt chi bộ tháng 2/2026', heldOn: '2026-02-06', hasCampaignItem: false },
    {
      unitId: tree.C1.id,
      kind: 'study',
      topicId: topics.province,
      title: 'Học tập chuyên đề năm 2026',
      heldOn: '2026-03-10',
      place: 'Hội trường',
      attendance: [
        { personId: people.c1[0]!, status: 'present' },
        { personId: people.c1[1]!, status: 'present' },
        { personId: people.c1[2]!, status: 'absent_excused', reason: 'Đi công tác', madeUpOn: '2026-04-02' },
        { personId: people.c1[3]!, status: 'absent' },
      ],
    },
    {
      unitId: tree.C3.id,
      kind: 'study',
      topicId: topics.communeB,
      title: 'Học tập chuyên đề của xã',
      heldOn: '2026-03-12',
      attendance: [
        { personId: people.c3[0]!, status: 'present' },
        { personId: people.c3[1]!, status: 'absent', madeUpOn: '2026-03-20' },
      ],
    },
    { unitId: tree.A.id, kind: 'conference', topicId: topics.province, title: 'Hội nghị quán triệt chuyên đề', heldOn: '2026-02-20' },
  ];
}

/** What the batch leaves: the sessions, attendance and study records as rows, and every counter it moved. */
async function snapshot(executor: Pick<TestContext['db'], 'execute'>) {
  const rows = async (query: ReturnType<typeof sql>) => (await executor.execute(query)).rows;
  return {
    sessions: await rows(sql`
      SELECT unit_id, kind, topic_id, title, held_on::text, place, is_online, has_campaign_item, notes, search_text
      FROM study_sessions WHERE deleted_at IS NULL ORDER BY held_on, unit_id`),
    attendance: await rows(sql`
      SELECT s.held_on::text, a.person_id, a.status, a.reason, a.made_up_on::text FROM session_attendance a
      JOIN study_sessions s ON s.id = a.session_id ORDER BY s.held_on, a.person_id`),
    records: await rows(sql`
      SELECT r.person_id, r.year, r.unit_id, r.studied_on::text, s.held_on::text AS session_held_on
      FROM study_records r JOIN study_sessions s ON s.id = r.session_id ORDER BY r.person_id`),
    ...(await counterRows(executor)),
  };
}

const writtenSoFar = async () =>
  (
    await ctx.db.execute<{ sessions: number; attendance: number; records: number; counters: number; audit: number }>(sql`
    SELECT (SELECT count(*) FROM study_sessions) AS sessions, (SELECT count(*) FROM session_attendance) AS attendance,
      (SELECT count(*) FROM study_records) AS records, (SELECT count(*) FROM figure_counters) AS counters,
      (SELECT count(*) FROM audit_log) AS audit`)
  ).rows[0];

class Rollback extends Error {}

describe('insertSessionsInBulk', () => {
  it('leaves the same rows and counters as the same sessions written one by one through the service', async () => {
    let bulk: Awaited<ReturnType<typeof snapshot>> | undefined;
    let result: Awaited<ReturnType<typeof insertSessionsInBulk>> | undefined;
    await ctx.db
      .transaction(async (tx) => {
        result = await insertSessionsInBulk(tx, actor, batch());
        bulk = await snapshot(tx);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(result).toMatchObject({ attendance: 6, studied: 5 });
    expect(result!.sessionIds).toHaveLength(5);

    for (const input of batch()) {
      const session = await createSession(ctx.db, actor, {
        unitId: input.unitId,
        kind: input.kind,
        topicId: input.topicId ?? null,
        title: input.title,
        heldOn: input.heldOn,
        place: input.place ?? null,
        isOnline: false,
        hasCampaignItem: input.hasCampaignItem ?? false,
        notes: null,
        fileIds: [],
      });
      if (!input.attendance) continue;
      await saveAttendance(ctx.db, actor, session.id, {
        version: session.version,
        rows: input.attendance.map((row) => ({ personId: row.personId, status: row.status, reason: row.reason ?? null })),
      });
      for (const row of input.attendance) {
        if (row.madeUpOn) await recordMakeUp(ctx.db, actor, session.id, { personId: row.personId, madeUpOn: row.madeUpOn });
      }
    }
    const oneByOne = await snapshot(ctx.db);
    expect(oneByOne.records).toHaveLength(5);
    expect(oneByOne.counters.length).toBeGreaterThan(0);
    expect(bulk).toEqual(oneByOne);
  });

  it('refuses a bad batch with nothing written', async () => {
    const before = await writtenSoFar();
    const study = batch()[2]!;
    const refused = async (sessions: BulkSessionInput[], code: string, who: Actor = actor) => {
      const error = await ctx.db.transaction((tx) => insertSessionsInBulk(tx, who, sessions)).catch((caught: unknown) => caught);
      expect(error, JSON.stringify(sessions.at(-1))).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
    };
    const good = batch().slice(0, 2);
    await refused([...good, { ...study, kind: 'seminar' as never }], 'VALIDATION_FAILED');
    await refused([...good, { ...study, heldOn: '2026-02-30' }], 'VALIDATION_FAILED');
    await refused([...good, { ...study, heldOn: '2999-01-01' }], 'VALIDATION_FAILED');
    await refused([...good, { ...study, hasCampaignItem: true }], 'VALIDATION_FAILED');
    await refused([...good, { ...study, topicId: null }], 'VALIDATION_FAILED');
    await refused([...good, { ...study, topicId: topics.communeB }], 'VALIDATION_FAILED');
    await refused([...good, { ...study, unitId: 999_999 }], 'NOT_FOUND');
    await refused([...good, { ...study, attendance: [{ personId: people.c1[0]!, status: 'late' as never }] }], 'VALIDATION_FAILED');
    await refused([...good, { ...study, attendance: [{ personId: people.c1[0]!, status: 'absent_excused' }] }], 'VALIDATION_FAILED');
    await refused([...good, { ...study, attendance: [{ personId: people.c3[0]!, status: 'present' }] }], 'VALIDATION_FAILED');
    await refused(
      [
        ...good,
        {
          ...study,
          attendance: [
            { personId: people.c1[0]!, status: 'present' },
            { personId: people.c1[0]!, status: 'absent' },
          ],
        },
      ],
      'VALIDATION_FAILED',
    );
    await refused(
      [...good, { ...study, attendance: [{ personId: people.c1[0]!, status: 'absent', madeUpOn: '2027-01-05' }] }],
      'VALIDATION_FAILED',
    );
    await refused(
      [...good, { ...study, attendance: [{ personId: people.c1[0]!, status: 'absent', madeUpOn: '2026-03-01' }] }],
      'VALIDATION_FAILED',
    );
    await refused(
      [...good, { ...study, attendance: [{ personId: people.c1[0]!, status: 'present', madeUpOn: '2026-04-01' }] }],
      'INVALID_STATE',
    );
    await refused(good, 'FORBIDDEN', rootActor(tree.B.path));
    expect(await writtenSoFar()).toEqual(before);
  });
});
