import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema, IdParamsSchema, NoContentSchema } from '../../../shared/contracts/common';
import {
  ApplicableTopicsQuerySchema,
  ApplicableTopicsSchema,
  AttendancePreviewSchema,
  AttendanceSchema,
  CreateSessionSchema,
  MakeUpSchema,
  SaveAttendanceSchema,
  SessionsQuerySchema,
  StudySessionSchema,
  StudySessionsAnswerSchema,
  StudyStatusAnswerSchema,
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
  app.get(
    '/api/study-sessions',
    { schema: { tags, querystring: SessionsQuerySchema, response: { 200: StudySessionsAnswerSchema } } },
    (request) => service.listSessions(db, actorOf(request), request.query),
  );
  app.get(
    '/api/exports/study-sessions',
    { schema: { tags, querystring: SessionsQuerySchema.omit({ page: true, pageSize: true }), response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await exportSessions(db, actorOf(request), request.query);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );
  app.get('/api/study-sessions/:id', { schema: { tags, params: IdParamsSchema, response: { 200: StudySessionSchema } } }, (request) =>
    service.getSession(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/study-sessions',
    { config: { needs: ['study.write'] }, schema: { tags, body: CreateSessionSchema, response: { 201: StudySessionSchema } } },
    async (request, reply) => reply.status(201).send(await service.createSession(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/study-sessions/:id',
    { config: onSession, schema: { tags, params: IdParamsSchema, body: UpdateSessionSchema, response: { 200: StudySessionSchema } } },
    (request) => service.updateSession(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/study-sessions/:id',
    { config: onSession, schema: { tags, params: IdParamsSchema, querystring: VersionQuerySchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await service.deleteSession(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/study-sessions/:id/attendance',
    { schema: { tags, params: IdParamsSchema, response: { 200: AttendanceSchema } } },
    (request) => service.getAttendance(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/study-sessions/:id/attendance',
    { config: onSession, schema: { tags, params: IdParamsSchema, body: SaveAttendanceSchema, response: { 200: StudySessionSchema } } },
    (request) => service.saveAttendance(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/study-sessions/:id/make-up',
    { config: onSession, schema: { tags, params: IdParamsSchema, body: MakeUpSchema, response: { 200: StudySessionSchema } } },
    (request) => service.recordMakeUp(db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/study-sessions/:id/attendance/template',
    { schema: { tags, params: IdParamsSchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await getAttendanceTemplate(db, actorOf(request), request.params.id);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );
  app.post(
    '/api/study-sessions/:id/attendance/preview',
    {
      config: onSession,
      schema: { tags, params: IdParamsSchema, consumes: ['multipart/form-data'], response: { 200: AttendancePreviewSchema } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { buffer } = await readUploadedWorkbook(request);
      return previewAttendanceImport(db, actor, request.params.id, buffer);
    },
  );
  app.get(
    '/api/study-sessions/topics',
    { schema: { tags, querystring: ApplicableTopicsQuerySchema, response: { 200: ApplicableTopicsSchema } } },
    (request) => service.listTopicsForUnit(db, actorOf(request), request.query.unitId, request.query.year),
  );
  app.get(
    '/api/study-status',
    { schema: { tags, querystring: StudyStatusQuerySchema, response: { 200: StudyStatusAnswerSchema } } },
    (request) => service.listStudyStatus(db, actorOf(request), request.query),
  );
};
