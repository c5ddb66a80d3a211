import type { Executor } from '../../platform/db/client';
import { readFigures } from '../../platform/figures';
import { asOfForYear, GRADING_METRICS } from '../figures/index';
import { GRADES, GRADING_SUBJECTS, type GradeCount, type GradingView } from '../../../shared/contracts/grading';
import type { GradingRow } from './grading.repo';

/**
 * What the level above grades a collective from besides its self-review: the year's decided grades
 * of its members and of the Party organisations below it, from the live counters of its unit (its
 * own grade, counted there too, left out).
 */
export async function collectiveResultsOf(executor: Executor, grading: GradingRow): Promise<GradingView['subtreeResults']> {
  if (grading.subject !== 'collective') return null;
  const metrics = GRADING_SUBJECTS.flatMap((subject) => GRADES.map((grade) => GRADING_METRICS.decided(subject, grade, grading.year)));
  const values = (await readFigures(executor, [grading.unitId], metrics, asOfForYear(grading.year))).get(grading.unitId) ?? {};
  const [members, collectives] = GRADING_SUBJECTS.map(
    (subject) =>
      Object.fromEntries(GRADES.map((grade) => [grade, values[GRADING_METRICS.decided(subject, grade, grading.year)] ?? 0])) as GradeCount,
  ) as [GradeCount, GradeCount];
  if (grading.decidedGrade) collectives[grading.decidedGrade] -= 1;
  return { members, collectives };
}
