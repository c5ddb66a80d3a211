import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema } from '../../../shared/contracts/common';
import {
  LaggingActionItemSchema,
  LaggingActionsAnswerSchema,
  LaggingAnswerSchema,
  LaggingHistoryQuerySchema,
  LaggingQuerySchema,
  LaggingThresholdsAnswerSchema,
  LaggingThresholdsQuerySchema,
  RecordLaggingActionSchema,
  SaveThresholdsSchema,
} from '../../../shared/contracts/inspections';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile, XLSX_TYPE } from '../../platform/http/request-context';
import * as lagging from './lagging.service';
import { exportLaggingUnits } from './lagging.export';

const tags = ['Kiểm tra, giám sát'];

/** Lagging units found from live data, the thresholds a level sets, and what was done about them. */
export const laggingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const READ = { needs: ['inspections.read'] } as const;
  const HANDLE = { needs: ['inspections.handle'] } as const;

  app.get(
    '/api/lagging-units',
    { config: READ, schema: { tags, querystring: LaggingQuerySchema, response: { 200: LaggingAnswerSchema } } },
    (request) => lagging.listLaggingUnits(db, actorOf(request), request.query),
  );
  app.get(
    '/api/exports/lagging-units',
    { config: READ, schema: { tags, querystring: LaggingQuerySchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await exportLaggingUnits(db, actorOf(request), request.query);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );

  app.get(
    '/api/lagging-thresholds',
    { config: READ, schema: { tags, querystring: LaggingThresholdsQuerySchema, response: { 200: LaggingThresholdsAnswerSchema } } },
    (request) => lagging.getThresholds(db, actorOf(request), request.query.unitId),
  );
  app.put(
    '/api/lagging-thresholds',
    { config: HANDLE, schema: { tags, body: SaveThresholdsSchema, response: { 200: LaggingThresholdsAnswerSchema } } },
    (request) => lagging.saveThresholds(db, actorOf(request), request.body),
  );

  app.get(
    '/api/lagging-actions',
    { config: READ, schema: { tags, querystring: LaggingHistoryQuerySchema, response: { 200: LaggingActionsAnswerSchema } } },
    (request) => lagging.listLaggingActions(db, actorOf(request), request.query),
  );
  app.post(
    '/api/lagging-actions',
    { config: HANDLE, schema: { tags, body: RecordLaggingActionSchema, response: { 201: LaggingActionItemSchema } } },
    async (request, reply) => reply.status(201).send(await lagging.recordLaggingAction(db, actorOf(request), request.body)),
  );
};
