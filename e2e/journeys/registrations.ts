import type { Page } from 'playwright-core';
import type { Journey } from '../harness';
import { confirmDialog, expectText, openFromPhoneMenu, screenshotPath, signIn, type JourneyContext } from '../support';

const SHORTCOMINGS = 'Còn ngại phát biểu ý kiến ở cuộc họp thôn; việc tự học lý luận chính trị chưa đều đặn.';
const REASON = 'Việc làm thứ hai cần nêu rõ kết quả đo được.';

async function waitForStatus(page: Page, scope: string, status: string): Promise<void> {
  await page.locator(`${scope} [data-testid="registration-status"][data-status="${status}"]`).first().waitFor({ timeout: 20_000 });
}

async function openMine(page: Page): Promise<void> {
  await openFromPhoneMenu(page, 'nav-registrations');
  await page.getByTestId('registration-year').waitFor({ timeout: 20_000 });
}

/** The secretary finds the member's registration by words of it typed without diacritics and opens it. */
async function openFromList(page: Page): Promise<void> {
  await page.getByTestId('nav-registrations').click();
  await page.getByTestId('tab-appraisal').click();
  await page.getByTestId('registrations-search').fill('ngai phat bieu y kien o cuoc hop thon');
  const row = page.getByTestId('registrations-table').locator('[data-testid^="registration-row-"]');
  await row.first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(600);
  await row.first().click();
  await page.getByTestId('appraisal-drawer').waitFor({ timeout: 20_000 });
  await settle(page);
}

/** Lets the drawer's slide and the notices finish, so screenshots show the settled screen. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(500);
}

/** Confirms a step; the dialog stays until the server has taken it (over 20 s once, with the test suites sharing the machine). */
async function confirm(page: Page): Promise<void> {
  await confirmDialog(page);
}

/**
 * A member registers on a phone, the cell secretary returns it with a reason, the member fixes and
 * resubmits, the secretary sees what changed, approves and publishes it. It stays published, for
 * the public page and follow-up journeys to use.
 */
export function registrationsJourneys(context: JourneyContext): Journey[] {
  const { app, browser } = context;
  let member: Page;
  let secretary: Page;
  return [
    {
      name: 'a member writes their registration on a phone and submits it',
      run: async () => {
        const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
        member = await phone.newPage();
        await signIn(member, app.baseUrl, 'dangvien');
        await openMine(member);
        await member.getByTestId('registration-shortcomings').fill(SHORTCOMINGS);
        await member.getByTestId('action-content-0').fill('Phát biểu ít nhất một ý kiến ở mỗi cuộc họp thôn');
        await member.getByTestId('action-result-0').fill('12 ý kiến trong năm, ghi trong biên bản họp');
        // The first criterion of the cell's ethics standards, chosen with the keyboard: on a phone the
        // dropdown still slides while the page scrolls it into view.
        await member.getByTestId('action-link-0').click();
        await member.locator('.ant-select-dropdown .ant-select-item-option-active').first().waitFor({ timeout: 20_000 });
        await member.keyboard.press('Enter');
        await member.locator('.ant-select-dropdown').first().waitFor({ state: 'hidden', timeout: 20_000 });
        await member.getByTestId('registration-add-action').click();
        await member.getByTestId('registration-action-1').getByText('Phong cách').click();
        await member.getByTestId('action-content-1').fill('Tự học một bài lý luận chính trị mỗi tháng');
        // Left without a measurable result: the form warns and still lets the member go on.
        await member.getByTestId('action-content-1').press('Tab');
        await member.getByTestId('action-result-1').focus();
        await member.getByTestId('action-result-1').press('Tab');
        await member.screenshot({ path: screenshotPath('registrations-01-member-form-phone.png'), fullPage: true });
        await member.getByTestId('registration-save-submit').click();
        await waitForStatus(member, 'body', 'submitted');
        await member.screenshot({ path: screenshotPath('registrations-02-member-submitted-phone.png'), fullPage: true });
      },
    },
    {
      name: 'the cell secretary returns it with a reason',
      run: async () => {
        const desk = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
        secretary = await desk.newPage();
        await signIn(secretary, app.baseUrl, 'bithu.chibo');
        await openFromList(secretary);
        await secretary.getByTestId('appraisal-return').click();
        await secretary.getByTestId('reason-input').fill(REASON);
        await secretary.getByTestId('reason-submit').click();
        await waitForStatus(secretary, '[data-testid="appraisal-drawer"]', 'returned');
        await settle(secretary);
        await secretary.screenshot({ path: screenshotPath('registrations-03-secretary-returned.png'), fullPage: true });
      },
    },
    {
      name: 'the member reads the reason, fixes the action and resubmits',
      run: async () => {
        await member.reload();
        await member.getByTestId('return-reason').waitFor({ timeout: 20_000 });
        expectText(await member.getByTestId('return-reason').textContent(), REASON, 'reason shown to the member');
        await member.screenshot({ path: screenshotPath('registrations-04-member-reason-phone.png'), fullPage: true });
        await member.getByTestId('registration-edit').click();
        await member.getByTestId('action-result-1').fill('12 bài thu hoạch, chi bộ kiểm tra mỗi quý');
        await member.getByTestId('registration-save-submit').click();
        await waitForStatus(member, 'body', 'submitted');
      },
    },
    {
      name: 'the secretary sees what changed, approves and publishes it',
      run: async () => {
        await secretary.reload();
        await openFromList(secretary);
        const diff = secretary.getByTestId('registration-diff');
        await diff.waitFor({ timeout: 20_000 });
        expectText(await diff.textContent(), '12 bài thu hoạch', 'the diff of the two submissions');
        await secretary.getByTestId('registration-history').waitFor();
        await secretary.screenshot({ path: screenshotPath('registrations-05-secretary-diff.png'), fullPage: true });
        await secretary.getByTestId('appraisal-approve').click();
        await confirm(secretary);
        await waitForStatus(secretary, '[data-testid="appraisal-drawer"]', 'approved');
        await secretary.getByTestId('appraisal-publish').click();
        await confirm(secretary);
        await waitForStatus(secretary, '[data-testid="appraisal-drawer"]', 'published');
        await settle(secretary);
        await secretary.screenshot({ path: screenshotPath('registrations-06-secretary-published.png'), fullPage: true });
        await secretary.keyboard.press('Escape');
        await secretary
          .locator('.ant-drawer-open')
          .waitFor({ state: 'detached', timeout: 20_000 })
          .catch(() => undefined);
        await secretary.getByTestId('registrations-search').fill('');
        await secretary
          .getByTestId('registrations-table')
          .locator('[data-testid^="registration-row-"]')
          .nth(1)
          .waitFor({ timeout: 20_000 });
        await settle(secretary);
        await secretary.screenshot({ path: screenshotPath('registrations-07-unit-list.png'), fullPage: true });
        await member.context().close();
        await secretary.context().close();
      },
    },
    {
      name: "the commune officer sees the window the province opened and the commune's registrations with copies flagged",
      run: async () => {
        const desk = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
        const officer = await desk.newPage();
        await signIn(officer, app.baseUrl, 'canbo.xa');
        await officer.getByTestId('nav-registrations').click();
        await officer.getByTestId('tab-windows').click();
        await officer.getByTestId('window-applicable').waitFor({ timeout: 20_000 });
        expectText(await officer.getByTestId('window-applicable').textContent(), 'Tỉnh ủy', 'the window inherited from the province');
        await officer.screenshot({ path: screenshotPath('registrations-08-windows.png'), fullPage: true });
        await officer.getByTestId('tab-appraisal').click();
        await officer.getByTestId('registrations-table').locator('[data-testid^="registration-row-"]').first().waitFor({ timeout: 20_000 });
        await settle(officer);
        await officer.screenshot({ path: screenshotPath('registrations-09-commune-list.png'), fullPage: true });
        // The demo has copied registrations in a few cells: the filter shows them, each with its similarity.
        await officer.getByTestId('registrations-similar-only').click();
        await officer.getByTestId('similarity-tag').first().waitFor({ timeout: 20_000 });
        await officer.locator('[data-testid^="registration-row-"]').first().click();
        await officer.getByTestId('similar-list').waitFor({ timeout: 20_000 });
        await settle(officer);
        await officer.screenshot({ path: screenshotPath('registrations-10-copies.png'), fullPage: true });
        await desk.close();
      },
    },
  ];
}
