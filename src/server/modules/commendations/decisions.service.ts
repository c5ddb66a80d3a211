import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, assertHasPermissionSomewhere, can, scopePaths, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { formatVietnameseDate, todayIso } from '../../platform/dates';
import { nextDocumentNumber, numberSymbolOf } from '../../platform/documents/numbering';
import type { CreateDecisionInput, DecisionsPage, DecisionView, DecisionsQuery } from '../../../shared/contracts/commendations';
import { getUnitOrThrow } from '../units/index';
import * as repo from './decisions.repo';
import { findNomination } from './nominations.repo';
import { stepNomination } from './nomination-machine';
import { writeDecisionDocument } from './decision-document';
import { presentDecision } from './decisions.presenter';
import { exportFileName } from '../../platform/file-names';

const DOC_TYPE = 'QĐ';

/** The number: the one typed in if it is free in the unit's series for the year, else the next free one. */
async function chooseNumber(
  db: Parameters<typeof repo.isNumberUsed>[0],
  unitId: number,
  year: number,
  typed: number | null | undefined,
): Promise<number> {
  if (typed) {
    if (await repo.isNumberUsed(db, unitId, year, typed))
      throw new AppError('DUPLICATE', `Số quyết định ${typed} của năm ${year} đã được dùng cho một quyết định khác của đơn vị.`);
    return typed;
  }
  for (;;) {
    const candidate = await nextDocumentNumber(db, unitId, DOC_TYPE, year);
    if (!(await repo.isNumberUsed(db, unitId, year, candidate))) return candidate;
  }
}

/**
 * Records a decision of the level and commends every nomination it names, in one transaction:
 * each must be held by that level and not decided yet, and no collective or person twice.
 */
export async function createDecision(db: Database, actor: Actor, input: CreateDecisionInput) {
  const unit = await getUnitOrThrow(db, input.unitId);
  assertCan(actor, 'commendations.decide', unit.path);
  if (input.decidedOn > todayIso()) throw new AppError('VALIDATION_FAILED', 'Ngày quyết định không được sau ngày hôm nay.');
  // A decision is counted on its day in the tree of that day: the level must have existed then.
  if (input.decidedOn < unit.validFrom || (unit.validTo && input.decidedOn >= unit.validTo)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${unit.name} chưa thành lập hoặc đã kết thúc vào ngày ${formatVietnameseDate(input.decidedOn)}: không thể quyết định khen thưởng vào ngày đó.`,
    );
  }
  if (input.periodFrom > input.periodTo)
    throw new AppError('VALIDATION_FAILED', 'Ngày bắt đầu của thời gian lập thành tích phải trước ngày kết thúc.');
  if (new Set(input.nominationIds).size !== input.nominationIds.length)
    throw new AppError('VALIDATION_FAILED', 'Danh sách có một hồ sơ được chọn hai lần.');
  const form = await repo.findForm(db, input.formCode);
  if (!form || !form.active) throw new AppError('VALIDATION_FAILED', 'Hình thức khen thưởng không có trong danh mục.');

  const id = await db.transaction(async (tx) => {
    const year = Number(input.decidedOn.slice(0, 4));
    const numberValue = await chooseNumber(tx, unit.id, year, input.numberValue);
    const decision = await repo.insertDecision(tx, {
      unitId: unit.id,
      formCode: form.code,
      numberYear: year,
      numberValue,
      numberSymbol: numberSymbolOf(numberValue, unit.kind, DOC_TYPE, unit.name),
      decidedOn: input.decidedOn,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      title: input.title,
      signerName: input.signerName,
      signerTitle: input.signerTitle,
      createdBy: actor.userId,
    });
    const named = new Map<string, string>();
    for (const nominationId of input.nominationIds) {
      const context = await findNomination(tx, nominationId, true);
      if (!context || context.nomination.atUnitId !== unit.id) {
        throw new AppError('VALIDATION_FAILED', `Hồ sơ số ${nominationId} không ở cấp ${unit.name} nên không đưa vào quyết định này được.`);
      }
      const subject = context.nomination.subjectUnitId
        ? `u${context.nomination.subjectUnitId}`
        : context.nomination.subjectPersonId
          ? `p${context.nomination.subjectPersonId}`
          : null;
      if (subject && named.has(subject)) throw new AppError('VALIDATION_FAILED', `Quyết định nêu ${context.subjectName ?? ''} hai lần.`);
      if (subject) named.set(subject, context.subjectName ?? '');
      await stepNomination(tx, actor, {
        nominationId,
        step: 'commend',
        expectedVersion: context.nomination.version,
        decision: { id: decision.id, decidedOn: decision.decidedOn, formCode: form.code, issuingUnitKind: unit.kind },
      });
    }
    await recordAudit(tx, actor, {
      action: 'commendation_decision.create',
      entityType: 'commendation_decision',
      entityId: decision.id,
      unitPath: unit.path,
      after: {
        numberSymbol: decision.numberSymbol,
        formCode: form.code,
        decidedOn: decision.decidedOn,
        nominationIds: input.nominationIds,
      },
    });
    return decision.id;
  });
  return getDecision(db, actor, id);
}

/**
 * A decision is read by the deciding level's subtree, and by every unit whose nomination it names:
 * a commune sees the province's decision that commends its cell.
 */
async function readableDecision(db: Database, actor: Actor, id: number) {
  const found = await repo.findDecision(db, id);
  if (!found) throw new AppError('NOT_FOUND', 'Không tìm thấy quyết định này.');
  const entries = await repo.listDecisionEntries(db, id);
  if (!can(actor, 'commendations.read', found.unitPath) && !entries.some((entry) => can(actor, 'commendations.read', entry.unitPath))) {
    throw new AppError('FORBIDDEN', 'Bạn không có quyền xem quyết định này.');
  }
  return { ...found, entries: entries.map(({ unitPath: _unitPath, ...entry }) => entry) };
}

export async function getDecision(db: Database, actor: Actor, id: number): Promise<DecisionView> {
  const { entries, ...found } = await readableDecision(db, actor, id);
  return presentDecision(found, entries);
}

export async function listDecisions(db: Database, actor: Actor, query: DecisionsQuery): Promise<DecisionsPage> {
  assertHasPermissionSomewhere(actor, 'commendations.read');
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'commendations.read', unit.path);
  const result = await repo.searchDecisions(db, {
    unitPath: unit.path,
    scope: scopePaths(actor, 'commendations.read'),
    year: query.year,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { ...result, page: query.page, pageSize: query.pageSize };
}

export async function decisionDocument(db: Database, actor: Actor, id: number) {
  const found = await readableDecision(db, actor, id);
  const body = await writeDecisionDocument(found);
  return { body, fileName: exportFileName(`Quyết định ${found.decision.numberSymbol}`, 'docx', { of: found.formName }) };
}
