import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { foldVietnamese } from '../../../shared/text';
import { listAttachments, readOwnedFile } from '../files/index';
import * as repo from './gallery.repo';
import { findNomination, updateNomination } from './nominations.repo';
import { findDecision } from './decisions.repo';

export const GALLERY_PAGE_SIZE = 12;

/**
 * Shows a commended nomination in the public gallery, or takes it off: decided by the level that
 * commended it (or one above), which checks that nothing private is in its story first.
 */
export async function setNominationPublic(db: Database, actor: Actor, id: number, input: { version: number; isPublic: boolean }) {
  await db.transaction(async (tx) => {
    const context = await findNomination(tx, id, true);
    if (!context) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ đề nghị này.');
    const decision = context.nomination.decisionId ? await findDecision(tx, context.nomination.decisionId) : undefined;
    if (context.nomination.status !== 'commended' || !decision)
      throw new AppError('INVALID_STATE', 'Chỉ công khai được gương điển hình đã được khen thưởng.');
    assertCan(actor, 'commendations.decide', decision.unitPath);
    if (context.nomination.version !== input.version)
      throw new AppError('VERSION_CONFLICT', 'Hồ sơ vừa được người khác thay đổi. Hãy tải lại rồi thực hiện lại.');
    await updateNomination(tx, id, { isPublic: input.isPublic });
    await recordAudit(tx, actor, {
      action: input.isPublic ? 'nomination.publish' : 'nomination.unpublish',
      entityType: 'nomination',
      entityId: id,
      unitPath: context.unitPath,
      before: { isPublic: context.nomination.isPublic },
      after: { isPublic: input.isPublic },
    });
  });
}

/** One page of the public gallery, each item with the photos attached to it. */
export async function searchPublicGallery(
  db: Database,
  filter: { q?: string; provinceId?: number; year?: number; kind?: repo.GalleryFilter['kind']; page: number },
) {
  const result = await repo.searchGallery(db, {
    ...filter,
    q: filter.q ? foldVietnamese(filter.q) : undefined,
    pageSize: GALLERY_PAGE_SIZE,
  });
  const files = await listAttachments(
    db,
    'nomination',
    result.items.map((item) => item.id),
  );
  const items = result.items.map((item) => ({
    ...item,
    photoIds: (files.get(item.id) ?? []).filter((file) => file.contentType.startsWith('image/')).map((file) => file.id),
  }));
  return { items, total: result.total, provinces: await repo.listGalleryProvinces(db) };
}

/** A photo of a published example, for the public page; anything else is not found. */
export async function readGalleryPhoto(db: Database, dataDir: string, fileId: number) {
  const file = await readOwnedFile(db, dataDir, fileId);
  if (!file || file.ownerType !== 'nomination' || file.ownerId === null || !file.contentType.startsWith('image/')) return undefined;
  return (await repo.isPublicNomination(db, file.ownerId)) ? file : undefined;
}
