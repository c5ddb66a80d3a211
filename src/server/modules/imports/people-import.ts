import type { Executor } from '../../platform/db/client';
import { can, type Actor } from '../../platform/auth/policy';
import { addFigureDeltas, type FigureDelta } from '../../platform/figures';
import { formatVietnameseDate, todayIso } from '../../platform/dates';
import { findUnitsByCodes, type UnitRow } from '../units/index';
import { changeCategoryInTx, membershipDeltas, personColumns } from '../people/index';
import { findActivePrimaryMembership, findPersonById, movePersonInTx, updateMembership, updatePerson } from '../people/index';
import type { PersonImportRow, RowError } from './excel/read';
import * as repo from './imports.repo';

export type PlannedPerson = { row: number; data: PersonImportRow; action: 'create' | 'update' | 'unchanged'; existingId: number | null };

function sameFields(existing: repo.ExistingPerson, data: PersonImportRow, unitId: number): boolean {
  return (
    existing.full_name === data.fullName &&
    existing.sex === data.sex &&
    existing.birth_date === data.birthDate &&
    existing.category === data.category &&
    existing.card_number === data.cardNumber &&
    existing.id_number === data.idNumber &&
    existing.admission_date === data.admissionDate &&
    existing.phone === data.phone &&
    existing.email === data.email &&
    existing.address === data.address &&
    existing.unit_id === unitId &&
    existing.position === data.position &&
    existing.is_head === data.isHead
  );
}

/**
 * Checks parsed rows against the database and the actor's rights: the unit exists, is open and
 * is theirs; a card or CCCD number does not belong to two people; a person found elsewhere is
 * in the actor's subtree. Decides for each valid row whether it creates, updates or changes nothing.
 */
export async function planPeopleImport(executor: Executor, actor: Actor, rows: Array<{ row: number; data: PersonImportRow }>) {
  const errors: RowError[] = [];
  const units = new Map(
    (await findUnitsByCodes(executor, [...new Set(rows.map((r) => r.data.unitCode))])).map((unit) => [unit.code, unit]),
  );
  const existing = await repo.findPeopleByIdentities(
    executor,
    rows.flatMap((r) => (r.data.cardNumber ? [r.data.cardNumber] : [])),
    rows.flatMap((r) => (r.data.idNumber ? [r.data.idNumber] : [])),
  );
  const byCard = new Map(existing.filter((p) => p.card_number).map((p) => [p.card_number!, p]));
  const byIdNumber = new Map(existing.filter((p) => p.id_number).map((p) => [p.id_number!, p]));
  const planned: PlannedPerson[] = [];
  for (const { row, data } of rows) {
    const unit = units.get(data.unitCode);
    if (!unit) {
      errors.push({ row, column: 'Mã đơn vị', message: `Không có đơn vị mã "${data.unitCode}". Hãy kiểm tra mã trong danh sách đơn vị.` });
      continue;
    }
    if (unit.validTo) {
      errors.push({
        row,
        column: 'Mã đơn vị',
        message: `Đơn vị "${unit.name}" đã kết thúc hoạt động từ ${formatVietnameseDate(unit.validTo)}.`,
      });
      continue;
    }
    if (!can(actor, 'imports.people', unit.path)) {
      errors.push({ row, column: 'Mã đơn vị', message: `Bạn không có quyền nhập danh sách cho đơn vị "${unit.name}".` });
      continue;
    }
    const matchByCard = data.cardNumber ? byCard.get(data.cardNumber) : undefined;
    const matchById = data.idNumber ? byIdNumber.get(data.idNumber) : undefined;
    if (matchByCard && matchById && matchByCard.id !== matchById.id) {
      errors.push({
        row,
        column: 'Số CCCD',
        message: `Số thẻ đảng viên thuộc về ${matchByCard.full_name} nhưng Số CCCD thuộc về ${matchById.full_name}.`,
      });
      continue;
    }
    const match = matchByCard ?? matchById;
    if (match?.unit_path && !can(actor, 'imports.people', match.unit_path)) {
      errors.push({
        row,
        column: 'Số thẻ đảng viên',
        message: `${match.full_name} đang sinh hoạt ở đơn vị ngoài phạm vi của bạn; không thể chuyển bằng tệp nhập.`,
      });
      continue;
    }
    if (match && data.fromDate && match.from_date && match.unit_id !== unit.id && data.fromDate < match.from_date) {
      errors.push({
        row,
        column: 'Từ ngày',
        message: `Ngày chuyển đến không được trước ngày bắt đầu sinh hoạt hiện tại (${formatVietnameseDate(match.from_date)}).`,
      });
      continue;
    }
    const action = !match ? 'create' : sameFields(match, data, unit.id) ? 'unchanged' : 'update';
    planned.push({ row, data, action, existingId: match?.id ?? null });
  }
  return { planned, errors, units };
}

/** Writes a planned import: new people in bulk, changed people one by one, figures once. */
export async function applyPeopleImport(tx: Executor, actor: Actor, planned: PlannedPerson[], units: Map<string, UnitRow>) {
  const today = todayIso();
  const creates = planned.filter((p) => p.action === 'create');
  const updates = planned.filter((p) => p.action === 'update');
  const deltas: FigureDelta[] = [];
  await repo.insertCreatedPeople(tx, actor, creates.length, (start, end) =>
    creates.slice(start, end).map((p) => {
      const unit = units.get(p.data.unitCode)!;
      const fromDate = p.data.fromDate ?? today;
      deltas.push(...membershipDeltas(unit.path, p.data.category, fromDate, null));
      return {
        person: personColumns(p.data),
        membership: { unitId: unit.id, unitPath: unit.path, position: p.data.position, isHead: p.data.isHead, fromDate },
      };
    }),
  );
  await addFigureDeltas(tx, deltas);
  const audit: Parameters<typeof repo.insertAuditEntries>[2] = [];
  for (const p of updates) {
    const unit = units.get(p.data.unitCode)!;
    const before = await findPersonById(tx, p.existingId!);
    const active = await findActivePrimaryMembership(tx, p.existingId!);
    if (!before) continue;
    const columns = personColumns(p.data);
    await changeCategoryInTx(tx, p.existingId!, active, before.category, columns.category);
    const person = await updatePerson(tx, p.existingId!, columns);
    if (!active || active.membership.unitId !== unit.id) {
      await movePersonInTx(tx, person, active, {
        unitId: unit.id,
        position: p.data.position,
        isHead: p.data.isHead,
        fromDate: p.data.fromDate ?? today,
      });
    } else if (active.membership.position !== p.data.position || active.membership.isHead !== p.data.isHead) {
      await updateMembership(tx, active.membership.id, { position: p.data.position, isHead: p.data.isHead });
    }
    audit.push({
      action: 'person.import_update',
      entityType: 'person',
      entityId: String(person.id),
      unitPath: unit.path,
      before,
      after: p.data,
    });
  }
  await repo.insertAuditEntries(tx, actor, audit);
  return { created: creates.length, updated: updates.length, unchanged: planned.length - creates.length - updates.length };
}
