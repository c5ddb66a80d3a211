import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { formatLsn, newReadRoute, parseLsn, runWithReadRoute, staleSecondsOfThisRequest, type ReadRoute } from '../db/read-routing';

/**
 * Which server answers a request's reads when replicas are set (docs/ARCHITECTURE.md, "Reads").
 *
 * A replica answers the GET routes that list, search, count or export — every route whose address
 * does not end with a record's id, so also a record's sub-lists (a unit's children, its history),
 * exports and document downloads — and the public pages: the read traffic of a busy day.
 * The primary answers every write, every read inside a transaction, the routes that read one
 * record by its id (what a form is about to change) or the caller's own working state, and every read of a
 * browser that wrote in the last few minutes until a replica has replayed that write: after a
 * change the browser remembers the primary's WAL position in a cookie, and only a replica that has
 * replayed it may answer that browser.
 */
export const WROTE_COOKIE = 'ng_wrote';
/** How long a browser's own write pins its reads: far above any lag a replica is used with. */
const PIN_SECONDS = 300;

/** Lists that are the caller's own working state, or no data at all: read from the primary. */
const PRIMARY_LISTS = new Set([
  '/api/auth/me',
  '/api/health',
  '/api/health/live',
  '/api/ping',
  '/api/me/data',
  '/api/notifications',
  '/api/registrations/mine',
  '/api/followup/mine',
]);

export type ReadsFrom = 'replica' | 'primary';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Overrides the rule above for one route. */
    reads?: ReadsFrom;
  }
  interface FastifyRequest {
    readRoute: ReadRoute | null;
  }
}

/** The rule, on the route's pattern (`/api/plans/:id`), not on the address asked for. */
export function mayReadReplica(method: string, route: string | undefined, declared?: ReadsFrom): boolean {
  if ((method !== 'GET' && method !== 'HEAD') || !route) return false;
  if (declared) return declared === 'replica';
  if (!route.startsWith('/api/')) return true;
  if (PRIMARY_LISTS.has(route)) return false;
  return !/\/:[^/]+$/.test(route);
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Opens the read route of every request (before the session hook, whose lookup therefore reads the
 * primary: a session ended a moment ago must not live on in a replica), allows a replica once the
 * request has passed its checks, and after a successful write remembers the primary's position.
 */
export function installReadRouting(app: FastifyInstance, primary: pg.Pool): void {
  app.decorateRequest('readRoute', null);
  app.addHook('onRequest', (request, _reply, done) => {
    const route = newReadRoute();
    request.readRoute = route;
    runWithReadRoute(route, done);
  });
  app.addHook('preHandler', async (request) => {
    const route = request.readRoute;
    if (!route || !mayReadReplica(request.method, request.routeOptions.url, request.routeOptions.config.reads)) return;
    route.replicaAllowed = true;
    route.mustHaveReplayed = parseLsn(request.cookies[WROTE_COOKIE]);
  });
  app.addHook('onSend', async (request, reply) => {
    const route = request.readRoute;
    if (route?.servedByReplica) {
      reply.header('x-read-from', 'replica');
      reply.header('x-data-lag-seconds', String(Math.ceil(route.lagSeconds)));
      const stale = staleSecondsOfThisRequest();
      if (stale > 0) reply.header('x-data-stale-seconds', String(stale));
    }
    if (!WRITE_METHODS.has(request.method) || reply.statusCode >= 400) return;
    await rememberWritePosition(request, reply, primary);
  });
}

async function rememberWritePosition(
  request: FastifyRequest,
  reply: { setCookie: (name: string, value: string, options: object) => unknown },
  primary: pg.Pool,
) {
  const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  const position = parseLsn(rows[0]?.lsn);
  if (position === null) return;
  reply.setCookie(WROTE_COOKIE, formatLsn(position), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: PIN_SECONDS,
  });
}
