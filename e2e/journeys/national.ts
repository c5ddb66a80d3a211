import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { startApp, type Journey, type RunningApp } from '../harness';
import { sortChildrenByRate } from './overview-table';
import { expectText, screenshotPath, signIn, type JourneyContext } from '../support';

/** A count as the page writes it ("1.234"), as a number. */
const count = (text: string) => Number(text.replace(/\./g, ''));

const METRIC = 'Tỷ lệ báo cáo';

/**
 * The national walk-through, on its own app started on `seed --national` (the real 34 provinces
 * and 3,321 communes, on a small budget of people): the Centre's officer opens the national
 * overview, sorts the provinces by the reporting rate, opens the last province's trend, drills down
 * to its lagging communes and exports them.
 */
export function nationalJourneys(context: JourneyContext): Journey[] {
  let app: RunningApp;
  let page: Page;
  let province = '';
  return [
    {
      name: 'the Centre’s officer opens the national overview: the 34 provinces, every metric beside last year',
      run: async () => {
        app = await startApp({ seedFirst: ['--national', '--units', '4000', '--members', '8000', '--cadres', '2000'] });
        context.atEnd(() => app.stop());
        page = await (
          await context.browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN', acceptDownloads: true })
        ).newPage();
        await signIn(page, app.baseUrl, 'tuyengiao.tw');
        await page.getByTestId('nav-campaign-overview').click();
        await page.getByTestId('overview-value-registrationRate').waitFor({ timeout: 30_000 });
        expectText(await page.locator('.page-header-text').textContent(), 'Ban Chấp hành Trung ương', 'the overview of the root');
        const rows = page.getByTestId('overview-children').locator('tbody tr.ant-table-row');
        await rows.first().waitFor();
        const names = await rows.evaluateAll((all) => all.map((row) => row.querySelector('td')?.textContent?.trim() ?? ''));
        if (names.length !== 34) throw new Error(`the Centre sees ${names.length} provinces, expected 34`);
        if (!names.includes('Thành ủy Hà Nội') || !names.includes('Thành ủy Thành phố Hồ Chí Minh')) {
          throw new Error(`the provinces are not the real ones: ${names.join(', ')}`);
        }
        expectText(await page.getByTestId('overview-value-reportingRate').textContent(), /^\d{1,3}(,\d)?%$/, 'the national reporting rate');
        await page.screenshot({ path: screenshotPath('national-01-overview.png'), fullPage: false });
      },
    },
    {
      name: 'the officer sorts the provinces by the reporting rate and opens the last one’s five-year trend',
      run: async () => {
        await page.locator('.overview-card').getByRole('button', { name: METRIC, exact: true }).click();
        const { values, rates } = await sortChildrenByRate(page, METRIC);
        if (rates.length !== 34) throw new Error(`expected a reporting rate for each of the 34 provinces: ${values.join(', ')}`);
        const last = page.getByTestId('overview-ranking-worst').locator('li').first().getByRole('button');
        province = ((await last.textContent()) ?? '').trim();
        await last.click();
        await page.getByTestId('overview-trend-unit').filter({ hasText: province }).waitFor({ timeout: 20_000 });
        await page.getByTestId('overview-trend-view').getByText('Xem dạng bảng').click();
        const years = page.getByTestId('overview-trend-table').locator('tbody tr');
        await years.first().waitFor({ timeout: 20_000 });
        if ((await years.count()) !== 5) throw new Error(`the trend table has ${await years.count()} years, expected 5`);
        expectText(await years.last().textContent(), String(new Date().getFullYear()), 'the trend ends with this year');
        await page.screenshot({ path: screenshotPath('national-02-trend.png'), fullPage: false });
      },
    },
    {
      name: 'the officer drills down to that province’s lagging communes and exports them: as many rows as the list',
      run: async () => {
        await page.getByTitle(`Xem các đơn vị chậm thực hiện thuộc ${province}`, { exact: true }).click();
        const tab = page.getByTestId('lagging-tab');
        await tab.waitFor({ timeout: 20_000 });
        const summary = page.getByTestId('lagging-summary');
        await summary.waitFor({ timeout: 30_000 });
        const listed = /; ([\d.]+) đơn vị trong danh sách/.exec((await summary.textContent()) ?? '');
        if (!listed) throw new Error(`no count in the lagging summary: ${await summary.textContent()}`);
        const total = count(listed[1]!);
        if (total === 0) throw new Error(`no lagging commune under ${province}`);
        const rows = page.getByTestId('lagging-table').locator('tbody tr.ant-table-row');
        await rows.first().waitFor();
        for (const text of await rows.allTextContents()) {
          expectText(text, 'Đảng ủy xã, phường, đặc khu', 'a lagging commune');
          expectText(text, `Trực thuộc ${province}`, 'a commune of the chosen province');
        }
        await page.screenshot({ path: screenshotPath('national-03-lagging.png'), fullPage: false });
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lagging-export').click()]);
        const file = screenshotPath('national-lagging.xlsx');
        await download.saveAs(file);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
        const sheet = book.getWorksheet('Đơn vị chưa nghiêm túc');
        if (!sheet) throw new Error('no "Đơn vị chưa nghiêm túc" sheet in the export');
        const parents: string[] = [];
        sheet.eachRow((row, number) => {
          if (number > 3) parents.push(String(row.getCell(4).value ?? ''));
        });
        if (parents.length !== total) throw new Error(`the export has ${parents.length} communes, the list says ${total}`);
        const strangers = parents.filter((parent) => parent !== province);
        if (strangers.length > 0) throw new Error(`the export holds units of other levels: ${strangers.slice(0, 3).join(', ')}`);
      },
    },
  ];
}
