import vi from './vi.json';
import viFollowup from './vi/followup.json';
import viProgramme from './vi/programme.json';
import viRegistrations from './vi/registrations.json';
import viReports from './vi/reports.json';
import viCommendations from './vi/commendations.json';
import viGrading from './vi/grading.json';
import viInspections from './vi/inspections.json';
import viLagging from './vi/lagging.json';
import viOverview from './vi/overview.json';
import viStandards from './vi/standards.json';
import viStudy from './vi/study.json';
import viSupervision from './vi/supervision.json';

/**
 * The app's texts: the shell and foundation modules in vi.json / en.json, each later module in its
 * own file under vi/ and en/ (as a top-level namespace key), so modules grow without one huge file.
 * English is in en-resources.ts, loaded only when chosen.
 */
export const viResources = {
  ...vi,
  programme: viProgramme,
  standards: viStandards,
  study: viStudy,
  registrations: viRegistrations,
  supervision: viSupervision,
  followup: viFollowup,
  reports: viReports,
  commendations: viCommendations,
  grading: viGrading,
  inspections: viInspections,
  lagging: viLagging,
  overview: viOverview,
};
