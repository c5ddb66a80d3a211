import type { Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, assertCanReadDownward, scopePaths, type Actor } from '../../platform/auth/policy';
import { getUnitOrThrow, type UnitRow } from '../units/index';

/**
 * Where a programme list looks from: the chosen unit (which the actor must be allowed to read), or
 * every subtree the actor reads when no unit is chosen.
 */
export async function listRoots(executor: Executor, actor: Actor, unitId: number | undefined): Promise<string[]> {
  if (unitId === undefined) {
    const roots = scopePaths(actor, 'programme.read');
    if (roots.length === 0) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem nội dung này.');
    return roots;
  }
  const unit = await getUnitOrThrow(executor, unitId);
  assertCan(actor, 'programme.read', unit.path);
  return [unit.path];
}

/** The unit of a record, checked readable by the actor: its own subtree or any level above it. */
export async function getReadableUnitOrThrow(executor: Executor, actor: Actor, unitId: number): Promise<UnitRow> {
  const unit = await getUnitOrThrow(executor, unitId);
  assertCanReadDownward(actor, 'programme.read', unit.path);
  return unit;
}

/** The unit a record is written for: it must be open and inside the actor's write scope. */
export async function getWritableUnitOrThrow(executor: Executor, actor: Actor, unitId: number): Promise<UnitRow> {
  const unit = await getUnitOrThrow(executor, unitId);
  assertCan(actor, 'programme.write', unit.path);
  if (unit.validTo) throw new AppError('INVALID_STATE', `Đơn vị "${unit.name}" đã kết thúc hoạt động.`);
  return unit;
}

export function assertVersion(current: number, given: number, what: string): void {
  if (current !== given) {
    throw new AppError('VERSION_CONFLICT', `${what} vừa được người khác sửa. Hãy tải lại để xem bản mới nhất rồi thực hiện lại.`);
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `Không tìm thấy ${what}.`);
}
