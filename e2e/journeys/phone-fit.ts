import type { BrowserContext, Page } from 'playwright-core';
import { PAGE_PERMISSIONS, canOpenPage } from '../../src/web/app/page-permissions';
import { paths } from '../../src/web/app/paths';
import type { Journey } from '../harness';
import { type JourneyContext, PASSWORD, screenshotPath } from '../support';

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true };
const REFUSAL = 'Bạn không có quyền truy cập';
// One demo account per role, the cell's secretary and member included.
const ACCOUNTS = ['admin', 'tuyengiao.tinh', 'thuongvu.tinh', 'kiemtra.tinh', 'xem.tinh', 'mttq.xa', 'bithu.chibo', 'dangvien'];
const PAGES = Object.keys(PAGE_PERMISSIONS) as Array<keyof typeof PAGE_PERMISSIONS>;
const navTestId = (key: string) => `nav-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** Waits until the page shows its content or its refusal, and the data behind it has come. */
async function settle(page: Page): Promise<'refused' | 'shown'> {
  await page.locator('main h1, main .status-message').first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(150);
  return (await page.locator('main .status-message-forbidden').count()) > 0 ? 'refused' : 'shown';
}

/** The elements that stick out to the right of the screen, to say what to fix. */
async function overflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return null;
    const culprits = [...document.querySelectorAll<HTMLElement>('main *')]
      .filter(
        (element) =>
          element.getBoundingClientRect().right > width + 1 &&
          !element.closest('.ant-table-content, .plain-table-frame, .members-chart-frame, .ant-tabs-nav-wrap'),
      )
      .slice(0, 3)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} (${Math.round(element.getBoundingClientRect().right)} px)`,
      );
    return `page is ${document.documentElement.scrollWidth} px wide; ${culprits.join(', ')}`;
  });
}

/** One account on a 390 px phone: every page fits, the menu offers exactly what opens; the problems found. */
async function checkAccount({ app, browser }: JourneyContext, username: string): Promise<string[]> {
  const context: BrowserContext = await browser.newContext({ ...PHONE, baseURL: app.baseUrl });
  try {
    const login = await context.request.post('/api/auth/login', { data: { username, password: PASSWORD } });
    if (!login.ok()) return [`sign-in answered ${login.status()}`];
    const me = (await (await context.request.get('/api/auth/me')).json()) as { permissions: string[]; user: { personId: number | null } };
    const page = await context.newPage();
    const problems: string[] = [];
    const opened: string[] = [];
    for (const key of PAGES) {
      await page.goto(paths[key]);
      const outcome = await settle(page);
      const allowed = canOpenPage(key, me);
      if (allowed && outcome === 'refused') problems.push(`${paths[key]} refused although the role may open it`);
      if (!allowed && outcome === 'shown') problems.push(`${paths[key]} opened although the role may not`);
      if (outcome === 'shown') opened.push(navTestId(key));
      else if (!((await page.locator('main .status-message-forbidden').textContent()) ?? '').includes(REFUSAL))
        problems.push(`${paths[key]}: the refusal does not say "${REFUSAL}"`);
      const wide = await overflow(page);
      if (wide) {
        problems.push(`${paths[key]}: ${wide}`);
        await page.screenshot({ path: screenshotPath(`phone-${username}-${key}.png`), fullPage: true });
      }
    }
    await page.goto(paths.home);
    await page.locator('main h1, main .status-message').first().waitFor();
    await page.getByTestId('nav-open').click();
    await page.locator('.nav-drawer [data-testid^="nav-"]').first().waitFor();
    const offered = await page
      .locator('.nav-drawer [data-testid^="nav-"]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-testid') ?? ''));
    const missing = opened.filter((id) => !offered.includes(id));
    const extra = offered.filter((id) => !opened.includes(id));
    if (missing.length > 0 || extra.length > 0)
      problems.push(`menu: missing ${missing.join(', ') || '—'}; offers pages that refuse ${extra.join(', ') || '—'}`);
    return problems;
  } finally {
    await context.close();
  }
}

/**
 * Every role, every page, on a 390 px phone. Four accounts are checked side by side in their own
 * browser contexts: each page mostly waits for the network to fall quiet, so this takes the time of one.
 */
export function phoneFitJourneys(context: JourneyContext): Journey[] {
  const groups = [ACCOUNTS.slice(0, 4), ACCOUNTS.slice(4)];
  return groups.map((usernames) => ({
    name: `${usernames.join(', ')} on a 390 px phone: every page fits the screen; the menu offers exactly the pages that open`,
    run: async () => {
      const found = await Promise.all(usernames.map(async (username) => ({ username, problems: await checkAccount(context, username) })));
      const failed = found.filter((entry) => entry.problems.length > 0);
      if (failed.length > 0)
        throw new Error(failed.map((entry) => `${entry.username}:\n    ${entry.problems.join('\n    ')}`).join('\n  '));
    },
  }));
}
