import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import type { APIRequestContext, Browser, Locator, Page } from 'playwright-core';
import type { RunningApp } from './harness';

export const SCREENSHOTS = path.resolve('test-results/e2e');
export const PASSWORD = 'NoiGuong@2026';

/** What every journey file receives: the running app, the browser and a desk-sized signed-out page. */
export type JourneyContext = {
  app: RunningApp;
  browser: Browser;
  page: Page;
  /** Something a group started for itself, to stop when every journey has run. */
  atEnd(cleanup: () => Promise<void>): void;
};

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

/**
 * Types a date into a picker's input and checks the picker kept it: under load a keystroke can be
 * lost while the panel opens, and the picker then silently drops the half-typed date. The date is
 * committed by leaving the field (Tab): Enter in a single picker whose panel has not opened yet
 * submits the whole form. A range picker's start field takes Enter, which moves on to its end.
 */
export async function typeDate(input: Locator, value: string, commitKey: 'Tab' | 'Enter' = 'Tab'): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await input.click();
    await input.fill(value);
    await input.press(commitKey);
    if ((await input.inputValue()) === value) return;
  }
  throw new Error(`the date field did not keep ${value}: it shows "${await input.inputValue()}"`);
}

/** An open dialog's frame (Ant Design 6 names it -container; it was -content before). */
export const OPEN_DIALOG = '.ant-modal-container:visible';
/** The confirming button of an open confirmation dialog or pop-up. */
export const CONFIRM_BUTTON = '.ant-modal-confirm-btns .ant-btn-primary, .ant-popconfirm-buttons .ant-btn-primary';

/**
 * Clicks a button and waits for what it leads to (`outcome` reaching `state`). Under load a click
 * that lands while its dialog is still zooming in can be lost: if nothing followed within a few
 * seconds and the button is still there and idle, it is clicked again. A button that is loading
 * or gone took the click, and its answer is waited for, never sent twice.
 */
export async function clickUntil(
  button: Locator,
  outcome: Locator,
  state: 'visible' | 'hidden' = 'visible',
  timeout = 45_000,
): Promise<void> {
  for (let attempt = 1; attempt < 3; attempt += 1) {
    await button.click({ timeout: 30_000 });
    if (
      await outcome.waitFor({ state, timeout: 8_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
    const idle = await button
      .evaluate((element) => !element.classList.contains('ant-btn-loading') && !(element as HTMLButtonElement).disabled, null, {
        timeout: 1_000,
      })
      .catch(() => false);
    if (!idle) break;
  }
  await outcome.waitFor({ state, timeout });
}

/**
 * Confirms a step and waits until its confirmation dialog (or pop-up) has closed, that is until the
 * server took it. With `trigger`, clicks that first, again if its click was lost.
 */
export async function confirmDialog(page: Page, trigger?: Locator, timeout = 45_000): Promise<void> {
  const confirm = page.locator(CONFIRM_BUTTON).last();
  if (trigger) await clickUntil(trigger, confirm);
  else await confirm.waitFor({ timeout: 20_000 });
  await clickUntil(confirm, confirm, 'hidden', timeout);
}

/**
 * Waits for what a submitted form leads to. If the form shows field errors or a refusal instead,
 * fails at once with their text, so a failed run says what the form objected to.
 */
export async function waitAfterSubmit(
  page: Page,
  expected: Locator,
  timeout = 30_000,
  state: 'visible' | 'detached' = 'visible',
): Promise<void> {
  const objections = page.locator('.ant-modal .ant-form-item-explain-error, .ant-modal .ant-alert-error');
  const objected = objections
    .first()
    .waitFor({ timeout })
    .then(
      () => true,
      () => new Promise<never>(() => undefined),
    );
  const reached = expected.waitFor({ state, timeout }).then(
    () => false,
    async (error: unknown) => {
      // Say what the screen showed instead, so a run that timed out tells what it was waiting behind.
      const dialogs = (await page.locator(OPEN_DIALOG).allTextContents()).join(' | ').slice(0, 600);
      throw new Error(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}; open dialogs: "${dialogs}"`);
    },
  );
  const outcome = await Promise.race([reached, objected]);
  if (outcome) throw new Error(`the form objected: ${(await objections.allTextContents()).join(' | ')}`);
}

/**
 * Chooses an option of an antd Select and checks that the Select shows it. Under load a click can
 * land on a dropdown that is already closing, or one laid out while its modal was still opening (the
 * click then lands on what lies under it and closes it): the choice is retried, never assumed, and
 * a dropdown that closed is opened again rather than waited for.
 */
export async function chooseOption(page: Page, select: Locator, optionText: string): Promise<void> {
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText }).first();
  for (let attempt = 1; ; attempt += 1) {
    // Opened only when closed: a click on an open Select would close it.
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
    await option.click({ timeout: 5_000 }).catch(() => undefined);
    for (let check = 0; check < 6; check += 1) {
      if ((await select.textContent())?.includes(optionText)) return;
      await page.waitForTimeout(500);
    }
    if (attempt === 5) throw new Error(`the select did not keep "${optionText}" after ${attempt} tries`);
  }
}

/** Chooses the first option a Select offers (whatever its text), with the same retries as chooseOption. */
export async function chooseFirstOption(page: Page, select: Locator): Promise<void> {
  if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
  const first = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  await first.waitFor({ timeout: 20_000 });
  const label = ((await first.getAttribute('title')) ?? (await first.textContent()) ?? '').trim();
  await chooseOption(page, select, label);
}

/** The text of a downloaded DOCX, tags stripped. */
export async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

/** An API session of its own (cookie and CSRF token), for looking things up and setting things up at run time. */
export async function apiAs(context: JourneyContext, username: string) {
  const browserContext = await context.browser.newContext({ baseURL: context.app.baseUrl });
  const request: APIRequestContext = browserContext.request;
  const login = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  if (!login.ok()) throw new Error(`API sign-in of ${username} failed: ${login.status()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const checked = async (url: string, answer: Awaited<ReturnType<APIRequestContext['get']>>) => {
    if (!answer.ok()) throw new Error(`${url} answered ${answer.status()}: ${await answer.text()}`);
    return answer;
  };
  return {
    get: async <T>(url: string) => (await (await request.get(url)).json()) as T,
    post: async (url: string, data: unknown) => request.post(url, { data: data as object, headers: { 'x-csrf-token': csrfToken } }),
    put: async (url: string, data: unknown) =>
      checked(url, await request.put(url, { data: data as object, headers: { 'x-csrf-token': csrfToken } })),
    me: async () => (await (await request.get('/api/auth/me')).json()) as { grants: Array<{ unitId: number }> },
    close: () => browserContext.close(),
  };
}
