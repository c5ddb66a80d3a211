/**
 * Inspection and supervision end to end over HTTP, with real sessions: the province's inspection
 * committee plans an inspection of a commune, starts it asking for the commune's self-report,
 * records findings with evidence, concludes; each shortcoming becomes a remedy the commune reports
 * on, which the inspectors return or accept. The live counters, the rows, the conclusion notice
 * (DOCX) and the refusals are read back; another province, a sibling commune and the public pages
 * learn nothing of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { addUser, createUnitAsSystem, rootActor, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { closeUnit } from '../src/server/modules/units/units.service';
import { openSession, type Response, type Session } from './helpers/session';
import { tinyPdf, tinyPng } from './helpers/tiny-files';
import { todayIso, formatVietnameseDate } from '../src/server/platform/dates';
import type { InspectionDetail, InspectionFigures, InspectionFiguresAnswer, RemedyItem } from '../src/shared/contracts/inspections';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let otherProvince: { id: number; path: string };
let otherCommune: { id: number; path: string };
let inspector: Session;
let communeOfficer: Session;
let siblingOfficer: Session;
let foreignInspector: Session;
let foreignOfficer: Session;

const today = todayIso();
const year = Number(today.slice(0, 4));
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const soon = addDays(today, 30);
const later = addDays(today, 60);
const past = addDays(today, -10);

const FINDING_GOOD = 'Đảng ủy phường đã ban hành chuẩn mực đạo đức và gắn biển ở tất cả chi bộ trực thuộc.';
const FINDING_LATE_REPORTS = 'Báo cáo sơ kết 6 tháng gửi chậm 20 ngày so với thời hạn.';
const REMEDY_LATE_REPORTS = 'Phân công cán bộ theo dõi hạn gửi báo cáo, gửi đúng hạn từ quý tới.';
const FINDING_FEEDBACK = 'Ba phản ánh của nhân dân chưa được trả lời quá thời hạn.';
const REMEDY_FEEDBACK = 'Trả lời dứt điểm các phản ánh tồn đọng.';

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  otherProvince = await createUnitAsSystem(ctx.db, 'R2', 'Tỉnh ủy Bên cạnh', 'province_committee', null);
  otherCommune = await createUnitAsSystem(ctx.db, 'D', 'Đảng ủy xã Hòa Thuận', 'commune_committee', otherProvince.id);
  await addUser(ctx.db, 'kiemtra.r', [{ unitId: tree.R.id, role: 'inspector' }], 'Ủy ban Kiểm tra Tỉnh ủy');
  await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }], 'Văn phòng Đảng ủy phường An Bình');
  await addUser(ctx.db, 'canbo.b', [{ unitId: tree.B.id, role: 'officer' }]);
  await addUser(ctx.db, 'kiemtra.r2', [{ unitId: otherProvince.id, role: 'inspector' }]);
  await addUser(ctx.db, 'canbo.r2', [{ unitId: otherProvince.id, role: 'officer' }]);
  inspector = await openSession(ctx.app, 'kiemtra.r');
  communeOfficer = await openSession(ctx.app, 'canbo.a');
  siblingOfficer = await openSession(ctx.app, 'canbo.b');
  foreignInspector = await openSession(ctx.app, 'kiemtra.r2');
  foreignOfficer = await openSession(ctx.app, 'canbo.r2');
});
afterAll(() => ctx.close());

function ok<T>(response: Response, status = 200): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

function refused(response: Response, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json().error.code).toBe(code);
}

async function figuresOf(unitId: number, session = inspector): Promise<InspectionFiguresAnswer> {
  return ok<InspectionFiguresAnswer>(await session.get(`/api/inspection-figures?unitId=${unitId}&year=${year}`));
}
const figuresOfChild = (answer: InspectionFiguresAnswer, unitId: number): InspectionFigures =>
  answer.children.find((child) => child.unit.id === unitId)!.figures;

async function inspectionRow(id: number) {
  const rows = await ctx.db.execute<{ status: string; version: number; conclusion: string | null; cancel_reason: string | null }>(
    sql`SELECT status, version, conclusion, cancel_reason FROM inspections WHERE id = ${id}`,
  );
  return rows.rows[0]!;
}
const count = async (query: ReturnType<typeof sql>) => Number((await ctx.db.execute<{ n: number }>(query)).rows[0]!.n);

const planBody = (overrides: Record<string, unknown> = {}) => ({
  ownerUnitId: tree.R.id,
  unitId: tree.A.id,
  year,
  kind: 'inspection',
  title: 'Kiểm tra việc thực hiện Chỉ thị 05-CT/TW năm nay',
  contents: ['standards', 'reports', 'feedback'],
  startsOn: `${year}-03-02`,
  endsOn: `${year}-03-06`,
  team: [
    { name: 'Trần Văn Kiểm', role: 'Trưởng đoàn' },
    { name: 'Lê Thị Soát', role: 'Thành viên' },
  ],
  note: 'Đoàn làm việc tại trụ sở Đảng ủy phường.',
  ...overrides,
});

async function uploadTo(session: Session, unitId: number, purpose: string, fileName: string, content: Buffer, contentType: string) {
  return session.upload(`/api/files?unitId=${unitId}&purpose=${purpose}`, { fileName, content, contentType });
}

let inspection: InspectionDetail;
let evidenceId: number;
let remedyOnTime: RemedyItem;
let remedyOverdue: RemedyItem;

describe('an inspection of a commune, from plan to remedies', () => {
  it('the province inspector plans an inspection of a commune below: 201, in the plan list, planned +1', async () => {
    const before = await figuresOf(tree.R.id);
    inspection = ok<InspectionDetail>(await inspector.send('POST', '/api/inspections', planBody()), 201);
    expect(inspection).toMatchObject({
      status: 'planned',
      version: 1,
      owner: { id: tree.R.id },
      unit: { id: tree.A.id, name: 'Đảng ủy phường An Bình' },
      can: { edit: true, start: true, record: false, conclude: false, cancel: true },
    });
    expect(inspection.history.map((event) => event.action)).toEqual(['plan']);
    const plan = ok<{ items: Array<{ id: number; status: string }>; total: number; canPlan: boolean }>(
      await inspector.get(`/api/inspections?unitId=${tree.R.id}&year=${year}`),
    );
    expect(plan.items.map((item) => [item.id, item.status])).toEqual([[inspection.id, 'planned']]);
    expect(plan.canPlan).toBe(true);
    const searched = ok<{ total: number }>(await inspector.get(`/api/inspections?unitId=${tree.R.id}&year=${year}&q=an binh`));
    expect(searched.total).toBe(1);
    const after = await figuresOf(tree.R.id);
    expect(after.figures.planned).toBe(before.figures.planned + 1);
    expect(figuresOfChild(after, tree.A.id).planned).toBe(1);
    expect(figuresOfChild(after, tree.B.id).planned).toBe(0);
    // The commune reads the inspections of itself, but cannot plan.
    const inspected = ok<{ items: Array<{ id: number }>; canPlan: boolean }>(
      await communeOfficer.get(`/api/inspections?unitId=${tree.A.id}&year=${year}&view=inspected`),
    );
    expect(inspected.items.map((item) => item.id)).toEqual([inspection.id]);
    expect(inspected.canPlan).toBe(false);
  });

  it('planning a unit that is not below the owner is refused, and nothing is written', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM inspections`);
    refused(
      await inspector.send('POST', '/api/inspections', planBody({ ownerUnitId: tree.A.id, unitId: tree.B.id })),
      400,
      'VALIDATION_FAILED',
    );
    refused(
      await inspector.send('POST', '/api/inspections', planBody({ ownerUnitId: tree.A.id, unitId: tree.A.id })),
      400,
      'VALIDATION_FAILED',
    );
    refused(await inspector.send('POST', '/api/inspections', planBody({ unitId: otherCommune.id })), 400, 'VALIDATION_FAILED');
    refused(await inspector.send('POST', '/api/inspections', planBody({ startsOn: `${year}-03-09` })), 400, 'VALIDATION_FAILED');
    expect(await count(sql`SELECT count(*)::int AS n FROM inspections`)).toBe(before);
  });

  it('a unit that has closed is not planned for', async () => {
    const closing = await createUnitAsSystem(ctx.db, 'AX', 'Chi bộ đã giải thể', 'cell', tree.A.id);
    await closeUnit(ctx.db, rootActor(tree.R.path), closing.id, { version: closing.version });
    const before = await count(sql`SELECT count(*)::int AS n FROM inspections`);
    refused(await inspector.send('POST', '/api/inspections', planBody({ unitId: closing.id })), 409, 'INVALID_STATE');
    expect(await count(sql`SELECT count(*)::int AS n FROM inspections`)).toBe(before);
  });

  it('a commune officer cannot plan', async () => {
    refused(
      await communeOfficer.send('POST', '/api/inspections', planBody({ ownerUnitId: tree.A.id, unitId: tree.C1.id })),
      403,
      'FORBIDDEN',
    );
  });

  it('findings are refused while the inspection is only planned', async () => {
    const response = await inspector.send('POST', `/api/inspections/${inspection.id}/findings`, {
      version: inspection.version,
      finding: { content: 'standards', kind: 'good', text: FINDING_GOOD },
    });
    refused(response, 409, 'INVALID_TRANSITION');
    expect(await count(sql`SELECT count(*)::int AS n FROM inspection_findings`)).toBe(0);
  });

  it('a stale version is refused and changes nothing', async () => {
    refused(
      await inspector.send('POST', `/api/inspections/${inspection.id}/start`, {
        version: inspection.version + 1,
        selfReportDeadline: soon,
      }),
      409,
      'VERSION_CONFLICT',
    );
    expect(await inspectionRow(inspection.id)).toMatchObject({ status: 'planned', version: 1 });
    expect(await count(sql`SELECT count(*)::int AS n FROM report_requests`)).toBe(0);
  });

  it('starting with a self-report deadline asks exactly that commune, which sees it in its report inbox', async () => {
    inspection = ok<InspectionDetail>(
      await inspector.send('POST', `/api/inspections/${inspection.id}/start`, { version: inspection.version, selfReportDeadline: soon }),
    );
    expect(inspection).toMatchObject({ status: 'in_progress', can: { record: true, conclude: true, start: false } });
    expect(inspection.selfReport).toMatchObject({ deadline: soon });
    const requests = await ctx.db.execute<{ id: number; unit_id: number; audience: string; deadline: string; title: string }>(
      sql`SELECT id, unit_id, audience, deadline::text AS deadline, title FROM report_requests`,
    );
    expect(requests.rows).toHaveLength(1);
    const request = requests.rows[0]!;
    expect(Number(request.id)).toBe(inspection.selfReport!.requestId);
    expect(Number(request.unit_id)).toBe(tree.R.id);
    expect(request.deadline).toBe(soon);
    expect(request.title).toContain(inspection.title);
    const answers = await ctx.db.execute<{ unit_id: number; status: string }>(
      sql`SELECT unit_id, status FROM report_answers WHERE request_id = ${request.id}`,
    );
    expect(answers.rows.map((row) => [Number(row.unit_id), row.status])).toEqual([[tree.A.id, 'not_started']]);
    const inbox = ok<{ items: Array<{ id: number; requestId: number; title: string; deadline: string; unit: { id: number } }> }>(
      await communeOfficer.get(`/api/report-inbox?unitId=${tree.A.id}`),
    );
    expect(inbox.items.map((item) => [item.requestId, item.unit.id, item.deadline])).toEqual([[Number(request.id), tree.A.id, soon]]);
    expect(inbox.items[0]!.title).toContain('Báo cáo tự kiểm tra');
    const answer = ok<{ status: string; unit: { id: number } }>(await communeOfficer.get(`/api/report-answers/${inbox.items[0]!.id}`));
    expect(answer.unit.id).toBe(tree.A.id);
    // The sibling commune was not asked.
    expect(ok<{ items: unknown[] }>(await siblingOfficer.get(`/api/report-inbox?unitId=${tree.B.id}`)).items).toEqual([]);
  });

  it('starting again is a wrong step', async () => {
    refused(
      await inspector.send('POST', `/api/inspections/${inspection.id}/start`, { version: inspection.version }),
      409,
      'INVALID_TRANSITION',
    );
    expect((await inspectionRow(inspection.id)).version).toBe(inspection.version);
  });

  it('the inspector uploads evidence on the inspected unit and records findings with it', async () => {
    const upload = await uploadTo(inspector, tree.A.id, 'inspection_finding', 'bien-ban-lam-viec.pdf', tinyPdf(), 'application/pdf');
    evidenceId = ok<{ id: number }>(upload, 201).id;
    inspection = ok<InspectionDetail>(
      await inspector.send('POST', `/api/inspections/${inspection.id}/findings`, {
        version: inspection.version,
        finding: { content: 'standards', kind: 'good', text: FINDING_GOOD, fileIds: [evidenceId] },
      }),
    );
    for (const [content, text, remedy, dueOn] of [
      ['reports', FINDING_LATE_REPORTS, REMEDY_LATE_REPORTS, soon],
      ['feedback', FINDING_FEEDBACK, REMEDY_FEEDBACK, past],
      ['study', 'Ghi nhầm để xóa.', 'Không cần.', later],
    ] as const) {
      inspection = ok<InspectionDetail>(
        await inspector.send('POST', `/api/inspections/${inspection.id}/findings`, {
          version: inspection.version,
          finding: { content, kind: 'shortcoming', text, remedy, dueOn },
        }),
      );
    }
    expect(inspection.findingItems.map((finding) => [finding.kind, finding.content])).toEqual([
      ['good', 'standards'],
      ['shortcoming', 'reports'],
      ['shortcoming', 'feedback'],
      ['shortcoming', 'study'],
    ]);
    expect(inspection.findingItems[0]!.files.map((file) => file.id)).toEqual([evidenceId]);
    const attached = await ctx.db.execute<{ owner_type: string; owner_id: number }>(
      sql`SELECT owner_type, owner_id FROM stored_files WHERE id = ${evidenceId}`,
    );
    expect(attached.rows[0]).toMatchObject({ owner_type: 'inspection_finding' });
    expect(Number(attached.rows[0]!.owner_id)).toBe(inspection.findingItems[0]!.id);
    // The inspected commune reads the evidence; a sibling commune does not.
    expect((await communeOfficer.get(`/api/files/${evidenceId}`)).statusCode).toBe(200);
    expect((await siblingOfficer.get(`/api/files/${evidenceId}`)).statusCode).toBe(403);
  });

  it('a shortcoming without its remedy or due date is refused, and nothing is written', async () => {
    const findings = await count(sql`SELECT count(*)::int AS n FROM inspection_findings`);
    for (const finding of [
      { content: 'study', kind: 'shortcoming', text: 'Chưa học chuyên đề.' },
      { content: 'study', kind: 'shortcoming', text: 'Chưa học chuyên đề.', remedy: 'Tổ chức học bù.' },
      { content: 'study', kind: 'shortcoming', text: 'Chưa học chuyên đề.', dueOn: soon },
    ]) {
      refused(
        await inspector.send('POST', `/api/inspections/${inspection.id}/findings`, { version: inspection.version, finding }),
        400,
        'VALIDATION_FAILED',
      );
    }
    expect(await count(sql`SELECT count(*)::int AS n FROM inspection_findings`)).toBe(findings);
    expect((await inspectionRow(inspection.id)).version).toBe(inspection.version);
  });

  it('a finding is updated and another deleted while the inspection is in progress', async () => {
    const second = inspection.findingItems[1]!;
    inspection = ok<InspectionDetail>(
      await inspector.send('PUT', `/api/inspections/${inspection.id}/findings/${second.id}`, {
        version: inspection.version,
        finding: {
          content: 'reports',
          kind: 'shortcoming',
          text: `${FINDING_LATE_REPORTS} (đã xác minh)`,
          remedy: REMEDY_LATE_REPORTS,
          dueOn: soon,
        },
      }),
    );
    expect(inspection.findingItems[1]!.text).toBe(`${FINDING_LATE_REPORTS} (đã xác minh)`);
    const stale = await inspector.send(
      'DELETE',
      `/api/inspections/${inspection.id}/findings/${inspection.findingItems[3]!.id}?version=${inspection.version - 1}`,
    );
    refused(stale, 409, 'VERSION_CONFLICT');
    inspection = ok<InspectionDetail>(
      await inspector.send(
        'DELETE',
        `/api/inspections/${inspection.id}/findings/${inspection.findingItems[3]!.id}?version=${inspection.version}`,
      ),
    );
    expect(inspection.findingItems).toHaveLength(3);
    expect(await count(sql`SELECT count(*)::int AS n FROM inspection_findings WHERE text = 'Ghi nhầm để xóa.'`)).toBe(0);
  });

  it('before the conclusion there is no conclusion notice', async () => {
    refused(await inspector.get(`/api/inspections/${inspection.id}/document`), 409, 'INVALID_STATE');
  });

  it('a commune officer cannot conclude; a stale version concludes nothing', async () => {
    const body = { version: inspection.version, conclusion: 'Kết luận.', seriousness: 'minor' };
    refused(await communeOfficer.send('POST', `/api/inspections/${inspection.id}/conclude`, body), 403, 'FORBIDDEN');
    refused(
      await inspector.send('POST', `/api/inspections/${inspection.id}/conclude`, { ...body, version: inspection.version - 1 }),
      409,
      'VERSION_CONFLICT',
    );
    expect(await inspectionRow(inspection.id)).toMatchObject({ status: 'in_progress', conclusion: null });
    expect(await count(sql`SELECT count(*)::int AS n FROM inspection_remedies`)).toBe(0);
  });

  it('concluding makes one remedy per shortcoming and moves the done, findings, shortcomings and remedies counters', async () => {
    const before = await figuresOf(tree.R.id);
    inspection = ok<InspectionDetail>(
      await inspector.send('POST', `/api/inspections/${inspection.id}/conclude`, {
        version: inspection.version,
        conclusion: 'Đảng ủy phường An Bình thực hiện cơ bản tốt Chỉ thị 05-CT/TW.\nCần khắc phục ngay các hạn chế về báo cáo và phản ánh.',
        seriousness: 'minor',
        number: '12-TB/UBKTTU',
      }),
    );
    expect(inspection).toMatchObject({
      status: 'concluded',
      seriousness: 'minor',
      number: '12-TB/UBKTTU',
      can: { record: false, conclude: false },
    });
    const remedies = await ctx.db.execute<{ finding_id: number; unit_id: number; what: string; due_on: string; status: string }>(
      sql`SELECT finding_id, unit_id, what, due_on::text AS due_on, status FROM inspection_remedies WHERE inspection_id = ${inspection.id} ORDER BY id`,
    );
    expect(remedies.rows.map((row) => [Number(row.finding_id), Number(row.unit_id), row.what, row.due_on, row.status])).toEqual([
      [inspection.findingItems[1]!.id, tree.A.id, REMEDY_LATE_REPORTS, soon, 'open'],
      [inspection.findingItems[2]!.id, tree.A.id, REMEDY_FEEDBACK, past, 'open'],
    ]);
    [remedyOnTime, remedyOverdue] = inspection.remedyItems as [RemedyItem, RemedyItem];
    expect(remedyOnTime).toMatchObject({ status: 'open', overdue: false });
    expect(remedyOverdue).toMatchObject({ status: 'open', overdue: true });
    const after = await figuresOf(tree.R.id);
    expect(after.figures.done - before.figures.done).toBe(1);
    expect(after.figures.findings - before.figures.findings).toBe(3);
    expect(after.figures.shortcomings - before.figures.shortcomings).toBe(2);
    expect(after.figures.remedies - before.figures.remedies).toBe(2);
    expect(after.figures.planned).toBe(before.figures.planned);
    expect(after.figures.remediesOverdue).toBe(1);
    expect(figuresOfChild(after, tree.A.id)).toMatchObject({ done: 1, findings: 3, shortcomings: 2, remedies: 2, remediesOverdue: 1 });
    expect(figuresOfChild(after, tree.B.id)).toMatchObject({ done: 0, remedies: 0, remediesOverdue: 0 });
    // The commune reads the same counters for itself.
    expect((await figuresOf(tree.A.id, communeOfficer)).figures).toMatchObject({ remedies: 2, remediesOverdue: 1 });
  });

  it('findings are closed once concluded', async () => {
    const finding = inspection.findingItems[0]!;
    const body = { version: inspection.version, finding: { content: 'standards', kind: 'good', text: 'Thêm.' } };
    refused(await inspector.send('POST', `/api/inspections/${inspection.id}/findings`, body), 409, 'INVALID_TRANSITION');
    refused(await inspector.send('PUT', `/api/inspections/${inspection.id}/findings/${finding.id}`, body), 409, 'INVALID_TRANSITION');
    refused(
      await inspector.send('DELETE', `/api/inspections/${inspection.id}/findings/${finding.id}?version=${inspection.version}`),
      409,
      'INVALID_TRANSITION',
    );
    refused(
      await inspector.send('POST', `/api/inspections/${inspection.id}/cancel`, { version: inspection.version, reason: 'Thử hủy.' }),
      409,
      'INVALID_TRANSITION',
    );
    expect((await inspectionRow(inspection.id)).version).toBe(inspection.version);
  });

  it('the conclusion notice reads back with its title, the findings and the remedies with their deadlines', async () => {
    const response = await inspector.get(`/api/inspections/${inspection.id}/document`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain('.docx');
    const xml = await (await JSZip.loadAsync(response.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('KẾT LUẬN KIỂM TRA');
    expect(text).toContain('ĐẢNG ỦY PHƯỜNG AN BÌNH');
    expect(text).toContain('12-TB/UBKTTU');
    expect(text).toContain(FINDING_GOOD);
    expect(text).toContain(`${FINDING_LATE_REPORTS} (đã xác minh)`);
    expect(text).toContain(FINDING_FEEDBACK);
    expect(text).toContain(`${REMEDY_LATE_REPORTS} Thời hạn hoàn thành: ${formatVietnameseDate(soon)}`);
    expect(text).toContain(`${REMEDY_FEEDBACK} Thời hạn hoàn thành: ${formatVietnameseDate(past)}`);
    expect(text).toContain('Trần Văn Kiểm (Trưởng đoàn)');
    expect(text).not.toContain('Ghi nhầm để xóa.');
    // The inspected commune reads its own notice.
    expect((await communeOfficer.get(`/api/inspections/${inspection.id}/document`)).statusCode).toBe(200);
  });

  it('an overdue remedy is listed as overdue for the commune and the province', async () => {
    const overdue = ok<{ items: RemedyItem[]; total: number }>(
      await communeOfficer.get(`/api/remedies?unitId=${tree.A.id}&year=${year}&state=overdue`),
    );
    expect(overdue.items.map((item) => [item.id, item.overdue])).toEqual([[remedyOverdue.id, true]]);
    expect(overdue.items[0]).toMatchObject({ finding: FINDING_FEEDBACK, can: { report: true, review: false } });
    const owed = ok<{ items: RemedyItem[] }>(await inspector.get(`/api/remedies?unitId=${tree.R.id}&year=${year}&state=overdue`));
    expect(owed.items.map((item) => item.id)).toEqual([remedyOverdue.id]);
    const pending = ok<{ total: number }>(await communeOfficer.get(`/api/remedies?unitId=${tree.A.id}&year=${year}&state=pending`));
    expect(pending.total).toBe(2);
  });

  it('an inspector cannot report a remedy; the commune cannot accept or return its own', async () => {
    const body = { version: remedyOnTime.version, report: 'Đã khắc phục.', fileIds: [] };
    refused(await inspector.send('POST', `/api/remedies/${remedyOnTime.id}/report`, body), 403, 'FORBIDDEN');
    refused(
      await communeOfficer.send('POST', `/api/remedies/${remedyOnTime.id}/accept`, { version: remedyOnTime.version }),
      403,
      'FORBIDDEN',
    );
    refused(
      await communeOfficer.send('POST', `/api/remedies/${remedyOnTime.id}/return`, { version: remedyOnTime.version, reason: 'Không.' }),
      403,
      'FORBIDDEN',
    );
    // Nothing reported yet: accepting is a wrong step.
    refused(
      await inspector.send('POST', `/api/remedies/${remedyOnTime.id}/accept`, { version: remedyOnTime.version }),
      409,
      'INVALID_TRANSITION',
    );
  });

  it('the commune reports with evidence, the inspector returns it with a reason, the commune reports again, the inspector accepts', async () => {
    const upload = await uploadTo(communeOfficer, tree.A.id, 'remedy', 'so-theo-doi-bao-cao.png', tinyPng(), 'image/png');
    const fileId = ok<{ id: number }>(upload, 201).id;
    let remedy = ok<RemedyItem>(
      await communeOfficer.send('POST', `/api/remedies/${remedyOnTime.id}/report`, {
        version: remedyOnTime.version,
        report: 'Đã phân công đồng chí Chánh Văn phòng theo dõi hạn gửi báo cáo.',
        fileIds: [fileId],
      }),
    );
    expect(remedy).toMatchObject({ status: 'reported', files: [{ id: fileId }], can: { report: false } });
    const attached = await ctx.db.execute<{ owner_type: string; owner_id: number }>(
      sql`SELECT owner_type, owner_id FROM stored_files WHERE id = ${fileId}`,
    );
    expect(attached.rows[0]!.owner_type).toBe('remedy');
    expect(Number(attached.rows[0]!.owner_id)).toBe(remedyOnTime.id);
    // Returning needs a reason.
    refused(
      await inspector.send('POST', `/api/remedies/${remedy.id}/return`, { version: remedy.version, reason: '' }),
      400,
      'VALIDATION_FAILED',
    );
    remedy = ok<RemedyItem>(
      await inspector.send('POST', `/api/remedies/${remedy.id}/return`, {
        version: remedy.version,
        reason: 'Cần kèm sổ theo dõi có chữ ký.',
      }),
    );
    expect(remedy).toMatchObject({ status: 'returned', returnReason: 'Cần kèm sổ theo dõi có chữ ký.' });
    const seen = ok<InspectionDetail>(await communeOfficer.get(`/api/inspections/${inspection.id}`));
    expect(seen.remedyItems.find((item) => item.id === remedy.id)).toMatchObject({ status: 'returned', can: { report: true } });
    // A stale version is refused and changes nothing.
    refused(
      await communeOfficer.send('POST', `/api/remedies/${remedy.id}/report`, {
        version: remedy.version - 1,
        report: 'Lần hai.',
        fileIds: [fileId],
      }),
      409,
      'VERSION_CONFLICT',
    );
    const stored = await ctx.db.execute<{ status: string; version: number }>(
      sql`SELECT status, version FROM inspection_remedies WHERE id = ${remedy.id}`,
    );
    expect(stored.rows[0]).toMatchObject({ status: 'returned', version: remedy.version });
    remedy = ok<RemedyItem>(
      await communeOfficer.send('POST', `/api/remedies/${remedy.id}/report`, {
        version: remedy.version,
        report: 'Đã bổ sung sổ theo dõi có chữ ký của Bí thư.',
        fileIds: [fileId],
      }),
    );
    expect(remedy).toMatchObject({ status: 'reported', returnReason: null });
    const before = await figuresOf(tree.R.id);
    remedy = ok<RemedyItem>(
      await inspector.send('POST', `/api/remedies/${remedy.id}/accept`, { version: remedy.version, note: 'Đạt yêu cầu.' }),
    );
    expect(remedy).toMatchObject({ status: 'closed', closeNote: 'Đạt yêu cầu.', overdue: false });
    expect(remedy.closedAt).not.toBeNull();
    const after = await figuresOf(tree.R.id);
    expect(after.figures.remediesClosed - before.figures.remediesClosed).toBe(1);
    expect(after.figures.remediesClosedOnTime - before.figures.remediesClosedOnTime).toBe(1);
    expect(figuresOfChild(after, tree.A.id)).toMatchObject({ remediesClosed: 1, remediesClosedOnTime: 1 });
    const history = ok<InspectionDetail>(await inspector.get(`/api/inspections/${inspection.id}`)).history;
    expect(history.filter((event) => event.remedyId === remedy.id).map((event) => event.action)).toEqual([
      'remedy.report',
      'remedy.return',
      'remedy.report',
      'remedy.accept',
    ]);
    const closed = ok<{ items: RemedyItem[] }>(await communeOfficer.get(`/api/remedies?unitId=${tree.A.id}&year=${year}&state=closed`));
    expect(closed.items.map((item) => item.id)).toEqual([remedy.id]);
  });

  it('a remedy reported after its deadline closes, but not on time; it is no longer overdue', async () => {
    const reported = ok<RemedyItem>(
      await communeOfficer.send('POST', `/api/remedies/${remedyOverdue.id}/report`, {
        version: remedyOverdue.version,
        report: 'Đã trả lời ba phản ánh.',
      }),
    );
    expect(reported.overdue).toBe(false);
    expect((await figuresOf(tree.R.id)).figures.remediesOverdue).toBe(0);
    const before = await figuresOf(tree.R.id);
    ok<RemedyItem>(await inspector.send('POST', `/api/remedies/${remedyOverdue.id}/accept`, { version: reported.version }));
    const after = await figuresOf(tree.R.id);
    expect(after.figures.remediesClosed - before.figures.remediesClosed).toBe(1);
    expect(after.figures.remediesClosedOnTime).toBe(before.figures.remediesClosedOnTime);
    const audit = await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type IN ('inspection', 'inspection_remedy')`);
    expect(audit).toBeGreaterThanOrEqual(14);
  });
});

describe('an inspection that is not carried out', () => {
  let other: InspectionDetail;

  it('concluding without a finding is refused; cancelling needs a reason and takes the planned counter back', async () => {
    const start = await figuresOf(tree.R.id);
    other = ok<InspectionDetail>(
      await inspector.send(
        'POST',
        '/api/inspections',
        planBody({ unitId: tree.B.id, kind: 'supervision', title: 'Giám sát việc học tập chuyên đề' }),
      ),
      201,
    );
    expect((await figuresOf(tree.R.id)).figures.planned).toBe(start.figures.planned + 1);
    other = ok<InspectionDetail>(await inspector.send('POST', `/api/inspections/${other.id}/start`, { version: other.version }));
    expect(other.selfReport).toBeNull();
    const conclude = { version: other.version, conclusion: 'Chưa có gì.', seriousness: 'good' };
    refused(await inspector.send('POST', `/api/inspections/${other.id}/conclude`, conclude), 400, 'VALIDATION_FAILED');
    expect(await inspectionRow(other.id)).toMatchObject({ status: 'in_progress', version: other.version, conclusion: null });
    refused(
      await inspector.send('POST', `/api/inspections/${other.id}/cancel`, { version: other.version, reason: '' }),
      400,
      'VALIDATION_FAILED',
    );
    other = ok<InspectionDetail>(
      await inspector.send('POST', `/api/inspections/${other.id}/cancel`, { version: other.version, reason: 'Trùng lịch Đại hội.' }),
    );
    expect(other).toMatchObject({ status: 'cancelled', cancelReason: 'Trùng lịch Đại hội.' });
    expect(other.history.at(-1)).toMatchObject({ action: 'cancel', reason: 'Trùng lịch Đại hội.', toStatus: 'cancelled' });
    const after = await figuresOf(tree.R.id);
    expect(after.figures.planned).toBe(start.figures.planned);
    expect(figuresOfChild(after, tree.B.id).planned).toBe(0);
    expect(after.figures.done).toBe(start.figures.done);
    refused(await inspector.send('POST', `/api/inspections/${other.id}/start`, { version: other.version }), 409, 'INVALID_TRANSITION');
    refused(
      await inspector.send('PUT', `/api/inspections/${other.id}`, { ...planBody(), version: other.version }),
      409,
      'INVALID_TRANSITION',
    );
  });

  it('a planned inspection is edited by its inspector', async () => {
    let planned = ok<InspectionDetail>(await inspector.send('POST', '/api/inspections', planBody({ unitId: tree.B.id })), 201);
    const {
      ownerUnitId: _owner,
      unitId: _unit,
      year: _year,
      ...fields
    } = planBody({ title: 'Kiểm tra việc tiếp nhận phản ánh', contents: ['feedback'] });
    planned = ok<InspectionDetail>(await inspector.send('PUT', `/api/inspections/${planned.id}`, { ...fields, version: planned.version }));
    expect(planned).toMatchObject({ title: 'Kiểm tra việc tiếp nhận phản ánh', contents: ['feedback'], version: 2, status: 'planned' });
    refused(
      await inspector.send('PUT', `/api/inspections/${planned.id}`, {
        ...fields,
        startsOn: `${year + 1}-01-05`,
        endsOn: `${year + 1}-01-06`,
        version: planned.version,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await inspectionRow(planned.id)).version).toBe(2);
  });
});

describe('who reads and acts on it', () => {
  const routesOf = () => {
    const id = inspection.id;
    const finding = inspection.findingItems[0]!.id;
    const remedy = remedyOnTime.id;
    const version = { version: 1 };
    return {
      reads: [
        `/api/inspections/${id}`,
        `/api/inspections/${id}/document`,
        `/api/inspections?unitId=${tree.A.id}&year=${year}&view=inspected`,
        `/api/inspections?unitId=${tree.R.id}&year=${year}`,
        `/api/remedies?unitId=${tree.A.id}&year=${year}`,
        `/api/remedies?unitId=${tree.R.id}&year=${year}`,
        `/api/inspection-figures?unitId=${tree.A.id}&year=${year}`,
        `/api/inspection-figures?unitId=${tree.R.id}&year=${year}`,
      ],
      writes: [
        ['PUT', `/api/inspections/${id}`, { ...planBody(), ...version }],
        ['POST', `/api/inspections/${id}/start`, version],
        ['POST', `/api/inspections/${id}/findings`, { ...version, finding: { content: 'study', kind: 'good', text: 'Tốt.' } }],
        ['PUT', `/api/inspections/${id}/findings/${finding}`, { ...version, finding: { content: 'study', kind: 'good', text: 'Tốt.' } }],
        ['DELETE', `/api/inspections/${id}/findings/${finding}?version=1`, undefined],
        ['POST', `/api/inspections/${id}/conclude`, { ...version, conclusion: 'Kết luận.', seriousness: 'good' }],
        ['POST', `/api/inspections/${id}/cancel`, { ...version, reason: 'Hủy.' }],
        ['POST', `/api/remedies/${remedy}/report`, { ...version, report: 'Đã làm.' }],
        ['POST', `/api/remedies/${remedy}/accept`, version],
        ['POST', `/api/remedies/${remedy}/return`, { ...version, reason: 'Chưa đạt.' }],
        ['POST', '/api/inspections', planBody()],
      ] as Array<['POST' | 'PUT' | 'DELETE', string, unknown]>,
    };
  };

  it('an inspector or an officer of another province is refused on every route for this inspection', async () => {
    const { reads, writes } = routesOf();
    for (const session of [foreignInspector, foreignOfficer]) {
      for (const url of reads) expect((await session.get(url)).statusCode, `${session.username} GET ${url}`).toBe(403);
      for (const [method, url, body] of writes) {
        const response = await session.send(method, url, body);
        expect(response.statusCode, `${session.username} ${method} ${url}: ${response.body}`).toBe(403);
      }
    }
    const files = ok<InspectionDetail>(await inspector.get(`/api/inspections/${inspection.id}`)).findingItems[0]!.files;
    for (const session of [foreignInspector, foreignOfficer])
      expect((await session.get(`/api/files/${files[0]!.id}`)).statusCode).toBe(403);
    // Their own province's lists answer without this inspection.
    const own = ok<{ items: unknown[] }>(
      await foreignInspector.get(`/api/inspections?unitId=${otherProvince.id}&year=${year}&view=inspected`),
    );
    expect(own.items).toEqual([]);
  });

  it('a sibling commune reads neither the inspection nor its remedies', async () => {
    for (const url of [
      `/api/inspections/${inspection.id}`,
      `/api/inspections/${inspection.id}/document`,
      `/api/remedies?unitId=${tree.A.id}&year=${year}`,
      `/api/inspections?unitId=${tree.A.id}&year=${year}&view=inspected`,
    ]) {
      expect((await siblingOfficer.get(url)).statusCode, url).toBe(403);
    }
    const ownRemedies = ok<{ items: RemedyItem[]; total: number }>(
      await siblingOfficer.get(`/api/remedies?unitId=${tree.B.id}&year=${year}`),
    );
    expect(ownRemedies.total).toBe(0);
    const own = ok<{ items: Array<{ unit: { id: number } }> }>(
      await siblingOfficer.get(`/api/inspections?unitId=${tree.B.id}&year=${year}&view=inspected`),
    );
    expect(own.items.every((item) => item.unit.id === tree.B.id)).toBe(true);
    expect(
      (await siblingOfficer.send('POST', `/api/remedies/${remedyOnTime.id}/report`, { version: 1, report: 'Đã làm.' })).statusCode,
    ).toBe(403);
  });

  it('without a session every route answers 401', async () => {
    const { reads, writes } = routesOf();
    for (const url of reads) expect((await ctx.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    for (const [method, url, body] of writes) {
      const response = await ctx.app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('the public pages', () => {
  it("show nothing of the inspection: not on the commune's page, not its evidence", async () => {
    for (const url of ['/cong-khai/A', '/cong-khai/C1', '/guong-dien-hinh']) {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      for (const secret of [FINDING_GOOD, FINDING_FEEDBACK, REMEDY_LATE_REPORTS, inspection.title, '12-TB/UBKTTU', 'Trần Văn Kiểm']) {
        expect(response.body, `${url} shows "${secret}"`).not.toContain(secret);
      }
      expect(response.body).not.toMatch(/kết luận kiểm tra|khắc phục/i);
    }
    const photo = await ctx.app.inject({ method: 'GET', url: `/guong-dien-hinh/anh/${evidenceId}` });
    expect(photo.statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/files/${evidenceId}` })).statusCode).toBe(401);
  });
});
