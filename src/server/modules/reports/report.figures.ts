import type { Executor } from '../../platform/db/client';
import { addFigureDeltas, type FigureDelta } from '../../platform/figures';
import { REPORT_METRICS } from '../figures/index';
import { listAnswerFigureRows, type AnswerFigureRow } from './answers.repo';

/**
 * What the answers of one request add to the live figures. They count in the report's own period,
 * on its last day: a fourth-quarter briefing due in January is last year's, and counts in last
 * year's tree (sign -1 takes it back).
 */
export function answerDeltas(rows: AnswerFigureRow[], periodTo: string, sign: 1 | -1 = 1): FigureDelta[] {
  const year = Number(periodTo.slice(0, 4));
  const deltas: FigureDelta[] = [];
  for (const row of rows) {
    deltas.push({ unitPath: row.unitPath, metric: REPORT_METRICS.expected(year), day: periodTo, delta: sign });
    if (row.submitted) deltas.push({ unitPath: row.unitPath, metric: REPORT_METRICS.submitted(year), day: periodTo, delta: sign });
    if (row.onTime) deltas.push({ unitPath: row.unitPath, metric: REPORT_METRICS.onTime(year), day: periodTo, delta: sign });
  }
  return deltas;
}

/** A request just issued: every expected unit owes a report for the period. */
export async function countIssuedRequest(tx: Executor, requestId: number, periodTo: string): Promise<void> {
  await addFigureDeltas(tx, answerDeltas(await listAnswerFigureRows(tx, requestId), periodTo));
}

/** Moves a request's figures from one day to another (figures written when they were dated by deadline). */
export async function redateRequestFigures(tx: Executor, requestId: number, from: string, to: string): Promise<void> {
  if (from === to) return;
  const rows = await listAnswerFigureRows(tx, requestId);
  await addFigureDeltas(tx, [...answerDeltas(rows, from, -1), ...answerDeltas(rows, to, 1)]);
}

/** A report's first submission: submitted, and on time if it was. */
export async function countFirstSubmission(tx: Executor, unitPath: string, periodTo: string, onTime: boolean): Promise<void> {
  const deltas = answerDeltas([{ unitPath, submitted: true, onTime }], periodTo).filter(
    (delta) => !delta.metric.startsWith('reports.expected.'),
  );
  await addFigureDeltas(tx, deltas);
}
