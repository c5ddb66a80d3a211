import { AlignmentType, Paragraph, convertMillimetersToTwip } from 'docx';
import type { TaskGroup } from '../../../shared/contracts/programme';
import { ROMAN, body, centered, packPartyDocument, partyHeader, run } from '../../platform/documents/party-document';

export { partyOrganisationOf, placeAndDate, placeOf } from '../../platform/documents/party-document';

/** What the document needs of a plan, already checked readable by the caller. */
export type PlanDocumentInput = {
  numberSymbol: string;
  title: string;
  issuedOn: string;
  fromYear: number;
  toYear: number;
  unitName: string;
  parentName: string | null;
  place: string | null;
  legalBases: string[];
  taskGroups: TaskGroup[];
};

/**
 * The plan as a Word document in the Party's format (Hướng dẫn 36-HD/VPTW): the Party header, then
 * the title, the legal bases and the task groups.
 */
export async function writePlanDocument(plan: PlanDocumentInput): Promise<Buffer> {
  const years = plan.fromYear === plan.toYear ? `năm ${plan.fromYear}` : `giai đoạn ${plan.fromYear}–${plan.toYear}`;
  const paragraphs: Paragraph[] = [
    new Paragraph({ spacing: { after: 240 }, children: [] }),
    centered([run('KẾ HOẠCH', { bold: true, size: 32 })]),
    centered([run(plan.title, { bold: true })], 120),
    centered([run(`(áp dụng ${years})`, { italics: true })], 120),
    centered([run('-----', {})], 240),
  ];
  for (const basis of plan.legalBases) paragraphs.push(body([run(`Căn cứ ${basis.charAt(0).toLowerCase()}${basis.slice(1)};`)]));
  if (plan.legalBases.length) {
    paragraphs.push(body([run(`${plan.unitName} ban hành kế hoạch thực hiện như sau:`)]));
  }
  plan.taskGroups.forEach((group, index) => {
    paragraphs.push(body([run(`${ROMAN[index] ?? String(index + 1)}. ${group.title.toUpperCase()}`, { bold: true })]));
    group.contents.forEach((content, contentIndex) => paragraphs.push(body([run(`${contentIndex + 1}. ${content}`)])));
  });
  paragraphs.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 360 },
      indent: { right: convertMillimetersToTwip(20) },
      children: [run(`T/M ${plan.unitName.toUpperCase()}`, { bold: true })],
    }),
  );
  return packPartyDocument({
    title: `${plan.numberSymbol} ${plan.title}`,
    children: [
      partyHeader({
        parentName: plan.parentName,
        unitName: plan.unitName,
        numberSymbol: plan.numberSymbol,
        place: plan.place,
        issuedOn: plan.issuedOn,
      }),
      ...paragraphs,
    ],
  });
}
