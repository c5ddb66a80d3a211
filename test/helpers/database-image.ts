import path from 'node:path';
import pg from 'pg';

/** Where the migrated embedded-database image for tests is kept. */
export const PGLITE_IMAGE_PATH = path.resolve('.tmp/test-image.tar.gz');
export const TEMPLATE_DATABASE = 'noiguong_test_template';

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export function urlForDatabase(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on the server's maintenance connection (CREATE/DROP DATABASE). */
export async function runAdminStatement(baseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
