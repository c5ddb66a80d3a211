import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, can, isPathWithin, scopePaths, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { todayIso } from '../../platform/dates';
import { foldVietnamese } from '../../../shared/text';
import type {
  MarkTypicalInput,
  TypicalExamplesAnswer,
  TypicalExamplesExportQuery,
  TypicalExamplesQuery,
  TypicalState,
} from '../../../shared/contracts/commendations-spread';
import { getUnitOrThrow } from '../units/index';
import { findNomination, updateNomination, type NominationRow } from './nominations.repo';
import * as repo from './typical-examples.repo';

const notFound = () => new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ đề nghị này.');
const conflict = () => new AppError('VERSION_CONFLICT', 'Hồ sơ vừa được người khác thay đổi. Hãy tải lại rồi thực hiện lại.');

async function stateOf(executor: Executor, actor: Actor, nomination: NominationRow): Promise<TypicalState> {
  const sentBy = nomination.typicalByUnitId === null ? null : await getUnitOrThrow(executor, nomination.typicalByUnitId);
  return {
    nominationId: nomination.id,
    version: nomination.version,
    year: nomination.typicalYear,
    sentBy: sentBy ? { id: sentBy.id, name: sentBy.name } : null,
    canClear: sentBy !== null && can(actor, 'commendations.vet', sentBy.path),
  };
}

export async function getTypicalState(db: Database, actor: Actor, id: number): Promise<TypicalState> {
  const context = await findNomination(db, id);
  if (!context) throw notFound();
  assertCan(actor, 'commendations.read', context.unitPath);
  return stateOf(db, actor, context.nomination);
}

/**
 * A level sends a commended example of its subtree up to the Centre as a typical example of a year
 * (not before the year it was commended, not after this one). Another level's choice stands until
 * that level, or one above it, takes it back.
 */
export async function markTypical(db: Database, actor: Actor, id: number, input: MarkTypicalInput): Promise<TypicalState> {
  const unit = await getUnitOrThrow(db, input.unitId);
  assertCan(actor, 'commendations.vet', unit.path);
  return db.transaction(async (tx) => {
    const context = await findNomination(tx, id, true);
    if (!context) throw notFound();
    const { nomination } = context;
    if (!isPathWithin(context.unitPath, unit.path)) {
      throw new AppError('VALIDATION_FAILED', `"${nomination.title}" không thuộc ${unit.name} nên ${unit.name} không chọn gửi lên được.`);
    }
    if (nomination.status !== 'commended' || !nomination.decidedOn)
      throw new AppError('INVALID_STATE', 'Chỉ chọn gửi lên được gương đã được khen thưởng.');
    if (nomination.version !== input.version) throw conflict();
    const thisYear = Number(todayIso().slice(0, 4));
    const commendedYear = Number(nomination.decidedOn.slice(0, 4));
    if (input.year > thisYear) throw new AppError('VALIDATION_FAILED', `Năm gửi lên không được sau năm ${thisYear}.`);
    if (input.year < commendedYear)
      throw new AppError('VALIDATION_FAILED', `Gương này được khen thưởng năm ${commendedYear}: năm gửi lên không được trước năm đó.`);
    if (nomination.typicalByUnitId !== null && nomination.typicalByUnitId !== unit.id) {
      const other = await getUnitOrThrow(tx, nomination.typicalByUnitId);
      throw new AppError('DUPLICATE', `Gương này đã được ${other.name} chọn gửi lên Trung ương năm ${nomination.typicalYear}.`);
    }
    const after = await updateNomination(tx, id, { typicalYear: input.year, typicalByUnitId: unit.id });
    await recordAudit(tx, actor, {
      action: 'nomination.typical',
      entityType: 'nomination',
      entityId: id,
      unitPath: context.unitPath,
      before: { typicalYear: nomination.typicalYear, typicalByUnitId: nomination.typicalByUnitId },
      after: { typicalYear: after.typicalYear, typicalByUnitId: after.typicalByUnitId },
    });
    return stateOf(tx, actor, after);
  });
}

/** The level that sent it up (or one above it) takes a typical example back. */
export async function clearTypical(db: Database, actor: Actor, id: number, version: number): Promise<TypicalState> {
  return db.transaction(async (tx) => {
    const context = await findNomination(tx, id, true);
    if (!context) throw notFound();
    const { nomination } = context;
    assertCan(actor, 'commendations.read', context.unitPath);
    if (nomination.typicalByUnitId === null) throw new AppError('INVALID_STATE', 'Gương này chưa được chọn gửi lên Trung ương.');
    const sentBy = await getUnitOrThrow(tx, nomination.typicalByUnitId);
    assertCan(actor, 'commendations.vet', sentBy.path);
    if (nomination.version !== version) throw conflict();
    const after = await updateNomination(tx, id, { typicalYear: null, typicalByUnitId: null });
    await recordAudit(tx, actor, {
      action: 'nomination.untypical',
      entityType: 'nomination',
      entityId: id,
      unitPath: context.unitPath,
      before: { typicalYear: nomination.typicalYear, typicalByUnitId: nomination.typicalByUnitId },
      after: { typicalYear: null, typicalByUnitId: null },
    });
    return stateOf(tx, actor, after);
  });
}

export async function filterOf(
  db: Database,
  actor: Actor,
  query: TypicalExamplesExportQuery,
): Promise<repo.TypicalFilter & { unitName: string }> {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'commendations.read', unit.path);
  return {
    unitName: unit.name,
    unitPath: unit.path,
    scope: scopePaths(actor, 'commendations.read'),
    provinceId: query.provinceId,
    year: query.year,
    kind: query.kind,
    q: query.q ? foldVietnamese(query.q) : undefined,
  };
}

/** What the subtree sent up to the Centre, one list by province and year, with each province's and year's count. */
export async function listTypicalExamples(db: Database, actor: Actor, query: TypicalExamplesQuery): Promise<TypicalExamplesAnswer> {
  const filter = await filterOf(db, actor, query);
  const [items, total, provinces, years] = [
    await repo.listTypicalExamples(db, filter, query.pageSize, (query.page - 1) * query.pageSize),
    await repo.countTypicalExamples(db, filter),
    await repo.countByProvince(db, filter),
    await repo.countByYear(db, filter),
  ];
  return { items, total, page: query.page, pageSize: query.pageSize, provinces, years };
}
