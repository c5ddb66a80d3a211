import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, runJourneys, startApp } from './harness';
import { SCREENSHOTS } from './support';
import { foundationJourneys } from './journeys/foundation';
import { standardsJourneys } from './journeys/standards';
import { programmeJourneys } from './journeys/programme';
import { studyJourneys } from './journeys/study';
import { followupJourneys } from './journeys/followup';
import { supervisionJourneys } from './journeys/supervision';
import { registrationsJourneys } from './journeys/registrations';
import { registerBookJourneys } from './journeys/register-book';
import { reportsJourneys } from './journeys/reports';
import { commendationsJourneys } from './journeys/commendations';
import { phoneFitJourneys } from './journeys/phone-fit';

async function main(): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  console.log('Starting the app on a fresh embedded database…');
  const app = await startApp();
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const journeyContext = { app, browser, page };
  let ok = false;
  try {
    ok = await runJourneys([
      ...foundationJourneys(journeyContext),
      ...programmeJourneys(journeyContext),
      ...standardsJourneys(journeyContext),
      ...studyJourneys(journeyContext),
      ...registrationsJourneys(journeyContext),
      ...registerBookJourneys(journeyContext),
      ...supervisionJourneys(journeyContext),
      ...followupJourneys(journeyContext),
      ...reportsJourneys(journeyContext),
      ...commendationsJourneys(journeyContext),
      ...phoneFitJourneys(journeyContext),
    ]);
  } finally {
    await browser.close();
    await app.stop();
    if (!ok) {
      const logFile = path.join(SCREENSHOTS, 'server-output.log');
      await writeFile(logFile, app.output());
      console.log(`\nServer output (all of it in ${logFile}):\n${app.output().slice(-3000)}`);
    }
  }
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
