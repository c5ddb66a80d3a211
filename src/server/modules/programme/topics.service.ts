import type { Database, Executor } from '../../platform/db/client';
import type { Actor, RecordPlace } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { foldVietnamese } from '../../../shared/text';
import type { CreateTopic, Topic, TopicsAnswer, TopicsQuery, UpdateTopic } from '../../../shared/contracts/programme';
import { AppError } from '../../platform/errors';
import { listAttachments, replaceAttachments } from '../files/index';
import * as repo from './topics.repo';
import { presentTopic } from './programme.presenter';
import { assertVersion, getReadableUnitOrThrow, getWritableUnitOrThrow, listRoots, notFound } from './programme.scope';

async function presentTopics(executor: Executor, actor: Actor | null, rows: repo.TopicWithUnit[]): Promise<Topic[]> {
  const files = await listAttachments(
    executor,
    'topic',
    rows.map((row) => row.topic.id),
  );
  return rows.map((row) => presentTopic(actor, row, files.get(row.topic.id) ?? []));
}

/**
 * For the study module: the topics a unit studies in a year (its own and every level's above it),
 * highest level first. No permission check: the caller has already checked its own.
 */
export async function listApplicableTopics(executor: Executor, unitPath: string, year: number): Promise<Topic[]> {
  return presentTopics(executor, null, await repo.listApplicableTopicRows(executor, unitPath, year));
}

function topicColumns(input: Omit<CreateTopic, 'unitId' | 'fileIds'>) {
  return {
    title: input.title,
    description: input.description,
    fromYear: input.fromYear,
    toYear: input.toYear,
    searchText: foldVietnamese(`${input.title} ${input.description ?? ''}`),
  };
}

/** Where a topic named in a request sits (its issuing unit), for the check made before the body is read. */
export async function findTopicPlace(executor: Executor, id: number): Promise<RecordPlace | undefined> {
  const row = await repo.findTopic(executor, id);
  return row ? { unitPaths: [row.unitPath] } : undefined;
}

async function getTopicRowOrThrow(executor: Executor, id: number) {
  const row = await repo.findTopic(executor, id);
  if (!row) throw notFound('chuyên đề');
  return row;
}

export async function getTopic(db: Database, actor: Actor, id: number): Promise<Topic> {
  const row = await getTopicRowOrThrow(db, id);
  await getReadableUnitOrThrow(db, actor, row.topic.unitId);
  const [view] = await presentTopics(db, actor, [row]);
  return view!;
}

export async function createTopic(db: Database, actor: Actor, input: CreateTopic) {
  const unit = await getWritableUnitOrThrow(db, actor, input.unitId);
  const id = await db.transaction(async (tx) => {
    const topic = await repo.insertTopic(tx, { unitId: unit.id, ...topicColumns(input), createdBy: actor.userId });
    const files = await replaceAttachments(tx, { purpose: 'topic', ownerId: topic.id, unitId: unit.id }, input.fileIds);
    await recordAudit(tx, actor, {
      action: 'topic.create',
      entityType: 'study_topic',
      entityId: topic.id,
      unitPath: unit.path,
      after: { ...topic, fileIds: files.map((file) => file.id) },
    });
    return topic.id;
  });
  return getTopic(db, actor, id);
}

export async function updateTopic(db: Database, actor: Actor, id: number, input: UpdateTopic) {
  await db.transaction(async (tx) => {
    await repo.lockTopic(tx, id);
    const row = await getTopicRowOrThrow(tx, id);
    const unit = await getWritableUnitOrThrow(tx, actor, row.topic.unitId);
    assertVersion(row.topic.version, input.version, `Chuyên đề "${row.topic.title}"`);
    const after = await repo.updateTopic(tx, id, topicColumns(input));
    const files = await replaceAttachments(tx, { purpose: 'topic', ownerId: id, unitId: unit.id }, input.fileIds);
    await recordAudit(tx, actor, {
      action: 'topic.update',
      entityType: 'study_topic',
      entityId: id,
      unitPath: unit.path,
      before: row.topic,
      after: { ...after, fileIds: files.map((file) => file.id) },
    });
  });
  return getTopic(db, actor, id);
}

export async function deleteTopic(db: Database, actor: Actor, id: number, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.lockTopic(tx, id);
    const row = await getTopicRowOrThrow(tx, id);
    const unit = await getWritableUnitOrThrow(tx, actor, row.topic.unitId);
    assertVersion(row.topic.version, version, `Chuyên đề "${row.topic.title}"`);
    await repo.updateTopic(tx, id, { deletedAt: new Date() });
    await recordAudit(tx, actor, {
      action: 'topic.delete',
      entityType: 'study_topic',
      entityId: id,
      unitPath: unit.path,
      before: row.topic,
    });
  });
}

export async function searchTopics(db: Database, actor: Actor, query: TopicsQuery): Promise<TopicsAnswer> {
  if (query.applicable) {
    // The study module's question: what does this unit study this year.
    if (query.unitId === undefined || query.year === undefined) {
      throw new AppError('VALIDATION_FAILED', 'Cần chọn đơn vị và năm để xem các chuyên đề áp dụng.');
    }
    const [root] = await listRoots(db, actor, query.unitId);
    const rows = await repo.listApplicableTopicRows(db, root!, query.year);
    const items = await presentTopics(db, actor, rows);
    return { items, total: items.length, page: 1, pageSize: items.length };
  }
  const roots = await listRoots(db, actor, query.unitId);
  const { items, total } = await repo.searchTopics(db, { ...query, roots, q: query.q ? foldVietnamese(query.q) : undefined });
  return { items: await presentTopics(db, actor, items), total, page: query.page, pageSize: query.pageSize };
}
