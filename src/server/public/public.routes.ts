import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../platform/http/deps';
import { isAppError } from '../platform/errors';
import { PublicFeedbackFormSchema } from '../../shared/contracts/supervision';
import { createFeedbackGuard, feedbackSettings, loadFeedbackSecret, submitPublicFeedback } from '../modules/supervision/index';
import { renderPublicPage } from './layout';
import { publicUnitPath } from '../platform/http/public-paths';
import { loadUnitPublicPage, notFoundPage, type PageView } from './unit-page';
import type { FeedbackFormState } from './feedback-section';
import { GALLERY_PAGE_SIZE, readGalleryPhoto, searchPublicGallery } from '../modules/commendations/index';
import { NOMINATION_KINDS } from '../../shared/contracts/commendations';
import { GALLERY_PATH, galleryPage } from './gallery-page';
import { FileDownloadSchema } from '../../shared/contracts/common';

/**
 * These routes answer HTML pages (a missing unit's page has status 404) and the gallery's photos.
 * HTML and images are sent as they are; the schemas describe them and never serialise.
 */
const Html = z.string();

/** Query values are typed by hand or copied from old links: anything odd falls back to the default. */
const looseNumber = z
  .string()
  .optional()
  .transform((value) => {
    const number = Number(value);
    return Number.isSafeInteger(number) && number > 0 ? number : null;
  });
const PageQuerySchema = z.object({ trang: looseNumber, dang_ky: looseNumber, da_gui: z.string().optional() });
const GalleryQuerySchema = z.object({
  q: z
    .string()
    .optional()
    .transform((value) => value?.trim().slice(0, 200) || undefined),
  tinh: looseNumber,
  nam: looseNumber,
  loai: z
    .string()
    .optional()
    .transform((value) => NOMINATION_KINDS.find((kind) => kind === value)),
  trang: looseNumber,
});

/** The public portal: server-rendered pages anyone may open, e.g. from the QR code on a sign. */
export const publicRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, config }) => {
  const guard = createFeedbackGuard(loadFeedbackSecret(config.dataDir));
  const settings = feedbackSettings();

  // The feedback form is a plain HTML form: its body arrives urlencoded (only in this plugin).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  const view = (feedback: Omit<FeedbackFormState, 'guard' | 'settings'>, page = 1): PageView => ({
    page,
    feedback: { guard, settings, ...feedback },
  });

  app.get(
    '/cong-khai/:unitCode',
    {
      schema: { hide: true, params: z.object({ unitCode: z.string() }), querystring: PageQuerySchema, response: { 200: Html, 404: Html } },
    },
    async (request, reply) => {
      const { trang, dang_ky, da_gui } = request.query;
      const result = await loadUnitPublicPage(
        db,
        request.params.unitCode,
        view({ sent: da_gui === '1', registrationId: dang_ky }, trang ?? 1),
      );
      if (result.kind === 'moved') return reply.redirect(publicUnitPath(result.code), 301);
      reply.header('content-type', 'text/html; charset=utf-8');
      if (result.kind === 'missing') return reply.status(404).header('cache-control', 'no-store').send(renderPublicPage(notFoundPage()));
      // A short cache spares the server when a whole meeting scans the same sign; the thank-you page is personal.
      return reply.header('cache-control', da_gui ? 'no-store' : 'public, max-age=60').send(renderPublicPage(result.page));
    },
  );

  app.get(GALLERY_PATH, { schema: { hide: true, querystring: GalleryQuerySchema, response: { 200: Html } } }, async (request, reply) => {
    const { q, tinh, nam, loai, trang } = request.query;
    const filter = { q, provinceId: tinh ?? undefined, year: nam ?? undefined, kind: loai, page: trang ?? 1 };
    const result = await searchPublicGallery(db, filter);
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'public, max-age=60');
    return reply.send(renderPublicPage(galleryPage({ filter, pageSize: GALLERY_PAGE_SIZE, ...result })));
  });

  app.get(
    `${GALLERY_PATH}/anh/:fileId`,
    { schema: { hide: true, params: z.object({ fileId: looseNumber }), response: { 200: FileDownloadSchema, 404: Html } } },
    async (request, reply) => {
      const photo = request.params.fileId ? await readGalleryPhoto(db, config.dataDir, request.params.fileId) : undefined;
      if (!photo) return reply.status(404).header('content-type', 'text/html; charset=utf-8').send(renderPublicPage(notFoundPage()));
      return reply.header('content-type', photo.contentType).header('cache-control', 'public, max-age=3600').send(photo.body);
    },
  );

  /**
   * Feedback from the public page. Success redirects (303) to the page with a thank-you notice, so
   * a reload does not send it twice; a refusal shows the page again with the message and the text kept.
   */
  app.post(
    '/cong-khai/:unitCode/phan-anh',
    // No response schema: success redirects (303), and a refusal answers the page again with its own
    // status (400, 404, 409, 429): declaring those would send the JSON errors Fastify answers on them
    // (a bad parameter, a body too large) through an HTML schema, a 500.
    { schema: { hide: true, params: z.object({ unitCode: z.string().max(100) }) } },
    async (request, reply) => {
      const parsed = PublicFeedbackFormSchema.safeParse(request.body ?? {});
      const form = parsed.success ? parsed.data : {};
      const unitCode = request.params.unitCode;
      reply.header('cache-control', 'no-store');
      try {
        if (!parsed.success) throw parsed.error;
        await submitPublicFeedback(db, { unitCode, form, ip: request.ip, guard, settings });
        return reply.redirect(`${publicUnitPath(unitCode)}?da_gui=1#phan-anh`, 303);
      } catch (error) {
        if (!isAppError(error) && !(error instanceof z.ZodError)) throw error;
        const status = isAppError(error) ? error.status : 400;
        const message = isAppError(error) ? error.message : 'Nội dung gửi lên không hợp lệ (quá dài hoặc sai định dạng). Hãy kiểm tra lại.';
        const result = await loadUnitPublicPage(db, unitCode, view({ error: message, values: { ...form, dap_an: '' } }));
        reply.header('content-type', 'text/html; charset=utf-8');
        if (result.kind !== 'page') return reply.status(404).send(renderPublicPage(notFoundPage()));
        return reply.status(status).send(renderPublicPage(result.page));
      }
    },
  );
};
