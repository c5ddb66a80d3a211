import { mkdir } from 'node:fs/promises';
import { openDatabase } from '../src/server/platform/db/client';
import { migrateDatabase } from '../src/server/platform/db/migrate';
import { PGLITE_IMAGE_PATH, runAdminStatement, TEMPLATE_DATABASE, testDatabaseUrl, urlForDatabase } from './helpers/database-image';

/**
 * Migrates one database image before the run; every test file then starts from a copy of it:
 * a PGlite data-folder dump, or a PostgreSQL template database when TEST_DATABASE_URL is set.
 */
export default async function setup(): Promise<void> {
  const baseUrl = testDatabaseUrl();
  if (baseUrl) {
    await runAdminStatement(baseUrl, `DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await runAdminStatement(baseUrl, `CREATE DATABASE ${TEMPLATE_DATABASE}`);
    const handle = await openDatabase({ databaseUrl: urlForDatabase(baseUrl, TEMPLATE_DATABASE) });
    await migrateDatabase(handle.db);
    await handle.close();
    console.log(`Tests run on PostgreSQL (${new URL(baseUrl).host}).`);
    return;
  }
  await mkdir('.tmp', { recursive: true });
  const handle = await openDatabase({ dataDir: null });
  await migrateDatabase(handle.db);
  await handle.dumpDataDir(PGLITE_IMAGE_PATH);
  await handle.close();
  console.log('Tests run on the embedded database (PGlite).');
}
