import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from './client';

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * The advisory-lock key of a name: the first 8 bytes of its hash, as a signed bigint. Derived from
 * the name rather than numbered by hand, so two callers cannot share a key by a typo, and the same
 * in every process and every release.
 */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(`noiguong:${name}`).digest().readBigInt64BE(0).toString();
}

/**
 * Takes the transaction-level advisory lock named `name`, waiting while another transaction (of
 * any process on this database) holds it; it is released at commit or rollback, also when a
 * process dies mid-transaction and its connection closes. Under READ COMMITTED every statement
 * after this one reads a new snapshot, so it sees what the previous holder committed.
 */
export async function lockUntilCommit(tx: Transaction, name: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${advisoryLockKey(name)}::bigint)`);
}

/**
 * Runs a background job in a transaction that first takes the job's lock. Every app process on one
 * database runs the same timers, so two may start a job at the same moment: the second waits for
 * the first to commit and then finds its work done. The reads that decide what the job does must
 * therefore be made inside `work`, not before it.
 */
export function withJobLock<T>(db: Database, job: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await lockUntilCommit(tx, `job:${job}`);
    return work(tx);
  });
}
