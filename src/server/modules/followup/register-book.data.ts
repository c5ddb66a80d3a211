import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { formatVietnameseDate } from '../../platform/dates';
import { POSITION_LABELS, type Position } from '../../../shared/contracts/domain';
import { ACTION_AREA_LABELS, COMPLETION_LEVEL_LABELS } from '../../../shared/contracts/registration-status';
import { getUnitOrThrow } from '../units/index';
import { listActionsOfMany } from './followup.repo';

type Level = keyof typeof COMPLETION_LEVEL_LABELS;

/** One line of the register book (sổ đăng ký): who, their position, what they registered, and the year-end results. */
export type RegisterBookLine = {
  name: string;
  position: string;
  actions: Array<{ text: string }>;
  selfAssessment: string;
  review: string;
};

const levelLabel = (level: string | null) => (level ? COMPLETION_LEVEL_LABELS[level as Level] ?? level : '');

function assessmentText(level: string | null, text: string | null): string {
  if (!level) return '';
  return text ? `${levelLabel(level)}: ${text}` : levelLabel(level);
}

/**
 * The registrations of a unit's subtree for a year, in the book's order: the collective ones first,
 * then each unit's leaders, then members by name. Drafts are not in the book.
 */
export async function readRegisterBook(db: Database, actor: Actor, unitId: number, year: number) {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'registrations.read', unit.path);
  const parent = unit.parentId ? await getUnitOrThrow(db, unit.parentId) : null;
  const rows = await db.execute<{
    id: number;
    kind: string;
    unit_id: number;
    unit_name: string;
    person_name: string | null;
    position: string | null;
    self_level: string | null;
    self_explanation: string | null;
    review_level: string | null;
    review_comment: string | null;
  }>(sql`
    SELECT r.id, r.kind, r.unit_id, u.name AS unit_name, p.full_name AS person_name,
      (SELECT m.position FROM memberships m WHERE m.person_id = r.person_id AND m.unit_id = r.unit_id
        ORDER BY m.to_date IS NULL DESC, m.from_date DESC LIMIT 1) AS position,
      r.self_level, r.self_explanation, r.review_level, r.review_comment
    FROM registrations r JOIN units u ON u.id = r.unit_id LEFT JOIN persons p ON p.id = r.person_id
    WHERE u.path <@ ${unit.path}::ltree AND r.year = ${year} AND r.status <> 'draft'
    ORDER BY u.sort_key, r.kind, r.is_leader DESC, p.sort_key, r.id`);
  const actions = await listActionsOfMany(db, rows.rows.map((row) => Number(row.id)));
  const lines: RegisterBookLine[] = rows.rows.map((row) => {
    const own = actions.filter((action) => action.registrationId === Number(row.id));
    const elsewhere = Number(row.unit_id) !== unit.id ? ` — ${row.unit_name}` : '';
    return {
      name: row.kind === 'collective' ? `Tập thể ${row.unit_name}` : (row.person_name ?? ''),
      position: row.kind === 'collective' ? '' : `${row.position ? POSITION_LABELS[row.position as Position] ?? row.position : ''}${elsewhere}`,
      actions: own.map((action, index) => {
        const parts = [`${index + 1}. [${ACTION_AREA_LABELS[action.area as keyof typeof ACTION_AREA_LABELS] ?? action.area}] ${action.content}`];
        if (action.measurableResult) parts.push(`Kết quả cần đạt: ${action.measurableResult}`);
        if (action.deadline) parts.push(`Thời hạn: ${formatVietnameseDate(action.deadline)}`);
        parts.push(`Tiến độ: ${action.progressPercent}%`);
        if (action.selfLevel) parts.push(`Tự đánh giá: ${levelLabel(action.selfLevel)}`);
        return { text: parts.join('; ') };
      }),
      selfAssessment: assessmentText(row.self_level, row.self_explanation),
      review: assessmentText(row.review_level, row.review_comment),
    };
  });
  return { unit, parent, year, lines };
}
