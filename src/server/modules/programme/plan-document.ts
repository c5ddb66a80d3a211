import { AlignmentType, Document, Packer, Paragraph, TextRun, convertMillimetersToTwip } from 'docx';
import { BODY_SIZE, FONT, centered, partyHeader, partyOrganisationOf, placeAndDate, placeOf, run } from '../../platform/documents/party-document';
import type { TaskGroup } from '../../../shared/contracts/programme';

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

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

// The header, fonts and place helpers are shared with the other Party-format documents.
export { partyOrganisationOf, placeAndDate, placeOf };

function body(children: TextRun[]): Paragraph {
  // Justified, first line indented and 6 pt after: the usual look of a Party document's body.
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: convertMillimetersToTwip(12.7) }, spacing: { after: 120, line: 300 }, children });
}

/**
 * The plan as a Word document in the Party's format (Hướng dẫn 36-HD/VPTW): issuing body top left
 * with a "*" under it and the number without a colon, "ĐẢNG CỘNG SẢN VIỆT NAM" top right with the
 * place and date in italics, then the title, the legal bases and the task groups.
 */
export async function writePlanDocument(plan: PlanDocumentInput): Promise<Buffer> {
  const header = partyHeader({
    parentName: plan.parentName,
    unitName: plan.unitName,
    numberLine: `Số ${plan.numberSymbol}`,
    place: plan.place,
    date: plan.issuedOn,
  });

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

  const document = new Document({
    creator: 'NoiGuong',
    title: `${plan.numberSymbol} ${plan.title}`,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(25),
              bottom: convertMillimetersToTwip(25),
              left: convertMillimetersToTwip(35),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        children: [header, ...paragraphs],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}
