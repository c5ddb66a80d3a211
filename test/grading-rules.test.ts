/**
 * The grading rule engine: every band edge of QĐ 366 (49/50, 69/70, 89/90), the conditions that
 * disqualify or that "xuất sắc" needs, the sheet checks, the cap, and the 2023 rule side by side
 * with the 2025 one giving different grades to the same sheet. The rules are data: a broken
 * version is refused by its schema.
 */
import { describe, expect, it } from 'vitest';
import { campaignPoints, capExceeded, checkSheet, proposeGrade } from '../src/server/modules/grading/grading-rules';
import { QD124_2023, QD366_2025 } from '../src/server/db/grading-rule-versions';
import { GradingRuleConfigSchema, type GradingRuleConfig } from '../src/shared/contracts/grading';
import { AppError } from '../src/server/platform/errors';

/** A member's sheet reaching `total`: the 30 general points first, the rest on the tasks. */
function sheetOf(rule: GradingRuleConfig, total: number, conditions: string[] = []) {
  const scores: Record<string, number> = {};
  let left = total;
  const criteria = [...rule.member.criteria].sort((a, b) => (a.group === b.group ? 0 : a.group === 'general' ? -1 : 1));
  for (const criterion of criteria) {
    const given = Math.min(criterion.max, left);
    scores[criterion.code] = given;
    left -= given;
  }
  return { scores, conditions };
}

const excellentConditions = ['all_on_time', 'some_exceeded'];

describe('QĐ 366: the bands at their edges', () => {
  const cases: Array<[number, string[], string]> = [
    [49, [], 'not_done'],
    [50, [], 'done'],
    [69, [], 'done'],
    [70, [], 'good'],
    [89, excellentConditions, 'good'],
    [90, excellentConditions, 'excellent'],
    [100, excellentConditions, 'excellent'],
    [0, [], 'not_done'],
  ];
  for (const [total, conditions, grade] of cases) {
    it(`${total} points${conditions.length ? ' with every task on time and some exceeded' : ''} → ${grade}`, () => {
      const proposal = proposeGrade(QD366_2025, 'member', sheetOf(QD366_2025, total, conditions));
      expect(proposal.total).toBe(total);
      expect(proposal.grade).toBe(grade);
    });
  }

  it('fractional points sit on the right side of an edge (89,5 is below 90)', () => {
    const sheet = sheetOf(QD366_2025, 89);
    sheet.scores.tasks! += 0.5;
    expect(proposeGrade(QD366_2025, 'member', { ...sheet, conditions: excellentConditions }).grade).toBe('good');
  });

  it('90 points without every task on time is "tốt", and the reason says what was missing', () => {
    const proposal = proposeGrade(QD366_2025, 'member', sheetOf(QD366_2025, 95, ['some_exceeded']));
    expect(proposal.grade).toBe('good');
    expect(proposal.reason).toContain('chưa hoàn thành đúng hạn tất cả các nhiệm vụ');
    expect(proposal.reason).toContain('95 điểm');
  });

  it('a disqualifying condition gives "không hoàn thành" whatever the points, and names it', () => {
    const proposal = proposeGrade(QD366_2025, 'member', sheetOf(QD366_2025, 98, [...excellentConditions, 'disciplined']));
    expect(proposal.grade).toBe('not_done');
    expect(proposal.reason).toContain('bị xử lý kỷ luật trong năm');
  });

  it('a collective is graded on its own sheet and its own disqualifying conditions', () => {
    const scores = Object.fromEntries(QD366_2025.collective.criteria.map((criterion) => [criterion.code, criterion.max]));
    expect(proposeGrade(QD366_2025, 'collective', { scores, conditions: excellentConditions }).grade).toBe('excellent');
    expect(proposeGrade(QD366_2025, 'collective', { scores, conditions: ['internal_disunity'] }).grade).toBe('not_done');
  });
});

describe('two versions side by side', () => {
  it('the same 87 points with some tasks exceeded: "xuất sắc" under the 2023 reading, "tốt" under QĐ 366', () => {
    expect(proposeGrade(QD124_2023, 'member', sheetOf(QD124_2023, 87, ['some_exceeded'])).grade).toBe('excellent');
    expect(proposeGrade(QD366_2025, 'member', sheetOf(QD366_2025, 87, ['some_exceeded'])).grade).toBe('good');
  });

  it('66 points: "tốt" from 65 in 2023, "hoàn thành" below 70 in 2025', () => {
    expect(proposeGrade(QD124_2023, 'member', sheetOf(QD124_2023, 66)).grade).toBe('good');
    expect(proposeGrade(QD366_2025, 'member', sheetOf(QD366_2025, 66)).grade).toBe('done');
  });

  it('the campaign result suggests different points under each version', () => {
    expect(campaignPoints(QD366_2025, 'completed_well')).toEqual({ criterion: 'example', points: 6 });
    expect(campaignPoints(QD124_2023, 'completed_well')).toEqual({ criterion: 'example', points: 10 });
    expect(campaignPoints(QD366_2025, null)).toBeNull();
  });

  it('both shipped versions pass their own schema', () => {
    expect(GradingRuleConfigSchema.safeParse(QD366_2025).success).toBe(true);
    expect(GradingRuleConfigSchema.safeParse(QD124_2023).success).toBe(true);
  });
});

describe('sheet checks and the cap', () => {
  const refusal = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).message;
    }
    throw new Error('expected a refusal');
  };

  it('refuses a score above the criterion maximum, a missing criterion, an unknown criterion or condition', () => {
    const full = sheetOf(QD366_2025, 80);
    expect(refusal(() => checkSheet(QD366_2025, 'member', { ...full, scores: { ...full.scores, politics: 7 } }))).toContain(
      'tối đa 6 điểm',
    );
    const { tasks: _tasks, ...missing } = full.scores;
    expect(refusal(() => checkSheet(QD366_2025, 'member', { ...full, scores: missing }))).toContain('Kết quả thực hiện chức trách');
    expect(refusal(() => checkSheet(QD366_2025, 'member', { ...full, scores: { ...full.scores, luck: 1 } }))).toContain('"luck"');
    expect(refusal(() => checkSheet(QD366_2025, 'member', { ...full, conditions: ['bribed'] }))).toContain('"bribed"');
    expect(() => checkSheet(QD366_2025, 'member', full)).not.toThrow();
  });

  it('"xuất sắc" above 20% of "tốt" is flagged; at 20% it is not', () => {
    expect(capExceeded(QD366_2025, { excellent: 2, good: 10, done: 0, not_done: 0 })).toBe(false);
    expect(capExceeded(QD366_2025, { excellent: 3, good: 10, done: 0, not_done: 0 })).toBe(true);
    expect(capExceeded({ ...QD366_2025, excellentMaxShareOfGood: null }, { excellent: 9, good: 1, done: 0, not_done: 0 })).toBe(false);
  });

  it('a version whose sheet does not add up to 100, or whose bands climb, is refused', () => {
    const broken = { ...QD366_2025, member: { ...QD366_2025.member, criteria: QD366_2025.member.criteria.slice(1) } };
    const sheetResult = GradingRuleConfigSchema.safeParse(broken);
    expect(sheetResult.success).toBe(false);
    expect(JSON.stringify(sheetResult.error?.issues)).toContain('Tổng điểm tối đa phải là 100');
    const climbing = { ...QD366_2025, bands: QD366_2025.bands.map((band, index) => (index === 2 ? { ...band, min: 75 } : band)) };
    expect(JSON.stringify(GradingRuleConfigSchema.safeParse(climbing).error?.issues)).toContain('giảm dần');
  });
});
