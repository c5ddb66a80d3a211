import type { Executor } from '../../platform/db/client';
import { readFigures } from '../../platform/figures';
import { MEMBERS_METRIC, PARTY_MEMBERS_METRIC } from '../people/index';
import { unitKindMetric } from '../units/index';
import {
  FIGURE_DEFINITIONS as UNIT_FIGURES,
  PROGRAMME_FIGURE_DEFINITIONS as PROGRAMME,
  PROGRAMME_METRICS,
  REGISTRATION_FIGURE_DEFINITIONS as REGISTRATION,
  REGISTRATION_METRICS,
  STANDARD_KEEPING_KINDS,
  COMMENDATION_METRICS,
  INSPECTION_FIGURE_DEFINITIONS as INSPECTION,
  INSPECTION_METRICS,
} from '../figures/index';

/**
 * The figures a report request may ask for. Every entry is read from the live counters of a unit's
 * subtree (platform/figures.ts): a "stock" as of the last day of the period, a "flow" as the
 * difference between the last day and the day before the period. Yearly counters are read for
 * every year the period touches. A rate is its numerator over its denominator, both entries here,
 * so a consolidation recomputes it from the sums instead of averaging rates. Each quantity the
 * dashboards show too is defined once, there, and its definition is reused here word for word.
 */
type Reader = { stock(metric: string): number; flow(metrics: string[]): number };
type Years = number[];

type CountEntry = {
  key: string;
  label: string;
  unit: 'count';
  definition: string;
  computation: string;
  metrics(years: Years): string[];
  value(read: Reader, years: Years): number;
};
type RateEntry = {
  key: string;
  label: string;
  unit: 'percent';
  definition: string;
  computation: string;
  numerator: string;
  denominator: string;
};
export type CatalogueEntry = CountEntry | RateEntry;

const last = (years: Years) => years[years.length - 1]!;
const stockOfLastYear = (family: (year: number) => string): Pick<CountEntry, 'metrics' | 'value'> => ({
  metrics: (years) => [family(last(years))],
  value: (read, years) => read.stock(family(last(years))),
});
const flowOverYears = (family: (year: number) => string): Pick<CountEntry, 'metrics' | 'value'> => ({
  metrics: (years) => years.map(family),
  value: (read, years) => read.flow(years.map(family)),
});
const stock = (metric: string): Pick<CountEntry, 'metrics' | 'value'> => ({ metrics: () => [metric], value: (read) => read.stock(metric) });
/** Yearly figures (registrations are made for a year) summed over every year the period touches. */
const sumOverYears = (families: Array<(year: number) => string>): Pick<CountEntry, 'metrics' | 'value'> => ({
  metrics: (years) => years.flatMap((year) => families.map((family) => family(year))),
  value: (read, years) => years.reduce((sum, year) => sum + families.reduce((part, family) => part + read.stock(family(year)), 0), 0),
});
const SUM_OVER_YEARS = 'Cộng các năm trong kỳ báo cáo: mỗi năm tính các bản đăng ký của năm đó, đến ngày cuối kỳ.';
const SUM_OVER_YEARS_INSPECTIONS =
  'Cộng các năm trong kỳ báo cáo: mỗi năm tính các cuộc kiểm tra, giám sát của kế hoạch năm đó, đến ngày cuối kỳ.';
const FINAL_YEAR = 'Của năm chứa ngày cuối kỳ, tính đến ngày cuối kỳ.';
const bothKinds = (family: (kind: 'individual' | 'collective', year: number) => string) => [
  (year: number) => family('individual', year),
  (year: number) => family('collective', year),
];

export const METRIC_CATALOGUE: CatalogueEntry[] = [
  {
    key: 'members',
    label: 'Số người đang sinh hoạt',
    unit: 'count',
    definition: UNIT_FIGURES.members,
    computation: 'Giá trị vào ngày cuối kỳ báo cáo.',
    ...stock(MEMBERS_METRIC),
  },
  {
    key: 'party_members',
    label: 'Số đảng viên',
    unit: 'count',
    definition: UNIT_FIGURES.partyMembers,
    computation: 'Giá trị vào ngày cuối kỳ báo cáo.',
    ...stock(PARTY_MEMBERS_METRIC),
  },
  {
    key: 'studied',
    label: 'Số người đã học tập chuyên đề',
    unit: 'count',
    definition: PROGRAMME.studied,
    computation: 'Lũy kế từ đầu năm của ngày cuối kỳ đến ngày cuối kỳ.',
    ...stockOfLastYear(PROGRAMME_METRICS.studied),
  },
  {
    key: 'study_rate',
    label: 'Tỷ lệ học tập chuyên đề',
    unit: 'percent',
    definition: PROGRAMME.studyRate,
    computation: 'Tính từ hai số liệu trên vào ngày cuối kỳ.',
    numerator: 'studied',
    denominator: 'members',
  },
  {
    key: 'study_sessions',
    label: 'Số buổi học tập chuyên đề, hội nghị',
    unit: 'count',
    definition: PROGRAMME.studySessions,
    computation: 'Số buổi tổ chức trong kỳ báo cáo.',
    ...flowOverYears(PROGRAMME_METRICS.studySessions),
  },
  {
    key: 'cell_meetings',
    label: 'Số buổi sinh hoạt chi bộ định kỳ',
    unit: 'count',
    definition: PROGRAMME.cellMeetings,
    computation: 'Số buổi tổ chức trong kỳ báo cáo.',
    ...flowOverYears(PROGRAMME_METRICS.cellMeetings),
  },
  {
    key: 'cell_meetings_campaign',
    label: 'Số buổi sinh hoạt chi bộ có nội dung học tập và làm theo Bác',
    unit: 'count',
    definition: PROGRAMME.cellMeetingsWithCampaign,
    computation: 'Số buổi tổ chức trong kỳ báo cáo.',
    ...flowOverYears(PROGRAMME_METRICS.cellMeetingsWithCampaign),
  },
  {
    key: 'campaign_meeting_rate',
    label: 'Tỷ lệ buổi sinh hoạt chi bộ có nội dung học tập và làm theo Bác',
    unit: 'percent',
    definition: PROGRAMME.campaignMeetingRate,
    computation: 'Tính từ hai số liệu trên trong kỳ báo cáo.',
    numerator: 'cell_meetings_campaign',
    denominator: 'cell_meetings',
  },
  {
    key: 'standard_keeping_units',
    label: 'Số đơn vị phải xây dựng chuẩn mực đạo đức',
    unit: 'count',
    definition: PROGRAMME.standardKeepingUnits,
    computation: 'Giá trị vào ngày cuối kỳ báo cáo.',
    metrics: () => STANDARD_KEEPING_KINDS.map(unitKindMetric),
    value: (read) => STANDARD_KEEPING_KINDS.reduce((sum, kind) => sum + read.stock(unitKindMetric(kind)), 0),
  },
  {
    key: 'standards_adopted',
    label: 'Số đơn vị đã ban hành chuẩn mực đạo đức',
    unit: 'count',
    definition: PROGRAMME.standardsAdopted,
    computation: 'Giá trị vào ngày cuối kỳ báo cáo.',
    ...stock(PROGRAMME_METRICS.standardsAdopted),
  },
  {
    key: 'standards_rate',
    label: 'Tỷ lệ đơn vị đã ban hành chuẩn mực đạo đức',
    unit: 'percent',
    definition: PROGRAMME.standardsRate,
    computation: 'Tính từ hai số liệu trên vào ngày cuối kỳ.',
    numerator: 'standards_adopted',
    denominator: 'standard_keeping_units',
  },
  {
    key: 'signs_posted',
    label: 'Số đơn vị đã gắn biển chuẩn mực đạo đức',
    unit: 'count',
    definition: PROGRAMME.signsPosted,
    computation: 'Giá trị vào ngày cuối kỳ báo cáo.',
    ...stock(PROGRAMME_METRICS.signsPosted),
  },
  {
    key: 'breakthroughs',
    label: 'Số nội dung đột phá',
    unit: 'count',
    definition: PROGRAMME.breakthroughs,
    computation: 'Của năm chứa ngày cuối kỳ, tính đến ngày cuối kỳ.',
    ...stockOfLastYear(PROGRAMME_METRICS.breakthroughs),
  },
  {
    key: 'breakthroughs_done',
    label: 'Số nội dung đột phá đã hoàn thành',
    unit: 'count',
    definition: PROGRAMME.breakthroughsDone,
    computation: 'Của năm chứa ngày cuối kỳ, tính đến ngày cuối kỳ.',
    ...stockOfLastYear(PROGRAMME_METRICS.breakthroughsDone),
  },
  {
    key: 'breakthrough_rate',
    label: 'Tỷ lệ nội dung đột phá hoàn thành',
    unit: 'percent',
    definition: PROGRAMME.breakthroughRate,
    computation: 'Tính từ hai số liệu trên vào ngày cuối kỳ.',
    numerator: 'breakthroughs_done',
    denominator: 'breakthroughs',
  },
  {
    key: 'registered_individuals',
    label: 'Số lượt cá nhân đăng ký làm theo',
    unit: 'count',
    definition: REGISTRATION.registered,
    computation: SUM_OVER_YEARS,
    ...sumOverYears([(year) => REGISTRATION_METRICS.bucket('individual', 'registered', year)]),
  },
  {
    key: 'registered_individuals_final_year',
    label: 'Số cá nhân đăng ký làm theo (năm cuối kỳ)',
    unit: 'count',
    definition: 'Số bản đăng ký cá nhân đã gửi của năm chứa ngày cuối kỳ.',
    computation: FINAL_YEAR,
    ...stockOfLastYear((year) => REGISTRATION_METRICS.bucket('individual', 'registered', year)),
  },
  {
    key: 'registration_rate',
    label: 'Tỷ lệ đảng viên đăng ký làm theo (năm cuối kỳ)',
    unit: 'percent',
    definition:
      'Số cá nhân đăng ký làm theo của năm cuối kỳ ÷ số đảng viên. Khác "Tỷ lệ đăng ký" trên màn hình số liệu, vốn chia cho mọi người đang sinh hoạt (cả người chưa là đảng viên).',
    computation: 'Tính từ hai số liệu trên vào ngày cuối kỳ.',
    numerator: 'registered_individuals_final_year',
    denominator: 'party_members',
  },
  {
    key: 'registered_collectives',
    label: 'Số lượt tập thể đăng ký làm theo',
    unit: 'count',
    definition: REGISTRATION.collectiveRegistered,
    computation: SUM_OVER_YEARS,
    ...sumOverYears([(year) => REGISTRATION_METRICS.bucket('collective', 'registered', year)]),
  },
  {
    key: 'leaders_registered',
    label: 'Số người đứng đầu đăng ký làm theo',
    unit: 'count',
    definition: REGISTRATION.leadersRegistered,
    computation: FINAL_YEAR,
    ...stockOfLastYear(REGISTRATION_METRICS.leadersRegistered),
  },
  {
    key: 'individual_actions',
    label: 'Số việc làm cá nhân đăng ký',
    unit: 'count',
    definition: REGISTRATION.individualActions,
    computation: SUM_OVER_YEARS,
    ...sumOverYears([(year) => REGISTRATION_METRICS.actions('individual', 'registered', year)]),
  },
  {
    key: 'collective_actions',
    label: 'Số việc làm tập thể đăng ký',
    unit: 'count',
    definition: REGISTRATION.collectiveActions,
    computation: SUM_OVER_YEARS,
    ...sumOverYears([(year) => REGISTRATION_METRICS.actions('collective', 'registered', year)]),
  },
  {
    key: 'approved_actions',
    label: 'Số việc làm đã được thẩm định',
    unit: 'count',
    definition: REGISTRATION.approvedActions,
    computation: SUM_OVER_YEARS,
    ...sumOverYears(bothKinds((kind, year) => REGISTRATION_METRICS.actions(kind, 'approved', year))),
  },
  {
    key: 'actions_done',
    label: 'Số việc làm đã hoàn thành',
    unit: 'count',
    definition: REGISTRATION.actionsDone,
    computation: SUM_OVER_YEARS,
    ...sumOverYears(bothKinds((kind, year) => REGISTRATION_METRICS.actionsDone(kind, year))),
  },
  {
    key: 'actions_done_rate',
    label: 'Tỷ lệ việc làm đã hoàn thành',
    unit: 'percent',
    definition: 'Số việc làm đã hoàn thành ÷ số việc làm đã được thẩm định.',
    computation: 'Tính từ hai số liệu trên trong kỳ báo cáo.',
    numerator: 'actions_done',
    denominator: 'approved_actions',
  },
  {
    key: 'nominations',
    label: 'Số hồ sơ đề nghị biểu dương, khen thưởng',
    unit: 'count',
    definition: 'Số hồ sơ gương điển hình (tập thể, cá nhân, mô hình) các đơn vị đã gửi lên cấp trên, tính vào ngày gửi lần đầu.',
    computation: 'Số hồ sơ gửi trong kỳ báo cáo.',
    ...flowOverYears(COMMENDATION_METRICS.nominated),
  },
  {
    key: 'commended_collectives',
    label: 'Số tập thể được biểu dương, khen thưởng',
    unit: 'count',
    definition: 'Số tập thể có tên trong các quyết định biểu dương, khen thưởng của các cấp, tính vào ngày quyết định.',
    computation: 'Số được khen trong kỳ báo cáo.',
    ...flowOverYears((year) => COMMENDATION_METRICS.commended('collective', year)),
  },
  {
    key: 'commended_individuals',
    label: 'Số cá nhân được biểu dương, khen thưởng',
    unit: 'count',
    definition: 'Số cá nhân có tên trong các quyết định biểu dương, khen thưởng của các cấp, tính vào ngày quyết định.',
    computation: 'Số được khen trong kỳ báo cáo.',
    ...flowOverYears((year) => COMMENDATION_METRICS.commended('individual', year)),
  },
  {
    key: 'commended_models',
    label: 'Số mô hình, cách làm hay được biểu dương, khen thưởng',
    unit: 'count',
    definition: 'Số mô hình, cách làm hay có tên trong các quyết định biểu dương, khen thưởng của các cấp, tính vào ngày quyết định.',
    computation: 'Số được khen trong kỳ báo cáo.',
    ...flowOverYears((year) => COMMENDATION_METRICS.commended('model', year)),
  },
  {
    key: 'check_ins',
    label: 'Số lượt ghi nhận việc làm theo',
    unit: 'count',
    definition: REGISTRATION.checkIns,
    computation: 'Số lượt ghi nhận trong kỳ báo cáo.',
    ...flowOverYears(REGISTRATION_METRICS.checkIns),
  },
  ...inspectionEntries(),
];

/** Inspections are planned for a year: each counts in its year, as registrations do. */
function inspectionEntries(): CatalogueEntry[] {
  const count = (key: string, label: string, definition: string, family: (year: number) => string): CatalogueEntry => ({
    key,
    label,
    unit: 'count',
    definition,
    computation: SUM_OVER_YEARS_INSPECTIONS,
    ...sumOverYears([family]),
  });
  return [
    count('inspections_planned', 'Số cuộc kiểm tra, giám sát theo kế hoạch', INSPECTION.planned, INSPECTION_METRICS.planned),
    count('inspections_done', 'Số cuộc kiểm tra, giám sát đã kết luận', INSPECTION.done, INSPECTION_METRICS.done),
    count(
      'inspection_shortcomings',
      'Số hạn chế, khuyết điểm được chỉ ra qua kiểm tra',
      INSPECTION.shortcomings,
      INSPECTION_METRICS.shortcomings,
    ),
    count('remedies_owed', 'Số việc phải khắc phục sau kiểm tra', INSPECTION.remedies, INSPECTION_METRICS.remedies),
    count('remedies_closed', 'Số việc đã khắc phục xong sau kiểm tra', INSPECTION.remediesClosed, INSPECTION_METRICS.remediesClosed),
    {
      key: 'remedies_closed_rate',
      label: 'Tỷ lệ việc đã khắc phục sau kiểm tra',
      unit: 'percent',
      definition: 'Số việc đã khắc phục xong ÷ số việc phải khắc phục sau kiểm tra.',
      computation: 'Tính từ hai số liệu trên trong kỳ báo cáo.',
      numerator: 'remedies_closed',
      denominator: 'remedies_owed',
    },
  ];
}

export const CATALOGUE_BY_KEY = new Map(METRIC_CATALOGUE.map((entry) => [entry.key, entry]));

/** The keys to compute for a selection: the selected ones and the parts of the selected rates. */
export function expandKeys(keys: string[]): string[] {
  const all = new Set<string>();
  for (const key of keys) {
    const entry = CATALOGUE_BY_KEY.get(key);
    if (!entry) continue;
    all.add(key);
    if (entry.unit === 'percent') {
      all.add(entry.numerator);
      all.add(entry.denominator);
    }
  }
  return METRIC_CATALOGUE.map((entry) => entry.key).filter((key) => all.has(key));
}

function yearsOf(from: string, to: string): Years {
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) years.push(year);
  return years;
}

function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** A rate as a fraction, or null when there is nothing to rate (a zero denominator). */
export function rateOf(values: Record<string, number | null>, entry: RateEntry): number | null {
  const numerator = values[entry.numerator] ?? 0;
  const denominator = values[entry.denominator] ?? 0;
  return denominator > 0 ? numerator / denominator : null;
}

/** The figures of each unit's subtree for the period: two indexed reads, whatever the number of units. */
export async function computeFigures(
  executor: Executor,
  unitIds: number[],
  keys: string[],
  from: string,
  to: string,
): Promise<Map<number, Record<string, number | null>>> {
  const wanted = expandKeys(keys).map((key) => CATALOGUE_BY_KEY.get(key)!);
  const years = yearsOf(from, to);
  const counts = wanted.filter((entry): entry is CountEntry => entry.unit === 'count');
  const metrics = [...new Set(counts.flatMap((entry) => entry.metrics(years)))];
  const atEnd = await readFigures(executor, unitIds, metrics, to);
  const before = await readFigures(executor, unitIds, metrics, dayBefore(from));
  const result = new Map<number, Record<string, number | null>>();
  for (const unitId of unitIds) {
    const end = atEnd.get(unitId) ?? {};
    const start = before.get(unitId) ?? {};
    const reader: Reader = {
      stock: (metric) => end[metric] ?? 0,
      flow: (names) => names.reduce((sum, name) => sum + (end[name] ?? 0) - (start[name] ?? 0), 0),
    };
    const values: Record<string, number | null> = {};
    for (const entry of counts) values[entry.key] = entry.value(reader, years);
    for (const entry of wanted) if (entry.unit === 'percent') values[entry.key] = rateOf(values, entry);
    result.set(unitId, values);
  }
  return result;
}
