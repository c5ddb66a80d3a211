import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema, IdParamsSchema } from '../../../shared/contracts/common';
import {
  CreateGradingRuleSchema,
  CreateGradingSchema,
  DecidedCountSchema,
  DecideManySchema,
  DecideSchema,
  GradeStepSchema,
  GradingDocumentQuerySchema,
  GradingFiguresQuerySchema,
  GradingFiguresSchema,
  GradingListPageSchema,
  GradingListQuerySchema,
  GradingRulesSchema,
  GradingRuleViewSchema,
  GradingViewSchema,
  GradingYearQuerySchema,
  MyGradingSchema,
  ProposeAllSchema,
  ProposedCountSchema,
  ReasonStepSchema,
  SelfReviewSchema,
} from '../../../shared/contracts/grading';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, DOCX_TYPE, sendFile, XLSX_TYPE } from '../../platform/http/request-context';
import { placeById } from '../../platform/http/route-needs';
import * as grading from './grading.service';
import { getGradingFigures } from './grading-figures.service';
import { exportGradingFigures } from './grading-figures.export';
import { exportGradingResults } from './grading-results.export';
import { gradingRecordDocument, selfReviewDocument } from './grading-documents';

const tags = ['Đánh giá, xếp loại'];
const oneGrading = { 200: GradingViewSchema };
const download = { 200: FileDownloadSchema };

export const gradingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const place = placeById((id) => grading.findGradingPlace(db, id));
  const GRADE = { needs: ['grading.grade'], place } as const;
  const DECIDE = { needs: ['grading.decide'], place } as const;

  app.get('/api/grading-rules', { schema: { tags, response: { 200: GradingRulesSchema } } }, () => grading.listRules(db));
  app.post(
    '/api/grading-rules',
    { config: { needs: ['grading.rules'] }, schema: { tags, body: CreateGradingRuleSchema, response: { 201: GradingRuleViewSchema } } },
    async (request, reply) => reply.status(201).send(await grading.createRule(db, actorOf(request), request.body)),
  );

  app.get(
    '/api/gradings',
    {
      config: { needs: ['grading.read'] },
      schema: { tags, querystring: GradingListQuerySchema, response: { 200: GradingListPageSchema } },
    },
    (request) => grading.listGradings(db, actorOf(request), request.query),
  );
  app.get(
    '/api/gradings/mine',
    {
      config: { needs: ['linked-person'], reads: 'primary' },
      schema: { tags, querystring: GradingYearQuerySchema, response: { 200: MyGradingSchema } },
    },
    (request) => grading.getMine(db, actorOf(request), request.query.year),
  );
  app.post(
    '/api/gradings',
    {
      config: { needs: ['grading.grade', 'linked-person'] },
      schema: { tags, body: CreateGradingSchema, response: { 201: GradingViewSchema } },
    },
    async (request, reply) => reply.status(201).send(await grading.createGrading(db, actorOf(request), request.body)),
  );
  app.get(
    '/api/gradings/:id',
    { config: { needs: ['grading.read', 'linked-person'], place }, schema: { tags, params: IdParamsSchema, response: oneGrading } },
    (request) => grading.getGrading(db, actorOf(request), request.params.id),
  );
  app.put(
    '/api/gradings/:id/self-review',
    {
      config: { needs: ['grading.grade', 'linked-person'], place },
      schema: { tags, params: IdParamsSchema, body: SelfReviewSchema, response: oneGrading },
    },
    (request) => grading.saveSelfReview(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/gradings/:id/grade',
    { config: GRADE, schema: { tags, params: IdParamsSchema, body: GradeStepSchema, response: oneGrading } },
    (request) => grading.gradeOne(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/gradings/:id/return',
    { config: GRADE, schema: { tags, params: IdParamsSchema, body: ReasonStepSchema, response: oneGrading } },
    (request) => grading.returnGrading(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/gradings/:id/decide',
    { config: DECIDE, schema: { tags, params: IdParamsSchema, body: DecideSchema, response: oneGrading } },
    (request) => grading.decideOne(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/gradings/:id/reopen',
    { config: DECIDE, schema: { tags, params: IdParamsSchema, body: ReasonStepSchema, response: oneGrading } },
    (request) => grading.reopenGrading(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/gradings/decide',
    { config: { needs: ['grading.decide'] }, schema: { tags, body: DecideManySchema, response: { 200: DecidedCountSchema } } },
    (request) => grading.decideMany(db, actorOf(request), request.body),
  );
  app.post(
    '/api/gradings/propose',
    { config: { needs: ['grading.grade'] }, schema: { tags, body: ProposeAllSchema, response: { 200: ProposedCountSchema } } },
    (request) => grading.proposeAll(db, actorOf(request), request.body.unitId, request.body.year),
  );

  app.get(
    '/api/gradings/:id/document',
    { config: { needs: ['grading.read', 'linked-person'], place }, schema: { tags, params: IdParamsSchema, response: download } },
    async (request, reply) => {
      const { body, fileName } = await selfReviewDocument(db, actorOf(request), request.params.id);
      return sendFile(reply, fileName, DOCX_TYPE, body);
    },
  );
  app.get(
    '/api/exports/grading-record',
    { config: { needs: ['grading.read'] }, schema: { tags, querystring: GradingDocumentQuerySchema, response: download } },
    async (request, reply) => {
      const { body, fileName } = await gradingRecordDocument(db, actorOf(request), request.query.unitId, request.query.year);
      return sendFile(reply, fileName, DOCX_TYPE, body);
    },
  );
  app.get(
    '/api/exports/grading-results',
    { config: { needs: ['grading.read'] }, schema: { tags, querystring: GradingDocumentQuerySchema, response: download } },
    async (request, reply) => {
      const { body, fileName } = await exportGradingResults(db, actorOf(request), request.query.unitId, request.query.year);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );

  app.get(
    '/api/grading-figures',
    {
      config: { needs: ['grading.read'] },
      schema: { tags, querystring: GradingFiguresQuerySchema, response: { 200: GradingFiguresSchema } },
    },
    (request) => getGradingFigures(db, actorOf(request), request.query.unitId, request.query.year),
  );
  app.get(
    '/api/exports/grading-figures',
    { config: { needs: ['grading.read'] }, schema: { tags, querystring: GradingFiguresQuerySchema, response: download } },
    async (request, reply) => {
      const { body, fileName } = await exportGradingFigures(db, actorOf(request), request.query.unitId, request.query.year);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );
};
