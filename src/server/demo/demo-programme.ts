/**
 * The demo province's programme for 2026: the province plan 23-KH/TU with its task groups, a plan
 * of each commune, the province's whole-term and annual study topics, and its three breakthrough
 * contents ("3 nội dung đột phá") adopted by most communes, with progress reports and some done.
 * Deterministic: choices follow the commune's position, never a random draw or the clock, except
 * that no date is written after today (the services refuse reports dated in the future).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/client';
import { systemActor, type Actor } from '../platform/auth/policy';
import { todayIso } from '../platform/dates';
import type { TaskGroup } from '../../shared/contracts/programme';
import {
  addBreakthroughUpdate,
  adoptBreakthrough,
  changeBreakthroughStatus,
  createBreakthrough,
  createPlan,
  createTopic,
} from '../modules/programme/index';

const YEAR = 2026;

const PROVINCE_TASK_GROUPS: TaskGroup[] = [
  {
    title: 'Học tập, quán triệt chuyên đề năm 2026',
    contents: [
      'Tổ chức hội nghị nghiên cứu, học tập chuyên đề năm 2026 cho cán bộ chủ chốt cấp tỉnh trong quý I/2026.',
      'Các cấp ủy tổ chức học tập chuyên đề đến 100% cán bộ, đảng viên; hoàn thành trước ngày 30/6/2026.',
      'Mỗi cán bộ, đảng viên viết bài thu hoạch và đăng ký làm theo gắn với chức trách, nhiệm vụ được giao.',
    ],
  },
  {
    title: 'Làm theo và nêu gương',
    contents: [
      'Cán bộ, đảng viên, trước hết là người đứng đầu, đăng ký làm theo và công khai nội dung đăng ký tại chi bộ, cơ quan.',
      'Rà soát, bổ sung chuẩn mực đạo đức của cơ quan, đơn vị; gắn biển chuẩn mực đạo đức tại nơi làm việc.',
      'Phát hiện, bồi dưỡng, nhân rộng gương điển hình, mô hình hay, cách làm sáng tạo trong học tập và làm theo.',
    ],
  },
  {
    title: 'Kiểm tra, giám sát, sơ kết, tổng kết',
    contents: [
      'Đưa việc học tập và làm theo vào chương trình kiểm tra, giám sát năm 2026 của cấp ủy các cấp.',
      'Hằng quý trực báo kết quả thực hiện về Ban Tuyên giáo và Dân vận Tỉnh ủy trước ngày 20 tháng cuối quý.',
      'Sơ kết 6 tháng, tổng kết năm; biểu dương, khen thưởng tập thể, cá nhân tiêu biểu.',
    ],
  },
];

function communeTaskGroups(communeName: string): TaskGroup[] {
  return [
    {
      title: 'Tổ chức học tập chuyên đề',
      contents: [
        `Đảng ủy tổ chức hội nghị học tập chuyên đề năm 2026 cho cán bộ chủ chốt ${communeName.replace(/^Đảng ủy /, '')}.`,
        'Các chi bộ đưa chuyên đề vào sinh hoạt chi bộ định kỳ; 100% đảng viên viết bài thu hoạch.',
      ],
    },
    {
      title: 'Đăng ký làm theo và thực hiện nội dung đột phá',
      contents: [
        'Cán bộ, đảng viên đăng ký làm theo trước ngày 31/3/2026; bí thư chi bộ đăng ký trước và công khai.',
        'Cụ thể hóa 3 nội dung đột phá của Tỉnh ủy thành chỉ tiêu của đảng bộ, giao đơn vị chủ trì.',
      ],
    },
  ];
}

const BREAKTHROUGHS = [
  {
    title: 'Chuyển đổi số trong hoạt động của hệ thống chính trị',
    description: 'Đẩy mạnh ứng dụng công nghệ số trong công tác đảng, quản lý đảng viên và giải quyết thủ tục hành chính.',
    target: '100% hồ sơ đảng viên được số hóa; 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.',
    deadline: '2026-12-15',
  },
  {
    title: 'Cải cách hành chính, nâng cao chất lượng phục vụ người dân, doanh nghiệp ở chính quyền địa phương hai cấp',
    description: 'Rút ngắn thời gian giải quyết hồ sơ, công khai tiến độ, tiếp nhận và trả lời phản ánh của người dân.',
    target: 'Chỉ số hài lòng của người dân, doanh nghiệp đạt trên 90%; không có hồ sơ trễ hạn do lỗi chủ quan.',
    deadline: '2026-12-31',
  },
  {
    title: 'Xây dựng nông thôn mới, đô thị văn minh gắn với giữ gìn cảnh quan, môi trường du lịch biển',
    description: 'Phát huy vai trò nêu gương của cán bộ, đảng viên trong giữ gìn vệ sinh môi trường khu dân cư, bãi biển.',
    target: 'Mỗi xã, phường có ít nhất 01 mô hình "Khu dân cư xanh - sạch - đẹp" được công nhận.',
    deadline: '2026-11-30',
  },
];

const PROGRESS_NOTES = [
  'Đã triển khai đến các chi bộ, phân công đơn vị chủ trì và lập kế hoạch chi tiết.',
  'Hoàn thành phần lớn chỉ tiêu; đang hoàn thiện hồ sơ, minh chứng để đánh giá.',
];

/** Dates of the story, kept no later than today so the demo also loads early in the year. */
function noLaterThanToday(day: string): string {
  const today = todayIso();
  return day > today ? today : day;
}

export async function loadDemoProgramme(db: Database, rootCode: string): Promise<void> {
  type UnitRow = { id: number; code: string; name: string; path: string };
  const rootRows = (
    await db.execute<UnitRow>(sql`SELECT id, code, name, path::text AS path FROM units WHERE code = ${rootCode} LIMIT 1`)
  ).rows.map((row) => ({ ...row, id: Number(row.id) }));
  const root = rootRows[0];
  if (!root) return;
  const actor: Actor = {
    ...systemActor('Dữ liệu mẫu'),
    grants: [{ id: 0, unitId: root.id, unitCode: root.code, unitName: root.name, unitPath: root.path, role: 'admin' }],
  };
  const bases = await db.execute<{ id: number }>(
    sql`SELECT id FROM legal_bases WHERE symbol IN ('05-CT/TW', '01-KL/TW') ORDER BY issued_on`,
  );
  const legalBasisIds = bases.rows.map((basis) => Number(basis.id));
  const communes = (
    await db.execute<UnitRow>(sql`
      SELECT id, code, name, path::text AS path FROM units
      WHERE parent_id = ${root.id} AND kind = 'commune_committee' ORDER BY code`)
  ).rows.map((row) => ({ ...row, id: Number(row.id) }));

  await createPlan(db, actor, {
    unitId: root.id,
    numberSymbol: '23-KH/TU',
    title: 'Kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2026',
    issuedOn: '2026-01-20',
    fromYear: YEAR,
    toYear: YEAR,
    legalBasisIds,
    taskGroups: PROVINCE_TASK_GROUPS,
    fileIds: [],
  });
  await createTopic(db, actor, {
    unitId: root.id,
    title:
      'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh, nhiệm kỳ 2025–2030',
    description:
      'Chuyên đề toàn khóa: các cấp ủy học tập trong năm đầu nhiệm kỳ và cụ thể hóa thành chuẩn mực đạo đức, nội dung làm theo hằng năm.',
    fromYear: 2025,
    toYear: 2030,
    fileIds: [],
  });
  await createTopic(db, actor, {
    unitId: root.id,
    title:
      'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng đội ngũ cán bộ, đảng viên gương mẫu, gần dân, phục vụ Nhân dân ở chính quyền địa phương hai cấp',
    description: 'Chuyên đề năm 2026 của Tỉnh ủy; học tập xong trước ngày 30/6/2026, mỗi đảng viên viết bài thu hoạch.',
    fromYear: YEAR,
    toYear: YEAR,
    fileIds: [],
  });

  const sources: number[] = [];
  for (const content of BREAKTHROUGHS) {
    const created = await createBreakthrough(db, actor, { unitId: root.id, year: YEAR, ownerUnitId: root.id, ...content });
    sources.push(created.id);
    const reportedOn = noLaterThanToday('2026-07-10');
    if (reportedOn >= `${YEAR}-01-01`) {
      await addBreakthroughUpdate(db, actor, created.id, {
        reportedOn,
        progressPercent: 50 + sources.length * 5,
        note: 'Sơ kết 6 tháng: các đảng bộ trực thuộc đã cụ thể hóa nội dung, phân công đơn vị chủ trì và báo cáo tiến độ hằng quý.',
        fileIds: [],
      });
    }
  }

  for (const [index, commune] of communes.entries()) {
    await createPlan(db, actor, {
      unitId: commune.id,
      numberSymbol: `${String(index + 3).padStart(2, '0')}-KH/ĐU`,
      title:
        'Kế hoạch thực hiện Kế hoạch số 23-KH/TU của Tỉnh ủy về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2026',
      issuedOn: `2026-02-${String(3 + index).padStart(2, '0')}`,
      fromYear: YEAR,
      toYear: YEAR,
      legalBasisIds,
      taskGroups: communeTaskGroups(commune.name),
      fileIds: [],
    });
    for (const [sourceIndex, sourceId] of sources.entries()) {
      // Most communes adopt each content; one in four leaves one aside.
      if ((index + sourceIndex) % 4 === 3) continue;
      let copy = await adoptBreakthrough(db, actor, sourceId, { unitId: commune.id });
      const reports = [
        { day: '2026-04-15', percent: 25 + ((index * 7 + sourceIndex * 11) % 20) },
        { day: '2026-08-15', percent: 60 + ((index * 5 + sourceIndex * 3) % 30) },
      ];
      for (const [reportIndex, report] of reports.entries()) {
        const reportedOn = noLaterThanToday(report.day);
        if (reportedOn < `${YEAR}-01-01`) break;
        copy = await addBreakthroughUpdate(db, actor, copy.id, {
          reportedOn,
          progressPercent: report.percent,
          note: PROGRESS_NOTES[reportIndex]!,
          fileIds: [],
        });
      }
      if ((index + sourceIndex) % 3 === 0 && todayIso() >= `${YEAR}-01-01`) {
        await changeBreakthroughStatus(db, actor, copy.id, {
          status: 'done',
          completedOn: noLaterThanToday('2026-10-20'),
          result: 'Hoàn thành chỉ tiêu đề ra; đã có biên bản đánh giá của Ban Thường vụ Đảng ủy.',
          version: copy.version,
        });
      }
    }
  }
}
