import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { FileDownloadSchema, IdParamsSchema, NoContentSchema } from '../../../shared/contracts/common';
import {
  AdoptStandardSchema,
  CreateStandardDraftSchema,
  SignSchema,
  StandardSignSchema,
  StandardsOverviewQuerySchema,
  StandardsOverviewSchema,
  StandardVersionSchema,
  UnitIdParamsSchema,
  UnitStandardsSchema,
  UpdateSignSchema,
  UpdateStandardDraftSchema,
  VersionQuerySchema,
} from '../../../shared/contracts/standards';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile, XLSX_TYPE } from '../../platform/http/request-context';
import { placeById } from '../../platform/http/route-needs';
import { findUnitPlace } from '../units/index';
import * as service from './standards.service';
import * as signs from './standards-sign.service';
import * as qr from './standards-qr.service';
import { exportStandardsOverview, searchStandardsOverview } from './standards-overview.service';

const tags = ['Chuẩn mực đạo đức'];

export const standardsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, config }) => {
  // QR codes must open from any phone: the configured public address wins over the one this request used.
  const baseUrlOf = (request: FastifyRequest) => config.publicBaseUrl ?? `${request.protocol}://${request.host}`;

  app.get(
    '/api/standards/overview',
    { schema: { tags, querystring: StandardsOverviewQuerySchema, response: { 200: StandardsOverviewSchema } } },
    (request) => searchStandardsOverview(db, actorOf(request), request.query),
  );
  app.get(
    '/api/standards/overview/export',
    { schema: { tags, querystring: StandardsOverviewQuerySchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const file = await exportStandardsOverview(db, actorOf(request), request.query);
      return sendFile(reply, file.fileName, XLSX_TYPE, file.body);
    },
  );

  app.get(
    '/api/standards/units/:unitId',
    { schema: { tags, params: UnitIdParamsSchema, response: { 200: UnitStandardsSchema } } },
    (request) => service.getUnitStandards(db, actorOf(request), request.params.unitId, baseUrlOf(request)),
  );
  const onStandard = { needs: ['standards.write'], place: placeById((id) => service.findStandardPlace(db, id)) } as const;
  const onUnitSign = { needs: ['standards.write'], place: placeById((unitId) => findUnitPlace(db, unitId), 'unitId') } as const;
  app.post(
    '/api/standards/drafts',
    { config: { needs: ['standards.write'] }, schema: { tags, body: CreateStandardDraftSchema, response: { 201: StandardVersionSchema } } },
    async (request, reply) => reply.status(201).send(await service.createDraft(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/standards/:id',
    {
      config: onStandard,
      schema: { tags, params: IdParamsSchema, body: UpdateStandardDraftSchema, response: { 200: StandardVersionSchema } },
    },
    (request) => service.updateDraft(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/standards/:id',
    { config: onStandard, schema: { tags, params: IdParamsSchema, querystring: VersionQuerySchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await service.deleteDraft(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/standards/:id/adopt',
    { config: onStandard, schema: { tags, params: IdParamsSchema, body: AdoptStandardSchema, response: { 200: StandardVersionSchema } } },
    (request) => service.adoptDraft(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/standards/units/:unitId/sign',
    { config: onUnitSign, schema: { tags, params: UnitIdParamsSchema, body: SignSchema, response: { 201: StandardSignSchema } } },
    async (request, reply) => reply.status(201).send(await signs.recordSign(db, actorOf(request), request.params.unitId, request.body)),
  );
  app.patch(
    '/api/standards/units/:unitId/sign',
    { config: onUnitSign, schema: { tags, params: UnitIdParamsSchema, body: UpdateSignSchema, response: { 200: StandardSignSchema } } },
    (request) => signs.updateSign(db, actorOf(request), request.params.unitId, request.body),
  );
  app.delete(
    '/api/standards/units/:unitId/sign',
    {
      config: onUnitSign,
      schema: { tags, params: UnitIdParamsSchema, querystring: VersionQuerySchema, response: { 204: NoContentSchema } },
    },
    async (request, reply) => {
      await signs.removeSign(db, actorOf(request), request.params.unitId, request.query.version);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/standards/units/:unitId/qr.png',
    { schema: { tags, params: UnitIdParamsSchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const file = await qr.renderQrPng(db, actorOf(request), request.params.unitId, baseUrlOf(request));
      reply.header('cache-control', 'private, max-age=300');
      return sendFile(reply, file.fileName, 'image/png', file.body, { inline: true });
    },
  );
  app.get(
    '/api/standards/units/:unitId/sign-print',
    { schema: { tags, params: UnitIdParamsSchema, response: { 200: z.string() } } },
    async (request, reply) => {
      const page = await qr.renderSignPrint(db, actorOf(request), request.params.unitId, baseUrlOf(request));
      return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
    },
  );
};
