import type { Browser } from 'playwright-core';
import { OPEN_DIALOG, screenshotPath } from './support';

const SLOW_ANSWER_MS = 5_000;
const KEPT_LINES = 40;

/**
 * Notes the API answers that went wrong or took long in every browser context, so that a journey
 * that timed out says what the app was waiting for (a refused request, a slow one, a dropped one).
 * Returns a function that hands over the notes so far and starts afresh.
 */
export function watchApiTrouble(browser: Browser): () => string[] {
  const notes: string[] = [];
  const note = (line: string) => {
    notes.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (notes.length > KEPT_LINES) notes.shift();
  };
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  const pathOf = (url: string) => {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  };
  browser.on('context', (context) => {
    context.on('response', (response) => {
      if (response.status() >= 400 && isApi(response.url())) {
        note(`${response.status()} ${response.request().method()} ${pathOf(response.url())}`);
      }
    });
    context.on('requestfinished', (request) => {
      const took = request.timing().responseEnd;
      if (took > SLOW_ANSWER_MS && isApi(request.url())) note(`slow (${Math.round(took)} ms) ${request.method()} ${pathOf(request.url())}`);
    });
    context.on('requestfailed', (request) => {
      if (isApi(request.url())) note(`no answer (${request.failure()?.errorText ?? '?'}) ${request.method()} ${pathOf(request.url())}`);
    });
  });
  return () => notes.splice(0);
}

/** What each open page shows after a failure: its address, its alerts and dialogs, and a screenshot. */
export async function describeOpenPages(browser: Browser, label: string): Promise<string[]> {
  const lines: string[] = [];
  let index = 0;
  for (const context of browser.contexts()) {
    for (const page of context.pages()) {
      index += 1;
      const file = screenshotPath(`failed-${label}-${index}.png`);
      try {
        await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
        const shown = await page
          .locator(`.ant-alert:visible, ${OPEN_DIALOG}, .ant-message-notice:visible, .ant-result:visible, .ant-empty:visible`)
          .allTextContents();
        const text = shown.map((part) => part.replace(/\s+/g, ' ').trim()).join(' | ');
        lines.push(`page ${index}: ${page.url()}: ${text.slice(0, 500) || '(no alert or dialog)'}; screenshot ${file}`);
      } catch (error) {
        lines.push(
          `page ${index}: ${page.url()}: could not be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
        );
      }
    }
  }
  return lines;
}
