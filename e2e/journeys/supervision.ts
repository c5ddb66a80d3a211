import type { BrowserContext, Page } from 'playwright-core';
import type { Journey } from '../harness';
import { expectText, PASSWORD, screenshotPath, signIn, type JourneyContext } from '../support';

const SENDER = 'Trần Thị Cư Dân';
const ANSWER = 'Chi bộ đã tiếp thu, phân công tổ tự quản dọn vệ sinh sau mỗi buổi sinh hoạt.';

/**
 * A resident (not signed in, on a phone) sends feedback from a cell's public page; the cell's
 * secretary answers it in the admin app; the answer appears on the public page; the commune's
 * supervisor (MTTQ) sees the state of feedback without the sender.
 */
/**
 * The registration the member wrote and the secretary published in the registrations journey is on
 * the cell's public page (on one of its pages), with its actions and never its shortcomings.
 */
async function expectPublishedRegistration(publicUrl: string): Promise<void> {
  for (let pageNumber = 1; pageNumber <= 10; pageNumber++) {
    const html = await (await fetch(`${publicUrl}?trang=${pageNumber}`)).text();
    if (html.includes('ngại phát biểu ý kiến ở cuộc họp thôn'))
      throw new Error('the shortcomings of a registration reached the public page');
    if (html.includes('Phát biểu ít nhất một ý kiến ở mỗi cuộc họp thôn')) return;
  }
  throw new Error('the published registration is not on the cell public page');
}

export function supervisionJourneys({ app, browser }: JourneyContext): Journey[] {
  const marker = `số ${Date.now() % 1_000_000}`;
  const body = `Đề nghị chi bộ nhắc nhở giữ vệ sinh khu phố sau các buổi sinh hoạt (góp ý ${marker}).`;
  let publicUrl = '';
  let phone: BrowserContext | null = null;
  let phonePage: Page | null = null;

  return [
    {
      name: 'a resident sends feedback from a cell public page on a phone, without signing in',
      run: async () => {
        // The cell's code, as an administrator reads it from the accounts API.
        const api = await browser.newContext({ baseURL: app.baseUrl });
        try {
          const login = await api.request.post('/api/auth/login', { data: { username: 'admin', password: PASSWORD } });
          if (!login.ok()) throw new Error(`admin sign-in answered ${login.status()}`);
          const accounts = await api.request.get('/api/accounts?q=bithu.chibo');
          const account = (
            (await accounts.json()) as { items: Array<{ username: string; grants: Array<{ unitCode: string }> }> }
          ).items.find((item) => item.username === 'bithu.chibo');
          const code = account?.grants[0]?.unitCode;
          if (!code) throw new Error('no cell found for bithu.chibo');
          publicUrl = `${app.baseUrl}/cong-khai/${encodeURIComponent(code)}`;
        } finally {
          await api.close();
        }
        phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
        phonePage = await phone.newPage();
        const response = await phonePage.goto(publicUrl);
        if (response?.status() !== 200) throw new Error(`public page answered ${response?.status()}`);
        await expectPublishedRegistration(publicUrl);
        await phonePage.locator('#fb-ten').fill(SENDER);
        await phonePage.locator('#fb-lien-he').fill('0912 000 111');
        await phonePage.locator('#fb-noi-dung').fill(body);
        // Read the small sum from the page, as a person would.
        const question = (await phonePage.locator('[data-challenge]').textContent()) ?? '';
        const [a, b] = question.split('+').map((part) => Number(part.trim()));
        await phonePage.locator('#fb-dap-an').fill(String((a ?? 0) + (b ?? 0)));
        await phonePage.screenshot({ path: screenshotPath('supervision-01-form.png'), fullPage: true });
        await phonePage.getByRole('button', { name: 'Gửi phản ánh, góp ý' }).click();
        await phonePage.locator('[data-feedback="sent"]').waitFor({ timeout: 15_000 });
        expectText(
          await phonePage.locator('[data-feedback="sent"]').textContent(),
          'Cảm ơn bạn đã gửi phản ánh, góp ý',
          'thank-you notice',
        );
        await phonePage.screenshot({ path: screenshotPath('supervision-02-thanks.png'), fullPage: true });
      },
    },
    {
      name: 'the cell secretary finds it in the inbox and answers it',
      run: async () => {
        const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
        try {
          const page = await context.newPage();
          await signIn(page, app.baseUrl, 'bithu.chibo');
          await page.getByTestId('nav-supervision').click();
          await page.getByTestId('feedback-table').waitFor();
          // Typed without diacritics: the search ignores them.
          await page.getByTestId('feedback-search').fill(`gop y so ${marker.slice(3)}`);
          const row = page.getByTestId('feedback-table').locator('.ant-table-row', { hasText: marker });
          await row.waitFor({ timeout: 15_000 });
          await page.getByTestId('feedback-table').locator('.ant-table-row').nth(1).waitFor({ state: 'detached', timeout: 10_000 });
          await row.locator('a').first().click();
          const details = page.getByTestId('feedback-details');
          await details.waitFor();
          expectText(await details.textContent(), SENDER, 'sender shown to the unit');
          await page.getByTestId('feedback-answer').fill(ANSWER);
          await page.getByTestId('feedback-answer-submit').click();
          await details.getByText('Đã trả lời').waitFor({ timeout: 15_000 });
          await page.screenshot({ path: screenshotPath('supervision-03-answered.png'), fullPage: true });
        } finally {
          await context.close();
        }
      },
    },
    {
      name: 'the public page shows the answer, never the sender',
      run: async () => {
        if (!phonePage) throw new Error('the resident has no page open');
        // A new address: the page is cached for a minute by browsers.
        await phonePage.goto(`${publicUrl}?trang=1#phan-anh`);
        const text = (await phonePage.locator('#phan-anh').textContent()) ?? '';
        expectText(text, ANSWER, 'answer on the public page');
        expectText(text, marker, 'feedback on the public page');
        if (text.includes(SENDER) || text.includes('0912 000 111')) throw new Error('the public page shows the sender');
        await phonePage.screenshot({ path: screenshotPath('supervision-04-public-answer.png'), fullPage: true });
        await phone?.close();
      },
    },
    {
      name: 'the commune supervisor sees the state of feedback and what is published, read-only',
      run: async () => {
        const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
        try {
          const page = await context.newPage();
          await signIn(page, app.baseUrl, 'mttq.xa');
          await page.getByTestId('nav-supervision').click();
          await page.getByTestId('feedback-summary').waitFor();
          await page.getByTestId('feedback-status-table').locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
          const pageText = (await page.textContent('body')) ?? '';
          if (pageText.includes(SENDER) || pageText.includes('0912 000 111')) throw new Error('the supervisor sees the sender');
          if ((await page.getByTestId('feedback-table').count()) > 0) throw new Error('the supervisor sees the inbox');
          await page.screenshot({ path: screenshotPath('supervision-05-supervisor.png'), fullPage: true });
        } finally {
          await context.close();
        }
      },
    },
  ];
}
