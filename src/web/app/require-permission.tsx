import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { StatusMessage } from '../components/status-message';
import { useCan } from './session';

/** Keeps a typed-in address from opening a module the menu does not offer to this user. */
export function RequirePermission({ permission }: { permission: string }) {
  const { t } = useTranslation();
  const allowed = useCan(permission);
  if (!allowed) return <StatusMessage kind="forbidden" title={t('errors.forbiddenTitle')} description={t('errors.forbidden')} />;
  return <Outlet />;
}
