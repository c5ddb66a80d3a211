import QRCode from 'qrcode';
import type { BrowserContext, Page } from 'playwright-core';
import type { Journey } from '../harness';
import { confirmDialog, expectText, screenshotPath, signIn, waitAfterSubmit, type JourneyContext } from '../support';
import { foldVietnamese } from '../../src/shared/text';

const CRITERIA = [
  'Gương mẫu chấp hành chủ trương của Đảng, pháp luật của Nhà nước',
  'Gần dân, lắng nghe và phản ánh kịp thời ý kiến của nhân dân tổ dân phố',
];
const LOCATION = 'Hội trường nhà văn hóa tổ dân phố';

/** A cell secretary adopts the standards, records the sign, prints it; the QR link opens the public page. */
export function standardsJourneys({ app, browser }: JourneyContext): Journey[] {
  let context: BrowserContext | null = null;
  let page: Page | null = null;
  let publicUrl = '';
  let cellName = '';
  const secretaryPage = (): Page => {
    if (!page) throw new Error('the secretary is not signed in');
    return page;
  };

  return [
    {
      name: 'a cell secretary drafts the cell standards and adopts them',
      run: async () => {
        context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
        page = await context.newPage();
        await signIn(page, app.baseUrl, 'bithu.chibo');
        await page.getByTestId('nav-standards').click();
        await page.getByTestId('standards-current').waitFor();
        await page.getByTestId('standards-create-draft').click();
        await page.getByTestId('standards-criterion-0').fill(CRITERIA[0]!);
        await page.getByTestId('standards-add-criterion').click();
        await page.getByTestId('standards-criterion-1').fill(CRITERIA[1]!);
        await page.screenshot({ path: screenshotPath('standards-01-draft.png'), fullPage: true });
        await page.getByTestId('standards-adopt').click();
        await confirmDialog(page, page.getByTestId('standards-adopt-submit'));
        await waitAfterSubmit(page, page.getByTestId('standards-current').getByText(CRITERIA[1]!), 45_000);
        expectText(await page.getByTestId('standards-history').textContent(), 'Đang áp dụng', 'version history');
      },
    },
    {
      name: 'records the sign as posted, with a photo, and sees its QR code',
      run: async () => {
        const page = secretaryPage();
        const photo = screenshotPath('standards-sign-photo.png');
        await QRCode.toFile(photo, 'ảnh biển chuẩn mực', { width: 200 });
        await page.getByTestId('standards-sign-edit').click();
        await page.getByTestId('standards-sign-location').fill(LOCATION);
        await page.locator('.ant-modal input[type="file"]').setInputFiles(photo);
        await page.locator('.ant-modal .ant-upload-list-item-done').waitFor({ timeout: 15_000 });
        await page.getByTestId('standards-sign-submit').click();
        await page.getByTestId('standards-sign-details').getByText(LOCATION).waitFor({ timeout: 15_000 });
        const qrLoaded = await page
          .getByTestId('standards-qr-image')
          .evaluate((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0);
        if (!qrLoaded) throw new Error('the QR code image did not load');
        await page.screenshot({ path: screenshotPath('standards-02-sign.png'), fullPage: true });
      },
    },
    {
      name: 'opens the printable A4 sign and reads the address its QR code encodes',
      run: async () => {
        const page = secretaryPage();
        const [printPage] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('standards-print').click()]);
        await printPage.waitForLoadState();
        expectText(await printPage.textContent('body'), 'Quét mã để xem chuẩn mực đạo đức và góp ý', 'print page');
        expectText(await printPage.textContent('body'), CRITERIA[0]!, 'print page criteria');
        publicUrl = (await printPage.getByTestId('sign-public-url').getAttribute('href')) ?? '';
        if (!publicUrl.includes('/cong-khai/')) throw new Error(`unexpected public address ${publicUrl}`);
        await printPage.emulateMedia({ media: 'print' });
        await printPage.screenshot({ path: screenshotPath('standards-03-print.png'), fullPage: true });
        await printPage.close();
      },
    },
    {
      name: 'the QR address opens the public page on a phone, without signing in',
      run: async () => {
        const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
        try {
          const phonePage = await phone.newPage();
          const response = await phonePage.goto(publicUrl);
          if (response?.status() !== 200) throw new Error(`public page answered ${response?.status()}`);
          const body = await phonePage.textContent('body');
          expectText(body, CRITERIA[0]!, 'public page criteria');
          expectText(body, 'Đã gắn biển', 'public page sign');
          if (body?.includes(LOCATION)) throw new Error('the public page shows the sign location');
          cellName = ((await phonePage.textContent('h1')) ?? '').trim();
          await phonePage.screenshot({ path: screenshotPath('standards-04-public.png'), fullPage: true });
        } finally {
          await phone.close();
        }
      },
    },
    {
      name: 'the commune officer sees the cell in the overview and finds it without diacritics',
      run: async () => {
        const page = secretaryPage();
        await page.context().clearCookies();
        await signIn(page, app.baseUrl, 'canbo.xa');
        await page.getByTestId('nav-standards').click();
        await page.getByTestId('standards-overview-table').waitFor();
        await page.getByTestId('standards-filter-adopted').click();
        await page.getByTestId('standards-search').fill(foldVietnamese(cellName));
        const row = page.getByTestId('standards-overview-table').locator('.ant-table-row', { hasText: cellName });
        await row.waitFor({ timeout: 10_000 });
        expectText(await row.textContent(), 'Phiên bản 1', 'overview row');
        await page.getByTestId('standards-search').fill('');
        await page.getByTestId('standards-filter-all').click();
        await page.getByTestId('standards-overview-table').locator('.ant-table-row').first().waitFor({ timeout: 10_000 });
        await page.screenshot({ path: screenshotPath('standards-05-overview.png'), fullPage: true });
        await context?.close();
      },
    },
  ];
}
