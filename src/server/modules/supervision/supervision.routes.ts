import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, IdSchema } from '../../../shared/contracts/common';
import {
  AnswerFeedbackSchema,
  FeedbackQuerySchema,
  HideFeedbackSchema,
  PublicationQuerySchema,
  PublishAllSchema,
  PublishedQuerySchema,
  SummaryQuerySchema,
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
const UnitParamsSchema = z.object({ unitId: IdSchema });

export const supervisionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const onFeedback = { needs: ['feedback.manage'], place: placeById((id) => feedback.findFeedbackPlace(db, id)) } as const;
  const onUnit = { needs: ['registrations.appraise'], place: placeById((unitId) => findUnitPlace(db, unitId), 'unitId') } as const;
  // Withdrawing a publication is the appraisers' step only: the registrant's own claim does not reach it.
  const onRegistration = { needs: ['registrations.appraise'], place: placeById((id) => findRegistrationPlace(db, id)) } as const;
  // The inbox of the units that answer (feedback.manage), with the sender's contact.
  app.get('/api/feedback', { schema: { tags: feedbackTags, querystring: FeedbackQuerySchema } }, (request) =>
    feedback.listFeedback(db, actorOf(request), request.query),
  );
  app.get(
    '/api/exports/feedback',
    { schema: { tags: feedbackTags, querystring: FeedbackQuerySchema.omit({ page: true, pageSize: true }).extend({ unitId: IdSchema }) } },
    async (request, reply) => {
      const { body, fileName } = await exportFeedback(db, actorOf(request), request.query);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );
  app.get('/api/feedback/:id', { schema: { tags: feedbackTags, params: IdParamsSchema } }, (request) =>
    feedback.getFeedback(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/feedback/:id/hide',
    { config: onFeedback, schema: { tags: feedbackTags, params: IdParamsSchema, body: HideFeedbackSchema } },
    (request) => feedback.hideFeedback(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/feedback/:id/answer',
    { config: onFeedback, schema: { tags: feedbackTags, params: IdParamsSchema, body: AnswerFeedbackSchema } },
    (request) => feedback.answerFeedback(db, actorOf(request), request.params.id, request.body),
  );

  // Publication of approved registrations.
  app.get(
    '/api/publication/units/:unitId',
    { schema: { tags: publicationTags, params: UnitParamsSchema, querystring: PublicationQuerySchema } },
    (request) => publication.listUnitPublication(db, actorOf(request), request.params.unitId, request.query.year),
  );
  app.post(
    '/api/publication/units/:unitId/publish-all',
    { config: onUnit, schema: { tags: publicationTags, params: UnitParamsSchema, body: PublishAllSchema } },
    (request) => publication.publishAll(db, actorOf(request), request.params.unitId, request.body.year),
  );
  app.post(
    '/api/publication/registrations/:id/unpublish',
    { config: onRegistration, schema: { tags: publicationTags, params: IdParamsSchema, body: UnpublishSchema } },
    (request) => publication.unpublish(db, actorOf(request), request.params.id, request.body),
  );

  // What supervisors (and every reader of supervision) see: public fields and the state of feedback.
  app.get('/api/supervision/registrations', { schema: { tags: supervisionTags, querystring: PublishedQuerySchema } }, (request) =>
    publication.listPublished(db, actorOf(request), request.query),
  );
  app.get('/api/supervision/feedback', { schema: { tags: supervisionTags, querystring: FeedbackQuerySchema } }, (request) =>
    feedback.listFeedbackForSupervision(db, actorOf(request), request.query),
  );
  app.get(
    '/api/supervision/feedback-by-unit',
    { schema: { tags: supervisionTags, querystring: z.object({ unitId: IdSchema }) } },
    (request) => feedback.feedbackByUnit(db, actorOf(request), request.query.unitId),
  );
  app.get('/api/supervision/feedback-summary', { schema: { tags: supervisionTags, querystring: SummaryQuerySchema } }, (request) =>
    feedback.feedbackSummary(db, actorOf(request), request.query.unitId),
  );
};
