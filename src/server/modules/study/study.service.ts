import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, can, scopePaths, type Actor, type RecordPlace } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addFigureDeltas } from '../../platform/figures';
import { formatVietnameseDate, todayIso } from '../../platform/dates';
import { foldVietnamese } from '../../../shared/text';
import {
  STUDY_KINDS,
  type ApplicableTopic,
  type Attendance,
  type CreateSession,
  type MakeUp,
  type SaveAttendance,
  type SessionKind,
  type SessionsQuery,
  type StudySession,
  type StudySessionsAnswer,
  type StudyStatusAnswer,
  type StudyStatusQuery,
  type UpdateSession,
} from '../../../shared/contracts/study';
import { getUnitOrThrow } from '../units/index';
import { listAttachments, replaceAttachments } from '../files/index';
import { asOfForYear } from '../figures/index';
import * as repo from './study.repo';
import { reevaluateStudies, sessionDeltas } from './study.figures';
import { presentApplicableTopic, presentRosterRow, presentSession, presentStatusRow } from './study.presenter';

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

function searchTextOf(fields: { title: string; place: string | null; notes: string | null }): string {
  return foldVietnamese([fields.title, fields.place ?? '', fields.notes ?? ''].join(' '));
}

/**
 * A session records what happened: it cannot be dated in the future. A study session or conference
 * needs a topic that reaches its unit in its year; a cell meeting has none. Only a cell meeting has
 * the campaign as one agenda item among others: asked of another kind, it is refused, not dropped.
 */
async function checkSessionFields(
  executor: Executor,
  unitPath: string,
  fields: { kind: SessionKind; topicId: number | null; heldOn: string; hasCampaignItem: boolean },
) {
  if (!checkSessionShape(fields)) return null;
  const topic = await repo.findTopic(executor, fields.topicId!);
  if (!topic) throw new AppError('NOT_FOUND', 'Không tìm thấy chuyên đề đã chọn.');
  const year = yearOf(fields.heldOn);
  const applicable = await repo.listApplicableTopics(executor, unitPath, year);
  if (!applicable.some((candidate) => candidate.id === topic.id)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Chuyên đề "${topic.title}" không áp dụng cho đơn vị này trong năm ${year}: hãy chọn chuyên đề của đơn vị hoặc cấp trên cho năm ${year}.`,
    );
  }
  return topic;
}

/**
 * What a session's own fields must say, before its topic is looked up: held already, the campaign
 * item only on a cell meeting, a topic on a study session or conference. Whether it needs a topic.
 */
export function checkSessionShape(fields: {
  kind: SessionKind;
  topicId: number | null;
  heldOn: string;
  hasCampaignItem: boolean;
}): boolean {
  if (fields.heldOn > todayIso()) {
    throw new AppError('VALIDATION_FAILED', `Ngày tổ chức ${formatVietnameseDate(fields.heldOn)} chưa đến: chỉ ghi nhận buổi đã diễn ra.`);
  }
  if (fields.kind === 'cell_meeting') return false;
  if (fields.hasCampaignItem) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Mục "có nội dung học tập và làm theo" chỉ dành cho buổi sinh hoạt chi bộ; buổi học tập chuyên đề, hội nghị đã là nội dung đó. Hãy bỏ chọn mục này.',
      { field: 'hasCampaignItem' },
    );
  }
  if (fields.topicId === null) throw new AppError('VALIDATION_FAILED', 'Hãy chọn chuyên đề cho buổi học tập, hội nghị.');
  return true;
}

export function sessionColumns(input: Omit<CreateSession, 'unitId' | 'fileIds'>) {
  const isCellMeeting = input.kind === 'cell_meeting';
  return {
    kind: input.kind,
    topicId: isCellMeeting ? null : input.topicId,
    title: input.title,
    heldOn: input.heldOn,
    place: input.place,
    isOnline: input.isOnline,
    // Only a cell meeting carries the campaign as an agenda item; a study session is the campaign itself.
    hasCampaignItem: isCellMeeting ? input.hasCampaignItem : false,
    notes: input.notes,
    searchText: searchTextOf(input),
  };
}

async function presentById(executor: Executor, id: number): Promise<StudySession> {
  const row = await repo.findSessionListRow(executor, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy buổi học tập, sinh hoạt này.');
  const files = await listAttachments(executor, 'study_session', [id]);
  return presentSession(row, files.get(id) ?? []);
}

/** Where a study session named in a request sits (its unit), for the check made before the body or file is read. */
export async function findSessionPlace(executor: Executor, id: number): Promise<RecordPlace | undefined> {
  const session = await repo.findSession(executor, id);
  return session ? { unitPaths: [session.unitPath] } : undefined;
}

async function getSessionOrThrow(executor: Executor, id: number, forUpdate = false) {
  const found = await repo.findSession(executor, id, forUpdate);
  if (!found) throw new AppError('NOT_FOUND', 'Không tìm thấy buổi học tập, sinh hoạt này.');
  return found;
}

function assertVersion(current: number, given: number): void {
  if (current !== given) {
    throw new AppError('VERSION_CONFLICT', 'Buổi này vừa được người khác sửa. Hãy tải lại rồi thực hiện lại.');
  }
}

export async function createSession(db: Database, actor: Actor, input: CreateSession) {
  const unit = await getUnitOrThrow(db, input.unitId);
  assertCan(actor, 'study.write', unit.path);
  if (unit.validTo) throw new AppError('INVALID_STATE', `Đơn vị "${unit.name}" đã kết thúc hoạt động.`);
  const id = await db.transaction(async (tx) => {
    await checkSessionFields(tx, unit.path, input);
    const session = await repo.insertSession(tx, { unitId: unit.id, ...sessionColumns(input), createdBy: actor.userId });
    await replaceAttachments(tx, { purpose: 'study_session', ownerId: session.id, unitId: unit.id }, input.fileIds);
    await addFigureDeltas(tx, sessionDeltas(unit.path, session));
    await recordAudit(tx, actor, {
      action: 'study_session.create',
      entityType: 'study_session',
      entityId: session.id,
      unitPath: unit.path,
      after: { ...session, fileIds: input.fileIds },
    });
    return session.id;
  });
  return presentById(db, id);
}

export async function updateSession(db: Database, actor: Actor, id: number, input: UpdateSession) {
  await db.transaction(async (tx) => {
    const { session, unitPath } = await getSessionOrThrow(tx, id, true);
    assertCan(actor, 'study.write', unitPath);
    assertVersion(session.version, input.version);
    await checkSessionFields(tx, unitPath, input);
    const after = await repo.updateSession(tx, id, sessionColumns(input));
    await replaceAttachments(tx, { purpose: 'study_session', ownerId: id, unitId: session.unitId }, input.fileIds);
    await addFigureDeltas(tx, [...sessionDeltas(unitPath, session, -1), ...sessionDeltas(unitPath, after)]);
    // The date, kind or topic may change who studied when, in the old year and the new one.
    const attendees = (await repo.listAttendance(tx, id)).map((row) => row.personId);
    await reevaluateStudies(tx, attendees, [yearOf(session.heldOn), yearOf(after.heldOn)]);
    await recordAudit(tx, actor, {
      action: 'study_session.update',
      entityType: 'study_session',
      entityId: id,
      unitPath,
      before: session,
      after: { ...after, fileIds: input.fileIds },
    });
  });
  return presentById(db, id);
}

export async function deleteSession(db: Database, actor: Actor, id: number, version: number) {
  await db.transaction(async (tx) => {
    const { session, unitPath } = await getSessionOrThrow(tx, id, true);
    assertCan(actor, 'study.write', unitPath);
    assertVersion(session.version, version);
    await repo.softDeleteSession(tx, id);
    await addFigureDeltas(tx, sessionDeltas(unitPath, session, -1));
    // Those who studied here move to their next earliest session, or are no longer counted.
    const attendees = (await repo.listAttendance(tx, id)).map((row) => row.personId);
    await reevaluateStudies(tx, attendees, [yearOf(session.heldOn)]);
    await recordAudit(tx, actor, { action: 'study_session.delete', entityType: 'study_session', entityId: id, unitPath, before: session });
  });
}

/**
 * The attendance of one session: each person once, on the session's roster
 * (told by `onRoster`); an excused absence needs its reason.
 */
export function checkAttendanceRows(
  rows: ReadonlyArray<{ personId: number; status: string; reason: string | null }>,
  heldOn: string,
  roster: { onRoster: (personId: number) => boolean; nameOf: (personId: number) => string },
): void {
  const seen = new Set<number>();
  for (const row of rows) {
    if (seen.has(row.personId))
      throw new AppError('VALIDATION_FAILED', `Người có mã ${row.personId} xuất hiện hai lần trong danh sách điểm danh.`);
    seen.add(row.personId);
    if (!roster.onRoster(row.personId)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Người có mã ${row.personId} không sinh hoạt tại đơn vị này vào ngày ${formatVietnameseDate(heldOn)}.`,
      );
    }
    if (row.status === 'absent_excused' && !row.reason) {
      throw new AppError('VALIDATION_FAILED', `Hãy nhập lý do vắng của ${roster.nameOf(row.personId)}.`);
    }
  }
}

/**
 * Replaces the attendance of a session. Every row must be about someone in the session's roster
 * (a member of its subtree on the day, or someone already recorded); an excused absence needs its
 * reason. A make-up already recorded stays while the person is still marked absent.
 */
export async function saveAttendanceInTx(
  tx: Executor,
  actor: Actor,
  id: number,
  input: SaveAttendance,
  action = 'study_session.attendance',
) {
  const { session, unitPath } = await getSessionOrThrow(tx, id, true);
  assertCan(actor, 'study.write', unitPath);
  assertVersion(session.version, input.version);
  const roster = new Map((await repo.listRoster(tx, id, unitPath, session.heldOn)).map((row) => [row.person_id, row]));
  checkAttendanceRows(input.rows, session.heldOn, {
    onRoster: (personId) => roster.has(personId),
    nameOf: (personId) => roster.get(personId)!.full_name,
  });
  const before = await repo.listAttendance(tx, id);
  const previous = new Map(before.map((row) => [row.personId, row]));
  await repo.deleteAttendance(tx, id);
  await repo.insertAttendance(
    tx,
    input.rows.map((row) => ({
      sessionId: id,
      personId: row.personId,
      status: row.status,
      reason: row.status === 'present' ? null : row.reason,
      madeUpOn: row.status === 'present' ? null : (previous.get(row.personId)?.madeUpOn ?? null),
    })),
  );
  await repo.updateSession(tx, id, {});
  await reevaluateStudies(tx, [...before.map((row) => row.personId), ...input.rows.map((row) => row.personId)], [yearOf(session.heldOn)]);
  const count = (status: string) => input.rows.filter((row) => row.status === status).length;
  await recordAudit(tx, actor, {
    action,
    entityType: 'study_session',
    entityId: id,
    unitPath,
    before: before.map(({ personId, status, reason, madeUpOn }) => ({ personId, status, reason, madeUpOn })),
    after: { present: count('present'), absentExcused: count('absent_excused'), absent: count('absent'), rows: input.rows },
  });
}

export async function saveAttendance(db: Database, actor: Actor, id: number, input: SaveAttendance) {
  await db.transaction((tx) => saveAttendanceInTx(tx, actor, id, input));
  return presentById(db, id);
}

/** A make-up lies between the session and today, within the session's year. */
export function checkMakeUpDate(heldOn: string, madeUpOn: string): void {
  const endOfYear = `${heldOn.slice(0, 4)}-12-31`;
  if (madeUpOn < heldOn || madeUpOn > endOfYear || madeUpOn > todayIso()) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Ngày học bù phải từ ngày ${formatVietnameseDate(heldOn)} đến hết năm ${heldOn.slice(0, 4)} và không sau hôm nay.`,
    );
  }
}

/**
 * Records (or clears) that a person who missed a study session studied it later. The date lies
 * between the session and today, within the session's year, so it counts for that year's topic.
 */
export async function recordMakeUp(db: Database, actor: Actor, id: number, input: MakeUp) {
  await db.transaction(async (tx) => {
    const { session, unitPath } = await getSessionOrThrow(tx, id, true);
    assertCan(actor, 'study.write', unitPath);
    if (!STUDY_KINDS.includes(session.kind)) {
      throw new AppError('VALIDATION_FAILED', 'Chỉ ghi nhận học bù cho buổi học tập chuyên đề hoặc hội nghị.');
    }
    const current = await repo.findAttendance(tx, id, input.personId);
    if (current?.status === 'present') throw new AppError('INVALID_STATE', 'Người này đã có mặt tại buổi học tập, không cần học bù.');
    const roster = await repo.listRoster(tx, id, unitPath, session.heldOn);
    const person = roster.find((row) => row.person_id === input.personId);
    if (!person) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Người có mã ${input.personId} không sinh hoạt tại đơn vị này vào ngày ${formatVietnameseDate(session.heldOn)}.`,
      );
    }
    if (input.madeUpOn !== null) checkMakeUpDate(session.heldOn, input.madeUpOn);
    await repo.upsertMakeUp(tx, id, input.personId, input.madeUpOn);
    await repo.updateSession(tx, id, {});
    await reevaluateStudies(tx, [input.personId], [yearOf(session.heldOn)]);
    await recordAudit(tx, actor, {
      action: 'study_session.make_up',
      entityType: 'study_session',
      entityId: id,
      unitPath,
      before: current ? { personId: current.personId, madeUpOn: current.madeUpOn } : null,
      after: { personId: input.personId, fullName: person.full_name, madeUpOn: input.madeUpOn },
    });
  });
  return presentById(db, id);
}

export async function listSessions(db: Database, actor: Actor, query: SessionsQuery): Promise<StudySessionsAnswer> {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'programme.read', unit.path);
  const { items, total } = await repo.searchSessions(db, {
    ...query,
    q: query.q ? foldVietnamese(query.q) : undefined,
    scope: scopePaths(actor, 'programme.read'),
    unitPath: unit.path,
  });
  return { items: items.map((row) => presentSession(row)), total, page: query.page, pageSize: query.pageSize };
}

export async function getSession(db: Database, actor: Actor, id: number) {
  const { unitPath } = await getSessionOrThrow(db, id);
  assertCan(actor, 'programme.read', unitPath);
  return presentById(db, id);
}

/** The attendance screen: names of people, so it needs the right to read the unit's people. */
export async function getAttendance(db: Database, actor: Actor, id: number): Promise<Attendance> {
  const { session, unitPath } = await getSessionOrThrow(db, id);
  assertCan(actor, 'people.read', unitPath);
  const rows = await repo.listRoster(db, id, unitPath, session.heldOn);
  return {
    session: await presentById(db, id),
    canWrite: can(actor, 'study.write', unitPath),
    rows: rows.map((row) => presentRosterRow(row, can(actor, 'people.personal', row.unit_path || unitPath))),
  };
}

export async function listTopicsForUnit(db: Database, actor: Actor, unitId: number, year: number): Promise<ApplicableTopic[]> {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'programme.read', unit.path);
  const topics = await repo.listApplicableTopics(db, unit.path, year);
  return topics.map(presentApplicableTopic);
}

export async function listStudyStatus(db: Database, actor: Actor, query: StudyStatusQuery): Promise<StudyStatusAnswer> {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'people.read', unit.path);
  const { items, total } = await repo.searchStudyStatus(db, {
    ...query,
    asOf: asOfForYear(query.year),
    q: query.q ? foldVietnamese(query.q) : undefined,
    unitPath: unit.path,
  });
  return { items: items.map(presentStatusRow), total, page: query.page, pageSize: query.pageSize };
}
