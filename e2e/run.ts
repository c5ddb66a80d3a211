import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, runJourneys, startApp, type Journey } from './harness';
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
import { gradingJourneys } from './journeys/grading';
import { inspectionsJourneys } from './journeys/inspections';
import { phoneFitJourneys } from './journeys/phone-fit';
import { overviewJourneys } from './journeys/overview';
import { nationalJourneys } from './journeys/national';

async function main(): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  console.log('Starting the app on a fresh embedded database…');
  const app = await startApp();
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
  const page = await context.newPage();
  // What a group started for itself (another app, on other data) is stopped here, pass or fail.
  const cleanups: Array<() => Promise<void>> = [];
  const journeyContext = { app, browser, page, atEnd: (cleanup: () => Promise<void>) => void cleanups.push(cleanup) };
  let ok = false;
  try {
    // `npm run test:e2e -- commendations reports` runs only the named groups (each group's journeys
    // run in order and start from the demo data, so a group can run alone).
    const groups: Record<string, (context: typeof journeyContext) => Journey[]> = {
      foundation: foundationJourneys,
      programme: programmeJourneys,
      standards: standardsJourneys,
      study: studyJourneys,
      registrations: registrationsJourneys,
      'register-book': registerBookJourneys,
      supervision: supervisionJourneys,
      followup: followupJourneys,
      reports: reportsJourneys,
      commendations: commendationsJourneys,
      grading: gradingJourneys,
      inspections: inspectionsJourneys,
      overview: overviewJourneys,
      national: nationalJourneys,
      'phone-fit': phoneFitJourneys,
    };
    const chosen = process.argv.slice(2);
    const unknown = chosen.filter((name) => !(name in groups));
    if (unknown.length > 0) throw new Error(`unknown journey group(s): ${unknown.join(', ')}; known: ${Object.keys(groups).join(', ')}`);
    const names = chosen.length > 0 ? chosen : Object.keys(groups);
    ok = await runJourneys(names.flatMap((name) => groups[name]?.(journeyContext) ?? []));
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error(error));
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
