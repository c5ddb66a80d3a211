import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, can, scopePaths, type Actor, type RecordPlace } from '../../platform/auth/policy';
import { addDaysIso, todayIso } from '../../platform/dates';
import { foldVietnamese } from '../../../shared/text';
import type { ReportAnswerDetail, ReportInboxAnswer, ReportInboxQuery, SaveAnswer } from '../../../shared/contracts/reports';
import { getUnitOrThrow } from '../units/index';
import { listAttachments, replaceAttachments } from '../files/index';
import { computeFigures, expandKeys } from './metric-catalogue';
import { findRequest, type RequestWithUnit } from './requests.repo';
import * as repo from './answers.repo';
import { transitionAnswer, type MachineContext } from './answer-machine';
import { nextDocumentNumber, numberSymbolOf } from '../../platform/documents/numbering';
import { describeHistory } from './history';
import { setDefaultDueDates } from './recommendations.repo';
import { countFirstSubmission } from './report.figures';
import { presentAnswerDetail } from './answers.presenter';
import { presentInboxItem } from './reports.presenter';

const NUMBER_PATTERN = /^-?\d+(?:[.,]\d+)?$/;

async function getContext(executor: Executor, id: number): Promise<MachineContext> {
  const context = await repo.findAnswer(executor, id);
  if (!context) throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo này.');
  const requestContext = (await findRequest(executor, context.answer.requestId))!;
  return { ...context, requestContext };
}

/** The reporting unit and the requesting level read a report; nobody else. */
function assertCanRead(actor: Actor, context: MachineContext): void {
  if (!can(actor, 'reports.answer', context.unitPath) && !can(actor, 'reports.request', context.requestContext.unitPath)) {
    throw new AppError('FORBIDDEN', 'Bạn không có quyền xem báo cáo này.');
  }
}

/** Every item of the input must belong to the request: no figure, section or item it did not ask for. */
function checkAnswerInput(request: RequestWithUnit['request'], input: SaveAnswer): void {
  const sections = new Set(request.content.sections.map((section) => section.key));
  const manual = new Map(request.content.manualItems.map((item) => [item.key, item]));
  const metrics = new Set(request.content.metrics);
  for (const key of Object.keys(input.narrative)) {
    if (!sections.has(key)) throw new AppError('VALIDATION_FAILED', `Phần nội dung "${key}" không có trong yêu cầu báo cáo.`);
  }
  for (const [key, value] of Object.entries(input.manualValues)) {
    const item = manual.get(key);
    if (!item) throw new AppError('VALIDATION_FAILED', `Mục "${key}" không có trong yêu cầu báo cáo.`);
    if (item.type === 'number' && value !== '' && !NUMBER_PATTERN.test(value)) {
      throw new AppError('VALIDATION_FAILED', `"${item.label}" phải là một số (ví dụ 12 hoặc 12,5).`);
    }
  }
  for (const key of Object.keys(input.figureNotes)) {
    if (!metrics.has(key))
      throw new AppError('VALIDATION_FAILED', `Số liệu "${key}" không có trong yêu cầu báo cáo: chỉ ghi chú được số liệu đã yêu cầu.`);
  }
}

/**
 * Where an answer named in a request sits, for the check made before the body is read: the
 * answering unit for its own steps (save, submit), the requesting unit for review (return, accept).
 */
export async function findAnswerPlace(executor: Executor, id: number, by: 'answerer' | 'requester'): Promise<RecordPlace | undefined> {
  const context = await repo.findAnswer(executor, id);
  if (!context) return undefined;
  if (by === 'answerer') return { unitPaths: [context.unitPath] };
  const request = await findRequest(executor, context.answer.requestId);
  return request ? { unitPaths: [request.unitPath] } : undefined;
}

/** What a save writes: the content without its empty parts. */
function contentToSave(input: SaveAnswer) {
  return {
    narrative: Object.fromEntries(Object.entries(input.narrative).filter(([, text]) => text.trim() !== '')),
    manualValues: Object.fromEntries(Object.entries(input.manualValues).filter(([, value]) => value !== '')),
    figureNotes: Object.fromEntries(Object.entries(input.figureNotes).filter(([, note]) => note !== '')),
  };
}

const EMPTY_REPORT = 'Báo cáo chưa có nội dung: hãy viết ít nhất một phần rồi lưu trước khi gửi.';
const isEmptyReport = (content: { narrative: object; manualValues: object }) =>
  Object.keys(content.narrative).length === 0 && Object.keys(content.manualValues).length === 0;

/**
 * Saves the answer's content and, when asked (`submit`), submits it in the same transaction. A
 * submission of an empty report is refused before anything is written.
 */
export async function saveAnswer(db: Database, actor: Actor, id: number, input: SaveAnswer): Promise<ReportAnswerDetail> {
  const content = contentToSave(input);
  if (input.submit && isEmptyReport(content)) throw new AppError('VALIDATION_FAILED', EMPTY_REPORT);
  await db.transaction(async (tx) => {
    const saved = await transitionAnswer(tx, actor, {
      answerId: id,
      transition: 'save',
      expectedVersion: input.version,
      prepare: async (context) => {
        checkAnswerInput(context.requestContext.request, input);
        await repo.replaceRecommendations(
          tx,
          id,
          input.recommendations.map((item, position) => ({
            unitId: context.answer.unitId,
            addressedUnitId: context.requestContext.request.unitId,
            kind: item.kind,
            body: item.body,
            position,
            searchText: foldVietnamese(item.body),
          })),
        );
        await replaceAttachments(tx, { purpose: 'report', ownerId: id, unitId: context.answer.unitId }, input.fileIds);
        return {
          patch: content,
          audit: { ...content, recommendations: input.recommendations, fileIds: input.fileIds },
        };
      },
    });
    if (input.submit) await submitAnswerInTx(tx, actor, id, saved.version);
  });
  return getAnswer(db, actor, id);
}

/**
 * Submission freezes the figures as computed today for the period, gives the report its number in
 * the unit's own series (kept when a returned report is resubmitted) and keeps a snapshot.
 */
export async function submitAnswer(
  db: Database,
  actor: Actor,
  id: number,
  version: number,
  options: { on?: string } = {},
): Promise<ReportAnswerDetail> {
  await db.transaction((tx) => submitAnswerInTx(tx, actor, id, version, options));
  return getAnswer(db, actor, id);
}

function submitAnswerInTx(tx: Executor, actor: Actor, id: number, version: number, options: { on?: string } = {}) {
  return transitionAnswer(tx, actor, {
    answerId: id,
    transition: 'submit',
    expectedVersion: version,
    prepare: async (context) => {
      const { request } = context.requestContext;
      const { answer } = context;
      if (isEmptyReport(answer)) throw new AppError('VALIDATION_FAILED', EMPTY_REPORT);
      const frozen =
        (await computeFigures(tx, [answer.unitId], request.content.metrics, request.periodFrom, request.periodTo)).get(answer.unitId) ?? {};
      // The demo loader replays last year's submissions on their own days; requests always submit today.
      const today = options.on ?? todayIso();
      let { numberValue, numberSymbol } = answer;
      if (numberValue === null) {
        const unit = await getUnitOrThrow(tx, answer.unitId);
        numberValue = await nextDocumentNumber(tx, answer.unitId, 'BC', Number(today.slice(0, 4)));
        numberSymbol = numberSymbolOf(numberValue, unit.kind, 'BC', unit.name);
      }
      await setDefaultDueDates(tx, id, addDaysIso(today, 30));
      const recommendations = await repo.listRecommendationsOfAnswers(tx, [id]);
      const snapshot = {
        narrative: answer.narrative,
        manualValues: answer.manualValues,
        figureNotes: answer.figureNotes,
        frozenFigures: frozen,
        recommendations: recommendations.map((item) => ({ kind: item.kind, body: item.body })),
      };
      const onTime = answer.onTime ?? today <= request.deadline;
      if (answer.onTime === null) await countFirstSubmission(tx, context.unitPath, request.periodTo, onTime);
      return {
        patch: {
          frozenFigures: frozen,
          submittedAt: options.on ? new Date(`${options.on}T09:00:00+07:00`) : new Date(),
          firstSubmittedOn: answer.firstSubmittedOn ?? today,
          onTime,
          numberValue,
          numberSymbol,
          returnReason: null,
          acceptedAt: null,
        },
        snapshot,
        audit: { numberSymbol, frozenFigures: frozen, onTime },
      };
    },
  });
}

export async function returnAnswer(
  db: Database,
  actor: Actor,
  id: number,
  input: { version: number; reason: string },
): Promise<ReportAnswerDetail> {
  await db.transaction((tx) =>
    transitionAnswer(tx, actor, {
      answerId: id,
      transition: 'return',
      expectedVersion: input.version,
      reason: input.reason,
      prepare: async () => ({ patch: { returnReason: input.reason, acceptedAt: null } }),
    }),
  );
  return getAnswer(db, actor, id);
}

export async function acceptAnswer(db: Database, actor: Actor, id: number, version: number): Promise<ReportAnswerDetail> {
  await db.transaction((tx) =>
    transitionAnswer(tx, actor, {
      answerId: id,
      transition: 'accept',
      expectedVersion: version,
      prepare: async () => ({ patch: { acceptedAt: new Date() } }),
    }),
  );
  return getAnswer(db, actor, id);
}

/**
 * A report as its writer and its reader see it: each requested figure computed live for the period
 * (with how it is computed) beside the value frozen at submission, the narrative, the items, the
 * files, the history with what changed between submissions, and the reports it received from below.
 */
export async function getAnswer(db: Database, actor: Actor, id: number): Promise<ReportAnswerDetail> {
  const context = await getContext(db, id);
  assertCanRead(actor, context);
  const { answer } = context;
  const { request } = context.requestContext;
  const keys = expandKeys(request.content.metrics);
  const live = (await computeFigures(db, [answer.unitId], keys, request.periodFrom, request.periodTo)).get(answer.unitId) ?? {};
  const recommendations = await repo.listRecommendationsOfAnswers(db, [id]);
  const files = (await listAttachments(db, 'report', [id])).get(id) ?? [];
  const events = await repo.listEvents(db, id);
  const lower = await repo.listLowerAnswers(db, answer.unitId, request.periodFrom, request.periodTo);
  const lowerItems = await repo.listRecommendationsOfAnswers(
    db,
    lower.map((row) => row.id),
  );
  return presentAnswerDetail(context, {
    today: todayIso(),
    live,
    recommendations,
    files,
    history: describeHistory(events, request.content),
    // Who typed the figures in: whoever last submitted the report, or, before that, last saved it.
    enteredBy:
      [...events].reverse().find((event) => event.toStatus === 'submitted')?.actorName ?? (await repo.findUserName(db, answer.updatedBy)),
    lower,
    lowerItems,
    canWrite: can(actor, 'reports.answer', context.unitPath),
    canReview: can(actor, 'reports.request', context.requestContext.unitPath),
  });
}

/** The reports the units of a subtree must write. */
export async function listInbox(db: Database, actor: Actor, query: ReportInboxQuery): Promise<ReportInboxAnswer> {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'reports.answer', unit.path);
  const today = todayIso();
  const { items, total } = await repo.searchInbox(db, { ...query, today, unitPath: unit.path, scope: scopePaths(actor, 'reports.answer') });
  return {
    items: items.map((row) => presentInboxItem(row, today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
