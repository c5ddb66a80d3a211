import type { GradingRuleConfig } from '../../shared/contracts/grading';

/**
 * The grading rules every installation starts with, as data (docs/decisions/0017-grading-rules.md).
 * A new rule is a new row (POST /api/grading-rules), chosen for a year by `valid_from_year`.
 *
 * The split of the 30 general points among the five general criteria and the campaign points are
 * not fixed by the texts as reported: they are set here so the sheet adds up, and a province that
 * reads the guidance differently records its own version.
 */
const memberGeneral = [
  { code: 'politics', label: 'Tư tưởng chính trị', group: 'general', max: 6 },
  { code: 'ethics', label: 'Phẩm chất đạo đức, lối sống', group: 'general', max: 6 },
  { code: 'discipline', label: 'Ý thức tổ chức kỷ luật', group: 'general', max: 6 },
  { code: 'solidarity', label: 'Tinh thần đoàn kết, quan hệ với quần chúng', group: 'general', max: 6 },
  {
    code: 'example',
    label: 'Trách nhiệm nêu gương; học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    group: 'general',
    max: 6,
  },
] as const;

const collectiveGeneral = [
  { code: 'politics', label: 'Công tác chính trị tư tưởng', group: 'general', max: 8 },
  { code: 'organisation', label: 'Công tác tổ chức, cán bộ, đảng viên', group: 'general', max: 8 },
  { code: 'inspection', label: 'Công tác kiểm tra, giám sát, kỷ luật đảng', group: 'general', max: 7 },
  { code: 'example', label: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; nêu gương', group: 'general', max: 7 },
] as const;

const disqualifyingMember = [
  { code: 'disciplined', label: 'Bị xử lý kỷ luật trong năm' },
  { code: 'violation_concluded', label: 'Có vi phạm bị cấp có thẩm quyền kết luận' },
  { code: 'degraded', label: 'Có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa"' },
];
const disqualifyingCollective = [
  { code: 'disciplined', label: 'Tập thể bị xử lý kỷ luật trong năm' },
  { code: 'internal_disunity', label: 'Mất đoàn kết nội bộ nghiêm trọng' },
  { code: 'most_members_not_done', label: 'Quá nửa số đảng viên không hoàn thành nhiệm vụ' },
];
const qualifiers = [
  { code: 'all_on_time', label: 'Hoàn thành đúng hạn tất cả các nhiệm vụ' },
  { code: 'some_exceeded', label: 'Có một số nhiệm vụ vượt mức' },
];

export const QD366_2025: GradingRuleConfig = {
  member: {
    criteria: [...memberGeneral, { code: 'tasks', label: 'Kết quả thực hiện chức trách, nhiệm vụ được giao', group: 'tasks', max: 70 }],
    disqualifying: disqualifyingMember,
  },
  collective: {
    criteria: [...collectiveGeneral, { code: 'tasks', label: 'Kết quả thực hiện nhiệm vụ chính trị của đơn vị', group: 'tasks', max: 70 }],
    disqualifying: disqualifyingCollective,
  },
  qualifiers,
  bands: [
    { grade: 'excellent', min: 90, requires: ['all_on_time', 'some_exceeded'] },
    { grade: 'good', min: 70, requires: [] },
    { grade: 'done', min: 50, requires: [] },
    { grade: 'not_done', min: 0, requires: [] },
  ],
  campaign: { criterion: 'example', points: { completed_well: 6, completed: 5, not_completed: 2 } },
  // Not stated in the reports of QĐ 366 found; the 20% of QĐ 124 is kept until a province sets it.
  excellentMaxShareOfGood: 0.2,
  notes:
    'Quy định 366-QĐ/TW ngày 30/8/2025 và Hướng dẫn 43-HD/BTCTW ngày 31/10/2025: thang 100 điểm (30 điểm tiêu chí chung, 70 điểm kết quả thực hiện nhiệm vụ). Cách chia 30 điểm chung và tỷ lệ xuất sắc tối đa là cấu hình, cần đối chiếu hướng dẫn của cấp ủy.',
};

/**
 * The rule before 2025 as a 100-point sheet, so 2023 and 2024 can be graded and compared.
 * QĐ 124-QĐ/TW (04/10/2023) graded by criteria rather than points; the split and the bands below
 * are this installation's reading of it and are data to edit.
 */
export const QD124_2023: GradingRuleConfig = {
  member: {
    criteria: [
      ...memberGeneral.map((criterion) => ({ ...criterion, max: 10 })),
      { code: 'tasks', label: 'Kết quả thực hiện nhiệm vụ được giao', group: 'tasks', max: 50 },
    ],
    disqualifying: disqualifyingMember,
  },
  collective: {
    criteria: [
      ...collectiveGeneral.map((criterion) => ({ ...criterion, max: 12 })).slice(0, 3),
      { code: 'example', label: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', group: 'general', max: 14 },
      { code: 'tasks', label: 'Kết quả thực hiện nhiệm vụ chính trị của đơn vị', group: 'tasks', max: 50 },
    ],
    disqualifying: disqualifyingCollective,
  },
  qualifiers,
  bands: [
    { grade: 'excellent', min: 85, requires: ['some_exceeded'] },
    { grade: 'good', min: 65, requires: [] },
    { grade: 'done', min: 50, requires: [] },
    { grade: 'not_done', min: 0, requires: [] },
  ],
  campaign: { criterion: 'example', points: { completed_well: 10, completed: 8, not_completed: 3 } },
  excellentMaxShareOfGood: 0.2,
  notes:
    'Quy định 124-QĐ/TW ngày 04/10/2023, biểu diễn trên thang 100 điểm để so sánh; số xếp loại HTXSNV không vượt quá 20% số xếp loại HTTNV.',
};

export const GRADING_RULE_VERSIONS = [
  {
    code: 'QD124-2023',
    name: 'Quy định 124-QĐ/TW ngày 04/10/2023 về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm',
    validFromYear: 2023,
    config: QD124_2023,
  },
  { code: 'QD366-2025', name: 'Quy định 366-QĐ/TW ngày 30/8/2025 và Hướng dẫn 43-HD/BTCTW', validFromYear: 2025, config: QD366_2025 },
];
