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

/** Validation failures may name the fields at fault; these are shown beside the inputs. */
export function readFieldErrors(error: unknown): { name: string; errors: string[] }[] {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return [];
  const details = error.details;
  if (!Array.isArray(details)) return [];
  const fields: { name: string; errors: string[] }[] = [];
  for (const item of details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    const name = Array.isArray(path) ? path.map(String).join('.') : typeof path === 'string' ? path : null;
    if (name && typeof message === 'string') fields.push({ name, errors: [message] });
  }
  return fields;
}
