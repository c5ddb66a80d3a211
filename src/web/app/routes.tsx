import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/login-page';
import { FullPageLoading } from './full-page-loading';
import { paths } from './paths';
import { loadSignedInRoutes } from './signed-in-loader';

// The sign-in page is plain HTML; the component library and the pages load once they are needed.
const SignedInRoutes = lazy(loadSignedInRoutes);

export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageLoading />}>
      <Routes>
        <Route path={paths.login} element={<LoginPage />} />
        <Route path="*" element={<SignedInRoutes />} />
      </Routes>
    </Suspense>
  );
}
