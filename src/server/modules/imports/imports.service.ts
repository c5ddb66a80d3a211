import { randomUUID } from 'node:crypto';
import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertHasPermissionSomewhere, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { readImportWorkbook, type PersonImportRow, type RowError, type UnitImportRow } from './excel/read';
import { applyPeopleImport, planPeopleImport, type PlannedPerson } from './people-import';
import { applyUnitsImport, planUnitsImport } from './units-import';
import type { ImportKind, ImportPreview, ImportResult } from '../../../shared/contracts/imports';
import * as repo from './imports.repo';

export type { ImportKind };
const PERMISSION = { units: 'imports.units', people: 'imports.people' } as const;
const BATCH_LIFETIME_MS = 60 * 60 * 1000;

type Summary = { totalRows: number; validRows: number; errors: RowError[]; creates: number; updates: number; unchanged: number };

function summarise(totalRows: number, planned: Array<{ action: string }>, errors: RowError[]): Summary {
  return {
    totalRows,
    validRows: planned.length,
    errors: [...errors].sort((a, b) => a.row - b.row),
    creates: planned.filter((p) => p.action === 'create').length,
    updates: planned.filter((p) => p.action === 'update').length,
    unchanged: planned.filter((p) => p.action === 'unchanged').length,
  };
}

/** Whether the actor may import this kind at all; asked before an upload is read. */
export function assertMayImport(actor: Actor, kind: ImportKind): void {
  assertHasPermissionSomewhere(actor, PERMISSION[kind]);
}

/**
 * Step 1: read the file, check every row, and keep the valid rows as a batch. Nothing is written
 * to the data until the user applies the batch.
 */
export async function previewImport(
  db: Database,
  actor: Actor,
  kind: ImportKind,
  file: { fileName: string; buffer: Buffer },
): Promise<ImportPreview> {
  assertMayImport(actor, kind);
  let summary: Summary;
  let rows: Array<{ row: number; data: UnitImportRow | PersonImportRow; existingId?: number | null }>;
  if (kind === 'people') {
    const parsed = await readImportWorkbook('people', file.buffer);
    const plan = await planPeopleImport(db, actor, parsed.rows);
    summary = summarise(parsed.totalRows, plan.planned, [...parsed.errors, ...plan.errors]);
    // Who each row matched is kept, so apply can tell when an identifier changed hands meanwhile.
    const matched = new Map(plan.planned.map((p) => [p.row, p.existingId]));
    rows = parsed.rows.filter((r) => matched.has(r.row)).map((r) => ({ ...r, existingId: matched.get(r.row) ?? null }));
  } else {
    const parsed = await readImportWorkbook('units', file.buffer);
    const plan = await planUnitsImport(db, actor, parsed.rows);
    summary = summarise(parsed.totalRows, plan.planned, [...parsed.errors, ...plan.errors]);
    const valid = new Set(plan.planned.map((p) => p.row));
    rows = parsed.rows.filter((r) => valid.has(r.row));
  }
  const batchId = randomUUID();
  await repo.insertBatch(db, {
    id: batchId,
    kind,
    userId: actor.userId ?? 0,
    fileName: file.fileName,
    rows,
    summary,
    rowCount: rows.length,
  });
  return { batchId, fileName: file.fileName, ...summary };
}

/**
 * Step 2: apply every valid row of a previewed batch in one transaction. The rows are checked
 * again against the data as it is now; if any fails, nothing is written.
 */
export async function applyImport(db: Database, actor: Actor, batchId: string): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    const batch = await repo.findBatchForUpdate(tx, batchId);
    if (!batch || batch.userId !== (actor.userId ?? 0))
      throw new AppError('NOT_FOUND', 'Không tìm thấy lượt nhập này. Hãy tải tệp lên lại.');
    if (batch.appliedAt) throw new AppError('INVALID_STATE', 'Lượt nhập này đã được thực hiện rồi.');
    if (Date.now() - batch.createdAt.getTime() > BATCH_LIFETIME_MS) {
      throw new AppError('INVALID_STATE', 'Bản xem trước đã quá 1 giờ. Hãy tải tệp lên lại để kiểm tra với dữ liệu mới nhất.');
    }
    const kind = batch.kind;
    assertHasPermissionSomewhere(actor, PERMISSION[kind]);
    if (batch.rowCount === 0) throw new AppError('IMPORT_NOTHING_TO_APPLY', 'Tệp không có dòng hợp lệ nào để nhập.');
    let result: ImportResult;
    if (kind === 'people') {
      const rows = (await batch.readRows()) as Array<{ row: number; data: PersonImportRow; existingId?: number | null }>;
      const plan = await planPeopleImport(tx, actor, rows);
      assertStillValid([...plan.errors, ...matchesChangedSincePreview(rows, plan.planned)]);
      result = await applyPeopleImport(tx, actor, plan.planned, plan.units);
    } else {
      const rows = (await batch.readRows()) as Array<{ row: number; data: UnitImportRow }>;
      const plan = await planUnitsImport(tx, actor, rows);
      assertStillValid(plan.errors);
      result = await applyUnitsImport(tx, actor, plan.planned);
    }
    await repo.markBatchApplied(tx, batchId);
    await recordAudit(tx, actor, {
      action: `import.${kind}`,
      entityType: 'import',
      entityId: batchId,
      after: { fileName: batch.fileName, ...result },
    });
    return result;
  });
}

/**
 * A row previewed as a new person must not now update someone, nor update another person than the
 * one previewed (a card or CCCD number given to someone else meanwhile): that would overwrite them.
 */
function matchesChangedSincePreview(
  rows: Array<{ row: number; data: PersonImportRow; existingId?: number | null }>,
  planned: PlannedPerson[],
): RowError[] {
  const previewed = new Map(rows.map((r) => [r.row, r]));
  const errors: RowError[] = [];
  for (const p of planned) {
    const before = previewed.get(p.row);
    if (!before || before.existingId === undefined || before.existingId === p.existingId) continue;
    errors.push({
      row: p.row,
      column: p.data.cardNumber ? 'Số thẻ đảng viên' : 'Số CCCD',
      message: 'Số thẻ đảng viên hoặc Số CCCD của dòng này nay thuộc về người khác so với lúc xem trước.',
    });
  }
  return errors;
}

function assertStillValid(errors: RowError[]): void {
  if (errors.length > 0) {
    throw new AppError(
      'CONFLICT',
      'Dữ liệu đã thay đổi từ lúc xem trước nên một số dòng không còn hợp lệ; chưa có dòng nào được nhập. Hãy tải tệp lên lại.',
      { errors },
    );
  }
}
