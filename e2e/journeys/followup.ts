import type { Page } from 'playwright-core';
import type { Journey } from '../harness';
import { PASSWORD, apiAs, confirmDialog, expectText, screenshotPath, signIn, type JourneyContext } from '../support';

type Mine = { linked: boolean; registrations: Array<{ id: number; canCheckIn: boolean; person: { name: string } | null }> };
type Row = { id: number; kind: string; person: { id: number; name: string } | null; unit: { id: number; name: string } };

const YEAR = new Date().getFullYear();
const NEW_PASSWORD = 'ThuNghiem@2026!';

async function deskPage({ browser }: JourneyContext): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
  return context.newPage();
}

/**
 * The member who records the check-in: the demo member when their registration is under way,
 * otherwise a member found in the demo data, given an account by the administrator. None at all
 * (no registrations demo): the journey still shows the member's empty page, the cell's list and
 * the figures.
 */
async function findMember(context: JourneyContext): Promise<{ username: string; name: string; fresh: boolean } | null> {
  const member = await apiAs(context, 'dangvien');
  const mine = await member.get<Mine>(`/api/followup/mine?year=${YEAR}`);
  const own = mine.registrations.find((registration) => registration.canCheckIn);
  if (own) return { username: 'dangvien', name: own.person?.name ?? '', fresh: false };
  const admin = await apiAs(context, 'admin');
  const rootId = (await admin.me()).grants[0]!.unitId;
  for (const status of ['in_progress', 'published']) {
    const list = await admin.get<{ items: Row[] }>(
      `/api/followup/registrations?unitId=${rootId}&year=${YEAR}&status=${status}&kind=individual&pageSize=5`,
    );
    const row = list.items.find((item) => item.person);
    if (!row) continue;
    const username = `theodoi.${row.id}`;
    const created = await admin.post('/api/accounts', {
      username,
      displayName: row.person!.name,
      password: PASSWORD,
      personId: row.person!.id,
      grants: [{ unitId: row.unit.id, role: 'member' }],
    });
    if (!created.ok()) throw new Error(`account for the member: ${created.status()} ${await created.text()}`);
    return { username, name: row.person!.name, fresh: true };
  }
  return null;
}

/** A member records a check-in; the level above sees it in its follow-up list; the dashboard shows the registration rate. */
export function followupJourneys(context: JourneyContext): Journey[] {
  const { app } = context;
  let member: { username: string; name: string; fresh: boolean } | null = null;
  const note = `Đã tham gia đầy đủ sinh hoạt chi bộ, phát biểu xây dựng ${Date.now() % 1000}`;
  return [
    {
      name: 'a member records a check-in on their registration, with progress and a note',
      run: async () => {
        member = await findMember(context);
        const page = await deskPage(context);
        if (member?.fresh) {
          // A new account must change its password first.
          await page.goto(app.baseUrl);
          await page.getByTestId('login-username').fill(member.username);
          await page.getByTestId('login-password').fill(PASSWORD);
          await page.getByTestId('login-submit').click();
          await page.getByTestId('password-current').fill(PASSWORD);
          await page.getByTestId('password-new').fill(NEW_PASSWORD);
          await page.getByTestId('password-confirm').fill(NEW_PASSWORD);
          await page.getByTestId('password-submit').click();
          await page.getByTestId('figure-members').waitFor({ timeout: 20_000 });
        } else {
          await signIn(page, app.baseUrl, member?.username ?? 'dangvien');
        }
        await page.getByTestId('notification-bell').waitFor();
        await page.getByTestId('nav-followup').click();
        await page.getByTestId('followup-tabs').waitFor();
        if (!member) {
          await page.getByText(/chưa có bản đăng ký làm theo năm/).waitFor();
          await page.screenshot({ path: screenshotPath('followup-01-member-empty.png'), fullPage: true });
          return;
        }
        await page.getByTestId('check-in-open-1').first().click();
        await page.getByTestId('check-in-note').fill(note);
        await page.screenshot({ path: screenshotPath('followup-01-check-in-form.png'), fullPage: true });
        await page.getByTestId('check-in-form-submit').click();
        await page.getByText(note).first().waitFor({ timeout: 20_000 });
        // The status line refreshes after the check-in list: wait for it rather than read it once.
        await page.getByTestId('registration-status').filter({ hasText: 'Đang thực hiện' }).first().waitFor({ timeout: 20_000 });
        await page.screenshot({ path: screenshotPath('followup-02-checked-in.png'), fullPage: true });
      },
    },
    {
      name: 'the level above sees the check-in in its follow-up list and can export the register book',
      run: async () => {
        const page = await deskPage(context);
        // The demo member's cell secretary, or the province officer for a member found elsewhere.
        await signIn(page, app.baseUrl, member && !member.fresh ? 'bithu.chibo' : 'tuyengiao.tinh');
        await page.getByTestId('nav-followup').click();
        await page.getByTestId('followup-table').waitFor();
        if (member) {
          await page.getByPlaceholder('Tìm theo họ tên, đơn vị').fill(member.name);
          const link = page.getByTestId('followup-table').getByRole('button', { name: member.name }).first();
          await link.waitFor({ timeout: 20_000 });
          await link.click();
          await page.locator('.ant-drawer').getByText(note).first().waitFor({ timeout: 20_000 });
          await page.screenshot({ path: screenshotPath('followup-03-secretary.png'), fullPage: true });
          // The register book is a button of the list, under the drawer: close the drawer first.
          await page.keyboard.press('Escape');
          await page.locator('.ant-drawer-content').first().waitFor({ state: 'hidden', timeout: 10_000 });
        }
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('book-docx').click()]);
        expectText(download.suggestedFilename(), /\.docx$/, 'register book file');
      },
    },
    {
      name: 'the commune officer reads the registration rate on the dashboard and sends reminders',
      run: async () => {
        const page = await deskPage(context);
        await signIn(page, app.baseUrl, 'canbo.xa');
        await page.getByTestId('nav-programme-figures').click();
        const rate = page.getByTestId('registration-rate');
        await rate.waitFor({ timeout: 20_000 });
        expectText(await rate.textContent(), /^(\d{1,3},\d%|—)$/, 'registration rate written the Vietnamese way');
        await page.getByTestId('registration-figures').scrollIntoViewIfNeeded();
        await page.screenshot({ path: screenshotPath('followup-04-dashboard.png'), fullPage: true });
        await page.getByTestId('nav-followup').click();
        await confirmDialog(page, page.getByTestId('remind-now'));
        await page.getByText(/Đã gửi \d+ thông báo/).waitFor({ timeout: 20_000 });
      },
    },
  ];
}
