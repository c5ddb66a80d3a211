import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/client';
import { ensureReferenceData } from '../db/reference-data';

/** Marks the demo load as begun; the mark stays if the process stops before `finishDemoLoad`. */
export async function beginDemoLoad(db: Database): Promise<void> {
  await db.execute(sql`INSERT INTO demo_load_state (id) VALUES (1) ON CONFLICT (id) DO NOTHING`);
}

export async function finishDemoLoad(db: Database): Promise<void> {
  await db.execute(sql`DELETE FROM demo_load_state`);
}

export async function hasUnfinishedDemoLoad(db: Database): Promise<boolean> {
  const rows = await db.execute<{ count: number }>(sql`SELECT count(*) AS count FROM demo_load_state`);
  return Number(rows.rows[0]?.count ?? 0) > 0;
}

/**
 * Empties every table, then puts the reference rows back. Only called when the demo mark is
 * present: the database was empty when the demo began, so all it holds is a half-made demo.
 */
export async function clearUnfinishedDemo(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const tables = await tx.execute<{ name: string }>(sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
    const list = sql.join(
      tables.rows.map((row) => sql.identifier(row.name)),
      sql`, `,
    );
    // The audit log refuses TRUNCATE to protect real history; a half-loaded demo has none.
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate`);
    await tx.execute(sql`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_truncate`);
  });
  await ensureReferenceData(db);
}

export type DemoLoadOptions<T> = {
  load: (db: Database) => Promise<T>;
  /** Told before a half-made demo from an earlier start is cleared. */
  onClearing?: () => void;
  onLoading?: () => void;
};

/**
 * Loads the demo into an empty database so that a stop part-way (crash, Ctrl+C, a missing file)
 * never leaves a database that the next start takes for a finished one. Returns null when the
 * database already holds data.
 */
export async function loadDemoIfEmpty<T>(db: Database, options: DemoLoadOptions<T>): Promise<T | null> {
  if (await hasUnfinishedDemoLoad(db)) {
    options.onClearing?.();
    await clearUnfinishedDemo(db);
  }
  const units = await db.execute<{ count: number }>(sql`SELECT count(*) AS count FROM units`);
  if (Number(units.rows[0]?.count ?? 0) > 0) return null;
  options.onLoading?.();
  await beginDemoLoad(db);
  const loaded = await options.load(db);
  await finishDemoLoad(db);
  return loaded;
}
