import type { FastifyRequest } from 'fastify';
import { mayAttempt, type RouteNeed } from '../auth/policy';
import { AppError } from '../errors';
import { actorOf } from './request-context';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may call the route at all. Checked before the body is validated, so a caller without any
     * of these is refused (403) and never learns the body's field rules from a 400.
     */
    needs?: readonly RouteNeed[];
  }
}

/** A preValidation step: refuses a signed-in caller who holds none of the route's needs anywhere. */
export function refuseWithoutNeeds(request: FastifyRequest): void {
  const needs = request.routeOptions.config.needs;
  if (!needs || !request.session) return;
  if (!mayAttempt(actorOf(request), needs)) throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');
}
