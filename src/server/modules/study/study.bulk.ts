import type { Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addFigureDeltas, type FigureDelta } from '../../platform/figures';
import { isIsoDate } from '../../platform/dates';
import {
  AttendanceRowSchema,
  CreateSessionSchema,
  STUDY_KINDS,
  type AttendanceStatus,
  type SessionKind,
} from '../../../shared/contracts/study';
import * as repo from './study.repo';
import { reevaluateStudyRecords, sessionDeltas } from './study.figures';
import { checkAttendanceRows, checkMakeUpDate, checkSessionShape, sessionColumns } from './study.service';

/** One person's attendance at a session written in bulk; a make-up only for someone absent from a study session or conference. */
export type BulkAttendanceInput = { personId: number; status: AttendanceStatus; reason?: string | null; madeUpOn?: string | null };

/** A session held, as the session form takes it, with its attendance. */
export type BulkSessionInput = {
  unitId: number;
  kind: SessionKind;
  topicId?: number | null;
  title: string;
  heldOn: string;
  place?: string | null;
  isOnline?: boolean;
  hasCampaignItem?: boolean;
  notes?: string | null;
  attendance?: BulkAttendanceInput[];
};

/** The one audit row written for the batch. */
export type BulkAudit = { action: string; entityId: string };

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

function firstIssue(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'dữ liệu không hợp lệ';
}

/** A session's fields as the session form would take them, with its attendance rows as the attendance screen would. */
function parseSession(input: BulkSessionInput, position: number) {
  const { attendance = [], ...fields } = input;
  const parsed = CreateSessionSchema.safeParse({ ...fields, fileIds: [] });
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', `Buổi thứ ${position + 1} ("${input.title}"): ${firstIssue(parsed.error)}.`);
  const rows = attendance.map((row) => {
    const checked = AttendanceRowSchema.safeParse({ personId: row.personId, status: row.status, reason: row.reason ?? null });
    if (!checked.success) {
      throw new AppError('VALIDATION_FAILED', `Buổi thứ ${position + 1}, người có mã ${row.personId}: ${firstIssue(checked.error)}.`);
    }
    return { ...checked.data, madeUpOn: row.madeUpOn ?? null };
  });
  const { unitId, fileIds: _fileIds, ...form } = parsed.data;
  return { unitId, form, rows };
}

/** A make-up is for someone absent from a study session or conference, within its year. */
function checkMakeUp(kind: SessionKind, heldOn: string, row: { personId: number; status: AttendanceStatus; madeUpOn: string }): void {
  if (!STUDY_KINDS.includes(kind)) throw new AppError('VALIDATION_FAILED', 'Chỉ ghi nhận học bù cho buổi học tập chuyên đề hoặc hội nghị.');
  if (row.status === 'present') {
    throw new AppError('INVALID_STATE', `Người có mã ${row.personId} đã có mặt tại buổi học tập, không cần học bù.`);
  }
  if (!isIsoDate(row.madeUpOn))
    throw new AppError('VALIDATION_FAILED', `Ngày học bù "${row.madeUpOn}" không phải một ngày hợp lệ (YYYY-MM-DD).`);
  checkMakeUpDate(heldOn, row.madeUpOn);
}

/**
 * Writes many sessions and their attendance at once, as if each had been created, its attendance
 * saved and its make-ups recorded through the service: the same checks (an open unit in the actor's
 * scope; a session held already, with a topic that reaches its unit that year, the campaign item
 * only on a cell meeting; attendance of people on the roster, once each, an excused absence with
 * its reason, a make-up within the session's year), the same figure rules (`sessionDeltas`, and
 * `reevaluateStudyRecords` for who studied when) applied in one call, and one audit row for the
 * batch. Everything is checked before anything is written. Returns the new sessions' ids, in order.
 */
export async function insertSessionsInBulk(
  tx: Executor,
  actor: Actor,
  input: BulkSessionInput[],
  audit: BulkAudit = { action: 'study_session.bulk.insert', entityId: 'bulk' },
): Promise<{ sessionIds: number[]; attendance: number; studied: number }> {
  const sessions = input.map(parseSession);
  const units = await repo.findUnitsOfSessions(tx, [...new Set(sessions.map((session) => session.unitId))]);
  const topicChecks = new Map<string, { unitId: number; topicId: number; year: number }>();
  const placed = sessions.map((session) => {
    const unit = units.get(session.unitId);
    if (!unit) throw new AppError('NOT_FOUND', `Không tìm thấy đơn vị có mã ${session.unitId}.`);
    assertCan(actor, 'study.write', unit.path);
    if (unit.validTo) throw new AppError('INVALID_STATE', `Đơn vị "${unit.name}" đã kết thúc hoạt động.`);
    if (checkSessionShape(session.form)) {
      const check = { unitId: unit.id, topicId: session.form.topicId!, year: yearOf(session.form.heldOn) };
      topicChecks.set(`${check.unitId}|${check.topicId}|${check.year}`, check);
    }
    return { ...session, unitPath: unit.path, columns: sessionColumns(session.form) };
  });
  const inapplicable = (await repo.findInapplicableTopics(tx, [...topicChecks.values()]))[0];
  if (inapplicable) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Chuyên đề có mã ${inapplicable.topicId} không áp dụng cho đơn vị "${units.get(inapplicable.unitId)!.name}" trong năm ${inapplicable.year}.`,
    );
  }
  const offRoster = await repo.findOffRoster(
    tx,
    placed.flatMap((session) =>
      session.rows.map((row) => ({ personId: row.personId, unitPath: session.unitPath, heldOn: session.form.heldOn })),
    ),
  );
  let position = 0;
  for (const session of placed) {
    const first = position;
    const off = new Set(session.rows.filter((_, offset) => offRoster.has(first + offset)).map((row) => row.personId));
    position += session.rows.length;
    checkAttendanceRows(session.rows, session.form.heldOn, {
      onRoster: (personId) => !off.has(personId),
      nameOf: (personId) => `người có mã ${personId}`,
    });
    for (const row of session.rows) {
      if (row.madeUpOn !== null) checkMakeUp(session.form.kind, session.form.heldOn, { ...row, madeUpOn: row.madeUpOn });
    }
  }

  const sessionIds = await repo.insertSessions(
    tx,
    placed.map((session) => ({ unitId: session.unitId, ...session.columns, createdBy: actor.userId })),
  );
  const attendance = placed.flatMap((session, index) =>
    session.rows.map((row) => ({
      sessionId: sessionIds[index]!,
      personId: row.personId,
      status: row.status,
      reason: row.status === 'present' ? null : row.reason,
      madeUpOn: row.madeUpOn,
    })),
  );
  await repo.insertAttendance(tx, attendance);
  const deltas: FigureDelta[] = placed.flatMap((session) => sessionDeltas(session.unitPath, session.columns));
  const years = [...new Set(placed.filter((session) => session.rows.length > 0).map((session) => yearOf(session.form.heldOn)))];
  const studies = await reevaluateStudyRecords(
    tx,
    attendance.map((row) => row.personId),
    years,
  );
  await addFigureDeltas(tx, [...deltas, ...studies]);
  const counts = { sessions: sessionIds.length, attendance: attendance.length, studied: studies.filter((delta) => delta.delta > 0).length };
  await recordAudit(tx, actor, { action: audit.action, entityType: 'system', entityId: audit.entityId, after: counts });
  return { sessionIds, attendance: counts.attendance, studied: counts.studied };
}
