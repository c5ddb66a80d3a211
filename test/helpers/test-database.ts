import { randomBytes } from 'node:crypto';
import { openDatabase, type DbHandle } from '../../src/server/platform/db/client';
import { PGLITE_IMAGE_PATH, runAdminStatement, TEMPLATE_DATABASE, testDatabaseUrl, urlForDatabase } from './database-image';

export type TestDatabase = DbHandle & { cleanup(): Promise<void> };

/** A fresh, migrated database for one test file: from the PGlite image or the PostgreSQL template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const baseUrl = testDatabaseUrl();
  if (baseUrl) {
    const name = `noiguong_test_${randomBytes(6).toString('hex')}`;
    await runAdminStatement(baseUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
    const handle = await openDatabase({ databaseUrl: urlForDatabase(baseUrl, name) });
    return {
      ...handle,
      cleanup: async () => {
        await handle.close();
        await runAdminStatement(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const handle = await openDatabase({ dataDir: null, loadDumpPath: PGLITE_IMAGE_PATH });
  return { ...handle, cleanup: () => handle.close() };
}
