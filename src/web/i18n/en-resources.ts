import en from './en.json';
import enFollowup from './en/followup.json';
import enProgramme from './en/programme.json';
import enRegistrations from './en/registrations.json';
import enReports from './en/reports.json';
import enCommendations from './en/commendations.json';
import enGrading from './en/grading.json';
import enInspections from './en/inspections.json';
import enLagging from './en/lagging.json';
import enOverview from './en/overview.json';
import enStandards from './en/standards.json';
import enStudy from './en/study.json';
import enSupervision from './en/supervision.json';
import type { viResources } from './resources';

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
  commendations: enCommendations,
  grading: enGrading,
  inspections: enInspections,
  lagging: enLagging,
  overview: enOverview,
};
