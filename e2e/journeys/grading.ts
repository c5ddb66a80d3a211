import type { Page } from 'playwright-core';
import type { Journey } from '../harness';
import {
  chooseOption,
  docxText,
  expectText,
  openFromPhoneMenu,
  screenshotPath,
  signIn,
  waitAfterSubmit,
  type JourneyContext,
} from '../support';

const YEAR = new Date().getFullYear();
/** 91 points with every task on time but none exceeded: QĐ 366 proposes "tốt", as the member does. */
const SCORES: Record<string, string> = { politics: '6', ethics: '6', discipline: '5', solidarity: '6', example: '6', tasks: '62' };
const STRENGTHS = 'Gương mẫu tham gia vận động nhân dân hiến đất mở đường; hoàn thành các việc làm đã đăng ký theo gương Bác.';

async function newPage({ browser }: JourneyContext, phone: boolean): Promise<Page> {
  const context = await browser.newContext(
    phone
      ? { viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true }
      : { viewport: { width: 1366, height: 860 }, locale: 'vi-VN', acceptDownloads: true },
  );
  return context.newPage();
}

/** Opens the grading page's member list and the drawer of the demo member's grading. */
async function openMemberGrading(page: Page, member: { id: number; name: string }): Promise<void> {
  await page.getByTestId('nav-grading').click();
  await page.getByTestId('grading-members-tab').click();
  await page.getByTestId('grading-search').fill(member.name);
  await page.getByTestId(`grading-row-open-p${member.id}`).click({ timeout: 20_000 });
  await page.getByTestId('grading-actions').waitFor({ timeout: 20_000 });
}

/**
 * The commune's count of members graded "tốt" on the programme dashboard; with `expected`, waits for
 * it (the page first shows the figures it read before, then the fresh ones).
 */
async function goodOnDashboard(page: Page, expected?: number): Promise<number> {
  await page.getByTestId('nav-programme-figures').click();
  const figure = page.getByTestId('dashboard-grading-good');
  await figure.waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const read = async () => Number(((await figure.textContent()) ?? '').replace(/\./g, ''));
  for (let waited = 0; expected !== undefined && (await read()) !== expected; waited += 500) {
    if (waited > 30_000) throw new Error(`the dashboard counts ${await read()} "tốt", expected ${expected}`);
    await page.waitForTimeout(500);
  }
  return read();
}

/**
 * The year-end grading: the demo member self-reviews on a phone and sends it to the cell; the cell's
 * secretary grades at the grade the rule proposes, with the vote; the commune decides; the commune's
 * distribution on the dashboard counts one more "tốt"; the self-review downloads as a DOCX.
 */
export function gradingJourneys(context: JourneyContext): Journey[] {
  const { app } = context;
  let member = { id: 0, name: '' };
  let goodBefore = 0;
  return [
    {
      name: 'a member writes the year-end self-review on a phone and sends it to the cell',
      run: async () => {
        const page = await newPage(context, true);
        await signIn(page, app.baseUrl, 'dangvien');
        await openFromPhoneMenu(page, 'nav-grading');
        await page.getByTestId('grading-start').click({ timeout: 20_000 });
        await page.getByTestId('self-review-form').waitFor({ timeout: 20_000 });
        await page.getByTestId('self-strengths').fill(STRENGTHS);
        await page.getByTestId('self-shortcomings').fill('Có lúc chưa mạnh dạn phát biểu trong sinh hoạt chi bộ.');
        await page.getByTestId('self-remedies').fill('Chuẩn bị ý kiến trước mỗi kỳ sinh hoạt.');
        for (const [code, points] of Object.entries(SCORES)) await page.getByTestId(`self-score-${code}`).fill(points);
        await page.getByTestId('self-qualifiers').getByText('Hoàn thành đúng hạn tất cả các nhiệm vụ').click();
        await page.getByTestId('self-total').getByText('91').waitFor();
        await chooseOption(page, page.getByTestId('self-grade-select'), 'Hoàn thành tốt nhiệm vụ');
        await page.screenshot({ path: screenshotPath('grading-01-self-review-phone.png'), fullPage: true });
        await page.getByTestId('self-review-submit').click();
        await page.getByTestId('self-review-confirm').click();
        await page.getByTestId('grading-status').filter({ hasText: 'Đã tự kiểm điểm' }).first().waitFor({ timeout: 20_000 });
        const mine = (await (await page.request.get(`${app.baseUrl}/api/gradings/mine?year=${YEAR}`)).json()) as {
          grading: { status: string; person: { id: number; name: string } } | null;
        };
        expectText(mine.grading?.status ?? null, 'self_reviewed', 'the grading after sending');
        member = mine.grading!.person;
        await page.screenshot({ path: screenshotPath('grading-02-sent-phone.png'), fullPage: true });
        await page.context().close();
      },
    },
    {
      name: "the cell's secretary grades the member at the grade the rule proposes, with the cell's vote",
      run: async () => {
        const page = await newPage(context, false);
        await signIn(page, app.baseUrl, 'bithu.chibo');
        await openMemberGrading(page, member);
        await page.getByTestId('self-review-view').getByText(STRENGTHS).waitFor();
        await page.getByTestId('grading-grade').click();
        await page.getByTestId('grade-modal').waitFor();
        await chooseOption(page, page.getByTestId('grade-select'), 'Hoàn thành tốt nhiệm vụ');
        await page.getByTestId('grade-comment').fill('Chi bộ thống nhất với bản tự kiểm điểm của đồng chí.');
        await page.getByTestId('grade-votesFor').fill('11');
        await page.getByTestId('grade-votesAgainst').fill('0');
        await page.getByTestId('grade-votesAbstain').fill('1');
        await page.getByTestId('grade-form-submit').click();
        await waitAfterSubmit(page, page.getByTestId('grading-assessment'));
        await page.getByTestId('grading-status').filter({ hasText: 'Đã đánh giá' }).first().waitFor({ timeout: 20_000 });
        await page.screenshot({ path: screenshotPath('grading-03-graded.png'), fullPage: true });
        await page.context().close();
      },
    },
    {
      name: 'the commune decides, its distribution on the dashboard counts one more "tốt", the self-review downloads',
      run: async () => {
        const page = await newPage(context, false);
        await signIn(page, app.baseUrl, 'quantri.xa');
        goodBefore = await goodOnDashboard(page);
        await openMemberGrading(page, member);
        await page.getByTestId('grading-decide').click();
        await page.getByTestId('decide-modal').waitFor();
        await page.getByTestId('decide-form-submit').click();
        await page.getByTestId('decide-confirm').click();
        await page.getByTestId('grading-decision').waitFor({ timeout: 20_000 });
        await page.screenshot({ path: screenshotPath('grading-04-decided.png'), fullPage: true });
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('grading-document').click()]);
        const text = await docxText(await download.path());
        expectText(text, /BẢN KIỂM ĐIỂM/, 'the self-review document');
        expectText(text, STRENGTHS, 'the self-review document');
        await page.keyboard.press('Escape');
        await goodOnDashboard(page, goodBefore + 1);
        await page.getByTestId('grading-figures-card').screenshot({ path: screenshotPath('grading-05-dashboard.png') });
        await page.context().close();
      },
    },
  ];
}
