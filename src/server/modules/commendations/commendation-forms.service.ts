import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { scopePaths, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { foldVietnamese, normalizeTonePlacement } from '../../../shared/text';
import type { CommendationForm } from '../../../shared/contracts/commendations';
import * as repo from './decisions.repo';
import { presentCommendationForm } from './decisions.presenter';

/** The catalogue is shared by the whole tree, so only an administrator at its top keeps it. */
function assertCanKeepForms(actor: Actor): void {
  if (!scopePaths(actor, 'accounts.manage').some((path) => !path.includes('.'))) {
    throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống cấp cao nhất mới được sửa danh mục hình thức khen thưởng.');
  }
}

/** "Kỷ niệm chương" → "ky_niem_chuong": a stable code from the name, as the usual forms have. */
function codeOf(name: string): string {
  return foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

export async function listForms(db: Database, includeInactive: boolean): Promise<CommendationForm[]> {
  return (await repo.listForms(db, includeInactive)).map(presentCommendationForm);
}

export async function createForm(db: Database, actor: Actor, input: { name: string }): Promise<CommendationForm> {
  assertCanKeepForms(actor);
  const name = normalizeTonePlacement(input.name.trim());
  const code = codeOf(name);
  if (!code) throw new AppError('VALIDATION_FAILED', 'Tên hình thức khen thưởng cần có chữ hoặc số.');
  return db.transaction(async (tx) => {
    const forms = await repo.listForms(tx, true);
    const same = forms.find((form) => form.code === code);
    if (same) {
      throw new AppError(
        'DUPLICATE',
        `Hình thức "${same.name}" đã có trong danh mục${same.active ? '' : ' (đang tạm ngừng dùng: hãy bật lại)'}.`,
      );
    }
    const sortOrder = forms.reduce((highest, form) => Math.max(highest, form.sortOrder), 0) + 1;
    const row = await repo.insertForm(tx, { code, name, sortOrder: Math.min(sortOrder, 999), active: true });
    await recordAudit(tx, actor, { action: 'commendation_form.create', entityType: 'commendation_form', entityId: code, after: row });
    return presentCommendationForm(row);
  });
}

/**
 * Renames, reorders or switches a form off. A form switched off is offered for no new decision;
 * the decisions that used it keep it, and the figures still count them under it.
 */
export async function updateForm(
  db: Database,
  actor: Actor,
  code: string,
  input: { name?: string; sortOrder?: number; active?: boolean },
): Promise<CommendationForm> {
  assertCanKeepForms(actor);
  return db.transaction(async (tx) => {
    const before = await repo.findForm(tx, code);
    if (!before) throw new AppError('NOT_FOUND', 'Không tìm thấy hình thức khen thưởng này.');
    const name = input.name === undefined ? before.name : normalizeTonePlacement(input.name.trim());
    if (name !== before.name) {
      const clash = (await repo.listForms(tx, true)).find(
        (form) => form.code !== code && foldVietnamese(form.name) === foldVietnamese(name),
      );
      if (clash) throw new AppError('DUPLICATE', `Hình thức "${clash.name}" đã có trong danh mục.`);
    }
    const after = await repo.updateForm(tx, code, {
      name,
      sortOrder: input.sortOrder ?? before.sortOrder,
      active: input.active ?? before.active,
    });
    await recordAudit(tx, actor, { action: 'commendation_form.update', entityType: 'commendation_form', entityId: code, before, after });
    return presentCommendationForm(after);
  });
}
