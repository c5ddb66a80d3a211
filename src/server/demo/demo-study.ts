import { sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client';
import { addFigureDeltas, type FigureDelta } from '../platform/figures';
import { todayIso } from '../platform/dates';
import { foldVietnamese } from '../../shared/text';
import { sessionAttendance, studyRecords, studySessions } from '../db/schema/index';
import { PROGRAMME_METRICS } from '../modules/figures/index';
import { sessionDeltas } from '../modules/study/index';
import { Random } from './random';
import type { SessionKind } from '../../shared/contracts/study';

const YEAR = 2026;
const TOPIC_TITLE =
  'Chuyên đề năm 2026: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh; khơi dậy khát vọng phát triển đất nước phồn vinh, hạnh phúc';
const CELL_KINDS = new Set(['cell', 'grassroots_cell']);
const EXCUSES = ['Đi công tác', 'Ốm, nằm viện', 'Đi học tập trung', 'Việc gia đình', 'Đi làm ăn xa'];
const PLACES = ['Hội trường Đảng ủy', 'Nhà văn hóa thôn', 'Phòng họp cơ quan', 'Nhà sinh hoạt cộng đồng'];

type UnitRow = { id: number; kind: string; path: string; name: string };
type MemberRow = { person_id: number; unit_id: number; from_date: string };

const pad = (value: number) => String(value).padStart(2, '0');

/** The province's topic for the year, or one created for it when the programme demo made none. */
async function findOrCreateTopic(tx: Executor, provinceId: number, provincePath: string): Promise<number> {
  const found = await tx.execute<{ id: number }>(sql`
    SELECT t.id FROM study_topics t JOIN units u ON u.id = t.unit_id
    WHERE t.deleted_at IS NULL AND u.path @> ${provincePath}::ltree AND t.from_year <= ${YEAR} AND t.to_year >= ${YEAR}
    ORDER BY nlevel(u.path) DESC, t.id LIMIT 1`);
  if (found.rows[0]) return Number(found.rows[0].id);
  const created = await tx.execute<{ id: number }>(sql`
    INSERT INTO study_topics (unit_id, title, from_year, to_year, search_text)
    VALUES (${provinceId}, ${TOPIC_TITLE}, ${YEAR}, ${YEAR}, ${foldVietnamese(TOPIC_TITLE)}) RETURNING id`);
  return Number(created.rows[0]!.id);
}

/**
 * A year of study in the demo province: every unit with members of its own held a study session
 * (cells) or conference (committees, agencies) on the year's topic, with about 98% present and
 * about two thirds of the absent making it up later; cells met every month from January to November,
 * most meetings carrying the campaign. `skipStudyUnitCode` leaves one cell without its study session,
 * so the secretary's journey has something to record. Written in bulk, with one call for all figures.
 */
export async function loadDemoStudy(tx: Executor, options: { provinceCode: string; skipStudyUnitCode: string }): Promise<void> {
  const today = todayIso();
  const random = Random.derive(2026, 'demo-study');
  const units = (
    await tx.execute<UnitRow & { code: string }>(
      sql`SELECT id, code, kind, path::text AS path, name FROM units WHERE valid_to IS NULL ORDER BY id`,
    )
  ).rows.map((row) => ({ ...row, id: Number(row.id) }));
  const province = units.find((unit) => unit.code === options.provinceCode);
  if (!province) return;
  const topicId = await findOrCreateTopic(tx, province.id, province.path);
  const members = (
    await tx.execute<MemberRow>(
      sql`SELECT person_id, unit_id, from_date::text AS from_date FROM memberships WHERE is_primary AND to_date IS NULL`,
    )
  ).rows.map((row) => ({ ...row, person_id: Number(row.person_id), unit_id: Number(row.unit_id) }));
  const membersByUnit = new Map<number, MemberRow[]>();
  for (const member of members) membersByUnit.set(member.unit_id, [...(membersByUnit.get(member.unit_id) ?? []), member]);

  const sessions: Array<typeof studySessions.$inferInsert> = [];
  for (const unit of units) {
    const isCell = CELL_KINDS.has(unit.kind);
    if (isCell) {
      for (let month = 1; month <= 11; month++) {
        const heldOn = `${YEAR}-${pad(month)}-${pad(random.int(3, 10))}`;
        if (heldOn > today) continue;
        const title = `Sinh hoạt chi bộ định kỳ tháng ${month}/${YEAR}`;
        sessions.push({
          unitId: unit.id,
          kind: 'cell_meeting',
          title,
          heldOn,
          place: random.pick(PLACES),
          hasCampaignItem: random.chance(0.9),
          searchText: foldVietnamese(title),
        });
      }
    }
    if (!membersByUnit.has(unit.id) || unit.code === options.skipStudyUnitCode) continue;
    const heldOn = `${YEAR}-${pad(random.int(2, 3))}-${pad(random.int(1, 28))}`;
    const title = isCell ? `Học tập chuyên đề năm ${YEAR}` : `Hội nghị học tập, quán triệt chuyên đề năm ${YEAR}`;
    sessions.push({
      unitId: unit.id,
      kind: isCell ? 'study' : 'conference',
      topicId,
      title,
      heldOn,
      place: random.pick(PLACES),
      searchText: foldVietnamese(title),
    });
  }

  const inserted: Array<{ id: number; unitId: number; kind: SessionKind; heldOn: string; hasCampaignItem: boolean }> = [];
  for (let start = 0; start < sessions.length; start += 1000) {
    const rows = await tx
      .insert(studySessions)
      .values(sessions.slice(start, start + 1000))
      .returning({
        id: studySessions.id,
        unitId: studySessions.unitId,
        kind: studySessions.kind,
        heldOn: studySessions.heldOn,
        hasCampaignItem: studySessions.hasCampaignItem,
      });
    inserted.push(...rows);
  }

  const pathOf = new Map(units.map((unit) => [unit.id, unit.path]));
  const deltas: FigureDelta[] = [];
  const attendance: Array<typeof sessionAttendance.$inferInsert> = [];
  const records: Array<typeof studyRecords.$inferInsert> = [];
  for (const session of inserted) {
    const unitPath = pathOf.get(session.unitId)!;
    deltas.push(...sessionDeltas(unitPath, session));
    if (session.kind === 'cell_meeting') continue;
    for (const member of membersByUnit.get(session.unitId) ?? []) {
      if (member.from_date > session.heldOn) continue;
      const roll = random.next();
      const status = roll < 0.978 ? 'present' : roll < 0.993 ? 'absent_excused' : 'absent';
      const makeUpDay = new Date(Date.parse(`${session.heldOn}T00:00:00Z`) + random.int(7, 45) * 86_400_000).toISOString().slice(0, 10);
      const madeUpOn = status !== 'present' && random.chance(0.65) && makeUpDay <= today ? makeUpDay : null;
      attendance.push({
        sessionId: session.id,
        personId: member.person_id,
        status,
        reason: status === 'absent_excused' ? random.pick(EXCUSES) : null,
        madeUpOn,
      });
      const studiedOn = status === 'present' ? session.heldOn : madeUpOn;
      if (!studiedOn) continue;
      records.push({ personId: member.person_id, year: YEAR, unitId: session.unitId, studiedOn, sessionId: session.id });
      deltas.push({ unitPath, metric: PROGRAMME_METRICS.studied(YEAR), day: studiedOn, delta: 1 });
    }
  }
  for (let start = 0; start < attendance.length; start += 2000)
    await tx.insert(sessionAttendance).values(attendance.slice(start, start + 2000));
  for (let start = 0; start < records.length; start += 2000) await tx.insert(studyRecords).values(records.slice(start, start + 2000));
  await addFigureDeltas(tx, deltas);
}
