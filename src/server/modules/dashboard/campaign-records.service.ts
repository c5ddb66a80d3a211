import type { Database } from '../../platform/db/client';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors';
import { todayIso } from '../../platform/dates';
import type { CampaignRecords, DrillableMetricKey } from '../../../shared/contracts/campaign-overview';
import { asOfForYear } from '../figures/index';
import { getUnitOrThrow } from '../units/index';
import { campaignMetric } from './campaign-metrics';
import { readFigures } from '../../platform/figures';
import { countersOfSet, RECORD_SETS } from './drill-down';
import * as drill from './drill-down.repo';

/** The most rows one export of records carries: a province's members; the nation's are exported province by province. */
export const MAX_RECORDS_EXPORT = 100_000;

type RecordsRequest = { unitId: number; year: number; metric: DrillableMetricKey; part: 'numerator' | 'denominator' };

async function locateRecords(db: Database, actor: Actor, request: RecordsRequest) {
  const unit = await getUnitOrThrow(db, request.unitId);
  assertCan(actor, 'figures.read', unit.path);
  const sets = RECORD_SETS[request.metric];
  const set = request.part === 'numerator' ? sets.numerator : sets.denominator;
  const metric = campaignMetric(request.metric);
  if (!set || !metric.records) throw new AppError('VALIDATION_FAILED', 'Chỉ số này là một số đếm, không có mẫu số để mở danh sách.');
  const title = request.part === 'numerator' ? metric.records.numerator : metric.records.denominator!;
  const day = asOfForYear(request.year);
  const lastChange = day >= todayIso() ? null : await drill.lastTreeChange(db);
  const place: drill.Place = { unit, year: request.year, day, treeUnchangedSince: lastChange === null || lastChange <= day };
  // How many there are is the number itself, from the live counters; the rows are listed from the records.
  const counters = await readFigures(db, [unit.id], countersOfSet(set, request.year), day);
  const total = Object.values(counters.get(unit.id) ?? {}).reduce((sum, value) => sum + value, 0);
  return { unit, set, title, place, total };
}

/**
 * The records behind a number of the overview, a page at a time: the people or registrations the
 * metric counts (or, for a rate, divides by), in the subtree as it stood on the year's day.
 */
export async function getCampaignRecords(
  db: Database,
  actor: Actor,
  query: RecordsRequest & { page: number; pageSize: number },
): Promise<CampaignRecords> {
  const { unit, set, title, place, total } = await locateRecords(db, actor, query);
  const items = await drill.listRecords(db, set, place, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize, total });
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    year: query.year,
    asOf: place.day,
    metric: query.metric,
    part: query.part,
    title,
    total,
    page: query.page,
    pageSize: query.pageSize,
    items,
  };
}

/** Every record behind a number, for the export; refused before anything is read past the limit. */
export async function readAllCampaignRecords(db: Database, actor: Actor, query: RecordsRequest, limit = MAX_RECORDS_EXPORT) {
  const { unit, set, title, place, total } = await locateRecords(db, actor, query);
  if (total > limit) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Danh sách có ${total.toLocaleString('vi-VN')} dòng, nhiều hơn ${limit.toLocaleString('vi-VN')} dòng một tệp mang được. Hãy xuất theo từng đơn vị trực thuộc.`,
      { total, limit },
    );
  }
  const items = await drill.listRecords(db, set, place, { limit, offset: 0, total });
  return { unit, title, asOf: place.day, items };
}
