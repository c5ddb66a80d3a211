import { writeFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import type { Journey } from '../harness';
import { chooseOption, docxText, expectText, screenshotPath, signIn, typeDate, waitAfterSubmit, type JourneyContext } from '../support';
import { tinyPng } from '../../test/helpers/tiny-files';

const TITLE = 'Đảng viên tiêu biểu trong phong trào dân vận khéo năm 2026';

async function deskPage({ browser }: JourneyContext): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
  return context.newPage();
}

async function openTab(page: Page, tab: string) {
  await page.getByTestId('nav-commendations').click();
  await page.getByRole('tab', { name: tab }).click();
}

/** Opens the journey's nomination from a list tab and waits for its drawer. */
async function openNomination(page: Page, tab: string, table: string) {
  await openTab(page, tab);
  const row = page.getByTestId(table).locator('tbody tr', { hasText: TITLE });
  await row.getByRole('button', { name: TITLE }).click();
  await page.getByTestId('nomination-history').waitFor({ timeout: 20_000 });
}

async function takeStep(page: Page, step: string, reason?: string) {
  await page.getByTestId(`nomination-${step}`).click();
  if (reason) {
    await page.getByTestId('nomination-reason').fill(reason);
    await page.locator('#nomination-reason-submit').click();
  }
  await page.locator('.ant-message-success').last().waitFor({ timeout: 20_000 });
}

async function commendedFigure(page: Page): Promise<number> {
  await openTab(page, 'Số liệu');
  const value = page.getByTestId('commendation-figure-commended').locator('.figure-value');
  await value.waitFor({ timeout: 20_000 });
  return Number(((await value.textContent()) ?? '').replace(/\./g, ''));
}

/**
 * A cell nominates a member with a photo; the commune returns it, the cell fixes and resubmits it;
 * the commune endorses it and sends it up; the province decides a Bằng khen naming three and
 * downloads the decision; the province's figure rises by three.
 */
export function commendationsJourneys(context: JourneyContext): Journey[] {
  const { app } = context;
  let secretary: Page;
  let commune: Page;
  let province: Page;
  return [
    {
      name: 'a cell secretary nominates a member with a photo and sends it to the commune',
      run: async () => {
        secretary = await deskPage(context);
        await signIn(secretary, app.baseUrl, 'bithu.chibo');
        await openTab(secretary, 'Hồ sơ đề nghị');
        await secretary.getByTestId('nomination-create').click();
        await secretary.locator('.ant-modal .ant-form-item', { hasText: 'Cá nhân được đề nghị' }).locator('.ant-select').click();
        await secretary.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
        await secretary.getByTestId('nomination-title').fill(TITLE);
        await secretary
          .getByTestId('nomination-story')
          .fill('Vận động 120 hộ dân hiến đất mở rộng đường thôn, tổ chức lớp học tình thương cho 25 em.');
        await secretary.getByTestId('nomination-results').fill('Mở rộng 350 m đường.');
        const period = secretary.locator('.ant-modal .ant-picker-range input');
        await typeDate(period.nth(0), '01/01/2026', 'Enter');
        await typeDate(period.nth(1), '30/11/2026');
        const photo = screenshotPath('nomination-photo.png');
        await writeFile(photo, tinyPng());
        await secretary.locator('.ant-modal input[type="file"]').setInputFiles(photo);
        await secretary.locator('.ant-modal .ant-upload-list-item-done').first().waitFor({ timeout: 15_000 });
        await secretary.screenshot({ path: screenshotPath('commendations-01-form.png'), fullPage: true });
        await secretary.getByTestId('nomination-form-submit').click();
        await waitAfterSubmit(secretary, secretary.getByTestId('nomination-submit'));
        expectText(await secretary.getByTestId('nomination-drawer').textContent(), 'nomination-photo.png', 'the photo in the nomination');
        await takeStep(secretary, 'submit');
        expectText(await secretary.getByTestId('nomination-drawer').textContent(), 'Đang ở cấp', 'where the nomination is now');
      },
    },
    {
      name: 'the commune returns it with a reason; the cell fixes it and resubmits',
      run: async () => {
        commune = await deskPage(context);
        await signIn(commune, app.baseUrl, 'canbo.xa');
        await openNomination(commune, 'Chờ thẩm định', 'nominations-table-to_vet');
        await takeStep(commune, 'return', 'Bổ sung số hộ dân đã vận động và ảnh công trình');

        await secretary.reload();
        await openNomination(secretary, 'Hồ sơ đề nghị', 'nominations-table-nominated');
        expectText(await secretary.getByTestId('nomination-return-reason').textContent(), 'Bổ sung số hộ dân', 'the reason for the return');
        await secretary.getByTestId('nomination-edit').click();
        await secretary.getByTestId('nomination-results').fill('Mở rộng 350 m đường; 132 hộ hiến đất.');
        await secretary.locator('.ant-modal').getByTestId('nomination-form-submit').click();
        await waitAfterSubmit(secretary, secretary.locator('.ant-modal'), 60_000, 'detached');
        await takeStep(secretary, 'submit');
        expectText(
          await secretary.getByTestId('nomination-history').textContent(),
          'Kết quả, số liệu',
          'what changed since the returned submission',
        );
        await secretary.screenshot({ path: screenshotPath('commendations-02-resubmitted.png'), fullPage: true });
      },
    },
    {
      name: 'the commune endorses it and sends it up to the province',
      run: async () => {
        await commune.reload();
        await openNomination(commune, 'Chờ thẩm định', 'nominations-table-to_vet');
        // The cell's own committee and then the commune vet it in turn (the officer acts for both
        // levels of the commune's subtree) until the province holds it.
        const atProvince = commune.getByTestId('nomination-drawer').getByText(/Đang ở cấp: Tỉnh ủy/);
        for (let level = 0; level < 3; level += 1) {
          await takeStep(commune, 'endorse');
          await takeStep(commune, 'forward');
          // Once the drawer has read the nomination again it shows either the province or the next
          // level's "endorse" (neither shows before): wait for one, however long the refresh takes.
          const shown = (locator: Locator, what: 'province' | 'commune') =>
            locator.waitFor({ timeout: 30_000 }).then(
              () => what,
              () => null,
            );
          const next = await Promise.race([shown(atProvince, 'province'), shown(commune.getByTestId('nomination-endorse'), 'commune')]);
          if (next === null) throw new Error('after forwarding, the drawer showed neither the province nor the next level within 30 s');
          if (next === 'province') break;
        }
        expectText(
          await commune.getByTestId('nomination-drawer').textContent(),
          'Đang ở cấp: Tỉnh ủy',
          'the nomination is now with the province',
        );
        expectText(await commune.getByTestId('nomination-history').textContent(), 'Đề nghị lên cấp trên', 'the history of its way up');
        await commune.context().close();
        await secretary.context().close();
      },
    },
    {
      name: 'the province decides a Bằng khen naming three, downloads the decision, and its figure rises',
      run: async () => {
        province = await deskPage(context);
        await signIn(province, app.baseUrl, 'thuongvu.tinh');
        const before = await commendedFigure(province);
        await openTab(province, 'Quyết định khen thưởng');
        await province.getByTestId('decision-create').click();
        await chooseOption(province, province.getByTestId('decision-form-code'), 'Bằng khen');
        const held = province.getByTestId('decision-nominations').locator('tbody tr.ant-table-row');
        await held.first().waitFor({ timeout: 20_000 });
        await province.getByTestId('decision-nominations').locator('.ant-spin-spinning').waitFor({ state: 'detached', timeout: 20_000 });
        // Newest first: the member the cell nominated, just sent up by the commune.
        expectText(await held.first().textContent(), 'Cá nhân', 'the member nominated by the cell is held by the province');
        for (const index of [0, 1, 2]) await held.nth(index).locator('input[type="checkbox"]').check();
        const selected = await province.getByTestId('decision-nominations').locator('tbody tr.ant-table-row-selected').count();
        if (selected !== 3) throw new Error(`${selected} nominations selected in the decision form, expected 3`);
        await province.screenshot({ path: screenshotPath('commendations-03-decision-form.png'), fullPage: true });
        await province.getByTestId('decision-form-submit').click();
        // Under load the three commendations and the document take a while; a refusal is reported at once.
        await waitAfterSubmit(province, province.locator('.ant-modal'), 60_000, 'detached');
        const row = province.getByTestId('decisions-table').locator('tbody tr.ant-table-row').first();
        await row.waitFor();
        expectText(await row.textContent(), 'Bằng khen', 'the new decision heads the list');
        const [download] = await Promise.all([
          province.waitForEvent('download'),
          row.getByRole('button', { name: 'Tải quyết định (DOCX)' }).click(),
        ]);
        const file = screenshotPath('commendations-decision.docx');
        await download.saveAs(file);
        const text = await docxText(file);
        expectText(text, 'QUYẾT ĐỊNH', 'the decision document');
        expectText(text, 'DANH SÁCH', 'the annex list');
        // The tab shows the figure it had while it refetches: wait for the new one.
        let after = await commendedFigure(province);
        for (let attempt = 0; attempt < 40 && after !== before + 3; attempt += 1) {
          await province.waitForTimeout(500);
          after = Number(
            ((await province.getByTestId('commendation-figure-commended').locator('.figure-value').textContent()) ?? '').replace(/\./g, ''),
          );
        }
        if (after !== before + 3) throw new Error(`commended figure: ${before} → ${after}, expected +3`);
        await province.screenshot({ path: screenshotPath('commendations-04-figures.png'), fullPage: true });

        // The province shows the member in the public gallery.
        await openNomination(province, 'Hồ sơ đề nghị', 'nominations-table-nominated');
        await province.getByTestId('nomination-publish').click();
        await province.getByTestId('nomination-public-state').getByText('Đang công khai').waitFor({ timeout: 20_000 });
        await province.context().close();
      },
    },
    {
      name: 'a resident finds the member in the public gallery on a phone, without diacritics and without signing in',
      run: async () => {
        const phone = await context.browser.newContext({
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          locale: 'vi-VN',
        });
        const page = await phone.newPage();
        await page.goto(`${app.baseUrl}/guong-dien-hinh`);
        await page.locator('#q').fill('dan van kheo nam 2026');
        await page.getByRole('button', { name: 'Tìm' }).click();
        const found = page.locator('article', { hasText: TITLE });
        await found.waitFor({ timeout: 20_000 });
        await found.locator('img.photo').first().waitFor();
        if (
          !(await found
            .locator('img.photo')
            .first()
            .evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0))
        )
          throw new Error('the photo did not load');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 390) throw new Error(`the gallery is ${width} px wide on a 390 px phone`);
        await page.screenshot({ path: screenshotPath('commendations-05-gallery-phone.png'), fullPage: true });
        await phone.close();
      },
    },
  ];
}
