import { writeFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import type { Journey } from '../harness';
import {
  apiAs,
  clickUntil,
  confirmDialog,
  docxText,
  expectText,
  openFromPhoneMenu,
  screenshotPath,
  signIn,
  typeDate,
  waitAfterSubmit,
  type JourneyContext,
} from '../support';
import { tinyPng } from '../../test/helpers/tiny-files';
import { DEMO_COMMUNE_CODES } from '../../src/server/demo/demo-province';

const TITLE = 'Kiểm tra việc thực hiện chuẩn mực đạo đức và đăng ký làm theo năm nay';
const LATE_REMEDY = 'Rà soát, bổ sung chuẩn mực đạo đức cho khối cơ quan xã, gắn biển tại trụ sở.';
const LATER_REMEDY = 'Hướng dẫn đảng viên cụ thể hóa lại bản đăng ký làm theo, gắn với nhiệm vụ được giao.';
const CONCLUSION = 'Đảng ủy quan tâm lãnh đạo việc học tập và làm theo; còn hạn chế trong xây dựng chuẩn mực và chất lượng bản đăng ký.';
const REMINDER = 'Đề nghị Đảng ủy khẩn trương khắc phục việc quá hạn, báo cáo về Ủy ban Kiểm tra Tỉnh ủy.';
const REPORT = 'Chi bộ đã tổ chức cho 42 đảng viên rà soát, cụ thể hóa lại bản đăng ký làm theo; có biên bản kèm theo.';

/** A day counted from today, as the date pickers take it (dd/mm/yyyy). */
function day(offset: number): string {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  return `${String(date.getDate()).padStart(2, '0')}/${String(date.getMonth() + 1).padStart(2, '0')}/${date.getFullYear()}`;
}

async function newPage({ browser }: JourneyContext, phone: boolean): Promise<Page> {
  const context = await browser.newContext(
    phone
      ? { viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true }
      : { viewport: { width: 1366, height: 860 }, locale: 'vi-VN', acceptDownloads: true },
  );
  return context.newPage();
}

/** Clicks a drawer button and waits for its dialog. */
async function openDialog(page: Page, button: string, formId: string): Promise<Locator> {
  await page.getByTestId(button).click();
  const form = page.locator(`.ant-modal form#${formId}`);
  await form.waitFor({ timeout: 20_000 });
  return form;
}

/** Records one shortcoming with its remedy and deadline from the drawer. */
async function recordShortcoming(page: Page, content: string, text: string, remedy: string, dueOn: string, evidence?: string) {
  const form = await openDialog(page, 'inspection-record', 'finding-form');
  await form.getByTestId('finding-content').getByText(content).click();
  await form.getByTestId('finding-kind').getByText('Hạn chế, khuyết điểm').click();
  await form.getByTestId('finding-text').fill(text);
  await form.getByTestId('finding-remedy').fill(remedy);
  await typeDate(form.locator('input#dueOn'), dueOn);
  if (evidence) {
    await page.locator('.ant-modal input[type="file"]').setInputFiles(evidence);
    await page.locator('.ant-modal .ant-upload-list-item-done').first().waitFor({ timeout: 15_000 });
  }
  await page.getByTestId('finding-form-submit').click();
  await waitAfterSubmit(page, page.getByTestId('inspection-findings').getByText(text));
}

/** The remedies tab of the page, showing every state. */
async function openRemedies(page: Page) {
  await page.getByTestId('inspections-tab-remedies').click();
  await page.getByTestId('remedy-state-all').click();
  await page.getByTestId('remedies-table').waitFor({ timeout: 20_000 });
}

/** A remedy's row (or, on a phone, its card) in the remedies tab. */
const remedyRow = (page: Page, id: number) => page.getByTestId('remedies-table').locator(`[data-row-key="${id}"]`);

/**
 * Inspection and supervision: the province's inspection committee plans an inspection of a commune,
 * starts it asking for the commune's self-report, records two shortcomings (one already past its
 * deadline), concludes and downloads the conclusion notice; the commune's officer reports one
 * remedy with evidence on a phone; the committee accepts it; the other stays overdue, in red.
 */
export function inspectionsJourneys(context: JourneyContext): Journey[] {
  const { app } = context;
  let inspector: Page;
  let inspectionId = 0;
  const remedies = { late: 0, later: 0 };
  const communeCode = `DU${DEMO_COMMUNE_CODES[0]}`;
  return [
    {
      name: "the province's inspection committee plans an inspection of a commune and starts it",
      run: async () => {
        inspector = await newPage(context, false);
        await signIn(inspector, app.baseUrl, 'kiemtra.tinh');
        const [province] = (await (await inspector.request.get(`${app.baseUrl}/api/units/roots`)).json()) as Array<{ id: number }>;
        const children = (await (await inspector.request.get(`${app.baseUrl}/api/units/${province!.id}/children`)).json()) as Array<{
          code: string;
          name: string;
        }>;
        const commune = children.find((unit) => unit.code === `DU${DEMO_COMMUNE_CODES[0]}`)!;

        await inspector.getByTestId('nav-inspections').click();
        await inspector.getByTestId('inspections-tab-plan').click();
        await inspector.getByTestId('inspection-plan').click();
        const form = inspector.locator('.ant-modal form#inspection-form');
        await form.waitFor();
        await form.getByTestId('inspection-unit').click();
        await inspector.keyboard.type(commune.name.replace(/^Đảng ủy /, ''));
        await inspector
          .locator('.ant-select-dropdown:visible .ant-select-tree-treenode', { hasText: commune.name })
          .first()
          .click({ timeout: 20_000 });
        await form.getByTestId('inspection-title').fill(TITLE);
        await form.getByTestId('inspection-contents').getByText('Xây dựng, thực hiện chuẩn mực đạo đức').click();
        await form.getByTestId('inspection-contents').getByText('Đăng ký và thực hiện nội dung làm theo').click();
        await typeDate(form.locator('input#startsOn'), day(0));
        await typeDate(form.locator('input#endsOn'), day(3));
        await form.getByTestId('team-name-0').fill('Nguyễn Thị Thu Hà');
        await form.getByTestId('team-add').click();
        await form.getByTestId('team-name-1').fill('Phạm Văn Long');
        await inspector.screenshot({ path: screenshotPath('inspections-01-plan-form.png'), fullPage: true });
        await inspector.getByTestId('inspection-form-submit').click();
        const drawer = inspector.getByTestId('inspection-drawer');
        await waitAfterSubmit(inspector, drawer.getByTestId('inspection-start'));
        inspectionId = Number(new URL(inspector.url()).searchParams.get('inspection'));
        expectText(await drawer.getByTestId('inspection-summary').textContent(), commune.name, 'the inspected unit');
        expectText(await drawer.getByTestId('inspection-team').textContent(), 'Phạm Văn Long', 'the team');

        const start = await openDialog(inspector, 'inspection-start', 'inspection-start-form');
        await typeDate(start.locator('input#selfReportDeadline'), day(10));
        await inspector.getByTestId('inspection-start-form-submit').click();
        await waitAfterSubmit(inspector, drawer.getByTestId('inspection-record'));
        expectText(await drawer.getByTestId('inspection-status').first().textContent(), 'Đang tiến hành', 'the status once started');
        expectText(await drawer.getByTestId('inspection-self-report').textContent(), `Hạn gửi: ${day(10)}`, 'the self-report asked for');
      },
    },
    {
      name: 'the team records two shortcomings, one already past its deadline, concludes and downloads the notice',
      run: async () => {
        const evidence = screenshotPath('inspection-evidence.png');
        await writeFile(evidence, tinyPng());
        await recordShortcoming(
          inspector,
          'Xây dựng, thực hiện chuẩn mực đạo đức',
          'Khối cơ quan xã chưa xây dựng chuẩn mực đạo đức riêng.',
          LATE_REMEDY,
          day(-1),
          evidence,
        );
        await recordShortcoming(
          inspector,
          'Đăng ký và thực hiện nội dung làm theo',
          'Nhiều bản đăng ký làm theo còn chung chung.',
          LATER_REMEDY,
          day(30),
        );
        const drawer = inspector.getByTestId('inspection-drawer');
        expectText(await drawer.getByTestId('inspection-findings').textContent(), 'inspection-evidence.png', 'the evidence of a finding');
        await inspector.screenshot({ path: screenshotPath('inspections-02-findings.png'), fullPage: true });

        const conclude = await openDialog(inspector, 'inspection-conclude', 'inspection-conclude-form');
        await conclude.getByTestId('inspection-conclusion').fill(CONCLUSION);
        await conclude.getByTestId('inspection-seriousness').getByText('Có khuyết điểm, phải khắc phục').click();
        await conclude.getByTestId('inspection-number').fill('12-TB/UBKT');
        await inspector.getByTestId('inspection-conclude-form-submit').click();
        await waitAfterSubmit(inspector, drawer.getByTestId('inspection-document'));
        await drawer.getByTestId('inspection-remedies').getByText(LATE_REMEDY).waitFor();
        expectText(await drawer.getByTestId('inspection-conclusion-view').textContent(), '12-TB/UBKT', 'the notice number');

        const [download] = await Promise.all([inspector.waitForEvent('download'), drawer.getByTestId('inspection-document').click()]);
        const text = await docxText(await download.path());
        expectText(text, /THÔNG BÁO/, 'the conclusion notice');
        expectText(text, CONCLUSION, 'the conclusion in the notice');
        expectText(text, LATE_REMEDY, 'the remedies in the notice');

        const detail = (await (await inspector.request.get(`${app.baseUrl}/api/inspections/${inspectionId}`)).json()) as {
          remedyItems: Array<{ id: number; what: string; overdue: boolean }>;
        };
        remedies.late = detail.remedyItems.find((remedy) => remedy.what === LATE_REMEDY)!.id;
        remedies.later = detail.remedyItems.find((remedy) => remedy.what === LATER_REMEDY)!.id;
        await inspector.screenshot({ path: screenshotPath('inspections-03-concluded.png'), fullPage: true });
        // The next journey works on the tabs under the drawer: it must be closed, not closing.
        await clickUntil(drawer.locator('.ant-drawer-close'), drawer, 'hidden');
      },
    },
    {
      name: "the commune's officer reports one remedy with evidence on a phone",
      run: async () => {
        const officer = await newPage(context, true);
        await signIn(officer, app.baseUrl, 'canbo.xa');
        await openFromPhoneMenu(officer, 'nav-inspections');
        await openRemedies(officer);
        const late = remedyRow(officer, remedies.late);
        await late.waitFor({ timeout: 20_000 });
        expectText(await late.textContent(), 'Quá hạn', 'the remedy past its deadline, as the unit sees it');
        await officer.getByTestId(`remedy-report-${remedies.later}`).click();
        const form = officer.locator('.ant-modal form#remedy-report-form');
        await form.waitFor();
        await form.getByTestId('remedy-report-text').fill(REPORT);
        const evidence = screenshotPath('remedy-evidence.png');
        await writeFile(evidence, tinyPng());
        await officer.locator('.ant-modal input[type="file"]').setInputFiles(evidence);
        await officer.locator('.ant-modal .ant-upload-list-item-done').first().waitFor({ timeout: 15_000 });
        await officer.screenshot({ path: screenshotPath('inspections-04-report-phone.png'), fullPage: true });
        await officer.getByTestId('remedy-report-form-submit').click();
        const later = remedyRow(officer, remedies.later);
        await waitAfterSubmit(officer, later.getByText('Đã báo cáo khắc phục'));
        expectText(await later.textContent(), 'remedy-evidence.png', 'the evidence reported');
        await officer.screenshot({ path: screenshotPath('inspections-05-reported-phone.png'), fullPage: true });
        await officer.context().close();
      },
    },
    {
      name: 'the committee accepts the remedy; the other shows as overdue on the province’s remedies tab',
      run: async () => {
        await openRemedies(inspector);
        const later = remedyRow(inspector, remedies.later);
        await later.getByText(REPORT).waitFor({ timeout: 20_000 });
        await inspector.getByTestId(`remedy-accept-${remedies.later}`).click();
        await inspector.locator('.ant-modal form#remedy-accept-form').waitFor();
        await inspector.getByTestId('remedy-accept-text').fill('Đã khắc phục đạt yêu cầu.');
        await inspector.getByTestId('remedy-accept-form-submit').click();
        await waitAfterSubmit(inspector, later.getByText('Đã khắc phục xong'));

        const late = remedyRow(inspector, remedies.late);
        expectText(await late.textContent(), 'Quá hạn', 'the overdue remedy on the province’s tab');
        expectText(await late.getAttribute('class'), 'inspection-row-overdue', 'the overdue row is red');
        await inspector.getByTestId('remedy-state-overdue').click();
        await late.waitFor({ timeout: 20_000 });
        await later.waitFor({ state: 'detached', timeout: 20_000 });
        await inspector.screenshot({ path: screenshotPath('inspections-06-overdue.png'), fullPage: true });
      },
    },
    {
      name: 'the commune with the overdue remedy is on the province’s lagging list with that reason; the province records a reminder',
      run: async () => {
        await inspector.getByTestId('inspections-tab-lagging').click();
        const row = inspector.getByTestId(`lagging-row-${communeCode}`);
        await row.getByTestId('lagging-reason-remedies_overdue').waitFor({ timeout: 20_000 });
        await row.getByTestId('lagging-record-action').click();
        const form = inspector.locator('.ant-modal form#lagging-record-form');
        await form.waitFor();
        await form.getByTestId('lagging-record-kind-reminder').click();
        await form.getByTestId('lagging-record-note').fill(REMINDER);
        await inspector.getByTestId('lagging-record-form-submit').click();
        await waitAfterSubmit(inspector, row.getByTestId('lagging-last-action').getByText('Nhắc nhở'));
        await inspector.screenshot({ path: screenshotPath('inspections-07-lagging.png'), fullPage: true });
      },
    },
    {
      name: 'a commune with a low registration rate is listed with that reason and leaves the list once registrations are approved',
      run: async () => {
        const year = new Date().getFullYear();
        const api = await apiAs(context, 'kiemtra.tinh');
        const [root] = await api.get<Array<{ id: number }>>('/api/units/roots');
        const province = root!.id;
        const communes = await api.get<Array<{ id: number; code: string }>>(`/api/units/${province}/children`);
        const commune = communes.find((unit) => unit.code === communeCode)!.id;
        // The province's own thresholds: only the registration rate counts, set just above the commune's rate.
        const loose = {
          minStandardsRate: 0,
          minSignsRate: 0,
          minStudyRate: 0,
          minReportingRate: 0,
          maxOverdueFeedback: 10_000,
          maxDuplicateShare: 1,
          maxOverdueRemedies: 10_000,
        };
        await api.put('/api/lagging-thresholds', { unitId: province, thresholds: { ...loose, minRegistrationRate: 1 } });
        const lagging = await api.get<{ items: Array<{ unit: { code: string }; reasons: Array<{ code: string; value: number }> }> }>(
          `/api/lagging-units?unitId=${province}&year=${year}&pageSize=200`,
        );
        const rate = lagging.items
          .find((item) => item.unit.code === communeCode)!
          .reasons.find((reason) => reason.code === 'registration_rate')!.value;
        const figures = await api.get<{ figures: { members: number } }>(`/api/registration-figures?unitId=${commune}&year=${year}`);
        const members = figures.figures.members;
        const approved = Math.round(rate * members);
        await api.put('/api/lagging-thresholds', {
          unitId: province,
          thresholds: { ...loose, minRegistrationRate: (approved + 0.5) / members },
        });
        await api.close();

        await inspector.reload();
        const row = inspector.getByTestId(`lagging-row-${communeCode}`);
        await row.getByTestId('lagging-reason-registration_rate').waitFor({ timeout: 20_000 });
        expectText(await row.textContent(), 'Tỷ lệ', 'the reason in words');
        await inspector.screenshot({ path: screenshotPath('inspections-08-low-rate.png'), fullPage: true });

        const secretaryApi = await apiAs(context, 'bithu.chibo');
        const waiting = await secretaryApi.get<{ items: Array<{ id: number; personName: string | null }> }>(
          `/api/registrations?year=${year}&status=submitted&kind=individual&pageSize=50`,
        );
        await secretaryApi.close();
        const secretary = await newPage(context, false);
        await signIn(secretary, app.baseUrl, 'bithu.chibo');
        const registration = waiting.items.find((item) => item.personName)!;
        await secretary.getByTestId('nav-registrations').click();
        await secretary.getByTestId('tab-appraisal').click();
        await secretary.getByTestId('registrations-search').fill(registration.personName!);
        const listed = secretary.getByTestId(`registration-row-${registration.id}`);
        await listed.waitFor({ timeout: 20_000 });
        await secretary.waitForTimeout(600);
        await listed.click();
        await secretary.getByTestId('appraisal-drawer').waitFor({ timeout: 20_000 });
        await confirmDialog(secretary, secretary.getByTestId('appraisal-approve'));
        await secretary
          .locator('[data-testid="appraisal-drawer"] [data-testid="registration-status"][data-status="approved"]')
          .first()
          .waitFor({ timeout: 20_000 });
        await secretary.context().close();

        await inspector.reload();
        await inspector.getByTestId('lagging-tab').waitFor({ timeout: 20_000 });
        await row.waitFor({ state: 'detached', timeout: 20_000 });
        // The unit recovered; what the province did about it stays in its history.
        await inspector.getByTestId('lagging-include-recovered').click();
        await row.waitFor({ timeout: 20_000 });
        expectText(await row.getByTestId('lagging-last-action').textContent(), 'Nhắc nhở', 'the handling kept after recovery');
        await inspector.screenshot({ path: screenshotPath('inspections-09-recovered.png'), fullPage: true });
        await inspector.context().close();
      },
    },
  ];
}
