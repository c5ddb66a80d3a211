import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { formatVietnameseDate } from '../../platform/dates';
import type { AttendancePreview, AttendanceStatus } from '../../../shared/contracts/study';
import type { RowError } from '../imports/excel/read';
import * as repo from './study.repo';
import { readAttendanceWorkbook, writeAttendanceTemplate } from './attendance-excel';
import { exportFileName } from '../../platform/file-names';

async function sessionForAttendance(db: Database, actor: Actor, id: number) {
  const found = await repo.findSession(db, id);
  if (!found) throw new AppError('NOT_FOUND', 'Không tìm thấy buổi học tập, sinh hoạt này.');
  assertCan(actor, 'study.write', found.unitPath);
  const roster = await repo.listRoster(db, id, found.unitPath, found.session.heldOn);
  return { ...found, roster };
}

export async function getAttendanceTemplate(db: Database, actor: Actor, id: number) {
  const { session, unitName, roster } = await sessionForAttendance(db, actor, id);
  const title = `${session.title} — ${unitName} — ngày ${formatVietnameseDate(session.heldOn)}`;
  const body = await writeAttendanceTemplate(
    title,
    roster.map((row) => ({
      personId: row.person_id,
      fullName: row.full_name,
      cardNumber: row.card_number,
      status: row.status ?? 'present',
      reason: row.reason,
    })),
  );
  return { body, fileName: exportFileName('Điểm danh', 'xlsx', { of: session.title, day: session.heldOn }) };
}

/**
 * Checks a filled attendance file against the session's roster and returns the whole attendance it
 * would give (people left out of the file are present). Nothing is written: the screen shows the
 * rows and errors, and saving sends the rows through the same check as the attendance screen.
 */
export async function previewAttendanceImport(db: Database, actor: Actor, id: number, buffer: Buffer): Promise<AttendancePreview> {
  const { session, roster } = await sessionForAttendance(db, actor, id);
  const parsed = await readAttendanceWorkbook(buffer);
  const errors: RowError[] = [...parsed.errors];
  const byId = new Map(roster.map((row) => [row.person_id, row]));
  const byCard = new Map(roster.filter((row) => row.card_number).map((row) => [row.card_number!, row]));
  const fromFile = new Map<number, { status: AttendanceStatus; reason: string | null; row: number }>();
  for (const item of parsed.rows) {
    const person = item.personId !== null ? byId.get(item.personId) : item.cardNumber ? byCard.get(item.cardNumber) : undefined;
    if (!person) {
      errors.push({
        row: item.row,
        column: 'Mã số',
        message: `${item.fullName || 'Người này'} không sinh hoạt tại đơn vị vào ngày ${formatVietnameseDate(session.heldOn)}`,
      });
      continue;
    }
    const earlier = fromFile.get(person.person_id);
    if (earlier) {
      errors.push({ row: item.row, column: 'Mã số', message: `${person.full_name} đã có ở dòng ${earlier.row}` });
      continue;
    }
    fromFile.set(person.person_id, { status: item.status, reason: item.status === 'present' ? null : item.reason, row: item.row });
  }
  const rows = roster
    .filter((row) => row.is_member || fromFile.has(row.person_id) || row.status)
    .map((row) => {
      const given = fromFile.get(row.person_id);
      return {
        personId: row.person_id,
        fullName: row.full_name,
        status: given?.status ?? (row.is_member ? 'present' : (row.status ?? 'present')),
        reason: given ? given.reason : row.is_member ? null : row.reason,
      };
    });
  errors.sort((a, b) => a.row - b.row);
  return {
    totalRows: parsed.rows.length + new Set(parsed.errors.map((error) => error.row)).size,
    errors,
    rows: errors.length > 0 ? [] : rows,
    version: session.version,
  };
}
