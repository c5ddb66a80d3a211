import { createContext, useContext } from 'react';
import type { Session } from '../../shared/contracts/accounts';

/** The signed-in session, provided once the guard has made sure there is one. */
export const SessionContext = createContext<Session | null>(null);

export function useCurrentSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useCurrentSession is used outside a signed-in page');
  return session;
}

/** For showing or hiding controls only; the server checks every request anyway. */
export function useCan(permission: string): boolean {
  return useCurrentSession().permissions.includes(permission);
}
