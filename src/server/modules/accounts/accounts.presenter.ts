import type { Account, Session } from '../../../shared/contracts/accounts';
import { permissionsOf, type Grant } from '../../platform/auth/policy';
import type { SessionContext } from '../../platform/auth/session';
import type { UserRow } from './accounts.repo';

/** An account as its administrator sees it, with its grants (no unit paths: the page names units). */
export function presentAccount(user: UserRow, grants: Map<number, Grant[]>): Account {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId,
    isDisabled: user.isDisabled,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    grants: (grants.get(user.id) ?? []).map((grant) => ({
      id: grant.id,
      unitId: grant.unitId,
      unitName: grant.unitName,
      unitCode: grant.unitCode,
      role: grant.role,
    })),
  };
}

/** Who is signed in, with their grants, what those allow, and the token every change sends back. */
export function presentSession(context: SessionContext): Session {
  const { user } = context;
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      personId: user.personId,
      mustChangePassword: user.mustChangePassword,
      locale: user.locale === 'en' ? 'en' : 'vi',
    },
    grants: context.grants,
    permissions: permissionsOf(context.grants),
    csrfToken: context.csrfToken,
  };
}
