import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../shared/contracts/common';
import {
  ApplicableTopicsQuerySchema,
  CreateSessionSchema,
  MakeUpSchema,
  SaveAttendanceSchema,
  SessionsQuerySchema,
  StudyStatusQuerySchema,
  UpdateSessionSchema,
  VersionQuerySchema,
} from '../../../shared/contracts/study';
import type { AppDeps } from '../../platform/http/deps';
import { readUploadedWorkbook } from '../../platform/http/uploaded-workbook';
import { placeById } from '../../platform/http/route-needs';
import { actorOf, sendFile, XLSX_TYPE } from '../../platform/http/request-context';
import * as service from './study.service';
import { getAttendanceTemplate, previewAttendanceImport } from './attendance-import.service';
import { exportSessions } from './sessions-export';

const tags = ['Học tập, sinh hoạt'];

export const studyRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const onSession = { needs: ['study.write'], place: placeById((id) => service.findSessionPlace(db, id)) } as const;
  app.get('/api/study-sessions', { schema: { tags, querystring: SessionsQuerySchema } }, (request) =>
    service.listSessions(db, actorOf(request), request.query),
  );
  app.get(
    '/api/exports/study-sessions',
    { schema: { tags, querystring: SessionsQuerySchema.omit({ page: true, pageSize: true }) } },
    async (request, reply) => {
      const { body, fileName } = await exportSessions(db, actorOf(request), request.query);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );
  app.get('/api/study-sessions/:id', { schema: { tags, params: IdParamsSchema } }, (request) =>
    service.getSession(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/study-sessions',
    { config: { needs: ['study.write'] }, schema: { tags, body: CreateSessionSchema } },
    async (request, reply) => reply.status(201).send(await service.createSession(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/study-sessions/:id',
    { config: onSession, schema: { tags, params: IdParamsSchema, body: UpdateSessionSchema } },
    (request) => service.updateSession(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/study-sessions/:id',
    { config: onSession, schema: { tags, params: IdParamsSchema, querystring: VersionQuerySchema } },
    async (request, reply) => {
      await service.deleteSession(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
  app.get('/api/study-sessions/:id/attendance', { schema: { tags, params: IdParamsSchema } }, (request) =>
    service.getAttendance(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/study-sessions/:id/attendance',
    { config: onSession, schema: { tags, params: IdParamsSchema, body: SaveAttendanceSchema } },
    (request) => service.saveAttendance(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/study-sessions/:id/make-up',
    { config: onSession, schema: { tags, params: IdParamsSchema, body: MakeUpSchema } },
    (request) => service.recordMakeUp(db, actorOf(request), request.params.id, request.body),
  );
  app.get('/api/study-sessions/:id/attendance/template', { schema: { tags, params: IdParamsSchema } }, async (request, reply) => {
    const { body, fileName } = await getAttendanceTemplate(db, actorOf(request), request.params.id);
    return sendFile(reply, fileName, XLSX_TYPE, body);
  });
  app.post(
    '/api/study-sessions/:id/attendance/preview',
    { config: onSession, schema: { tags, params: IdParamsSchema, consumes: ['multipart/form-data'] } },
    async (request) => {
      const actor = actorOf(request);
      const { buffer } = await readUploadedWorkbook(request);
      return previewAttendanceImport(db, actor, request.params.id, buffer);
    },
  );
  app.get('/api/study-sessions/topics', { schema: { tags, querystring: ApplicableTopicsQuerySchema } }, (request) =>
    service.listTopicsForUnit(db, actorOf(request), request.query.unitId, request.query.year),
  );
  app.get('/api/study-status', { schema: { tags, querystring: StudyStatusQuerySchema } }, (request) =>
    service.listStudyStatus(db, actorOf(request), request.query),
  );
};
