import type { paths } from './paths';

export type PageKey = Exclude<keyof typeof paths, 'login' | 'changePassword'>;

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
  campaignOverview: 'figures.read',
  supervision: 'supervision.read',
  reports: 'reports.answer',
  commendations: 'commendations.read',
  grading: 'grading.read',
  inspections: 'inspections.read',
  audit: 'audit.read',
  accounts: 'accounts.manage',
};

/**
 * Pages an account linked to a person also opens without the permission, for its own records (the
 * server's `linked-person`): a member writes their own self-review on the grading page.
 */
export const LINKED_PERSON_PAGES: ReadonlySet<PageKey> = new Set<PageKey>(['grading']);

/** Whether the menu offers the page and the router opens it: the page's permission, or a linked person on a page of their own records. */
export function canOpenPage(page: PageKey, session: { permissions: string[]; user: { personId: number | null } }): boolean {
  return session.permissions.includes(PAGE_PERMISSIONS[page]) || (LINKED_PERSON_PAGES.has(page) && session.user.personId !== null);
}
