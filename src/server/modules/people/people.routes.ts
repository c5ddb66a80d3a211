import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../shared/contracts/common';
import {
  CreatePersonSchema,
  MovePersonSchema,
  PeopleAnswerSchema,
  PeopleQuerySchema,
  PersonDetailSchema,
  PersonSchema,
  UpdatePersonSchema,
} from '../../../shared/contracts/people';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf } from '../../platform/http/request-context';
import { placeById } from '../../platform/http/route-needs';
import * as service from './people.service';

const tags = ['Đảng viên và cán bộ'];

export const peopleRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const onPerson = { needs: ['people.write'], place: placeById((id) => service.findPersonPlace(db, id)) } as const;
  app.get('/api/people', { schema: { tags, querystring: PeopleQuerySchema, response: { 200: PeopleAnswerSchema } } }, (request) =>
    service.searchPeople(db, actorOf(request), request.query),
  );
  app.get('/api/people/:id', { schema: { tags, params: IdParamsSchema, response: { 200: PersonDetailSchema } } }, (request) =>
    service.getPersonDetail(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/people',
    { config: { needs: ['people.write'] }, schema: { tags, body: CreatePersonSchema, response: { 201: PersonSchema } } },
    async (request, reply) => reply.status(201).send(await service.createPerson(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/people/:id',
    { config: onPerson, schema: { tags, params: IdParamsSchema, body: UpdatePersonSchema, response: { 200: PersonSchema } } },
    (request) => service.updatePerson(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/people/:id/move',
    { config: onPerson, schema: { tags, params: IdParamsSchema, body: MovePersonSchema, response: { 200: PersonSchema } } },
    (request) => service.movePerson(db, actorOf(request), request.params.id, request.body),
  );
};
