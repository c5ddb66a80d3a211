import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertHasPermissionSomewhere, scopePaths, type Actor } from '../../platform/auth/policy';
import { isIsoDate } from '../../platform/dates';
import { foldVietnamese } from '../../../shared/text';
import type { PagedAnswer } from '../../../shared/contracts/common';
import type { AuditEntry } from '../../../shared/contracts/audit';
import { searchAudit, type AuditSearch } from './audit.repo';
import { presentAuditEntry } from './audit.presenter';

/**
 * Administrators see the entries about units in their subtrees; entries with no unit (accounts,
 * sign-ins) are shown to administrators of a whole tree only.
 */
export async function listAuditEntries(
  db: Database,
  actor: Actor,
  filter: Omit<AuditSearch, 'scope' | 'includeUnscoped'>,
): Promise<PagedAnswer<AuditEntry>> {
  assertHasPermissionSomewhere(actor, 'audit.read');
  for (const day of [filter.from, filter.to]) {
    if (day && !isIsoDate(day)) throw new AppError('VALIDATION_FAILED', `Ngày ${day} không tồn tại.`);
  }
  const scope = scopePaths(actor, 'audit.read');
  const { items, total } = await searchAudit(db, {
    ...filter,
    actor: filter.actor ? foldVietnamese(filter.actor) : undefined,
    scope,
    includeUnscoped: scope.some((path) => !path.includes('.')),
  });
  return {
    items: items.map(presentAuditEntry),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}
