/**
 * The admin app on a cheap phone over a weak mobile link: the built app in Chromium at 390×844,
 * throttled to 400 kbit/s each way with 400 ms latency. Counts the compressed bytes the browser
 * actually received (per resource type) and the time to the first useful screen of each step.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser, startApp } from '../e2e/harness';
import { round, secondsSince } from './support';

const PASSWORD = 'NoiGuong@2026';
const KBIT_PER_S = 400;
const LATENCY_MS = 400;
const REFUSAL_TEXT = 'Bạn không có quyền truy cập';

type Transfer = { url: string; type: string; bytes: number };

/** What the network delivered since the last reset, as Chromium counts it (encoded, headers included). */
class TransferLog {
  private types = new Map<string, { url: string; type: string }>();
  private done: Transfer[] = [];
  constructor(cdp: CDPSession) {
    cdp.on('Network.responseReceived', (event) => this.types.set(event.requestId, { url: event.response.url, type: event.type }));
    cdp.on('Network.loadingFinished', (event) => {
      const seen = this.types.get(event.requestId);
      if (seen) this.done.push({ ...seen, bytes: event.encodedDataLength });
    });
  }
  reset(): void {
    this.done = [];
  }
  kb(type?: string): number {
    return round(this.done.filter((item) => !type || item.type === type).reduce((sum, item) => sum + item.bytes, 0) / 1024);
  }
  list(): Transfer[] {
    return [...this.done];
  }
}

async function throttledPage(context: BrowserContext): Promise<{ page: Page; log: TransferLog }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const bytesPerSecond = (KBIT_PER_S * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
  return { page, log: new TransferLog(cdp) };
}

const phone = { viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true };

/** Waits for the home figures to show numbers, the tables to be drawn: the dashboard is usable. */
async function dashboardUsable(page: Page): Promise<void> {
  await page.locator('[data-testid="figure-members"] .figure-value').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="child-figures"] tbody tr').first().waitFor({ timeout: 60_000 });
}

function printTransfers(title: string, log: TransferLog): void {
  if (process.env.BENCH_WEB_LIST !== '1') return;
  console.log(`  ${title}:`);
  for (const item of log.list().sort((a, b) => b.bytes - a.bytes))
    console.log(
      `    ${(item.bytes / 1024).toFixed(1).padStart(7)} KB ${item.type.padEnd(10)} ${item.url.replace(/^https?:\/\/[^/]+/, '')}`,
    );
}

async function cellCode(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const accounts = await fetch(`${baseUrl}/api/accounts?q=bithu.chibo`, { headers: { cookie } });
  const body = (await accounts.json()) as { items: Array<{ username: string; grants: Array<{ unitCode: string }> }> };
  const code = body.items.find((item) => item.username === 'bithu.chibo')?.grants[0]?.unitCode;
  if (!code) throw new Error('no cell found for bithu.chibo');
  return code;
}

export async function runWebBench(args: string[]): Promise<void> {
  if (!args.includes('--no-build')) {
    console.log('Building the web app…');
    const build = spawnSync('npm', ['run', 'build:web', '--silent'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the web build failed');
  }
  const loadAtStart = loadavg()[0] ?? 0;
  const app = await startApp();
  const browser = await launchBrowser();
  try {
    console.log(`Chromium 390×844, ${KBIT_PER_S} kbit/s, ${LATENCY_MS} ms latency; server ${app.baseUrl}`);
    const context = await browser.newContext(phone);
    const { page, log } = await throttledPage(context);

    // 1. The sign-in page on a cold cache.
    let started = performance.now();
    await page.goto(`${app.baseUrl}/login`, { waitUntil: 'commit' });
    await page.getByTestId('login-username').waitFor({ timeout: 60_000 });
    const loginFirstRender = secondsSince(started);
    await page.waitForLoadState('networkidle');
    const loginJs = log.kb('Script');
    const loginAll = log.kb();
    printTransfers('sign-in page', log);
    console.log(`sign-in page: ${loginJs} KB of JavaScript (${loginAll} KB in all), first render ${round(loginFirstRender, 2)} s`);

    // 2. Signing in as the province officer: the dashboard of the largest subtree, cold cache.
    log.reset();
    await page.getByTestId('login-username').fill('tuyengiao.tinh');
    await page.getByTestId('login-password').fill(PASSWORD);
    started = performance.now();
    await page.getByTestId('login-submit').click();
    await dashboardUsable(page);
    const dashboardCold = secondsSince(started);
    const dashboardJs = round(loginJs + log.kb('Script'));
    const dashboardAll = round(loginAll + log.kb());
    printTransfers('dashboard after sign-in', log);
    console.log(
      `dashboard (cold): usable ${round(dashboardCold, 2)} s after pressing sign in; ${dashboardJs} KB of JavaScript with the sign-in page's, ${dashboardAll} KB in all`,
    );

    // 3. The chart below the fold loads when scrolled to.
    log.reset();
    started = performance.now();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('.members-chart-frame canvas').waitFor({ timeout: 60_000 });
    const chartSeconds = secondsSince(started);
    const chartJs = log.kb('Script');
    console.log(`members chart: ${chartJs} KB of JavaScript, drawn ${round(chartSeconds, 2)} s after scrolling to it`);

    // 4. The same dashboard again: hashed files come from the cache without asking.
    log.reset();
    started = performance.now();
    await page.reload({ waitUntil: 'commit' });
    await dashboardUsable(page).catch(async (error: unknown) => {
      await page.screenshot({ path: 'bench-web-warm.png' });
      throw error;
    });
    const dashboardWarm = secondsSince(started);
    const warmJs = log.kb('Script');
    if (process.env.BENCH_WEB_LIST === '1') {
      const timeline = await page.evaluate(() =>
        [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((entry) => {
          const timing = entry as PerformanceResourceTiming;
          return `${Math.round(timing.startTime)}–${Math.round(timing.responseEnd)} ms ${timing.name.replace(location.origin, '')}`;
        }),
      );
      console.log(`  warm timeline:\n    ${timeline.join('\n    ')}`);
    }
    printTransfers('dashboard reloaded', log);
    console.log(`dashboard (warm): usable ${round(dashboardWarm, 2)} s; ${warmJs} KB of JavaScript downloaded`);
    await context.close();

    // 5. A member opening a page their role may not: the refusal, with the app already loaded.
    const memberContext = await browser.newContext(phone);
    const member = await throttledPage(memberContext);
    await member.page.goto(`${app.baseUrl}/login`);
    await member.page.getByTestId('login-username').fill('dangvien');
    await member.page.getByTestId('login-password').fill(PASSWORD);
    await member.page.getByTestId('login-submit').click();
    await member.page.waitForURL((url) => url.pathname !== '/login', { timeout: 60_000 });
    await member.page.waitForLoadState('networkidle');
    started = performance.now();
    await member.page.evaluate(() => {
      window.history.pushState({}, '', '/people');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await member.page.getByText(REFUSAL_TEXT).first().waitFor({ timeout: 60_000 });
    const refusal = secondsSince(started);
    console.log(`refusal: "${REFUSAL_TEXT}" shown ${round(refusal, 2)} s after a member opens /people`);
    await memberContext.close();

    // 6. The public page of a cell, no script: the model the admin app is held to.
    const publicContext = await browser.newContext(phone);
    const visitor = await throttledPage(publicContext);
    const publicUrl = `${app.baseUrl}/cong-khai/${encodeURIComponent(await cellCode(app.baseUrl))}`;
    started = performance.now();
    await visitor.page.goto(publicUrl, { waitUntil: 'load' });
    const publicLoad = secondsSince(started);
    const publicKb = visitor.log.kb();
    console.log(`public page: ${publicKb} KB, loaded in ${round(publicLoad, 2)} s`);
    await publicContext.close();

    const figures = {
      login_js_kb: loginJs,
      login_first_render_s: round(loginFirstRender, 2),
      dashboard_js_kb: dashboardJs,
      dashboard_all_kb: dashboardAll,
      dashboard_first_render_s: round(dashboardCold, 2),
      dashboard_warm_render_s: round(dashboardWarm, 2),
      dashboard_warm_js_kb: warmJs,
      chart_js_kb: chartJs,
      chart_render_s: round(chartSeconds, 2),
      refusal_s: round(refusal, 2),
      public_page_kb: publicKb,
      public_page_load_s: round(publicLoad, 2),
      load_avg_start: round(loadAtStart, 2),
      load_avg_end: round(loadavg()[0] ?? 0, 2),
    };
    console.log(JSON.stringify(figures));
  } finally {
    await browser.close();
    await app.stop();
  }
}
