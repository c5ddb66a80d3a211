import ExcelJS from 'exceljs';
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import { todayIso } from '../../platform/dates';
import { BODY_SIZE, FONT, centered, partyHeader, partyOrganisationOf, placeOf, run } from '../../platform/documents/party-document';
import { readRegisterBook, type RegisterBookLine } from './register-book.data';
import { exportFileName } from '../../platform/file-names';

export const REGISTER_BOOK_HEADERS = [
  'STT',
  'Họ và tên',
  'Chức vụ',
  'Nội dung đăng ký (việc làm, kết quả, thời hạn)',
  'Tự đánh giá',
  'Chi bộ đánh giá',
];

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA61B1B' } },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};

async function writeWorkbook(title: string, lines: RegisterBookLine[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sổ đăng ký', {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 6 }, { width: 26 }, { width: 20 }, { width: 80 }, { width: 36 }, { width: 36 }];
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  sheet.addRow(REGISTER_BOOK_HEADERS).eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  lines.forEach((line, index) => {
    const row = sheet.addRow([
      index + 1,
      line.name,
      line.position,
      line.actions.map((action) => action.text).join('\n'),
      line.selfAssessment,
      line.review,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

function cell(texts: string[], widthPercent: number, options: { bold?: boolean; center?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    children: (texts.length ? texts : ['']).map(
      (text) =>
        new Paragraph({
          alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, { bold: options.bold, size: 24 })],
        }),
    ),
  });
}

const WIDTHS = [5, 16, 12, 37, 15, 15];

async function writeDocument(input: Awaited<ReturnType<typeof readRegisterBook>>): Promise<Buffer> {
  const { unit, parent, year, lines } = input;
  const header = partyHeader({
    parentName: parent ? partyOrganisationOf(parent.name) : null,
    unitName: unit.name,
    numberSymbol: null,
    place: placeOf(unit.name) ?? (parent ? placeOf(parent.name) : null),
    issuedOn: todayIso(),
  });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: REGISTER_BOOK_HEADERS.map((text, index) => cell([text], WIDTHS[index]!, { bold: true, center: true })),
      }),
      ...lines.map(
        (line, index) =>
          new TableRow({
            children: [
              cell([String(index + 1)], WIDTHS[0]!, { center: true }),
              cell([line.name], WIDTHS[1]!),
              cell([line.position], WIDTHS[2]!),
              cell(
                line.actions.map((action) => action.text),
                WIDTHS[3]!,
              ),
              cell([line.selfAssessment], WIDTHS[4]!),
              cell([line.review], WIDTHS[5]!),
            ],
          }),
      ),
    ],
  });
  const document = new Document({
    creator: 'NoiGuong',
    title: `Sổ đăng ký làm theo năm ${year} — ${unit.name}`,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            // A wide table reads best on landscape A4.
            size: { width: convertMillimetersToTwip(297), height: convertMillimetersToTwip(210), orientation: PageOrientation.LANDSCAPE },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(25),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        children: [
          header,
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          centered([run('SỔ ĐĂNG KÝ', { bold: true, size: 32 })]),
          centered([run(`học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm ${year}`, { bold: true })], 240),
          ...(lines.length ? [table] : [centered([run('Chưa có bản đăng ký nào trong năm.', { italics: true })])]),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 360 },
            indent: { right: convertMillimetersToTwip(20) },
            children: [run(`T/M ${unit.name.toUpperCase()}`, { bold: true })],
          }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}

/** The register book of a unit's subtree for a year, as Excel or as a printable Party-format DOCX. */
export async function exportRegisterBook(db: Database, actor: Actor, unitId: number, year: number, format: 'xlsx' | 'docx') {
  const data = await readRegisterBook(db, actor, unitId, year);
  if (format === 'docx')
    return {
      body: await writeDocument(data),
      fileName: exportFileName('Sổ đăng ký làm theo', 'docx', { year, of: data.unit.name, day: todayIso() }),
    };
  const title = `Sổ đăng ký học tập và làm theo năm ${year} — ${data.unit.name}`;
  return {
    body: await writeWorkbook(title, data.lines),
    fileName: exportFileName('Sổ đăng ký làm theo', 'xlsx', { year, of: data.unit.name, day: todayIso() }),
  };
}
