import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type FileChild,
} from 'docx';

/**
 * Building blocks of a Party document (Hướng dẫn 36-HD/VPTW), shared by plans and reports: Times
 * New Roman 14 on A4 with margins 25/25/35/15 mm, the two-column header, the body paragraphs and
 * the signature block.
 */
export const FONT = 'Times New Roman';
export const BODY_SIZE = 28; // half-points: 14 pt, the Party's body size
export const HEADER_SIZE = 26;
export const ROMAN = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
  'XVIII',
  'XIX',
  'XX',
];
export const PAGE_MARGINS_MM = { top: 25, bottom: 25, left: 35, right: 15 } as const;

export function run(text: string, options: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: options.size ?? BODY_SIZE,
    bold: options.bold,
    italics: options.italics,
    underline: options.underline ? {} : undefined,
  });
}

export function centered(children: TextRun[], spacingAfter = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children });
}

export function body(children: TextRun[]): Paragraph {
  // Justified, first line indented and 6 pt after: the usual look of a Party document's body.
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(12.7) },
    spacing: { after: 120, line: 300 },
    children,
  });
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

/** `numberSymbol` is null for a register or list that carries no document number. */
export type PartyHeaderInput = {
  parentName: string | null;
  unitName: string;
  numberSymbol: string | null;
  place: string | null;
  issuedOn: string;
};

/**
 * The header: the parent body and the issuing body top left with a "*" under them and the number
 * without a colon; "ĐẢNG CỘNG SẢN VIỆT NAM" top right, underlined, with the place and date in italics.
 */
export function partyHeader(input: PartyHeaderInput): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 45, type: WidthType.PERCENTAGE },
            children: [
              ...(input.parentName ? [centered([run(input.parentName.toUpperCase(), { size: HEADER_SIZE })])] : []),
              centered([run(input.unitName.toUpperCase(), { bold: true, size: HEADER_SIZE })]),
              centered([run('*', { size: HEADER_SIZE })]),
              ...(input.numberSymbol ? [centered([run(`Số ${input.numberSymbol}`, { size: HEADER_SIZE })])] : []),
            ],
          }),
          new TableCell({
            width: { size: 55, type: WidthType.PERCENTAGE },
            children: [
              centered([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 30 })], 240),
              centered([run(placeAndDate(input.place, input.issuedOn), { italics: true })]),
            ],
          }),
        ],
      }),
    ],
  });
}

const isCell = (kind: string) => kind === 'cell' || kind === 'grassroots_cell';

/** A cell of a document's table in 13 pt, the size the Party's annex tables use. */
export function tableCell(text: string, options: { bold?: boolean; width?: number; align?: 'left' | 'center' | 'right' } = {}): TableCell {
  const alignment =
    options.align === 'center' ? AlignmentType.CENTER : options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  return new TableCell({
    width: options.width ? { size: options.width, type: WidthType.PERCENTAGE } : undefined,
    children: [new Paragraph({ alignment, children: [run(text, { bold: options.bold, size: 26 })] })],
  });
}

/**
 * Signature block on the right ("T/M BAN THƯỜNG VỤ" / "BÍ THƯ", and the signer's name when known),
 * recipients on the left ("Nơi nhận:").
 */
export function signatureBlock(input: {
  unitKind: string;
  recipients: string[];
  signerTitle?: string | null;
  signerName?: string | null;
}): Table {
  const onBehalf = isCell(input.unitKind) ? 'T/M CHI ỦY' : 'T/M BAN THƯỜNG VỤ';
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            children: [
              new Paragraph({
                spacing: { before: 240 },
                children: [run('Nơi nhận:', { bold: true, italics: true, underline: true, size: 24 })],
              }),
              ...input.recipients.map(
                (recipient, index) =>
                  new Paragraph({ children: [run(`- ${recipient}${index === input.recipients.length - 1 ? '.' : ','}`, { size: 22 })] }),
              ),
            ],
          }),
          new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240 }, children: [run(onBehalf, { bold: true })] }),
              centered([run((input.signerTitle ?? 'Bí thư').toUpperCase(), { bold: true })]),
              ...(input.signerName
                ? [new Paragraph({ spacing: { before: 1200 } }), centered([run(input.signerName, { bold: true })])]
                : []),
            ],
          }),
        ],
      }),
    ],
  });
}

/** A4, Times New Roman 14, the Party's margins; the document's children in one section. */
export async function packPartyDocument(input: { title: string; children: FileChild[] }): Promise<Buffer> {
  const document = new Document({
    creator: 'NoiGuong',
    title: input.title,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(PAGE_MARGINS_MM.top),
              bottom: convertMillimetersToTwip(PAGE_MARGINS_MM.bottom),
              left: convertMillimetersToTwip(PAGE_MARGINS_MM.left),
              right: convertMillimetersToTwip(PAGE_MARGINS_MM.right),
            },
          },
        },
        children: input.children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}
