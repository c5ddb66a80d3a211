import type { TFunction } from 'i18next';
import { CLIENT_ERROR_CODES, isApiError } from '../api/client';

/**
 * The sentence to show for a failure. The server already words its refusals in Vietnamese for a
 * person to act on, so its message is shown as is; only failures without one get our own words.
 */
export function describeError(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.code === CLIENT_ERROR_CODES.network) return t('errors.network');
    if (error.code === CLIENT_ERROR_CODES.badResponse) {
      return error.status >= 500 ? t('errors.server') : t('errors.generic');
    }
    if (error.status === 403 && error.code === 'FORBIDDEN' && !error.message) return t('errors.forbidden');
    return error.message || t('errors.generic');
  }
  return t('errors.generic');
}

/** The individual problems of a refused input, when the server lists them (one per field). */
export function readDetailMessages(error: unknown): string[] {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return [];
  const messages: string[] = [];
  for (const item of error.details as unknown[]) {
    if (typeof item === 'object' && item !== null && typeof (item as { message?: unknown }).message === 'string') {
      messages.push((item as { message: string }).message);
    }
  }
  return [...new Set(messages)];
}
