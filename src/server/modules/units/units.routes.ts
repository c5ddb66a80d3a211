import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../shared/contracts/common';
import {
  AsOfQuerySchema,
  CloseUnitSchema,
  CreateUnitSchema,
  MergeUnitsSchema,
  MoveUnitSchema,
  SplitUnitSchema,
  UnitSearchQuerySchema,
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
  app.get('/api/units/roots', { schema: { tags } }, (request) => queries.listRoots(db, actorOf(request)));
  app.get('/api/units', { schema: { tags, querystring: UnitSearchQuerySchema } }, (request) =>
    queries.searchUnits(db, actorOf(request), request.query),
  );
  app.get('/api/units/:id', { schema: { tags, params: IdParamsSchema, querystring: AsOfQuerySchema } }, (request) =>
    queries.getUnitDetail(db, actorOf(request), request.params.id, request.query.asOf),
  );
  app.get('/api/units/:id/children', { schema: { tags, params: IdParamsSchema, querystring: AsOfQuerySchema } }, (request) =>
    queries.listChildren(db, actorOf(request), request.params.id, request.query.asOf),
  );
  app.get('/api/units/:id/history', { schema: { tags, params: IdParamsSchema } }, (request) =>
    queries.listHistory(db, actorOf(request), request.params.id),
  );
  app.post('/api/units', { config: { needs: ['units.write'] }, schema: { tags, body: CreateUnitSchema } }, async (request, reply) =>
    reply.status(201).send(await service.createUnit(db, actorOf(request), request.body)),
  );
  app.patch('/api/units/:id', { config: onUnit, schema: { tags, params: IdParamsSchema, body: UpdateUnitSchema } }, (request) =>
    service.updateUnit(db, actorOf(request), request.params.id, request.body),
  );
  app.post('/api/units/:id/move', { config: onUnit, schema: { tags, params: IdParamsSchema, body: MoveUnitSchema } }, (request) =>
    service.moveUnit(db, actorOf(request), request.params.id, request.body),
  );
  app.post('/api/units/:id/close', { config: onUnit, schema: { tags, params: IdParamsSchema, body: CloseUnitSchema } }, (request) =>
    service.closeUnit(db, actorOf(request), request.params.id, request.body),
  );
  app.post('/api/units/merge', { config: { needs: ['units.write'] }, schema: { tags, body: MergeUnitsSchema } }, async (request, reply) =>
    reply.status(201).send(await mergeUnits(db, actorOf(request), request.body)),
  );
  app.post(
    '/api/units/:id/split',
    { config: onUnit, schema: { tags, params: IdParamsSchema, body: SplitUnitSchema } },
    async (request, reply) => reply.status(201).send(await splitUnit(db, actorOf(request), request.params.id, request.body)),
  );
};
