import type { Actor } from '../../platform/auth/policy';
import type { FileSummary } from '../files/index';
import type {
  FindingItem,
  InspectionDetail,
  InspectionEventItem,
  InspectionListItem,
  RemedyItem,
} from '../../../shared/contracts/inspections';
import { mayTakeInspectionStep, mayTakeRemedyStep } from './inspection-machine';
import type * as repo from './inspections.repo';

const isOverdue = (remedy: repo.RemedyRow, today: string) =>
  (remedy.status === 'open' || remedy.status === 'returned') && remedy.dueOn < today;

export function presentListItem(row: repo.InspectionListRow): InspectionListItem {
  return {
    id: row.id,
    year: row.year,
    kind: row.kind,
    title: row.title,
    owner: { id: row.ownerUnitId, code: row.ownerCode, name: row.ownerName },
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
    contents: row.contents,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status,
    seriousness: row.seriousness,
    findings: row.findingCount,
    remedies: { total: row.remedyCount, closed: row.remediesClosed, overdue: row.remediesOverdue },
    version: row.version,
  };
}

export function presentRemedy(actor: Actor, row: repo.RemedyListRow, files: FileSummary[], today: string): RemedyItem {
  const places = { unitPath: row.unitPath, ownerPath: row.ownerPath };
  return {
    id: row.id,
    inspectionId: row.inspectionId,
    inspectionTitle: row.inspectionTitle,
    findingId: row.findingId,
    finding: row.finding,
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
    owner: { id: row.ownerId, code: row.ownerCode, name: row.ownerName },
    year: row.year,
    what: row.what,
    dueOn: row.dueOn,
    status: row.status,
    overdue: isOverdue(row, today),
    report: row.report,
    reportedAt: row.reportedAt?.toISOString() ?? null,
    returnReason: row.returnReason,
    closedAt: row.closedAt?.toISOString() ?? null,
    closeNote: row.closeNote,
    files,
    version: row.version,
    can: { report: mayTakeRemedyStep(actor, 'report', row, places), review: mayTakeRemedyStep(actor, 'accept', row, places) },
  };
}

export function presentFinding(row: repo.FindingRow, files: FileSummary[]): FindingItem {
  return { id: row.id, content: row.content, kind: row.kind, text: row.text, remedy: row.remedy, dueOn: row.dueOn, files };
}

/** A step of the history; the event's own id and inspection are not part of the answer. */
function presentEvent(event: DetailParts['events'][number]): InspectionEventItem {
  const { action, fromStatus, toStatus, reason, actorName, remedyId } = event;
  return { action, fromStatus, toStatus, reason, actorName, at: event.at.toISOString(), remedyId };
}

export type DetailParts = {
  context: repo.InspectionContext;
  findings: FindingItem[];
  remedies: RemedyItem[];
  events: Array<Omit<InspectionEventItem, 'at'> & { at: Date }>;
  selfReport: InspectionDetail['selfReport'];
};

export function presentDetail(actor: Actor, parts: DetailParts): InspectionDetail {
  const { inspection, owner, unit } = parts.context;
  const may = (step: 'update' | 'start' | 'conclude' | 'cancel') => mayTakeInspectionStep(actor, step, parts.context);
  return {
    id: inspection.id,
    year: inspection.year,
    kind: inspection.kind,
    title: inspection.title,
    owner: { id: owner.id, code: owner.code, name: owner.name },
    unit: { id: unit.id, code: unit.code, name: unit.name },
    contents: inspection.contents,
    startsOn: inspection.startsOn,
    endsOn: inspection.endsOn,
    status: inspection.status,
    seriousness: inspection.seriousness,
    findings: parts.findings.length,
    remedies: {
      total: parts.remedies.length,
      closed: parts.remedies.filter((remedy) => remedy.status === 'closed').length,
      overdue: parts.remedies.filter((remedy) => remedy.overdue).length,
    },
    version: inspection.version,
    team: inspection.team,
    note: inspection.note,
    conclusion: inspection.conclusion,
    number: inspection.number,
    concludedAt: inspection.concludedAt?.toISOString() ?? null,
    cancelReason: inspection.cancelReason,
    selfReport: parts.selfReport,
    findingItems: parts.findings,
    remedyItems: parts.remedies,
    history: parts.events.map(presentEvent),
    can: {
      edit: may('update'),
      start: may('start'),
      record: inspection.status === 'in_progress' && may('update'),
      conclude: may('conclude'),
      cancel: may('cancel'),
    },
  };
}
