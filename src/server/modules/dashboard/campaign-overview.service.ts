import type { Database } from '../../platform/db/client';
import { cachedRead } from '../../platform/db/read-cache';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { readFigures, readFiguresAtDays } from '../../platform/figures';
import type { CampaignMetricKey, CampaignOverview, CampaignTrend } from '../../../shared/contracts/campaign-overview';
import { asOfForYear, listOpenChildUnits, unitAndOpenChildIds } from '../figures/index';
import { getUnitOrThrow } from '../units/index';
import { CAMPAIGN_METRICS, campaignMetric, campaignValues, countersOf } from './campaign-metrics';

/** The figures of an overview are read in this many shares at once (see readFiguresAtDays). */
const FIGURE_READ_PARTS = 2;

/**
 * Every campaign metric of a subtree and of each child unit for a year, beside the same metrics a
 * year earlier, from the live counters. Each year is read at its own end (today while it runs), so
 * last year's figures are those of the tree and the memberships as they stood then. The answer is
 * the same for everyone allowed to read it and is kept until the next write (read-cache.ts); the
 * permission is checked on every request.
 */
export async function getCampaignOverview(db: Database, actor: Actor, unitId: number, year: number): Promise<CampaignOverview> {
  const asOf = asOfForYear(year);
  const previousAsOf = asOfForYear(year - 1);
  const { unitPath, answer } = await cachedRead(db, `campaign-overview:${unitId}:${year}:${asOf}`, async () => {
    // The reads go out together (on PostgreSQL each takes a connection of its own): the figures
    // select the children themselves, so a busy server waits for one answer, not two in turn, and
    // they are read in two halves side by side, one per core.
    const [unit, children, [now = new Map(), before = new Map()]] = await Promise.all([
      getUnitOrThrow(db, unitId),
      listOpenChildUnits(db, unitId, asOf),
      readFiguresAtDays(
        db,
        unitAndOpenChildIds(unitId, asOf),
        [
          { metrics: countersOf(year), asOf },
          { metrics: countersOf(year - 1), asOf: previousAsOf },
        ],
        { parts: FIGURE_READ_PARTS },
      ),
    ]);
    return {
      unitPath: unit.path,
      answer: {
        unit: { id: unit.id, code: unit.code, name: unit.name },
        year,
        asOf,
        previousAsOf,
        metrics: CAMPAIGN_METRICS,
        figures: campaignValues(now.get(unitId), year),
        previous: campaignValues(before.get(unitId), year - 1),
        children: children.map((child) => ({
          unit: child,
          figures: campaignValues(now.get(child.id), year),
          previous: campaignValues(before.get(child.id), year - 1),
        })),
      },
    };
  });
  assertCan(actor, 'figures.read', unitPath);
  return answer;
}

/** One metric of a subtree for each of `years` years up to `toYear`, each read at its year's end. */
export async function getCampaignTrend(
  db: Database,
  actor: Actor,
  query: { unitId: number; metric: CampaignMetricKey; toYear: number; years: number },
): Promise<CampaignTrend> {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'figures.read', unit.path);
  const keys = [query.metric];
  const points: CampaignTrend['points'] = [];
  for (let year = query.toYear - query.years + 1; year <= query.toYear; year++) {
    const asOf = asOfForYear(year);
    const counters = await readFigures(db, [unit.id], countersOf(year, keys), asOf);
    points.push({ year, asOf, value: campaignValues(counters.get(unit.id), year, keys)[query.metric] });
  }
  return { unit: { id: unit.id, code: unit.code, name: unit.name }, metric: campaignMetric(query.metric), points };
}
