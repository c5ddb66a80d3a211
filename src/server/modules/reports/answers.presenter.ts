import type { AnswerHistoryEvent, AnswerStatus, ReportAnswerDetail, ReportConsolidation } from '../../../shared/contracts/reports';
import type { FileSummary } from '../../../shared/contracts/files';
import type { MachineContext } from './answer-machine';
import type { AnswerListRow, RecommendationRow } from './answers.repo';
import type { RequestWithUnit } from './requests.repo';
import { displayStatus } from './report-status';
import { presentAnswerRecommendation, presentFigure } from './reports.presenter';

const textOf = (item: RecommendationRow) => ({ kind: item.kind, body: item.body });

type LowerAnswer = {
  id: number;
  title: string;
  unit_name: string;
  status: AnswerStatus;
  narrative: Record<string, string>;
  manual_values: Record<string, string>;
};

/** What a report's reading gathers besides the report and its request. */
export type AnswerParts = {
  today: string;
  /** The requested figures computed live for the period. */
  live: Record<string, number | null>;
  recommendations: RecommendationRow[];
  files: FileSummary[];
  history: AnswerHistoryEvent[];
  enteredBy: string | null;
  lower: LowerAnswer[];
  /** The difficulties and recommendations of the reports received from below. */
  lowerItems: RecommendationRow[];
  canWrite: boolean;
  canReview: boolean;
};

export function presentAnswerDetail(context: MachineContext, parts: AnswerParts): ReportAnswerDetail {
  const { answer } = context;
  const { request } = context.requestContext;
  return {
    id: answer.id,
    request: {
      id: request.id,
      unit: { id: request.unitId, name: context.requestContext.unitName },
      kind: request.kind,
      title: request.title,
      periodFrom: request.periodFrom,
      periodTo: request.periodTo,
      deadline: request.deadline,
      content: request.content,
      guidance: request.guidance,
    },
    unit: { id: answer.unitId, name: context.unitName, code: context.unitCode },
    status: answer.status,
    displayStatus: displayStatus(answer.status, request.deadline, parts.today),
    narrative: answer.narrative,
    manualValues: answer.manualValues,
    figureNotes: answer.figureNotes,
    figures: request.content.metrics.map((key) => ({
      ...presentFigure(key),
      live: parts.live[key] ?? null,
      frozen: answer.frozenFigures ? (answer.frozenFigures[key] ?? null) : null,
    })),
    recommendations: parts.recommendations.map(presentAnswerRecommendation),
    files: parts.files,
    numberSymbol: answer.numberSymbol,
    firstSubmittedOn: answer.firstSubmittedOn,
    submittedAt: answer.submittedAt?.toISOString() ?? null,
    returnReason: answer.returnReason,
    version: answer.version,
    history: parts.history,
    enteredBy: parts.enteredBy,
    lower: parts.lower.map((row) => ({
      id: row.id,
      title: row.title,
      unitName: row.unit_name,
      status: row.status,
      narrative: row.narrative,
      manualValues: row.manual_values,
      recommendations: parts.lowerItems.filter((item) => item.answerId === row.id).map(textOf),
    })),
    canWrite: parts.canWrite,
    canReview: parts.canReview,
  };
}

/** What a consolidation computed: the answers counted, and the sums of their figures and typed numbers. */
export type ConsolidationParts = {
  answers: AnswerListRow[];
  /** Submitted at least once, with frozen figures. */
  answering: AnswerListRow[];
  missing: AnswerListRow[];
  totals: Record<string, number | null>;
  manualTotals: Record<string, number | null>;
  items: RecommendationRow[];
};

export function presentConsolidation(found: RequestWithUnit, parts: ConsolidationParts): ReportConsolidation {
  const { request } = found;
  const unitOf = new Map(parts.answers.map((answer) => [answer.id, answer.unit_name]));
  return {
    request: {
      id: request.id,
      title: request.title,
      kind: request.kind,
      periodFrom: request.periodFrom,
      periodTo: request.periodTo,
      deadline: request.deadline,
      unit: { id: request.unitId, name: found.unitName },
    },
    expected: parts.answers.length,
    answering: parts.answering.length,
    missing: parts.missing.map((answer) => ({ id: answer.id, unitName: answer.unit_name, status: answer.status })),
    figures: request.content.metrics.map((key) => ({ ...presentFigure(key), total: parts.totals[key] ?? null })),
    byUnit: parts.answering.map((answer) => ({
      answerId: answer.id,
      unitName: answer.unit_name,
      status: answer.status,
      figures: answer.frozen_figures!,
      manualValues: answer.manual_values,
    })),
    manualItems: request.content.manualItems.map((item) => ({
      ...item,
      total: item.type === 'number' ? (parts.manualTotals[item.key] ?? null) : null,
    })),
    recommendations: parts.items.map((item) => ({
      id: item.id,
      unitName: unitOf.get(item.answerId) ?? '',
      ...textOf(item),
      status: item.status,
      answer: item.answer,
    })),
    sections: request.content.sections.map((section) => ({
      key: section.key,
      title: section.title,
      entries: parts.answering
        .filter((answer) => answer.narrative[section.key])
        .map((answer) => ({ unitName: answer.unit_name, text: answer.narrative[section.key]! })),
    })),
  };
}
