import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/auth/policy';
import { todayIso } from '../../platform/dates';
import { partyOrganisationOf, placeOf } from '../../platform/documents/party-document';
import { convertDocxToPdf, findSoffice } from '../../platform/documents/pdf';
import { getUnitOrThrow } from '../units/index';
import { getAnswer } from './answers.service';
import { getConsolidation } from './consolidation.service';
import { writeReportDocument, type ReportDocumentInput } from './report-document';
import { exportFileName } from '../../platform/file-names';

/** Beside each figure of a report, where it comes from: computed (and how), or typed in (and by whom). */
const computedNote = (computation: string) => `Hệ thống tính: ${computation}`;
const typedNote = (enteredBy: string | null) => (enteredBy ? `Đơn vị tự nhập (${enteredBy}).` : 'Đơn vị tự nhập.');
const noteOf = (unitNote: string | undefined, source: string) => (unitNote ? `${unitNote} — ${source}` : source);

const paragraphsOf = (text: string) =>
  text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
async function headerOf(db: Database, unitId: number) {
  const unit = await getUnitOrThrow(db, unitId);
  const parent = unit.parentId ? await getUnitOrThrow(db, unit.parentId) : null;
  return {
    unit,
    unitName: unit.name,
    unitKind: unit.kind,
    parentName: parent ? partyOrganisationOf(parent.name) : null,
    place: placeOf(unit.name) ?? (parent ? placeOf(parent.name) : null),
    keeper: unit.kind === 'cell' || unit.kind === 'grassroots_cell' ? 'Lưu chi bộ' : 'Lưu Văn phòng',
  };
}

/** One unit's report: figures as frozen at submission (today's values while it is a draft). */
export async function answerDocumentInput(db: Database, actor: Actor, answerId: number): Promise<ReportDocumentInput> {
  const answer = await getAnswer(db, actor, answerId);
  const header = await headerOf(db, answer.unit.id);
  const submitted = answer.submittedAt !== null && answer.status !== 'returned';
  return {
    ...header,
    numberSymbol: answer.numberSymbol,
    issuedOn: answer.firstSubmittedOn && answer.submittedAt ? answer.submittedAt.slice(0, 10) : todayIso(),
    summary: answer.request.title,
    sections: answer.request.content.sections
      .filter((section) => answer.narrative[section.key])
      .map((section) => ({ title: section.title, paragraphs: paragraphsOf(answer.narrative[section.key]!) })),
    difficulties: answer.recommendations.filter((item) => item.kind === 'difficulty').map((item) => item.body),
    recommendations: answer.recommendations.filter((item) => item.kind === 'recommendation').map((item) => item.body),
    figures: [
      ...answer.figures.map((figure) => ({
        label: figure.label,
        unit: figure.unit,
        value: submitted ? figure.frozen : figure.live,
        note: noteOf(answer.figureNotes[figure.key], computedNote(figure.computation)),
      })),
      ...answer.request.content.manualItems.map((item) => {
        const raw = answer.manualValues[item.key] ?? null;
        return {
          label: item.label,
          unit: item.type,
          value: item.type === 'number' && raw !== null ? Number(raw.replace(',', '.')) : raw,
          note: typedNote(answer.enteredBy),
        };
      }),
    ],
    recipients: [answer.request.unit.name, header.keeper],
  };
}

/** The requesting level's consolidated report, drafted from every submitted report (its number left blank). */
export async function consolidationDocumentInput(db: Database, actor: Actor, requestId: number): Promise<ReportDocumentInput> {
  const view = await getConsolidation(db, actor, requestId);
  const header = await headerOf(db, view.request.unit.id);
  const parent = header.unit.parentId ? await getUnitOrThrow(db, header.unit.parentId) : null;
  return {
    ...header,
    numberSymbol: null,
    issuedOn: todayIso(),
    summary: `Tổng hợp ${view.request.title.charAt(0).toLowerCase()}${view.request.title.slice(1)}`,
    sections: view.sections
      .filter((section) => section.entries.length)
      .map((section) => ({
        title: section.title,
        paragraphs: section.entries.flatMap((entry) => paragraphsOf(`${entry.unitName}: ${entry.text}`)),
      })),
    difficulties: view.recommendations.filter((item) => item.kind === 'difficulty').map((item) => `${item.body} (${item.unitName})`),
    recommendations: view.recommendations.filter((item) => item.kind === 'recommendation').map((item) => `${item.body} (${item.unitName})`),
    figures: [
      {
        label: 'Số đơn vị đã báo cáo / phải báo cáo',
        unit: 'text',
        value: `${view.answering}/${view.expected}`,
        note: view.missing.length ? `Chưa báo cáo: ${view.missing.map((item) => item.unitName).join(', ')}` : null,
      },
      ...view.figures.map((figure) => ({
        label: figure.label,
        unit: figure.unit,
        value: figure.total,
        note: `Cộng số liệu đã chốt của ${view.answering} báo cáo; mỗi báo cáo do hệ thống tính: ${figure.computation}`,
      })),
      ...view.manualItems
        .filter((item) => item.type === 'number')
        .map((item) => ({
          label: item.label,
          unit: 'number' as const,
          value: item.total,
          note: `Cộng số do ${view.answering} đơn vị tự nhập.`,
        })),
    ],
    recipients: [...(parent ? [parent.name] : []), header.keeper],
  };
}

export async function pdfAvailable(): Promise<boolean> {
  return (await findSoffice()) !== null;
}

/** The DOCX, or the PDF made from it when LibreOffice is installed on the server. */
export async function renderDocument(input: ReportDocumentInput, format: 'docx' | 'pdf', name: { what: string; of: string }) {
  const docx = await writeReportDocument(input);
  if (format === 'docx')
    return {
      body: docx,
      fileName: exportFileName(name.what, 'docx', { of: name.of }),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    };
  const soffice = await findSoffice();
  if (!soffice) throw new AppError('INVALID_STATE', 'Máy chủ chưa cài LibreOffice nên chưa xuất được PDF. Hãy tải bản Word (DOCX).');
  return {
    body: await convertDocxToPdf(soffice, docx),
    fileName: exportFileName(name.what, 'pdf', { of: name.of }),
    contentType: 'application/pdf',
  };
}
