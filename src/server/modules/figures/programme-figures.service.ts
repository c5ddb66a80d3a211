import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import { todayIso } from '../../platform/dates';
import type { ProgrammeFigures } from '../../../shared/contracts/programme-figures';
import { unitKindMetric } from '../units/index';
import { MEMBERS_METRIC } from '../people/index';
import { PROGRAMME_METRICS, STANDARD_KEEPING_KINDS } from './programme-metrics';
import { REPORT_METRICS } from './report-metrics';
import { subtreeFigures } from './subtree-figures';

/** Each programme figure is defined once, here; the dashboard shows the definition on its column. */
export const PROGRAMME_FIGURE_DEFINITIONS: Record<keyof ProgrammeFigures, string> = {
  members:
    'Số người đang sinh hoạt trong đơn vị và các đơn vị trực thuộc vào cuối năm đã chọn (hoặc hôm nay nếu năm chưa kết thúc); mỗi người tính một lần, ở nơi sinh hoạt chính.',
  studied:
    'Số người đã học tập chuyên đề của năm: có mặt tại một buổi học tập chuyên đề hoặc hội nghị trong năm, hoặc đã học bù; mỗi người tính một lần trong năm.',
  studyRate: 'Tỷ lệ học tập chuyên đề = số người đã học tập chuyên đề của năm ÷ số người đang sinh hoạt.',
  studySessions: 'Số buổi học tập chuyên đề và hội nghị học tập, quán triệt do các đơn vị trong phạm vi tổ chức trong năm.',
  cellMeetings: 'Số buổi sinh hoạt chi bộ định kỳ đã tổ chức trong năm.',
  cellMeetingsWithCampaign:
    'Số buổi sinh hoạt chi bộ định kỳ trong năm có nội dung học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
  campaignMeetingRate:
    'Tỷ lệ buổi sinh hoạt chi bộ có nội dung học tập và làm theo Bác = số buổi có nội dung này ÷ số buổi sinh hoạt chi bộ định kỳ.',
  standardKeepingUnits: 'Số chi bộ, chi bộ cơ sở và cơ quan, đơn vị đang hoạt động phải xây dựng chuẩn mực đạo đức.',
  standardsAdopted: 'Số đơn vị đã ban hành chuẩn mực đạo đức (tính một lần từ lần ban hành đầu tiên).',
  standardsRate: 'Tỷ lệ đơn vị đã ban hành chuẩn mực đạo đức = số đơn vị đã ban hành ÷ số đơn vị phải xây dựng chuẩn mực.',
  signsPosted: 'Số đơn vị đã gắn biển chuẩn mực đạo đức.',
  signsRate: 'Tỷ lệ đơn vị đã gắn biển = số đơn vị đã gắn biển ÷ số đơn vị phải xây dựng chuẩn mực.',
  breakthroughs: 'Số nội dung đột phá của năm do các đơn vị trong phạm vi lựa chọn thực hiện.',
  breakthroughsDone: 'Số nội dung đột phá của năm đã hoàn thành.',
  breakthroughRate: 'Tỷ lệ nội dung đột phá hoàn thành = số nội dung đã hoàn thành ÷ tổng số nội dung đột phá của năm.',
  reportsExpected:
    'Số báo cáo định kỳ các đơn vị trong phạm vi phải gửi lên cấp trên cho các kỳ báo cáo kết thúc trong năm (đến ngày đã chọn): báo cáo quý IV nộp vào tháng 1 năm sau vẫn tính vào năm của kỳ; danh sách đơn vị phải báo cáo được chốt khi cấp trên ra yêu cầu.',
  reportsSubmitted: 'Số báo cáo trong số trên đã được gửi (kể cả gửi muộn).',
  reportsOnTime: 'Số báo cáo được gửi lần đầu trước hoặc đúng hạn nộp có hiệu lực lúc gửi.',
  reportingRate: 'Tỷ lệ báo cáo = số báo cáo đã gửi ÷ số báo cáo phải gửi; không bao giờ vượt 100%.',
  onTimeRate: 'Tỷ lệ báo cáo đúng hạn = số báo cáo gửi đúng hạn ÷ số báo cáo phải gửi.',
};

/** The day a year's figures are read on: its last day, or today while the year runs. */
export function asOfForYear(year: number, today = todayIso()): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

function metricsFor(year: number): string[] {
  return [
    MEMBERS_METRIC,
    PROGRAMME_METRICS.studied(year),
    PROGRAMME_METRICS.studySessions(year),
    PROGRAMME_METRICS.cellMeetings(year),
    PROGRAMME_METRICS.cellMeetingsWithCampaign(year),
    PROGRAMME_METRICS.standardsAdopted,
    PROGRAMME_METRICS.signsPosted,
    PROGRAMME_METRICS.breakthroughs(year),
    PROGRAMME_METRICS.breakthroughsDone(year),
    REPORT_METRICS.expected(year),
    REPORT_METRICS.submitted(year),
    REPORT_METRICS.onTime(year),
    ...STANDARD_KEEPING_KINDS.map(unitKindMetric),
  ];
}

const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function shapeProgrammeFigures(values: Record<string, number> | undefined, year: number): ProgrammeFigures {
  const read = (metric: string) => values?.[metric] ?? 0;
  const members = read(MEMBERS_METRIC);
  const studied = read(PROGRAMME_METRICS.studied(year));
  const cellMeetings = read(PROGRAMME_METRICS.cellMeetings(year));
  const cellMeetingsWithCampaign = read(PROGRAMME_METRICS.cellMeetingsWithCampaign(year));
  const standardKeepingUnits = STANDARD_KEEPING_KINDS.reduce((sum, kind) => sum + read(unitKindMetric(kind)), 0);
  const standardsAdopted = read(PROGRAMME_METRICS.standardsAdopted);
  const signsPosted = read(PROGRAMME_METRICS.signsPosted);
  const breakthroughs = read(PROGRAMME_METRICS.breakthroughs(year));
  const breakthroughsDone = read(PROGRAMME_METRICS.breakthroughsDone(year));
  const reportsExpected = read(REPORT_METRICS.expected(year));
  const reportsSubmitted = read(REPORT_METRICS.submitted(year));
  const reportsOnTime = read(REPORT_METRICS.onTime(year));
  return {
    members,
    studied,
    studyRate: rate(studied, members),
    studySessions: read(PROGRAMME_METRICS.studySessions(year)),
    cellMeetings,
    cellMeetingsWithCampaign,
    campaignMeetingRate: rate(cellMeetingsWithCampaign, cellMeetings),
    standardKeepingUnits,
    standardsAdopted,
    standardsRate: rate(standardsAdopted, standardKeepingUnits),
    signsPosted,
    signsRate: rate(signsPosted, standardKeepingUnits),
    breakthroughs,
    breakthroughsDone,
    breakthroughRate: rate(breakthroughsDone, breakthroughs),
    reportsExpected,
    reportsSubmitted,
    reportsOnTime,
    reportingRate: rate(reportsSubmitted, reportsExpected),
    onTimeRate: rate(reportsOnTime, reportsExpected),
  };
}

/** The programme figures of a subtree and of each open child unit for a year, from the live counters. */
export function getProgrammeFigures(db: Database, actor: Actor, unitId: number, year: number) {
  return subtreeFigures(db, actor, unitId, year, asOfForYear(year), {
    name: 'programme-figures',
    metrics: metricsFor,
    shape: shapeProgrammeFigures,
    definitions: PROGRAMME_FIGURE_DEFINITIONS,
  });
}
