import path from 'node:path';
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

// Hashed build files never change under their name, so a phone keeps them for a year;
// index.html names the current hashes, so it is revalidated on every visit.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built admin app: the .br/.gz twins made at build time are chosen by Accept-Encoding,
 * and any page address the server does not know falls back to index.html for the client router.
 */
export async function serveWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const hasApp = existsSync(path.join(webRoot, 'index.html'));
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const relative = path.relative(webRoot, filePath).split(path.sep).join('/');
        // This version of @fastify/static hands over the Fastify reply, not the raw response.
        res.header('cache-control', relative.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Only page addresses fall back to the app; a missing asset or API path is a real 404.
    const isPage =
      hasApp &&
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/assets/') &&
      !/\.[a-z0-9]+(\?|$)/i.test(request.url);
    if (isPage) return reply.header('cache-control', REVALIDATE).type('text/html').sendFile('index.html');
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy địa chỉ này.' }, requestId: request.id });
  });
}
