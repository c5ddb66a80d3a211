import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/contracts/common';
import {
  AsOfQuerySchema,
  CloseUnitSchema,
  CreateUnitSchema,
  MergeUnitsSchema,
  MoveUnitSchema,
  SplitUnitSchema,
  UnitDetailSchema,
  UnitSchema,
  UnitSearchAnswerSchema,
  UnitSearchQuerySchema,
  UnitVersionSchema,
  UpdateUnitSchema,
} from '../../../shared/contracts/units';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf } from '../../platform/http/request-context';
import { placeById } from '../../platform/http/route-needs';
import * as queries from './units.queries';
import * as service from './units.service';
import { mergeUnits, splitUnit } from './units.reorganisation';

const tags = ['Đơn vị'];

export const unitsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  // A change to a unit named in the path is refused before its body is read to whoever lacks units.write over it.
  const onUnit = { needs: ['units.write'], place: placeById((id) => service.findUnitPlace(db, id)) } as const;
  app.get('/api/units/roots', { schema: { tags, response: { 200: z.array(UnitSchema) } } }, (request) =>
    queries.listRoots(db, actorOf(request)),
  );
  app.get('/api/units', { schema: { tags, querystring: UnitSearchQuerySchema, response: { 200: UnitSearchAnswerSchema } } }, (request) =>
    queries.searchUnits(db, actorOf(request), request.query),
  );
  app.get(
    '/api/units/:id',
    { schema: { tags, params: IdParamsSchema, querystring: AsOfQuerySchema, response: { 200: UnitDetailSchema } } },
    (request) => queries.getUnitDetail(db, actorOf(request), request.params.id, request.query.asOf),
  );
  app.get(
    '/api/units/:id/children',
    { schema: { tags, params: IdParamsSchema, querystring: AsOfQuerySchema, response: { 200: z.array(UnitSchema) } } },
    (request) => queries.listChildren(db, actorOf(request), request.params.id, request.query.asOf),
  );
  app.get(
    '/api/units/:id/history',
    { schema: { tags, params: IdParamsSchema, response: { 200: z.array(UnitVersionSchema) } } },
    (request) => queries.listHistory(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/units',
    { config: { needs: ['units.write'] }, schema: { tags, body: CreateUnitSchema, response: { 201: UnitSchema } } },
    async (request, reply) => reply.status(201).send(await service.createUnit(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/units/:id',
    { config: onUnit, schema: { tags, params: IdParamsSchema, body: UpdateUnitSchema, response: { 200: UnitSchema } } },
    (request) => service.updateUnit(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/units/:id/move',
    { config: onUnit, schema: { tags, params: IdParamsSchema, body: MoveUnitSchema, response: { 200: UnitSchema } } },
    (request) => service.moveUnit(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/units/:id/close',
    { config: onUnit, schema: { tags, params: IdParamsSchema, body: CloseUnitSchema, response: { 200: UnitSchema } } },
    (request) => service.closeUnit(db, actorOf(request), request.params.id, request.body),
  );
  /** The merged sources become one new unit, the answer. */
  app.post(
    '/api/units/merge',
    { config: { needs: ['units.write'] }, schema: { tags, body: MergeUnitsSchema, response: { 201: UnitSchema } } },
    async (request, reply) => reply.status(201).send(await mergeUnits(db, actorOf(request), request.body)),
  );
  /** The unit closes; the answer is the new units it was split into. */
  app.post(
    '/api/units/:id/split',
    { config: onUnit, schema: { tags, params: IdParamsSchema, body: SplitUnitSchema, response: { 201: z.array(UnitSchema) } } },
    async (request, reply) => reply.status(201).send(await splitUnit(db, actorOf(request), request.params.id, request.body)),
  );
};
