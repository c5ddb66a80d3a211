import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema, IdParamsSchema, NoContentSchema, VersionQuerySchema } from '../../../shared/contracts/common';
import {
  AdoptableModelsAnswerSchema,
  AdoptableModelsQuerySchema,
  CreateModelAdoptionSchema,
  MarkTypicalSchema,
  ModelAdoptionsAnswerSchema,
  ModelAdoptionViewSchema,
  TypicalExamplesAnswerSchema,
  TypicalExamplesExportQuerySchema,
  TypicalExamplesQuerySchema,
  TypicalStateSchema,
  UpdateModelAdoptionSchema,
} from '../../../shared/contracts/commendations-spread';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile, XLSX_TYPE } from '../../platform/http/request-context';
import { placeById } from '../../platform/http/route-needs';
import * as typical from './typical-examples.service';
import { exportTypicalExamples } from './typical-examples.export';
import * as adoptions from './model-adoptions.service';

const tags = ['Khen thưởng'];
const READ = { needs: ['commendations.read'] } as const;
const VET = { needs: ['commendations.vet'] } as const;
const NOMINATE = { needs: ['commendations.nominate'] } as const;

/** Spreading commended examples: typical examples sent up to the Centre, and models taken up below. */
export const commendationsSpreadRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  // Marking a typical example and adopting a model name the acting unit in the body; a recorded
  // adoption is checked on its adopting unit before its body is read.
  const onAdoption = { ...NOMINATE, place: placeById((id) => adoptions.findAdoptionPlace(db, id)) } as const;
  app.get(
    '/api/nominations/:id/typical',
    { config: READ, schema: { tags, params: IdParamsSchema, response: { 200: TypicalStateSchema } } },
    (request) => typical.getTypicalState(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/nominations/:id/typical',
    { config: VET, schema: { tags, params: IdParamsSchema, body: MarkTypicalSchema, response: { 200: TypicalStateSchema } } },
    (request) => typical.markTypical(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/nominations/:id/typical',
    { config: VET, schema: { tags, params: IdParamsSchema, querystring: VersionQuerySchema, response: { 200: TypicalStateSchema } } },
    (request) => typical.clearTypical(db, actorOf(request), request.params.id, request.query.version),
  );
  app.get(
    '/api/typical-examples',
    { config: READ, schema: { tags, querystring: TypicalExamplesQuerySchema, response: { 200: TypicalExamplesAnswerSchema } } },
    (request) => typical.listTypicalExamples(db, actorOf(request), request.query),
  );
  app.get(
    '/api/typical-examples/export',
    { config: READ, schema: { tags, querystring: TypicalExamplesExportQuerySchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await exportTypicalExamples(db, actorOf(request), request.query);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );

  app.get(
    '/api/adoptable-models',
    { config: READ, schema: { tags, querystring: AdoptableModelsQuerySchema, response: { 200: AdoptableModelsAnswerSchema } } },
    (request) => adoptions.listAdoptableModels(db, actorOf(request), request.query),
  );
  app.get(
    '/api/nominations/:id/adoptions',
    { config: READ, schema: { tags, params: IdParamsSchema, response: { 200: ModelAdoptionsAnswerSchema } } },
    (request) => adoptions.listModelAdoptions(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/nominations/:id/adoptions',
    {
      config: NOMINATE,
      schema: { tags, params: IdParamsSchema, body: CreateModelAdoptionSchema, response: { 201: ModelAdoptionViewSchema } },
    },
    async (request, reply) => reply.status(201).send(await adoptions.adoptModel(db, actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/model-adoptions/:id',
    {
      config: onAdoption,
      schema: { tags, params: IdParamsSchema, body: UpdateModelAdoptionSchema, response: { 200: ModelAdoptionViewSchema } },
    },
    (request) => adoptions.updateAdoption(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/model-adoptions/:id',
    { config: onAdoption, schema: { tags, params: IdParamsSchema, querystring: VersionQuerySchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await adoptions.deleteAdoption(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
};
