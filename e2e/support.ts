import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from './harness';

export const SCREENSHOTS = path.resolve('test-results/e2e');
export const PASSWORD = 'NoiGuong@2026';

/** What every journey file receives: the running app, the browser and a desk-sized signed-out page. */
export type JourneyContext = { app: RunningApp; browser: Browser; page: Page };

export function screenshotPath(name: string): string {
  return path.join(SCREENSHOTS, name);
}

export function expectText(actual: string | null, wanted: string | RegExp, what: string): void {
  const ok = typeof wanted === 'string' ? (actual ?? '').includes(wanted) : wanted.test(actual ?? '');
  if (!ok) throw new Error(`${what}: expected ${String(wanted)} in "${(actual ?? '').slice(0, 300)}"`);
}

/** Signs in through the login form and waits for the home page figures. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('figure-members').waitFor({ timeout: 20_000 });
}

/**
 * Opens a module from the phone menu: waits for the drawer to finish opening before choosing, and
 * for it to close afterwards, so the next click never lands on a drawer still sliding in or out.
 */
export async function openFromPhoneMenu(page: Page, navTestId: string): Promise<void> {
  await page.getByTestId('nav-open').click();
  const drawer = page.locator('.nav-drawer');
  await drawer.waitFor({ state: 'visible' });
  await page.waitForTimeout(400);
  await page.getByTestId(navTestId).click();
  await drawer.waitFor({ state: 'hidden', timeout: 10_000 });
}
