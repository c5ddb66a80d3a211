import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, can, scopePaths, type Actor, type RecordPlace } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { todayIso } from '../../platform/dates';
import { foldVietnamese } from '../../../shared/text';
import type {
  RecommendationsQuery,
  RegisterAnswer,
  RespondedRecommendation,
  RespondRecommendation,
} from '../../../shared/contracts/reports';
import { getUnitOrThrow } from '../units/index';
import * as repo from './recommendations.repo';
import { presentRegisterItem, presentResponded } from './reports.presenter';

/** Where an item may go next: answered items may still be closed or taken up again. */
const NEXT: Record<string, string[]> = {
  received: ['in_progress', 'answered', 'closed'],
  in_progress: ['answered', 'closed'],
  answered: ['in_progress', 'closed'],
  closed: [],
};

/**
 * The register of difficulties and recommendations: the addressed level handles the items sent to
 * it (reports.request); the raising unit follows what it raised and reads the answers (reports.answer).
 */
export async function listRegister(db: Database, actor: Actor, query: RecommendationsQuery): Promise<RegisterAnswer> {
  const unit = await getUnitOrThrow(db, query.unitId);
  const permission = query.direction === 'addressed' ? 'reports.request' : 'reports.answer';
  assertCan(actor, permission, unit.path);
  const today = todayIso();
  const { items, total } = await repo.searchRegister(db, {
    ...query,
    overdue: query.overdue === 'true',
    q: query.q ? foldVietnamese(query.q) : undefined,
    today,
    unitPath: unit.path,
    scope: scopePaths(actor, permission),
  });
  return { items: items.map((row) => presentRegisterItem(row, today)), total, page: query.page, pageSize: query.pageSize };
}

/** Where a recommendation named in a request sits (the level it is addressed to), for the check made before the body is read. */
export async function findRecommendationPlace(executor: Executor, id: number): Promise<RecordPlace | undefined> {
  const found = await repo.findItem(executor, id);
  return found?.submitted ? { unitPaths: [found.addressedPath] } : undefined;
}

export async function respond(db: Database, actor: Actor, id: number, input: RespondRecommendation): Promise<RespondedRecommendation> {
  return db.transaction(async (tx) => {
    const found = await repo.findItem(tx, id);
    if (!found || !found.submitted) throw new AppError('NOT_FOUND', 'Không tìm thấy khó khăn, kiến nghị này.');
    assertCan(actor, 'reports.request', found.addressedPath);
    if (found.item.version !== input.version)
      throw new AppError('VERSION_CONFLICT', 'Kiến nghị vừa được người khác xử lý. Hãy tải lại rồi thực hiện lại.');
    if (!NEXT[found.item.status]!.includes(input.status)) {
      throw new AppError(
        'INVALID_TRANSITION',
        found.item.status === 'closed' ? 'Kiến nghị đã đóng, không xử lý tiếp được.' : 'Không chuyển được kiến nghị sang trạng thái này.',
      );
    }
    const answer = input.answer ?? found.item.answer;
    const after = await repo.updateItem(tx, id, {
      status: input.status,
      answer,
      answeredAt: input.status === 'answered' ? new Date() : found.item.answeredAt,
      dueOn: input.dueOn ?? found.item.dueOn,
    });
    await recordAudit(tx, actor, {
      action: 'report_recommendation.respond',
      entityType: 'report_recommendation',
      entityId: id,
      unitPath: found.addressedPath,
      before: { status: found.item.status, answer: found.item.answer, dueOn: found.item.dueOn },
      after: { status: after.status, answer: after.answer, dueOn: after.dueOn },
    });
    return presentResponded(after, can(actor, 'reports.request', found.addressedPath));
  });
}
