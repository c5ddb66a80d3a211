import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema, IdParamsSchema, NoContentSchema } from '../../../shared/contracts/common';
import {
  ApplicableWindowQuerySchema,
  ApplicableWindowSchema,
  BulkApproveResultSchema,
  BulkApproveSchema,
  CreateCollectiveSchema,
  CreateOwnRegistrationSchema,
  CreateWindowSchema,
  EnteredRegistrationsResultSchema,
  EnterRegistrationsSchema,
  ExportRegistrationsQuerySchema,
  LeadersMissingQuerySchema,
  LeadersMissingSchema,
  MineQuerySchema,
  MineViewSchema,
  RegisterBookPreviewSchema,
  RegisterBookQuerySchema,
  RegistrationDetailSchema,
  RegistrationsPageSchema,
  RegistrationsQuerySchema,
  SimilarRegistrationsSchema,
  StatusChangeSchema,
  UpdateRegistrationSchema,
  UpdateWindowSchema,
  VersionQuerySchema,
  WindowListSchema,
  WindowsQuerySchema,
  WindowViewSchema,
} from '../../../shared/contracts/registrations';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile, XLSX_TYPE } from '../../platform/http/request-context';
import { readUploadedWorkbook } from '../../platform/http/uploaded-workbook';
import { placeById } from '../../platform/http/route-needs';
import { enterRegistrations } from './entered-registrations.service';
import { getRegisterBookTemplate, previewRegisterBook } from './register-book.service';
import { exportRegistrations } from './registrations-export';
import * as service from './registrations.service';
import * as appraisal from './appraisal.service';
import * as windows from './windows.service';

const tags = ['Đăng ký làm theo'];

export const registrationsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const onWindow = { needs: ['registrations.windows'], place: placeById((id) => windows.findWindowPlace(db, id)) } as const;
  const onRegistration = {
    needs: ['registrations.appraise', 'linked-person'],
    place: placeById((id) => service.findRegistrationPlace(db, id)),
  } as const;
  app.get(
    '/api/registration-windows',
    { schema: { tags, querystring: WindowsQuerySchema, response: { 200: WindowListSchema } } },
    (request) => windows.listWindows(db, actorOf(request), request.query.year),
  );
  app.get(
    '/api/registration-windows/applicable',
    { schema: { tags, querystring: ApplicableWindowQuerySchema, response: { 200: ApplicableWindowSchema } } },
    (request) => windows.getApplicableWindow(db, actorOf(request), request.query.unitId, request.query.year),
  );
  app.post(
    '/api/registration-windows',
    { config: { needs: ['registrations.windows'] }, schema: { tags, body: CreateWindowSchema, response: { 201: WindowViewSchema } } },
    async (request, reply) => reply.status(201).send(await windows.createWindow(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/registration-windows/:id',
    { config: onWindow, schema: { tags, params: IdParamsSchema, body: UpdateWindowSchema, response: { 200: WindowViewSchema } } },
    (request) => windows.updateWindow(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/registration-windows/:id',
    { config: onWindow, schema: { tags, params: IdParamsSchema, querystring: VersionQuerySchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await windows.deleteWindow(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.get('/api/registrations/mine', { schema: { tags, querystring: MineQuerySchema, response: { 200: MineViewSchema } } }, (request) =>
    service.getMine(db, actorOf(request), request.query.year),
  );
  app.post(
    '/api/registrations/mine',
    {
      config: { needs: ['linked-person'] },
      schema: { tags, body: CreateOwnRegistrationSchema, response: { 201: RegistrationDetailSchema } },
    },
    async (request, reply) => reply.status(201).send(await service.createOwnRegistration(db, actorOf(request), request.body)),
  );
  app.post(
    '/api/registrations/collective',
    {
      config: { needs: ['registrations.appraise'] },
      schema: { tags, body: CreateCollectiveSchema, response: { 201: RegistrationDetailSchema } },
    },
    async (request, reply) => reply.status(201).send(await service.createCollectiveRegistration(db, actorOf(request), request.body)),
  );
  // Registrations typed in for the members by the unit's secretary or officer, one by one or from the register book.
  app.post(
    '/api/registrations/entered',
    {
      config: { needs: ['registrations.appraise'] },
      schema: { tags, body: EnterRegistrationsSchema, response: { 201: EnteredRegistrationsResultSchema } },
    },
    async (request, reply) => reply.code(201).send(await enterRegistrations(db, actorOf(request), request.body)),
  );
  app.get(
    '/api/registrations/book/template',
    { schema: { tags, querystring: RegisterBookQuerySchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await getRegisterBookTemplate(db, actorOf(request), request.query);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );
  app.post(
    '/api/registrations/book/preview',
    {
      config: { needs: ['registrations.appraise'] },
      schema: {
        tags,
        querystring: RegisterBookQuerySchema,
        consumes: ['multipart/form-data'],
        response: { 200: RegisterBookPreviewSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { buffer } = await readUploadedWorkbook(request);
      return previewRegisterBook(db, actor, request.query, buffer);
    },
  );
  app.get(
    '/api/registrations',
    { schema: { tags, querystring: RegistrationsQuerySchema, response: { 200: RegistrationsPageSchema } } },
    (request) => service.listRegistrations(db, actorOf(request), request.query),
  );
  app.get(
    '/api/exports/registrations',
    { schema: { tags, querystring: ExportRegistrationsQuerySchema, response: { 200: FileDownloadSchema } } },
    async (request, reply) => {
      const { body, fileName } = await exportRegistrations(db, actorOf(request), request.query);
      return sendFile(reply, fileName, XLSX_TYPE, body);
    },
  );
  app.get(
    '/api/registrations/leaders-missing',
    { schema: { tags, querystring: LeadersMissingQuerySchema, response: { 200: LeadersMissingSchema } } },
    (request) => service.listLeadersMissing(db, actorOf(request), request.query.unitId, request.query.year),
  );
  app.post(
    '/api/registrations/approve',
    {
      config: { needs: ['registrations.appraise'] },
      schema: { tags, body: BulkApproveSchema, response: { 200: BulkApproveResultSchema } },
    },
    (request) => appraisal.approveMany(db, actorOf(request), request.body),
  );
  app.get('/api/registrations/:id', { schema: { tags, params: IdParamsSchema, response: { 200: RegistrationDetailSchema } } }, (request) =>
    service.getRegistration(db, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/registrations/:id',
    {
      config: onRegistration,
      schema: { tags, params: IdParamsSchema, body: UpdateRegistrationSchema, response: { 200: RegistrationDetailSchema } },
    },
    (request) => service.updateRegistrationContent(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/registrations/:id/status',
    {
      config: onRegistration,
      schema: { tags, params: IdParamsSchema, body: StatusChangeSchema, response: { 200: RegistrationDetailSchema } },
    },
    (request) => appraisal.changeStatus(db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/registrations/:id/similar',
    { schema: { tags, params: IdParamsSchema, response: { 200: SimilarRegistrationsSchema } } },
    (request) => appraisal.listSimilar(db, actorOf(request), request.params.id),
  );
};
