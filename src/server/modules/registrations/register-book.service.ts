import type { Database } from '../../platform/db/client';
import type { RowError } from '../imports/excel/read';
import { MAX_ACTIONS, type RegisterBookPreview, type RegisterBookQuery } from '../../../shared/contracts/registrations';
import { bookUnitFor } from './entered-registrations.service';
import { getWindowForOrThrow } from './registrations.service';
import * as repo from './registrations.repo';
import { BOOK_COLUMNS, readRegisterBook, writeRegisterBookTemplate, type BookAction, type BookRow } from './register-book-excel';
import { exportFileName } from '../../platform/file-names';

const header = (key: (typeof BOOK_COLUMNS)[number]['key']) => BOOK_COLUMNS.find((column) => column.key === key)!.header;

/** The book to fill for a unit and year: its members then, by name, after the unit's own row. */
export async function getRegisterBookTemplate(db: Database, actor: Parameters<typeof bookUnitFor>[1], query: RegisterBookQuery) {
  const unit = await bookUnitFor(db, actor, query.unitId);
  const members = await repo.listBookMembers(db, unit.path, query.year);
  return {
    fileName: exportFileName('Sổ đăng ký làm theo', 'xlsx', { year: query.year, of: unit.name }),
    body: await writeRegisterBookTemplate(unit.name, members),
  };
}

type Group = { row: number; personId: number | null; name: string; shortcomings: string[]; actions: BookAction[] };

/**
 * Reads a filled register book and checks every registration in it as entering them would: the
 * member belongs to the unit that year and has no registration yet, individual ones say what the
 * member will fix, no more than the allowed actions. Writes nothing; the entries come back only
 * when there is no error, ready to be entered as one write.
 */
export async function previewRegisterBook(
  db: Database,
  actor: Parameters<typeof bookUnitFor>[1],
  query: RegisterBookQuery,
  buffer: Buffer,
): Promise<RegisterBookPreview> {
  const unit = await bookUnitFor(db, actor, query.unitId);
  await getWindowForOrThrow(db, unit, query.year);
  const members = await repo.listBookMembers(db, unit.path, query.year);
  const byId = new Map(members.map((member) => [member.personId, member]));
  const byCard = new Map(members.filter((member) => member.cardNumber).map((member) => [member.cardNumber!, member]));
  const hasCollective = (await repo.findCollectiveId(db, unit.id, query.year)) !== undefined;
  const parsed = await readRegisterBook(buffer);
  const errors: RowError[] = [...parsed.errors];
  const groups: Group[] = [];
  const firstRowOf = new Map<number | null, number>();
  let current: Group | null = null;

  const startGroup = (item: { row: number; data: BookRow }): Group | null => {
    const registrant = item.data.registrant!;
    const error = (message: string) => {
      errors.push({ row: item.row, column: header('code'), message });
      return null;
    };
    let personId: number | null = null;
    let name = `Tập thể ${unit.name}`;
    if (registrant.kind === 'collective') {
      if (hasCollective) return error(`${unit.name} đã có bản đăng ký tập thể năm ${query.year}`);
    } else {
      const member = registrant.personId !== null ? byId.get(registrant.personId) : byCard.get(registrant.cardNumber ?? '');
      if (!member) return error(`${item.data.fullName || 'Người này'} không sinh hoạt ở ${unit.name} trong năm ${query.year}`);
      if (member.registrationId) return error(`${member.fullName} đã có bản đăng ký năm ${query.year}`);
      personId = member.personId;
      name = member.fullName;
    }
    const earlier = firstRowOf.get(personId);
    if (earlier !== undefined) return error(`${name} đã có ở dòng ${earlier}; các việc làm tiếp theo để trống cột ${header('code')}`);
    firstRowOf.set(personId, item.row);
    return { row: item.row, personId, name, shortcomings: [], actions: [] };
  };

  for (const item of parsed.rows) {
    if (item.data.registrant) {
      current = startGroup(item);
      if (current) groups.push(current);
    } else if (!current) {
      // After a start row that had an error, its later rows are not reported again.
      if (!errors.some((error) => error.row < item.row)) {
        errors.push({
          row: item.row,
          column: header('code'),
          message: `Dòng này chưa có người đăng ký: nhập ${header('code')} ở dòng đầu của mỗi người`,
        });
      }
      continue;
    }
    if (!current) continue;
    if (item.data.shortcomings) current.shortcomings.push(item.data.shortcomings);
    if (item.data.action) current.actions.push(item.data.action);
  }

  const entries: RegisterBookPreview['entries'] = [];
  for (const group of groups) {
    if (group.actions.length === 0) continue; // a member who did not register that year
    const shortcomings = group.shortcomings.join(' ');
    if (group.personId !== null && !shortcomings) {
      errors.push({
        row: group.row,
        column: header('shortcomings'),
        message: `Hãy ghi những hạn chế, khuyết điểm ${group.name} cần khắc phục`,
      });
    }
    if (group.actions.length > MAX_ACTIONS) {
      errors.push({
        row: group.row,
        column: header('content'),
        message: `${group.name} có ${group.actions.length} việc làm, tối đa ${MAX_ACTIONS}`,
      });
    }
    entries.push({
      row: group.row,
      registrantName: group.name,
      personId: group.personId,
      shortcomings,
      actions: group.actions.map((action) => ({ ...action, linkKind: null, linkId: null, linkIndex: null })),
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    unitId: unit.id,
    unitName: unit.name,
    year: query.year,
    totalRows: parsed.totalRows,
    errors,
    entries: errors.length > 0 ? [] : entries,
    actionCount: entries.reduce((sum, entry) => sum + entry.actions.length, 0),
  };
}
