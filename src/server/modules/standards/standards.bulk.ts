import type { Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addFigureDeltas, type FigureDelta } from '../../platform/figures';
import { isIsoDate } from '../../platform/dates';
import { CreateStandardDraftSchema, CriteriaSchema, type Criterion } from '../../../shared/contracts/standards';
import * as repo from './standards.repo';
import { assertKeepsStandards, checkAdoptionDate, defaultTitle } from './standards.service';
import { checkSignPostedOn } from './standards-sign.service';
import { adoptionDeltas, signDelta } from './standards.figures';

/**
 * The standards history of one unit that has none yet: its versions in the order they were adopted
 * (each supersedes the one before on the day it is adopted), and the sign if one is posted.
 */
export type UnitStandardsInput = {
  unitId: number;
  /** The unit's usual title when left out. */
  title?: string;
  versions: Array<{ criteria: Criterion[]; adoptedOn: string }>;
  sign?: { postedOn: string; location: string | null } | null;
};

/** The one audit row written for the batch. */
export type BulkAudit = { action: string; entityId: string };

function checkDay(day: string, what: string): void {
  if (!isIsoDate(day)) throw new AppError('VALIDATION_FAILED', `${what} "${day}" không phải một ngày hợp lệ (YYYY-MM-DD).`);
}

function parsedOrThrow<T>(
  result: { success: true; data: T } | { success: false; error: { issues: Array<{ message: string }> } },
  unitName: string,
): T {
  if (!result.success)
    throw new AppError('VALIDATION_FAILED', `${unitName}: ${result.error.issues[0]?.message ?? 'dữ liệu không hợp lệ'}.`);
  return result.data;
}

/**
 * Writes the standards and signs of many units at once, as if each version had been drafted and
 * adopted and each sign recorded through the service: the same checks (a cell or agency that is
 * open and in the actor's scope, dates not in the future nor before the unit or the previous
 * version, a sign not before the first adoption), the same figure rules (only the first adoption
 * counts; a sign counts on the day it is posted) in one call, and one audit row for the batch.
 * Everything is checked before anything is written. Units that already have standards or a sign
 * are refused: their history is kept through the service.
 */
export async function insertStandardsInBulk(
  tx: Executor,
  actor: Actor,
  input: UnitStandardsInput[],
  audit: BulkAudit = { action: 'standard.bulk.insert', entityId: 'bulk' },
): Promise<{ adopted: number; signs: number }> {
  const units = new Map((await repo.lockUnitsForBulk(tx, [...new Set(input.map((item) => item.unitId))])).map((unit) => [unit.id, unit]));
  const standards: Parameters<typeof repo.insertStandards>[1] = [];
  const signs: Parameters<typeof repo.insertSigns>[1] = [];
  const deltas: FigureDelta[] = [];
  const seen = new Set<number>();
  for (const item of input) {
    const unit = units.get(item.unitId);
    if (!unit) throw new AppError('NOT_FOUND', `Không tìm thấy đơn vị có mã ${item.unitId}.`);
    if (seen.has(unit.id)) throw new AppError('VALIDATION_FAILED', `Đơn vị "${unit.name}" xuất hiện hai lần trong danh sách.`);
    seen.add(unit.id);
    assertKeepsStandards(actor, unit);
    if (unit.hasStandards || unit.hasSign) {
      throw new AppError('CONFLICT', `"${unit.name}" đã có chuẩn mực đạo đức hoặc biển; hãy cập nhật từng phiên bản.`);
    }
    if (item.versions.length === 0) throw new AppError('VALIDATION_FAILED', `"${unit.name}": cần ít nhất một phiên bản đã thông qua.`);
    const title = parsedOrThrow(CreateStandardDraftSchema.shape.title.safeParse(item.title ?? defaultTitle(unit)), unit.name)!;
    let current: { versionNumber: number; adoptedOn: string } | undefined;
    item.versions.forEach((version, index) => {
      checkDay(version.adoptedOn, 'Ngày thông qua');
      checkAdoptionDate(unit, version.adoptedOn, current);
      const next = item.versions[index + 1];
      standards.push({
        unitId: unit.id,
        versionNumber: index + 1,
        title,
        criteria: parsedOrThrow(CriteriaSchema.safeParse(version.criteria), unit.name),
        status: next ? 'superseded' : 'adopted',
        adoptedOn: version.adoptedOn,
        supersededOn: next?.adoptedOn ?? null,
        createdBy: actor.userId,
      });
      deltas.push(...adoptionDeltas(unit.path, version.adoptedOn, index === 0));
      current = { versionNumber: index + 1, adoptedOn: version.adoptedOn };
    });
    if (item.sign) {
      checkDay(item.sign.postedOn, 'Ngày gắn biển');
      checkSignPostedOn(unit, item.sign.postedOn, item.versions[0]!.adoptedOn);
      signs.push({ unitId: unit.id, postedOn: item.sign.postedOn, location: item.sign.location, createdBy: actor.userId });
      deltas.push(signDelta(unit.path, item.sign.postedOn));
    }
  }
  await repo.insertStandards(tx, standards);
  await repo.insertSigns(tx, signs);
  await addFigureDeltas(tx, deltas);
  const counts = { adopted: seen.size, signs: signs.length };
  await recordAudit(tx, actor, { action: audit.action, entityType: 'system', entityId: audit.entityId, after: counts });
  return counts;
}
