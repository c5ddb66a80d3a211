import type { users } from '../../db/schema/index';
import type { Grant } from './policy';

/** A signed-in request's session, as the accounts module resolves it from the cookie. */
export type SessionContext = {
  tokenHash: string;
  csrfToken: string;
  user: typeof users.$inferSelect;
  grants: Grant[];
};

/**
 * Turns a session cookie into its session, or undefined. The platform calls it on every request;
 * the accounts module provides it (wired in app.ts), so the platform never imports a module.
 */
export type SessionResolver = (token: string) => Promise<SessionContext | undefined>;
