import { AppError } from '../../platform/errors';
import type { CompletionLevel } from '../../../shared/contracts/registration-status';
import {
  GRADE_LABELS,
  GRADE_SHORT_LABELS,
  type Grade,
  type GradeCount,
  type GradingRuleConfig,
  type GradingSubject,
} from '../../../shared/contracts/grading';

/** What the engine is given for one subject: the points per criterion and the conditions ticked. */
export type GradingSheet = { scores: Record<string, number>; conditions: string[] };
export type Proposal = { grade: Grade; total: number; reason: string };

const points = (value: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);

/**
 * Checks a sheet against the rule: every criterion scored once, within its maximum, and only the
 * conditions the rule knows. Refuses with the first problem found, in words a secretary can act on.
 */
export function checkSheet(rule: GradingRuleConfig, subject: GradingSubject, sheet: GradingSheet): void {
  const criteria = rule[subject].criteria;
  const known = new Set(criteria.map((criterion) => criterion.code));
  const unknown = Object.keys(sheet.scores).find((code) => !known.has(code));
  if (unknown) throw new AppError('VALIDATION_FAILED', `Tiêu chí "${unknown}" không có trong quy định áp dụng cho năm này.`);
  for (const criterion of criteria) {
    const score = sheet.scores[criterion.code];
    if (score === undefined) throw new AppError('VALIDATION_FAILED', `Hãy chấm điểm tiêu chí "${criterion.label}".`);
    if (score > criterion.max) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Tiêu chí "${criterion.label}" tối đa ${points(criterion.max)} điểm (đã chấm ${points(score)}).`,
      );
    }
  }
  const conditions = new Set([...rule[subject].disqualifying, ...rule.qualifiers].map((condition) => condition.code));
  const strange = sheet.conditions.find((code) => !conditions.has(code));
  if (strange) throw new AppError('VALIDATION_FAILED', `Điều kiện "${strange}" không có trong quy định áp dụng cho năm này.`);
}

/**
 * The grade the rule gives a sheet, with the reason in words: a disqualifying condition gives
 * "Không hoàn thành nhiệm vụ" whatever the points; otherwise the best band whose minimum the total
 * reaches and whose required conditions are all ticked.
 */
export function proposeGrade(rule: GradingRuleConfig, subject: GradingSubject, sheet: GradingSheet): Proposal {
  const total = rule[subject].criteria.reduce((sum, criterion) => sum + (sheet.scores[criterion.code] ?? 0), 0);
  const ticked = new Set(sheet.conditions);
  const disqualified = rule[subject].disqualifying.filter((condition) => ticked.has(condition.code));
  if (disqualified.length > 0) {
    return {
      grade: 'not_done',
      total,
      reason: `${points(total)} điểm, nhưng ${disqualified.map((condition) => condition.label.toLowerCase()).join('; ')}: xếp ${GRADE_SHORT_LABELS.not_done}.`,
    };
  }
  const labelOf = (code: string) => rule.qualifiers.find((item) => item.code === code)?.label.toLowerCase() ?? code;
  const missed: string[] = [];
  for (const band of rule.bands) {
    if (total < band.min) continue;
    const lacking = band.requires.filter((code) => !ticked.has(code));
    if (lacking.length === 0) {
      const missedText = missed.length > 0 ? ` (${missed.join('; ')})` : '';
      return {
        grade: band.grade,
        total,
        reason: `${points(total)} điểm, đạt mức từ ${points(band.min)} điểm: ${GRADE_LABELS[band.grade]}${missedText}.`,
      };
    }
    missed.push(`đủ điểm ${GRADE_SHORT_LABELS[band.grade]} nhưng chưa ${lacking.map(labelOf).join(', ')}`);
  }
  // The last band starts at 0, so this is reached only with a rule whose last band requires something.
  return { grade: 'not_done', total, reason: `${points(total)} điểm: ${GRADE_LABELS.not_done}.` };
}

/** The points the rule suggests for the campaign criterion from the cell's review of the member's registration. */
export function campaignPoints(rule: GradingRuleConfig, reviewLevel: CompletionLevel | null): { criterion: string; points: number } | null {
  if (reviewLevel === null || !(reviewLevel in rule.campaign.points)) return null;
  return { criterion: rule.campaign.criterion, points: rule.campaign.points[reviewLevel] };
}

/** Whether "xuất sắc" is above the rule's cap, as a share of "tốt". */
export function capExceeded(rule: GradingRuleConfig, counts: GradeCount): boolean {
  if (rule.excellentMaxShareOfGood === null) return false;
  return counts.excellent > Math.floor(counts.good * rule.excellentMaxShareOfGood + 1e-9);
}
