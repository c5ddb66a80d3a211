import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/client';
import type { Actor } from '../platform/auth/policy';
import { todayIso } from '../platform/dates';
import {
  acceptRemedy,
  addFinding,
  concludeInspection,
  createInspection,
  reportRemedy,
  startInspection,
} from '../modules/inspections/index';
import type { FindingInput, InspectionContent, InspectionKind, Seriousness } from '../../shared/contracts/inspections';
import { DEMO_COMMUNE_CODES } from './demo-province';
import { demoProvinceAdmin } from './demo-actor';

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

const TEAM = [
  { name: 'Nguyễn Văn Thành', role: 'Trưởng đoàn, Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy' },
  { name: 'Trần Thị Minh Hằng', role: 'Thành viên' },
  { name: 'Lê Quốc Bảo', role: 'Thư ký đoàn' },
];

/** What becomes of a finding's remedy once the inspection is concluded. */
type RemedyFate = 'closed' | 'reported' | 'open';
type DemoFinding = { content: InspectionContent; text: string; remedy?: string; dueInDays?: number; fate?: RemedyFate };
type DemoInspection = {
  communeIndex: number;
  year: 'last' | 'this';
  kind: InspectionKind;
  title: string;
  contents: InspectionContent[];
  stop: 'planned' | 'in_progress' | 'concluded';
  findings: DemoFinding[];
  conclusion?: { text: string; seriousness: Seriousness; number: string };
  /** Ask the unit's self-report first (days from today to its deadline). */
  selfReportInDays?: number;
};

const GOOD_STANDARDS: DemoFinding = {
  content: 'standards',
  text: 'Đảng ủy đã cụ thể hóa chuẩn mực đạo đức cho từng nhóm đối tượng; 100% chi bộ trực thuộc thông qua và gắn biển chuẩn mực tại nơi sinh hoạt.',
};
const GOOD_STUDY: DemoFinding = {
  content: 'study',
  text: 'Tổ chức học tập chuyên đề năm nghiêm túc, tỷ lệ cán bộ, đảng viên tham gia đạt trên 95%; nhiều chi bộ đưa nội dung làm theo vào sinh hoạt thường kỳ.',
};

/**
 * The province inspection committee's plans: last year's concluded inspection with its remedy
 * closed, and this year's: one concluded in the first commune (the demo officer's) whose remedies
 * are closed, reported and overdue, one under way with findings recorded and the unit's
 * self-report asked for, one still in the plan.
 */
const PLAN: DemoInspection[] = [
  {
    communeIndex: 1,
    year: 'last',
    kind: 'supervision',
    title: 'Giám sát việc đăng ký và thực hiện nội dung làm theo năm',
    contents: ['registrations', 'leaders'],
    stop: 'concluded',
    findings: [
      GOOD_STUDY,
      {
        content: 'registrations',
        text: 'Một số bản đăng ký làm theo của đảng viên còn chung chung, chưa gắn với nhiệm vụ được giao.',
        remedy: 'Chi bộ hướng dẫn đảng viên rà soát, cụ thể hóa lại nội dung đăng ký làm theo.',
        dueInDays: -60,
        fate: 'closed',
      },
    ],
    conclusion: {
      text: 'Đảng ủy lãnh đạo triển khai việc đăng ký làm theo kịp thời; người đứng đầu gương mẫu.\nCần chấn chỉnh chất lượng bản đăng ký của đảng viên.',
      seriousness: 'minor',
      number: '18-TB/UBKTTU',
    },
  },
  {
    communeIndex: 0,
    year: 'this',
    kind: 'inspection',
    title: 'Kiểm tra việc thực hiện Chỉ thị 05-CT/TW và Quy định 144-QĐ/TW',
    contents: ['standards', 'study', 'reports', 'feedback'],
    stop: 'concluded',
    findings: [
      GOOD_STANDARDS,
      {
        content: 'study',
        text: 'Hai chi bộ chưa tổ chức học tập chuyên đề năm cho đảng viên mới kết nạp.',
        remedy: 'Tổ chức học bù chuyên đề cho đảng viên mới kết nạp, lưu biên bản và danh sách tham gia.',
        dueInDays: 20,
        fate: 'closed',
      },
      {
        content: 'reports',
        text: 'Báo cáo sơ kết 6 tháng gửi Ban Tuyên giáo và Dân vận Tỉnh ủy chậm so với thời hạn.',
        remedy: 'Phân công đồng chí Chánh Văn phòng theo dõi hạn gửi báo cáo; gửi đúng hạn các báo cáo định kỳ.',
        dueInDays: 30,
        fate: 'reported',
      },
      {
        content: 'feedback',
        text: 'Còn phản ánh của nhân dân qua trang công khai chưa được trả lời quá thời hạn.',
        remedy: 'Trả lời dứt điểm các phản ánh tồn đọng; công khai kết quả trả lời trên trang công khai.',
        dueInDays: -5,
        fate: 'open',
      },
    ],
    conclusion: {
      text: 'Đảng ủy quan tâm lãnh đạo việc học tập và làm theo; chuẩn mực đạo đức được xây dựng, gắn biển đầy đủ.\nCòn hạn chế trong học tập chuyên đề, chế độ báo cáo và tiếp nhận phản ánh, cần khắc phục trong thời hạn.',
      seriousness: 'major',
      number: '07-TB/UBKTTU',
    },
  },
  {
    communeIndex: 2,
    year: 'this',
    kind: 'inspection',
    title: 'Kiểm tra việc xây dựng, thực hiện chuẩn mực đạo đức và trách nhiệm nêu gương',
    contents: ['standards', 'leaders'],
    stop: 'in_progress',
    selfReportInDays: 10,
    findings: [
      GOOD_STANDARDS,
      {
        content: 'leaders',
        text: 'Một số đồng chí cấp ủy viên chưa đăng ký nội dung làm theo gắn với trách nhiệm nêu gương.',
        remedy: 'Cấp ủy viên bổ sung bản đăng ký làm theo, báo cáo Ban Thường vụ Đảng ủy.',
        dueInDays: 45,
      },
    ],
  },
  {
    communeIndex: 3,
    year: 'this',
    kind: 'supervision',
    title: 'Giám sát việc tiếp nhận, giải quyết phản ánh của nhân dân',
    contents: ['feedback', 'reports'],
    stop: 'planned',
    findings: [],
  },
];

/** When a demo inspection of the year took place: this year's before today (or ahead, for a plan), last year's in autumn. */
function datesOf(item: DemoInspection, thisYear: number, today: string) {
  if (item.year === 'last') return { year: thisYear - 1, startsOn: `${thisYear - 1}-10-06`, endsOn: `${thisYear - 1}-10-09` };
  const first = `${thisYear}-01-01`;
  const last = `${thisYear}-12-31`;
  if (item.stop === 'planned') {
    const startsOn = earlier(shift(today, 30), last);
    return { year: thisYear, startsOn, endsOn: shift(startsOn, 3) };
  }
  const startsOn = later(shift(today, item.stop === 'concluded' ? -40 : -3), first);
  return { year: thisYear, startsOn, endsOn: later(shift(startsOn, 4), startsOn) };
}

function findingInput(finding: DemoFinding, today: string): FindingInput {
  const shortcoming = finding.remedy !== undefined;
  return {
    content: finding.content,
    kind: shortcoming ? 'shortcoming' : 'good',
    text: finding.text,
    remedy: finding.remedy ?? null,
    dueOn: shortcoming ? shift(today, finding.dueInDays ?? 30) : null,
    fileIds: [],
  };
}

async function carryOut(db: Database, actor: Actor, owner: number, unitId: number, item: DemoInspection, today: string) {
  const dates = datesOf(item, Number(today.slice(0, 4)), today);
  let view = await createInspection(db, actor, {
    ownerUnitId: owner,
    unitId,
    kind: item.kind,
    title: item.title,
    contents: item.contents,
    team: TEAM.map((member) => ({ ...member, userId: null })),
    note: 'Đoàn làm việc trực tiếp với Ban Thường vụ Đảng ủy và kiểm tra hồ sơ tại trụ sở.',
    ...dates,
  });
  if (item.stop === 'planned') return;
  view = await startInspection(db, actor, view.id, {
    version: view.version,
    selfReportDeadline: item.selfReportInDays === undefined ? null : shift(today, item.selfReportInDays),
  });
  for (const finding of item.findings) {
    view = await addFinding(db, actor, view.id, { version: view.version, finding: findingInput(finding, today) });
  }
  if (item.stop === 'in_progress' || !item.conclusion) return;
  view = await concludeInspection(db, actor, view.id, {
    version: view.version,
    conclusion: item.conclusion.text,
    seriousness: item.conclusion.seriousness,
    number: item.conclusion.number,
  });
  // Remedies are made in the order of the shortcomings.
  const fates = item.findings.filter((finding) => finding.remedy !== undefined).map((finding) => finding.fate ?? 'open');
  for (const [index, remedy] of view.remedyItems.entries()) {
    const fate = fates[index];
    if (fate === 'open') continue;
    const reported = await reportRemedy(db, actor, remedy.id, {
      version: remedy.version,
      report: 'Đảng ủy đã triển khai khắc phục, có biên bản và danh sách kèm theo lưu tại Văn phòng.',
      fileIds: [],
    });
    if (fate === 'closed') await acceptRemedy(db, actor, remedy.id, { version: reported.version, note: 'Đã khắc phục đạt yêu cầu.' });
  }
}

/**
 * Inspection and supervision in the demo: the province's plans of last year and this year, each
 * inspection taken through the inspections module's own services (status machine, remedies,
 * counters, audit) by the province administrator the demo acts as.
 */
export async function loadDemoInspections(db: Database, provinceCode: string) {
  const admin = await demoProvinceAdmin(db, provinceCode);
  if (!admin) return;
  const { actor, province } = admin;
  const today = todayIso();
  const communes = (
    await db.execute<{ id: number; code: string }>(sql`
      SELECT id, code FROM units
      WHERE parent_id = ${province.id} AND valid_to IS NULL AND kind = 'commune_committee'
      ORDER BY id`)
  ).rows.map((row) => ({ id: Number(row.id), code: row.code }));
  // The demo's own communes first (the first is the demo officer's), then any other open one.
  const ordered = [
    ...DEMO_COMMUNE_CODES.flatMap((code) => communes.filter((commune) => commune.code === `DU${code}`)),
    ...communes.filter((commune) => !DEMO_COMMUNE_CODES.some((code) => commune.code === `DU${code}`)),
  ];
  for (const item of PLAN) {
    const commune = ordered[item.communeIndex];
    if (commune) await carryOut(db, actor, province.id, commune.id, item, today);
  }
}
