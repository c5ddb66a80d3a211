import { type QueryParams, send } from './client';

/**
 * Reads the file name the server chose. RFC 6266 allows both a plain `filename="…"` and an encoded
 * `filename*=UTF-8''…`; the encoded one carries Vietnamese letters, so it wins when present.
 */
export function readFileName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed encoding falls through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Downloads through fetch rather than a plain link, so a refusal or an expired session shows as
 * a message in the page instead of a browser error page.
 */
export async function downloadFile(path: string, params: QueryParams | undefined, fallbackName: string): Promise<void> {
  const response = await send(path, { params });
  const blob = await response.blob();
  const name = readFileName(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
