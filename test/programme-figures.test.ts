import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { foldVietnamese } from '../src/shared/text';
import type { AttendanceStatus, SessionKind } from '../src/shared/contracts/study';
import { addPerson, addUser, rootActor, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, readWorkbook } from './helpers/session';
import { createSession, deleteSession, recordMakeUp, saveAttendance, updateSession } from '../src/server/modules/study/study.service';
import { getProgrammeFigures } from '../src/server/modules/figures/programme-figures.service';
import type { Database } from '../src/server/platform/db/client';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let topicId = 0;
const memberIds = new Map<number, number[]>();

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  let serial = 0;
  for (const unit of [tree.C1, tree.C2, tree.C3, tree.A]) {
    const ids: number[] = [];
    for (let index = 0; index < 4; index++) {
      serial += 1;
      ids.push(
        (await addPerson(ctx.db, unit.path, { fullName: `Phạm Văn Số ${serial}`, unitId: unit.id, cardNumber: String(83000000 + serial) }))
          .id,
      );
    }
    memberIds.set(unit.id, ids);
  }
  const rows = await ctx.db.execute<{ id: number }>(sql`
    INSERT INTO study_topics (unit_id, title, from_year, to_year, search_text)
    VALUES (${tree.R.id}, 'Chuyên đề toàn khóa', 2025, 2026, ${foldVietnamese('Chuyên đề toàn khóa')}) RETURNING id`);
  topicId = Number(rows.rows[0]!.id);
});
afterAll(() => ctx.close());

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    // The low bits of this generator cycle quickly; the high ones are usable.
    return Math.floor(state / 65536) % max;
  };
}

/** The study figures counted straight from sessions and attendance, for comparison with the counters. */
async function recount(db: Database, unitPath: string, year: number, asOf: string) {
  const range = sql`s.held_on >= ${`${year}-01-01`}::date AND s.held_on <= ${`${year}-12-31`}::date AND s.held_on <= ${asOf}::date`;
  const sessions = await db.execute<{ study: number; meetings: number; campaign: number }>(sql`
    SELECT count(*) FILTER (WHERE s.kind IN ('study', 'conference')) AS study,
      count(*) FILTER (WHERE s.kind = 'cell_meeting') AS meetings,
      count(*) FILTER (WHERE s.kind = 'cell_meeting' AND s.has_campaign_item) AS campaign
    FROM study_sessions s JOIN units u ON u.id = s.unit_id
    WHERE s.deleted_at IS NULL AND u.path <@ ${unitPath}::ltree AND ${range}`);
  // Each person once: the first present attendance or make-up, counted on their current unit.
  const studied = await db.execute<{ n: number }>(sql`
    WITH firsts AS (
      SELECT a.person_id, min(CASE WHEN a.status = 'present' THEN s.held_on ELSE a.made_up_on END) AS day
      FROM session_attendance a JOIN study_sessions s ON s.id = a.session_id
      WHERE s.deleted_at IS NULL AND s.kind IN ('study', 'conference') AND s.topic_id IS NOT NULL
        AND s.held_on >= ${`${year}-01-01`}::date AND s.held_on <= ${`${year}-12-31`}::date
        AND (a.status = 'present' OR a.made_up_on IS NOT NULL)
      GROUP BY a.person_id)
    SELECT count(*) AS n FROM firsts f
    JOIN memberships m ON m.person_id = f.person_id AND m.is_primary AND m.to_date IS NULL
    JOIN units u ON u.id = m.unit_id
    WHERE u.path <@ ${unitPath}::ltree AND f.day <= ${asOf}::date`);
  const members = await db.execute<{ n: number }>(sql`
    SELECT count(*) AS n FROM memberships m JOIN units u ON u.id = m.unit_id
    WHERE m.is_primary AND u.path <@ ${unitPath}::ltree AND m.from_date <= ${asOf} AND (m.to_date IS NULL OR m.to_date > ${asOf})`);
  const row = sessions.rows[0]!;
  return {
    members: Number(members.rows[0]!.n),
    studied: Number(studied.rows[0]!.n),
    studySessions: Number(row.study),
    cellMeetings: Number(row.meetings),
    cellMeetingsWithCampaign: Number(row.campaign),
  };
}

async function versionOf(id: number): Promise<number> {
  const rows = await ctx.db.execute<{ version: number }>(sql`SELECT version FROM study_sessions WHERE id = ${id}`);
  return Number(rows.rows[0]!.version);
}

describe('programme figures', () => {
  it('equal a direct recount after a random sequence of sessions, attendance edits, make-ups, moves in time and deletions', async () => {
    const next = random(7);
    const admin = rootActor(tree.R.path);
    const units = [tree.A, tree.C1, tree.C2, tree.C3];
    const live: Array<{ id: number; unitId: number; kind: SessionKind; heldOn: string }> = [];
    // Members joined on 1/7/2025; sessions fall between then and October 2026.
    const dayIn = (year: number) =>
      `${year}-${String(year === 2025 ? 7 + next(4) : 1 + next(10)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}`;
    const statuses: AttendanceStatus[] = ['present', 'present', 'present', 'absent_excused', 'absent'];
    for (let step = 0; step < 70; step++) {
      const action = next(6);
      if (action <= 1 || live.length === 0) {
        const unit = units[next(units.length)]!;
        const kind = (['study', 'conference', 'cell_meeting'] as const)[next(3)]!;
        const heldOn = dayIn(2025 + next(2));
        const created = await createSession(ctx.db, admin, {
          unitId: unit.id,
          kind,
          topicId: kind === 'cell_meeting' ? null : topicId,
          title: `Buổi ${step}`,
          heldOn,
          place: null,
          isOnline: next(2) === 0,
          // Only a cell meeting may carry the campaign item; the draw is made either way, so the sequence stays.
          hasCampaignItem: next(3) > 0 && kind === 'cell_meeting',
          notes: null,
          fileIds: [],
        });
        live.push({ id: created.id, unitId: unit.id, kind, heldOn });
      } else if (action === 2) {
        // Attendance over the session's subtree (a commune's conference reaches its cells' members).
        const target = live[next(live.length)]!;
        const unitIds = target.unitId === tree.A.id ? [tree.A.id, tree.C1.id, tree.C2.id] : [target.unitId];
        const rows = unitIds
          .flatMap((unitId) => memberIds.get(unitId)!)
          .filter(() => next(4) > 0)
          .map((personId) => {
            const status = statuses[next(statuses.length)]!;
            return { personId, status, reason: status === 'absent_excused' ? 'Bận việc gia đình' : null };
          });
        await saveAttendance(ctx.db, admin, target.id, { version: await versionOf(target.id), rows });
      } else if (action === 3) {
        const target = live[next(live.length)]!;
        const absent = await ctx.db.execute<{ person_id: number }>(sql`
          SELECT person_id FROM session_attendance WHERE session_id = ${target.id} AND status <> 'present' ORDER BY person_id`);
        const pick = absent.rows[next(Math.max(absent.rows.length, 1))];
        if (!pick || target.kind === 'cell_meeting') continue;
        // November of the session's year: after any generated session day, and already past.
        const day = `${target.heldOn.slice(0, 4)}-11-${String(1 + next(20)).padStart(2, '0')}`;
        await recordMakeUp(ctx.db, admin, target.id, { personId: Number(pick.person_id), madeUpOn: next(5) === 0 ? null : day });
      } else if (action === 4) {
        const target = live[next(live.length)]!;
        const heldOn = dayIn(2025 + next(2));
        await updateSession(ctx.db, admin, target.id, {
          kind: target.kind,
          topicId: target.kind === 'cell_meeting' ? null : topicId,
          title: `Buổi đã sửa ${step}`,
          heldOn,
          place: 'Hội trường',
          isOnline: false,
          hasCampaignItem: next(2) === 0 && target.kind === 'cell_meeting',
          notes: null,
          fileIds: [],
          version: await versionOf(target.id),
        });
        target.heldOn = heldOn;
      } else {
        const index = next(live.length);
        const target = live[index]!;
        await deleteSession(ctx.db, admin, target.id, await versionOf(target.id));
        live.splice(index, 1);
      }
    }

    const pick = (figures: Record<string, unknown>) => ({
      members: figures.members,
      studied: figures.studied,
      studySessions: figures.studySessions,
      cellMeetings: figures.cellMeetings,
      cellMeetingsWithCampaign: figures.cellMeetingsWithCampaign,
    });
    for (const year of [2025, 2026]) {
      for (const unit of Object.values(tree)) {
        // What the dashboard shows (the year's end, or today), and the counters in the middle of the year.
        const answer = await getProgrammeFigures(ctx.db, admin, unit.id, year);
        expect({ unit: unit.code, year, ...pick(answer.figures) }).toEqual({
          unit: unit.code,
          year,
          ...(await recount(ctx.db, unit.path, year, answer.asOf)),
        });
        const midYear = `${year}-06-30`;
        expect({ unit: unit.code, midYear, ...(await readAt(unit.id, year, midYear)) }).toEqual({
          unit: unit.code,
          midYear,
          ...(await recount(ctx.db, unit.path, year, midYear)),
        });
      }
    }
    // The stored study records are exactly the first studies found by the recount.
    const records = await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM study_records WHERE year = 2026`);
    expect(Number(records.rows[0]!.n)).toBeGreaterThan(0);
    expect(Number(records.rows[0]!.n)).toBe((await recount(ctx.db, tree.R.path, 2026, '2026-12-31')).studied);
  });

  it('gives rates, definitions and children through the API and the Excel export', async () => {
    await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }]);
    const officer = await openSession(ctx.app, 'canbo.a');
    const response = await officer.get(`/api/programme-figures?unitId=${tree.A.id}&year=2026`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      figures: { members: number; studied: number; studyRate: number | null; standardKeepingUnits: number; standardsRate: number | null };
      definitions: Record<string, string>;
      children: Array<{ unit: { id: number } }>;
    };
    expect(body.figures.members).toBe(12);
    expect(body.figures.studyRate).toBeCloseTo(body.figures.studied / 12, 10);
    // Two cells under A keep standards; nobody adopted any yet.
    expect(body.figures.standardKeepingUnits).toBe(2);
    expect(body.figures.standardsRate).toBe(0);
    expect(Object.keys(body.definitions)).toEqual(
      expect.arrayContaining(['studyRate', 'campaignMeetingRate', 'standardsRate', 'signsRate', 'breakthroughRate']),
    );
    expect(body.children.map((child) => child.unit.id).sort()).toEqual([tree.C1.id, tree.C2.id].sort());

    const exported = await officer.get(`/api/exports/programme-figures?unitId=${tree.A.id}&year=2026`);
    expect(exported.statusCode).toBe(200);
    const sheet = (await readWorkbook(exported.rawPayload)).get('Số liệu')!;
    expect(sheet.find((row) => row[0] === 'Mã đơn vị')?.[1]).toBe('Đơn vị');
    const total = sheet.find((row) => row[0] === 'A')!;
    expect(total[2]).toBe(12);
    expect(total[3]).toBe(body.figures.studied);

    expect((await officer.get(`/api/programme-figures?unitId=${tree.B.id}&year=2026`)).statusCode).toBe(403);
    expect((await officer.get(`/api/programme-figures?unitId=${tree.A.id}&year=1800`)).statusCode).toBe(400);
  });
});

/** The counters read on an arbitrary day (the service reads on the year's end or today). */
async function readAt(unitId: number, year: number, asOf: string) {
  const rows = await ctx.db.execute<{ metric: string; value: number }>(sql`
    SELECT metric, SUM(delta) AS value FROM figure_counters WHERE unit_id = ${unitId} AND day <= ${asOf} GROUP BY metric`);
  const values = new Map(rows.rows.map((row) => [row.metric, Number(row.value)]));
  return {
    members: values.get('members') ?? 0,
    studied: values.get(`study.studied.${year}`) ?? 0,
    studySessions: values.get(`study.sessions.${year}`) ?? 0,
    cellMeetings: values.get(`study.cell_meetings.${year}`) ?? 0,
    cellMeetingsWithCampaign: values.get(`study.cell_meetings_campaign.${year}`) ?? 0,
  };
}
