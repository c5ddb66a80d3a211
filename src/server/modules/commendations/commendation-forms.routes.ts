import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CommendationFormCodeParamsSchema,
  CommendationFormSchema,
  CommendationFormsSchema,
  CommendationFormsQuerySchema,
  CreateCommendationFormSchema,
  UpdateCommendationFormSchema,
} from '../../../shared/contracts/commendations';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf } from '../../platform/http/request-context';
import { findTopLevelPlace } from '../units/index';
import * as forms from './commendation-forms.service';

const tags = ['Khen thưởng'];

/** The catalogue of forms of commendation: read by every signed-in user, kept at the top of the tree. */
export const commendationFormsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const keep = { needs: ['accounts.manage'], place: () => findTopLevelPlace(db) } as const;
  app.get(
    '/api/commendation-forms',
    { schema: { tags, querystring: CommendationFormsQuerySchema, response: { 200: CommendationFormsSchema } } },
    (request) => {
      actorOf(request);
      return forms.listForms(db, request.query.includeInactive);
    },
  );
  app.post(
    '/api/commendation-forms',
    { config: keep, schema: { tags, body: CreateCommendationFormSchema, response: { 201: CommendationFormSchema } } },
    async (request, reply) => reply.status(201).send(await forms.createForm(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/commendation-forms/:code',
    {
      config: keep,
      schema: {
        tags,
        params: CommendationFormCodeParamsSchema,
        body: UpdateCommendationFormSchema,
        response: { 200: CommendationFormSchema },
      },
    },
    (request) => forms.updateForm(db, actorOf(request), request.params.code, request.body),
  );
};
