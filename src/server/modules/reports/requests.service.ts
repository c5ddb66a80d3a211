import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, assertHasPermissionSomewhere, can, scopePaths, type Actor, type RecordPlace } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { formatVietnameseDate, todayIso } from '../../platform/dates';
import { foldVietnamese } from '../../../shared/text';
import {
  REPORT_KIND_LABELS,
  type CreateReportRequest,
  type ReportAudience,
  type ReminderResult,
  type ReportContentInput,
  type ReportRequestDetail,
  type ReportRequestsAnswer,
  type ReportRequestsQuery,
  type ReportTemplate,
} from '../../../shared/contracts/reports';
import { getUnitOrThrow } from '../units/index';
import { CATALOGUE_BY_KEY } from './metric-catalogue';
import * as repo from './requests.repo';
import { insertAnswers, insertReminders, listAnswerSubtrees, listAnswersOfRequest } from './answers.repo';
import { displayStatus, hasSubmitted, isOnTime, rates } from './report-status';
import { presentAnswerRow, presentRequestDetail, presentRequestItem, presentTemplate } from './reports.presenter';
import { countIssuedRequest } from './report.figures';

const NOT_FOUND = 'Không tìm thấy yêu cầu báo cáo này.';

/** The request content must name known figures and distinct keys; manual items and sections need their own keys. */
export function checkContent(content: ReportContentInput): void {
  for (const key of content.metrics) {
    if (!CATALOGUE_BY_KEY.has(key))
      throw new AppError('VALIDATION_FAILED', `Số liệu "${key}" không có trong danh mục số liệu của hệ thống.`);
  }
  const keys = [...content.manualItems.map((item) => item.key), ...content.sections.map((section) => section.key)];
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  if (duplicate)
    throw new AppError('VALIDATION_FAILED', `Mã mục "${duplicate}" bị trùng: mỗi mục nhập tay và mỗi phần nội dung cần một mã riêng.`);
  if (new Set(content.metrics).size !== content.metrics.length) throw new AppError('VALIDATION_FAILED', 'Một số liệu được chọn hai lần.');
}

function checkDates(input: { periodFrom: string; periodTo: string; deadline: string }): void {
  if (input.periodFrom > input.periodTo)
    throw new AppError('VALIDATION_FAILED', 'Ngày bắt đầu kỳ báo cáo phải trước hoặc bằng ngày kết thúc.');
  if (input.deadline < input.periodFrom) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Hạn gửi báo cáo không được trước ngày bắt đầu kỳ báo cáo (${formatVietnameseDate(input.periodFrom)}).`,
    );
  }
}

export async function getRequestOrThrow(db: Database, id: number, forUpdate = false) {
  const found = await repo.findRequest(db, id, forUpdate);
  if (!found) throw new AppError('NOT_FOUND', NOT_FOUND);
  return found;
}

const EMPTY_AUDIENCE: Record<ReportAudience, string> = {
  children: 'Đơn vị không có đơn vị trực thuộc nào đang hoạt động để yêu cầu báo cáo.',
  communes: 'Trong phạm vi không có đảng ủy xã, phường, đặc khu nào đang hoạt động để yêu cầu báo cáo.',
  grassroots: 'Trong phạm vi không có đơn vị cơ sở nào đang hoạt động để yêu cầu báo cáo.',
};

/** Issues a request: the expected units are fixed now, one answer row each, in the same transaction. */
export async function createRequest(db: Database, actor: Actor, input: CreateReportRequest): Promise<ReportRequestDetail> {
  const unit = await getUnitOrThrow(db, input.unitId);
  assertCan(actor, 'reports.request', unit.path);
  const id = await issueRequest(db, actor, unit, input, (tx, day) => repo.listAudienceUnitIds(tx, unit, input.audience, day));
  return getRequest(db, actor, id);
}

/**
 * An inspection's request for the inspected unit's self-report: a request of the inspecting level
 * expecting that one unit. The inspection service has checked the caller may inspect it.
 */
export async function requestSelfReport(
  db: Database,
  actor: Actor,
  input: { ownerUnitId: number; unitId: number; title: string; periodFrom: string; periodTo: string; deadline: string; guidance: string },
): Promise<number> {
  const owner = await getUnitOrThrow(db, input.ownerUnitId);
  const content: ReportContentInput = {
    metrics: SELF_REPORT_METRICS,
    manualItems: [],
    sections: [
      { key: 'results', title: 'Kết quả thực hiện các nội dung được kiểm tra' },
      { key: 'shortcomings', title: 'Hạn chế, khuyết điểm và nguyên nhân' },
      { key: 'remedies', title: 'Phương hướng, biện pháp khắc phục' },
    ],
  };
  const request = {
    ...input,
    unitId: owner.id,
    kind: 'ad_hoc' as const,
    audience: 'inspected' as const,
    content,
    guidance: input.guidance,
  };
  return issueRequest(db, actor, owner, request, async () => [input.unitId]);
}

/** The figures an inspected unit's self-report fills by itself. */
const SELF_REPORT_METRICS = ['members', 'registration_rate', 'study_rate', 'standards_rate', 'signs_posted'];

type IssuedRequest = Omit<CreateReportRequest, 'audience'> & { audience: ReportAudience | 'inspected' };

async function issueRequest(
  db: Database,
  actor: Actor,
  unit: Awaited<ReturnType<typeof getUnitOrThrow>>,
  input: IssuedRequest,
  expectedUnits: (tx: Executor, day: string) => Promise<number[]>,
): Promise<number> {
  checkDates(input);
  // A unit closed since may still be asked for a period it lived through (a district's 2012 report).
  if (unit.validTo && unit.validTo <= input.periodTo) {
    throw new AppError(
      'INVALID_STATE',
      `Đơn vị "${unit.name}" đã kết thúc hoạt động từ ngày ${formatVietnameseDate(unit.validTo)}, trước khi kỳ báo cáo kết thúc.`,
    );
  }
  checkContent(input.content);
  const audienceDay = input.periodTo < todayIso() ? input.periodTo : todayIso();
  return db.transaction(async (tx) => {
    const expected = await expectedUnits(tx, audienceDay);
    if (expected.length === 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        input.audience === 'inspected' ? 'Không có đơn vị để yêu cầu báo cáo.' : EMPTY_AUDIENCE[input.audience],
      );
    }
    const request = await repo.insertRequest(tx, {
      unitId: unit.id,
      kind: input.kind,
      title: input.title,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      deadline: input.deadline,
      audience: input.audience,
      content: input.content,
      guidance: input.guidance,
      searchText: foldVietnamese(`${input.title} ${REPORT_KIND_LABELS[input.kind]}`),
      createdBy: actor.userId,
    });
    await insertAnswers(tx, request.id, expected);
    await countIssuedRequest(tx, request.id, request.periodTo);
    await recordAudit(tx, actor, {
      action: 'report_request.create',
      entityType: 'report_request',
      entityId: request.id,
      unitPath: unit.path,
      after: { ...request, expectedUnits: expected.length },
    });
    return request.id;
  });
}

export async function listRequests(db: Database, actor: Actor, query: ReportRequestsQuery): Promise<ReportRequestsAnswer> {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'reports.request', unit.path);
  const { items, total } = await repo.searchRequests(db, {
    ...query,
    q: query.q ? foldVietnamese(query.q) : undefined,
    unitPath: unit.path,
    scope: scopePaths(actor, 'reports.request'),
  });
  return { items: items.map(presentRequestItem), total, page: query.page, pageSize: query.pageSize };
}

/** The request with every expected unit's status, and the reporting and on-time rates, overall and per child subtree. */
export async function getRequest(db: Database, actor: Actor, id: number): Promise<ReportRequestDetail> {
  const found = await getRequestOrThrow(db, id);
  assertCan(actor, 'reports.request', found.unitPath);
  const today = todayIso();
  const answers = await listAnswersOfRequest(db, id);
  const subtrees = await listAnswerSubtrees(db, id, found.unitPath);
  const childOf = new Map(subtrees.map((row) => [row.answerId, { id: row.childId, name: row.childName }]));
  const bySubtree = new Map<number, { unit: { id: number; name: string }; expected: number; submitted: number; onTime: number }>();
  for (const answer of answers) {
    const child = childOf.get(answer.id);
    if (!child) continue;
    const group = bySubtree.get(child.id) ?? { unit: child, expected: 0, submitted: 0, onTime: 0 };
    group.expected += 1;
    if (hasSubmitted(answer.first_submitted_on)) group.submitted += 1;
    if (isOnTime(answer.on_time)) group.onTime += 1;
    bySubtree.set(child.id, group);
  }
  const submitted = answers.filter((answer) => hasSubmitted(answer.first_submitted_on)).length;
  const onTime = answers.filter((answer) => isOnTime(answer.on_time)).length;
  return presentRequestDetail(found, {
    figures: rates(answers.length, submitted, onTime),
    bySubtree: [...bySubtree.values()].map((group) => ({ unit: group.unit, ...rates(group.expected, group.submitted, group.onTime) })),
    answers: answers.map((answer) => presentAnswerRow(answer, found.request.deadline, today)),
    canManage: can(actor, 'reports.request', found.unitPath),
  });
}

/**
 * Moving the deadline changes who is late and the on-time rate from now on; answers are kept, and
 * the figures stay in the report's period.
 */
/** Where a report request named in a request sits (the requesting unit), for the check made before the body is read. */
export async function findRequestPlace(executor: Executor, id: number): Promise<RecordPlace | undefined> {
  const found = await repo.findRequest(executor, id);
  return found ? { unitPaths: [found.unitPath] } : undefined;
}

export async function updateDeadline(
  db: Database,
  actor: Actor,
  id: number,
  input: { deadline: string; version: number },
): Promise<ReportRequestDetail> {
  await db.transaction(async (tx) => {
    const found = await repo.findRequest(tx, id, true);
    if (!found) throw new AppError('NOT_FOUND', NOT_FOUND);
    assertCan(actor, 'reports.request', found.unitPath);
    if (found.request.version !== input.version)
      throw new AppError('VERSION_CONFLICT', 'Yêu cầu báo cáo vừa được người khác sửa. Hãy tải lại rồi thực hiện lại.');
    checkDates({ ...found.request, deadline: input.deadline });
    await repo.updateRequest(tx, id, { deadline: input.deadline });
    await recordAudit(tx, actor, {
      action: 'report_request.deadline',
      entityType: 'report_request',
      entityId: id,
      unitPath: found.unitPath,
      before: { deadline: found.request.deadline },
      after: { deadline: input.deadline },
    });
  });
  return getRequest(db, actor, id);
}

/** One action: every late unit's accounts get an in-app reminder. */
export async function remindLate(db: Database, actor: Actor, id: number): Promise<ReminderResult> {
  return db.transaction(async (tx) => {
    const found = await repo.findRequest(tx, id);
    if (!found) throw new AppError('NOT_FOUND', NOT_FOUND);
    assertCan(actor, 'reports.request', found.unitPath);
    const today = todayIso();
    const late = (await listAnswersOfRequest(tx, id)).filter(
      (answer) => displayStatus(answer.status, found.request.deadline, today) === 'late',
    );
    const notified = await insertReminders(tx, {
      unitIds: late.map((answer) => answer.unit_id),
      requesterPath: found.unitPath,
      roles: ['admin', 'officer', 'committee'],
      title: `Nhắc gửi báo cáo: ${found.request.title}`,
      body: `${found.unitName} nhắc gửi báo cáo "${found.request.title}", hạn ${formatVietnameseDate(found.request.deadline)} đã qua.`,
      link: '/reports',
    });
    await recordAudit(tx, actor, {
      action: 'report_request.remind',
      entityType: 'report_request',
      entityId: id,
      unitPath: found.unitPath,
      after: { lateUnits: late.map((answer) => answer.unit_name), notifications: notified },
    });
    return { lateUnits: late.length, notifications: notified };
  });
}

/** The catalogue is read by whoever requests reports somewhere, or writes them. */
export function assertMayReadCatalogue(actor: Actor): void {
  if (scopePaths(actor, 'reports.request').length === 0) assertHasPermissionSomewhere(actor, 'reports.answer');
}

export async function listTemplates(db: Database, actor: Actor, unitId: number): Promise<ReportTemplate[]> {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'reports.request', unit.path);
  const rows = await repo.listTemplates(db, unit.path);
  return rows.map((row) => presentTemplate(row, { id: row.unit_id, name: row.unit_name }, row.unit_id === unit.id));
}

export async function saveTemplate(
  db: Database,
  actor: Actor,
  input: { unitId: number; name: string; kind: CreateReportRequest['kind']; content: ReportContentInput },
): Promise<ReportTemplate> {
  const unit = await getUnitOrThrow(db, input.unitId);
  assertCan(actor, 'reports.request', unit.path);
  checkContent(input.content);
  const template = await db.transaction(async (tx) => {
    const row = await repo.insertTemplate(tx, { unitId: unit.id, name: input.name, kind: input.kind, content: input.content });
    await recordAudit(tx, actor, {
      action: 'report_template.create',
      entityType: 'report_template',
      entityId: row.id,
      unitPath: unit.path,
      after: row,
    });
    return row;
  });
  return presentTemplate(template, { id: unit.id, name: unit.name }, true);
}

export async function deleteTemplate(db: Database, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const template = await repo.findTemplate(tx, id);
    if (!template) throw new AppError('NOT_FOUND', 'Không tìm thấy mẫu báo cáo này.');
    assertCan(actor, 'reports.request', template.unit_path);
    await repo.deleteTemplate(tx, id);
    await recordAudit(tx, actor, {
      action: 'report_template.delete',
      entityType: 'report_template',
      entityId: id,
      unitPath: template.unit_path,
      before: template,
    });
  });
}

/** Where an inspected unit's self-report stands: the request's deadline and the unit's answer status as shown. */
export async function selfReportState(executor: Executor, requestId: number) {
  const found = await repo.findRequest(executor, requestId);
  if (!found) return null;
  const [answer] = await listAnswersOfRequest(executor, requestId);
  const deadline = found.request.deadline;
  return { requestId, deadline, status: displayStatus(answer?.status ?? 'not_started', deadline, todayIso()) };
}
