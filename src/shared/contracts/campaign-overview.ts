import { z } from 'zod';
import { IdSchema } from './common';
import { YearSchema } from './study';

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
  years: z.coerce.number().int().min(2).max(MAX_TREND_YEARS).default(5),
});
export type CampaignTrendQuery = z.infer<typeof CampaignTrendQuerySchema>;

const UnitRefSchema = z.object({ id: z.number(), code: z.string(), name: z.string() });
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
