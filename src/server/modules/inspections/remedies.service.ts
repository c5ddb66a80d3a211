import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, scopePaths, type Actor } from '../../platform/auth/policy';
import { todayIso } from '../../platform/dates';
import type { RemedyItem, RemedyListAnswer, RemedyListQuery } from '../../../shared/contracts/inspections';
import { getUnitOrThrow } from '../units/index';
import { listAttachments, replaceAttachments } from '../files/index';
import { stepRemedy } from './inspection-machine';
import { presentRemedy } from './inspection.presenter';
import * as repo from './inspections.repo';

/** The remedies a unit and the units below it owe, and those owed to it as the inspecting level. */
export async function listRemedies(db: Database, actor: Actor, query: RemedyListQuery): Promise<RemedyListAnswer> {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'inspections.read', unit.path);
  const today = todayIso();
  const { items, total } = await repo.searchRemedies(db, {
    ...query,
    unitPath: unit.path,
    scope: scopePaths(actor, 'inspections.read'),
    today,
  });
  const files = await listAttachments(
    db,
    'remedy',
    items.map((item) => item.id),
  );
  return {
    items: items.map((item) => presentRemedy(actor, item, files.get(item.id) ?? [], today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function presentOne(db: Database, actor: Actor, remedyId: number): Promise<RemedyItem> {
  const found = await repo.findRemedy(db, remedyId);
  if (!found) throw new AppError('NOT_FOUND', 'Không tìm thấy việc khắc phục này.');
  const row = (await repo.listRemedyRowsOfInspection(db, found.remedy.inspectionId)).find((candidate) => candidate.id === remedyId)!;
  const files = await listAttachments(db, 'remedy', [remedyId]);
  return presentRemedy(actor, row, files.get(remedyId) ?? [], todayIso());
}

/** The inspected unit reports what it did, with its evidence. */
export async function reportRemedy(db: Database, actor: Actor, id: number, input: { version: number; report: string; fileIds: number[] }) {
  await db.transaction(async (tx) => {
    const after = await stepRemedy(tx, actor, {
      remedyId: id,
      step: 'report',
      expectedVersion: input.version,
      patch: { report: input.report },
    });
    await replaceAttachments(tx, { purpose: 'remedy', ownerId: id, unitId: after.remedy.unitId }, input.fileIds);
  });
  return presentOne(db, actor, id);
}

export async function acceptRemedy(db: Database, actor: Actor, id: number, input: { version: number; note: string | null }) {
  await db.transaction((tx) =>
    stepRemedy(tx, actor, { remedyId: id, step: 'accept', expectedVersion: input.version, patch: { closeNote: input.note } }),
  );
  return presentOne(db, actor, id);
}

export async function returnRemedy(db: Database, actor: Actor, id: number, input: { version: number; reason: string }) {
  await db.transaction((tx) =>
    stepRemedy(tx, actor, { remedyId: id, step: 'return', expectedVersion: input.version, reason: input.reason }),
  );
  return presentOne(db, actor, id);
}
