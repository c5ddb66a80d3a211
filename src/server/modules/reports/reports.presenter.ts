import {
  DEFAULT_SECTIONS,
  type AnswerRecommendation,
  type RegisterItem,
  type ReportCatalogue,
  type ReportCatalogueEntry,
  type ReportKind,
  type ReportInboxItem,
  type ReportRates,
  type ReportRequestDetail,
  type ReportRequestItem,
  type ReportTemplate,
  type RequestAnswerRow,
  type RespondedRecommendation,
} from '../../../shared/contracts/reports';
import type { ReportContent } from '../../db/schema/reports';
import { CATALOGUE_BY_KEY, METRIC_CATALOGUE, type CatalogueEntry } from './metric-catalogue';
import { displayStatus, rates } from './report-status';
import type { RequestListRow, RequestWithUnit } from './requests.repo';
import type { AnswerListRow, InboxRow, RecommendationRow } from './answers.repo';
import type { RegisterRow } from './recommendations.repo';

const isoOf = (moment: Date | string | null) => (moment === null ? null : new Date(moment).toISOString());

export function presentCatalogueEntry(entry: CatalogueEntry): ReportCatalogueEntry {
  return { key: entry.key, label: entry.label, unit: entry.unit, definition: entry.definition, computation: entry.computation };
}

/** A requested figure as the catalogue describes it (every key of a stored request is in the catalogue). */
export const presentFigure = (key: string) => presentCatalogueEntry(CATALOGUE_BY_KEY.get(key)!);

export function presentCatalogue(pdfAvailable: boolean): ReportCatalogue {
  return {
    metrics: METRIC_CATALOGUE.map(presentCatalogueEntry),
    defaultSections: DEFAULT_SECTIONS.map((section) => ({ ...section })),
    pdfAvailable,
  };
}

export function presentRequestItem(row: RequestListRow): ReportRequestItem {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    kind: row.kind,
    title: row.title,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    deadline: row.deadline,
    audience: row.audience,
    accepted: row.accepted,
    version: row.version,
    ...rates(row.expected, row.submitted, row.onTime),
  };
}

export function presentAnswerRow(answer: AnswerListRow, deadline: string, today: string): RequestAnswerRow {
  return {
    id: answer.id,
    unit: { id: answer.unit_id, name: answer.unit_name, code: answer.unit_code },
    status: answer.status,
    displayStatus: displayStatus(answer.status, deadline, today),
    firstSubmittedOn: answer.first_submitted_on,
    submittedAt: isoOf(answer.submitted_at),
    onTime: answer.on_time,
    numberSymbol: answer.number_symbol,
    returnReason: answer.return_reason,
    version: answer.version,
  };
}

export function presentRequestDetail(
  found: RequestWithUnit,
  parts: { figures: ReportRates; bySubtree: ReportRequestDetail['bySubtree']; answers: RequestAnswerRow[]; canManage: boolean },
): ReportRequestDetail {
  const { request } = found;
  return {
    id: request.id,
    unit: { id: request.unitId, name: found.unitName, code: found.unitCode },
    kind: request.kind,
    title: request.title,
    periodFrom: request.periodFrom,
    periodTo: request.periodTo,
    deadline: request.deadline,
    audience: request.audience,
    content: request.content,
    guidance: request.guidance,
    version: request.version,
    createdAt: request.createdAt.toISOString(),
    ...parts,
  };
}

export function presentTemplate(
  template: { id: number; name: string; kind: ReportKind; content: ReportContent },
  unit: { id: number; name: string },
  canDelete: boolean,
): ReportTemplate {
  return { id: template.id, unit, name: template.name, kind: template.kind, content: template.content, canDelete };
}

export function presentInboxItem(row: InboxRow, today: string): ReportInboxItem {
  return {
    id: row.id,
    requestId: row.request_id,
    unit: { id: row.unit_id, name: row.unit_name },
    requesterName: row.requester_name,
    kind: row.kind,
    title: row.title,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    deadline: row.deadline,
    status: row.status,
    displayStatus: displayStatus(row.status, row.deadline, today),
    firstSubmittedOn: row.first_submitted_on,
    version: row.version,
  };
}

/** A difficulty or recommendation of one report, as its writer and reader see it. */
export function presentAnswerRecommendation(row: RecommendationRow): AnswerRecommendation {
  return {
    id: row.id,
    kind: row.kind,
    body: row.body,
    status: row.status,
    answer: row.answer,
    answeredAt: isoOf(row.answeredAt),
    version: row.version,
  };
}

export function presentRegisterItem(row: RegisterRow, today: string): RegisterItem {
  return {
    id: row.id,
    kind: row.kind,
    body: row.body,
    status: row.status,
    answer: row.answer,
    answeredAt: isoOf(row.answered_at),
    dueOn: row.due_on,
    overdue: (row.status === 'received' || row.status === 'in_progress') && row.due_on !== null && row.due_on < today,
    unit: { id: row.unit_id, name: row.unit_name },
    addressedTo: { id: row.addressed_unit_id, name: row.addressed_name },
    requestTitle: row.request_title,
    answerId: row.answer_id,
    version: row.version,
  };
}

export function presentResponded(row: RecommendationRow, canRespond: boolean): RespondedRecommendation {
  return { id: row.id, status: row.status, answer: row.answer, dueOn: row.dueOn, version: row.version, canRespond };
}
