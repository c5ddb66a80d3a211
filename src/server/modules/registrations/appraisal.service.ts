import type { Database } from '../../platform/db/client';
import { AppError, isAppError } from '../../platform/errors';
import { assertHasPermissionSomewhere, can, type Actor } from '../../platform/auth/policy';
import type {
  BulkApprove,
  BulkApproveResult,
  RegistrationDetail,
  SimilarRegistration,
  StatusChange,
} from '../../../shared/contracts/registrations';
import { transitionRegistration } from './registration-machine';
import * as repo from './registrations.repo';
import { findSimilar } from './similarity';
import { getRegistration } from './registrations.service';

/**
 * One step of registering or appraising (submit, withdraw, return, approve, publish, unpublish),
 * through the one status machine. Submitting also checks the content is complete.
 */
export async function changeStatus(db: Database, actor: Actor, id: number, change: StatusChange): Promise<RegistrationDetail> {
  await db.transaction(async (tx) => {
    const { registration, snapshot } = await transitionRegistration(tx, actor, {
      registrationId: id,
      transition: change.transition,
      expectedVersion: change.version,
      reason: change.reason,
    });
    if (snapshot) {
      if (registration.kind === 'individual' && !registration.shortcomings.trim()) {
        throw new AppError('VALIDATION_FAILED', 'Hãy nêu những hạn chế, khuyết điểm của bản thân cần khắc phục trước khi gửi.');
      }
      if (snapshot.actions.length === 0) throw new AppError('VALIDATION_FAILED', 'Hãy ghi ít nhất một việc làm cụ thể trước khi gửi.');
    }
  });
  return getRegistration(db, actor, id);
}

/**
 * Approves many registrations at once, in one transaction with a savepoint per registration, each
 * with the version the appraiser saw: one that changed meanwhile (or is no longer waiting) is rolled
 * back to its savepoint and reported with its reason, and the others are approved together. So an
 * interrupted request (a closed browser, a killed server) approves none of them and a retry does
 * exactly what the first try would have; one member's late edit still does not block a whole cell.
 * Registrations are locked in id order, so two appraisers approving overlapping lists wait for each
 * other instead of deadlocking.
 */
export async function approveMany(db: Database, actor: Actor, input: BulkApprove): Promise<BulkApproveResult> {
  assertHasPermissionSomewhere(actor, 'registrations.appraise');
  // A registration outside the appraiser's units is a wrong request, not a race: refuse it whole.
  for (const item of input.items) {
    const located = await repo.findRegistrationWithUnit(db, item.id);
    if (located && !can(actor, 'registrations.appraise', located.unitPath)) {
      throw new AppError('FORBIDDEN', 'Có bản đăng ký không thuộc đơn vị bạn được thẩm định. Không bản nào được duyệt.');
    }
  }
  const ordered = [...input.items].sort((a, b) => a.id - b.id);
  return db.transaction(async (tx) => {
    const result: BulkApproveResult = { approved: [], failed: [] };
    for (const item of ordered) {
      try {
        await tx.transaction((savepoint) =>
          transitionRegistration(savepoint, actor, { registrationId: item.id, transition: 'approve', expectedVersion: item.version }),
        );
        result.approved.push(item.id);
      } catch (error) {
        if (!isAppError(error)) throw error;
        result.failed.push({ id: item.id, code: error.code, message: error.message });
      }
    }
    return result;
  });
}

/** Near-identical registrations around this one, for the appraiser deciding on it. */
export async function listSimilar(db: Database, actor: Actor, id: number): Promise<SimilarRegistration[]> {
  const located = await repo.findRegistrationWithUnit(db, id);
  if (!located) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đăng ký này.');
  if (!can(actor, 'registrations.read', located.unitPath))
    throw new AppError('FORBIDDEN', 'Bạn không có quyền xem các bản đăng ký của đơn vị này.');
  return findSimilar(db, id);
}
