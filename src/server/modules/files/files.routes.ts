import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FilePurposeSchema, FileSummarySchema } from '../../../shared/contracts/files';
import { FileDownloadSchema, IdSchema } from '../../../shared/contracts/common';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, sendFile } from '../../platform/http/request-context';
import { AppError } from '../../platform/errors';
import { cleanFileName } from '../../platform/http/text-input';
import { assertMayUpload, downloadFile, uploadFile } from './files.service';

const tags = ['Tệp đính kèm'];

export const filesRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, config }) => {
  app.post(
    '/api/files',
    {
      config: {
        needs: [
          'programme.write',
          'standards.write',
          'study.write',
          'reports.answer',
          'registrations.appraise',
          'commendations.nominate',
          'inspections.conduct',
          'inspections.remedy',
          'linked-person',
        ],
      },
      schema: {
        tags,
        querystring: z.object({ unitId: IdSchema, purpose: FilePurposeSchema }),
        consumes: ['multipart/form-data'],
        response: { 201: FileSummarySchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // Refused before the upload is read: nobody streams 50 MB only to hear they may not.
      await assertMayUpload(db, actor, request.query);
      if (!request.isMultipart()) throw new AppError('VALIDATION_FAILED', 'Hãy chọn một tệp để tải lên.');
      const file = await request.file();
      if (!file) throw new AppError('VALIDATION_FAILED', 'Hãy chọn một tệp để tải lên.');
      const buffer = await file.toBuffer();
      if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp quá lớn so với giới hạn cho phép.');
      const originalName = cleanFileName(file.filename);
      const stored = await uploadFile(db, config.dataDir, actor, {
        unitId: request.query.unitId,
        purpose: request.query.purpose,
        originalName,
        buffer,
      });
      return reply.status(201).send(stored);
    },
  );

  app.get(
    '/api/files/:id',
    {
      schema: {
        tags,
        params: z.object({ id: IdSchema }),
        querystring: z.object({ inline: z.enum(['1']).optional() }),
        response: { 200: FileDownloadSchema },
      },
    },
    async (request, reply) => {
      const file = await downloadFile(db, config.dataDir, actorOf(request), request.params.id);
      reply.header('cache-control', 'private, max-age=3600');
      return sendFile(reply, file.name, file.contentType, file.body, { inline: request.query.inline === '1' });
    },
  );
};
