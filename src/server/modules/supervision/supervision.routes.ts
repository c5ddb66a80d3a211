import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema, IdParamsSchema } from '../../../shared/contracts/common';
import {
  AnswerFeedbackSchema,
  FeedbackByUnitQuerySchema,
  FeedbackByUnitSchema,
  FeedbackCountsSchema,
  FeedbackExportQuerySchema,
  FeedbackItemSchema,
  FeedbackPageSchema,
  FeedbackQuerySchema,
  FeedbackStatusPageSchema,
  HideFeedbackSchema,
  PublicationQuerySchema,
  PublishAllResultSchema,
  PublishAllSchema,
  PublishedPageSchema,
  PublishedQuerySchema,
  SummaryQuerySchema,
  UnitParamsSchema,
  UnitPublicationSchema,
  UnpublishResultSchema,
  UnpublishSchema,
} from '../../../shared/contracts/supervision';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile, XLSX_TYPE } from '../../platform/http/request-context';
import { placeById } from '../../platform/http/route-needs';
import { findUnitPlace } from '../units/index';
import { findRegistrationPlace } from '../registrations/index';
import { exportFeedback } from './feedback-export';
import * as feedback from './feedback.service';
import * as publication from './publication.service';

const feedbackTags = ['Phản ánh, góp ý'];
const publicationTags = ['Công khai đăng ký'];
const supervisionTags = ['Giám sát'];

export const supervisionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const onFeedback = { needs: ['feedback.manage'], place: placeById((id) => feedback.findFeedbackPlace(db, id)) } as const;
  const onUnit = { needs: ['registrations.appraise'], place: placeById((unitId) => findUnitPlace(db, unitId), 'unitId') } as const;
  // Withdrawing a publication is the appraisers' step only: the registrant's own claim does not reach it.
  const onRegistration = { needs: ['registrations.appraise'], place: placeById((id) => findRegistrationPlace(db, id)) } as const;
  // The inbox of the units that answer (feedback.manage), with the sender's contact.
  app.get(
    '/api/feedback',
    { schema: { tags: feedbackTags, querystring: FeedbackQuerySchema, response: { 200: FeedbackPageSchema } } },
    (request) => feedback.listFeedback(db, actorOf(request), request.query),
  );
  app.get(
    '/api/exports/feedback',
    { schema: { tags: feedbackTags, querystring: FeedbackExportQuerySchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await exportFeedback(db, actorOf(request), request.query);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );
  app.get(
    '/api/feedback/:id',
    { schema: { tags: feedbackTags, params: IdParamsSchema, response: { 200: FeedbackItemSchema } } },
    (request) => feedback.getFeedback(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/feedback/:id/hide',
    {
      config: onFeedback,
      schema: { tags: feedbackTags, params: IdParamsSchema, body: HideFeedbackSchema, response: { 200: FeedbackItemSchema } },
    },
    (request) => feedback.hideFeedback(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/feedback/:id/answer',
    {
      config: onFeedback,
      schema: { tags: feedbackTags, params: IdParamsSchema, body: AnswerFeedbackSchema, response: { 200: FeedbackItemSchema } },
    },
    (request) => feedback.answerFeedback(db, actorOf(request), request.params.id, request.body),
  );

  // Publication of approved registrations.
  app.get(
    '/api/publication/units/:unitId',
    {
      schema: {
        tags: publicationTags,
        params: UnitParamsSchema,
        querystring: PublicationQuerySchema,
        response: { 200: UnitPublicationSchema },
      },
    },
    (request) => publication.listUnitPublication(db, actorOf(request), request.params.unitId, request.query.year),
  );
  app.post(
    '/api/publication/units/:unitId/publish-all',
    {
      config: onUnit,
      schema: { tags: publicationTags, params: UnitParamsSchema, body: PublishAllSchema, response: { 200: PublishAllResultSchema } },
    },
    (request) => publication.publishAll(db, actorOf(request), request.params.unitId, request.body.year),
  );
  app.post(
    '/api/publication/registrations/:id/unpublish',
    {
      config: onRegistration,
      schema: { tags: publicationTags, params: IdParamsSchema, body: UnpublishSchema, response: { 200: UnpublishResultSchema } },
    },
    (request) => publication.unpublish(db, actorOf(request), request.params.id, request.body),
  );

  // What supervisors (and every reader of supervision) see: public fields and the state of feedback.
  app.get(
    '/api/supervision/registrations',
    { schema: { tags: supervisionTags, querystring: PublishedQuerySchema, response: { 200: PublishedPageSchema } } },
    (request) => publication.listPublished(db, actorOf(request), request.query),
  );
  app.get(
    '/api/supervision/feedback',
    { schema: { tags: supervisionTags, querystring: FeedbackQuerySchema, response: { 200: FeedbackStatusPageSchema } } },
    (request) => feedback.listFeedbackForSupervision(db, actorOf(request), request.query),
  );
  app.get(
    '/api/supervision/feedback-by-unit',
    { schema: { tags: supervisionTags, querystring: FeedbackByUnitQuerySchema, response: { 200: FeedbackByUnitSchema } } },
    (request) => feedback.feedbackByUnit(db, actorOf(request), request.query.unitId),
  );
  app.get(
    '/api/supervision/feedback-summary',
    { schema: { tags: supervisionTags, querystring: SummaryQuerySchema, response: { 200: FeedbackCountsSchema } } },
    (request) => feedback.feedbackSummary(db, actorOf(request), request.query.unitId),
  );
};
