import { PageBreak, Paragraph, Table, TableRow, WidthType } from 'docx';
import {
  body,
  centered,
  packPartyDocument,
  partyHeader,
  placeOf,
  run,
  signatureBlock,
  tableCell,
} from '../../platform/documents/party-document';
import { formatVietnameseDate } from '../../platform/dates';
import type { DecisionWithUnit } from './decisions.repo';

type Entry = { kind: string; title: string; subjectName: string | null; unitName: string; story: string; results: string };
export type DecisionDocumentInput = DecisionWithUnit & { entries: Entry[] };

const isCell = (kind: string) => kind === 'cell' || kind === 'grassroots_cell';
/** Who decides in the document's voice: the standing committee of a committee, the cell committee of a cell. */
const decidingBody = (input: DecisionDocumentInput) =>
  isCell(input.unitKind) ? `CHI ỦY ${input.unitName.toUpperCase()}` : `BAN THƯỜNG VỤ ${input.unitName.toUpperCase()}`;

/** "3 tập thể, 2 cá nhân và 1 mô hình": the counts Article 1 names. */
function countsOf(entries: Entry[]): string {
  const parts: string[] = [];
  const collectives = entries.filter((entry) => entry.kind === 'collective').length;
  const individuals = entries.filter((entry) => entry.kind === 'individual').length;
  const models = entries.filter((entry) => entry.kind === 'model').length;
  if (collectives) parts.push(`${collectives} tập thể`);
  if (individuals) parts.push(`${individuals} cá nhân`);
  if (models) parts.push(`${models} mô hình, cách làm hay`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} và ${parts.at(-1)}` : (parts[0] ?? '');
}

function annex(input: DecisionDocumentInput): Array<Paragraph | Table> {
  const { decision } = input;
  return [
    new Paragraph({ children: [new PageBreak()] }),
    centered([run('DANH SÁCH', { bold: true })]),
    centered([run(`TẬP THỂ, CÁ NHÂN ĐƯỢC ${input.formName.toUpperCase()}`, { bold: true })]),
    centered(
      [
        run(
          `(Kèm theo Quyết định số ${decision.numberSymbol}, ngày ${formatVietnameseDate(decision.decidedOn)} của ${decidingBody(input)
            .toLowerCase()
            .replace(/^./, (c) => c.toUpperCase())})`,
          { italics: true },
        ),
      ],
      240,
    ),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: [
            tableCell('TT', { bold: true, width: 7, align: 'center' }),
            tableCell('Tập thể, cá nhân', { bold: true, width: 28, align: 'center' }),
            tableCell('Đơn vị', { bold: true, width: 22, align: 'center' }),
            tableCell('Thành tích', { bold: true, width: 43, align: 'center' }),
          ],
        }),
        ...input.entries.map(
          (entry, index) =>
            new TableRow({
              children: [
                tableCell(String(index + 1), { align: 'center' }),
                tableCell(entry.kind === 'model' ? `Mô hình: ${entry.title}` : (entry.subjectName ?? entry.title)),
                tableCell(entry.unitName),
                tableCell(entry.kind === 'model' ? entry.results || entry.story : entry.title),
              ],
            }),
        ),
      ],
    }),
  ];
}

/**
 * A commendation decision in the Party's format: the header with "Số 12-QĐ/ĐU", "QUYẾT ĐỊNH" and
 * its subject, the grounds, the three articles, the signature and recipients, and the annex list
 * of every collective, individual and model it names.
 */
export async function writeDecisionDocument(input: DecisionDocumentInput): Promise<Buffer> {
  const { decision } = input;
  const period = `từ ngày ${formatVietnameseDate(decision.periodFrom)} đến ngày ${formatVietnameseDate(decision.periodTo)}`;
  const children: Array<Paragraph | Table> = [
    partyHeader({
      parentName: input.parentName,
      unitName: input.unitName,
      numberSymbol: decision.numberSymbol,
      place: placeOf(input.unitName),
      issuedOn: decision.decidedOn,
    }),
    new Paragraph({ spacing: { after: 240 }, children: [] }),
    centered([run('QUYẾT ĐỊNH', { bold: true, size: 32 })]),
    centered([run(decision.title, { bold: true })], 120),
    centered([run('-----')], 240),
    centered([run(decidingBody(input), { bold: true })], 120),
    body([run('- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;', { italics: true })]),
    body([
      run(
        '- Căn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh và Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW;',
        { italics: true },
      ),
    ]),
    body([run('- Xét đề nghị của các cấp ủy trực thuộc và kết quả thẩm định hồ sơ,', { italics: true })]),
    centered([run('QUYẾT ĐỊNH', { bold: true })], 120),
    body([
      run('Điều 1. ', { bold: true }),
      run(
        `${input.formName} ${countsOf(input.entries)} (có danh sách kèm theo) đã có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ${period}.`,
      ),
    ]),
    body([run('Điều 2. ', { bold: true }), run('Quyết định có hiệu lực kể từ ngày ký.')]),
    body([
      run('Điều 3. ', { bold: true }),
      run('Các cấp ủy trực thuộc và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.'),
    ]),
    signatureBlock({
      unitKind: input.unitKind,
      recipients: ['Như Điều 3', 'Lưu Văn phòng'],
      signerTitle: decision.signerTitle,
      signerName: decision.signerName,
    }),
    ...annex(input),
  ];
  return packPartyDocument({ title: `Quyết định ${decision.numberSymbol} ${decision.title}`, children });
}
