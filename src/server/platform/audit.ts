import { auditLog } from '../db/schema/index';
import type { Executor } from './db/client';
import type { Actor } from './auth/policy';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | number;
  unitPath?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Records a write in the append-only log, inside the caller's transaction. */
export async function recordAudit(executor: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values({
    actorUserId: actor.userId,
    actorName: actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    unitPath: entry.unitPath ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor.ip,
    requestId: actor.requestId,
  });
}
