import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProgrammeFiguresQuerySchema } from '../../../shared/contracts/programme-figures';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile, XLSX_TYPE } from '../../platform/http/request-context';
import { getProgrammeFigures } from './programme-figures.service';
import { exportProgrammeFigures } from './programme-figures.export';

export const programmeFiguresRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get('/api/programme-figures', { schema: { tags: ['Tổng quan'], querystring: ProgrammeFiguresQuerySchema } }, (request) =>
    getProgrammeFigures(db, actorOf(request), request.query.unitId, request.query.year),
  );
  app.get(
    '/api/exports/programme-figures',
    { schema: { tags: ['Tổng quan'], querystring: ProgrammeFiguresQuerySchema } },
    async (request, reply) => {
      const { body, fileName } = await exportProgrammeFigures(db, actorOf(request), request.query.unitId, request.query.year);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );
};
