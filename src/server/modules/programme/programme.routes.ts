import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema, IdParamsSchema, NoContentSchema } from '../../../shared/contracts/common';
import {
  AdoptBreakthroughSchema,
  BreakthroughDetailSchema,
  BreakthroughsAnswerSchema,
  BreakthroughsQuerySchema,
  BreakthroughStatusChangeSchema,
  BreakthroughUpdateSchema,
  CreateBreakthroughSchema,
  CreateLegalBasisSchema,
  CreatePlanSchema,
  CreateTopicSchema,
  LegalBasesQuerySchema,
  LegalBasesSchema,
  LegalBasisSchema,
  PlanSchema,
  PlansAnswerSchema,
  PlansQuerySchema,
  TopicSchema,
  TopicsAnswerSchema,
  TopicsQuerySchema,
  UpdateBreakthroughSchema,
  UpdateLegalBasisSchema,
  UpdatePlanSchema,
  UpdateTopicSchema,
  VersionBodySchema,
} from '../../../shared/contracts/programme';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile, XLSX_TYPE, DOCX_TYPE } from '../../platform/http/request-context';
import { todayIso } from '../../platform/dates';
import { placeById } from '../../platform/http/route-needs';
import { findTopLevelPlace } from '../units/index';

import * as plans from './plans.service';
import * as topics from './topics.service';
import * as breakthroughs from './breakthroughs.service';
import { exportBreakthroughs } from './breakthroughs.export';
import { exportFileName } from '../../platform/file-names';

export const programmeRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  // Legal bases belong to no unit (the top level keeps one catalogue), and an adoption names its
  // adopting unit in the body: those keep the check that the caller holds the permission somewhere.
  const onPlan = { needs: ['programme.write'], place: placeById((id) => plans.findPlanPlace(db, id)) } as const;
  const onTopic = { needs: ['programme.write'], place: placeById((id) => topics.findTopicPlace(db, id)) } as const;
  const onBreakthrough = {
    needs: ['programme.write'],
    place: placeById((id) => breakthroughs.findBreakthroughPlace(db, id, 'content')),
  } as const;
  const onBreakthroughOwner = {
    needs: ['programme.write'],
    place: placeById((id) => breakthroughs.findBreakthroughPlace(db, id, 'owner')),
  } as const;
  const planTags = ['Kế hoạch'];
  const onLegalBases = { needs: ['accounts.manage'], place: () => findTopLevelPlace(db) } as const;
  app.get(
    '/api/legal-bases',
    { schema: { tags: planTags, querystring: LegalBasesQuerySchema, response: { 200: LegalBasesSchema } } },
    (request) => plans.listLegalBases(db, actorOf(request), request.query.includeInactive),
  );
  app.post(
    '/api/legal-bases',
    { config: onLegalBases, schema: { tags: planTags, body: CreateLegalBasisSchema, response: { 201: LegalBasisSchema } } },
    async (request, reply) => reply.status(201).send(await plans.createLegalBasis(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/legal-bases/:id',
    {
      config: onLegalBases,
      schema: { tags: planTags, params: IdParamsSchema, body: UpdateLegalBasisSchema, response: { 200: LegalBasisSchema } },
    },
    (request) => plans.updateLegalBasis(db, actorOf(request), request.params.id, request.body),
  );
  app.get('/api/plans', { schema: { tags: planTags, querystring: PlansQuerySchema, response: { 200: PlansAnswerSchema } } }, (request) =>
    plans.searchPlans(db, actorOf(request), request.query),
  );
  app.get('/api/plans/:id', { schema: { tags: planTags, params: IdParamsSchema, response: { 200: PlanSchema } } }, (request) =>
    plans.getPlan(db, actorOf(request), request.params.id),
  );
  app.get(
    '/api/plans/:id/document',
    { schema: { tags: planTags, params: IdParamsSchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { fileName, body } = await plans.exportPlanDocument(db, actorOf(request), request.params.id);
      return sendFile(reply, fileName, DOCX_TYPE, body);
    },
  );
  app.post(
    '/api/plans',
    { config: { needs: ['programme.write'] }, schema: { tags: planTags, body: CreatePlanSchema, response: { 201: PlanSchema } } },
    async (request, reply) => reply.status(201).send(await plans.createPlan(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/plans/:id',
    { config: onPlan, schema: { tags: planTags, params: IdParamsSchema, body: UpdatePlanSchema, response: { 200: PlanSchema } } },
    (request) => plans.updatePlan(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/plans/:id',
    {
      config: onPlan,
      schema: { tags: planTags, params: IdParamsSchema, querystring: VersionBodySchema, response: { 204: NoContentSchema } },
    },
    async (request, reply) => {
      await plans.deletePlan(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  const topicTags = ['Chuyên đề'];
  app.get(
    '/api/topics',
    { schema: { tags: topicTags, querystring: TopicsQuerySchema, response: { 200: TopicsAnswerSchema } } },
    (request) => topics.searchTopics(db, actorOf(request), request.query),
  );
  app.get('/api/topics/:id', { schema: { tags: topicTags, params: IdParamsSchema, response: { 200: TopicSchema } } }, (request) =>
    topics.getTopic(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/topics',
    { config: { needs: ['programme.write'] }, schema: { tags: topicTags, body: CreateTopicSchema, response: { 201: TopicSchema } } },
    async (request, reply) => reply.status(201).send(await topics.createTopic(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/topics/:id',
    { config: onTopic, schema: { tags: topicTags, params: IdParamsSchema, body: UpdateTopicSchema, response: { 200: TopicSchema } } },
    (request) => topics.updateTopic(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/topics/:id',
    {
      config: onTopic,
      schema: { tags: topicTags, params: IdParamsSchema, querystring: VersionBodySchema, response: { 204: NoContentSchema } },
    },
    async (request, reply) => {
      await topics.deleteTopic(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  const breakthroughTags = ['Nội dung đột phá'];
  app.get(
    '/api/breakthroughs',
    { schema: { tags: breakthroughTags, querystring: BreakthroughsQuerySchema, response: { 200: BreakthroughsAnswerSchema } } },
    (request) => breakthroughs.searchBreakthroughs(db, actorOf(request), request.query),
  );
  app.get(
    '/api/exports/breakthroughs',
    { schema: { tags: breakthroughTags, querystring: BreakthroughsQuerySchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { page: _page, pageSize: _pageSize, ...query } = request.query;
      const body = await exportBreakthroughs(db, actorOf(request), query);
      return sendFile(reply, exportFileName('Nội dung đột phá', 'xlsx', { day: todayIso() }), XLSX_TYPE, body);
    },
  );
  app.get(
    '/api/breakthroughs/:id',
    { schema: { tags: breakthroughTags, params: IdParamsSchema, response: { 200: BreakthroughDetailSchema } } },
    (request) => breakthroughs.getBreakthrough(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/breakthroughs',
    {
      config: { needs: ['programme.write'] },
      schema: { tags: breakthroughTags, body: CreateBreakthroughSchema, response: { 201: BreakthroughDetailSchema } },
    },
    async (request, reply) => reply.status(201).send(await breakthroughs.createBreakthrough(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/breakthroughs/:id',
    {
      config: onBreakthrough,
      schema: {
        tags: breakthroughTags,
        params: IdParamsSchema,
        body: UpdateBreakthroughSchema,
        response: { 200: BreakthroughDetailSchema },
      },
    },
    (request) => breakthroughs.updateBreakthrough(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/breakthroughs/:id',
    {
      config: onBreakthrough,
      schema: { tags: breakthroughTags, params: IdParamsSchema, querystring: VersionBodySchema, response: { 204: NoContentSchema } },
    },
    async (request, reply) => {
      await breakthroughs.deleteBreakthrough(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/breakthroughs/:id/adopt',
    {
      config: { needs: ['programme.write'] },
      schema: {
        tags: breakthroughTags,
        params: IdParamsSchema,
        body: AdoptBreakthroughSchema,
        response: { 201: BreakthroughDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await breakthroughs.adoptBreakthrough(db, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/breakthroughs/:id/updates',
    {
      config: onBreakthroughOwner,
      schema: {
        tags: breakthroughTags,
        params: IdParamsSchema,
        body: BreakthroughUpdateSchema,
        response: { 201: BreakthroughDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await breakthroughs.addBreakthroughUpdate(db, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/breakthroughs/:id/status',
    {
      config: onBreakthrough,
      schema: {
        tags: breakthroughTags,
        params: IdParamsSchema,
        body: BreakthroughStatusChangeSchema,
        response: { 200: BreakthroughDetailSchema },
      },
    },
    (request) => breakthroughs.changeBreakthroughStatus(db, actorOf(request), request.params.id, request.body),
  );
};
