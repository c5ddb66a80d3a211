import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client';
import { ensureReferenceData } from '../../db/reference-data';
import { runDataRepairs } from '../../db/data-repairs';

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations');

/** Applies pending migrations, the reference rows and the data repairs not yet run; safe to run at every start. */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder });
  await ensureReferenceData(db);
  await runDataRepairs(db);
}
