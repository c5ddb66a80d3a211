import type { Database } from '../../platform/db/client';
import { assertCan, type Actor } from '../../platform/auth/policy';
import {
  GRADES,
  GRADING_SUBJECTS,
  type Grade,
  type GradeCount,
  type GradingFigures,
  type GradingFigureValues,
} from '../../../shared/contracts/grading';
import { PARTY_MEMBERS_METRIC } from '../people/index';
import { getUnitOrThrow } from '../units/index';
import { asOfForYear, GRADING_METRICS, subtreeFigures } from '../figures/index';
import { capExceeded } from './grading-rules';
import { ruleForYear } from './grading.service';

/** Each figure is defined once, here; the dashboard and its export show the definitions. */
export const GRADING_FIGURE_DEFINITIONS: Record<keyof GradingFigureValues, string> = {
  partyMembers:
    'Số đảng viên đang sinh hoạt trong đơn vị và các đơn vị trực thuộc vào cuối năm đã chọn (hoặc hôm nay nếu năm chưa kết thúc).',
  members: 'Số đảng viên được cấp có thẩm quyền quyết định xếp loại ở từng mức trong năm, tính ở chi bộ của đảng viên khi được đánh giá.',
  membersDecided: 'Tổng số đảng viên đã có quyết định xếp loại chất lượng của năm.',
  collectives: 'Số tổ chức đảng (chi bộ, đảng bộ) trong phạm vi được cấp trên quyết định xếp loại ở từng mức trong năm.',
  collectivesDecided: 'Tổng số tổ chức đảng trong phạm vi đã có quyết định xếp loại của năm.',
  memberShares: 'Tỷ lệ từng mức trên tổng số đảng viên đã có quyết định xếp loại.',
  capExceeded:
    'Số xếp loại "Hoàn thành xuất sắc nhiệm vụ" vượt tỷ lệ tối đa so với số "Hoàn thành tốt nhiệm vụ" theo quy định áp dụng cho năm.',
};

const zero = (): GradeCount => ({ excellent: 0, good: 0, done: 0, not_done: 0 });

/** Grading figures of a subtree and of each child unit for a year, from the live counters. */
export async function getGradingFigures(db: Database, actor: Actor, unitId: number, year: number): Promise<GradingFigures> {
  // Grades are the grading readers' to see, beyond the figures permission the counters ask.
  assertCan(actor, 'grading.read', (await getUnitOrThrow(db, unitId)).path);
  const rule = await ruleForYear(db, year);
  const shape = (values: Record<string, number> | undefined, y: number): GradingFigureValues => {
    const read = (metric: string) => values?.[metric] ?? 0;
    const [members, collectives] = GRADING_SUBJECTS.map((subject) => {
      const counts = zero();
      for (const grade of GRADES) counts[grade] = read(GRADING_METRICS.decided(subject, grade, y));
      return counts;
    }) as [GradeCount, GradeCount];
    const sum = (counts: GradeCount) => GRADES.reduce((total, grade) => total + counts[grade], 0);
    const membersDecided = sum(members);
    return {
      partyMembers: read(PARTY_MEMBERS_METRIC),
      members,
      membersDecided,
      collectives,
      collectivesDecided: sum(collectives),
      memberShares: Object.fromEntries(
        GRADES.map((grade) => [grade, membersDecided > 0 ? members[grade] / membersDecided : null]),
      ) as Record<Grade, number | null>,
      capExceeded: capExceeded(rule.config, members) || capExceeded(rule.config, collectives),
    };
  };
  const answer = await subtreeFigures(db, actor, unitId, year, asOfForYear(year), {
    name: `grading-figures:${rule.code}`,
    metrics: (y) => [
      PARTY_MEMBERS_METRIC,
      ...GRADING_SUBJECTS.flatMap((subject) => GRADES.map((grade) => GRADING_METRICS.decided(subject, grade, y))),
    ],
    shape,
    definitions: GRADING_FIGURE_DEFINITIONS,
  });
  return { ...answer, rule: { code: rule.code, name: rule.name, excellentMaxShareOfGood: rule.config.excellentMaxShareOfGood } };
}
