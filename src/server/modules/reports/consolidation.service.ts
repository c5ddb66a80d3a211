import type { Database } from '../../platform/db/client';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { CATALOGUE_BY_KEY, expandKeys, rateOf } from './metric-catalogue';
import { listAnswersOfRequest, listRecommendationsOfAnswers } from './answers.repo';
import { getRequestOrThrow } from './requests.service';
import { hasSubmitted } from './report-status';

const parseNumber = (value: string) => Number(value.replace(',', '.'));

/**
 * The requesting level's view of a request: figures frozen in every submitted report, summed (a
 * rate recomputed from the summed numerator and denominator), the units still missing, every
 * difficulty and recommendation with its unit, and each narrative section side by side.
 */
export async function getConsolidation(db: Database, actor: Actor, requestId: number) {
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
  const unitOf = new Map(answers.map((answer) => [answer.id, answer.unit_name]));
  return {
    request: {
      id: request.id,
      title: request.title,
      kind: request.kind,
      periodFrom: request.periodFrom,
      periodTo: request.periodTo,
      deadline: request.deadline,
      unit: { id: request.unitId, name: found.unitName },
    },
    expected: answers.length,
    answering: answering.length,
    missing: missing.map((answer) => ({ id: answer.id, unitName: answer.unit_name, status: answer.status })),
    figures: request.content.metrics.map((key) => {
      const entry = CATALOGUE_BY_KEY.get(key)!;
      return {
        key,
        label: entry.label,
        unit: entry.unit,
        definition: entry.definition,
        computation: entry.computation,
        total: totals[key] ?? null,
      };
    }),
    byUnit: answering.map((answer) => ({
      answerId: answer.id,
      unitName: answer.unit_name,
      status: answer.status,
      figures: answer.frozen_figures!,
      manualValues: answer.manual_values,
    })),
    manualItems: request.content.manualItems.map((item) => ({
      ...item,
      total: item.type === 'number' ? (manualTotals[item.key] ?? null) : null,
    })),
    recommendations: items.map((item) => ({
      id: item.id,
      unitName: unitOf.get(item.answerId) ?? '',
      kind: item.kind,
      body: item.body,
      status: item.status,
      answer: item.answer,
    })),
    sections: request.content.sections.map((section) => ({
      key: section.key,
      title: section.title,
      entries: answering
        .filter((answer) => answer.narrative[section.key])
        .map((answer) => ({ unitName: answer.unit_name, text: answer.narrative[section.key]! })),
    })),
  };
}
