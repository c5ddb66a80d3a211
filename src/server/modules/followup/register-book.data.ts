import type { Database } from '../../platform/db/client';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { formatVietnameseDate } from '../../platform/dates';
import { POSITION_LABELS } from '../../../shared/contracts/domain';
import { ACTION_AREA_LABELS, COMPLETION_LEVEL_LABELS, type CompletionLevel } from '../../../shared/contracts/registration-status';
import { getUnitOrThrow } from '../units/index';
import { listActionsOfMany, listRegisterBookRows } from './followup.repo';

/** One line of the register book (sổ đăng ký): who, their position, what they registered, and the year-end results. */
export type RegisterBookLine = {
  name: string;
  position: string;
  actions: Array<{ text: string }>;
  selfAssessment: string;
  review: string;
};

const levelLabel = (level: CompletionLevel | null) => (level ? (COMPLETION_LEVEL_LABELS[level] ?? level) : '');

function assessmentText(level: CompletionLevel | null, text: string | null): string {
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
  const rows = await listRegisterBookRows(db, unit.path, year);
  const actions = await listActionsOfMany(
    db,
    rows.map((row) => Number(row.id)),
  );
  const lines: RegisterBookLine[] = rows.map((row) => {
    const own = actions.filter((action) => action.registrationId === Number(row.id));
    const elsewhere = Number(row.unit_id) !== unit.id ? ` — ${row.unit_name}` : '';
    return {
      name: row.kind === 'collective' ? `Tập thể ${row.unit_name}` : (row.person_name ?? ''),
      position: row.kind === 'collective' ? '' : `${row.position ? (POSITION_LABELS[row.position] ?? row.position) : ''}${elsewhere}`,
      actions: own.map((action, index) => {
        const parts = [`${index + 1}. [${ACTION_AREA_LABELS[action.area] ?? action.area}] ${action.content}`];
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
