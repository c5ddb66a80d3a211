import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import type { Config } from './platform/config';
import type { Database, DbHandle } from './platform/db/client';
import { installReadRouting } from './platform/http/read-routing-hook';
import { AppError } from './platform/errors';
import { installErrorHandler } from './platform/http/error-handler';
import { cleanTextInput } from './platform/http/text-input';
import { installSessionHook } from './platform/http/session-hook';
import { serveWebApp } from './platform/http/web-app';
import type { AppDeps } from './platform/http/deps';
import { authRoutes, accountsRoutes } from './modules/accounts/accounts.routes';
import { resolveSession } from './modules/accounts/index';
import { unitsRoutes } from './modules/units/units.routes';
import { peopleRoutes } from './modules/people/people.routes';
import { figuresRoutes } from './modules/figures/figures.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { importsRoutes } from './modules/imports/imports.routes';
import { filesRoutes } from './modules/files/files.routes';
import { registerDomainHandlers } from './modules/domain-handlers';
import { standardsRoutes } from './modules/standards/standards.routes';
import { publicRoutes } from './public/public.routes';
import { programmeRoutes } from './modules/programme/programme.routes';
import { studyRoutes } from './modules/study/study.routes';
import { programmeFiguresRoutes } from './modules/figures/programme-figures.routes';
import { campaignOverviewRoutes } from './modules/dashboard/index';
import { followupRoutes } from './modules/followup/followup.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { supervisionRoutes } from './modules/supervision/supervision.routes';
import { registrationsRoutes } from './modules/registrations/registrations.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { privacyRoutes } from './modules/privacy/index';
import { commendationFormsRoutes, commendationsRoutes, commendationsSpreadRoutes } from './modules/commendations/index';
import { gradingRoutes } from './modules/grading/index';
import { inspectionRoutes, laggingRoutes } from './modules/inspections/index';
import { refuseWithoutNeeds } from './platform/http/route-needs';
import { HealthAnswerSchema, LiveAnswerSchema } from '../shared/contracts/health';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** The API routes that answer without a session (the API documents have their own rule). */
const OPEN_API_ROUTES = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/health', 'GET /api/health/live']);

export type BuildDeps = {
  db: Database;
  config: Config;
  dbKind: AppDeps['dbKind'];
  /** The primary's pool and its replicas: with replicas, reads are routed (platform/http/read-routing-hook.ts). */
  replication?: Pick<DbHandle, 'pool' | 'replicas'>;
  logger?: boolean;
};

export async function buildApp(deps: BuildDeps): Promise<FastifyInstance> {
  registerDomainHandlers();
  const app = Fastify({
    logger: deps.logger ?? false,
    genReqId: () => randomUUID(),
    // Behind a reverse proxy set TRUST_PROXY=1, so throttling sees the client's address.
    trustProxy: process.env.TRUST_PROXY === '1',
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandler(app, { useFastifyLogger: deps.logger ?? false });

  await app.register(cookie);
  const replicas = deps.replication?.replicas ?? null;
  // Before the session hook: the session is always read from the primary.
  if (replicas && deps.replication) installReadRouting(app, deps.replication.pool);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design injects its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(multipart, { limits: { fileSize: deps.config.uploadLimitBytes, files: 1 } });
  await app.register(swagger, {
    openapi: { info: { title: 'NoiGuong API', version: '0.1.0', description: 'API của NoiGuong' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installSessionHook(app, { resolveSession: (token) => resolveSession(deps.db, token), docsNeedLogin: deps.config.isProduction });
  // Before validation: a caller without a session learns nothing about a route's body (401, never a 400 listing fields).
  app.addHook('preValidation', async (request) => {
    const route = request.routeOptions.url;
    if (
      !route?.startsWith('/api/') ||
      route.startsWith('/api/docs') ||
      request.session ||
      OPEN_API_ROUTES.has(`${request.method} ${route}`)
    )
      return;
    throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục.');
  });
  // Likewise a signed-in caller who holds none of what the route needs: 403 before the body is read.
  app.addHook('preValidation', async (request) => refuseWithoutNeeds(request));
  // Before validation, so every schema sees cleaned text and no route stores a control character.
  app.addHook('preValidation', async (request) => {
    if (request.body && typeof request.body === 'object') request.body = cleanTextInput(request.body);
    cleanTextInput(request.query);
    cleanTextInput(request.params);
  });

  // A load balancer asks often: the database round trip is made at most once a second, and a
  // probe meanwhile gets that answer, so checking health never queues behind a busy database.
  let lastCheck: { at: number; reachable: boolean } | null = null;
  const healthSchema = { tags: ['Hệ thống'], response: { 200: HealthAnswerSchema, 503: HealthAnswerSchema } };
  app.get('/api/health', { schema: healthSchema }, async (_request, reply) => {
    if (!lastCheck || Date.now() - lastCheck.at >= 1000) {
      const reachable = await deps.db.execute(sql`SELECT 1`).then(
        () => true,
        () => false,
      );
      lastCheck = { at: Date.now(), reachable };
    }
    const checkedMsAgo = Date.now() - lastCheck.at;
    // Each replica's state as the monitor last saw it: the operator's view of the read routing.
    const replication = replicas ? { replicas: replicas.status() } : {};
    if (lastCheck.reachable) return { status: 'ok' as const, database: deps.dbKind, databaseReachable: true, checkedMsAgo, ...replication };
    return reply
      .status(503)
      .send({ status: 'degraded' as const, database: deps.dbKind, databaseReachable: false, checkedMsAgo, ...replication });
  });
  // Answers without touching the database: shows the event loop stays free while it works.
  app.get('/api/health/live', { schema: { tags: ['Hệ thống'], response: { 200: LiveAnswerSchema } } }, () => ({ status: 'ok' as const }));

  const routeDeps: AppDeps = { db: deps.db, config: deps.config, dbKind: deps.dbKind };
  const routeModules = [
    authRoutes,
    accountsRoutes,
    unitsRoutes,
    peopleRoutes,
    figuresRoutes,
    auditRoutes,
    importsRoutes,
    filesRoutes,
    programmeRoutes,
    standardsRoutes,
    studyRoutes,
    programmeFiguresRoutes,
    campaignOverviewRoutes,
    registrationsRoutes,
    supervisionRoutes,
    publicRoutes,
    followupRoutes,
    notificationsRoutes,
    reportsRoutes,
    privacyRoutes,
    commendationsRoutes,
    commendationsSpreadRoutes,
    commendationFormsRoutes,
    gradingRoutes,
    inspectionRoutes,
    laggingRoutes,
  ];
  for (const routes of routeModules) {
    await app.register(routes, routeDeps);
  }

  await serveWebApp(app, webRoot);
  return app;
}
