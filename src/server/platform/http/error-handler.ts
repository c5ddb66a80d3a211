import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type AppError, isAppError } from '../errors';

/**
 * Writes an unexpected failure to the server's log whatever LOG_REQUESTS says: the request id the
 * user is shown must lead somewhere. Through Fastify's logger when it is on, else to stderr.
 */
function logFailure(request: FastifyRequest, error: Error, useFastifyLogger: boolean): void {
  if (useFastifyLogger) {
    request.log.error({ err: error, requestId: request.id }, 'unhandled error');
    return;
  }
  console.error(
    `[${new Date().toISOString()}] Lỗi hệ thống (500) ${request.method} ${request.url.split('?')[0]} requestId=${request.id}\n${describeWithCauses(error)}`,
  );
}

/** The stack, then each cause below it (a failed query's cause is the database's own error). */
function describeWithCauses(error: Error): string {
  const parts = [error.stack ?? error.message];
  let cause: unknown = error.cause;
  for (let depth = 0; cause !== undefined && cause !== null && depth < 5; depth++) {
    parts.push(`Nguyên nhân: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return parts.join('\n');
}

/** Maps every failure to `{ error: { code, message, details? }, requestId }`; unknown ones to a logged 500. */
export function installErrorHandler(app: FastifyInstance, options: { useFastifyLogger: boolean }): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (isAppError(error)) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, details: error.details }, requestId: request.id });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        field: issue.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        message: issue.message,
      }));
      const fields = [...new Set(details.map((detail) => detail.field).filter(Boolean))];
      return reply.status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message:
            fields.length > 0 ? `Dữ liệu chưa hợp lệ ở: ${fields.join(', ')}. Hãy kiểm tra và nhập lại.` : 'Dữ liệu gửi lên chưa hợp lệ.',
          details,
        },
        requestId: request.id,
      });
    }
    // A unique key refused a row another request inserted a moment earlier.
    if ((error as { code?: string }).code === '23505') {
      return reply.status(409).send({
        error: { code: 'DUPLICATE', message: 'Dữ liệu này vừa được tạo bởi một yêu cầu khác. Hãy tải lại rồi kiểm tra.' },
        requestId: request.id,
      });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.code === 'FST_REQ_FILE_TOO_LARGE' || fastifyError.statusCode === 413) {
      return reply
        .status(413)
        .send({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'Tệp quá lớn so với giới hạn cho phép.' }, requestId: request.id });
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      if (fastifyError.statusCode === 429) {
        return reply.status(429).send({
          error: { code: 'TOO_MANY_ATTEMPTS', message: 'Bạn gửi quá nhiều yêu cầu. Hãy thử lại sau ít phút.' },
          requestId: request.id,
        });
      }
      return reply
        .status(fastifyError.statusCode)
        .send({ error: { code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ.', details: fastifyError.message }, requestId: request.id });
    }
    logFailure(request, error, options.useFastifyLogger);
    return reply.status(500).send({
      error: { code: 'INTERNAL', message: 'Đã có lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo quản trị viên kèm mã yêu cầu.' },
      requestId: request.id,
    });
  });
}
