import { loadConfig } from './platform/config';
import { openDatabase } from './platform/db/client';
import { migrateDatabase } from './platform/db/migrate';
import { buildApp } from './app';
import { startReminderJob } from './modules/notifications/reminders.service';
import { mailerFromConfig } from './modules/notifications/mailer';
import { DEMO_PASSWORD, isDatabaseEmpty, loadDemoData } from './modules/demo/load-demo';

/** Composition root: config → database → migrations → demo data on first start → HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(handle.db);
  const where = handle.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  if (process.env.NOIGUONG_NO_DEMO !== '1' && (await isDatabaseEmpty(handle.db))) {
    console.log(`Loading demo data into the ${where}…`);
    const accounts = await loadDemoData(handle.db);
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const account of accounts) console.log(`  ${account.username.padEnd(16)} ${account.role.padEnd(11)} ${account.note}`);
  }
  const app = await buildApp({ db: handle.db, config, dbKind: handle.kind, logger: process.env.LOG_REQUESTS === '1' });
  await app.listen({ port: config.port, host: config.host });
  console.log(`\nNoiGuong is running on http://localhost:${config.port} (${where}). API docs: http://localhost:${config.port}/api/docs`);
  const stopReminders = startReminderJob(handle.db, { mailer: mailerFromConfig(config), daysBefore: config.reminderDaysBefore });
  const shutdown = async () => {
    stopReminders();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
