import { AlignmentType, Document, Packer, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType, convertMillimetersToTwip } from 'docx';
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

const FONT = 'Times New Roman';
const BODY_SIZE = 28; // half-points: 14 pt, the Party's body size
const HEADER_SIZE = 26;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

function run(text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text, font: FONT, size: options.size ?? BODY_SIZE, bold: options.bold, italics: options.italics });
}

function centered(children: TextRun[], spacingAfter = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children });
}

function body(children: TextRun[]): Paragraph {
  // Justified, first line indented and 6 pt after: the usual look of a Party document's body.
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: convertMillimetersToTwip(12.7) }, spacing: { after: 120, line: 300 }, children });
}

/** "Khánh Hòa, ngày 20 tháng 01 năm 2026": two-digit day and month under 10, as the rules ask. */
export function placeAndDate(place: string | null, isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  const date = `ngày ${day} tháng ${month} năm ${year}`;
  return place ? `${place}, ${date}` : date;
}

/**
 * The name of the place of a Party committee: the province or commune its name ends with
 * ("Tỉnh ủy Khánh Hòa" → "Khánh Hòa", "Đảng ủy phường Nha Trang" → "Nha Trang").
 */
export function placeOf(unitName: string): string | null {
  const match = /^(?:Tỉnh ủy|Thành ủy|Đảng ủy (?:xã|phường|đặc khu))\s+(.+)$/u.exec(unitName.trim());
  return match ? match[1]! : null;
}

/** The Party organisation a committee leads, as the line above its name ("Tỉnh ủy Khánh Hòa" → "Đảng bộ tỉnh Khánh Hòa"). */
export function partyOrganisationOf(committeeName: string): string {
  return committeeName
    .trim()
    .replace(/^Tỉnh ủy /u, 'Đảng bộ tỉnh ')
    .replace(/^Thành ủy /u, 'Đảng bộ thành phố ')
    .replace(/^Đảng ủy /u, 'Đảng bộ ');
}

/**
 * The plan as a Word document in the Party's format (Hướng dẫn 36-HD/VPTW): issuing body top left
 * with a "*" under it and the number without a colon, "ĐẢNG CỘNG SẢN VIỆT NAM" top right with the
 * place and date in italics, then the title, the legal bases and the task groups.
 */
export async function writePlanDocument(plan: PlanDocumentInput): Promise<Buffer> {
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 45, type: WidthType.PERCENTAGE },
            children: [
              ...(plan.parentName ? [centered([run(plan.parentName.toUpperCase(), { size: HEADER_SIZE })])] : []),
              centered([run(plan.unitName.toUpperCase(), { bold: true, size: HEADER_SIZE })]),
              centered([run('*', { size: HEADER_SIZE })]),
              centered([run(`Số ${plan.numberSymbol}`, { size: HEADER_SIZE })]),
            ],
          }),
          new TableCell({
            width: { size: 55, type: WidthType.PERCENTAGE },
            children: [
              centered([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 30 })], 240),
              centered([run(placeAndDate(plan.place, plan.issuedOn), { italics: true })]),
            ],
          }),
        ],
      }),
    ],
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
