import type { Database, Executor } from '../../platform/db/client';
import { lockUntilCommit, withJobLock } from '../../platform/db/job-lock';
import { AppError } from '../../platform/errors';
import {
  assertCan,
  assertHasPermissionSomewhere,
  scopePaths,
  systemActor,
  type Actor,
  type Permission,
  type RecordPlace,
} from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addDaysIso, todayIso } from '../../platform/dates';
import { addFigureDeltas, type FigureDelta } from '../../platform/figures';
import { newFeedbackDeltas, settledFeedbackDeltas } from '../figures/index';
import { foldVietnamese } from '../../../shared/text';
import type { PagedAnswer } from '../../../shared/contracts/common';
import {
  FEEDBACK_MAX_LENGTH,
  FEEDBACK_MIN_LENGTH,
  type AnswerFeedback,
  type FeedbackByUnit,
  type FeedbackCounts,
  type FeedbackItem,
  type FeedbackQuery,
  type FeedbackStatusItem,
  type HideFeedback,
  type PublicFeedbackForm,
} from '../../../shared/contracts/supervision';
import { findUnitByCode, getUnitOrThrow } from '../units/index';
import type { FeedbackGuard } from './feedback-guard';
import { findPublicRegistrationOfUnit } from './publication.repo';
import * as repo from './feedback.repo';
import { presentFeedbackItem, presentFeedbackStatusItem } from './supervision.presenter';

/** Per sender (hashed address): enough for a resident with several concerns, too few for a flood. */
export const FEEDBACK_LIMITS = [
  { windowMs: 60 * 60 * 1000, max: 5, message: 'Bạn đã gửi 5 phản ánh trong một giờ qua. Xin vui lòng gửi tiếp sau ít phút nữa.' },
  { windowMs: 24 * 60 * 60 * 1000, max: 20, message: 'Bạn đã gửi 20 phản ánh trong ngày hôm nay. Xin vui lòng gửi tiếp vào ngày mai.' },
] as const;

export type FeedbackSettings = { answerDays: number; contactRetentionDays: number };

const wholeDays = (value: string | undefined, fallback: number, max: number) => {
  const days = Number(value ?? fallback);
  return Number.isInteger(days) && days > 0 && days <= max ? days : fallback;
};

/**
 * FEEDBACK_ANSWER_DAYS: how many days a unit has to answer (15 by default, as the rules of the
 * campaign ask). FEEDBACK_CONTACT_DAYS: how long a sender's name and contact are kept (180 days
 * from sending by default): long enough to talk an answer through, no longer (personal data is
 * kept only as long as its purpose needs, as the 2025 Personal Data Protection Law asks).
 */
export function feedbackSettings(env: NodeJS.ProcessEnv = process.env): FeedbackSettings {
  return {
    answerDays: wholeDays(env.FEEDBACK_ANSWER_DAYS, 15, 365),
    contactRetentionDays: wholeDays(env.FEEDBACK_CONTACT_DAYS, 180, 3650),
  };
}

/** Erases the names and contacts of senders whose feedback is older than the retention; returns how many. */
export async function eraseExpiredSenderContacts(db: Database, settings: FeedbackSettings, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - settings.contactRetentionDays * 86_400_000);
  // Every app process runs this daily. Row locks alone already keep two runs from erasing a row
  // twice, but two UPDATEs that lock rows in different orders could split the work (two audit rows)
  // or deadlock; one run at a time erases and audits once.
  return withJobLock(db, 'feedback-contact-retention', async (tx) => {
    const erased = await repo.eraseSenderContactsBefore(tx, before);
    if (erased > 0) {
      await recordAudit(tx, systemActor('Xóa dữ liệu cá nhân hết hạn'), {
        action: 'feedback.erase_sender_contacts',
        entityType: 'feedback',
        entityId: 'retention',
        after: { erased, sentBefore: before.toISOString(), retentionDays: settings.contactRetentionDays },
      });
    }
    return erased;
  });
}

/** The daily erasure in the server process (first run a minute after start). */
export function startContactRetentionJob(
  db: Database,
  settings: FeedbackSettings,
  log: (message: string) => void = console.log,
): () => void {
  const tick = () => {
    eraseExpiredSenderContacts(db, settings)
      .then((erased) => {
        if (erased > 0) log(`Feedback: erased the contacts of ${erased} senders older than ${settings.contactRetentionDays} days.`);
      })
      .catch((error: unknown) => log(`Erasing expired feedback contacts failed: ${String(error)}`));
  };
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, 24 * 3600_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

const clean = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
/** Keeps the paragraphs a resident typed, drops stray spaces. */
const cleanBody = (value: string | undefined) =>
  (value ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

export type PublicSubmission = {
  unitCode: string;
  form: PublicFeedbackForm;
  ip: string;
  guard: FeedbackGuard;
  settings: FeedbackSettings;
  now?: Date;
};

/**
 * Feedback sent from a unit's public page. Anyone may send it; the checks are about abuse, not
 * identity. A filled honeypot is answered as if accepted (so bots learn nothing) but not stored.
 * Returns 'stored' or 'discarded'; refusals are AppErrors with a message the form shows.
 */
export async function submitPublicFeedback(db: Database, submission: PublicSubmission): Promise<'stored' | 'discarded'> {
  const { form, guard, now = new Date() } = submission;
  const unit = await findUnitByCode(db, submission.unitCode);
  if (!unit || unit.validTo) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  if (clean(form.website) !== '') return 'discarded';
  const body = cleanBody(form.noi_dung);
  if (body.length < FEEDBACK_MIN_LENGTH) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Nội dung phản ánh, góp ý cần ít nhất ${FEEDBACK_MIN_LENGTH} ký tự để đơn vị hiểu và trả lời được.`,
    );
  }
  if (body.length > FEEDBACK_MAX_LENGTH)
    throw new AppError('VALIDATION_FAILED', `Nội dung tối đa ${FEEDBACK_MAX_LENGTH.toLocaleString('vi-VN')} ký tự.`);
  const senderName = clean(form.ten).slice(0, 200) || null;
  const senderContact = clean(form.lien_he).slice(0, 200) || null;
  if (!guard.verifyChallenge(form.ma_kiem_tra ?? '', form.dap_an ?? '', now)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Kết quả phép tính chưa đúng hoặc trang đã mở quá lâu. Hãy tính lại phép tính mới bên dưới rồi gửi lại.',
    );
  }
  let registrationId: number | null = null;
  if (clean(form.ban_dang_ky) !== '') {
    const wanted = Number(clean(form.ban_dang_ky));
    const registration = Number.isSafeInteger(wanted) && wanted > 0 ? await findPublicRegistrationOfUnit(db, wanted, unit.id) : undefined;
    if (!registration) throw new AppError('VALIDATION_FAILED', 'Bản đăng ký được chọn không còn công khai. Hãy chọn lại hoặc để trống.');
    registrationId = registration;
  }
  const senderHash = guard.senderHash(submission.ip);
  return db.transaction(async (tx) => {
    // Counted and stored one at a time per sender, whichever process takes each: parallel sends
    // would otherwise all count the same rows and all pass.
    await lockUntilCommit(tx, `feedback-sender:${senderHash}`);
    for (const limit of FEEDBACK_LIMITS) {
      const sent = await repo.countFromSender(tx, senderHash, new Date(now.getTime() - limit.windowMs));
      if (sent >= limit.max) throw new AppError('TOO_MANY_ATTEMPTS', limit.message);
    }
    const created = await repo.insertFeedback(tx, {
      unitId: unit.id,
      registrationId,
      senderName,
      senderContact,
      body,
      searchText: feedbackSearchText(body, null),
      dueOn: addDaysIso(todayIso(now), submission.settings.answerDays),
      senderHash,
    });
    await addFigureDeltas(tx, overdueFigureDeltas({ unitPath: unit.path, dueOn: created.dueOn }, null));
    // The sender's name and contact stay out of the log: only the unit that answers sees them.
    await recordAudit(tx, systemActor('Người gửi trên trang công khai'), {
      action: 'feedback.create',
      entityType: 'feedback',
      entityId: created.id,
      unitPath: unit.path,
      after: { unitId: unit.id, registrationId, dueOn: created.dueOn, bodyLength: body.length },
    });
    return 'stored' as const;
  });
}

/** The subtree the list covers: the caller's scope, narrowed to a unit inside it when asked. */
async function listScope(db: Database, actor: Actor, permission: Permission, unitId: number | undefined) {
  assertHasPermissionSomewhere(actor, permission);
  const scope = scopePaths(actor, permission);
  if (unitId === undefined) return { scope, unitPath: null };
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, permission, unit.path);
  return { scope, unitPath: unit.path };
}

export async function listFeedback(db: Database, actor: Actor, query: FeedbackQuery): Promise<PagedAnswer<FeedbackItem>> {
  const { scope, unitPath } = await listScope(db, actor, 'feedback.manage', query.unitId);
  const q = query.q ? foldVietnamese(query.q) : undefined;
  const result = await repo.searchFeedback(db, {
    scope,
    unitPath,
    status: query.status,
    overdue: query.overdue,
    q,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: result.items.map(presentFeedbackItem), total: result.total, page: query.page, pageSize: query.pageSize };
}

export async function listFeedbackForSupervision(
  db: Database,
  actor: Actor,
  query: FeedbackQuery,
): Promise<PagedAnswer<FeedbackStatusItem>> {
  const { scope, unitPath } = await listScope(db, actor, 'supervision.read', query.unitId);
  const q = query.q ? foldVietnamese(query.q) : undefined;
  const result = await repo.searchFeedback(db, {
    scope,
    unitPath,
    status: query.status,
    overdue: query.overdue,
    q,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: result.items.map(presentFeedbackStatusItem), total: result.total, page: query.page, pageSize: query.pageSize };
}

/** Counts by status for the caller's subtree (or a unit in it): the supervisor's and the inbox's badges. */
export async function feedbackSummary(db: Database, actor: Actor, unitId: number | undefined): Promise<FeedbackCounts> {
  const { scope, unitPath } = await listScope(db, actor, 'supervision.read', unitId);
  return repo.countFeedback(db, scope, unitPath);
}

export async function getFeedback(db: Database, actor: Actor, id: number): Promise<FeedbackItem> {
  const row = await repo.findFeedbackListRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy phản ánh này.');
  assertCan(actor, 'feedback.manage', row.unit_path);
  return presentFeedbackItem(row);
}

/** Where a feedback named in a request sits (the unit it is about), for the check made before the body is read. */
export async function findFeedbackPlace(executor: Executor, id: number): Promise<RecordPlace | undefined> {
  const row = await repo.findFeedbackListRow(executor, id);
  return row ? { unitPaths: [row.unit_path] } : undefined;
}

async function lockForWrite(tx: Executor, actor: Actor, id: number, version: number) {
  const current = await repo.lockFeedback(tx, id);
  if (!current) throw new AppError('NOT_FOUND', 'Không tìm thấy phản ánh này.');
  assertCan(actor, 'feedback.manage', current.unit_path);
  if (current.version !== version) {
    throw new AppError('VERSION_CONFLICT', 'Phản ánh vừa được người khác xử lý. Hãy tải lại để xem bản mới nhất rồi thực hiện lại.');
  }
  return current;
}

/**
 * The overdue figure of an item over its life: counted from the day after its answer date while
 * it waits, taken back the day it was answered or hidden (`settledOn`; null while it waits).
 */
export function overdueFigureDeltas(item: { unitPath: string; dueOn: string }, settledOn: string | null): FigureDelta[] {
  return [...newFeedbackDeltas(item), ...(settledOn ? settledFeedbackDeltas(item, settledOn) : [])];
}

/** What an item is searched by: its body and its answer, folded. */
export function feedbackSearchText(body: string, answer: string | null): string {
  return foldVietnamese(answer ? `${body} ${answer}` : body);
}

/**
 * The overdue figure of the items sent before it was kept: each counted from the day after its
 * answer date until it was answered (a hidden item, whose hiding day was not kept, as if hidden on
 * arrival: today's figure is exact, the days before it may count it less). Returns how many items.
 */
export async function countExistingOverdueFeedback(tx: Executor): Promise<number> {
  const items = await repo.listFeedbackForFigures(tx);
  const settled: Array<{ id: number; day: string }> = [];
  const deltas = items.flatMap((item) => {
    const counted = { unitPath: item.unit_path, dueOn: item.due_on };
    if (item.status === 'new') return overdueFigureDeltas(counted, null);
    const settledAt = item.status === 'answered' && item.answered_at ? item.answered_at : item.created_at;
    const day = todayIso(new Date(settledAt));
    settled.push({ id: Number(item.id), day });
    return overdueFigureDeltas(counted, day);
  });
  await addFigureDeltas(tx, deltas);
  await repo.setSettledDays(tx, settled);
  return items.length;
}

/** An item leaving "waiting for its answer" (answered or hidden) today stops counting as overdue, and keeps the day. */
async function settleOverdueFigure(tx: Executor, current: { id: number; status: string; unit_path: string; due_on: string }) {
  if (current.status !== 'new') return;
  const today = todayIso();
  await repo.setSettledDays(tx, [{ id: Number(current.id), day: today }]);
  await addFigureDeltas(tx, settledFeedbackDeltas({ unitPath: current.unit_path, dueOn: current.due_on }, today));
}

/** Hides abuse (insults, advertising, personal data of others) from every public place, with a reason kept. */
export async function hideFeedback(db: Database, actor: Actor, id: number, input: HideFeedback) {
  await db.transaction(async (tx) => {
    const current = await lockForWrite(tx, actor, id, input.version);
    if (current.status === 'hidden') throw new AppError('INVALID_STATE', 'Phản ánh này đã được ẩn.');
    const updated = await repo.updateFeedback(tx, id, { status: 'hidden', hiddenReason: input.reason });
    await settleOverdueFigure(tx, current);
    await recordAudit(tx, actor, {
      action: 'feedback.hide',
      entityType: 'feedback',
      entityId: id,
      unitPath: current.unit_path,
      before: { status: current.status, version: current.version },
      after: { status: 'hidden', reason: input.reason, version: updated.version },
    });
  });
  return getFeedback(db, actor, id);
}

/** Answers, or corrects an answer: the answer is what the public page shows under the item. */
export async function answerFeedback(db: Database, actor: Actor, id: number, input: AnswerFeedback) {
  await db.transaction(async (tx) => {
    const current = await lockForWrite(tx, actor, id, input.version);
    if (current.status === 'hidden') throw new AppError('INVALID_STATE', 'Phản ánh đã bị ẩn do vi phạm nên không trả lời công khai được.');
    const updated = await repo.updateFeedback(tx, id, {
      status: 'answered',
      answer: input.answer,
      answeredAt: new Date(),
      answeredBy: actor.userId,
      searchText: feedbackSearchText(current.body, input.answer),
    });
    await settleOverdueFigure(tx, current);
    await recordAudit(tx, actor, {
      action: current.status === 'answered' ? 'feedback.answer.edit' : 'feedback.answer',
      entityType: 'feedback',
      entityId: id,
      unitPath: current.unit_path,
      before: { status: current.status, answer: current.answer, version: current.version },
      after: { status: 'answered', answer: input.answer, version: updated.version },
    });
  });
  return getFeedback(db, actor, id);
}

/** Feedback counts of each unit directly below the given one (and of the unit itself), overdue first. */
export async function feedbackByUnit(db: Database, actor: Actor, unitId: number): Promise<FeedbackByUnit> {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'supervision.read', unit.path);
  return { items: await repo.countFeedbackByChild(db, unit.id) };
}
