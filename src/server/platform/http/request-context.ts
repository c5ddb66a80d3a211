import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import type { Actor } from '../auth/policy';
import type { SessionContext } from '../auth/session';

export const SESSION_COOKIE = 'ng_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionContext | null;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  const session = request.session;
  if (!session) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục.');
  return {
    userId: session.user.id,
    personId: session.user.personId,
    name: session.user.displayName,
    grants: session.grants,
    ip: request.ip,
    requestId: request.id,
  };
}

export function sessionOf(request: FastifyRequest): SessionContext {
  if (!request.session) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục.');
  return request.session;
}

/** Sends a generated file with a Vietnamese file name that every browser keeps. */
export function sendFile(reply: FastifyReply, fileName: string, contentType: string, body: Buffer, options: { inline?: boolean } = {}) {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '_');
  return reply
    .header('content-type', contentType)
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-disposition',
      `${options.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(body);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
