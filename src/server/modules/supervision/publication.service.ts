import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, assertHasPermissionSomewhere, scopePaths, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { foldVietnamese } from '../../../shared/text';
import type {
  PublishAllResult,
  PublishedPage,
  PublishedQuery,
  UnitPublication,
  UnpublishResult,
} from '../../../shared/contracts/supervision';
import { getUnitOrThrow } from '../units/index';
import { transitionRegistration } from '../registrations/index';
import * as repo from './publication.repo';
import { presentPublicRegistration, presentUnpublished } from './supervision.presenter';

async function withActions(db: Database, rows: repo.RegistrantRow[]) {
  const actions = await repo.listActions(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => presentPublicRegistration(row, actions.get(row.id) ?? []));
}

/** The "Công khai" tab of a unit: what is approved and waiting, and what is already public. */
export async function listUnitPublication(db: Database, actor: Actor, unitId: number, year: number): Promise<UnitPublication> {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'registrations.read', unit.path);
  const rows = await repo.listApprovedOrPublished(db, unit.id, year);
  const items = (await withActions(db, rows)).map((item, index) => ({ ...item, version: rows[index]!.version }));
  return { unitId: unit.id, unitName: unit.name, unitCode: unit.code, year, items };
}

/**
 * Publishes every approved registration of the unit and year in one transaction, each through the
 * status machine (so each gets its history event, audit row and figure change). All or nothing:
 * if one cannot move, none does.
 */
export async function publishAll(db: Database, actor: Actor, unitId: number, year: number): Promise<PublishAllResult> {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'registrations.appraise', unit.path);
  const published = await db.transaction(async (tx) => {
    const approved = await repo.lockApproved(tx, unit.id, year);
    if (approved.length === 0) {
      throw new AppError('INVALID_STATE', `Đơn vị không có bản đăng ký nào năm ${year} đã thẩm định mà chưa công khai.`);
    }
    for (const registration of approved) {
      await transitionRegistration(tx, actor, {
        registrationId: registration.id,
        transition: 'publish',
        expectedVersion: registration.version,
      });
    }
    await recordAudit(tx, actor, {
      action: 'registration.publish_all',
      entityType: 'unit',
      entityId: unit.id,
      unitPath: unit.path,
      after: { year, registrationIds: approved.map((registration) => registration.id) },
    });
    return approved.length;
  });
  return { published };
}

/** Takes one registration off the public page (back to approved), with the reason kept in its history. */
export async function unpublish(
  db: Database,
  actor: Actor,
  registrationId: number,
  input: { version: number; reason: string },
): Promise<UnpublishResult> {
  const result = await db.transaction((tx) =>
    transitionRegistration(tx, actor, { registrationId, transition: 'unpublish', expectedVersion: input.version, reason: input.reason }),
  );
  return presentUnpublished(result.registration);
}

/** What supervisors see: the published registrations of their subtree, with public fields only. */
export async function listPublished(db: Database, actor: Actor, query: PublishedQuery): Promise<PublishedPage> {
  assertHasPermissionSomewhere(actor, 'supervision.read');
  const scope = scopePaths(actor, 'supervision.read');
  let unitPath: string | null = null;
  if (query.unitId !== undefined) {
    const unit = await getUnitOrThrow(db, query.unitId);
    assertCan(actor, 'supervision.read', unit.path);
    unitPath = unit.path;
  }
  const q = query.q ? foldVietnamese(query.q) : undefined;
  const result = await repo.searchPublished(db, { scope, unitPath, year: query.year, q, page: query.page, pageSize: query.pageSize });
  return { items: await withActions(db, result.items), total: result.total, page: query.page, pageSize: query.pageSize };
}

/** For the public page: one page of the unit's published registrations. */
export async function publicRegistrationsOfUnit(db: Database, unitId: number, page: number, pageSize: number) {
  const result = await repo.listPublicRegistrationsOfUnit(db, unitId, page, pageSize);
  return { items: await withActions(db, result.items), total: result.total };
}
