import type { FastifyRequest } from 'fastify';
import { mayActOn, mayAttempt, type RecordPlace, type RouteNeed } from '../auth/policy';
import { AppError } from '../errors';
import { actorOf } from './request-context';

/**
 * Finds where the record a request's path names sits, from the raw path parameters (not yet
 * validated). Undefined when there is no such record: the route's own validation and lookup answer.
 */
export type RecordPlaceResolver = (params: Readonly<Record<string, string | undefined>>) => Promise<RecordPlace | undefined>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may call the route at all. Checked before the body is validated, so a caller without any
     * of these is refused (403) and never learns the body's field rules from a 400.
     */
    needs?: readonly RouteNeed[];
    /**
     * For a route about a record named in its path: where that record sits. The needs are then
     * checked on the record's subtree (or its owner) before the body is validated, so an
     * administrator or officer of another subtree is refused (403) without learning the body's rules.
     */
    place?: RecordPlaceResolver;
  }
}

/**
 * A resolver for a record named by a numeric path parameter (`:id` unless told): a value that is
 * not a positive integer names nothing, and the parameter's validation answers it.
 */
export function placeById(find: (id: number) => Promise<RecordPlace | undefined>, param = 'id'): RecordPlaceResolver {
  return async (params) => {
    const raw = params[param];
    if (raw === undefined || !/^[1-9]\d{0,14}$/.test(raw)) return undefined;
    return find(Number(raw));
  };
}

const REFUSED = 'Bạn không có quyền thực hiện thao tác này.';

/**
 * A preValidation step: refuses a signed-in caller who holds none of the route's needs anywhere,
 * and, for a route that names its record, none of them on that record's subtree.
 */
export async function refuseWithoutNeeds(request: FastifyRequest): Promise<void> {
  const { needs, place: findPlace } = request.routeOptions.config;
  if (!needs || !request.session) return;
  const actor = actorOf(request);
  if (!mayAttempt(actor, needs)) throw new AppError('FORBIDDEN', REFUSED);
  if (!findPlace) return;
  const place = await findPlace((request.params ?? {}) as Record<string, string | undefined>);
  if (place && !mayActOn(actor, needs, place))
    throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này trên đơn vị này.');
}
