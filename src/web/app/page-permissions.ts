import type { paths } from './paths';

type PageKey = Exclude<keyof typeof paths, 'login' | 'changePassword'>;

/**
 * The permission each page needs: the menu offers a page and the router opens it on the same
 * rule, so a role never sees an entry that refuses it, nor opens by address what the menu hides.
 * The server checks every request again.
 */
export const PAGE_PERMISSIONS: Record<PageKey, string> = {
  home: 'figures.read',
  units: 'units.read',
  people: 'people.read',
  plans: 'programme.read',
  topics: 'programme.read',
  breakthroughs: 'programme.read',
  standards: 'programme.read',
  study: 'programme.read',
  registrations: 'programme.read',
  followup: 'programme.read',
  programmeFigures: 'figures.read',
  supervision: 'supervision.read',
  reports: 'reports.answer',
  commendations: 'commendations.read',
  audit: 'audit.read',
  accounts: 'accounts.manage',
};
