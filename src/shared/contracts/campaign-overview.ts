import { z } from 'zod';
import { IdSchema, PagingSchema } from './common';
import { UnitRefSchema } from './units';
import { YearSchema } from './study';
import { RegistrationStatusSchema } from './registration-status';
import { REMEDY_STATUSES } from './inspections';
import { GradeSchema } from './grading';
import { ANSWER_STATUSES } from './reports';
import { NOMINATION_KINDS } from './commendations';
import { FeedbackStatusSchema } from './supervision';
import { BreakthroughStatusSchema } from './programme';

/**
 * The campaign overview: every campaign metric of a subtree for a year, beside last year's, by
 * child unit, and a metric's trend over the years. The metrics are defined once, on the server
 * (modules/figures/campaign-metrics.ts); these are their keys.
 */
export const CAMPAIGN_METRIC_KEYS = [
  'members',
  'registrationRate',
  'collectiveRegistered',
  'approvedShare',
  'publishedShare',
  'checkIns',
  'completedWellShare',
  'studyRate',
  'standardsRate',
  'signsRate',
  'breakthroughRate',
  'reportingRate',
  'onTimeRate',
  'inspectionsDone',
  'remediesClosedRate',
  'commended',
  'commendedPerThousand',
  'gradedShare',
  'excellentShare',
  'feedbackOverdue',
] as const;
export const CampaignMetricKeySchema = z.enum(CAMPAIGN_METRIC_KEYS);
export type CampaignMetricKey = (typeof CAMPAIGN_METRIC_KEYS)[number];

export const CAMPAIGN_METRIC_GROUPS = [
  'registrations',
  'programme',
  'reports',
  'inspections',
  'commendations',
  'grading',
  'feedback',
] as const;
export type CampaignMetricGroup = (typeof CAMPAIGN_METRIC_GROUPS)[number];

/** count: a number of things; rate: a share between 0 and 1; perThousand: per 1,000 members. */
export type CampaignMetricKind = 'count' | 'rate' | 'perThousand';

export const CampaignOverviewQuerySchema = z.object({ unitId: IdSchema, year: YearSchema });
export type CampaignOverviewQuery = z.infer<typeof CampaignOverviewQuerySchema>;

/** At most this many years in a trend: ten years is two Party congress terms. */
export const MAX_TREND_YEARS = 10;

export const CampaignTrendQuerySchema = z.object({
  unitId: IdSchema,
  metric: CampaignMetricKeySchema,
  toYear: YearSchema,
  years: z.coerce.number<number>().int().min(2).max(MAX_TREND_YEARS).default(5),
});
export type CampaignTrendQuery = z.infer<typeof CampaignTrendQuerySchema>;

const ChildUnitSchema = UnitRefSchema.extend({ kind: z.string() });
/** A metric's value; null when it has no denominator (a rate of a unit without members). */
const ValuesSchema = z.record(CampaignMetricKeySchema, z.number().nullable());

export const CampaignMetricSchema = z.object({
  key: CampaignMetricKeySchema,
  group: z.enum(CAMPAIGN_METRIC_GROUPS),
  kind: z.enum(['count', 'rate', 'perThousand']),
  /** Whether more is better (a rate of study) or worse (feedback left unanswered). */
  better: z.enum(['higher', 'lower']),
  label: z.string(),
  definition: z.string(),
  /**
   * The lists behind the number: the things counted (a rate's part), and for a rate the whole it
   * is divided by; null where the metric opens no list.
   */
  records: z.object({ numerator: z.string(), denominator: z.string().nullable() }).nullable(),
});
export type CampaignMetric = z.infer<typeof CampaignMetricSchema>;

export const CampaignOverviewSchema = z.object({
  unit: UnitRefSchema,
  year: z.number(),
  /** The day the year's figures are read at: its last day, or today while it runs. */
  asOf: z.string(),
  previousAsOf: z.string(),
  metrics: z.array(CampaignMetricSchema),
  figures: ValuesSchema,
  /** The same metrics a year earlier, for the subtree as it stood then. */
  previous: ValuesSchema,
  children: z.array(z.object({ unit: ChildUnitSchema, figures: ValuesSchema, previous: ValuesSchema })),
});
export type CampaignOverview = z.infer<typeof CampaignOverviewSchema>;
export type CampaignValues = Record<CampaignMetricKey, number | null>;

export const CampaignTrendSchema = z.object({
  unit: UnitRefSchema,
  metric: CampaignMetricSchema,
  /** One point per year, oldest first; each read at that year's end, in the tree as it stood then. */
  points: z.array(z.object({ year: z.number(), asOf: z.string(), value: z.number().nullable() })),
});
export type CampaignTrend = z.infer<typeof CampaignTrendSchema>;

/** The metrics whose numbers open the records behind them. */
export const DRILLABLE_METRIC_KEYS = [
  'members',
  'registrationRate',
  'studyRate',
  'standardsRate',
  'signsRate',
  'breakthroughRate',
  'collectiveRegistered',
  'approvedShare',
  'publishedShare',
  'completedWellShare',
  'checkIns',
  'reportingRate',
  'onTimeRate',
  'commended',
  'commendedPerThousand',
  'gradedShare',
  'excellentShare',
  'inspectionsDone',
  'remediesClosedRate',
  'feedbackOverdue',
] as const satisfies readonly CampaignMetricKey[];
export type DrillableMetricKey = (typeof DRILLABLE_METRIC_KEYS)[number];

export const CampaignRecordsQuerySchema = PagingSchema.extend({
  unitId: IdSchema,
  year: YearSchema,
  metric: z.enum(DRILLABLE_METRIC_KEYS),
  /** numerator: what is counted; denominator: what a rate divides by. */
  part: z.enum(['numerator', 'denominator']).default('numerator'),
});
export type CampaignRecordsQuery = z.infer<typeof CampaignRecordsQuerySchema>;
export const CampaignRecordsExportQuerySchema = CampaignRecordsQuerySchema.omit({ page: true, pageSize: true });
export type CampaignRecordsExportQuery = z.infer<typeof CampaignRecordsExportQuerySchema>;

/**
 * One record behind a number: a member (with the day they joined the unit), a person who studied
 * the year's topic (with the day they did), a registration (with its status), or a unit: one that
 * adopted ethics standards or posted their sign (with the day), or one that must (no day).
 */
const RecordFields = {
  id: z.number(),
  name: z.string(),
  unitName: z.string(),
  /** The day of the record (joined, studied, adopted, posted, concluded, due, first submitted, an answer's due day); null for a registration or a unit. */
  day: z.string().nullable(),
};
/** A record whose `status` is the code of `kind`'s own list. */
const recordWithStatus = <K extends string, S extends z.ZodType>(kind: K, status: S) =>
  z.object({ ...RecordFields, kind: z.literal(kind), status });

/** The kind of a record decides what its `status` holds (nothing for a person or a unit). */
export const CampaignRecordSchema = z.discriminatedUnion('kind', [
  z.object({
    ...RecordFields,
    kind: z.enum(['member', 'studied', 'adopted', 'signed', 'unit', 'inspection', 'checkIn']),
    status: z.null(),
  }),
  recordWithStatus('registration', RegistrationStatusSchema),
  recordWithStatus('remedy', z.enum(REMEDY_STATUSES)),
  recordWithStatus('graded', GradeSchema),
  recordWithStatus('report', z.enum(ANSWER_STATUSES)),
  /** A commended nomination's status is its kind: collective, individual or model. */
  recordWithStatus('commended', z.enum(NOMINATION_KINDS)),
  recordWithStatus('feedback', FeedbackStatusSchema),
  recordWithStatus('breakthrough', BreakthroughStatusSchema),
]);
export type CampaignRecord = z.infer<typeof CampaignRecordSchema>;

export const CampaignRecordsSchema = z.object({
  unit: UnitRefSchema,
  year: z.number(),
  asOf: z.string(),
  metric: CampaignMetricKeySchema,
  part: z.enum(['numerator', 'denominator']),
  /** What the list is, in words ("Người đã đăng ký làm theo"). */
  title: z.string(),
  /** As many as the number on the dashboard says. */
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(CampaignRecordSchema),
});
export type CampaignRecords = z.infer<typeof CampaignRecordsSchema>;
