import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { Journey } from '../harness';
import { docxText, expectText, screenshotPath, signIn, typeDate, type JourneyContext } from '../support';

const LAST_YEAR = new Date().getFullYear() - 1;
const THIS_YEAR = LAST_YEAR + 1;
const REVIEW_TITLE = `Sơ kết 2 năm (${LAST_YEAR}–${THIS_YEAR}) thực hiện Kết luận 01-KL/TW`;
const MEMBERS = 10;

/** The template the secretary downloads, as the browser gets it. */
async function downloadTemplate(page: Page, unitId: number): Promise<Buffer> {
  const bytes = await page.evaluate(
    async (path) => Array.from(new Uint8Array(await (await fetch(path)).arrayBuffer())),
    `/api/registrations/book/template?unitId=${unitId}&year=${LAST_YEAR}`,
  );
  return Buffer.from(bytes);
}

/** Copies a paper book into the template: the first MEMBERS members each register one or two actions. */
async function fillBook(template: Buffer, options: { badArea: boolean }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet('Sổ đăng ký');
  if (!sheet) throw new Error('the template has no "Sổ đăng ký" sheet');
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const column = (name: string) => header.indexOf(name);
  const memberRows = sheet.rowCount - 2;
  if (memberRows < MEMBERS) throw new Error(`the template lists ${memberRows} members, ${MEMBERS} are needed`);
  for (let index = 0; index < MEMBERS; index++) {
    const row = sheet.getRow(3 + index);
    row.getCell(column('Hạn chế, khuyết điểm cần khắc phục')).value =
      `Sổ giấy năm ${LAST_YEAR}: còn ngại góp ý thẳng thắn (người thứ ${index + 1})`;
    row.getCell(column('Lĩnh vực')).value = options.badArea && index === 3 ? 'Văn hóa' : 'Đạo đức';
    row.getCell(column('Việc làm cụ thể')).value = `Góp ý thẳng thắn ít nhất một lần mỗi kỳ sinh hoạt chi bộ (người thứ ${index + 1})`;
    row.getCell(column('Kết quả cần đạt')).value = '6 lần góp ý trong nửa năm';
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

type Figures = { figures: { registered: number; approved: number; individualActions: number } };

/**
 * A cell secretary types last year's paper register book of her cell into the template (10
 * members), sees the row she got wrong, fixes it and enters the book; the commune's figures for
 * last year count the 10 registrations at once.
 */
export function registerBookJourneys(context: JourneyContext): Journey[] {
  const { app, browser } = context;
  let secretary: Page;
  let officer: Page;
  let communeId = 0;
  let before: Figures | null = null;
  const communeFigures = (year = LAST_YEAR) =>
    officer.evaluate(
      async (path) => (await (await fetch(path)).json()) as Figures,
      `/api/registration-figures?unitId=${communeId}&year=${year}`,
    );
  return [
    {
      name: "a cell secretary uploads last year's register book, sees the row to fix, fixes it and enters the book",
      run: async () => {
        officer = await (
          await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN', acceptDownloads: true })
        ).newPage();
        await signIn(officer, app.baseUrl, 'canbo.xa');
        communeId = (
          await officer.evaluate(async () => (await (await fetch('/api/auth/me')).json()) as { grants: Array<{ unitId: number }> })
        ).grants[0]!.unitId;
        before = await communeFigures();

        secretary = await (await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' })).newPage();
        await signIn(secretary, app.baseUrl, 'bithu.chibo');
        const cellId = (
          await secretary.evaluate(async () => (await (await fetch('/api/auth/me')).json()) as { grants: Array<{ unitId: number }> })
        ).grants[0]!.unitId;
        const template = await downloadTemplate(secretary, cellId);
        const badFile = screenshotPath('register-book-bad.xlsx');
        const goodFile = screenshotPath('register-book.xlsx');
        await writeFile(badFile, await fillBook(template, { badArea: true }));
        await writeFile(goodFile, await fillBook(template, { badArea: false }));

        await secretary.getByTestId('nav-registrations').click();
        await secretary.getByTestId('tab-appraisal').click();
        await secretary.getByTestId('registration-year').click();
        await secretary
          .locator('.ant-select-item-option')
          .filter({ hasText: `Năm ${LAST_YEAR}` })
          .click();
        await secretary.getByTestId('register-book-open').click();
        const input = secretary.locator('.ant-modal input[type="file"]');
        await input.setInputFiles(badFile);
        const errors = secretary.getByTestId('register-book-errors');
        await errors.waitFor({ timeout: 20_000 });
        expectText(await errors.textContent(), '"Văn hóa" không hợp lệ', 'the row to fix');
        await secretary.screenshot({ path: screenshotPath('register-book-01-errors.png'), fullPage: true });
        const unchanged = await communeFigures();
        if (unchanged.figures.registered !== before.figures.registered)
          throw new Error('the preview of a book with errors changed the figures');

        await input.setInputFiles(goodFile);
        const ready = secretary.getByTestId('register-book-ready');
        await ready.waitFor({ timeout: 20_000 });
        expectText(await ready.textContent(), `${MEMBERS} bản đăng ký cá nhân`, 'the registrations the book holds');
        await secretary.screenshot({ path: screenshotPath('register-book-02-ready.png'), fullPage: true });
        await secretary.getByTestId('register-book-apply').click();
        await secretary.locator('.ant-message').getByText(`Đã nhập ${MEMBERS} bản đăng ký năm ${LAST_YEAR}`).waitFor({ timeout: 20_000 });
        await secretary
          .getByTestId('registrations-table')
          .locator('[data-testid^="registration-row-"]')
          .nth(MEMBERS - 1)
          .waitFor({ timeout: 20_000 });
        await secretary.waitForTimeout(500);
        await secretary.screenshot({ path: screenshotPath('register-book-03-entered.png'), fullPage: true });

        // One more member handed in a paper form: the secretary types it in alone and sends it for appraisal.
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(template as unknown as ExcelJS.Buffer);
        const lateName = String(
          book
            .getWorksheet('Sổ đăng ký')!
            .getRow(3 + MEMBERS)
            .getCell(2).value,
        );
        await secretary.getByTestId('registration-on-behalf').click();
        const modal = secretary.locator('.ant-modal').filter({ hasText: 'thay cho đảng viên' });
        await modal.locator('.ant-select').click();
        await secretary.keyboard.type(lateName);
        await secretary.locator('.ant-select-item-option').filter({ hasText: lateName }).first().click();
        await secretary.keyboard.press('Escape');
        await modal.getByTestId('registration-shortcomings').fill(`Sổ giấy năm ${LAST_YEAR}: chưa chủ động nhận việc khó`);
        await modal.getByTestId('action-content-0').fill('Nhận và hoàn thành một việc khó của chi bộ mỗi quý');
        await modal.getByTestId('registration-save-submit').click();
        await secretary.locator('.ant-message').getByText(`Đã nhập bản đăng ký thay cho ${lateName}`).waitFor({ timeout: 20_000 });
        const drawer = secretary.getByTestId('appraisal-drawer');
        await drawer.waitFor({ timeout: 20_000 });
        // The drawer opens at once and shows the registration once it has read it.
        await drawer
          .getByText('Nhập thay')
          .first()
          .waitFor({ timeout: 20_000 })
          .catch(() => undefined);
        expectText(await drawer.textContent(), 'Nhập thay', "the entered registration says it was entered on the member's behalf");
        await secretary.waitForTimeout(500);
        await secretary.screenshot({ path: screenshotPath('register-book-04-on-behalf.png'), fullPage: true });
        await secretary.keyboard.press('Escape');
      },
    },
    {
      name: "the commune's figures for last year count the book at once, and a member's history says who typed it in",
      run: async () => {
        const after = await communeFigures();
        if (!before) throw new Error('no figures from before the book');
        if (
          after.figures.registered !== before.figures.registered + MEMBERS + 1 ||
          after.figures.approved !== before.figures.approved + MEMBERS
        ) {
          throw new Error(`last year's commune figures went from ${JSON.stringify(before.figures)} to ${JSON.stringify(after.figures)}`);
        }
        await secretary
          .locator('.ant-drawer-open')
          .waitFor({ state: 'detached', timeout: 20_000 })
          .catch(() => undefined);
        await secretary.getByTestId('registrations-table').locator('[data-testid^="registration-row-"]').first().click();
        const history = secretary.getByTestId('registration-history');
        await history.waitFor({ timeout: 20_000 });
        expectText(await history.textContent(), 'nhập thay cho người đăng ký', 'the history of an entered registration');
        await secretary.waitForTimeout(500);
        await secretary.screenshot({ path: screenshotPath('register-book-05-history.png'), fullPage: true });
        await secretary.context().close();
      },
    },
    {
      name: "the province asks for a two-year review; the commune's report and its DOCX count both years' actions",
      run: async () => {
        const province = await (await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' })).newPage();
        await signIn(province, app.baseUrl, 'tuyengiao.tinh');
        await province.getByTestId('nav-reports').click();
        await province.getByRole('tab', { name: 'Yêu cầu đã gửi cấp dưới' }).click();
        await province.getByTestId('report-request-create').click();
        await province.getByTestId('report-metric-individual_actions').waitFor({ timeout: 20_000 });
        await province.getByTestId('report-kind').click();
        await province.locator('.ant-select-item-option').filter({ hasText: 'Báo cáo sơ kết nhiều năm' }).click();
        await province.getByTestId('report-title').fill(REVIEW_TITLE);
        const period = province.locator('.ant-modal .ant-picker-range input');
        await typeDate(period.nth(0), `01/07/${LAST_YEAR}`, 'Enter');
        await typeDate(period.nth(1), `31/12/${THIS_YEAR}`, 'Enter');
        const deadline = province.locator('.ant-modal input#deadline');
        await deadline.click();
        await deadline.fill(`31/12/${THIS_YEAR}`);
        await province.locator('.ant-modal-title').click();
        await province.locator('.ant-modal').getByText('Mọi đảng ủy xã, phường, đặc khu trong phạm vi').click();
        for (const key of ['individual_actions', 'collective_actions', 'registered_individuals'])
          await province.getByTestId(`report-metric-${key}`).click();
        await province.getByTestId('report-request-form-submit').click();
        await province.getByTestId('report-answers-table').waitFor({ timeout: 20_000 });
        await province.context().close();

        const expected =
          (await communeFigures(LAST_YEAR)).figures.individualActions + (await communeFigures(THIS_YEAR)).figures.individualActions;
        if ((await communeFigures(LAST_YEAR)).figures.individualActions < MEMBERS)
          throw new Error("last year's book is not in the commune's actions");
        await officer.getByTestId('nav-reports').click();
        await officer.getByRole('tab', { name: 'Báo cáo phải gửi' }).click();
        const row = officer.getByTestId('report-inbox-table').locator('tbody tr.ant-table-row', { hasText: REVIEW_TITLE }).first();
        await row.waitFor({ timeout: 20_000 });
        await row.locator('[data-testid^="report-inbox-"]').click();
        const live = officer.getByTestId('report-live-individual_actions');
        await live.waitFor({ timeout: 20_000 });
        const shown = expected.toLocaleString('de-DE');
        expectText(await live.textContent(), shown, 'the individual actions of both years on the report screen');
        await officer.waitForTimeout(500);
        await officer.screenshot({ path: screenshotPath('register-book-06-two-year-review.png'), fullPage: true });
        const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByTestId('report-answer-docx').click()]);
        const file = screenshotPath('register-book-two-year-review.docx');
        await download.saveAs(file);
        const annex = (await docxText(file)).split('PHỤ LỤC')[1] ?? '';
        expectText(
          annex,
          `Số việc làm cá nhân đăng kýSố lượng${shown}Hệ thống tính: Cộng các năm trong kỳ báo cáo`,
          "the DOCX annex: both years' actions, with the rule",
        );
        await officer.context().close();
      },
    },
  ];
}
