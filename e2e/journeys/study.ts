import type { Page } from 'playwright-core';
import type { Journey } from '../harness';
import { chooseFirstOption, expectText, screenshotPath, signIn, typeDate, waitAfterSubmit, type JourneyContext } from '../support';

/** A signed-in desk-sized page of its own, so two people can take turns without signing out. */
async function deskPage({ browser }: JourneyContext): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
  return context.newPage();
}

async function readStudyRate(page: Page): Promise<string> {
  await page.getByTestId('nav-programme-figures').click();
  const value = page.getByTestId('rate-value-studyRate');
  await value.waitFor({ timeout: 20_000 });
  return (await value.textContent()) ?? '';
}

/** Yesterday as dd/mm/yyyy: already past both in the browser's time zone and in Vietnam. */
function yesterday(): string {
  const day = new Date(Date.now() - 86_400_000);
  return `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
}

/** A cell secretary records the year's study session with one excused absence; the commune's rate moves. */
export function studyJourneys(context: JourneyContext): Journey[] {
  const { app } = context;
  let officer: Page;
  let secretary: Page;
  let rateBefore = '';
  return [
    {
      name: 'the commune officer reads the study rate on the programme dashboard',
      run: async () => {
        officer = await deskPage(context);
        await signIn(officer, app.baseUrl, 'canbo.xa');
        rateBefore = await readStudyRate(officer);
        expectText(rateBefore, /^\d{1,3},\d%$/, 'study rate written the Vietnamese way');
        await officer.getByTestId('dashboard-children').locator('tbody tr.ant-table-row').first().waitFor();
        await officer.screenshot({ path: screenshotPath('study-01-dashboard-before.png'), fullPage: true });
      },
    },
    {
      name: 'the cell secretary records a study session on the year topic with one excused absence',
      run: async () => {
        secretary = await deskPage(context);
        await signIn(secretary, app.baseUrl, 'bithu.chibo');
        await secretary.getByTestId('nav-study').click();
        await secretary.getByTestId('sessions-table').waitFor();
        await secretary.getByTestId('session-add').click();
        await typeDate(secretary.locator('.ant-modal input#heldOn'), yesterday());
        await chooseFirstOption(secretary, secretary.getByTestId('session-topic'));
        await secretary.getByTestId('session-title').fill('Học tập chuyên đề năm 2026 của chi bộ');
        await secretary.getByTestId('session-place').fill('Nhà văn hóa thôn');
        await secretary.screenshot({ path: screenshotPath('study-02-session-form.png'), fullPage: true });
        await secretary.getByTestId('session-form-submit').click();

        const table = secretary.getByTestId('attendance-table');
        // Saving the session and loading its roll can be slow while CI runs the database tests beside the browser.
        await waitAfterSubmit(secretary, table, 60_000);
        const firstRow = secretary.locator('[data-testid^="attendance-status-"]').first();
        await firstRow.getByText('Vắng có lý do').click();
        await secretary.locator('[data-testid^="attendance-reason-"]').first().fill('Đi công tác tỉnh');
        await secretary.screenshot({ path: screenshotPath('study-03-attendance.png'), fullPage: true });
        await secretary.getByTestId('attendance-save').click();
        await table.waitFor({ state: 'detached', timeout: 20_000 });
        const row = secretary.getByTestId('sessions-table').locator('tbody tr', { hasText: 'Học tập chuyên đề năm 2026 của chi bộ' });
        await row.waitFor({ timeout: 20_000 });
        expectText(await row.textContent(), 'có mặt', 'attendance summary in the list');

        // The one absent member is now on the secretary's list of who has not studied yet.
        await secretary.getByRole('tab', { name: 'Tình hình học tập của từng người' }).click();
        const notStudiedRows = secretary.getByTestId('study-status-table').locator('tbody tr.ant-table-row');
        await notStudiedRows.first().waitFor({ timeout: 20_000 });
        expectText(await secretary.getByTestId('study-status-table').textContent(), 'Chưa học tập', 'list of who has not studied');
        await secretary.screenshot({ path: screenshotPath('study-04-not-studied.png'), fullPage: true });

        // The absent member studies later: a make-up from that list clears it.
        await secretary.locator('[data-testid^="status-make-up-"]').first().click();
        const submit = secretary.getByTestId('make-up-form-submit');
        await submit.click();
        // The dialog closes once the make-up is saved. A refusal stays in it and is reported; a click on the
        // dialog as it opens can be lost when the test suites share the machine, and is sent once more.
        if (
          !(await submit.waitFor({ state: 'detached', timeout: 20_000 }).then(
            () => true,
            () => false,
          ))
        ) {
          const refusal = await secretary
            .locator('.ant-modal [role="alert"]')
            .first()
            .textContent({ timeout: 1_000 })
            .catch(() => null);
          if (refusal) throw new Error(`the make-up was refused: ${refusal}`);
          await submit.click();
          await submit.waitFor({ state: 'detached', timeout: 30_000 });
        }
        await secretary.getByText('Mọi người đều đã học tập chuyên đề của năm.').waitFor({ timeout: 45_000 });
      },
    },
    {
      name: 'the commune study rate on the dashboard has gone up',
      run: async () => {
        await officer.reload();
        const rateAfter = await readStudyRate(officer);
        const toNumber = (text: string) => Number(text.replace('%', '').replace(',', '.'));
        if (!(toNumber(rateAfter) > toNumber(rateBefore))) throw new Error(`study rate did not go up: ${rateBefore} → ${rateAfter}`);
        await officer.screenshot({ path: screenshotPath('study-05-dashboard-after.png'), fullPage: true });
        await officer.context().close();
        await secretary.context().close();
      },
    },
  ];
}
