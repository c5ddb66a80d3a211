import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema, IdParamsSchema } from '../../../shared/contracts/common';
import {
  CheckInSchema,
  CloseSchema,
  FollowupListQuerySchema,
  FollowupMineSchema,
  FollowupPageSchema,
  FollowupRegistrationSchema,
  MineQuerySchema,
  RegisterBookQuerySchema,
  RegistrationFiguresAnswerSchema,
  ReviewSchema,
  SelfAssessmentSchema,
  UnitYearQuerySchema,
} from '../../../shared/contracts/followup';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile, XLSX_TYPE, DOCX_TYPE } from '../../platform/http/request-context';
import { exportRegistrationFigures, getRegistrationFigures } from '../figures/index';
import { findRegistrationPlace } from '../registrations/index';
import { placeById } from '../../platform/http/route-needs';
import * as service from './followup.service';
import { exportRegisterBook } from './register-book.export';

const tags = ['Theo dõi thực hiện'];

export const followupRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const onRegistration = {
    needs: ['registrations.appraise', 'linked-person'],
    place: placeById((id) => findRegistrationPlace(db, id)),
  } as const;
  app.get('/api/followup/mine', { schema: { tags, querystring: MineQuerySchema, response: { 200: FollowupMineSchema } } }, (request) =>
    service.getMine(db, actorOf(request), request.query.year),
  );
  app.get(
    '/api/followup/registrations',
    { schema: { tags, querystring: FollowupListQuerySchema, response: { 200: FollowupPageSchema } } },
    (request) => service.listFollowup(db, actorOf(request), request.query),
  );
  app.get(
    '/api/followup/registrations/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: FollowupRegistrationSchema } } },
    (request) => service.getRegistration(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/followup/registrations/:id/check-ins',
    {
      config: onRegistration,
      schema: { tags, params: IdParamsSchema, body: CheckInSchema, response: { 201: FollowupRegistrationSchema } },
    },
    async (request, reply) => reply.status(201).send(await service.recordCheckIn(db, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/followup/registrations/:id/self-assessment',
    {
      config: onRegistration,
      schema: { tags, params: IdParamsSchema, body: SelfAssessmentSchema, response: { 200: FollowupRegistrationSchema } },
    },
    (request) => service.selfAssess(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/followup/registrations/:id/review',
    { config: onRegistration, schema: { tags, params: IdParamsSchema, body: ReviewSchema, response: { 200: FollowupRegistrationSchema } } },
    (request) => service.review(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/followup/registrations/:id/close',
    { config: onRegistration, schema: { tags, params: IdParamsSchema, body: CloseSchema, response: { 200: FollowupRegistrationSchema } } },
    (request) => service.close(db, actorOf(request), request.params.id, request.body.version),
  );
  app.get(
    '/api/exports/register-book',
    { schema: { tags, querystring: RegisterBookQuerySchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await exportRegisterBook(
        db,
        actorOf(request),
        request.query.unitId,
        request.query.year,
        request.query.format,
      );
      return sendFile(reply, fileName, request.query.format === 'docx' ? DOCX_TYPE : XLSX_TYPE, body);
    },
  );
  app.get(
    '/api/registration-figures',
    { schema: { tags: ['Tổng quan'], querystring: UnitYearQuerySchema, response: { 200: RegistrationFiguresAnswerSchema } } },
    (request) => getRegistrationFigures(db, actorOf(request), request.query.unitId, request.query.year),
  );
  app.get(
    '/api/exports/registration-figures',
    { schema: { tags: ['Tổng quan'], querystring: UnitYearQuerySchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await exportRegistrationFigures(db, actorOf(request), request.query.unitId, request.query.year);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );
};
