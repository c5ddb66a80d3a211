import { NOMINATION_KINDS } from '../../../shared/contracts/commendations';
import { GRADES } from '../../../shared/contracts/grading';
import type { CampaignMetric, CampaignMetricKey, CampaignValues } from '../../../shared/contracts/campaign-overview';
import { CAMPAIGN_METRIC_KEYS } from '../../../shared/contracts/campaign-overview';
import {
  COMMENDATION_METRICS,
  FEEDBACK_METRICS,
  GRADING_METRICS,
  INSPECTION_FIGURE_DEFINITIONS,
  INSPECTION_METRICS,
  PROGRAMME_FIGURE_DEFINITIONS,
  PROGRAMME_METRICS,
  REGISTRATION_FIGURE_DEFINITIONS,
  REGISTRATION_METRICS,
  REPORT_METRICS,
  STANDARD_KEEPING_KINDS,
} from '../figures/index';
import { MEMBERS_METRIC, PARTY_MEMBERS_METRIC } from '../people/index';
import { unitKindMetric } from '../units/index';

type Read = (counter: string) => number;

/**
 * One campaign metric: what it means (shown beside it everywhere), the live counters it is made of
 * for a year, and how its value is made from them. A rate is a part over a whole, both counted in
 * the same subtree on the same day, so the figures of a year are those of the tree as it stood.
 */
type MetricRule = Omit<CampaignMetric, 'key'> & {
  counters: (year: number) => string[];
  value: (read: Read, year: number) => number | null;
};

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const sum = (read: Read, counters: string[]) => counters.reduce((total, counter) => total + read(counter), 0);

/**
 * A list of counter names for a year, made once per year: a province's table asks each of 34 rules
 * for 170 units twice, and building the names again each time cost more than reading the figures.
 */
function perYear<T>(make: (year: number) => T): (year: number) => T {
  const made = new Map<number, T>();
  return (year) => {
    let value = made.get(year);
    if (value === undefined) {
      value = make(year);
      made.set(year, value);
    }
    return value;
  };
}

type CountedBucket = 'registered' | 'approved' | 'published';
const bucketsOfBothKinds = (bucket: CountedBucket) =>
  perYear((year) => [REGISTRATION_METRICS.bucket('individual', bucket, year), REGISTRATION_METRICS.bucket('collective', bucket, year)]);
const registrationBuckets = {
  registered: bucketsOfBothKinds('registered'),
  approved: bucketsOfBothKinds('approved'),
  published: bucketsOfBothKinds('published'),
};
const bothKinds = (bucket: CountedBucket, year: number) => registrationBuckets[bucket](year);
const REVIEW_LEVELS = ['completed_well', 'completed', 'not_completed'] as const;
const reviewLevels = perYear((year) => REVIEW_LEVELS.map((level) => REGISTRATION_METRICS.reviewLevel(level, year)));
const STANDARD_KEEPING_UNITS = STANDARD_KEEPING_KINDS.map(unitKindMetric);
const standardKeepingUnits = () => STANDARD_KEEPING_UNITS;
const commendedKinds = perYear((year) => NOMINATION_KINDS.map((kind) => COMMENDATION_METRICS.commended(kind, year)));
const gradedMembers = perYear((year) => GRADES.map((grade) => GRADING_METRICS.decided('member', grade, year)));

/** Counter names read by the values, made once per year (see perYear). */
const individualRegistered = perYear((year) => REGISTRATION_METRICS.bucket('individual', 'registered', year));
const collectiveRegistered = perYear((year) => REGISTRATION_METRICS.bucket('collective', 'registered', year));
const checkIns = perYear(REGISTRATION_METRICS.checkIns);
const completedWell = perYear((year) => REGISTRATION_METRICS.reviewLevel('completed_well', year));
const studied = perYear(PROGRAMME_METRICS.studied);
const breakthroughsDone = perYear(PROGRAMME_METRICS.breakthroughsDone);
const breakthroughs = perYear(PROGRAMME_METRICS.breakthroughs);
const reportsSubmitted = perYear(REPORT_METRICS.submitted);
const reportsExpected = perYear(REPORT_METRICS.expected);
const reportsOnTime = perYear(REPORT_METRICS.onTime);
const inspectionsDone = perYear(INSPECTION_METRICS.done);
const remediesClosed = perYear(INSPECTION_METRICS.remediesClosed);
const remedies = perYear(INSPECTION_METRICS.remedies);
const gradedExcellent = perYear((year) => GRADING_METRICS.decided('member', 'excellent', year));

const RULES: Record<CampaignMetricKey, MetricRule> = {
  members: {
    group: 'registrations',
    kind: 'count',
    better: 'higher',
    label: 'Số người đang sinh hoạt',
    definition: REGISTRATION_FIGURE_DEFINITIONS.members,
    records: { numerator: 'Người đang sinh hoạt', denominator: null },
    counters: () => [MEMBERS_METRIC],
    value: (read) => read(MEMBERS_METRIC),
  },
  registrationRate: {
    group: 'registrations',
    kind: 'rate',
    better: 'higher',
    label: 'Tỷ lệ đăng ký làm theo',
    definition: REGISTRATION_FIGURE_DEFINITIONS.registrationRate,
    records: { numerator: 'Người đã đăng ký làm theo', denominator: 'Người đang sinh hoạt' },
    counters: (year) => [MEMBERS_METRIC, individualRegistered(year)],
    value: (read, year) => share(read(individualRegistered(year)), read(MEMBERS_METRIC)),
  },
  collectiveRegistered: {
    group: 'registrations',
    kind: 'count',
    better: 'higher',
    label: 'Tập thể đã đăng ký',
    definition: REGISTRATION_FIGURE_DEFINITIONS.collectiveRegistered,
    records: { numerator: 'Bản đăng ký tập thể đã gửi', denominator: null },
    counters: (year) => [collectiveRegistered(year)],
    value: (read, year) => read(collectiveRegistered(year)),
  },
  approvedShare: {
    group: 'registrations',
    kind: 'rate',
    better: 'higher',
    label: 'Tỷ lệ bản đăng ký đã thẩm định',
    definition:
      'Số bản đăng ký (cá nhân và tập thể) đã được cấp ủy thẩm định, kể cả các bản đã đi tiếp các bước sau ÷ số bản đăng ký đã gửi của năm.',
    records: { numerator: 'Bản đăng ký đã thẩm định', denominator: 'Bản đăng ký đã gửi' },
    counters: (year) => [...bothKinds('approved', year), ...bothKinds('registered', year)],
    value: (read, year) => share(sum(read, bothKinds('approved', year)), sum(read, bothKinds('registered', year))),
  },
  publishedShare: {
    group: 'registrations',
    kind: 'rate',
    better: 'higher',
    label: 'Tỷ lệ bản đăng ký đã công khai',
    definition:
      'Số bản đăng ký (cá nhân và tập thể) đã công khai để nhân dân giám sát, kể cả các bản đang thực hiện và đã đánh giá ÷ số bản đăng ký đã gửi của năm.',
    records: { numerator: 'Bản đăng ký đã công khai', denominator: 'Bản đăng ký đã gửi' },
    counters: (year) => [...bothKinds('published', year), ...bothKinds('registered', year)],
    value: (read, year) => share(sum(read, bothKinds('published', year)), sum(read, bothKinds('registered', year))),
  },
  checkIns: {
    group: 'registrations',
    kind: 'count',
    better: 'higher',
    label: 'Lần cập nhật tiến độ',
    definition: REGISTRATION_FIGURE_DEFINITIONS.checkIns,
    records: { numerator: 'Lần cập nhật tiến độ', denominator: null },
    counters: (year) => [checkIns(year)],
    value: (read, year) => read(checkIns(year)),
  },
  completedWellShare: {
    group: 'registrations',
    kind: 'rate',
    better: 'higher',
    label: 'Tỷ lệ hoàn thành tốt việc làm theo',
    definition:
      'Số bản đăng ký cá nhân được chi bộ đánh giá cuối năm "Hoàn thành tốt" ÷ số bản đăng ký cá nhân đã được đánh giá (Hoàn thành tốt, Hoàn thành, Không hoàn thành).',
    records: { numerator: 'Bản đăng ký được đánh giá hoàn thành tốt', denominator: 'Bản đăng ký cá nhân đã được đánh giá' },
    counters: reviewLevels,
    value: (read, year) => share(read(completedWell(year)), sum(read, reviewLevels(year))),
  },
  studyRate: {
    group: 'programme',
    kind: 'rate',
    better: 'higher',
    label: 'Tỷ lệ học tập chuyên đề',
    definition: PROGRAMME_FIGURE_DEFINITIONS.studyRate,
    records: { numerator: 'Người đã học tập chuyên đề', denominator: 'Người đang sinh hoạt' },
    counters: (year) => [MEMBERS_METRIC, studied(year)],
    value: (read, year) => share(read(studied(year)), read(MEMBERS_METRIC)),
  },
  standardsRate: {
    group: 'programme',
    kind: 'rate',
    better: 'higher',
    label: 'Tỷ lệ ban hành chuẩn mực đạo đức',
    definition: PROGRAMME_FIGURE_DEFINITIONS.standardsRate,
    records: { numerator: 'Đơn vị đã ban hành chuẩn mực', denominator: 'Đơn vị phải xây dựng chuẩn mực' },
    counters: () => [PROGRAMME_METRICS.standardsAdopted, ...standardKeepingUnits()],
    value: (read) => share(read(PROGRAMME_METRICS.standardsAdopted), sum(read, standardKeepingUnits())),
  },
  signsRate: {
    group: 'programme',
    kind: 'rate',
    better: 'higher',
    label: 'Tỷ lệ gắn biển chuẩn mực',
    definition: PROGRAMME_FIGURE_DEFINITIONS.signsRate,
    records: { numerator: 'Đơn vị đã gắn biển', denominator: 'Đơn vị phải xây dựng chuẩn mực' },
    counters: () => [PROGRAMME_METRICS.signsPosted, ...standardKeepingUnits()],
    value: (read) => share(read(PROGRAMME_METRICS.signsPosted), sum(read, standardKeepingUnits())),
  },
  breakthroughRate: {
    group: 'programme',
    kind: 'rate',
    better: 'higher',
    label: 'Tỷ lệ nội dung đột phá hoàn thành',
    definition: PROGRAMME_FIGURE_DEFINITIONS.breakthroughRate,
    records: { numerator: 'Nội dung đột phá đã hoàn thành', denominator: 'Nội dung đột phá đã chọn' },
    counters: (year) => [breakthroughsDone(year), breakthroughs(year)],
    value: (read, year) => share(read(breakthroughsDone(year)), read(breakthroughs(year))),
  },
  reportingRate: {
    group: 'reports',
    kind: 'rate',
    better: 'higher',
    label: 'Tỷ lệ báo cáo',
    definition: PROGRAMME_FIGURE_DEFINITIONS.reportingRate,
    records: { numerator: 'Báo cáo đã nộp', denominator: 'Báo cáo phải nộp' },
    counters: (year) => [reportsSubmitted(year), reportsExpected(year)],
    value: (read, year) => share(read(reportsSubmitted(year)), read(reportsExpected(year))),
  },
  onTimeRate: {
    group: 'reports',
    kind: 'rate',
    better: 'higher',
    label: 'Tỷ lệ báo cáo đúng hạn',
    definition: PROGRAMME_FIGURE_DEFINITIONS.onTimeRate,
    records: { numerator: 'Báo cáo nộp đúng hạn', denominator: 'Báo cáo phải nộp' },
    counters: (year) => [reportsOnTime(year), reportsExpected(year)],
    value: (read, year) => share(read(reportsOnTime(year)), read(reportsExpected(year))),
  },
  inspectionsDone: {
    group: 'inspections',
    kind: 'count',
    better: 'higher',
    label: 'Cuộc kiểm tra, giám sát đã kết luận',
    definition: INSPECTION_FIGURE_DEFINITIONS.done,
    records: { numerator: 'Cuộc kiểm tra, giám sát đã kết luận', denominator: null },
    counters: (year) => [inspectionsDone(year)],
    value: (read, year) => read(inspectionsDone(year)),
  },
  remediesClosedRate: {
    group: 'inspections',
    kind: 'rate',
    better: 'higher',
    label: 'Tỷ lệ việc khắc phục đã hoàn thành',
    definition:
      'Số việc khắc phục sau kiểm tra, giám sát đã được công nhận hoàn thành ÷ số việc đơn vị được kiểm tra phải khắc phục trong năm.',
    records: { numerator: 'Việc khắc phục đã hoàn thành', denominator: 'Việc phải khắc phục' },
    counters: (year) => [remediesClosed(year), remedies(year)],
    value: (read, year) => share(read(remediesClosed(year)), read(remedies(year))),
  },
  commended: {
    group: 'commendations',
    kind: 'count',
    better: 'higher',
    label: 'Được biểu dương, khen thưởng',
    definition: 'Số tập thể, cá nhân, mô hình có tên trong các quyết định biểu dương, khen thưởng của các cấp ký trong năm.',
    records: { numerator: 'Tập thể, cá nhân, mô hình được khen', denominator: null },
    counters: commendedKinds,
    value: (read, year) => sum(read, commendedKinds(year)),
  },
  commendedPerThousand: {
    group: 'commendations',
    kind: 'perThousand',
    better: 'higher',
    label: 'Được khen trên 1.000 người',
    definition: 'Số được biểu dương, khen thưởng trong năm trên 1.000 người đang sinh hoạt.',
    records: { numerator: 'Tập thể, cá nhân, mô hình được khen', denominator: 'Người đang sinh hoạt' },
    counters: (year) => [MEMBERS_METRIC, ...commendedKinds(year)],
    value: (read, year) => {
      const members = read(MEMBERS_METRIC);
      return members > 0 ? (sum(read, commendedKinds(year)) * 1000) / members : null;
    },
  },
  gradedShare: {
    group: 'grading',
    kind: 'rate',
    better: 'higher',
    label: 'Tỷ lệ đảng viên đã xếp loại',
    definition: 'Số đảng viên đã có quyết định xếp loại chất lượng của năm ÷ số đảng viên đang sinh hoạt vào cuối năm.',
    records: { numerator: 'Đảng viên đã có quyết định xếp loại', denominator: 'Đảng viên đang sinh hoạt' },
    counters: (year) => [PARTY_MEMBERS_METRIC, ...gradedMembers(year)],
    value: (read, year) => share(sum(read, gradedMembers(year)), read(PARTY_MEMBERS_METRIC)),
  },
  excellentShare: {
    group: 'grading',
    kind: 'rate',
    better: 'higher',
    label: 'Tỷ lệ hoàn thành xuất sắc nhiệm vụ',
    definition: 'Số đảng viên xếp loại "Hoàn thành xuất sắc nhiệm vụ" ÷ số đảng viên đã có quyết định xếp loại của năm.',
    records: { numerator: 'Đảng viên hoàn thành xuất sắc nhiệm vụ', denominator: 'Đảng viên đã có quyết định xếp loại' },
    counters: gradedMembers,
    value: (read, year) => share(read(gradedExcellent(year)), sum(read, gradedMembers(year))),
  },
  feedbackOverdue: {
    group: 'feedback',
    kind: 'count',
    better: 'lower',
    label: 'Ý kiến nhân dân quá hạn chưa trả lời',
    definition:
      'Số ý kiến phản ánh của nhân dân gửi tới các đơn vị trong phạm vi đã quá hạn trả lời mà chưa được trả lời, tại ngày đọc số liệu.',
    records: { numerator: 'Phản ánh quá hạn chưa trả lời', denominator: null },
    counters: () => [FEEDBACK_METRICS.overdue],
    value: (read) => read(FEEDBACK_METRICS.overdue),
  },
};

/** The metrics as the overview lists them: in the order of the campaign's steps. */
export const CAMPAIGN_METRICS: CampaignMetric[] = CAMPAIGN_METRIC_KEYS.map((key) => {
  const { counters: _counters, value: _value, ...shown } = RULES[key];
  return { key, ...shown };
});

export function campaignMetric(key: CampaignMetricKey): CampaignMetric {
  return CAMPAIGN_METRICS.find((metric) => metric.key === key)!;
}

/** The counters the given metrics read for a year. */
export function countersOf(year: number, keys: readonly CampaignMetricKey[] = CAMPAIGN_METRIC_KEYS): string[] {
  return [...new Set(keys.flatMap((key) => RULES[key].counters(year)))];
}

/** The metrics' values from a subtree's counters (absent counters are 0). */
export function campaignValues(
  counters: Record<string, number> | undefined,
  year: number,
  keys: readonly CampaignMetricKey[] = CAMPAIGN_METRIC_KEYS,
): CampaignValues {
  const read: Read = (counter) => counters?.[counter] ?? 0;
  // A plain loop: a province's table makes 340 of these, and Object.fromEntries cost more than the rules.
  const values = {} as CampaignValues;
  for (const key of CAMPAIGN_METRIC_KEYS)
    values[key] = keys === CAMPAIGN_METRIC_KEYS || keys.includes(key) ? RULES[key].value(read, year) : null;
  return values;
}
