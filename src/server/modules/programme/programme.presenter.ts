import { can, type Actor } from '../../platform/auth/policy';
import type {
  Breakthrough,
  BreakthroughAdoption,
  BreakthroughDetail,
  BreakthroughProgress,
  LegalBasis,
  Plan,
  TaskGroup,
  Topic,
} from '../../../shared/contracts/programme';
import type { FileSummary } from '../files/index';
import type { LegalBasisRow, PlanWithUnit } from './plans.repo';
import type { TopicWithUnit } from './topics.repo';
import type { BreakthroughUpdateRow, BreakthroughWithUnits } from './breakthroughs.repo';

export function presentLegalBasis(row: LegalBasisRow): LegalBasis {
  return { id: row.id, symbol: row.symbol, title: row.title, issuedOn: row.issuedOn, isActive: row.isActive };
}

/** A plan with the bases it cites (looked up in `bases`) and its attached files. */
export function presentPlan(actor: Actor, row: PlanWithUnit, bases: Map<number, LegalBasisRow>, files: FileSummary[]): Plan {
  const { plan } = row;
  return {
    id: plan.id,
    unit: { id: plan.unitId, code: row.unitCode, name: row.unitName },
    numberSymbol: plan.numberSymbol,
    title: plan.title,
    issuedOn: plan.issuedOn,
    fromYear: plan.fromYear,
    toYear: plan.toYear,
    legalBases: plan.legalBasisIds
      .map((id) => bases.get(id))
      .filter((basis): basis is LegalBasisRow => basis !== undefined)
      .map((basis) => ({ id: basis.id, symbol: basis.symbol, title: basis.title, isActive: basis.isActive })),
    taskGroups: plan.taskGroups as TaskGroup[],
    files,
    canEdit: can(actor, 'programme.write', row.unitPath),
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

/** Without an actor (the study module's question) nothing is editable. */
export function presentTopic(actor: Actor | null, row: TopicWithUnit, files: FileSummary[]): Topic {
  const { topic } = row;
  return {
    id: topic.id,
    unit: { id: topic.unitId, code: row.unitCode, name: row.unitName },
    title: topic.title,
    description: topic.description,
    fromYear: topic.fromYear,
    toYear: topic.toYear,
    isWholeTerm: topic.fromYear !== topic.toYear,
    files,
    canEdit: actor ? can(actor, 'programme.write', row.unitPath) : false,
    version: topic.version,
    createdAt: topic.createdAt.toISOString(),
  };
}

export type BreakthroughSource = { id: number; title: string; unitName: string; deleted: boolean };
export type AdoptionCounts = { adopted: number; done: number };

/** A breakthrough content with the content it was taken up from (if any) and how far its copies below got. */
export function presentBreakthrough(
  actor: Actor,
  row: BreakthroughWithUnits,
  source: BreakthroughSource | undefined,
  adoptions: AdoptionCounts | undefined,
): Breakthrough {
  const { content } = row;
  return {
    id: content.id,
    unit: { id: content.unitId, code: row.unitCode, name: row.unitName },
    year: content.year,
    title: content.title,
    description: content.description,
    ownerUnit: { id: content.ownerUnitId, name: row.ownerName },
    target: content.target,
    deadline: content.deadline,
    adoptedFrom: source ? { id: source.id, title: source.title, unitName: source.unitName, deleted: source.deleted } : null,
    adoptions: adoptions ?? { adopted: 0, done: 0 },
    status: content.status,
    progressPercent: content.progressPercent,
    result: content.result,
    completedOn: content.completedOn,
    canEdit: can(actor, 'programme.write', row.unitPath),
    canReport: can(actor, 'programme.write', row.ownerPath),
    version: content.version,
    createdAt: content.createdAt.toISOString(),
  };
}

export function presentBreakthroughProgress(update: BreakthroughUpdateRow, files: FileSummary[]): BreakthroughProgress {
  return {
    id: update.id,
    reportedOn: update.reportedOn,
    progressPercent: update.progressPercent,
    note: update.note,
    files,
    createdAt: update.createdAt.toISOString(),
  };
}

export function presentBreakthroughAdoption(copy: BreakthroughAdoption): BreakthroughAdoption {
  return {
    id: copy.id,
    unitId: copy.unitId,
    unitName: copy.unitName,
    status: copy.status,
    progressPercent: copy.progressPercent,
    completedOn: copy.completedOn,
    deadline: copy.deadline,
  };
}

/** The content with who took it up below and its progress reports, each with its evidence. */
export function presentBreakthroughDetail(
  view: Breakthrough,
  adoptedBy: BreakthroughAdoption[],
  updates: BreakthroughUpdateRow[],
  files: Map<number, FileSummary[]>,
): BreakthroughDetail {
  return {
    ...view,
    adoptedBy: adoptedBy.map(presentBreakthroughAdoption),
    updates: updates.map((update) => presentBreakthroughProgress(update, files.get(update.id) ?? [])),
  };
}
