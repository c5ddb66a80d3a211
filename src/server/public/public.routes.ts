import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../platform/http/deps';
import { renderPublicPage } from './layout';
import { publicUnitPath } from './paths';
import { loadUnitPublicPage, notFoundPage } from './unit-page';

/** The public portal: server-rendered pages anyone may open, e.g. from the QR code on a sign. */
export const publicRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get('/cong-khai/:unitCode', { schema: { hide: true, params: z.object({ unitCode: z.string() }) } }, async (request, reply) => {
    const result = await loadUnitPublicPage(db, request.params.unitCode);
    if (result.kind === 'moved') return reply.redirect(publicUnitPath(result.code), 301);
    reply.header('content-type', 'text/html; charset=utf-8');
    if (result.kind === 'missing') return reply.status(404).header('cache-control', 'no-store').send(renderPublicPage(notFoundPage()));
    // A short cache spares the server when a whole meeting scans the same sign.
    return reply.header('cache-control', 'public, max-age=60').send(renderPublicPage(result.page));
  });
};
