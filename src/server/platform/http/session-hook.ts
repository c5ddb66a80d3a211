import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';
import type { SessionResolver } from '../auth/session';
import { SESSION_COOKIE } from './request-context';

/** Browsers send "null" from sandboxed frames: an unreadable origin is a foreign one. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sign-in has no session yet; it is protected by SameSite cookies and the Origin check instead. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

/**
 * Resolves the session cookie on every API request and enforces CSRF on state-changing ones:
 * the header `x-csrf-token` must equal the session's token, and a browser Origin must be ours.
 */
export function installSessionHook(app: FastifyInstance, options: { resolveSession: SessionResolver; docsNeedLogin: boolean }): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? ((await options.resolveSession(token)) ?? null) : null;
    // In production the API's map is for signed-in users only.
    if (options.docsNeedLogin && !request.session && (request.url === '/api/docs' || request.url.startsWith('/api/docs/'))) {
      throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập để xem tài liệu API.');
    }
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin && hostOf(origin) !== request.headers.host) {
      throw new AppError('CSRF_INVALID', 'Yêu cầu đến từ trang khác, đã bị từ chối.');
    }
    const path = request.url.split('?')[0] ?? '';
    if (CSRF_EXEMPT.has(path) || !request.session) return;
    if (request.headers['x-csrf-token'] !== request.session.csrfToken) {
      throw new AppError('CSRF_INVALID', 'Phiên làm việc không hợp lệ. Hãy tải lại trang rồi thử lại.');
    }
  });
}
