import type { Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { todayIso } from '../../platform/dates';
import { addFigureDeltas } from '../../platform/figures';
import { IsoDateSchema } from '../../../shared/contracts/common';
import { FEEDBACK_MAX_LENGTH, FEEDBACK_MIN_LENGTH, type FeedbackStatus } from '../../../shared/contracts/supervision';
import { getUnitOrThrow } from '../units/index';
import { findPublicRegistrationOfUnit } from './publication.repo';
import * as repo from './feedback.repo';
import { feedbackSearchText, overdueFigureDeltas } from './feedback.service';

/** An item of public feedback as it stands: sent, then answered, hidden, or still waiting. */
export type BulkFeedback = {
  unitId: number;
  /** A published registration of the unit the item is about, if any. */
  registrationId?: number | null;
  senderName?: string | null;
  senderContact?: string | null;
  /** The salted hash of the sender's address (the rate limit's key). */
  senderHash: string;
  body: string;
  sentAt: Date;
  /** The day the answer is due by. */
  dueOn: string;
  answer?: { text: string; at: Date; byUserId: number | null } | null;
  hidden?: { reason: string; at: Date } | null;
};

const ANSWER_MAX_LENGTH = 3000;
const HIDDEN_REASON_MAX_LENGTH = 500;

function refuse(index: number, message: string): never {
  throw new AppError('VALIDATION_FAILED', `Phản ánh thứ ${index + 1}: ${message}`, { entry: index });
}

const isMoment = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/**
 * Writes many feedback items at once (a load: the demo, a migration), as sending, answering and
 * hiding each would have left it: its status, its folded search text (feedbackSearchText), the
 * day it stopped waiting, and the overdue figure over its life (overdueFigureDeltas) in one call;
 * one audit row for the batch. The actor manages feedback of every unit named. Everything is
 * checked before anything is written. Returns how many were written.
 */
export async function insertFeedbackInBulk(tx: Executor, actor: Actor, items: BulkFeedback[]): Promise<number> {
  const now = new Date();
  const paths = new Map<number, string>();
  for (const [index, item] of items.entries()) {
    const body = item.body?.trim() ?? '';
    if (body.length < FEEDBACK_MIN_LENGTH || body.length > FEEDBACK_MAX_LENGTH)
      refuse(index, `nội dung cần từ ${FEEDBACK_MIN_LENGTH} đến ${FEEDBACK_MAX_LENGTH} ký tự.`);
    if (!item.senderHash) refuse(index, 'thiếu mã người gửi.');
    if (!isMoment(item.sentAt) || item.sentAt > now) refuse(index, 'thời điểm gửi không hợp lệ hoặc ở tương lai.');
    if (!IsoDateSchema.safeParse(item.dueOn).success || item.dueOn < todayIso(item.sentAt))
      refuse(index, 'hạn trả lời không hợp lệ hoặc trước ngày gửi.');
    if (item.answer && item.hidden) refuse(index, 'một phản ánh đã ẩn thì không trả lời công khai.');
    const settled = item.answer ?? item.hidden;
    if (settled && (!isMoment(settled.at) || settled.at < item.sentAt || settled.at > now))
      refuse(index, 'thời điểm xử lý phải sau khi gửi và không ở tương lai.');
    if (item.answer && (!item.answer.text.trim() || item.answer.text.length > ANSWER_MAX_LENGTH))
      refuse(index, `câu trả lời cần từ 1 đến ${ANSWER_MAX_LENGTH} ký tự.`);
    if (item.hidden && (!item.hidden.reason.trim() || item.hidden.reason.length > HIDDEN_REASON_MAX_LENGTH))
      refuse(index, `lý do ẩn cần từ 1 đến ${HIDDEN_REASON_MAX_LENGTH} ký tự.`);
    if (!paths.has(item.unitId)) {
      const unit = await getUnitOrThrow(tx, item.unitId);
      if (unit.validTo) refuse(index, `đơn vị "${unit.name}" đã kết thúc hoạt động.`);
      assertCan(actor, 'feedback.manage', unit.path);
      paths.set(unit.id, unit.path);
    }
    if (item.registrationId != null && !(await findPublicRegistrationOfUnit(tx, item.registrationId, item.unitId)))
      refuse(index, 'bản đăng ký được chọn không phải bản đang công khai của đơn vị.');
  }
  const rows = items.map((item) => {
    const body = item.body.trim();
    const answer = item.answer?.text.trim() ?? null;
    const settledAt = item.answer?.at ?? item.hidden?.at ?? null;
    const status: FeedbackStatus = item.hidden ? 'hidden' : item.answer ? 'answered' : 'new';
    return {
      unitId: item.unitId,
      registrationId: item.registrationId ?? null,
      senderName: item.senderName ?? null,
      senderContact: item.senderContact ?? null,
      body,
      searchText: feedbackSearchText(body, answer),
      status,
      hiddenReason: item.hidden?.reason.trim() ?? null,
      answer,
      answeredAt: item.answer?.at ?? null,
      answeredBy: item.answer?.byUserId ?? null,
      dueOn: item.dueOn,
      settledOn: settledAt ? todayIso(settledAt) : null,
      senderHash: item.senderHash,
      createdAt: item.sentAt,
    };
  });
  await repo.insertFeedbackRows(tx, rows);
  await addFigureDeltas(
    tx,
    rows.flatMap((row) => overdueFigureDeltas({ unitPath: paths.get(row.unitId)!, dueOn: row.dueOn }, row.settledOn)),
  );
  const byStatus: Record<string, number> = {};
  for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
  await recordAudit(tx, actor, {
    action: 'feedback.create_bulk',
    entityType: 'feedback',
    entityId: 'bulk',
    after: { feedback: rows.length, byStatus },
  });
  return rows.length;
}
