import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertHasPermissionSomewhere, isPathWithin, scopePaths, type Actor } from '../../platform/auth/policy';
import { compareSortKeys, foldVietnamese } from '../../../shared/text';
import * as repo from './units.repo';
import type { Unit, UnitDetail, UnitRef, UnitSearchHit, UnitVersion } from '../../../shared/contracts/units';
import type { PagedAnswer } from '../../../shared/contracts/common';
import type { UnitKind } from '../../../shared/contracts/domain';
import { presentAsOfVersion, presentUnit, presentUnitVersion } from './units.presenter';
import { getUnitOrThrow } from './units.service';

function assertReadable(actor: Actor, unit: repo.UnitRow): void {
  if (!scopePaths(actor, 'units.read').some((root) => isPathWithin(unit.path, root))) {
    throw new AppError('FORBIDDEN', 'Bạn không có quyền xem đơn vị này.');
  }
}

export async function listRoots(db: Database, actor: Actor): Promise<Unit[]> {
  const roots = scopePaths(actor, 'units.read');
  const ids = roots.map((path) => Number(path.split('.').at(-1)));
  const rows = (await repo.findUnitsByIds(db, ids)).sort(compareSortKeys);
  const withChildren = await Promise.all(rows.map(async (row) => presentUnit(row, (await repo.listOpenChildIds(db, row.id)).length > 0)));
  return withChildren;
}

export async function listChildren(db: Database, actor: Actor, parentId: number, asOf?: string): Promise<Unit[]> {
  const parent = await getUnitOrThrow(db, parentId);
  assertReadable(actor, parent);
  if (!asOf) {
    const rows = await repo.listOpenChildren(db, parentId);
    return rows.sort((a, b) => compareSortKeys(a.unit, b.unit)).map((row) => presentUnit(row.unit, row.hasChildren));
  }
  const ids = await repo.listChildrenAsOf(db, parentId, asOf);
  const rows = await repo.findUnitsByIds(db, ids);
  const withChildren = await repo.hasChildrenAsOf(db, ids, asOf);
  const views = await Promise.all(
    rows
      .sort(compareSortKeys)
      .map(async (row) => presentAsOfVersion(presentUnit(row, withChildren.has(row.id)), await repo.findVersionAsOf(db, row.id, asOf))),
  );
  return views.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** Breadcrumbs from the highest ancestor the actor may see down to the parent. */
async function breadcrumbsOf(db: Database, actor: Actor, unit: repo.UnitRow): Promise<UnitRef[]> {
  const roots = scopePaths(actor, 'units.read');
  const ancestorIds = unit.path.split('.').slice(0, -1).map(Number);
  const names = await repo.listNamesByIds(db, ancestorIds);
  const visible: UnitRef[] = [];
  let path = '';
  for (const id of ancestorIds) {
    path = path ? `${path}.${id}` : String(id);
    const entry = names.get(id);
    if (entry && roots.some((root) => isPathWithin(path, root))) visible.push(entry);
  }
  return visible;
}

export async function getUnitDetail(db: Database, actor: Actor, id: number, asOf?: string): Promise<UnitDetail> {
  const unit = await getUnitOrThrow(db, id);
  assertReadable(actor, unit);
  const hasChildren = (await repo.listOpenChildIds(db, id)).length > 0;
  let view = presentUnit(unit, hasChildren);
  if (asOf) view = presentAsOfVersion(view, await repo.findVersionAsOf(db, id, asOf));
  const parent = view.parentId ? await repo.findUnitById(db, view.parentId) : undefined;
  return { ...view, breadcrumbs: await breadcrumbsOf(db, actor, unit), parentName: parent?.name ?? null };
}

export async function searchUnits(
  db: Database,
  actor: Actor,
  filter: { q?: string; kind?: UnitKind; under?: number; includeClosed: boolean; page: number; pageSize: number },
): Promise<PagedAnswer<UnitSearchHit>> {
  assertHasPermissionSomewhere(actor, 'units.read');
  let underPath: string | undefined;
  if (filter.under) {
    const under = await getUnitOrThrow(db, filter.under);
    assertReadable(actor, under);
    underPath = under.path;
  }
  const { items, total } = await repo.searchUnits(db, {
    scope: scopePaths(actor, 'units.read'),
    q: filter.q ? foldVietnamese(filter.q) : undefined,
    kind: filter.kind,
    underPath,
    includeClosed: filter.includeClosed,
    page: filter.page,
    pageSize: filter.pageSize,
  });
  const ancestorIds = [...new Set(items.flatMap((item) => item.unit.path.split('.').slice(0, -1).map(Number)))];
  const names = await repo.listNamesByIds(db, ancestorIds);
  const roots = scopePaths(actor, 'units.read');
  return {
    items: items.map(({ unit, hasChildren }) => {
      const segments = unit.path.split('.');
      const crumbs = segments
        .slice(0, -1)
        .filter((_, index) => roots.some((root) => isPathWithin(segments.slice(0, index + 1).join('.'), root)))
        .map((id) => names.get(Number(id))?.name ?? '');
      return { ...presentUnit(unit, hasChildren), breadcrumbs: crumbs.join(' › ') };
    }),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

export async function listHistory(db: Database, actor: Actor, id: number): Promise<UnitVersion[]> {
  const unit = await getUnitOrThrow(db, id);
  assertReadable(actor, unit);
  const rows = await repo.listVersions(db, id);
  return rows.map(({ version, parentName }) => presentUnitVersion(version, parentName));
}
