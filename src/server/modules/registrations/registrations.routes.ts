import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, NoContentSchema } from '../../../shared/contracts/common';
import {
  ApplicableWindowQuerySchema,
  BulkApproveSchema,
  CreateCollectiveSchema,
  CreateOwnRegistrationSchema,
  CreateWindowSchema,
  EnterRegistrationsSchema,
  ExportRegistrationsQuerySchema,
  LeadersMissingQuerySchema,
  MineQuerySchema,
  RegisterBookQuerySchema,
  RegistrationsQuerySchema,
  StatusChangeSchema,
  UpdateRegistrationSchema,
  UpdateWindowSchema,
  VersionQuerySchema,
  WindowsQuerySchema,
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
  app.get('/api/registration-windows', { schema: { tags, querystring: WindowsQuerySchema } }, (request) =>
    windows.listWindows(db, actorOf(request), request.query.year),
  );
  app.get('/api/registration-windows/applicable', { schema: { tags, querystring: ApplicableWindowQuerySchema } }, (request) =>
    windows.getApplicableWindow(db, actorOf(request), request.query.unitId, request.query.year),
  );
  app.post(
    '/api/registration-windows',
    { config: { needs: ['registrations.windows'] }, schema: { tags, body: CreateWindowSchema } },
    async (request, reply) => reply.status(201).send(await windows.createWindow(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/registration-windows/:id',
    { config: onWindow, schema: { tags, params: IdParamsSchema, body: UpdateWindowSchema } },
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

  app.get('/api/registrations/mine', { schema: { tags, querystring: MineQuerySchema } }, (request) =>
    service.getMine(db, actorOf(request), request.query.year),
  );
  app.post(
    '/api/registrations/mine',
    { config: { needs: ['linked-person'] }, schema: { tags, body: CreateOwnRegistrationSchema } },
    async (request, reply) => reply.status(201).send(await service.createOwnRegistration(db, actorOf(request), request.body)),
  );
  app.post(
    '/api/registrations/collective',
    { config: { needs: ['registrations.appraise'] }, schema: { tags, body: CreateCollectiveSchema } },
    async (request, reply) => reply.status(201).send(await service.createCollectiveRegistration(db, actorOf(request), request.body)),
  );
  // Registrations typed in for the members by the unit's secretary or officer, one by one or from the register book.
  app.post(
    '/api/registrations/entered',
    { config: { needs: ['registrations.appraise'] }, schema: { tags, body: EnterRegistrationsSchema } },
    async (request, reply) => reply.code(201).send(await enterRegistrations(db, actorOf(request), request.body)),
  );
  app.get('/api/registrations/book/template', { schema: { tags, querystring: RegisterBookQuerySchema } }, async (request, reply) => {
    const { body, fileName } = await getRegisterBookTemplate(db, actorOf(request), request.query);
    return sendFile(reply, fileName, XLSX_TYPE, body);
  });
  app.post(
    '/api/registrations/book/preview',
    {
      config: { needs: ['registrations.appraise'] },
      schema: { tags, querystring: RegisterBookQuerySchema, consumes: ['multipart/form-data'] },
    },
    async (request) => {
      const actor = actorOf(request);
      const { buffer } = await readUploadedWorkbook(request);
      return previewRegisterBook(db, actor, request.query, buffer);
    },
  );
  app.get('/api/registrations', { schema: { tags, querystring: RegistrationsQuerySchema } }, (request) =>
    service.listRegistrations(db, actorOf(request), request.query),
  );
  app.get('/api/exports/registrations', { schema: { tags, querystring: ExportRegistrationsQuerySchema } }, async (request, reply) => {
    const { body, fileName } = await exportRegistrations(db, actorOf(request), request.query);
    return sendFile(reply, fileName, XLSX_TYPE, body);
  });
  app.get('/api/registrations/leaders-missing', { schema: { tags, querystring: LeadersMissingQuerySchema } }, (request) =>
    service.listLeadersMissing(db, actorOf(request), request.query.unitId, request.query.year),
  );
  app.post(
    '/api/registrations/approve',
    { config: { needs: ['registrations.appraise'] }, schema: { tags, body: BulkApproveSchema } },
    (request) => appraisal.approveMany(db, actorOf(request), request.body),
  );
  app.get('/api/registrations/:id', { schema: { tags, params: IdParamsSchema } }, (request) =>
    service.getRegistration(db, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/registrations/:id',
    { config: onRegistration, schema: { tags, params: IdParamsSchema, body: UpdateRegistrationSchema } },
    (request) => service.updateRegistrationContent(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/registrations/:id/status',
    { config: onRegistration, schema: { tags, params: IdParamsSchema, body: StatusChangeSchema } },
    (request) => appraisal.changeStatus(db, actorOf(request), request.params.id, request.body),
  );
  app.get('/api/registrations/:id/similar', { schema: { tags, params: IdParamsSchema } }, (request) =>
    appraisal.listSimilar(db, actorOf(request), request.params.id),
  );
};
