import type { Executor } from '../../platform/db/client';
import { can, isPathWithin, scopePaths, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { notBeforeProblem, todayIso } from '../../platform/dates';
import { createUnitInTx, currentVersionStarts, findUnitsByCodes, getUnitOrThrow, type UnitRow } from '../units/index';
import { moveUnitInTx, updateUnitFieldsInTx } from '../units/index';
import type { RowError, UnitImportRow } from './excel/read';
import { UNIT_KIND_LABELS } from '../../../shared/contracts/domain';
import { unitKindChildProblem, unitKindPeriodProblem } from '../../../shared/unit-kind-periods';

export type PlannedUnit = { row: number; data: UnitImportRow; action: 'create' | 'update' | 'unchanged' };

/**
 * Checks unit rows: a parent is an existing unit or a row of the same file, inside the actor's
 * subtree; an existing code is updated (name, kind, parent), a new one created. Rows are returned
 * parents first, so they can be applied in order.
 */
export async function planUnitsImport(executor: Executor, actor: Actor, rows: Array<{ row: number; data: UnitImportRow }>) {
  const errors: RowError[] = [];
  const codes = [...new Set(rows.flatMap((r) => [r.data.code, ...(r.data.parentCode ? [r.data.parentCode] : [])]))];
  const existing = new Map((await findUnitsByCodes(executor, codes)).map((unit) => [unit.code, unit]));
  const fileRows = new Map(rows.map((r) => [r.data.code, r]));
  const isRootAdmin = scopePaths(actor, 'imports.units').some((path) => !path.includes('.'));
  // The dates apply checks, checked here too, so that a clean preview is an apply that goes through.
  const today = todayIso();
  const versionStarts = await currentVersionStarts(
    executor,
    [...existing.values()].map((unit) => unit.id),
  );
  const foundedOn = (code: string): string | undefined => {
    const unit = existing.get(code);
    if (unit) return unit.validFrom;
    const inFile = fileRows.get(code);
    return inFile ? (inFile.data.validFrom ?? today) : undefined;
  };
  const planned: PlannedUnit[] = [];
  const accepted = new Set<string>();
  /** The existing unit a chain of new units of the file finally hangs from. */
  const existingAncestorInFile = (code: string): UnitRow | undefined => {
    const seen = new Set<string>();
    let next: string | null = code;
    while (next && !existing.has(next) && !seen.has(next)) {
      seen.add(next);
      next = fileRows.get(next)?.data.parentCode ?? null;
    }
    return next ? existing.get(next) : undefined;
  };
  const visit = (entry: { row: number; data: UnitImportRow }, trail: Set<string>): boolean => {
    const { row, data } = entry;
    if (accepted.has(data.code)) return true;
    if (trail.has(data.code)) {
      errors.push({ row, column: 'Mã đơn vị cấp trên', message: 'Các đơn vị trong tệp làm cấp trên của nhau thành vòng lặp.' });
      return false;
    }
    const current = existing.get(data.code);
    if (current && !can(actor, 'imports.units', current.path)) {
      errors.push({ row, column: 'Mã đơn vị', message: `Đơn vị "${current.name}" nằm ngoài phạm vi quản lý của bạn.` });
      return false;
    }
    if (current?.validTo) {
      errors.push({ row, column: 'Mã đơn vị', message: `Đơn vị "${current.name}" đã kết thúc hoạt động; không thể cập nhật.` });
      return false;
    }
    if (data.parentCode) {
      const parentInFile = fileRows.get(data.parentCode);
      const parent = existing.get(data.parentCode);
      if (parentInFile && !existing.has(data.parentCode)) {
        if (!visit(parentInFile, new Set([...trail, data.code]))) {
          errors.push({
            row,
            column: 'Mã đơn vị cấp trên',
            message: `Đơn vị cấp trên "${data.parentCode}" có lỗi ở dòng ${parentInFile.row}.`,
          });
          return false;
        }
        // A new parent hangs under an existing unit; if that one is this unit or below it, it is a loop.
        const anchor = existingAncestorInFile(data.parentCode);
        if (current && anchor && isPathWithin(anchor.path, current.path)) {
          errors.push({ row, column: 'Mã đơn vị cấp trên', message: 'Không thể đặt đơn vị làm cấp dưới của chính nó.' });
          return false;
        }
      } else if (!parent) {
        errors.push({
          row,
          column: 'Mã đơn vị cấp trên',
          message: `Không có đơn vị cấp trên mã "${data.parentCode}" trong hệ thống hay trong tệp.`,
        });
        return false;
      } else if (parent.validTo) {
        errors.push({ row, column: 'Mã đơn vị cấp trên', message: `Đơn vị cấp trên "${parent.name}" đã kết thúc hoạt động.` });
        return false;
      } else if (!can(actor, 'imports.units', parent.path)) {
        errors.push({ row, column: 'Mã đơn vị cấp trên', message: `Đơn vị cấp trên "${parent.name}" nằm ngoài phạm vi quản lý của bạn.` });
        return false;
      } else if (current && (parent.path === current.path || parent.path.startsWith(`${current.path}.`))) {
        errors.push({ row, column: 'Mã đơn vị cấp trên', message: 'Không thể đặt đơn vị làm cấp dưới của chính nó.' });
        return false;
      }
    } else if (!current && !isRootAdmin) {
      errors.push({
        row,
        column: 'Mã đơn vị cấp trên',
        message: 'Hãy nhập mã đơn vị cấp trên (chỉ quản trị toàn hệ thống được tạo đơn vị gốc).',
      });
      return false;
    }
    const parentId = data.parentCode ? existing.get(data.parentCode)?.id : undefined;
    const unchanged =
      current && current.name === data.name && current.kind === data.kind && (data.parentCode === null || current.parentId === parentId);
    const parentFounded = data.parentCode ? foundedOn(data.parentCode) : undefined;
    const dateProblem = !current
      ? parentFounded && notBeforeProblem(data.validFrom ?? today, parentFounded, 'ngày thành lập của đơn vị cấp trên')
      : !unchanged && notBeforeProblem(today, versionStarts.get(current.id) ?? current.validFrom, 'lần thay đổi gần nhất của đơn vị');
    if (dateProblem) {
      errors.push({ row, column: current ? 'Mã đơn vị' : 'Ngày thành lập', message: dateProblem });
      return false;
    }
    const kindInForceOn = !current ? (data.validFrom ?? today) : current.kind !== data.kind ? today : undefined;
    const kindProblem = kindInForceOn && unitKindPeriodProblem(data.kind, UNIT_KIND_LABELS[data.kind], kindInForceOn);
    if (kindProblem) {
      errors.push({ row, column: 'Loại đơn vị', message: kindProblem });
      return false;
    }
    // The parent must still be of a kind that exists on the day the unit comes under it.
    const placedOn = !current ? (data.validFrom ?? today) : data.parentCode && current.parentId !== parentId ? today : undefined;
    const parentRow = data.parentCode ? (existing.get(data.parentCode) ?? fileRows.get(data.parentCode)?.data) : undefined;
    const parentProblem =
      placedOn && parentRow && unitKindChildProblem(parentRow.kind, UNIT_KIND_LABELS[parentRow.kind], parentRow.name, placedOn);
    if (parentProblem) {
      errors.push({ row, column: 'Mã đơn vị cấp trên', message: parentProblem });
      return false;
    }
    accepted.add(data.code);
    planned.push({ row, data, action: !current ? 'create' : unchanged ? 'unchanged' : 'update' });
    return true;
  };
  for (const entry of rows) visit(entry, new Set());
  return { planned, errors };
}

export async function applyUnitsImport(tx: Executor, actor: Actor, planned: PlannedUnit[]) {
  const today = todayIso();
  let created = 0;
  let updated = 0;
  const byCode = async (code: string): Promise<UnitRow> => {
    const [unit] = await findUnitsByCodes(tx, [code]);
    return unit!;
  };
  for (const { data, action } of planned) {
    if (action === 'unchanged') continue;
    const parent = data.parentCode ? await byCode(data.parentCode) : undefined;
    if (action === 'create') {
      const unit = await createUnitInTx(tx, {
        code: data.code,
        name: data.name,
        kind: data.kind,
        parentId: parent?.id ?? null,
        validFrom: data.validFrom ?? today,
      });
      await recordAudit(tx, actor, {
        action: 'unit.import_create',
        entityType: 'unit',
        entityId: unit.id,
        unitPath: unit.path,
        after: data,
      });
      created += 1;
      continue;
    }
    let unit = await byCode(data.code);
    const before = { name: unit.name, kind: unit.kind, parentId: unit.parentId };
    if (parent && unit.parentId !== parent.id) unit = await moveUnitInTx(tx, unit, await getUnitOrThrow(tx, parent.id), today);
    if (unit.name !== data.name || unit.kind !== data.kind) {
      unit = await updateUnitFieldsInTx(tx, unit, { name: data.name, code: unit.code, kind: data.kind }, today);
    }
    await recordAudit(tx, actor, {
      action: 'unit.import_update',
      entityType: 'unit',
      entityId: unit.id,
      unitPath: unit.path,
      before,
      after: data,
    });
    updated += 1;
  }
  return { created, updated, unchanged: planned.length - created - updated };
}
