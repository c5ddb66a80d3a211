import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema, IdParamsSchema, VersionQuerySchema } from '../../../shared/contracts/common';
import {
  CancelInspectionSchema,
  ConcludeInspectionSchema,
  CreateInspectionSchema,
  FindingParamsSchema,
  InspectionDetailSchema,
  InspectionFiguresAnswerSchema,
  InspectionFiguresQuerySchema,
  InspectionListAnswerSchema,
  InspectionListQuerySchema,
  RemedyAcceptSchema,
  RemedyItemSchema,
  RemedyListAnswerSchema,
  RemedyListQuerySchema,
  RemedyReasonSchema,
  RemedyReportSchema,
  SaveFindingSchema,
  StartInspectionSchema,
  UpdateInspectionSchema,
} from '../../../shared/contracts/inspections';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, DOCX_TYPE, sendFile } from '../../platform/http/request-context';
import { placeById } from '../../platform/http/route-needs';
import * as inspections from './inspections.service';
import * as remedies from './remedies.service';
import { getInspectionFigures } from './inspection-figures.service';
import { conclusionDocument } from './inspection-document';

const tags = ['Kiểm tra, giám sát'];

export const inspectionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const place = placeById((id) => inspections.findInspectionPlace(db, id));
  const remedyPlace = placeById((id) => inspections.findRemedyPlace(db, id));
  const CONDUCT = { needs: ['inspections.conduct'], place } as const;

  app.get(
    '/api/inspections',
    {
      config: { needs: ['inspections.read'] },
      schema: { tags, querystring: InspectionListQuerySchema, response: { 200: InspectionListAnswerSchema } },
    },
    (request) => inspections.listInspections(db, actorOf(request), request.query),
  );
  app.post(
    '/api/inspections',
    {
      config: { needs: ['inspections.conduct'] },
      schema: { tags, body: CreateInspectionSchema, response: { 201: InspectionDetailSchema } },
    },
    async (request, reply) => reply.status(201).send(await inspections.createInspection(db, actorOf(request), request.body)),
  );
  app.get(
    '/api/inspections/:id',
    { config: { needs: ['inspections.read'], place }, schema: { tags, params: IdParamsSchema, response: { 200: InspectionDetailSchema } } },
    (request) => inspections.getInspection(db, actorOf(request), request.params.id),
  );
  app.put(
    '/api/inspections/:id',
    { config: CONDUCT, schema: { tags, params: IdParamsSchema, body: UpdateInspectionSchema, response: { 200: InspectionDetailSchema } } },
    (request) => inspections.updateInspection(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/inspections/:id/start',
    { config: CONDUCT, schema: { tags, params: IdParamsSchema, body: StartInspectionSchema, response: { 200: InspectionDetailSchema } } },
    (request) => inspections.startInspection(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/inspections/:id/findings',
    { config: CONDUCT, schema: { tags, params: IdParamsSchema, body: SaveFindingSchema, response: { 200: InspectionDetailSchema } } },
    (request) => inspections.addFinding(db, actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/inspections/:id/findings/:findingId',
    { config: CONDUCT, schema: { tags, params: FindingParamsSchema, body: SaveFindingSchema, response: { 200: InspectionDetailSchema } } },
    (request) => inspections.updateFinding(db, actorOf(request), request.params.id, request.params.findingId, request.body),
  );
  app.delete(
    '/api/inspections/:id/findings/:findingId',
    {
      config: CONDUCT,
      schema: { tags, params: FindingParamsSchema, querystring: VersionQuerySchema, response: { 200: InspectionDetailSchema } },
    },
    (request) => inspections.deleteFinding(db, actorOf(request), request.params.id, request.params.findingId, request.query.version),
  );
  app.post(
    '/api/inspections/:id/conclude',
    {
      config: CONDUCT,
      schema: { tags, params: IdParamsSchema, body: ConcludeInspectionSchema, response: { 200: InspectionDetailSchema } },
    },
    (request) => inspections.concludeInspection(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/inspections/:id/cancel',
    { config: CONDUCT, schema: { tags, params: IdParamsSchema, body: CancelInspectionSchema, response: { 200: InspectionDetailSchema } } },
    (request) => inspections.cancelInspection(db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/inspections/:id/document',
    { config: { needs: ['inspections.read'], place }, schema: { tags, params: IdParamsSchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await conclusionDocument(db, actorOf(request), request.params.id);
      return sendFile(reply, fileName, DOCX_TYPE, body);
    },
  );

  app.get(
    '/api/remedies',
    {
      config: { needs: ['inspections.read'] },
      schema: { tags, querystring: RemedyListQuerySchema, response: { 200: RemedyListAnswerSchema } },
    },
    (request) => remedies.listRemedies(db, actorOf(request), request.query),
  );
  app.post(
    '/api/remedies/:id/report',
    {
      config: { needs: ['inspections.remedy'], place: remedyPlace },
      schema: { tags, params: IdParamsSchema, body: RemedyReportSchema, response: { 200: RemedyItemSchema } },
    },
    (request) => remedies.reportRemedy(db, actorOf(request), request.params.id, request.body),
  );
  // The inspecting level sits above the inspected unit, so its grant reaches the remedy's unit too.
  app.post(
    '/api/remedies/:id/accept',
    {
      config: { needs: ['inspections.conduct'], place: remedyPlace },
      schema: { tags, params: IdParamsSchema, body: RemedyAcceptSchema, response: { 200: RemedyItemSchema } },
    },
    (request) => remedies.acceptRemedy(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/remedies/:id/return',
    {
      config: { needs: ['inspections.conduct'], place: remedyPlace },
      schema: { tags, params: IdParamsSchema, body: RemedyReasonSchema, response: { 200: RemedyItemSchema } },
    },
    (request) => remedies.returnRemedy(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/inspection-figures',
    {
      config: { needs: ['inspections.read'] },
      schema: { tags, querystring: InspectionFiguresQuerySchema, response: { 200: InspectionFiguresAnswerSchema } },
    },
    (request) => getInspectionFigures(db, actorOf(request), request.query.unitId, request.query.year),
  );
};
