import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { StatusMessage } from '../components/status-message';
import { type PageKey, canOpenPage } from './page-permissions';
import { useCan, useCurrentSession } from './session';

/** Keeps a typed-in address from opening a module the menu does not offer to this user. */
export function RequirePermission({ permission }: { permission: string }) {
  const allowed = useCan(permission);
  return allowed ? <Outlet /> : <Forbidden />;
}

/** The same guard for a page a linked person also opens for their own records (page-permissions.ts). */
export function RequirePage({ page }: { page: PageKey }) {
  const allowed = canOpenPage(page, useCurrentSession());
  return allowed ? <Outlet /> : <Forbidden />;
}

function Forbidden() {
  const { t } = useTranslation();
  return <StatusMessage kind="forbidden" title={t('errors.forbiddenTitle')} description={t('errors.forbidden')} />;
}
