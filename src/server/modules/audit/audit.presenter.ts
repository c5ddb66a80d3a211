import type { AuditEntry } from '../../../shared/contracts/audit';
import type { AuditRow } from './audit.repo';

export function presentAuditEntry(entry: AuditRow): AuditEntry {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorName: entry.actorName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    unitPath: entry.unitPath,
    before: entry.before,
    after: entry.after,
    ip: entry.ip,
    requestId: entry.requestId,
  };
}
