import type { Database } from '../../platform/db/client';
import { assertCan, scopePaths, type Actor } from '../../platform/auth/policy';
import { foldVietnamese } from '../../../shared/text';
import type { StandardsOverview, StandardsOverviewQuery } from '../../../shared/contracts/standards';
import { getUnitOrThrow } from '../units/index';
import { STANDARD_KEEPING_KINDS } from '../figures/index';
import * as repo from './standards.repo';
import { writeOverviewWorkbook } from './standards-export';
import { exportFileName } from '../../platform/file-names';
import { todayIso } from '../../platform/dates';

async function searchFor(
  db: Database,
  actor: Actor,
  query: Omit<StandardsOverviewQuery, 'page' | 'pageSize'>,
  paging?: { page: number; pageSize: number },
) {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'programme.read', unit.path);
  const result = await repo.searchOverview(db, {
    unitPath: unit.path,
    scope: scopePaths(actor, 'programme.read'),
    kinds: STANDARD_KEEPING_KINDS,
    q: query.q ? foldVietnamese(query.q) : undefined,
    filter: query.filter,
    sort: query.sort,
    order: query.order,
    ...paging,
  });
  return { unit, ...result };
}

/** Which cells and agencies of the subtree have adopted standards and posted their sign. */
export async function searchStandardsOverview(db: Database, actor: Actor, query: StandardsOverviewQuery): Promise<StandardsOverview> {
  const { items, total, summary } = await searchFor(db, actor, query, { page: query.page, pageSize: query.pageSize });
  return { items, total, page: query.page, pageSize: query.pageSize, summary };
}

/** The same list, every matching row, as an Excel file. */
export async function exportStandardsOverview(db: Database, actor: Actor, query: Omit<StandardsOverviewQuery, 'page' | 'pageSize'>) {
  const { unit, items } = await searchFor(db, actor, query);
  return {
    fileName: exportFileName('Chuẩn mực đạo đức', 'xlsx', { of: unit.name, day: todayIso() }),
    body: await writeOverviewWorkbook(items),
  };
}
