import { sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client';
import { systemActor, type Actor } from '../platform/auth/policy';
import { publishRegistrationsInBulk } from '../modules/registrations/index';
import { insertFeedbackInBulk, type BulkFeedback } from '../modules/supervision/index';
import { Random } from './random';

const CELL_KINDS = new Set(['cell', 'grassroots_cell']);
const DAY_MS = 24 * 3600_000;

const PRAISE = [
  'Chi bộ tổ chức sinh hoạt chuyên đề rất thiết thực, bà con trong khu dân cư đều thấy rõ sự thay đổi.',
  'Xin ghi nhận đồng chí bí thư chi bộ đã trực tiếp xuống tận nhà hỏi thăm các hộ khó khăn dịp cuối năm.',
  'Việc công khai bản đăng ký làm theo lên trang này giúp người dân dễ theo dõi, đề nghị tiếp tục duy trì.',
  'Cán bộ một cửa giải quyết hồ sơ đất đai cho gia đình tôi nhanh, đúng hẹn, thái độ niềm nở.',
  'Phong trào trồng cây xanh, làm đường bê tông nông thôn do các đảng viên đi đầu rất đáng biểu dương.',
];
const COMPLAINTS = [
  'Cán bộ tiếp dân tại trụ sở có thái độ chưa niềm nở, trả lời cộc lốc khi tôi hỏi về thủ tục.',
  'Đồng chí phụ trách địa bàn đăng ký đi cơ sở hằng tháng nhưng mấy tháng nay bà con chưa gặp.',
  'Việc thu các khoản đóng góp xây dựng nhà văn hóa chưa được công khai rõ ràng, đề nghị chi bộ xem xét.',
  'Đường liên thôn xuống cấp đã phản ánh nhiều lần tại các buổi tiếp xúc cử tri nhưng chưa được khắc phục.',
];
const SUGGESTIONS = [
  'Đề nghị chi bộ tổ chức thêm buổi sinh hoạt vào buổi tối để đảng viên đi làm xa có thể tham dự.',
  'Nên in các chuẩn mực đạo đức của chi bộ và dán tại nhà văn hóa để bà con cùng giám sát.',
  'Đề nghị đưa tiêu chí giữ vệ sinh môi trường khu dân cư vào bản đăng ký làm theo của đảng viên.',
  'Mong đơn vị lắp thêm đèn chiếu sáng tại đoạn đường gần trường học để các cháu đi lại an toàn.',
  'Đề nghị tổ chức đối thoại định kỳ giữa cấp ủy với người dân về các việc đã đăng ký làm theo.',
];
const ANSWERS = [
  'Cảm ơn ông/bà đã góp ý. Chi bộ đã đưa nội dung này vào nghị quyết sinh hoạt tháng tới và phân công đồng chí phụ trách theo dõi.',
  'Đơn vị đã kiểm tra, làm rõ và nhắc nhở cán bộ liên quan. Kết quả xử lý đã được thông báo tại buổi sinh hoạt khu dân cư.',
  'Cảm ơn sự ghi nhận của bà con. Chi bộ sẽ tiếp tục duy trì và nhân rộng cách làm này.',
  'Đơn vị tiếp thu và đã báo cáo cấp trên đưa vào kế hoạch năm; dự kiến thực hiện trong quý tới.',
];
const SENDERS = ['Nguyễn Văn Hòa', 'Trần Thị Lan', 'Lê Minh Tuấn', 'Phạm Thị Hương', 'Hoàng Văn Sơn', null, null, null];
const ABUSE = 'Nội dung lăng mạ, xúc phạm cá nhân kèm quảng cáo cho vay tiền nhanh, liên hệ ngay số điện thoại trên mạng.';

type UnitRow = { id: number; code: string; kind: string; path: string; parent_id: number | null };

/** The demo loader acting as an administrator of the whole tree the units hang from. */
function demoAdmin(rootPath: string): Actor {
  const rootId = Number(rootPath.split('.')[0]);
  return {
    ...systemActor('Dữ liệu mẫu'),
    grants: [{ id: 0, unitId: rootId, unitCode: '', unitName: '', unitPath: String(rootId), role: 'admin' }],
  };
}

/**
 * Published approved registrations in most cells, in bulk through the registrations module (one
 * event per registration, one audit row, one call for the figures, as the status machine would).
 */
async function publishMostCells(tx: Executor, actor: Actor, random: Random, units: UnitRow[], keepUnitCode: string): Promise<number> {
  const approved = (
    await tx.execute<{ id: number; unit_id: number }>(sql`SELECT id, unit_id FROM registrations WHERE status = 'approved' ORDER BY id`)
  ).rows;
  if (approved.length === 0) return 0;
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  // About one cell in six has not published yet: the "Công khai" tab has something to do there.
  const skipped = new Set(
    units.filter((unit) => CELL_KINDS.has(unit.kind) && (unit.code === keepUnitCode || random.chance(1 / 6))).map((unit) => unit.id),
  );
  const chosen = approved.filter((row) => {
    const unit = unitById.get(Number(row.unit_id));
    return unit !== undefined && CELL_KINDS.has(unit.kind) && !skipped.has(unit.id);
  });
  if (chosen.length === 0) return 0;
  return publishRegistrationsInBulk(
    tx,
    actor,
    chosen.map((row) => Number(row.id)),
  );
}

/**
 * The supervision demo, once registrations exist: publishes what is approved in most cells, then
 * about forty pieces of public feedback on communes and cells of the first district — praise,
 * complaints about a cadre's attitude, suggestions — most answered, some new, a few overdue and one
 * hidden as abuse. Without any registration it still writes the feedback on units.
 */
export async function loadDemoSupervision(tx: Executor, options: { communeCode: string; keepUnpublishedCellCode: string }): Promise<void> {
  const random = Random.derive(2026, 'demo-supervision');
  const units = (
    await tx.execute<UnitRow>(sql`SELECT id, code, kind, path::text AS path, parent_id FROM units WHERE valid_to IS NULL ORDER BY id`)
  ).rows.map((row) => ({ ...row, id: Number(row.id), parent_id: row.parent_id === null ? null : Number(row.parent_id) }));
  const commune = units.find((unit) => unit.code === options.communeCode);
  if (!commune) return;
  const actor = demoAdmin(commune.path);
  await publishMostCells(tx, actor, random, units, options.keepUnpublishedCellCode);

  // The first commune and its cells get most items, so the demo accounts see a lively inbox.
  const district = units.find((unit) => unit.id === commune.parent_id);
  const near = units.filter((unit) => unit.path.startsWith(`${commune.path}.`) && CELL_KINDS.has(unit.kind));
  const others = units.filter(
    (unit) => district && unit.path.startsWith(`${district.path}.`) && unit.kind === 'commune_committee' && unit.id !== commune.id,
  );
  const targets = [commune, ...near.slice(0, 8), ...others.slice(0, 6)];
  const published = (
    await tx.execute<{ id: number; unit_id: number }>(sql`
      SELECT id, unit_id FROM registrations WHERE status IN ('published', 'in_progress', 'self_assessed', 'reviewed', 'closed') ORDER BY id`)
  ).rows.map((row) => ({ id: Number(row.id), unitId: Number(row.unit_id) }));
  const answerer = (await tx.execute<{ id: number }>(sql`SELECT id FROM users WHERE username = 'canbo.xa'`)).rows[0];
  const now = Date.now();
  const items: BulkFeedback[] = [];
  for (let index = 0; index < 40; index += 1) {
    const unit = index < 12 ? (index % 3 === 0 ? commune : (near[index % Math.max(1, near.length)] ?? commune)) : random.pick(targets);
    const kind = random.weighted([
      ['praise', 3],
      ['complaint', 3],
      ['suggestion', 4],
    ] as const);
    const body = random.pick(kind === 'praise' ? PRAISE : kind === 'complaint' ? COMPLAINTS : SUGGESTIONS);
    // Three old unanswered items are overdue: the level above sees them flagged.
    const overdue = index < 3;
    const ageDays = overdue ? random.int(20, 40) : random.int(1, 60);
    const created = new Date(now - ageDays * DAY_MS);
    const dueOn = new Date(created.getTime() + 15 * DAY_MS).toISOString().slice(0, 10);
    const isNew = overdue || (ageDays < 10 && random.chance(0.6));
    const answer = isNew ? null : random.pick(ANSWERS);
    const onRegistration = published.filter((row) => row.unitId === unit.id);
    const sender = random.pick(SENDERS);
    const answeredAt = isNew ? null : new Date(Math.min(now, created.getTime() + random.int(1, 12) * DAY_MS));
    items.push({
      unitId: unit.id,
      registrationId: onRegistration.length > 0 && random.chance(0.3) ? random.pick(onRegistration).id : null,
      senderName: sender,
      senderContact: sender ? `09${random.int(10_000_000, 99_999_999)}` : null,
      body,
      answer: answer && answeredAt ? { text: answer, at: answeredAt, byUserId: answerer ? Number(answerer.id) : null } : null,
      dueOn,
      senderHash: `demo-${random.int(1, 1_000_000)}`,
      sentAt: created,
    });
  }
  const spamDueOn = new Date(now + 10 * DAY_MS).toISOString().slice(0, 10);
  items.push({
    unitId: commune.id,
    body: ABUSE,
    hidden: {
      reason: 'Nội dung xúc phạm cá nhân và quảng cáo, không liên quan đến việc học tập và làm theo.',
      at: new Date(now - 4 * DAY_MS),
    },
    dueOn: spamDueOn,
    senderHash: 'demo-spam',
    sentAt: new Date(now - 5 * DAY_MS),
  });
  await insertFeedbackInBulk(tx, actor, items);
}
