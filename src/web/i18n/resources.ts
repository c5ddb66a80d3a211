import en from './en.json';
import vi from './vi.json';
import enFollowup from './en/followup.json';
import enProgramme from './en/programme.json';
import enRegistrations from './en/registrations.json';
import enReports from './en/reports.json';
import enStandards from './en/standards.json';
import enStudy from './en/study.json';
import enSupervision from './en/supervision.json';
import viFollowup from './vi/followup.json';
import viProgramme from './vi/programme.json';
import viRegistrations from './vi/registrations.json';
import viReports from './vi/reports.json';
import viStandards from './vi/standards.json';
import viStudy from './vi/study.json';
import viSupervision from './vi/supervision.json';

/**
 * The app's texts: the shell and foundation modules in vi.json / en.json, each later module in its
 * own file under vi/ and en/ (as a top-level namespace key), so modules grow without one huge file.
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
};

// Every English key must exist, so a missing translation fails the type check instead of showing a key.
export const enResources: typeof viResources = {
  ...en,
  programme: enProgramme,
  standards: enStandards,
  study: enStudy,
  registrations: enRegistrations,
  supervision: enSupervision,
  followup: enFollowup,
  reports: enReports,
};
