import type { Database } from '../platform/db/client';
import type { Actor } from '../platform/auth/policy';
import { acceptAnswer, createRequest, respondToRecommendation, saveAnswer, saveTemplate, submitAnswer } from '../modules/reports/index';
import { DEFAULT_SECTIONS } from '../../shared/contracts/reports';
import { Random } from './random';
import { demoProvinceAdmin } from './demo-actor';

const METRICS = [
  'members',
  'party_members',
  'studied',
  'study_rate',
  'study_sessions',
  'cell_meetings_campaign',
  'standards_rate',
  'registration_rate',
];
const CONTENT = {
  metrics: METRICS,
  manualItems: [
    { key: 'good_examples', label: 'Số tập thể, cá nhân điển hình được biểu dương, khen thưởng', type: 'number' as const },
    { key: 'models', label: 'Mô hình, cách làm hay tiêu biểu', type: 'text' as const },
  ],
  sections: DEFAULT_SECTIONS.map((section) => ({ ...section })),
};
const QUARTERS = [
  { label: 'quý III năm 2025', from: '2025-07-01', to: '2025-09-30', deadline: '2025-10-10' },
  { label: 'quý IV năm 2025', from: '2025-10-01', to: '2025-12-31', deadline: '2026-01-10' },
];
/**
 * Briefings of the former tree, answered by the district committees (before 1/7/2025 the province
 * asked its districts): the figures kept then were members, with the rest typed in by each district.
 */
const FORMER_CONTENT = {
  metrics: ['members', 'party_members'],
  manualItems: [
    { key: 'studied_typed', label: 'Số cán bộ, đảng viên được học tập, quán triệt chuyên đề', type: 'number' as const },
    { key: 'good_examples', label: 'Số tập thể, cá nhân điển hình được biểu dương, khen thưởng', type: 'number' as const },
  ],
  sections: DEFAULT_SECTIONS.map((section) => ({ ...section })),
};
const FORMER_QUARTERS = [2012, 2016, 2020, 2024].flatMap((year) =>
  ['I', 'II', 'III', 'IV'].map((roman, index) => {
    const endMonth = (index + 1) * 3;
    const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
    const nextMonth = endMonth === 12 ? `${year + 1}-01` : `${year}-${String(endMonth + 1).padStart(2, '0')}`;
    return {
      label: `quý ${roman} năm ${year}`,
      from: `${year}-${String(endMonth - 2).padStart(2, '0')}-01`,
      to: `${year}-${String(endMonth).padStart(2, '0')}-${lastDay}`,
      deadline: `${nextMonth}-10`,
    };
  }),
);
const NARRATIVE: Record<string, string[]> = {
  situation: [
    'Các chi bộ duy trì nền nếp sinh hoạt định kỳ; đảng viên đồng thuận, tin tưởng vào sự lãnh đạo của cấp ủy.',
    'Tình hình chính trị, trật tự an toàn xã hội ổn định; phong trào thi đua được triển khai rộng khắp.',
  ],
  results: [
    'Tổ chức học tập chuyên đề năm cho cán bộ, đảng viên; đưa nội dung làm theo Bác vào sinh hoạt chi bộ hằng tháng.',
    'Cán bộ, đảng viên đăng ký làm theo gắn với nhiệm vụ chuyên môn; nhiều việc làm cụ thể được ghi nhận.',
  ],
  strengths: ['Cấp ủy quan tâm lãnh đạo, chỉ đạo; người đứng đầu gương mẫu.', 'Nhiều mô hình, cách làm hay được nhân rộng.'],
  limitations: ['Một số chi bộ sinh hoạt chuyên đề còn hình thức.', 'Việc đăng ký làm theo của một số đảng viên còn chung chung.'],
  causes: ['Một số cấp ủy chưa sâu sát; đảng viên cao tuổi khó tiếp cận tài liệu điện tử.'],
  lessons: ['Phát huy vai trò nêu gương của người đứng đầu; gắn học tập với giải quyết việc cụ thể ở cơ sở.'],
  tasks: ['Tiếp tục đưa nội dung học tập và làm theo Bác vào sinh hoạt chi bộ; biểu dương kịp thời gương điển hình.'],
  proposals: ['Như mục khó khăn, kiến nghị dưới đây.'],
};
const DIFFICULTIES = [
  'Thiếu tài liệu học tập chuyên đề bản in cho đảng viên cao tuổi',
  'Kinh phí tổ chức hội nghị biểu dương còn hạn chế',
  'Một số chi bộ thôn chưa có điểm sinh hoạt ổn định',
];
const RECOMMENDATIONS = [
  'Đề nghị Tỉnh ủy cấp bổ sung tài liệu chuyên đề bản in',
  'Đề nghị tổ chức tập huấn nghiệp vụ cho bí thư chi bộ',
  'Đề nghị hướng dẫn tiêu chí đánh giá việc làm theo của đảng viên',
];
const ANSWERS = [
  'Ban Tuyên giáo và Dân vận Tỉnh ủy đã cấp bổ sung tài liệu trong tháng 01/2026.',
  'Tỉnh ủy sẽ tổ chức tập huấn cho bí thư chi bộ trong quý II năm 2026.',
  'Đã ban hành hướng dẫn tiêu chí đánh giá kèm công văn của Ban Tuyên giáo và Dân vận.',
];

const addDays = (isoDate: string, days: number) => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

type Quarter = { label: string; from: string; to: string; deadline: string };

/** A quarterly briefing from the province to the units below it on the period's last day. */
function issueQuarterly(db: Database, actor: Actor, provinceId: number, quarter: Quarter, content: typeof CONTENT, guidance: string) {
  return createRequest(db, actor, {
    unitId: provinceId,
    kind: 'quarterly',
    title: `Báo cáo kết quả học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ${quarter.label}`,
    periodFrom: quarter.from,
    periodTo: quarter.to,
    deadline: quarter.deadline,
    audience: 'children',
    content,
    guidance,
  });
}

function answerBody(random: Random, version: number, withItems: boolean) {
  return {
    narrative: Object.fromEntries(Object.entries(NARRATIVE).map(([key, options]) => [key, random.pick(options)])),
    manualValues: { good_examples: String(random.int(2, 15)), models: 'Mô hình "Dân vận khéo", "Chi bộ 4 tốt"' },
    figureNotes: {},
    recommendations: withItems
      ? [
          { kind: 'difficulty' as const, body: random.pick(DIFFICULTIES) },
          { kind: 'recommendation' as const, body: random.pick(RECOMMENDATIONS) },
        ]
      : [],
    fileIds: [],
    version,
  };
}

/**
 * Periodic reports of the demo province: last year's quarterly briefings from the province to the
 * units below it, answered by most on their own days and accepted, with recommendations answered
 * (a few still open and overdue), the briefings of 2012, 2016, 2020 and 2024 answered by the former districts,
 * and this quarter's request open now with some answers in draft.
 */
export async function loadDemoReports(db: Database, provinceCode: string): Promise<void> {
  const admin = await demoProvinceAdmin(db, provinceCode);
  if (!admin) return;
  const { actor, province } = admin;

  const random = Random.derive(2026, 'demo-reports');
  const provinceId = Number(province.id);
  await saveTemplate(db, actor, {
    unitId: provinceId,
    name: 'Báo cáo quý về học tập và làm theo Bác',
    kind: 'quarterly',
    content: CONTENT,
  });

  for (const quarter of QUARTERS) {
    const request = await issueQuarterly(
      db,
      actor,
      provinceId,
      quarter,
      CONTENT,
      'Các đơn vị báo cáo đúng hạn, số liệu tính đến hết ngày cuối quý.',
    );
    for (const answer of request.answers) {
      // About one unit in ten does not answer; a few answer a few days late.
      if (random.chance(0.1)) continue;
      const saved = await saveAnswer(db, actor, answer.id, answerBody(random, answer.version, random.chance(0.6)));
      const on = addDays(quarter.deadline, random.chance(0.15) ? random.int(1, 6) : -random.int(0, 7));
      const submitted = await submitAnswer(db, actor, answer.id, saved.version, { on });
      if (random.chance(0.85)) await acceptAnswer(db, actor, answer.id, submitted.version);
      for (const item of submitted.recommendations) {
        const roll = random.next();
        if (roll < 0.6)
          await respondToRecommendation(db, actor, item.id, {
            status: 'answered',
            answer: random.pick(ANSWERS),
            dueOn: null,
            version: item.version,
          });
        else if (roll < 0.8)
          await respondToRecommendation(db, actor, item.id, { status: 'in_progress', answer: null, dueOn: null, version: item.version });
      }
    }
  }

  // The former tree: every district answered its quarterly briefings of 2012, 2016, 2020 and 2024, on its own day.
  for (const quarter of FORMER_QUARTERS) {
    const request = await issueQuarterly(
      db,
      actor,
      provinceId,
      quarter,
      FORMER_CONTENT,
      'Các huyện ủy, thị ủy, thành ủy báo cáo đúng hạn, số liệu tính đến hết ngày cuối quý.',
    );
    for (const answer of request.answers) {
      const body = answerBody(random, answer.version, false);
      const saved = await saveAnswer(db, actor, answer.id, {
        ...body,
        manualValues: { studied_typed: String(random.int(300, 2000)), good_examples: String(random.int(1, 8)) },
      });
      const submitted = await submitAnswer(db, actor, answer.id, saved.version, { on: addDays(quarter.deadline, -random.int(0, 5)) });
      await acceptAnswer(db, actor, answer.id, submitted.version);
    }
  }

  // This quarter: open now, a few units have started their drafts.
  const current = await createRequest(db, actor, {
    unitId: provinceId,
    kind: 'quarterly',
    title: 'Báo cáo kết quả học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh quý IV năm 2026',
    periodFrom: '2026-10-01',
    periodTo: '2026-12-31',
    deadline: '2026-12-20',
    audience: 'children',
    content: CONTENT,
    guidance: 'Các đơn vị báo cáo đúng hạn, số liệu tính đến hết ngày cuối quý.',
  });
  for (const answer of current.answers.slice(1, 4)) await saveAnswer(db, actor, answer.id, answerBody(random, answer.version, true));
}
