import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema } from '../../../shared/contracts/common';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile, sessionOf } from '../../platform/http/request-context';
import { exportOwnData } from './privacy.service';
import { exportFileName } from '../../platform/file-names';
import { todayIso } from '../../platform/dates';

export const privacyRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const tags = ['Dữ liệu cá nhân'];
  // A JSON file to keep, sent as a download (not an answer the app reads).
  app.get('/api/me/data', { schema: { tags, response: { 200: FileDownloadSchema } } }, async (request, reply) => {
    const { user } = sessionOf(request);
    const data = await exportOwnData(db, actorOf(request), { userId: user.id, personId: user.personId });
    return sendFile(
      reply,
      exportFileName('Dữ liệu cá nhân', 'json', { of: user.username, day: todayIso() }),
      'application/json; charset=utf-8',
      Buffer.from(JSON.stringify(data, null, 2), 'utf8'),
    );
  });
};
