import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../../../shared/contracts/common';
import { FiguresAnswerSchema } from '../../../shared/contracts/figures';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf } from '../../platform/http/request-context';
import { getSubtreeFigures } from './figures.service';

export const figuresRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    '/api/figures',
    {
      schema: {
        tags: ['Tổng quan'],
        querystring: z.object({ unitId: IdSchema, asOf: IsoDateSchema.optional() }),
        response: { 200: FiguresAnswerSchema },
      },
    },
    (request) => getSubtreeFigures(db, actorOf(request), request.query.unitId, request.query.asOf),
  );
};
