/**
 * Gradings in each status for the grading tests, made through the module's own services (the
 * system acts as an administrator at the root), so they are what the screens make.
 */
import type { Database } from '../../src/server/platform/db/client';
import type { GradingStatus } from '../../src/shared/contracts/grading';
import { QD366_2025 } from '../../src/server/db/grading-rule-versions';
import { createGrading, decideOne, gradeOne, saveSelfReview } from '../../src/server/modules/grading/grading.service';
import { addPerson, rootActor } from './fixtures';

/** A member's sheet of QĐ 366 adding up to `total` (general criteria first, the rest on the tasks). */
export function memberScores(total: number): Record<string, number> {
  const scores: Record<string, number> = {};
  let left = total;
  for (const criterion of [...QD366_2025.member.criteria].sort((a, b) => a.max - b.max)) {
    scores[criterion.code] = Math.min(criterion.max, left);
    left -= scores[criterion.code]!;
  }
  return scores;
}

export const selfReviewBody = (version: number, total = 82, submit = false) => ({
  version,
  strengths: 'Gương mẫu chấp hành chủ trương của Đảng; hoàn thành tốt nhiệm vụ tổ trưởng tổ dân phố.',
  shortcomings: 'Đôi lúc còn ngại phát biểu trong sinh hoạt chi bộ.',
  remedies: 'Chuẩn bị ý kiến trước mỗi buổi sinh hoạt.',
  scores: memberScores(total),
  conditions: [],
  selfGrade: 'good',
  submit,
});

export const gradeBody = (version: number, total = 82) => ({
  version,
  scores: memberScores(total),
  conditions: [],
  comment: 'Chi bộ thống nhất với bản tự kiểm điểm.',
  grade: 'good',
  overrideReason: null,
  votes: { for: 9, against: 0, abstain: 1 },
});

type Place = { rootPath: string; unit: { id: number; path: string } };

/** A fresh party member of the unit with a grading for `year` brought to `status`; returns its id and version. */
export async function memberGradingIn(db: Database, place: Place, status: GradingStatus, n: number, year = 2026) {
  const system = rootActor(place.rootPath);
  const person = await addPerson(db, place.unit.path, {
    fullName: `Đảng viên xếp loại ${n}`,
    unitId: place.unit.id,
    cardNumber: `97${String(n).padStart(6, '0')}`,
  });
  let view = await createGrading(db, system, { subject: 'member', year, personId: person.id });
  if (status === 'draft') return { id: view.id, version: view.version, personId: person.id };
  view = await saveSelfReview(db, system, view.id, { ...selfReviewBody(view.version), selfGrade: 'good', submit: true } as Parameters<
    typeof saveSelfReview
  >[3]);
  if (status === 'self_reviewed') return { id: view.id, version: view.version, personId: person.id };
  view = await gradeOne(db, system, view.id, gradeBody(view.version) as Parameters<typeof gradeOne>[3]);
  if (status === 'graded') return { id: view.id, version: view.version, personId: person.id };
  view = await decideOne(db, system, view.id, { version: view.version, grade: null, note: null });
  return { id: view.id, version: view.version, personId: person.id };
}
