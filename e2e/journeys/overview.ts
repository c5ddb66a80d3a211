import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { Journey } from '../harness';
import { sortChildrenByRate } from './overview-table';
import { expectText, openFromPhoneMenu, screenshotPath, signIn, type JourneyContext } from '../support';

async function chooseMetric(page: Page, label: string) {
  await page.getByTestId('overview-card-studyRate').waitFor({ timeout: 30_000 });
  await page.locator('.overview-card').getByRole('button', { name: label, exact: true }).click();
}

/**
 * The campaign overview: the province's officer reads every metric beside last year's, picks the
 * study rate, sorts the communes by it, opens the leading commune's trend as a table, exports the
 * table, and opens the people behind a commune's member count; on a phone the page fits the screen.
 */
export function overviewJourneys(context: JourneyContext): Journey[] {
  const { app, browser } = context;
  let page: Page;
  return [
    {
      name: 'the province officer reads every campaign metric beside last year and picks the study rate',
      run: async () => {
        page = await (
          await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN', acceptDownloads: true })
        ).newPage();
        await signIn(page, app.baseUrl, 'tuyengiao.tinh');
        await page.getByTestId('nav-campaign-overview').click();
        const rate = page.getByTestId('overview-value-registrationRate');
        await rate.waitFor({ timeout: 30_000 });
        expectText(await rate.textContent(), /^\d{1,3},\d%$/, 'registration rate written the Vietnamese way');
        expectText(
          await page.getByTestId('overview-as-of').textContent(),
          /tính đến ngày \d{2}\/\d{2}\/\d{4}/,
          'the day the figures are read at',
        );
        await chooseMetric(page, 'Tỷ lệ học tập chuyên đề');
        const card = page.getByTestId('overview-card-studyRate');
        expectText(await card.getAttribute('class'), 'overview-card-selected', 'the chosen card');
        expectText(
          await page.getByTestId('overview-trend').textContent(),
          'Xu hướng: Tỷ lệ học tập chuyên đề',
          'the trend follows the choice',
        );
        await page.screenshot({ path: screenshotPath('overview-01-cards.png'), fullPage: true });
      },
    },
    {
      name: 'the officer sorts the communes by the study rate and opens the leader’s trend as a table',
      run: async () => {
        const { values, rates: numbers } = await sortChildrenByRate(page, 'Tỷ lệ học tập chuyên đề');
        if (numbers.length < 2) throw new Error(`too few study rates in the table: ${values.join(', ')}`);
        const leader = page.getByTestId('overview-ranking-best').locator('li').first();
        const leaderName = (await leader.getByRole('button').textContent()) ?? '';
        await leader.getByRole('button').click();
        await page.getByTestId('overview-trend-unit').filter({ hasText: leaderName }).waitFor({ timeout: 20_000 });
        await page.getByTestId('overview-trend-view').getByText('Xem dạng bảng').click();
        const rows = page.getByTestId('overview-trend-table').locator('tbody tr');
        await rows.first().waitFor({ timeout: 20_000 });
        if ((await rows.count()) !== 5) throw new Error(`the trend table has ${await rows.count()} years, expected 5`);
        expectText(await rows.last().textContent(), String(new Date().getFullYear()), 'the trend ends with this year');
        await page.screenshot({ path: screenshotPath('overview-02-trend.png'), fullPage: true });
      },
    },
    {
      name: 'the officer exports the overview to Excel with this year and last beside each other',
      run: async () => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('overview-export').click()]);
        expectText(download.suggestedFilename(), /^Tổng quan học tập và làm theo \d{4} - .+\.xlsx$/, 'the file name');
        const file = screenshotPath('overview.xlsx');
        await download.saveAs(file);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
        const sheet = book.getWorksheet('Tổng quan');
        if (!sheet) throw new Error('no "Tổng quan" sheet in the export');
        const year = new Date().getFullYear();
        const header = (sheet.getRow(3).values as unknown[]).map(String);
        if (!header.includes(`Tỷ lệ học tập chuyên đề ${year}`) || !header.includes(`Tỷ lệ học tập chuyên đề ${year - 1}`)) {
          throw new Error(`the export's header lacks this year's or last year's study rate: ${header.join(' | ')}`);
        }
        if (!book.getWorksheet('Định nghĩa')) throw new Error('no definitions sheet in the export');
      },
    },
    {
      name: 'the officer opens the people behind a commune’s member count: as many rows as the number, and in Excel',
      run: async () => {
        const firstRow = page.getByTestId('overview-children').locator('tbody tr.ant-table-row').first();
        const unitName = ((await firstRow.locator('td').first().textContent()) ?? '').trim();
        const members = firstRow.getByRole('button', { name: `Xem danh sách: Người đang sinh hoạt của ${unitName}`, exact: true });
        const number = ((await members.textContent()) ?? '').trim();
        await members.click();
        const drawer = page.getByTestId('overview-records');
        const total = drawer.getByTestId('overview-records-total');
        await total.filter({ hasText: /\d/ }).waitFor({ timeout: 20_000 });
        expectText(await total.textContent(), `Người đang sinh hoạt: ${number} `, 'the list says as many as the number');
        await drawer.getByTestId('overview-records-table').locator('tbody tr.ant-table-row').first().waitFor();
        const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByTestId('overview-records-export').click()]);
        const file = screenshotPath('overview-records.xlsx');
        await download.saveAs(file);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
        const rows = book.getWorksheet('Danh sách')!.actualRowCount - 2;
        if (rows !== Number(number.replace(/\./g, ''))) throw new Error(`the export has ${rows} people, the number says ${number}`);
        await page.screenshot({ path: screenshotPath('overview-04-records.png'), fullPage: false });
        await page.keyboard.press('Escape');
        await drawer.waitFor({ state: 'hidden' });
      },
    },
    {
      name: 'on a phone the overview fits the screen and keeps its trend table',
      run: async () => {
        const phone = await (
          await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true })
        ).newPage();
        await signIn(phone, app.baseUrl, 'tuyengiao.tinh');
        await openFromPhoneMenu(phone, 'nav-campaign-overview');
        await phone.getByTestId('overview-value-registrationRate').waitFor({ timeout: 30_000 });
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 2) throw new Error(`the page is ${overflow}px wider than the phone`);
        await phone.getByTestId('overview-trend-view').getByText('Xem dạng bảng').click();
        await phone.getByTestId('overview-trend-table').locator('tbody tr').first().waitFor({ timeout: 20_000 });
        await phone.screenshot({ path: screenshotPath('overview-03-phone.png'), fullPage: true });
      },
    },
  ];
}
