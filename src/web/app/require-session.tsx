import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { QueryError } from '../components/query-error';
import { useSession } from '../features/auth/auth.api';
import { changeLanguage, hasStoredLanguage } from '../i18n';
import { FullPageLoading } from './full-page-loading';
import { SessionContext } from './session';

interface RequireSessionProps {
  /** The password page itself must stay reachable while a password change is required. */
  allowPasswordChange?: boolean;
}

export function RequireSession({ allowPasswordChange = false }: RequireSessionProps) {
  const session = useSession();
  const location = useLocation();
  const preferred = session.data?.user.locale;

  useEffect(() => {
    // The account's language applies until the user picks one on this device.
    if (preferred && !hasStoredLanguage()) void changeLanguage(preferred, false);
  }, [preferred]);

  if (session.isPending) return <FullPageLoading />;
  if (session.isError) {
    return (
      <div className="full-page-center">
        <QueryError error={session.error} onRetry={() => void session.refetch()} />
      </div>
    );
  }
  if (!session.data) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (session.data.user.mustChangePassword && !allowPasswordChange) {
    return <Navigate to="/change-password" replace />;
  }
  return (
    <SessionContext.Provider value={session.data}>
      <Outlet />
    </SessionContext.Provider>
  );
}
