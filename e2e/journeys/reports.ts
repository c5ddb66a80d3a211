import type { Page } from 'playwright-core';
import type { Journey } from '../harness';
import { confirmDialog, expectText, screenshotPath, signIn, typeDate, type JourneyContext } from '../support';

const TITLE = 'Báo cáo nhanh quý III năm 2026 về học tập và làm theo Bác';

async function deskPage({ browser }: JourneyContext): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN', acceptDownloads: true });
  return context.newPage();
}

function ddmmyyyy(offsetDays: number): string {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
}

async function confirmPopup(page: Page) {
  await confirmDialog(page);
}

async function openReports(page: Page, tab: string) {
  await page.getByTestId('nav-reports').click();
  await page.getByRole('tab', { name: tab }).click();
}

/** Opens the unit's own report of the journey's request from the inbox: the first row in the given status. */
async function openFromInbox(page: Page, status: string) {
  await openReports(page, 'Báo cáo phải gửi');
  const row = page
    .getByTestId('report-inbox-table')
    .locator('tbody tr.ant-table-row', { hasText: TITLE })
    .filter({ hasText: status })
    .first();
  await row.waitFor({ timeout: 20_000 });
  await row.locator('[data-testid^="report-inbox-"]').click();
  await page.getByTestId('report-answer-drawer').waitFor();
  await page.locator('textarea#narrative_situation').waitFor({ timeout: 20_000 });
}

async function writeAndSubmit(page: Page, situation: string) {
  await page.locator('textarea#narrative_situation').fill(situation);
  await page
    .locator('textarea#narrative_results')
    .fill('Tổ chức học tập chuyên đề cho toàn thể đảng viên; đưa nội dung làm theo Bác vào sinh hoạt chi bộ.');
  await page.getByTestId('report-submit').click();
  await confirmPopup(page);
  await page.getByTestId('report-answer-drawer').getByTestId('report-status-submitted').waitFor({ timeout: 20_000 });
}

/** The province asks its communes for a quarterly briefing; two answer (one late), one is returned and resubmits; the province consolidates. */
export function reportsJourneys(context: JourneyContext): Journey[] {
  /** On failure, a picture of every open page says more than the locator that timed out. */
  const guarded = (name: string, run: () => Promise<void>): Journey => ({
    name,
    run: async () => {
      try {
        await run();
      } catch (error) {
        const pages = context.browser.contexts().flatMap((browserContext) => browserContext.pages());
        await Promise.all(
          pages.map((page, index) =>
            page.screenshot({ path: screenshotPath(`reports-failed-${index}.png`), fullPage: true }).catch(() => undefined),
          ),
        );
        throw error;
      }
    },
  });
  const { app } = context;
  let province: Page;
  let commune: Page;
  let admin: Page;

  const openRequest = async () => {
    // A fresh page: the drawer left open by the previous step would cover the menu.
    await province.reload();
    await openReports(province, 'Yêu cầu đã gửi cấp dưới');
    await province.getByTestId('report-requests-table').getByRole('button', { name: TITLE }).click();
    await province.getByTestId('report-answers-table').waitFor({ timeout: 20_000 });
  };

  return [
    guarded('the province officer asks the units below for a quarterly briefing', async () => {
      province = await deskPage(context);
      await signIn(province, app.baseUrl, 'tuyengiao.tinh');
      await openReports(province, 'Yêu cầu đã gửi cấp dưới');
      await province.getByTestId('report-requests-table').locator('tbody tr.ant-table-row').first().waitFor({ timeout: 20_000 });
      await province.screenshot({ path: screenshotPath('reports-01-requests.png'), fullPage: true });
      await province.getByTestId('report-request-create').click();
      await province.getByTestId('report-metric-members').waitFor({ timeout: 20_000 });
      await province.getByTestId('report-title').fill(TITLE);
      // The pickers are found by their form fields: antd does not pass test ids to a picker's inputs.
      const period = province.locator('.ant-modal .ant-picker-range input');
      await typeDate(period.nth(0), '01/07/2026', 'Enter');
      await typeDate(period.nth(1), '30/09/2026', 'Enter');
      // Enter in the last field would submit the form: the date is committed by leaving the field.
      const deadline = province.locator('.ant-modal input#deadline');
      await deadline.click();
      await deadline.fill(ddmmyyyy(20));
      await province.locator('.ant-modal-title').click();
      await province.screenshot({ path: screenshotPath('reports-02-request-form.png'), fullPage: true });
      await province.getByTestId('report-request-form-submit').click();
      await province.getByTestId('report-answers-table').waitFor({ timeout: 20_000 });
      expectText(await province.getByTestId('report-reporting-rate').textContent(), /^0\/\d+/, 'nobody has reported yet');
    }),
    guarded('a commune writes its report with its figures filled in and submits it on time', async () => {
      commune = await deskPage(context);
      await signIn(commune, app.baseUrl, 'canbo.xa');
      await openFromInbox(commune, 'Chưa bắt đầu');
      expectText(await commune.getByTestId('report-live-members').textContent(), /^\d/, 'the member count computed by the system');
      await commune.getByTestId('report-add-item').click();
      await commune.locator('textarea#recommendations_0_body').fill('Đề nghị cấp thêm tài liệu học tập chuyên đề');
      await writeAndSubmit(commune, 'Các chi bộ duy trì sinh hoạt đều đặn.');
      await commune.screenshot({ path: screenshotPath('reports-03-answer-submitted.png'), fullPage: true });
    }),
    guarded('the province moves the deadline to yesterday; a second unit submits late', async () => {
      await openRequest();
      await province.getByTestId('report-change-deadline').click();
      const deadline = province.locator('.ant-modal input#deadline');
      await deadline.click();
      await deadline.fill(ddmmyyyy(-1));
      await province.locator('.ant-modal-title').click();
      await province.getByTestId('report-deadline-form-submit').click();
      await province.getByTestId('report-deadline-form-submit').waitFor({ state: 'detached', timeout: 20_000 });

      admin = await deskPage(context);
      await signIn(admin, app.baseUrl, 'admin');
      await openFromInbox(admin, 'Quá hạn');
      await writeAndSubmit(admin, 'Tình hình chính trị ổn định; các phong trào thi đua được triển khai.');
      await admin.context().close();
    }),
    guarded('the province returns the first report with a reason; the commune revises and resubmits', async () => {
      await province.reload();
      await openRequest();
      expectText(await province.getByTestId('report-reporting-rate').textContent(), /^2\//, 'two units have reported');
      expectText(await province.getByTestId('report-on-time-rate').textContent(), /^1\//, 'one of them on time');
      await province.waitForTimeout(500); // the drawer slides in
      await province.screenshot({ path: screenshotPath('reports-04-request-status.png'), fullPage: true });
      const row = province
        .getByTestId('report-answers-table')
        .locator('tbody tr.ant-table-row', { hasText: 'Đã gửi' })
        .filter({ hasNotText: 'gửi muộn' })
        .first();
      await row.getByRole('button', { name: 'Xem' }).click();
      await province.getByTestId('report-return').click();
      await province.getByTestId('report-return-reason-input').fill('Bổ sung kết quả học tập chuyên đề cụ thể bằng số liệu.');
      await province.getByTestId('report-return-form-submit').click();
      await province.getByTestId('report-answer-drawer').getByTestId('report-status-returned').waitFor({ timeout: 20_000 });

      await commune.reload();
      await openFromInbox(commune, 'Bị trả lại');
      expectText(await commune.getByTestId('report-return-reason').textContent(), 'Bổ sung kết quả', 'the reason is shown to the unit');
      await writeAndSubmit(commune, 'Các chi bộ duy trì sinh hoạt đều đặn; 100% đảng viên đã học tập chuyên đề.');
      await commune.screenshot({ path: screenshotPath('reports-05-resubmitted.png'), fullPage: true });
      await commune.context().close();
    }),
    guarded('the province consolidates and downloads its report as a Party-format DOCX', async () => {
      await province.reload();
      await openRequest();
      await province.getByRole('tab', { name: 'Tổng hợp' }).click();
      const summary = province.getByTestId('report-consolidation-summary');
      await summary.waitFor({ timeout: 20_000 });
      expectText(await summary.textContent(), /2\/\d+ đơn vị đã gửi báo cáo/, 'consolidation summary');
      await province.waitForTimeout(500);
      await province.screenshot({ path: screenshotPath('reports-06-consolidation.png'), fullPage: true });
      const [download] = await Promise.all([province.waitForEvent('download'), province.getByTestId('report-consolidated-docx').click()]);
      expectText(download.suggestedFilename(), /\.docx$/, 'a Word document');
      await province.context().close();
    }),
  ];
}
