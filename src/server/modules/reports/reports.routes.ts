import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema, IdParamsSchema, NoContentSchema } from '../../../shared/contracts/common';
import {
  CreateReportRequestSchema,
  DocumentQuerySchema,
  RecommendationsQuerySchema,
  RegisterAnswerSchema,
  ReminderResultSchema,
  ReportAnswerDetailSchema,
  ReportCatalogueSchema,
  ReportConsolidationSchema,
  ReportInboxAnswerSchema,
  ReportInboxQuerySchema,
  ReportRequestDetailSchema,
  ReportRequestsAnswerSchema,
  ReportRequestsQuerySchema,
  ReportTemplateSchema,
  RespondedRecommendationSchema,
  RespondRecommendationSchema,
  ReturnAnswerSchema,
  SaveAnswerSchema,
  SaveTemplateSchema,
  TemplatesQuerySchema,
  UpdateDeadlineSchema,
  VersionBodySchema,
} from '../../../shared/contracts/reports';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile, XLSX_TYPE } from '../../platform/http/request-context';
import { placeById } from '../../platform/http/route-needs';
import { presentCatalogue } from './reports.presenter';
import * as requests from './requests.service';
import * as answers from './answers.service';
import * as recommendations from './recommendations.service';
import { getConsolidation } from './consolidation.service';
import { exportConsolidatedFigures } from './figures-export';
import { answerDocumentInput, consolidationDocumentInput, pdfAvailable, renderDocument } from './document.service';

const tags = ['Báo cáo định kỳ'];

export const reportsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const onRequest = { needs: ['reports.request'], place: placeById((id) => requests.findRequestPlace(db, id)) } as const;
  const onOwnAnswer = { needs: ['reports.answer'], place: placeById((id) => answers.findAnswerPlace(db, id, 'answerer')) } as const;
  const onAnswerReview = { needs: ['reports.request'], place: placeById((id) => answers.findAnswerPlace(db, id, 'requester')) } as const;
  const onRecommendation = {
    needs: ['reports.request'],
    place: placeById((id) => recommendations.findRecommendationPlace(db, id)),
  } as const;
  app.get('/api/reports/catalogue', { schema: { tags, response: { 200: ReportCatalogueSchema } } }, async (request) => {
    requests.assertMayReadCatalogue(actorOf(request));
    return presentCatalogue(await pdfAvailable());
  });

  // Requests, as the requesting level manages them
  app.get(
    '/api/report-requests',
    { schema: { tags, querystring: ReportRequestsQuerySchema, response: { 200: ReportRequestsAnswerSchema } } },
    (request) => requests.listRequests(db, actorOf(request), request.query),
  );
  app.post(
    '/api/report-requests',
    {
      config: { needs: ['reports.request'] },
      schema: { tags, body: CreateReportRequestSchema, response: { 201: ReportRequestDetailSchema } },
    },
    async (request, reply) => reply.status(201).send(await requests.createRequest(db, actorOf(request), request.body)),
  );
  app.get(
    '/api/report-requests/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: ReportRequestDetailSchema } } },
    (request) => requests.getRequest(db, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/report-requests/:id/deadline',
    {
      config: onRequest,
      schema: { tags, params: IdParamsSchema, body: UpdateDeadlineSchema, response: { 200: ReportRequestDetailSchema } },
    },
    (request) => requests.updateDeadline(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/report-requests/:id/remind',
    { config: { needs: ['reports.request'] }, schema: { tags, params: IdParamsSchema, response: { 200: ReminderResultSchema } } },
    (request) => requests.remindLate(db, actorOf(request), request.params.id),
  );
  app.get(
    '/api/report-requests/:id/consolidation',
    { schema: { tags, params: IdParamsSchema, response: { 200: ReportConsolidationSchema } } },
    (request) => getConsolidation(db, actorOf(request), request.params.id),
  );
  app.get(
    '/api/report-requests/:id/figures-export',
    { schema: { tags, params: IdParamsSchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await exportConsolidatedFigures(db, actorOf(request), request.params.id);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );
  app.get(
    '/api/report-requests/:id/document',
    { schema: { tags, params: IdParamsSchema, querystring: DocumentQuerySchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const input = await consolidationDocumentInput(db, actorOf(request), request.params.id);
      const file = await renderDocument(input, request.query.format, { what: 'Báo cáo tổng hợp', of: input.summary });
      return sendFile(reply, file.fileName, file.contentType, file.body);
    },
  );

  // Saved request contents
  app.get(
    '/api/report-templates',
    { schema: { tags, querystring: TemplatesQuerySchema, response: { 200: z.array(ReportTemplateSchema) } } },
    (request) => requests.listTemplates(db, actorOf(request), request.query.unitId),
  );
  app.post(
    '/api/report-templates',
    { config: { needs: ['reports.request'] }, schema: { tags, body: SaveTemplateSchema, response: { 201: ReportTemplateSchema } } },
    async (request, reply) => reply.status(201).send(await requests.saveTemplate(db, actorOf(request), request.body)),
  );
  app.delete(
    '/api/report-templates/:id',
    { config: { needs: ['reports.request'] }, schema: { tags, params: IdParamsSchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await requests.deleteTemplate(db, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  // Reports, as expected units write them and the requesting level reviews them
  app.get(
    '/api/report-inbox',
    { schema: { tags, querystring: ReportInboxQuerySchema, response: { 200: ReportInboxAnswerSchema } } },
    (request) => answers.listInbox(db, actorOf(request), request.query),
  );
  app.get('/api/report-answers/:id', { schema: { tags, params: IdParamsSchema, response: { 200: ReportAnswerDetailSchema } } }, (request) =>
    answers.getAnswer(db, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/report-answers/:id',
    { config: onOwnAnswer, schema: { tags, params: IdParamsSchema, body: SaveAnswerSchema, response: { 200: ReportAnswerDetailSchema } } },
    (request) => answers.saveAnswer(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/report-answers/:id/submit',
    { config: onOwnAnswer, schema: { tags, params: IdParamsSchema, body: VersionBodySchema, response: { 200: ReportAnswerDetailSchema } } },
    (request) => answers.submitAnswer(db, actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/report-answers/:id/return',
    {
      config: onAnswerReview,
      schema: { tags, params: IdParamsSchema, body: ReturnAnswerSchema, response: { 200: ReportAnswerDetailSchema } },
    },
    (request) => answers.returnAnswer(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/report-answers/:id/accept',
    {
      config: onAnswerReview,
      schema: { tags, params: IdParamsSchema, body: VersionBodySchema, response: { 200: ReportAnswerDetailSchema } },
    },
    (request) => answers.acceptAnswer(db, actorOf(request), request.params.id, request.body.version),
  );
  app.get(
    '/api/report-answers/:id/document',
    { schema: { tags, params: IdParamsSchema, querystring: DocumentQuerySchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const input = await answerDocumentInput(db, actorOf(request), request.params.id);
      const file = await renderDocument(input, request.query.format, {
        what: `Báo cáo ${input.numberSymbol ?? 'dự thảo'}`,
        of: input.unitName,
      });
      return sendFile(reply, file.fileName, file.contentType, file.body);
    },
  );

  // The register of difficulties and recommendations
  app.get(
    '/api/report-recommendations',
    { schema: { tags, querystring: RecommendationsQuerySchema, response: { 200: RegisterAnswerSchema } } },
    (request) => recommendations.listRegister(db, actorOf(request), request.query),
  );
  app.patch(
    '/api/report-recommendations/:id',
    {
      config: onRecommendation,
      schema: { tags, params: IdParamsSchema, body: RespondRecommendationSchema, response: { 200: RespondedRecommendationSchema } },
    },
    (request) => recommendations.respond(db, actorOf(request), request.params.id, request.body),
  );
};
