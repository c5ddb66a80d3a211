import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, isPathWithin, scopePaths, type Actor, type RecordPlace } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addFigureDeltas } from '../../platform/figures';
import { formatVietnameseDate, todayIso } from '../../platform/dates';
import { foldVietnamese } from '../../../shared/text';
import type {
  AdoptBreakthrough,
  Breakthrough,
  BreakthroughDetail,
  BreakthroughsAnswer,
  BreakthroughsQuery,
  BreakthroughStatus,
  BreakthroughStatusChange,
  BreakthroughUpdateInput,
  CreateBreakthrough,
  UpdateBreakthrough,
} from '../../../shared/contracts/programme';
import { getUnitOrThrow, type UnitRow } from '../units/index';
import { listAttachments, replaceAttachments } from '../files/index';
import * as repo from './breakthroughs.repo';
import { presentBreakthrough, presentBreakthroughDetail } from './programme.presenter';
import { chosenDelta, countingDay, doneDelta } from './breakthroughs.figures';
import { assertVersion, getReadableUnitOrThrow, getWritableUnitOrThrow, listRoots, notFound } from './programme.scope';

export const STATUS_LABELS: Record<BreakthroughStatus, string> = {
  open: 'Chưa triển khai',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  not_done: 'Không hoàn thành',
};

/** Which status may follow which: a result can be reopened (back to in progress) but never to "open". */
const NEXT_STATUSES: Record<BreakthroughStatus, BreakthroughStatus[]> = {
  open: ['in_progress', 'done', 'not_done'],
  in_progress: ['done', 'not_done'],
  done: ['in_progress'],
  not_done: ['in_progress'],
};

async function presentBreakthroughs(executor: Executor, actor: Actor, rows: repo.BreakthroughWithUnits[]): Promise<Breakthrough[]> {
  const adoptions = await repo.countAdoptions(
    executor,
    rows.map((row) => row.content.id),
  );
  const sources = await repo.findSources(
    executor,
    rows.map((row) => row.content.adoptedFromId).filter((id): id is number => id !== null),
  );
  return rows.map((row) =>
    presentBreakthrough(
      actor,
      row,
      row.content.adoptedFromId === null ? undefined : sources.get(row.content.adoptedFromId),
      adoptions.get(row.content.id),
    ),
  );
}

/**
 * Where a breakthrough content named in a request sits, for the check made before the body is read:
 * its issuing unit for changes to the content, its owner unit for progress updates.
 */
export async function findBreakthroughPlace(executor: Executor, id: number, of: 'content' | 'owner'): Promise<RecordPlace | undefined> {
  const row = await repo.findBreakthrough(executor, id);
  if (!row) return undefined;
  return { unitPaths: [of === 'owner' ? row.ownerPath : row.unitPath] };
}

async function getRowOrThrow(executor: Executor, id: number) {
  const row = await repo.findBreakthrough(executor, id);
  if (!row) throw notFound('nội dung đột phá');
  return row;
}

export async function getBreakthrough(db: Database, actor: Actor, id: number): Promise<BreakthroughDetail> {
  const row = await getRowOrThrow(db, id);
  await getReadableUnitOrThrow(db, actor, row.content.unitId);
  const [view] = await presentBreakthroughs(db, actor, [row]);
  const updates = await repo.listUpdates(db, id);
  const files = await listAttachments(
    db,
    'breakthrough_update',
    updates.map((update) => update.id),
  );
  // Who took it up below, for following up lagging units; a reader from below sees only its own subtree.
  const adoptedBy = await repo.listAdoptionsInScope(db, id, scopePaths(actor, 'programme.read'));
  return presentBreakthroughDetail(view!, adoptedBy, updates, files);
}

/** The unit carrying a content out is the choosing unit itself or one below it, and still open. */
async function getOwnerUnitOrThrow(executor: Executor, unit: UnitRow, ownerUnitId: number): Promise<UnitRow> {
  const owner = ownerUnitId === unit.id ? unit : await getUnitOrThrow(executor, ownerUnitId);
  if (!isPathWithin(owner.path, unit.path)) {
    throw new AppError('VALIDATION_FAILED', `Đơn vị chủ trì phải là "${unit.name}" hoặc một đơn vị trực thuộc.`);
  }
  if (owner.validTo) throw new AppError('INVALID_STATE', `Đơn vị "${owner.name}" đã kết thúc hoạt động.`);
  return owner;
}

function assertDeadlineInTerm(year: number, deadline: string): void {
  if (deadline < `${year}-01-01`) {
    throw new AppError('VALIDATION_FAILED', `Thời hạn hoàn thành không được trước năm ${year}.`);
  }
}

function searchTextOf(input: { title: string; description?: string | null; target: string }): string {
  return foldVietnamese(`${input.title} ${input.description ?? ''} ${input.target}`);
}

async function insertInTx(
  tx: Executor,
  actor: Actor,
  unit: UnitRow,
  values: {
    year: number;
    title: string;
    description: string | null;
    ownerUnitId: number;
    target: string;
    deadline: string;
    adoptedFromId: number | null;
  },
) {
  const countedFrom = countingDay(values.year, todayIso());
  const content = await repo.insertBreakthrough(tx, {
    unitId: unit.id,
    ...values,
    searchText: searchTextOf(values),
    createdBy: actor.userId,
    countedFrom,
  });
  await addFigureDeltas(tx, [chosenDelta(unit.path, values.year, countedFrom, 1)]);
  return content;
}

export async function createBreakthrough(db: Database, actor: Actor, input: CreateBreakthrough) {
  const unit = await getWritableUnitOrThrow(db, actor, input.unitId);
  await getOwnerUnitOrThrow(db, unit, input.ownerUnitId);
  assertDeadlineInTerm(input.year, input.deadline);
  const id = await db.transaction(async (tx) => {
    const content = await insertInTx(tx, actor, unit, {
      year: input.year,
      title: input.title,
      description: input.description,
      ownerUnitId: input.ownerUnitId,
      target: input.target,
      deadline: input.deadline,
      adoptedFromId: null,
    });
    await recordAudit(tx, actor, {
      action: 'breakthrough.create',
      entityType: 'breakthrough_content',
      entityId: content.id,
      unitPath: unit.path,
      after: content,
    });
    return content.id;
  });
  return getBreakthrough(db, actor, id);
}

/** A lower level takes a content of a level above it as its own, linked to the original. */
export async function adoptBreakthrough(db: Database, actor: Actor, sourceId: number, input: AdoptBreakthrough) {
  const source = await getRowOrThrow(db, sourceId);
  await getReadableUnitOrThrow(db, actor, source.content.unitId);
  const unit = await getWritableUnitOrThrow(db, actor, input.unitId);
  if (unit.id === source.content.unitId || !isPathWithin(unit.path, source.unitPath)) {
    throw new AppError('VALIDATION_FAILED', `Chỉ đơn vị trực thuộc "${source.unitName}" mới hưởng ứng được nội dung này.`);
  }
  await getOwnerUnitOrThrow(db, unit, input.ownerUnitId ?? unit.id);
  const deadline = input.deadline ?? source.content.deadline;
  assertDeadlineInTerm(source.content.year, deadline);
  const id = await db.transaction(async (tx) => {
    await repo.lockBreakthrough(tx, sourceId);
    if (await repo.findAdoption(tx, sourceId, unit.id)) {
      throw new AppError('DUPLICATE', `"${unit.name}" đã hưởng ứng nội dung "${source.content.title}".`);
    }
    const content = await insertInTx(tx, actor, unit, {
      year: source.content.year,
      title: source.content.title,
      description: source.content.description,
      ownerUnitId: input.ownerUnitId ?? unit.id,
      target: input.target ?? source.content.target,
      deadline,
      adoptedFromId: sourceId,
    });
    await recordAudit(tx, actor, {
      action: 'breakthrough.adopt',
      entityType: 'breakthrough_content',
      entityId: content.id,
      unitPath: unit.path,
      after: content,
    });
    return content.id;
  });
  return getBreakthrough(db, actor, id);
}

export async function updateBreakthrough(db: Database, actor: Actor, id: number, input: UpdateBreakthrough) {
  await db.transaction(async (tx) => {
    await repo.lockBreakthrough(tx, id);
    const row = await getRowOrThrow(tx, id);
    const unit = await getWritableUnitOrThrow(tx, actor, row.content.unitId);
    assertVersion(row.content.version, input.version, `Nội dung "${row.content.title}"`);
    await getOwnerUnitOrThrow(tx, unit, input.ownerUnitId);
    assertDeadlineInTerm(row.content.year, input.deadline);
    const after = await repo.updateBreakthrough(tx, id, {
      title: input.title,
      description: input.description,
      ownerUnitId: input.ownerUnitId,
      target: input.target,
      deadline: input.deadline,
      searchText: searchTextOf(input),
    });
    await recordAudit(tx, actor, {
      action: 'breakthrough.update',
      entityType: 'breakthrough_content',
      entityId: id,
      unitPath: unit.path,
      before: row.content,
      after,
    });
  });
  return getBreakthrough(db, actor, id);
}

export async function deleteBreakthrough(db: Database, actor: Actor, id: number, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.lockBreakthrough(tx, id);
    const row = await getRowOrThrow(tx, id);
    const unit = await getWritableUnitOrThrow(tx, actor, row.content.unitId);
    assertVersion(row.content.version, version, `Nội dung "${row.content.title}"`);
    const today = todayIso();
    const { year } = row.content;
    const countedUntil = countingDay(year, today);
    const deltas = [chosenDelta(unit.path, year, countedUntil, -1)];
    if (row.content.status === 'done') {
      deltas.push(doneDelta(unit.path, year, today, -1));
      await repo.closeDoneSpan(tx, id, today);
    }
    await repo.updateBreakthrough(tx, id, { deletedAt: new Date(), countedUntil });
    await addFigureDeltas(tx, deltas);
    await recordAudit(tx, actor, {
      action: 'breakthrough.delete',
      entityType: 'breakthrough_content',
      entityId: id,
      unitPath: unit.path,
      before: row.content,
    });
  });
}

/** A progress report with evidence, by the unit carrying the content out (or a level above it). */
export async function addBreakthroughUpdate(db: Database, actor: Actor, id: number, input: BreakthroughUpdateInput) {
  await db.transaction(async (tx) => {
    await repo.lockBreakthrough(tx, id);
    const row = await getRowOrThrow(tx, id);
    assertCan(actor, 'programme.write', row.ownerPath);
    const { content } = row;
    if (content.status === 'done' || content.status === 'not_done') {
      throw new AppError(
        'INVALID_STATE',
        `Nội dung đã có kết quả "${STATUS_LABELS[content.status]}". Hãy mở lại trước khi cập nhật tiến độ.`,
      );
    }
    if (input.reportedOn > todayIso()) throw new AppError('VALIDATION_FAILED', 'Ngày báo cáo không được sau hôm nay.');
    if (input.reportedOn < `${content.year}-01-01`) {
      throw new AppError('VALIDATION_FAILED', `Ngày báo cáo không được trước năm ${content.year}.`);
    }
    const update = await repo.insertUpdate(tx, {
      breakthroughId: id,
      reportedOn: input.reportedOn,
      progressPercent: input.progressPercent,
      note: input.note,
      createdBy: actor.userId,
    });
    const files = await replaceAttachments(
      tx,
      { purpose: 'breakthrough_update', ownerId: update.id, unitId: content.ownerUnitId },
      input.fileIds,
    );
    const after = await repo.updateBreakthrough(tx, id, { progressPercent: input.progressPercent, status: 'in_progress' });
    await recordAudit(tx, actor, {
      action: 'breakthrough.progress',
      entityType: 'breakthrough_content',
      entityId: id,
      unitPath: row.ownerPath,
      before: { status: content.status, progressPercent: content.progressPercent },
      after: { status: after.status, progressPercent: after.progressPercent, update: { ...update, fileIds: files.map((file) => file.id) } },
    });
  });
  return getBreakthrough(db, actor, id);
}

/** Records the result (done / not done) or reopens it; the choosing level judges its own contents. */
export async function changeBreakthroughStatus(db: Database, actor: Actor, id: number, input: BreakthroughStatusChange) {
  await db.transaction(async (tx) => {
    await repo.lockBreakthrough(tx, id);
    const row = await getRowOrThrow(tx, id);
    const unit = await getWritableUnitOrThrow(tx, actor, row.content.unitId);
    const { content } = row;
    assertVersion(content.version, input.version, `Nội dung "${content.title}"`);
    const current = content.status;
    if (!NEXT_STATUSES[current].includes(input.status)) {
      throw new AppError('INVALID_STATE', `Không thể chuyển từ "${STATUS_LABELS[current]}" sang "${STATUS_LABELS[input.status]}".`);
    }
    const today = todayIso();
    const deltas = [];
    let changes: Parameters<typeof repo.updateBreakthrough>[2];
    if (input.status === 'done') {
      const completedOn = input.completedOn ?? today;
      if (completedOn > today) throw new AppError('VALIDATION_FAILED', 'Ngày hoàn thành không được sau hôm nay.');
      if (completedOn < `${content.year}-01-01`) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Ngày hoàn thành ${formatVietnameseDate(completedOn)} không được trước năm ${content.year}.`,
        );
      }
      changes = { status: 'done', completedOn, progressPercent: 100, result: input.result };
      deltas.push(doneDelta(unit.path, content.year, completedOn, 1));
    } else if (input.status === 'not_done') {
      if (!input.result) throw new AppError('VALIDATION_FAILED', 'Hãy ghi rõ kết quả, lý do chưa hoàn thành.');
      changes = { status: 'not_done', completedOn: null, result: input.result };
    } else {
      changes = { status: 'in_progress', completedOn: null, result: null };
    }
    // Reopening a done content takes it out of the "done" figure from today; the days it counted are kept.
    if (current === 'done') {
      deltas.push(doneDelta(unit.path, content.year, today, -1));
      await repo.closeDoneSpan(tx, id, today);
    }
    if (input.status === 'done') await repo.openDoneSpan(tx, id, changes.completedOn!);
    const after = await repo.updateBreakthrough(tx, id, changes);
    await addFigureDeltas(tx, deltas);
    await recordAudit(tx, actor, {
      action: 'breakthrough.status',
      entityType: 'breakthrough_content',
      entityId: id,
      unitPath: unit.path,
      before: content,
      after,
    });
  });
  return getBreakthrough(db, actor, id);
}

export async function searchBreakthroughs(db: Database, actor: Actor, query: BreakthroughsQuery): Promise<BreakthroughsAnswer> {
  const roots = await listRoots(db, actor, query.unitId);
  const { items, total } = await repo.searchBreakthroughs(db, { ...query, roots, q: query.q ? foldVietnamese(query.q) : undefined });
  return { items: await presentBreakthroughs(db, actor, items), total, page: query.page, pageSize: query.pageSize };
}
