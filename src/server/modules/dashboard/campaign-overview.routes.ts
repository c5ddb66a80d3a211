import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema } from '../../../shared/contracts/common';
import {
  CampaignOverviewQuerySchema,
  CampaignOverviewSchema,
  CampaignRecordsExportQuerySchema,
  CampaignRecordsQuerySchema,
  CampaignRecordsSchema,
  CampaignTrendQuerySchema,
  CampaignTrendSchema,
} from '../../../shared/contracts/campaign-overview';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile, XLSX_TYPE } from '../../platform/http/request-context';
import { exportCampaignOverview } from './campaign-overview.export';
import { exportCampaignRecords } from './campaign-records.export';
import { getCampaignRecords } from './campaign-records.service';
import { getCampaignOverview, getCampaignTrend } from './campaign-overview.service';

const needs = { needs: ['figures.read'] } as const;

export const campaignOverviewRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    '/api/campaign-overview',
    { config: needs, schema: { tags: ['Tổng quan'], querystring: CampaignOverviewQuerySchema, response: { 200: CampaignOverviewSchema } } },
    (request) => getCampaignOverview(db, actorOf(request), request.query.unitId, request.query.year),
  );
  app.get(
    '/api/campaign-overview/trend',
    { config: needs, schema: { tags: ['Tổng quan'], querystring: CampaignTrendQuerySchema, response: { 200: CampaignTrendSchema } } },
    (request) => getCampaignTrend(db, actorOf(request), request.query),
  );
  app.get(
    '/api/exports/campaign-overview',
    { config: needs, schema: { tags: ['Tổng quan'], querystring: CampaignOverviewQuerySchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await exportCampaignOverview(db, actorOf(request), request.query.unitId, request.query.year);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );
  app.get(
    '/api/campaign-overview/records',
    { config: needs, schema: { tags: ['Tổng quan'], querystring: CampaignRecordsQuerySchema, response: { 200: CampaignRecordsSchema } } },
    (request) => getCampaignRecords(db, actorOf(request), request.query),
  );
  app.get(
    '/api/exports/campaign-overview/records',
    {
      config: needs,
      schema: { tags: ['Tổng quan'], querystring: CampaignRecordsExportQuerySchema, response: { 200: FileDownloadSchema } },
    },
    async (request, reply) => {
      const { body, fileName } = await exportCampaignRecords(db, actorOf(request), request.query);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );
};
