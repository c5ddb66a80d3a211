import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { Journey } from '../harness';
import { expectText, screenshotPath, signIn, typeDate, type JourneyContext } from '../support';
import { tinyPng } from '../../test/helpers/tiny-files';

const PLAN_NUMBER = '15-KH/ĐU';
const GROUP_TITLE = 'Học tập chuyên đề năm 2026 ở các chi bộ';

async function openPage(page: Page, nav: string, table: string): Promise<void> {
  await page.getByTestId(nav).click();
  await page.getByTestId(table).waitFor({ timeout: 15_000 });
  // Wait for the first answer (rows or the empty note), so the table is read after it arrived.
  await page.locator(`[data-testid="${table}"] .ant-table-row, [data-testid="${table}"] .ant-empty`).first().waitFor({ timeout: 15_000 });
}

/** A commune officer records a plan with a task group and a file; a cell secretary below reads it. */
export function programmeJourneys({ app, browser }: JourneyContext): Journey[] {
  return [
    {
      name: 'a commune officer creates a plan with a task group and an attachment',
      run: async () => {
        const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
        const page = await context.newPage();
        try {
          await signIn(page, app.baseUrl, 'canbo.xa');
          await openPage(page, 'nav-plans', 'plans-table');
          // The province plan of the demo reaches the commune.
          expectText(await page.getByTestId('plans-table').textContent(), '23-KH/TU', 'plans from above');
          await page.getByTestId('plan-add').click();
          await page.getByTestId('plan-number').fill(PLAN_NUMBER);
          await typeDate(page.locator('.ant-modal input#issuedOn'), '15/03/2026');
          await page
            .getByTestId('plan-title')
            .fill('Kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh của Đảng bộ năm 2026');
          await page.getByTestId('plan-group-0-title').fill(GROUP_TITLE);
          await page.getByTestId('plan-group-0-content-0').fill('Các chi bộ đưa chuyên đề vào sinh hoạt định kỳ tháng 4/2026');
          await page.getByTestId('plan-group-0-add-content').click();
          await page.getByTestId('plan-group-0-content-1').fill('100% đảng viên viết bài thu hoạch trước ngày 30/6/2026');
          const file = screenshotPath('plan-attachment.png');
          await writeFile(file, tinyPng());
          await page.locator('.ant-modal input[type="file"]').setInputFiles(file);
          await page.locator('.ant-modal .ant-upload-list-item-done').first().waitFor({ timeout: 15_000 });
          await page.screenshot({ path: screenshotPath('20-plan-form.png'), fullPage: true });
          await page.getByTestId('plan-create-submit').click();
          const drawer = page.getByTestId('plan-drawer');
          await drawer.getByTestId('plan-task-groups').waitFor({ timeout: 15_000 });
          expectText(await drawer.textContent(), GROUP_TITLE, 'plan drawer');
          expectText(await drawer.textContent(), 'plan-attachment.png', 'attachment in the drawer');
          await page.screenshot({ path: screenshotPath('21-plan-drawer.png'), fullPage: true });
        } finally {
          await context.close();
        }
      },
    },
    {
      name: 'a cell secretary sees the commune plan and the province plan, with topics and breakthrough contents',
      run: async () => {
        const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
        const page = await context.newPage();
        try {
          await signIn(page, app.baseUrl, 'bithu.chibo');
          await openPage(page, 'nav-plans', 'plans-table');
          const table = page.getByTestId('plans-table');
          expectText(await table.textContent(), PLAN_NUMBER, 'the commune plan in the cell list');
          expectText(await table.textContent(), '23-KH/TU', 'the province plan in the cell list');
          if ((await page.getByTestId('plan-add').count()) > 0) throw new Error('a cell secretary must not be offered to add a plan');
          await page.screenshot({ path: screenshotPath('22-plans-cell.png'), fullPage: true });
          await table.getByText(PLAN_NUMBER).click();
          const drawer = page.getByTestId('plan-drawer');
          await drawer.getByTestId('plan-task-groups').waitFor({ timeout: 15_000 });
          expectText(await drawer.textContent(), GROUP_TITLE, 'task group read by the cell');
          await page.keyboard.press('Escape');

          await openPage(page, 'nav-topics', 'topics-table');
          expectText(await page.getByTestId('topics-table').textContent(), '2025–2030', 'whole-term topic');
          await page.screenshot({ path: screenshotPath('23-topics.png'), fullPage: true });
          await openPage(page, 'nav-breakthroughs', 'breakthroughs-table');
          expectText(await page.getByTestId('breakthroughs-table').textContent(), 'Chuyển đổi số', 'breakthrough contents');
          await page.screenshot({ path: screenshotPath('24-breakthroughs-list.png'), fullPage: true });
          await page.getByTestId('breakthrough-open').first().click();
          await page.getByTestId('breakthrough-drawer').locator('.ant-descriptions').waitFor({ timeout: 15_000 });
          await page.screenshot({ path: screenshotPath('24-breakthrough-drawer.png'), fullPage: true });
        } finally {
          await context.close();
        }
        // The same list on a phone: one column per plan, readable without scrolling sideways.
        const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
        const phonePage = await phone.newPage();
        try {
          await signIn(phonePage, app.baseUrl, 'bithu.chibo');
          await phonePage.getByTestId('nav-open').click();
          await openPage(phonePage, 'nav-plans', 'plans-table');
          expectText(await phonePage.getByTestId('plans-table').textContent(), '23-KH/TU', 'plans on a phone');
          await phonePage.screenshot({ path: screenshotPath('26-phone-plans.png'), fullPage: true });
        } finally {
          await phone.close();
        }
      },
    },
    {
      name: 'a commune officer adopts a province breakthrough content and reports progress with evidence',
      run: async () => {
        const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
        const page = await context.newPage();
        try {
          await signIn(page, app.baseUrl, 'canbo.xa');
          await openPage(page, 'nav-breakthroughs', 'breakthroughs-table');
          // Typed without diacritics: the demo commune has not adopted this province content yet.
          const searched = page.waitForResponse(
            (response) => response.url().includes('/api/breakthroughs?') && response.url().includes('q=nong'),
          );
          await page.getByTestId('breakthroughs-search').fill('nong thon moi');
          await searched;
          await page.locator('[data-testid="breakthroughs-table"] .ant-spin-spinning').waitFor({ state: 'detached', timeout: 15_000 });
          const row = page.getByTestId('breakthrough-open').filter({ hasText: 'Xây dựng nông thôn mới' });
          await row.first().waitFor({ timeout: 15_000 });
          if ((await page.getByTestId('breakthrough-open').count()) !== 1)
            throw new Error('expected only the province content before adopting');
          await row.first().click();
          const drawer = page.getByTestId('breakthrough-drawer');
          await drawer.getByTestId('breakthrough-adopt').click();
          await page.getByTestId('breakthrough-adopt-submit').click();
          await drawer.getByText('Hưởng ứng từ').waitFor({ timeout: 15_000 });
          await drawer.getByTestId('breakthrough-progress').click();
          await page.locator('.ant-modal .ant-input-number input').fill('40');
          await page.getByTestId('progress-note').fill('Đã ra mắt mô hình "Khu dân cư xanh - sạch - đẹp" ở khu phố 2');
          const file = screenshotPath('breakthrough-evidence.png');
          await writeFile(file, tinyPng());
          await page.locator('.ant-modal input[type="file"]').setInputFiles(file);
          await page.locator('.ant-modal .ant-upload-list-item-done').first().waitFor({ timeout: 15_000 });
          await page.getByTestId('breakthrough-progress-submit').click();
          const updates = drawer.getByTestId('breakthrough-updates');
          await updates.waitFor({ timeout: 15_000 });
          expectText(await updates.textContent(), '40%', 'progress report');
          expectText(await updates.textContent(), 'breakthrough-evidence.png', 'evidence file');
          await page.screenshot({ path: screenshotPath('25-breakthrough-progress.png'), fullPage: true });
          await page.keyboard.press('Escape');
          await page.getByTestId('breakthroughs-search').fill('');
          await page.getByTestId('breakthrough-open').nth(1).waitFor({ timeout: 15_000 });
        } finally {
          await context.close();
        }
      },
    },
    {
      name: 'the province officer follows up which communes adopted a breakthrough content and how far they are',
      run: async () => {
        const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
        const page = await context.newPage();
        try {
          await signIn(page, app.baseUrl, 'tuyengiao.tinh');
          await openPage(page, 'nav-breakthroughs', 'breakthroughs-table');
          await page.getByTestId('breakthrough-open').filter({ hasText: 'Chuyển đổi số' }).first().click();
          const adoptions = page.getByTestId('breakthrough-adoptions');
          await adoptions.waitFor({ timeout: 15_000 });
          expectText(await adoptions.textContent(), 'Đảng ủy', 'communes that adopted the content');
          await page.screenshot({ path: screenshotPath('27-breakthrough-adoptions.png'), fullPage: true });
        } finally {
          await context.close();
        }
      },
    },
  ];
}
