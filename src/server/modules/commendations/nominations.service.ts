import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import {
  assertCan,
  assertHasPermissionSomewhere,
  isPathWithin,
  scopePaths,
  type Actor,
  type RecordPlace,
} from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { foldVietnamese } from '../../../shared/text';
import type { NominationContent } from '../../db/schema/commendations';
import type {
  CreateNominationInput,
  NominationAction,
  NominationsPage,
  NominationsQuery,
  NominationView,
  UpdateNominationInput,
} from '../../../shared/contracts/commendations';
import { getUnitOrThrow } from '../units/index';
import { findActivePrimaryMembership, findPersonById } from '../people/index';
import { listAttachments, replaceAttachments } from '../files/index';
import * as repo from './nominations.repo';
import { findDecision } from './decisions.repo';
import { contentOf, stepNomination } from './nomination-machine';
import { checkBreakthroughLinks, checkRegistrationLinks, loadLinkNames } from './nomination-links';
import { presentNomination, presentNominationItem } from './nominations.presenter';

/** The HTTP edge defaults the breakthrough links to none; callers inside the server (demo data) may leave them out. */
type LinksOptional<T> = Omit<T, 'breakthroughIds'> & { breakthroughIds?: number[] };

type Subject = { subjectUnitId: number | null; subjectPersonId: number | null; subjectName: string | null };

/**
 * The collective or person a nomination names must belong to the nominating unit's subtree; a good
 * practice names neither.
 */
async function checkSubject(
  executor: Executor,
  kind: string,
  unitPath: string,
  input: { subjectUnitId?: number | null; subjectPersonId?: number | null },
): Promise<Subject> {
  if (kind === 'collective') {
    if (!input.subjectUnitId) throw new AppError('VALIDATION_FAILED', 'Hãy chọn tập thể được đề nghị.');
    const subject = await getUnitOrThrow(executor, input.subjectUnitId);
    if (!isPathWithin(subject.path, unitPath) || subject.validTo !== null) {
      throw new AppError('VALIDATION_FAILED', `${subject.name} không thuộc đơn vị đề nghị hoặc đã giải thể.`);
    }
    return { subjectUnitId: subject.id, subjectPersonId: null, subjectName: subject.name };
  }
  if (kind === 'individual') {
    if (!input.subjectPersonId) throw new AppError('VALIDATION_FAILED', 'Hãy chọn cá nhân được đề nghị.');
    const person = await findPersonById(executor, input.subjectPersonId);
    const membership = person ? await findActivePrimaryMembership(executor, person.id) : undefined;
    if (!person || !membership || !isPathWithin(membership.unitPath, unitPath)) {
      throw new AppError('VALIDATION_FAILED', 'Người được đề nghị không đang sinh hoạt trong đơn vị đề nghị.');
    }
    return { subjectUnitId: null, subjectPersonId: person.id, subjectName: person.fullName };
  }
  if (input.subjectUnitId || input.subjectPersonId)
    throw new AppError('VALIDATION_FAILED', 'Mô hình, cách làm hay không gắn với một tập thể hay cá nhân.');
  return { subjectUnitId: null, subjectPersonId: null, subjectName: null };
}

/** What proves it: registrations of the nominating unit's subtree, breakthrough contents that reach it. */
async function checkLinks(executor: Executor, unitPath: string, input: { registrationIds: number[]; breakthroughIds?: number[] }) {
  return {
    registrationIds: await checkRegistrationLinks(executor, unitPath, input.registrationIds),
    breakthroughIds: await checkBreakthroughLinks(executor, unitPath, input.breakthroughIds ?? []),
  };
}

function checkPeriod(periodFrom: string, periodTo: string): void {
  if (periodFrom > periodTo) throw new AppError('VALIDATION_FAILED', 'Ngày bắt đầu của thời gian lập thành tích phải trước ngày kết thúc.');
}

const searchTextOf = (title: string, story: string, subjectName: string | null) =>
  foldVietnamese([title, subjectName ?? '', story].join(' '));

export async function createNomination(db: Database, actor: Actor, input: LinksOptional<CreateNominationInput>) {
  const unit = await getUnitOrThrow(db, input.unitId);
  assertCan(actor, 'commendations.nominate', unit.path);
  checkPeriod(input.periodFrom, input.periodTo);
  const id = await db.transaction(async (tx) => {
    const subject = await checkSubject(tx, input.kind, unit.path, input);
    const links = await checkLinks(tx, unit.path, input);
    const row = await repo.insertNomination(tx, {
      unitId: unit.id,
      kind: input.kind,
      subjectUnitId: subject.subjectUnitId,
      subjectPersonId: subject.subjectPersonId,
      title: input.title,
      story: input.story,
      results: input.results,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      ...links,
      searchText: searchTextOf(input.title, input.story, subject.subjectName),
      createdBy: actor.userId,
    });
    await replaceAttachments(tx, { purpose: 'nomination', ownerId: row.id, unitId: unit.id }, input.fileIds);
    await recordAudit(tx, actor, {
      action: 'nomination.create',
      entityType: 'nomination',
      entityId: row.id,
      unitPath: unit.path,
      after: { kind: row.kind, title: row.title },
    });
    return row.id;
  });
  return getNomination(db, actor, id);
}

export async function updateNomination(db: Database, actor: Actor, id: number, input: LinksOptional<UpdateNominationInput>) {
  checkPeriod(input.periodFrom, input.periodTo);
  await db.transaction(async (tx) => {
    const context = await repo.findNomination(tx, id);
    if (!context) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ đề nghị này.');
    assertCan(actor, 'commendations.nominate', context.unitPath);
    const subject = await checkSubject(tx, context.nomination.kind, context.unitPath, input);
    const links = await checkLinks(tx, context.unitPath, input);
    await stepNomination(tx, actor, {
      nominationId: id,
      step: 'save',
      expectedVersion: input.version,
      patch: {
        subjectUnitId: subject.subjectUnitId,
        subjectPersonId: subject.subjectPersonId,
        title: input.title,
        story: input.story,
        results: input.results,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        ...links,
        searchText: searchTextOf(input.title, input.story, subject.subjectName),
      },
    });
    await replaceAttachments(tx, { purpose: 'nomination', ownerId: id, unitId: context.nomination.unitId }, input.fileIds);
  });
  return getNomination(db, actor, id);
}

/** Only a draft that never left the unit may be deleted; a submitted one keeps its history. */
export async function deleteNomination(db: Database, actor: Actor, id: number, version: number) {
  await db.transaction(async (tx) => {
    const context = await repo.findNomination(tx, id, true);
    if (!context) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ đề nghị này.');
    assertCan(actor, 'commendations.nominate', context.unitPath);
    if (context.nomination.version !== version)
      throw new AppError('VERSION_CONFLICT', 'Hồ sơ vừa được người khác thay đổi. Hãy tải lại rồi thực hiện lại.');
    if (context.nomination.status !== 'draft' || context.nomination.firstSubmittedOn !== null) {
      throw new AppError('INVALID_STATE', 'Chỉ xóa được hồ sơ đang soạn, chưa từng gửi lên cấp trên.');
    }
    await replaceAttachments(tx, { purpose: 'nomination', ownerId: id, unitId: context.nomination.unitId }, []);
    await repo.deleteNomination(tx, id);
    await recordAudit(tx, actor, {
      action: 'nomination.delete',
      entityType: 'nomination',
      entityId: id,
      unitPath: context.unitPath,
      before: { title: context.nomination.title },
    });
  });
}

/**
 * Where a nomination named in a request sits, for the check made before the body is read: the
 * nominating unit (editing, submitting), the level holding it (vetting, declining), or the level
 * whose decision commended it (showing it in the public gallery).
 */
export async function findNominationPlace(
  executor: Executor,
  id: number,
  by: 'nominator' | 'holder' | 'decider',
): Promise<RecordPlace | undefined> {
  const context = await repo.findNomination(executor, id);
  if (!context) return undefined;
  if (by === 'nominator') return { unitPaths: [context.unitPath] };
  if (by === 'holder') return context.atUnitPath ? { unitPaths: [context.atUnitPath] } : undefined;
  const decision = context.nomination.decisionId ? await findDecision(executor, context.nomination.decisionId) : undefined;
  return decision ? { unitPaths: [decision.unitPath] } : undefined;
}

export async function takeStep(
  db: Database,
  actor: Actor,
  id: number,
  input: { action: NominationAction; version: number; reason: string | null },
) {
  await db.transaction(async (tx) => {
    let snapshot;
    if (input.action === 'submit') {
      const context = await repo.findNomination(tx, id);
      if (context) {
        const files = await listAttachments(tx, 'nomination', [id]);
        snapshot = contentOf(
          context.nomination,
          (files.get(id) ?? []).map((file) => file.id),
        );
      }
    }
    await stepNomination(tx, actor, {
      nominationId: id,
      step: input.action,
      expectedVersion: input.version,
      reason: input.reason,
      snapshot,
    });
  });
  return getNomination(db, actor, id);
}

export async function getNomination(db: Database, actor: Actor, id: number): Promise<NominationView> {
  const context = await repo.findNomination(db, id);
  if (!context) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ đề nghị này.');
  // Every level that holds it is above the nominating unit, so reading its subtree covers them all.
  assertCan(actor, 'commendations.read', context.unitPath);
  const [events, files] = await Promise.all([repo.listEvents(db, id), listAttachments(db, 'nomination', [id])]);
  const names = await loadLinkNames(db, [
    context.nomination,
    ...events.flatMap((event) => (event.snapshot ? [event.snapshot as NominationContent] : [])),
  ]);
  return presentNomination(actor, context, events, files.get(id) ?? [], names);
}

export async function listNominations(db: Database, actor: Actor, query: NominationsQuery): Promise<NominationsPage> {
  assertHasPermissionSomewhere(actor, 'commendations.read');
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'commendations.read', unit.path);
  const result = await repo.searchNominations(db, {
    placedBy: query.view === 'to_vet' ? 'at_unit' : query.view === 'held' ? 'held' : 'unit',
    unitId: unit.id,
    unitPath: unit.path,
    scope: scopePaths(actor, 'commendations.read'),
    status: query.status,
    kind: query.kind,
    year: query.year,
    q: query.q ? foldVietnamese(query.q) : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: result.items.map(presentNominationItem), total: result.total, page: query.page, pageSize: query.pageSize };
}
