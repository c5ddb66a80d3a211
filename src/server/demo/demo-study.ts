import { sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client';
import { todayIso } from '../platform/dates';
import { insertSessionsInBulk, type BulkSessionInput } from '../modules/study/index';
import { Random } from './random';
import { demoProvinceAdmin } from './demo-actor';

const YEAR = 2026;
const CELL_KINDS = new Set(['cell', 'grassroots_cell']);
const EXCUSES = ['Đi công tác', 'Ốm, nằm viện', 'Đi học tập trung', 'Việc gia đình', 'Đi làm ăn xa'];
const PLACES = ['Hội trường Đảng ủy', 'Nhà văn hóa thôn', 'Phòng họp cơ quan', 'Nhà sinh hoạt cộng đồng'];

type UnitRow = { id: number; kind: string; path: string; name: string };
type MemberRow = { person_id: number; unit_id: number; from_date: string };

const pad = (value: number) => String(value).padStart(2, '0');

/** The topic of the year that reaches the province: the programme demo, loaded before, issued it. */
async function findTopic(tx: Executor, provincePath: string): Promise<number> {
  const found = await tx.execute<{ id: number }>(sql`
    SELECT t.id FROM study_topics t JOIN units u ON u.id = t.unit_id
    WHERE t.deleted_at IS NULL AND u.path @> ${provincePath}::ltree AND t.from_year <= ${YEAR} AND t.to_year >= ${YEAR}
    ORDER BY nlevel(u.path) DESC, t.id LIMIT 1`);
  if (!found.rows[0]) throw new Error(`The study demo needs a topic of ${YEAR} reaching the province: load the programme demo first.`);
  return Number(found.rows[0].id);
}

/**
 * A year of study in the demo province: every unit with members of its own held a study session
 * (cells) or conference (committees, agencies) on the year's topic, with about 98% present and
 * about two thirds of the absent making it up later; cells met every month from January to November,
 * most meetings carrying the campaign. `skipStudyUnitCode` leaves one cell without its study session,
 * so the secretary's journey has something to record. The study module writes it all in one batch,
 * with the figures of the sessions and of who studied when.
 */
export async function loadDemoStudy(tx: Executor, options: { provinceCode: string; skipStudyUnitCode: string }): Promise<void> {
  const today = todayIso();
  const random = Random.derive(2026, 'demo-study');
  const units = (
    await tx.execute<UnitRow & { code: string }>(
      sql`SELECT id, code, kind, path::text AS path, name FROM units WHERE valid_to IS NULL ORDER BY id`,
    )
  ).rows.map((row) => ({ ...row, id: Number(row.id) }));
  const admin = await demoProvinceAdmin(tx, options.provinceCode);
  if (!admin) return;
  const topicId = await findTopic(tx, admin.province.path);
  const members = (
    await tx.execute<MemberRow>(
      sql`SELECT person_id, unit_id, from_date::text AS from_date FROM memberships WHERE is_primary AND to_date IS NULL`,
    )
  ).rows.map((row) => ({ ...row, person_id: Number(row.person_id), unit_id: Number(row.unit_id) }));
  const membersByUnit = new Map<number, MemberRow[]>();
  for (const member of members) membersByUnit.set(member.unit_id, [...(membersByUnit.get(member.unit_id) ?? []), member]);

  const sessions: BulkSessionInput[] = [];
  for (const unit of units) {
    const isCell = CELL_KINDS.has(unit.kind);
    if (isCell) {
      for (let month = 1; month <= 11; month++) {
        const heldOn = `${YEAR}-${pad(month)}-${pad(random.int(3, 10))}`;
        if (heldOn > today) continue;
        sessions.push({
          unitId: unit.id,
          kind: 'cell_meeting',
          title: `Sinh hoạt chi bộ định kỳ tháng ${month}/${YEAR}`,
          heldOn,
          place: random.pick(PLACES),
          hasCampaignItem: random.chance(0.9),
        });
      }
    }
    if (!membersByUnit.has(unit.id) || unit.code === options.skipStudyUnitCode) continue;
    const heldOn = `${YEAR}-${pad(random.int(2, 3))}-${pad(random.int(1, 28))}`;
    sessions.push({
      unitId: unit.id,
      kind: isCell ? 'study' : 'conference',
      topicId,
      title: isCell ? `Học tập chuyên đề năm ${YEAR}` : `Hội nghị học tập, quán triệt chuyên đề năm ${YEAR}`,
      heldOn,
      place: random.pick(PLACES),
    });
  }

  // The members of the unit on the day attend its study session or conference; the module records who studied when.
  for (const session of sessions) {
    if (session.kind === 'cell_meeting') continue;
    session.attendance = [];
    for (const member of membersByUnit.get(session.unitId) ?? []) {
      if (member.from_date > session.heldOn) continue;
      const roll = random.next();
      const status = roll < 0.978 ? 'present' : roll < 0.993 ? 'absent_excused' : 'absent';
      const makeUpDay = new Date(Date.parse(`${session.heldOn}T00:00:00Z`) + random.int(7, 45) * 86_400_000).toISOString().slice(0, 10);
      const madeUpOn = status !== 'present' && random.chance(0.65) && makeUpDay <= today ? makeUpDay : null;
      session.attendance.push({
        personId: member.person_id,
        status,
        reason: status === 'absent_excused' ? random.pick(EXCUSES) : null,
        madeUpOn,
      });
    }
  }
  await insertSessionsInBulk(tx, admin.actor, sessions, { action: 'demo.study', entityId: 'demo' });
}
