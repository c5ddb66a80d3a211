import { writeFile } from 'node:fs/promises';
import type { Journey } from '../harness';
import { confirmDialog, expectText, openFromPhoneMenu, screenshotPath, signIn, waitAfterSubmit, type JourneyContext } from '../support';
import { writePeopleWorkbook } from '../../src/server/modules/imports/excel/write';
import type { PersonExportRow } from '../../src/server/modules/imports/excel/columns';

function person(unitCode: string, index: number, overrides: Partial<PersonExportRow> = {}): PersonExportRow {
  return {
    fullName: `Nguyễn Thị Thử Nghiệm ${index}`,
    sex: 'female',
    birthDate: '1990-03-15',
    category: 'party_member',
    cardNumber: `7700000${index}`,
    idNumber: `05619000000${index}`,
    admissionDate: '2015-05-19',
    phone: '0905000111',
    email: null,
    address: 'Tổ dân phố 3',
    unitCode,
    unitName: '',
    position: 'party_member',
    isHead: false,
    fromDate: '2026-01-05',
    ...overrides,
  };
}

/** Sign-in, the tree, a people import with a bad row, the phone layout. */
export function foundationJourneys({ app, browser, page }: JourneyContext): Journey[] {
  return [
    {
      name: 'an administrator signs in and sees the province figures',
      run: async () => {
        await signIn(page, app.baseUrl, 'admin');
        // The card shows its label at once and its number when the figures arrive.
        await page
          .getByTestId('figure-members')
          .filter({ hasText: /\d/ })
          .waitFor({ timeout: 20_000 })
          .catch(() => undefined);
        expectText(await page.getByTestId('figure-members').textContent(), /\d/, 'members figure');
        await page.screenshot({ path: screenshotPath('01-home.png'), fullPage: true });
      },
    },
    {
      name: 'opens the tree and finds a unit by typing its name without diacritics',
      run: async () => {
        await page.getByTestId('nav-units').click();
        await page.getByTestId('unit-tree').waitFor();
        await page.getByTestId('unit-search').fill('bac nha trang');
        const result = page.getByTestId('unit-search-result').first();
        await result.waitFor({ timeout: 10_000 });
        expectText(await result.textContent(), 'Bắc Nha Trang', 'search result');
        await result.click();
        await page.getByTestId('unit-details').getByText('Đảng ủy phường Bắc Nha Trang').first().waitFor({ timeout: 10_000 });
        await page.screenshot({ path: screenshotPath('02-units.png'), fullPage: true });
      },
    },
    {
      name: 'imports a people file with one bad row, sees the error, fixes it and imports again',
      run: async () => {
        const cells = await page.evaluate(
          async () => (await (await fetch('/api/units?kind=cell&pageSize=1')).json()) as { items: Array<{ code: string; id: number }> },
        );
        const cell = cells.items[0];
        if (!cell) throw new Error('no cell in the demo data');
        const badFile = screenshotPath('people-bad.xlsx');
        const goodFile = screenshotPath('people-fixed.xlsx');
        await writeFile(badFile, await writePeopleWorkbook([person(cell.code, 1), person('KHONG-CO-MA', 2)], { includePersonal: true }));
        await writeFile(goodFile, await writePeopleWorkbook([person(cell.code, 1), person(cell.code, 2)], { includePersonal: true }));

        await page.getByTestId('nav-people').click();
        await page.getByTestId('people-import').click();
        await page.locator('.ant-modal input[type="file"], .ant-drawer input[type="file"]').last().setInputFiles(badFile);
        const errors = page.getByTestId('import-errors');
        await errors.waitFor({ timeout: 20_000 });
        expectText(await errors.textContent(), 'KHONG-CO-MA', 'import error table');
        await page.screenshot({ path: screenshotPath('03-import-errors.png'), fullPage: true });
        const before = await page.evaluate(async () => (await (await fetch('/api/people?q=thu%20nghiem')).json()) as { total: number });
        if (before.total !== 0) throw new Error('the preview wrote people before applying');

        await page.keyboard.press('Escape');
        await page.getByTestId('people-import').click();
        await page.locator('.ant-modal input[type="file"], .ant-drawer input[type="file"]').last().setInputFiles(goodFile);
        await page.getByTestId('import-apply').waitFor({ timeout: 20_000 });
        await confirmDialog(page, page.getByTestId('import-apply'));
        await waitAfterSubmit(page, page.getByTestId('import-result'), 45_000);
        expectText(await page.getByTestId('import-result').textContent(), '2', 'import result');
        await page.screenshot({ path: screenshotPath('04-import-done.png'), fullPage: true });
        const after = await page.evaluate(async () => (await (await fetch('/api/people?q=thu%20nghiem')).json()) as { total: number });
        if (after.total !== 2) throw new Error(`expected 2 imported people, found ${after.total}`);
      },
    },
    {
      name: 'the app is usable on a phone-sized screen',
      run: async () => {
        const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
        const phonePage = await phone.newPage();
        await signIn(phonePage, app.baseUrl, 'canbo.xa');
        await phonePage.screenshot({ path: screenshotPath('05-phone-home.png'), fullPage: true });
        await openFromPhoneMenu(phonePage, 'nav-people');
        await phonePage.getByTestId('people-table').waitFor();
        await phonePage.screenshot({ path: screenshotPath('06-phone-people.png'), fullPage: true });
        await phone.close();
      },
    },
  ];
}
