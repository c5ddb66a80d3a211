import type { Database, Executor } from '../../platform/db/client';
import { assertCan, can, canReadDownward, type Actor, type Permission } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors';
import { checkUpload, readStoredFile, writeStoredFile, type FileAccept } from '../../platform/file-storage';
import { recordAudit } from '../../platform/audit';
import { getUnitOrThrow } from '../units/index';
import type { FilePurpose, FileSummary } from '../../../shared/contracts/files';
import { presentFile } from './files.presenter';
import {
  findStoredFilesByIds,
  findStoredFileWithUnit,
  findUnderwayRegistrationId,
  insertStoredFile,
  listFilesOfOwners,
  setFilesOwner,
} from './files.repo';

/** `own_registration`: no permission, but a registration of the uploader's own in that unit (see below). */
type PurposeRule = {
  permission: Permission | 'own_registration';
  visibility: 'unit' | 'downward';
  accept: FileAccept;
  /** Who may download it once attached: whoever reads the programme there, unless the record is narrower. */
  read?: Permission;
};

/**
 * What each kind of attachment needs: who may upload it, who may read it afterwards, and what it
 * may contain. A plan's files reach every unit below, like the plan itself.
 */
const PURPOSE_RULES: Record<FilePurpose, PurposeRule> = {
  plan: { permission: 'programme.write', visibility: 'downward', accept: 'document' },
  topic: { permission: 'programme.write', visibility: 'downward', accept: 'document' },
  breakthrough_update: { permission: 'programme.write', visibility: 'downward', accept: 'document' },
  standard_sign: { permission: 'standards.write', visibility: 'unit', accept: 'image' },
  study_session: { permission: 'study.write', visibility: 'unit', accept: 'document' },
  check_in: { permission: 'own_registration', visibility: 'unit', accept: 'document' },
  // A report's annexes: written by the reporting unit, read by it and every level above it.
  report: { permission: 'reports.answer', visibility: 'unit', accept: 'document' },
  // A nomination's evidence and photos: read by the nominating unit and the levels that vet it.
  nomination: { permission: 'commendations.nominate', visibility: 'unit', accept: 'document' },
  // Evidence that a unit took up a commended model: read by that unit and the levels above it.
  model_adoption: { permission: 'commendations.nominate', visibility: 'unit', accept: 'document' },
  // An inspection's evidence, filed on the inspected unit: read by the team's level and that unit.
  inspection_finding: { permission: 'inspections.conduct', visibility: 'unit', accept: 'document', read: 'inspections.read' },
  // What the inspected unit did about a shortcoming: read by it and the levels above it.
  remedy: { permission: 'inspections.remedy', visibility: 'unit', accept: 'document', read: 'inspections.read' },
};

/**
 * Evidence of a check-in is uploaded by the registrant, who holds no write permission: allowed only
 * while the uploader has a registration under way in that unit (their own individual one, or the
 * unit's collective one when they may act for it).
 */
async function assertOwnRegistrationIn(db: Database, actor: Actor, unit: { id: number; path: string }): Promise<void> {
  const found = await findUnderwayRegistrationId(db, unit.id, actor.personId ?? null, can(actor, 'registrations.appraise', unit.path));
  if (found === undefined) {
    throw new AppError('FORBIDDEN', 'Chỉ người có bản đăng ký đang thực hiện ở đơn vị này mới tải được minh chứng.');
  }
}

/** Whether the actor may upload this kind of file for the unit; asked before the upload is read. */
export async function assertMayUpload(db: Database, actor: Actor, target: { unitId: number; purpose: FilePurpose }) {
  const rule = PURPOSE_RULES[target.purpose];
  const unit = await getUnitOrThrow(db, target.unitId);
  if (rule.permission === 'own_registration') await assertOwnRegistrationIn(db, actor, unit);
  else assertCan(actor, rule.permission, unit.path);
  return unit;
}

/** Stores an upload for a unit; it stays private to the uploader until a record attaches it. */
export async function uploadFile(
  db: Database,
  dataDir: string,
  actor: Actor,
  input: { unitId: number; purpose: FilePurpose; originalName: string; buffer: Buffer },
): Promise<FileSummary> {
  const rule = PURPOSE_RULES[input.purpose];
  const unit = await assertMayUpload(db, actor, input);
  const checked = await checkUpload(input.buffer, input.originalName, rule.accept);
  return db.transaction(async (tx) => {
    const row = await insertStoredFile(tx, {
      unitId: unit.id,
      visibility: rule.visibility,
      originalName: checked.safeName,
      contentType: checked.contentType,
      sizeBytes: input.buffer.length,
      sha256: checked.sha256,
      uploadedBy: actor.userId,
    });
    // Written inside the transaction: if the disk write fails, the row is rolled back with it.
    await writeStoredFile(dataDir, row.id, input.buffer);
    await recordAudit(tx, actor, {
      action: 'file.upload',
      entityType: 'stored_file',
      entityId: String(row.id),
      unitPath: unit.path,
      after: { name: row.originalName, contentType: row.contentType, sizeBytes: row.sizeBytes, purpose: input.purpose },
    });
    return presentFile(row);
  });
}

/** Reads a file for download if the actor may see the record it belongs to. */
export async function downloadFile(db: Database, dataDir: string, actor: Actor, fileId: number) {
  const found = await findStoredFileWithUnit(db, fileId);
  if (!found) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp.');
  const { file, unitPath } = found;
  const readPermission = (file.ownerType !== null && PURPOSE_RULES[file.ownerType as FilePurpose]?.read) || 'programme.read';
  const allowed =
    file.ownerType === null
      ? actor.userId !== null && file.uploadedBy === actor.userId
      : file.visibility === 'downward'
        ? canReadDownward(actor, readPermission, unitPath)
        : can(actor, readPermission, unitPath);
  if (!allowed) throw new AppError('FORBIDDEN', 'Bạn không có quyền tải tệp này.');
  return { name: file.originalName, contentType: file.contentType, body: await readStoredFile(dataDir, file.id) };
}

/**
 * Makes `fileIds` the attachments of one record (in the caller's transaction): each must have been
 * uploaded for the same unit and purpose and not belong to another record; files no longer listed
 * are detached.
 */
export async function replaceAttachments(
  executor: Executor,
  owner: { purpose: FilePurpose; ownerId: number; unitId: number },
  fileIds: number[],
): Promise<FileSummary[]> {
  const wanted = [...new Set(fileIds)];
  const rows = await findStoredFilesByIds(executor, wanted);
  for (const id of wanted) {
    const row = rows.find((candidate) => candidate.id === id);
    const belongsElsewhere = row && row.ownerType !== null && !(row.ownerType === owner.purpose && row.ownerId === owner.ownerId);
    if (!row || row.unitId !== owner.unitId || belongsElsewhere) {
      throw new AppError('VALIDATION_FAILED', `Tệp đính kèm số ${id} không hợp lệ: hãy tải tệp lên lại cho đúng đơn vị.`);
    }
    if (row.ownerType === null && row.visibility !== PURPOSE_RULES[owner.purpose].visibility) {
      throw new AppError('VALIDATION_FAILED', `Tệp đính kèm số ${id} được tải lên cho mục đích khác.`);
    }
  }
  const current = await listFilesOfOwners(executor, owner.purpose, [owner.ownerId]);
  const removed = current.filter((row) => !wanted.includes(row.id)).map((row) => row.id);
  await setFilesOwner(executor, removed, null, null);
  await setFilesOwner(executor, wanted, owner.purpose, owner.ownerId);
  const attached = await listFilesOfOwners(executor, owner.purpose, [owner.ownerId]);
  return attached.map(presentFile);
}

/** The names files were uploaded under, for a history that names files once attached (detached ones included). */
export async function findFileNames(executor: Executor, ids: number[]): Promise<Map<number, string>> {
  const rows = await findStoredFilesByIds(executor, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row.originalName]));
}

/** Attachments of many records of one kind, for presenters: ownerId → files. */
export async function listAttachments(executor: Executor, purpose: FilePurpose, ownerIds: number[]): Promise<Map<number, FileSummary[]>> {
  const rows = await listFilesOfOwners(executor, purpose, ownerIds);
  const result = new Map<number, FileSummary[]>(ownerIds.map((id) => [id, []]));
  for (const row of rows) result.get(row.ownerId!)?.push(presentFile(row));
  return result;
}

/**
 * A stored file with its owner, for a module that decides itself who may read it (a public page
 * showing the photos of what it publishes); undefined when there is no such file.
 */
export async function readOwnedFile(db: Database, dataDir: string, fileId: number) {
  const [row] = await findStoredFilesByIds(db, [fileId]);
  if (!row) return undefined;
  return {
    ownerType: row.ownerType,
    ownerId: row.ownerId,
    name: row.originalName,
    contentType: row.contentType,
    body: await readStoredFile(dataDir, row.id),
  };
}
