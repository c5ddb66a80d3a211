import { AlignmentType, Paragraph, Table, TableBorders, TableCell, TableRow, WidthType, type TextRun } from 'docx';
import type { Database } from '../../platform/db/client';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { formatVietnameseDate, todayIso } from '../../platform/dates';
import {
  ROMAN,
  body,
  centered,
  packPartyDocument,
  partyHeader,
  partyOrganisationOf,
  placeOf,
  run,
  tableCell,
} from '../../platform/documents/party-document';
import {
  GRADES,
  GRADE_LABELS,
  GRADE_SHORT_LABELS,
  type Grade,
  type GradingRuleConfig,
  type GradingStatus,
  type GradingView,
} from '../../../shared/contracts/grading';
import { COMPLETION_LEVEL_LABELS } from '../../../shared/contracts/registration-status';
import { getUnitOrThrow } from '../units/index';
import { listResults, type ResultRow } from './grading.repo';
import { getGrading, ruleForYear } from './grading.service';
import { exportFileName } from '../../platform/file-names';

type Block = Paragraph | Table;

const pointsFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const shareFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 85 or 85,5: scores as a Vietnamese reader writes them. */
export const formatPoints = (value: number) => pointsFormat.format(value);
const formatShare = (share: number) => `${shareFormat.format(share * 100)}%`;

/**
 * Whether the grading level's assessment is current: a grading sent back and self-reviewed again
 * keeps the old grade (and a rule proposal from its self-scores) until the level grades it anew.
 */
export const isAssessed = (status: GradingStatus) => status === 'graded' || status === 'decided';

/** The grade's label, or nothing for no grade. */
export function gradeLabel(grade: Grade | null, labels: Record<Grade, string> = GRADE_LABELS): string {
  return grade === null ? '' : labels[grade];
}

/** The Vietnamese calendar day of an ISO timestamp. */
const dayOf = (timestamp: string) => todayIso(new Date(timestamp));

const isCell = (kind: string) => kind === 'cell' || kind === 'grassroots_cell';

const heading = (text: string) => body([run(text, { bold: true })]);

/** Free text typed in a form: one paragraph per line, and a visible mark where nothing was written. */
function textParagraphs(text: string, missing = '(Không ghi)'): Paragraph[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.length > 0 ? lines.map((line) => body([run(line)])) : [body([run(missing, { italics: true })])];
}

function labelled(label: string, value: string): Paragraph {
  return body([run(`${label}: `, { bold: true }), run(value)]);
}

/** A two-column borderless table the way the Party's forms put two signatures side by side. */
type Signer = { titles: string[]; name: string | null };

function signerCell(signer: Signer | null): TableCell {
  const children: Paragraph[] = signer
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 240 },
          children: [run(signer.titles[0] ?? '', { bold: true })],
        }),
        ...signer.titles.slice(1).map((title) => centered([run(title, { bold: true })])),
        centered([run('(Ký, ghi rõ họ tên)', { italics: true, size: 24 })]),
        // Room for the signature, whether or not the name is known.
        new Paragraph({ spacing: { before: 1200 } }),
        ...(signer.name ? [centered([run(signer.name, { bold: true })])] : []),
      ]
    : [new Paragraph({ children: [] })];
  return new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children });
}

function signatures(left: Signer | null, right: Signer): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [signerCell(left), signerCell(right)] })],
  });
}

function headerRow(cells: Array<[string, number]>): TableRow {
  return new TableRow({
    tableHeader: true,
    children: cells.map(([text, width]) => tableCell(text, { bold: true, width, align: 'center' })),
  });
}

function grid(rows: TableRow[]): Table {
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

function title(lines: TextRun[][]): Paragraph[] {
  return [
    new Paragraph({ spacing: { after: 240 }, children: [] }),
    ...lines.map((children, index) => centered(children, index === lines.length - 1 ? 120 : 0)),
    centered([run('-----')], 240),
  ];
}

// ---- The self-review (bản kiểm điểm) --------------------------------------------------------------

/** The day on the form: when it was last sent to the grading level, or today for one still being written. */
function selfReviewDay(view: GradingView): string {
  const sent = view.history.filter((event) => event.action === 'submitSelf').at(-1);
  return sent ? dayOf(sent.at) : todayIso();
}

function conditionLabels(rule: GradingRuleConfig, view: GradingView, codes: string[]): string[] {
  const known = [...rule.qualifiers, ...rule[view.subject].disqualifying];
  return codes.map((code) => known.find((condition) => condition.code === code)?.label ?? code);
}

function campaignSection(view: GradingView): Paragraph[] {
  const { campaign } = view;
  if (!campaign?.level) return [body([run('Chưa có kết quả đánh giá.', { italics: true })])];
  const level = COMPLETION_LEVEL_LABELS[campaign.level] ?? campaign.level;
  const lines = [labelled('Kết quả chi bộ đánh giá', level)];
  const criterion = view.rule.config.member.criteria.find((item) => item.code === campaign.criterion);
  if (campaign.suggestedPoints !== null && criterion) {
    lines.push(
      body([run(`Điểm gợi ý cho tiêu chí "${criterion.label}": ${formatPoints(campaign.suggestedPoints)} điểm.`, { italics: true })]),
    );
  }
  return lines;
}

function scoreTable(view: GradingView): Table {
  const { criteria } = view.rule.config[view.subject];
  const { scores } = view.selfReview;
  const scored = criteria.some((criterion) => scores[criterion.code] !== undefined);
  const total = view.selfReview.total ?? (scored ? criteria.reduce((sum, criterion) => sum + (scores[criterion.code] ?? 0), 0) : null);
  const max = criteria.reduce((sum, criterion) => sum + criterion.max, 0);
  return grid([
    headerRow([
      ['STT', 8],
      ['Tiêu chí', 56],
      ['Điểm tối đa', 18],
      ['Điểm tự chấm', 18],
    ]),
    ...criteria.map((criterion, index) => {
      const score = scores[criterion.code];
      return new TableRow({
        children: [
          tableCell(String(index + 1), { align: 'center' }),
          tableCell(criterion.label),
          tableCell(formatPoints(criterion.max), { align: 'center' }),
          tableCell(score === undefined ? '' : formatPoints(score), { align: 'center' }),
        ],
      });
    }),
    new TableRow({
      children: [
        tableCell(''),
        tableCell('Tổng cộng', { bold: true }),
        tableCell(formatPoints(max), { bold: true, align: 'center' }),
        tableCell(total === null ? '' : formatPoints(total), { bold: true, align: 'center' }),
      ],
    }),
  ]);
}

function scoreSection(view: GradingView): Block[] {
  const ticked = conditionLabels(view.rule.config, view, view.selfReview.conditions);
  return [
    scoreTable(view),
    body([]),
    ticked.length > 0
      ? body([run('Các điều kiện tự xác định:', { bold: true })])
      : body([run('Không xác định điều kiện nào trong các điều kiện của quy định.', { italics: true })]),
    ...ticked.map((label) => body([run(`- ${label}`)])),
  ];
}

function votesText(votes: { for: number; against: number; abstain: number }): string {
  return `${votes.for} tán thành, ${votes.against} không tán thành, ${votes.abstain} không biểu quyết`;
}

/** The grading level's opinion and the decision, as far as they go; nothing while the level has not graded. */
function outcomeSections(view: GradingView): Block[] {
  const { assessment, decision } = view;
  const blocks: Block[] = [];
  if (isAssessed(view.status) && assessment.grade) {
    blocks.push(heading(view.subject === 'member' ? 'Ý KIẾN CỦA CHI BỘ' : 'Ý KIẾN NHẬN XÉT, ĐÁNH GIÁ CỦA CẤP TRÊN'));
    if (assessment.comment) blocks.push(...textParagraphs(assessment.comment));
    if (assessment.proposedTotal !== null) blocks.push(labelled('Điểm đánh giá', `${formatPoints(assessment.proposedTotal)} điểm`));
    blocks.push(labelled('Đề xuất xếp loại', gradeLabel(assessment.grade)));
    if (assessment.overrideReason) blocks.push(labelled('Lý do khác mức theo quy định', assessment.overrideReason));
    if (assessment.votes) blocks.push(labelled('Kết quả biểu quyết', `${votesText(assessment.votes)}.`));
  }
  if (decision) {
    const by = view.decidingUnitName ? ` của ${view.decidingUnitName}` : '';
    blocks.push(heading('QUYẾT ĐỊNH XẾP LOẠI'));
    blocks.push(
      body([
        run(`${GRADE_LABELS[decision.grade]}`, { bold: true }),
        run(` (quyết định ngày ${formatVietnameseDate(dayOf(decision.decidedAt))}${by}).`),
      ]),
    );
    if (decision.note) blocks.push(labelled('Ghi chú', decision.note));
  }
  return blocks;
}

function selfReviewIdentity(view: GradingView): Paragraph[] {
  if (view.subject === 'collective') return [labelled('Tổ chức đảng', view.unit.name)];
  return [labelled('Họ và tên', view.person?.name ?? ''), labelled('Chi bộ', view.unit.name)];
}

function selfReviewSections(view: GradingView): Array<{ title: string; blocks: Block[] }> {
  const { selfReview } = view;
  const sections: Array<{ title: string; blocks: Block[] }> = [
    { title: 'ƯU ĐIỂM', blocks: textParagraphs(selfReview.strengths) },
    { title: 'HẠN CHẾ, KHUYẾT ĐIỂM', blocks: textParagraphs(selfReview.shortcomings) },
    { title: 'BIỆN PHÁP KHẮC PHỤC', blocks: textParagraphs(selfReview.remedies) },
  ];
  // The campaign's result is a member's own: a collective is not reviewed on it.
  if (view.subject === 'member') {
    sections.push({
      title: 'KẾT QUẢ THỰC HIỆN VIỆC HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG, ĐẠO ĐỨC, PHONG CÁCH HỒ CHÍ MINH',
      blocks: campaignSection(view),
    });
  }
  sections.push({ title: 'TỰ CHẤM ĐIỂM', blocks: scoreSection(view) });
  sections.push({
    title: 'TỰ NHẬN MỨC XẾP LOẠI',
    blocks: [
      selfReview.grade ? body([run(GRADE_LABELS[selfReview.grade], { bold: true })]) : body([run('(Chưa tự nhận mức)', { italics: true })]),
    ],
  });
  return sections;
}

function selfReviewSigner(view: GradingView): Signer {
  if (view.subject === 'member') return { titles: ['NGƯỜI TỰ KIỂM ĐIỂM'], name: view.person?.name ?? null };
  return { titles: [`T/M ${view.unit.name.toUpperCase()}`], name: null };
}

/**
 * The year-end self-review as a Party-format DOCX, from the grading alone (no database): the form
 * the member (or the collective's committee) signs, with the grading level's opinion and the
 * decision below the signature once they exist, as on the paper form.
 */
export async function buildSelfReviewDocx(view: GradingView, options: { issuedOn?: string } = {}): Promise<Buffer> {
  const subjectTitle = view.subject === 'member' ? 'BẢN KIỂM ĐIỂM ĐẢNG VIÊN' : `BẢN KIỂM ĐIỂM CỦA TẬP THỂ ${view.unit.name.toUpperCase()}`;
  const blocks: Block[] = [
    partyHeader({
      parentName: view.decidingUnitName ? partyOrganisationOf(view.decidingUnitName) : null,
      unitName: view.unit.name,
      numberSymbol: null,
      place: placeOf(view.unit.name) ?? (view.decidingUnitName ? placeOf(view.decidingUnitName) : null),
      issuedOn: options.issuedOn ?? selfReviewDay(view),
    }),
    ...title([[run(subjectTitle, { bold: true, size: 32 })], [run(`Năm ${view.year}`, { bold: true })]]),
    ...selfReviewIdentity(view),
  ];
  selfReviewSections(view).forEach((section, index) => {
    blocks.push(heading(`${ROMAN[index] ?? String(index + 1)}. ${section.title}`), ...section.blocks);
  });
  blocks.push(signatures(null, selfReviewSigner(view)), ...outcomeSections(view));
  const who = view.person?.name ?? view.unit.name;
  return packPartyDocument({ title: `Bản kiểm điểm năm ${view.year} - ${who}`, children: blocks });
}

export async function selfReviewDocument(db: Database, actor: Actor, gradingId: number): Promise<{ body: Buffer; fileName: string }> {
  const view = await getGrading(db, actor, gradingId);
  const name = view.person?.name ?? `Tập thể ${view.unit.name}`;
  return { body: await buildSelfReviewDocx(view), fileName: exportFileName('Bản kiểm điểm', 'docx', { year: view.year, of: name }) };
}

// ---- The cell's grading record (biên bản) ---------------------------------------------------------

/** What the record needs, already checked readable: the unit, the rule of the year and every member's grading. */
export type GradingRecordInput = {
  year: number;
  unit: { name: string; kind: string };
  parentName: string | null;
  ruleName: string;
  issuedOn: string;
  rows: ResultRow[];
};

const RECORD_COLUMNS: Array<[string, number]> = [
  ['STT', 6],
  ['Họ và tên', 21],
  ['Tự nhận mức', 11],
  ['Điểm chi bộ chấm', 11],
  ['Mức chi bộ đề xuất', 18],
  ['Biểu quyết', 18],
  ['Mức được quyết định', 15],
];

/** "Quy định số 366-QĐ/TW…" is named as it is; a bare number or title gets the word in front. */
function ruleReference(name: string): string {
  return /^quy định/iu.test(name.trim()) ? name.trim() : `Quy định ${name.trim()}`;
}

function recordRow(row: ResultRow, index: number, unitName: string): TableRow {
  const assessed = isAssessed(row.status);
  // A record of a larger unit lists members of several cells: say which.
  const name = `${row.person_name ?? ''}${row.unit_name !== unitName ? ` (${row.unit_name})` : ''}`;
  const proposed = assessed
    ? `${gradeLabel(row.grade, GRADE_SHORT_LABELS)}${row.override_reason ? ` (khác mức theo quy định: ${row.override_reason})` : ''}`
    : 'Chưa đánh giá';
  const total = assessed && row.proposed_total !== null ? formatPoints(Number(row.proposed_total)) : '';
  return new TableRow({
    children: [
      tableCell(String(index + 1), { align: 'center' }),
      tableCell(name),
      tableCell(gradeLabel(row.self_grade, GRADE_SHORT_LABELS), { align: 'center' }),
      tableCell(total, { align: 'center' }),
      tableCell(proposed),
      tableCell(assessed && row.votes ? votesText(row.votes) : ''),
      tableCell(row.decided_grade ? gradeLabel(row.decided_grade, GRADE_SHORT_LABELS) : 'Chưa quyết định', { align: 'center' }),
    ],
  });
}

function legend(): Paragraph {
  const text = GRADES.map((grade) => `${GRADE_SHORT_LABELS[grade]}: ${GRADE_LABELS[grade]}`).join('; ');
  return new Paragraph({ spacing: { before: 120, after: 120 }, children: [run(`Ghi chú: ${text}.`, { italics: true, size: 24 })] });
}

/** The count of each grade the cell proposed, with its share of those it graded. */
function summary(rows: ResultRow[]): Paragraph[] {
  const assessed = rows.filter((row) => isAssessed(row.status) && row.grade);
  const waiting = rows.length - assessed.length;
  if (assessed.length === 0)
    return [body([run(`Chi bộ chưa đề xuất mức xếp loại cho đảng viên nào (${rows.length} đồng chí chưa được đánh giá).`)])];
  const lines = [body([run(`Kết quả chi bộ đề xuất xếp loại ${assessed.length} đồng chí:`)])];
  GRADES.forEach((grade, index) => {
    const count = assessed.filter((row) => row.grade === grade).length;
    const end = index === GRADES.length - 1 && waiting === 0 ? '.' : ';';
    lines.push(body([run(`- ${GRADE_LABELS[grade]}: ${count} đồng chí (${formatShare(count / assessed.length)})${end}`)]));
  });
  if (waiting > 0) lines.push(body([run(`- Chưa được chi bộ đánh giá: ${waiting} đồng chí.`)]));
  return lines;
}

function recordBody(input: GradingRecordInput): Block[] {
  if (input.rows.length === 0) return [body([run(`Chưa có đảng viên nào được đánh giá trong năm ${input.year}.`, { italics: true })])];
  return [
    body([
      run(
        `Chi bộ đã tiến hành đánh giá, xếp loại chất lượng đảng viên năm ${input.year} theo ${ruleReference(input.ruleName)}, trên cơ sở bản tự kiểm điểm của từng đảng viên. Kết quả như sau:`,
      ),
    ]),
    grid([headerRow(RECORD_COLUMNS), ...input.rows.map((row, index) => recordRow(row, index, input.unit.name))]),
    legend(),
    ...summary(input.rows),
  ];
}

/**
 * The cell's record of its year-end grading meeting as a Party-format DOCX, from plain data: one
 * line per member with the self-proposed grade, the cell's points, grade and vote, and the
 * decision; then the count per grade; the secretary and the cell's secretary sign.
 */
export async function buildGradingRecordDocx(input: GradingRecordInput): Promise<Buffer> {
  const onBehalf = isCell(input.unit.kind) ? 'T/M CHI ỦY' : 'T/M BAN THƯỜNG VỤ';
  const blocks: Block[] = [
    partyHeader({
      parentName: input.parentName ? partyOrganisationOf(input.parentName) : null,
      unitName: input.unit.name,
      numberSymbol: null,
      place: placeOf(input.unit.name) ?? (input.parentName ? placeOf(input.parentName) : null),
      issuedOn: input.issuedOn,
    }),
    ...title([
      [run('BIÊN BẢN HỌP CHI BỘ', { bold: true, size: 32 })],
      [run(`(đánh giá, xếp loại chất lượng đảng viên năm ${input.year})`, { bold: true })],
    ]),
    ...recordBody(input),
    signatures({ titles: ['THƯ KÝ'], name: null }, { titles: [onBehalf, 'BÍ THƯ'], name: null }),
  ];
  return packPartyDocument({ title: `Biên bản xếp loại đảng viên năm ${input.year} - ${input.unit.name}`, children: blocks });
}

export async function gradingRecordDocument(
  db: Database,
  actor: Actor,
  unitId: number,
  year: number,
): Promise<{ body: Buffer; fileName: string }> {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'grading.read', unit.path);
  const [parent, rule, rows] = await Promise.all([
    unit.parentId ? getUnitOrThrow(db, unit.parentId) : null,
    ruleForYear(db, year),
    listResults(db, unit.path, year, 'member'),
  ]);
  const document = await buildGradingRecordDocx({
    year,
    unit: { name: unit.name, kind: unit.kind },
    parentName: parent?.name ?? null,
    ruleName: rule.name,
    issuedOn: todayIso(),
    rows,
  });
  return { body: document, fileName: exportFileName('Biên bản xếp loại đảng viên', 'docx', { year, of: unit.name }) };
}
