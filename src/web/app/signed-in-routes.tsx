import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './app-layout';
import { ComponentLibrary } from './component-library';
import { NotFoundPage } from './not-found-page';
import { PAGE_PERMISSIONS } from './page-permissions';
import { paths } from './paths';
import { RequirePage, RequirePermission } from './require-permission';
import { RequireSession } from './require-session';

// Each module loads on first visit, so the sign-in page stays light on a slow connection.
const pageModules = {
  home: () => import('../features/home/home-page'),
  units: () => import('../features/units/units-page'),
  people: () => import('../features/people/people-page'),
  standards: () => import('../features/standards/standards-page'),
  plans: () => import('../features/programme/plans-page'),
  topics: () => import('../features/programme/topics-page'),
  breakthroughs: () => import('../features/programme/breakthroughs-page'),
  audit: () => import('../features/audit/audit-page'),
  accounts: () => import('../features/accounts/accounts-page'),
  changePassword: () => import('../features/auth/change-password-page'),
  reports: () => import('../features/reports/reports-page'),
  commendations: () => import('../features/commendations/commendations-page'),
  grading: () => import('../features/grading/grading-page'),
  inspections: () => import('../features/inspections/inspections-page'),
  study: () => import('../features/study/study-page'),
  registrations: () => import('../features/registrations/registrations-page'),
  programmeFigures: () => import('../features/dashboard/programme-dashboard-page'),
  campaignOverview: () => import('../features/overview/campaign-overview-page'),
  followup: () => import('../features/followup/followup-page'),
  supervision: () => import('../features/supervision/supervision-page'),
} satisfies Partial<Record<keyof typeof paths, () => Promise<unknown>>>;

const HomePage = lazy(() => pageModules.home().then((module) => ({ default: module.HomePage })));
const UnitsPage = lazy(() => pageModules.units().then((module) => ({ default: module.UnitsPage })));
const PeoplePage = lazy(() => pageModules.people().then((module) => ({ default: module.PeoplePage })));
const StandardsPage = lazy(() => pageModules.standards().then((module) => ({ default: module.StandardsPage })));
const PlansPage = lazy(() => pageModules.plans().then((module) => ({ default: module.PlansPage })));
const TopicsPage = lazy(() => pageModules.topics().then((module) => ({ default: module.TopicsPage })));
const BreakthroughsPage = lazy(() => pageModules.breakthroughs().then((module) => ({ default: module.BreakthroughsPage })));
const AuditPage = lazy(() => pageModules.audit().then((module) => ({ default: module.AuditPage })));
const AccountsPage = lazy(() => pageModules.accounts().then((module) => ({ default: module.AccountsPage })));
const ChangePasswordPage = lazy(() => pageModules.changePassword().then((module) => ({ default: module.ChangePasswordPage })));
const ReportsPage = lazy(() => pageModules.reports().then((module) => ({ default: module.ReportsPage })));
const CommendationsPage = lazy(() => pageModules.commendations().then((module) => ({ default: module.CommendationsPage })));
const GradingPage = lazy(() => pageModules.grading().then((module) => ({ default: module.GradingPage })));
const InspectionsPage = lazy(() => pageModules.inspections().then((module) => ({ default: module.InspectionsPage })));
const StudyPage = lazy(() => pageModules.study().then((module) => ({ default: module.StudyPage })));
const RegistrationsPage = lazy(() => pageModules.registrations().then((module) => ({ default: module.RegistrationsPage })));
const CampaignOverviewPage = lazy(() => pageModules.campaignOverview().then((module) => ({ default: module.CampaignOverviewPage })));
const ProgrammeDashboardPage = lazy(() => pageModules.programmeFigures().then((module) => ({ default: module.ProgrammeDashboardPage })));
const FollowupPage = lazy(() => pageModules.followup().then((module) => ({ default: module.FollowupPage })));
const SupervisionPage = lazy(() => pageModules.supervision().then((module) => ({ default: module.SupervisionPage })));

// The page being opened starts downloading with this chunk, beside the session request, instead
// of after it: on a 400 ms link that is one round trip fewer before the page shows.
const openingPage = (Object.keys(pageModules) as Array<keyof typeof pageModules>).find((key) => paths[key] === window.location.pathname);
if (openingPage) void pageModules[openingPage]();

/** Every page behind sign-in, with the component library they share: one download after signing in. */
export default function SignedInRoutes() {
  return (
    <ComponentLibrary>
      <Routes>
        <Route element={<RequireSession allowPasswordChange />}>
          <Route path={paths.changePassword} element={<ChangePasswordPage />} />
        </Route>
        <Route element={<RequireSession />}>
          <Route element={<AppLayout />}>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.home} />}>
              <Route index element={<HomePage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.units} />}>
              <Route path={paths.units} element={<UnitsPage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.people} />}>
              <Route path={paths.people} element={<PeoplePage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.plans} />}>
              <Route path={paths.plans} element={<PlansPage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.topics} />}>
              <Route path={paths.topics} element={<TopicsPage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.breakthroughs} />}>
              <Route path={paths.breakthroughs} element={<BreakthroughsPage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.standards} />}>
              <Route path={paths.standards} element={<StandardsPage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.study} />}>
              <Route path={paths.study} element={<StudyPage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.followup} />}>
              <Route path={paths.followup} element={<FollowupPage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.registrations} />}>
              <Route path={paths.registrations} element={<RegistrationsPage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.reports} />}>
              <Route path={paths.reports} element={<ReportsPage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.commendations} />}>
              <Route path={paths.commendations} element={<CommendationsPage />} />
            </Route>
            <Route element={<RequirePage page="grading" />}>
              <Route path={paths.grading} element={<GradingPage />} />
            </Route>
            <Route element={<RequirePage page="inspections" />}>
              <Route path={paths.inspections} element={<InspectionsPage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.campaignOverview} />}>
              <Route path={paths.campaignOverview} element={<CampaignOverviewPage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.programmeFigures} />}>
              <Route path={paths.programmeFigures} element={<ProgrammeDashboardPage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.supervision} />}>
              <Route path={paths.supervision} element={<SupervisionPage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.audit} />}>
              <Route path={paths.audit} element={<AuditPage />} />
            </Route>
            <Route element={<RequirePermission permission={PAGE_PERMISSIONS.accounts} />}>
              <Route path={paths.accounts} element={<AccountsPage />} />
            </Route>
            <Route path="/home" element={<Navigate to={paths.home} replace />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </ComponentLibrary>
  );
}
