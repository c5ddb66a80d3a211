import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BooleanQuerySchema, IdSchema } from '../../../shared/contracts/common';
import { PersonCategorySchema } from '../../../shared/contracts/domain';
import { readUploadedWorkbook } from '../../platform/http/uploaded-workbook';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile, XLSX_TYPE } from '../../platform/http/request-context';
import { todayIso } from '../../platform/dates';
import { writePeopleTemplate, writeUnitsTemplate } from './excel/write';
import { applyImport, assertMayImport, previewImport } from './imports.service';
import { exportPeople, exportUnits } from './exports.service';
import { exportFileName } from '../../platform/file-names';

const tags = ['Nhập, xuất Excel'];
const KindParamsSchema = z.object({ kind: z.enum(['units', 'people']) });

export const importsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get('/api/imports/templates/:kind', { schema: { tags, params: KindParamsSchema } }, async (request, reply) => {
    actorOf(request);
    const kind = request.params.kind;
    const body = kind === 'units' ? await writeUnitsTemplate() : await writePeopleTemplate();
    return sendFile(
      reply,
      exportFileName(kind === 'units' ? 'Mẫu danh sách đơn vị' : 'Mẫu danh sách đảng viên, cán bộ', 'xlsx'),
      XLSX_TYPE,
      body,
    );
  });

  app.post(
    '/api/imports/:kind/preview',
    {
      config: { needs: ['imports.people', 'imports.units'] },
      schema: { tags, params: KindParamsSchema, consumes: ['multipart/form-data'] },
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
    { config: { needs: ['imports.people', 'imports.units'] }, schema: { tags, params: z.object({ batchId: z.uuid() }) } },
    (request) => applyImport(db, actorOf(request), request.params.batchId),
  );

  app.get(
    '/api/exports/units',
    { schema: { tags, querystring: z.object({ under: IdSchema.optional(), includeClosed: BooleanQuerySchema.default(false) }) } },
    async (request, reply) => {
      const body = await exportUnits(db, actorOf(request), request.query);
      return sendFile(reply, exportFileName('Danh sách đơn vị', 'xlsx', { day: todayIso() }), XLSX_TYPE, body);
    },
  );
  app.get(
    '/api/exports/people',
    {
      schema: {
        tags,
        querystring: z.object({
          unitId: IdSchema.optional(),
          includeSubtree: BooleanQuerySchema.default(true),
          q: z.string().trim().max(100).optional(),
          category: PersonCategorySchema.optional(),
        }),
      },
    },
    async (request, reply) => {
      const body = await exportPeople(db, actorOf(request), request.query);
      return sendFile(reply, exportFileName('Danh sách đảng viên, cán bộ', 'xlsx', { day: todayIso() }), XLSX_TYPE, body);
    },
  );
};
