import type { Database } from '../../platform/db/client';
import { assertCan, type Actor } from '../../platform/auth/policy';
import type { ReportConsolidation } from '../../../shared/contracts/reports';
import { CATALOGUE_BY_KEY, expandKeys, rateOf } from './metric-catalogue';
import { listAnswersOfRequest, listRecommendationsOfAnswers } from './answers.repo';
import { getRequestOrThrow } from './requests.service';
import { hasSubmitted } from './report-status';
import { presentConsolidation } from './answers.presenter';

const parseNumber = (value: string) => Number(value.replace(',', '.'));

/**
 * The requesting level's view of a request: figures frozen in every submitted report, summed (a
 * rate recomputed from the summed numerator and denominator), the units still missing, every
 * difficulty and recommendation with its unit, and each narrative section side by side.
 */
export async function getConsolidation(db: Database, actor: Actor, requestId: number): Promise<ReportConsolidation> {
  const found = await getRequestOrThrow(db, requestId);
  assertCan(actor, 'reports.request', found.unitPath);
  const { request } = found;
  const answers = await listAnswersOfRequest(db, requestId);
  // A returned report was submitted but is being revised: its last submitted figures still count.
  const answering = answers.filter((answer) => hasSubmitted(answer.first_submitted_on) && answer.frozen_figures);
  const missing = answers.filter((answer) => !hasSubmitted(answer.first_submitted_on));
  const keys = expandKeys(request.content.metrics);
  const totals: Record<string, number | null> = {};
  for (const key of keys) {
    const entry = CATALOGUE_BY_KEY.get(key)!;
    if (entry.unit === 'count') totals[key] = answering.reduce((sum, answer) => sum + (answer.frozen_figures![key] ?? 0), 0);
  }
  for (const key of keys) {
    const entry = CATALOGUE_BY_KEY.get(key)!;
    if (entry.unit === 'percent') totals[key] = rateOf(totals, entry);
  }
  const manualTotals: Record<string, number | null> = {};
  for (const item of request.content.manualItems) {
    if (item.type !== 'number') continue;
    const values = answering
      .map((answer) => answer.manual_values[item.key])
      .filter((value): value is string => value !== undefined && value !== '');
    manualTotals[item.key] = values.length ? values.reduce((sum, value) => sum + parseNumber(value), 0) : null;
  }
  const items = await listRecommendationsOfAnswers(
    db,
    answering.map((answer) => answer.id),
  );
  return presentConsolidation(found, { answers, answering, missing, totals, manualTotals, items });
}
