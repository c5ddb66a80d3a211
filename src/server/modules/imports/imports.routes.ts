import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileDownloadSchema } from '../../../shared/contracts/common';
import {
  ImportBatchParamsSchema,
  ImportKindParamsSchema,
  ImportPreviewSchema,
  ImportResultSchema,
  PeopleExportQuerySchema,
  UnitsExportQuerySchema,
} from '../../../shared/contracts/imports';
import { readUploadedWorkbook } from '../../platform/http/uploaded-workbook';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile, XLSX_TYPE } from '../../platform/http/request-context';
import { todayIso } from '../../platform/dates';
import { writePeopleTemplate, writeUnitsTemplate } from './excel/write';
import { applyImport, assertMayImport, previewImport } from './imports.service';
import { exportPeople, exportUnits } from './exports.service';
import { exportFileName } from '../../platform/file-names';

const tags = ['Nhập, xuất Excel'];

export const importsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const download = { 200: FileDownloadSchema };
  app.get(
    '/api/imports/templates/:kind',
    { schema: { tags, params: ImportKindParamsSchema, response: download } },
    async (request, reply) => {
      actorOf(request);
      const kind = request.params.kind;
      const body = kind === 'units' ? await writeUnitsTemplate() : await writePeopleTemplate();
      return sendFile(
        reply,
        exportFileName(kind === 'units' ? 'Mẫu danh sách đơn vị' : 'Mẫu danh sách đảng viên, cán bộ', 'xlsx'),
        XLSX_TYPE,
        body,
      );
    },
  );

  app.post(
    '/api/imports/:kind/preview',
    {
      config: { needs: ['imports.people', 'imports.units'] },
      schema: { tags, params: ImportKindParamsSchema, consumes: ['multipart/form-data'], response: { 200: ImportPreviewSchema } },
    },
    async (request) => {
      const actor = actorOf(request);
      // Refused before the upload is read: a caller who may not import this kind never sends it in vain.
      assertMayImport(actor, request.params.kind);
      const { buffer, fileName } = await readUploadedWorkbook(request);
      return previewImport(db, actor, request.params.kind, { fileName, buffer });
    },
  );

  app.post(
    '/api/imports/:batchId/apply',
    {
      config: { needs: ['imports.people', 'imports.units'] },
      schema: { tags, params: ImportBatchParamsSchema, response: { 200: ImportResultSchema } },
    },
    (request) => applyImport(db, actorOf(request), request.params.batchId),
  );

  app.get('/api/exports/units', { schema: { tags, querystring: UnitsExportQuerySchema, response: download } }, async (request, reply) => {
    const body = await exportUnits(db, actorOf(request), request.query);
    return sendFile(reply, exportFileName('Danh sách đơn vị', 'xlsx', { day: todayIso() }), XLSX_TYPE, body);
  });
  app.get('/api/exports/people', { schema: { tags, querystring: PeopleExportQuerySchema, response: download } }, async (request, reply) => {
    const body = await exportPeople(db, actorOf(request), request.query);
    return sendFile(reply, exportFileName('Danh sách đảng viên, cán bộ', 'xlsx', { day: todayIso() }), XLSX_TYPE, body);
  });
};
