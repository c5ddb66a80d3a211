import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../platform/http/deps';
import { renderPublicPage } from './layout';
import { loadUnitPublicPage, notFoundPage } from './unit-page';

/** The public portal: server-rendered pages anyone may open, e.g. from the QR code on a sign. */
export const publicRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get('/cong-khai/:unitCode', { schema: { hide: true, params: z.object({ unitCode: z.string() }) } }, async (request, reply) => {
    const page = await loadUnitPublicPage(db, request.params.unitCode);
    reply.header('content-type', 'text/html; charset=utf-8');
    if (!page) return reply.status(404).header('cache-control', 'no-store').send(renderPublicPage(notFoundPage()));
    // A short cache spares the server when a whole meeting scans the same sign.
    return reply.header('cache-control', 'public, max-age=60').send(renderPublicPage(page));
  });
};
