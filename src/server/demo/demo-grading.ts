import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/client';
import type { Actor } from '../platform/auth/policy';
import { todayIso } from '../platform/dates';
import { createGrading, decideOne, gradeOne, proposeGrade, ruleForYear, saveSelfReview } from '../modules/grading/index';
import type { Grade, GradingRuleConfig, GradingSubject } from '../../shared/contracts/grading';
import { Random } from './random';
import { demoProvinceAdmin } from './demo-actor';

const STRENGTHS = [
  'Giữ vững lập trường tư tưởng chính trị; gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước.',
  'Tích cực tham gia sinh hoạt chi bộ, đóng góp nhiều ý kiến xây dựng; hoàn thành tốt các việc làm đã đăng ký theo gương Bác.',
  'Gần gũi, lắng nghe nhân dân; vận động gia đình và bà con khu dân cư thực hiện tốt các phong trào.',
];
const SHORTCOMINGS = [
  'Có lúc chưa mạnh dạn phát biểu, đấu tranh phê bình trong sinh hoạt chi bộ.',
  'Việc nghiên cứu, tự học tập nâng cao trình độ có lúc chưa thường xuyên.',
  'Một số việc làm đã đăng ký hoàn thành còn chậm so với thời hạn.',
];
const REMEDIES = 'Chủ động chuẩn bị ý kiến trước mỗi kỳ sinh hoạt; lập kế hoạch tự học hằng tháng; theo dõi tiến độ việc làm đã đăng ký.';

/** A plausible sheet: most general criteria near full, the tasks spread so the grades spread. */
function sheetOf(random: Random, rule: GradingRuleConfig, subject: GradingSubject) {
  const scores: Record<string, number> = {};
  for (const criterion of rule[subject].criteria) {
    const low = criterion.group === 'tasks' ? Math.round(criterion.max * 0.6) : criterion.max - 2;
    scores[criterion.code] = random.int(Math.max(0, low), criterion.max);
  }
  const conditions: string[] = [];
  if (random.chance(0.75)) conditions.push('all_on_time');
  if (random.chance(0.35)) conditions.push('some_exceeded');
  if (subject === 'member' && random.chance(0.01)) conditions.push('disciplined');
  return { scores, conditions };
}

type Subject = { subject: GradingSubject; personId?: number; unitId?: number };
type Stop = 'self_reviewed' | 'graded' | 'decided';

/** One subject's grading taken through the screens' own steps as far as `stop`. */
async function gradeThrough(
  db: Database,
  actor: Actor,
  random: Random,
  year: number,
  rule: GradingRuleConfig,
  subject: Subject,
  stop: Stop,
) {
  const sheet = sheetOf(random, rule, subject.subject);
  const proposal = proposeGrade(rule, subject.subject, sheet);
  let view = await createGrading(db, actor, {
    year,
    subject: subject.subject,
    personId: subject.personId ?? null,
    unitId: subject.unitId ?? null,
  });
  view = await saveSelfReview(db, actor, view.id, {
    version: view.version,
    strengths: random.pick(STRENGTHS),
    shortcomings: random.pick(SHORTCOMINGS),
    remedies: REMEDIES,
    ...sheet,
    selfGrade: proposal.grade,
    submit: true,
  });
  if (stop === 'self_reviewed') return;
  const votes = { for: random.int(8, 15), against: 0, abstain: random.int(0, 1) };
  view = await gradeOne(db, actor, view.id, {
    version: view.version,
    ...sheet,
    comment: '',
    grade: proposal.grade,
    overrideReason: null,
    votes,
  });
  if (stop === 'graded') return;
  const grade: Grade = proposal.grade;
  await decideOne(db, actor, view.id, { version: view.version, grade, note: null });
}

/**
 * The year-end grading in the demo: last year's graded and decided in the first commune (members
 * and cells), and this year's under way there (self-reviews sent, some graded), all
 * through the grading module's own services so the figures are counted as the screens count them.
 * The member account's own grading and the secretary's cell are left for the demo journey.
 */
export async function loadDemoGrading(db: Database, provinceCode: string, options: { skipPersonIds: number[]; skipUnitCode: string }) {
  const admin = await demoProvinceAdmin(db, provinceCode);
  if (!admin) return;
  const { actor, province } = admin;

  const random = Random.derive(2026, 'demo-grading');
  const thisYear = Number(todayIso().slice(0, 4));
  // One commune is enough to show every state; each grading takes four steps through the services.
  const communes = (
    await db.execute<{ id: number; path: string }>(sql`
      SELECT id, path::text AS path FROM units WHERE parent_id = ${province.id} AND valid_to IS NULL AND kind = 'commune_committee' ORDER BY id LIMIT 1`)
  ).rows;
  for (const commune of communes) {
    const members = await db.execute<{ person_id: number; unit_code: string }>(sql`
      SELECT m.person_id, u.code AS unit_code FROM memberships m JOIN units u ON u.id = m.unit_id JOIN persons p ON p.id = m.person_id
      WHERE u.path <@ ${commune.path}::ltree AND m.is_primary AND m.to_date IS NULL AND p.category = 'party_member' AND m.from_date < ${`${thisYear - 1}-12-01`}
      ORDER BY m.person_id LIMIT 60`);
    const cells = await db.execute<{ id: number; code: string }>(sql`
      SELECT id, code FROM units WHERE parent_id = ${commune.id} AND valid_to IS NULL AND kind IN ('cell', 'grassroots_cell') ORDER BY id`);
    const lastYear = await ruleForYear(db, thisYear - 1);
    for (const row of members.rows) {
      if (options.skipPersonIds.includes(Number(row.person_id))) continue;
      await gradeThrough(
        db,
        actor,
        random,
        thisYear - 1,
        lastYear.config,
        { subject: 'member', personId: Number(row.person_id) },
        'decided',
      );
    }
    for (const cell of cells.rows) {
      await gradeThrough(db, actor, random, thisYear - 1, lastYear.config, { subject: 'collective', unitId: Number(cell.id) }, 'decided');
    }
    // This year: self-reviews coming in, the first ones graded.
    const current = await ruleForYear(db, thisYear);
    for (const row of members.rows) {
      if (options.skipPersonIds.includes(Number(row.person_id)) || row.unit_code === options.skipUnitCode || !random.chance(0.6)) continue;
      const stop: Stop = random.chance(0.3) ? 'graded' : 'self_reviewed';
      await gradeThrough(db, actor, random, thisYear, current.config, { subject: 'member', personId: Number(row.person_id) }, stop);
    }
  }
}
