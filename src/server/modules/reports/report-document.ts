import { PageBreak, Paragraph, Table, TableRow, WidthType, convertMillimetersToTwip } from 'docx';
import {
  ROMAN,
  body,
  centered,
  packPartyDocument,
  partyHeader,
  run,
  signatureBlock,
  tableCell as cell,
} from '../../platform/documents/party-document';
import { bodyAbbreviation } from '../../platform/documents/numbering';

export type ReportDocumentInput = {
  unitName: string;
  unitKind: string;
  parentName: string | null;
  /** Null while the report has no number yet (a draft): the number is left blank to be written in. */
  numberSymbol: string | null;
  place: string | null;
  issuedOn: string;
  summary: string;
  sections: Array<{ title: string; paragraphs: string[] }>;
  difficulties: string[];
  recommendations: string[];
  figures: Array<{ label: string; unit: 'count' | 'percent' | 'number' | 'text'; value: number | string | null; note: string | null }>;
  recipients: string[];
};

/** 1.234 and 85,5%: the Vietnamese way of writing numbers. */
export function formatFigure(value: number | string | null, unit: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return value;
  if (unit === 'percent') return `${(Math.round(value * 1000) / 10).toLocaleString('de-DE')}%`;
  return value.toLocaleString('de-DE', { maximumFractionDigits: 2 });
}

/** The figures annex: one row per figure, with the unit of measure and the unit's note. */
function annex(input: ReportDocumentInput): Array<Paragraph | Table> {
  if (input.figures.length === 0) return [];
  const unitLabel = { count: 'Số lượng', percent: 'Tỷ lệ', number: 'Số lượng', text: '' } as const;
  return [
    new Paragraph({ children: [new PageBreak()] }),
    centered([run('PHỤ LỤC', { bold: true })]),
    centered([run('SỐ LIỆU KẾT QUẢ THỰC HIỆN', { bold: true })]),
    centered(
      [
        run(`(Kèm theo Báo cáo số ${input.numberSymbol ?? `     -BC/${bodyAbbreviation(input.unitKind, input.unitName)}`})`, {
          italics: true,
        }),
      ],
      240,
    ),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: [
            cell('TT', { bold: true, width: 8, align: 'center' }),
            cell('Chỉ tiêu', { bold: true, width: 47, align: 'center' }),
            cell('Đơn vị tính', { bold: true, width: 13, align: 'center' }),
            cell('Số liệu', { bold: true, width: 14, align: 'center' }),
            cell('Ghi chú', { bold: true, width: 18, align: 'center' }),
          ],
        }),
        ...input.figures.map(
          (figure, index) =>
            new TableRow({
              children: [
                cell(String(index + 1), { align: 'center' }),
                cell(figure.label),
                cell(unitLabel[figure.unit], { align: 'center' }),
                cell(formatFigure(figure.value, figure.unit), { align: 'right' }),
                cell(figure.note ?? ''),
              ],
            }),
        ),
      ],
    }),
  ];
}

/**
 * A report as a Word document in the Party's format (Hướng dẫn 36-HD/VPTW): the header, "BÁO CÁO"
 * and its summary line, the numbered sections, the difficulties and recommendations, the signature
 * and recipients, and the figures in an annex.
 */
export async function writeReportDocument(input: ReportDocumentInput): Promise<Buffer> {
  const numberSymbol = input.numberSymbol ?? `     -BC/${bodyAbbreviation(input.unitKind, input.unitName)}`;
  const paragraphs: Array<Paragraph | Table> = [
    new Paragraph({ spacing: { after: 240 }, children: [] }),
    centered([run('BÁO CÁO', { bold: true, size: 32 })]),
    centered([run(input.summary, { bold: true })], 120),
    centered([run('-----')], 240),
  ];
  input.sections.forEach((section, index) => {
    paragraphs.push(body([run(`${ROMAN[index] ?? String(index + 1)}. ${section.title.toUpperCase()}`, { bold: true })]));
    for (const text of section.paragraphs) paragraphs.push(body([run(text)]));
  });
  if (input.difficulties.length || input.recommendations.length) {
    paragraphs.push(body([run(`${ROMAN[input.sections.length] ?? ''}. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT`, { bold: true })]));
    if (input.difficulties.length) {
      paragraphs.push(body([run('1. Khó khăn, vướng mắc', { bold: true })]));
      for (const item of input.difficulties) paragraphs.push(body([run(`- ${item}`)]));
    }
    if (input.recommendations.length) {
      paragraphs.push(body([run(`${input.difficulties.length ? 2 : 1}. Kiến nghị, đề xuất`, { bold: true })]));
      for (const item of input.recommendations) paragraphs.push(body([run(`- ${item}`)]));
    }
  }
  paragraphs.push(signatureBlock({ unitKind: input.unitKind, recipients: input.recipients }));
  paragraphs.push(new Paragraph({ spacing: { before: convertMillimetersToTwip(10) }, children: [] }));
  return packPartyDocument({
    title: `Báo cáo ${numberSymbol} ${input.summary}`,
    children: [
      partyHeader({ parentName: input.parentName, unitName: input.unitName, numberSymbol, place: input.place, issuedOn: input.issuedOn }),
      ...paragraphs,
      ...annex(input),
    ],
  });
}
