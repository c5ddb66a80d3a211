import type { LaggingReason, LaggingReasonCode, LaggingThresholds } from '../../../shared/contracts/inspections';
import { MEMBERS_METRIC } from '../people/index';
import { PROGRAMME_METRICS, REGISTRATION_METRICS, REPORT_METRICS, STANDARD_KEEPING_KINDS } from '../figures/index';
import { SIMILARITY_THRESHOLD } from '../registrations/index';
import { unitKindMetric } from '../units/index';

/**
 * Which units do not carry the campaign out seriously ("đơn vị chưa thực hiện nghiêm túc"): pure
 * rules over what was measured of a unit's subtree. The measures come from the live counters and
 * two counts of overdue records (lagging.service.ts); a level may set its own thresholds for its subtree.
 */
export const DEFAULT_LAGGING_THRESHOLDS: LaggingThresholds = {
  minRegistrationRate: 0.8,
  minStandardsRate: 1,
  minSignsRate: 1,
  minStudyRate: 0.8,
  minReportingRate: 1,
  maxOverdueFeedback: 0,
  maxDuplicateShare: 0.3,
  maxOverdueRemedies: 0,
};

/** What was measured of one unit's subtree (its own records and those of every unit below it). */
export type LaggingMeasure = {
  unitId: number;
  year: number;
  members: number;
  /** Individual registrations of the year approved by the committee (or gone on past approval). */
  approvedIndividual: number;
  standardKeepingUnits: number;
  standardsAdopted: number;
  signsPosted: number;
  studied: number;
  reportsExpected: number;
  reportsSubmitted: number;
  /** Registrations of the year that were sent (individual and collective), and those with a near-identical twin. */
  registrations: number;
  registrationsWithTwin: number;
  overdueFeedback: number;
  overdueRemedies: number;
};

/** The metric names a year's measure reads, built once: a country's list measures thousands of units. */
function metricsOfYear(year: number) {
  return {
    members: MEMBERS_METRIC,
    approvedIndividual: REGISTRATION_METRICS.bucket('individual', 'approved', year),
    registeredIndividual: REGISTRATION_METRICS.bucket('individual', 'registered', year),
    registeredCollective: REGISTRATION_METRICS.bucket('collective', 'registered', year),
    withTwin: REGISTRATION_METRICS.withTwin(year),
    studied: PROGRAMME_METRICS.studied(year),
    standardsAdopted: PROGRAMME_METRICS.standardsAdopted,
    signsPosted: PROGRAMME_METRICS.signsPosted,
    reportsExpected: REPORT_METRICS.expected(year),
    reportsSubmitted: REPORT_METRICS.submitted(year),
    // The units that must keep standards, over the same kinds as the programme dashboard counts them.
    standardKeeping: STANDARD_KEEPING_KINDS.map(unitKindMetric),
  };
}
type YearMetrics = ReturnType<typeof metricsOfYear>;

let lastYear: { year: number; metrics: YearMetrics } | null = null;
function yearMetrics(year: number): YearMetrics {
  if (lastYear?.year !== year) lastYear = { year, metrics: metricsOfYear(year) };
  return lastYear.metrics;
}

/** The counters a measure reads for a year (platform/figures.ts), on the unit's subtree. */
export function laggingMetrics(year: number): string[] {
  const { standardKeeping, ...single } = yearMetrics(year);
  return [...Object.values(single), ...standardKeeping];
}

/** A measure from the counters' values and the counts read from the records themselves. */
export function measureOf(
  unitId: number,
  year: number,
  values: Record<string, number> | undefined,
  counts: { overdueFeedback: number; overdueRemedies: number },
): LaggingMeasure {
  const metrics = yearMetrics(year);
  const read = (metric: string) => values?.[metric] ?? 0;
  return {
    unitId,
    year,
    members: read(metrics.members),
    approvedIndividual: read(metrics.approvedIndividual),
    standardKeepingUnits: metrics.standardKeeping.reduce((sum, metric) => sum + read(metric), 0),
    standardsAdopted: read(metrics.standardsAdopted),
    signsPosted: read(metrics.signsPosted),
    studied: read(metrics.studied),
    reportsExpected: read(metrics.reportsExpected),
    reportsSubmitted: read(metrics.reportsSubmitted),
    registrations: read(metrics.registeredIndividual) + read(metrics.registeredCollective),
    registrationsWithTwin: read(metrics.withTwin),
    ...counts,
  };
}

export const LAGGING_REASON_LABELS: Record<LaggingReasonCode, string> = {
  registration_rate: 'Tỷ lệ đăng ký làm theo đã thẩm định thấp',
  standards: 'Chưa ban hành đủ chuẩn mực đạo đức',
  signs: 'Chưa gắn đủ biển chuẩn mực đạo đức',
  study_rate: 'Tỷ lệ học tập chuyên đề thấp',
  reports: 'Chưa gửi đủ báo cáo định kỳ',
  feedback_overdue: 'Phản ánh, góp ý quá hạn chưa trả lời',
  duplicates: 'Nhiều bản đăng ký gần trùng nhau',
  remedies_overdue: 'Việc khắc phục sau kiểm tra, giám sát quá hạn',
};

const similarityPercent = `${Math.round(SIMILARITY_THRESHOLD * 100)}%`;

/** What each reason measures; the page and the export show these sentences. */
export const LAGGING_REASON_DEFINITIONS: Record<LaggingReasonCode, string> = {
  registration_rate:
    'Tỷ lệ đăng ký làm theo đã được thẩm định = số bản đăng ký cá nhân của năm đã được cấp ủy thẩm định (kể cả các bản đã đi tiếp các bước sau) ÷ số người đang sinh hoạt trong đơn vị và các đơn vị trực thuộc. Dưới ngưỡng là chưa thực hiện nghiêm túc; đơn vị không có người sinh hoạt thì không xét.',
  standards:
    'Tỷ lệ ban hành chuẩn mực đạo đức = số chi bộ, chi bộ cơ sở, cơ quan, đơn vị đã ban hành chuẩn mực ÷ số đơn vị đang hoạt động phải xây dựng chuẩn mực trong đơn vị và các đơn vị trực thuộc. Dưới ngưỡng là chưa thực hiện nghiêm túc; không có đơn vị phải xây dựng chuẩn mực thì không xét.',
  signs:
    'Tỷ lệ gắn biển chuẩn mực đạo đức = số đơn vị đã gắn biển ÷ số đơn vị đang hoạt động phải xây dựng chuẩn mực trong đơn vị và các đơn vị trực thuộc. Dưới ngưỡng là chưa thực hiện nghiêm túc; không có đơn vị phải xây dựng chuẩn mực thì không xét.',
  study_rate:
    'Tỷ lệ học tập chuyên đề = số người đã học tập chuyên đề của năm (có mặt tại buổi học tập chuyên đề, hội nghị, hoặc đã học bù) ÷ số người đang sinh hoạt. Dưới ngưỡng là chưa thực hiện nghiêm túc; đơn vị không có người sinh hoạt thì không xét.',
  reports:
    'Tỷ lệ báo cáo = số báo cáo định kỳ đã gửi (kể cả gửi muộn) ÷ số báo cáo đơn vị và các đơn vị trực thuộc phải gửi cho các kỳ báo cáo kết thúc trong năm, tính đến ngày xem. Dưới ngưỡng là chưa thực hiện nghiêm túc; chưa có báo cáo phải gửi thì không xét.',
  feedback_overdue:
    'Số phản ánh, góp ý của nhân dân gửi tới đơn vị hoặc các đơn vị trực thuộc đã quá hạn trả lời mà chưa được trả lời, tính đến hôm nay (phản ánh đã ẩn không tính). Nhiều hơn ngưỡng là chưa thực hiện nghiêm túc.',
  duplicates: `Tỷ lệ bản đăng ký gần trùng nhau = số bản đăng ký (cá nhân và tập thể) đã gửi của năm có ít nhất một bản khác giống từ ${similarityPercent} nội dung trở lên (so trong phạm vi cấp ủy cấp trên trực tiếp) ÷ số bản đăng ký đã gửi của năm. Trên ngưỡng là chưa thực hiện nghiêm túc; chưa có bản đăng ký nào thì không xét.`,
  remedies_overdue:
    'Số việc phải khắc phục sau các cuộc kiểm tra, giám sát của năm đối với đơn vị và các đơn vị trực thuộc đã quá hạn mà chưa báo cáo khắc phục (chưa khắc phục, hoặc bị trả lại để khắc phục tiếp), tính đến hôm nay. Nhiều hơn ngưỡng là chưa thực hiện nghiêm túc.',
};

/** Where the records behind a reason are listed in the web app, narrowed to the unit (and year). */
export function laggingLink(code: LaggingReasonCode, unitId: number, year: number): string {
  const query = (params: Record<string, string | number>) =>
    new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)])).toString();
  switch (code) {
    case 'registration_rate':
      return `/registrations?${query({ tab: 'appraisal', unitId, year })}`;
    case 'duplicates':
      return `/registrations?${query({ tab: 'appraisal', unitId, year, similarOnly: 'true' })}`;
    case 'standards':
      return `/standards?${query({ unitId, filter: 'not_adopted' })}`;
    case 'signs':
      return `/standards?${query({ unitId, filter: 'no_sign' })}`;
    case 'study_rate':
      return `/study?${query({ tab: 'status', unitId, year, status: 'not_studied' })}`;
    case 'reports':
      return `/reports?${query({ tab: 'inbox', unitId })}`;
    case 'feedback_overdue':
      return `/supervision?${query({ tab: 'inbox', unitId, overdue: 'true' })}`;
    case 'remedies_overdue':
      return `/inspections?${query({ tab: 'remedies', unitId, year, state: 'overdue' })}`;
  }
}

const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('vi-VN');
// A share under its threshold is shown rounded down, one over it rounded up: "80% (dưới 80%)" never shows.
const percentDown = (share: number) => `${oneDecimal.format(Math.floor(share * 1000 + 1e-9) / 10)}%`;
const percentUp = (share: number) => `${oneDecimal.format(Math.ceil(share * 1000 - 1e-9) / 10)}%`;
const percent = (share: number) => `${oneDecimal.format(share * 100)}%`;

type Rule = {
  code: LaggingReasonCode;
  /** The measured value, or null when there is nothing to measure it on (a denominator of 0). */
  value(measure: LaggingMeasure): number | null;
  threshold(thresholds: LaggingThresholds): number;
  lags(value: number, threshold: number): boolean;
  text(value: number, threshold: number): string;
};

const share = (part: number, of: number): number | null => (of > 0 ? part / of : null);
const below = (value: number, threshold: number) => value < threshold;
const above = (value: number, threshold: number) => value > threshold;

const RULES: Rule[] = [
  {
    code: 'registration_rate',
    value: (m) => share(m.approvedIndividual, m.members),
    threshold: (t) => t.minRegistrationRate,
    lags: below,
    text: (v, t) => `Tỷ lệ đăng ký làm theo đã được thẩm định ${percentDown(v)} (dưới ${percent(t)})`,
  },
  {
    code: 'standards',
    value: (m) => share(m.standardsAdopted, m.standardKeepingUnits),
    threshold: (t) => t.minStandardsRate,
    lags: below,
    text: (v, t) => `Tỷ lệ đơn vị đã ban hành chuẩn mực đạo đức ${percentDown(v)} (dưới ${percent(t)})`,
  },
  {
    code: 'signs',
    value: (m) => share(m.signsPosted, m.standardKeepingUnits),
    threshold: (t) => t.minSignsRate,
    lags: below,
    text: (v, t) => `Tỷ lệ đơn vị đã gắn biển chuẩn mực đạo đức ${percentDown(v)} (dưới ${percent(t)})`,
  },
  {
    code: 'study_rate',
    value: (m) => share(m.studied, m.members),
    threshold: (t) => t.minStudyRate,
    lags: below,
    text: (v, t) => `Tỷ lệ học tập chuyên đề ${percentDown(v)} (dưới ${percent(t)})`,
  },
  {
    code: 'reports',
    value: (m) => share(m.reportsSubmitted, m.reportsExpected),
    threshold: (t) => t.minReportingRate,
    lags: below,
    text: (v, t) => `Tỷ lệ báo cáo định kỳ đã gửi ${percentDown(v)} (dưới ${percent(t)})`,
  },
  {
    code: 'feedback_overdue',
    value: (m) => m.overdueFeedback,
    threshold: (t) => t.maxOverdueFeedback,
    lags: above,
    text: (v, t) => `${whole.format(v)} phản ánh, góp ý quá hạn chưa trả lời (tối đa ${whole.format(t)})`,
  },
  {
    code: 'duplicates',
    value: (m) => share(m.registrationsWithTwin, m.registrations),
    threshold: (t) => t.maxDuplicateShare,
    lags: above,
    text: (v, t) => `Tỷ lệ bản đăng ký gần trùng nhau ${percentUp(v)} (trên ${percent(t)})`,
  },
  {
    code: 'remedies_overdue',
    value: (m) => m.overdueRemedies,
    threshold: (t) => t.maxOverdueRemedies,
    lags: above,
    text: (v, t) => `${whole.format(v)} việc khắc phục sau kiểm tra, giám sát quá hạn (tối đa ${whole.format(t)})`,
  },
];

/** The threshold a reason is held to, in words ("dưới 80%", "nhiều hơn 0"), for the export's definitions. */
export function thresholdText(code: LaggingReasonCode, thresholds: LaggingThresholds): string {
  const rule = RULES.find((candidate) => candidate.code === code)!;
  const threshold = rule.threshold(thresholds);
  if (rule.lags === below) return `dưới ${percent(threshold)}`;
  return code === 'duplicates' ? `trên ${percent(threshold)}` : `nhiều hơn ${whole.format(threshold)}`;
}

/** A reason a unit lags, as measured: the words and the link are added for the units shown. */
export type MeasuredReason = Pick<LaggingReason, 'code' | 'value' | 'threshold'>;

/** The reasons a unit lags, in the order of LAGGING_REASONS; none when it meets every threshold. */
export function measuredReasonsOf(measure: LaggingMeasure, thresholds: LaggingThresholds): MeasuredReason[] {
  const reasons: MeasuredReason[] = [];
  for (const rule of RULES) {
    const value = rule.value(measure);
    const threshold = rule.threshold(thresholds);
    if (value !== null && rule.lags(value, threshold)) reasons.push({ code: rule.code, value, threshold });
  }
  return reasons;
}

/**
 * A measured reason in words, with the link to its records. Only the units a page or an export
 * shows are described: words for a country's 3,321 communes cost more than measuring them.
 */
export function describeReason(reason: MeasuredReason, unitId: number, year: number): LaggingReason {
  const rule = RULES.find((candidate) => candidate.code === reason.code)!;
  return { ...reason, text: rule.text(reason.value, reason.threshold), link: laggingLink(reason.code, unitId, year) };
}

/** The reasons a unit lags, described. */
export function reasonsOf(measure: LaggingMeasure, thresholds: LaggingThresholds): LaggingReason[] {
  return measuredReasonsOf(measure, thresholds).map((reason) => describeReason(reason, measure.unitId, measure.year));
}
