import type { Paragraph, Table } from 'docx';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors';
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
  signatureBlock,
} from '../../platform/documents/party-document';
import {
  FINDING_KIND_LABELS,
  INSPECTION_CONTENT_LABELS,
  SERIOUSNESS_LABELS,
  type InspectionDetail,
} from '../../../shared/contracts/inspections';
import { getUnitOrThrow } from '../units/index';
import { getInspection } from './inspections.service';
import { exportFileName } from '../../platform/file-names';

type Block = Paragraph | Table;

const heading = (text: string) => body([run(text, { bold: true })]);
const lines = (text: string) =>
  text
    .split(/\n+/u)
    .filter((line) => line.trim() !== '')
    .map((line) => body([run(line.trim())]));

/** The parts of the notice in the order the guidance writes them. */
function noticeBody(view: InspectionDetail): Block[] {
  const verb = view.kind === 'inspection' ? 'kiểm tra' : 'giám sát';
  const team = view.team.map((member) => `${member.name} (${member.role})`).join('; ');
  const blocks: Block[] = [
    body([
      run(
        `Thực hiện kế hoạch ${verb} năm ${view.year}, từ ngày ${formatVietnameseDate(view.startsOn)} đến ngày ${formatVietnameseDate(view.endsOn)}, ` +
          `đoàn ${verb} của ${view.owner.name} đã ${verb} ${view.unit.name} về: ` +
          `${view.contents.map((content) => INSPECTION_CONTENT_LABELS[content].toLowerCase()).join('; ')}.`,
      ),
    ]),
    body([run(`Thành phần đoàn: ${team}.`)]),
    body([run(`Sau khi nghe báo cáo của đoàn ${verb}, ${view.owner.name} kết luận như sau:`)]),
  ];
  const sections: Array<{ title: string; kind: 'good' | 'shortcoming' }> = [
    { title: FINDING_KIND_LABELS.good, kind: 'good' },
    { title: FINDING_KIND_LABELS.shortcoming, kind: 'shortcoming' },
  ];
  sections.forEach((section, index) => {
    blocks.push(heading(`${ROMAN[index]}. ${section.title}`));
    const found = view.findingItems.filter((finding) => finding.kind === section.kind);
    if (found.length === 0) blocks.push(body([run('Không có.', { italics: true })]));
    found.forEach((finding, position) =>
      blocks.push(body([run(`${position + 1}. ${INSPECTION_CONTENT_LABELS[finding.content]}: `, { bold: true }), run(finding.text)])),
    );
  });
  blocks.push(heading(`${ROMAN[2]}. Kết luận`), ...lines(view.conclusion ?? ''));
  blocks.push(body([run('Mức độ: ', { bold: true }), run(`${view.seriousness ? SERIOUSNESS_LABELS[view.seriousness] : ''}.`)]));
  blocks.push(heading(`${ROMAN[3]}. Yêu cầu khắc phục`));
  const owed = view.findingItems.filter((finding) => finding.kind === 'shortcoming');
  if (owed.length === 0) blocks.push(body([run('Không có việc phải khắc phục.', { italics: true })]));
  owed.forEach((finding, position) =>
    blocks.push(
      body([
        run(`${position + 1}. ${finding.remedy ?? ''} Thời hạn hoàn thành: ${finding.dueOn ? formatVietnameseDate(finding.dueOn) : ''}.`),
      ]),
    ),
  );
  blocks.push(
    body([
      run(
        `${view.unit.name} tổ chức khắc phục, báo cáo kết quả (kèm minh chứng) về ${view.owner.name} qua hệ thống trước các thời hạn nêu trên.`,
      ),
    ]),
  );
  return blocks;
}

/** "Thông báo kết luận kiểm tra" (or "giám sát") as a Party-format document. */
export async function buildConclusionDocx(
  view: InspectionDetail,
  owner: { name: string; kind: string; parentName: string | null },
): Promise<Buffer> {
  const issuedOn = view.concludedAt ? todayIso(new Date(view.concludedAt)) : todayIso();
  const verb = view.kind === 'inspection' ? 'KIỂM TRA' : 'GIÁM SÁT';
  const children: Block[] = [
    partyHeader({
      parentName: owner.parentName ? partyOrganisationOf(owner.parentName) : null,
      unitName: owner.name,
      numberSymbol: view.number,
      place: placeOf(owner.name) ?? placeOf(view.unit.name),
      issuedOn,
    }),
    centered([run('THÔNG BÁO', { bold: true, size: 32 })], 0),
    centered([run(`KẾT LUẬN ${verb} ĐỐI VỚI ${view.unit.name.toUpperCase()}`, { bold: true })]),
    centered([run(`về việc ${view.title.charAt(0).toLowerCase()}${view.title.slice(1)}`, { italics: true })], 240),
    ...noticeBody(view),
    signatureBlock({ unitKind: owner.kind, recipients: [view.unit.name, `Đoàn ${verb.toLowerCase()}`, 'Lưu Văn phòng'] }),
  ];
  return packPartyDocument({ title: `Thông báo kết luận ${verb.toLowerCase()}`, children });
}

export async function conclusionDocument(db: Database, actor: Actor, id: number) {
  const view = await getInspection(db, actor, id);
  if (view.status !== 'concluded') {
    throw new AppError('INVALID_STATE', 'Cuộc kiểm tra chưa có kết luận nên chưa có thông báo kết luận.');
  }
  const owner = await getUnitOrThrow(db, view.owner.id);
  const parent = owner.parentId ? await getUnitOrThrow(db, owner.parentId) : null;
  const body = await buildConclusionDocx(view, { name: owner.name, kind: owner.kind, parentName: parent?.name ?? null });
  return {
    body,
    fileName: exportFileName(`Thông báo kết luận ${view.kind === 'inspection' ? 'kiểm tra' : 'giám sát'}`, 'docx', {
      year: view.year,
      of: view.unit.name,
    }),
  };
}
