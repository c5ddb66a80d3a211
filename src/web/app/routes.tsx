import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/login-page';
import { AppLayout } from './app-layout';
import { FullPageLoading } from './full-page-loading';
import { NotFoundPage } from './not-found-page';
import { paths } from './paths';
import { RequirePermission } from './require-permission';
import { RequireSession } from './require-session';

// Each module loads on first visit, so the sign-in page stays light on a slow connection.
const HomePage = lazy(() => import('../features/home/home-page').then((module) => ({ default: module.HomePage })));
const UnitsPage = lazy(() => import('../features/units/units-page').then((module) => ({ default: module.UnitsPage })));
const PeoplePage = lazy(() => import('../features/people/people-page').then((module) => ({ default: module.PeoplePage })));
const StandardsPage = lazy(() =>
  import('../features/standards/standards-page').then((module) => ({ default: module.StandardsPage })),
);
const PlansPage = lazy(() => import('../features/programme/plans-page').then((module) => ({ default: module.PlansPage })));
const TopicsPage = lazy(() => import('../features/programme/topics-page').then((module) => ({ default: module.TopicsPage })));
const BreakthroughsPage = lazy(() =>
  import('../features/programme/breakthroughs-page').then((module) => ({ default: module.BreakthroughsPage })),
);
const AuditPage = lazy(() => import('../features/audit/audit-page').then((module) => ({ default: module.AuditPage })));
const AccountsPage = lazy(() =>
  import('../features/accounts/accounts-page').then((module) => ({ default: module.AccountsPage })),
);
const ChangePasswordPage = lazy(() =>
  import('../features/auth/change-password-page').then((module) => ({ default: module.ChangePasswordPage })),
);
const ReportsPage = lazy(() => import('../features/reports/reports-page').then((module) => ({ default: module.ReportsPage })));
const StudyPage = lazy(() => import('../features/study/study-page').then((module) => ({ default: module.StudyPage })));
const RegistrationsPage = lazy(() => import('../features/registrations/registrations-page').then((module) => ({ default: module.RegistrationsPage })));
const ProgrammeDashboardPage = lazy(() =>
  import('../features/dashboard/programme-dashboard-page').then((module) => ({ default: module.ProgrammeDashboardPage })),
);
const FollowupPage = lazy(() => import('../features/followup/followup-page').then((module) => ({ default: module.FollowupPage })));
const SupervisionPage = lazy(() => import('../features/supervision/supervision-page').then((module) => ({ default: module.SupervisionPage })));
export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageLoading />}>
      <Routes>
        <Route path={paths.login} element={<LoginPage />} />
        <Route element={<RequireSession allowPasswordChange />}>
          <Route path={paths.changePassword} element={<ChangePasswordPage />} />
        </Route>
        <Route element={<RequireSession />}>
          <Route element={<AppLayout />}>
            <Route element={<RequirePermission permission="figures.read" />}>
              <Route index element={<HomePage />} />
            </Route>
            <Route element={<RequirePermission permission="units.read" />}>
              <Route path={paths.units} element={<UnitsPage />} />
            </Route>
            <Route element={<RequirePermission permission="people.read" />}>
              <Route path={paths.people} element={<PeoplePage />} />
            </Route>
            <Route element={<RequirePermission permission="programme.read" />}>
              <Route path={paths.plans} element={<PlansPage />} />
              <Route path={paths.topics} element={<TopicsPage />} />
              <Route path={paths.breakthroughs} element={<BreakthroughsPage />} />
              <Route path={paths.standards} element={<StandardsPage />} />
              <Route path={paths.study} element={<StudyPage />} />
              <Route path={paths.followup} element={<FollowupPage />} />
              <Route path={paths.registrations} element={<RegistrationsPage />} />
              <Route path={paths.reports} element={<ReportsPage />} />
            </Route>
            <Route element={<RequirePermission permission="figures.read" />}>
              <Route path={paths.programmeFigures} element={<ProgrammeDashboardPage />} />
            </Route>
            <Route element={<RequirePermission permission="supervision.read" />}>
              <Route path={paths.supervision} element={<SupervisionPage />} />
            </Route>
            <Route element={<RequirePermission permission="audit.read" />}>
              <Route path={paths.audit} element={<AuditPage />} />
            </Route>
            <Route element={<RequirePermission permission="accounts.manage" />}>
              <Route path={paths.accounts} element={<AccountsPage />} />
            </Route>
            <Route path="/home" element={<Navigate to={paths.home} replace />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
