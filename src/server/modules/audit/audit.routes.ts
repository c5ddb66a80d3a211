import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditAnswerSchema, AuditQuerySchema } from '../../../shared/contracts/audit';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf } from '../../platform/http/request-context';
import { listAuditEntries } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    '/api/audit',
    { schema: { tags: ['Nhật ký hệ thống'], querystring: AuditQuerySchema, response: { 200: AuditAnswerSchema } } },
    (request) => listAuditEntries(db, actorOf(request), request.query),
  );
};
