import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema } from '../../../shared/contracts/common';
import { ProgrammeFiguresAnswerSchema, ProgrammeFiguresQuerySchema } from '../../../shared/contracts/programme-figures';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile, XLSX_TYPE } from '../../platform/http/request-context';
import { getProgrammeFigures } from './programme-figures.service';
import { exportProgrammeFigures } from './programme-figures.export';

export const programmeFiguresRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    '/api/programme-figures',
    { schema: { tags: ['Tổng quan'], querystring: ProgrammeFiguresQuerySchema, response: { 200: ProgrammeFiguresAnswerSchema } } },
    (request) => getProgrammeFigures(db, actorOf(request), request.query.unitId, request.query.year),
  );
  app.get(
    '/api/exports/programme-figures',
    { schema: { tags: ['Tổng quan'], querystring: ProgrammeFiguresQuerySchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await exportProgrammeFigures(db, actorOf(request), request.query.unitId, request.query.year);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );
};
