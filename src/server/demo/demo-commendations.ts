import { sql } from 'drizzle-orm';
import { demoProvinceAdmin } from './demo-actor';
import type { Database } from '../platform/db/client';
import { todayIso } from '../platform/dates';
import { createDecision, createNomination, setNominationPublic, takeStep } from '../modules/commendations/index';
import { Random } from './random';

const MODELS = [
  'Mô hình "Dân vận khéo" trong vận động hiến đất làm đường',
  'Mô hình "Khu dân cư không rác thải nhựa"',
  'Cách làm "Mỗi đảng viên giúp đỡ một hộ nghèo"',
  'Mô hình "Tổ tự quản an ninh trật tự"',
  'Cách làm "Ngày thứ Bảy vì cộng đồng"',
  'Mô hình "Bữa cơm nghĩa tình" cho người bệnh',
];
const INDIVIDUAL_STORIES = [
  'Gương mẫu đi đầu vận động nhân dân hiến đất, góp công mở rộng đường giao thông nông thôn.',
  'Tận tụy với công việc, chủ động cải cách thủ tục hành chính, được nhân dân tín nhiệm.',
  'Tích cực giúp đỡ các hộ khó khăn thoát nghèo, vận động quyên góp xây nhà tình nghĩa.',
  'Thực hiện tốt việc tự soi, tự sửa; hoàn thành xuất sắc các việc làm đã đăng ký.',
];
const COLLECTIVE_STORIES = [
  'Chi bộ lãnh đạo hoàn thành vượt các chỉ tiêu, 100% đảng viên đăng ký và thực hiện việc làm theo Bác.',
  'Tập thể đoàn kết, đưa nội dung học tập và làm theo Bác vào sinh hoạt chi bộ hằng tháng.',
];

type Commune = { id: number; path: string; name: string };

/** Cells and people of a commune's subtree to nominate from, in a stable order. */
async function candidatesOf(db: Database, commune: Commune) {
  const cells = await db.execute<{ id: number }>(sql`
    SELECT id FROM units WHERE parent_id = ${commune.id} AND valid_to IS NULL AND kind IN ('cell', 'grassroots_cell') ORDER BY id`);
  const people = await db.execute<{ id: number; unit_id: number }>(sql`
    SELECT m.person_id AS id, m.unit_id FROM memberships m JOIN units u ON u.id = m.unit_id
    WHERE u.path <@ ${commune.path}::ltree AND m.is_primary AND m.to_date IS NULL ORDER BY m.person_id LIMIT 400`);
  return {
    cells: cells.rows.map((row) => Number(row.id)),
    people: people.rows.map((row) => ({ id: Number(row.id), unitId: Number(row.unit_id) })),
  };
}

/**
 * Communes commend on 19/5 (Bác's birthday); in the year they were founded after it, at the year-end
 * review on 20/12; never before they existed nor after today.
 */
function decisionDayOf(year: number, foundedOn: string, today: string): string | undefined {
  const onTime = `${year}-05-19` < today ? `${year}-05-19` : today;
  const yearEnd = `${year}-12-20` < today ? `${year}-12-20` : today;
  return [onTime, yearEnd].find((day) => day >= foundedOn && day.startsWith(String(year)));
}

/**
 * Commendation in the demo province over the years its communes have existed (up to three), as the seeds tell it: each commune
 * commends a few of its cells and members with Giấy khen on 19/5, sends its best up, and the province
 * awards Bằng khen to them; this year some nominations are still on their way (submitted, returned).
 */
export async function loadDemoCommendations(db: Database, provinceCode: string): Promise<void> {
  const admin = await demoProvinceAdmin(db, provinceCode);
  if (!admin) return;
  const { actor } = admin;
  const provinceId = admin.province.id;
  const random = Random.derive(2026, 'demo-commendations');
  const communes = (
    await db.execute<{ id: number; path: string; name: string; valid_from: string }>(sql`
    SELECT id, path::text AS path, name, valid_from::text AS valid_from FROM units
    WHERE parent_id = ${provinceId} AND valid_to IS NULL AND kind = 'commune_committee' ORDER BY id`)
  ).rows.map((row) => ({ ...row, id: Number(row.id) }));
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const communesFounded = communes.reduce((latest, commune) => (commune.valid_from > latest ? commune.valid_from : latest), '0000-01-01');

  for (const year of [thisYear - 2, thisYear - 1, thisYear]) {
    const decidedOn = decisionDayOf(year, communesFounded, today);
    // Before today's communes existed (1/7/2025) their predecessors decided: not part of the demo.
    if (!decidedOn) continue;
    const period = { periodFrom: `${year - 1}-06-01`, periodTo: decidedOn.slice(5) === '05-19' ? `${year}-04-30` : `${year}-11-30` };
    if (period.periodTo > today) period.periodTo = today;
    const sentUp: number[] = [];
    for (const commune of communes) {
      const { cells, people } = await candidatesOf(db, commune);
      if (people.length === 0) continue;
      const named: number[] = [];
      const nominate = async (input: Parameters<typeof createNomination>[2]) => {
        const created = await createNomination(db, actor, input);
        return takeStep(db, actor, created.id, { action: 'submit', version: created.version, reason: null });
      };
      for (const cellId of random.shuffle(cells).slice(0, random.int(1, 2))) {
        const held = await nominate({
          unitId: commune.id,
          kind: 'collective',
          subjectUnitId: cellId,
          title: 'Tập thể tiêu biểu trong học tập và làm theo Bác',
          story: random.pick(COLLECTIVE_STORIES),
          results: `${random.int(90, 100)}% đảng viên hoàn thành tốt việc làm đã đăng ký.`,
          ...period,
          registrationIds: [],
          fileIds: [],
        });
        named.push(held.id);
      }
      for (const person of random.shuffle(people).slice(0, random.int(3, 6))) {
        const created = await createNomination(db, actor, {
          unitId: person.unitId,
          kind: 'individual',
          subjectPersonId: person.id,
          title: 'Cá nhân tiêu biểu trong học tập và làm theo Bác',
          story: random.pick(INDIVIDUAL_STORIES),
          results: `Vận động ${random.int(10, 150)} hộ dân tham gia.`,
          ...period,
          registrationIds: [],
          fileIds: [],
        });
        const submitted = await takeStep(db, actor, created.id, { action: 'submit', version: created.version, reason: null });
        // Sent by the cell to the commune, vetted there and decided by the commune.
        const endorsed = await takeStep(db, actor, submitted.id, { action: 'endorse', version: submitted.version, reason: null });
        if (endorsed.atUnit?.id === commune.id) named.push(endorsed.id);
      }
      if (random.chance(0.5)) {
        const held = await nominate({
          unitId: commune.id,
          kind: 'model',
          title: random.pick(MODELS),
          story: 'Cách làm được nhân dân đồng tình, nhiều địa phương đến học tập.',
          results: `Nhân rộng ra ${random.int(2, 9)} khu dân cư.`,
          ...period,
          registrationIds: [],
          fileIds: [],
        });
        sentUp.push(held.id);
      }
      // This year: one more waits for the commune, and one was returned to its cell.
      if (year === thisYear && people.length > 2) {
        const waiting = people[people.length - 1]!;
        const created = await createNomination(db, actor, {
          unitId: waiting.unitId,
          kind: 'individual',
          subjectPersonId: waiting.id,
          title: 'Đảng viên tiêu biểu năm ' + year,
          story: random.pick(INDIVIDUAL_STORIES),
          results: '',
          periodFrom: `${year}-01-01`,
          periodTo: `${year}-12-31`,
          registrationIds: [],
          fileIds: [],
        });
        const submitted = await takeStep(db, actor, created.id, { action: 'submit', version: created.version, reason: null });
        if (random.chance(0.4))
          await takeStep(db, actor, submitted.id, {
            action: 'return',
            version: submitted.version,
            reason: 'Đề nghị bổ sung kết quả cụ thể, có số liệu.',
          });
      }
      // The commune's collectives are held by the province; its members' nominations by the commune.
      const communeHeld = [];
      for (const id of named) {
        const row = (await db.execute<{ at_unit_id: number }>(sql`SELECT at_unit_id FROM nominations WHERE id = ${id}`)).rows[0];
        if (row && Number(row.at_unit_id) === commune.id) communeHeld.push(id);
        else sentUp.push(id);
      }
      if (communeHeld.length > 0) {
        await createDecision(db, actor, {
          unitId: commune.id,
          formCode: 'giay_khen',
          decidedOn,
          ...period,
          title:
            'Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
          signerName: null,
          signerTitle: 'Bí thư',
          nominationIds: communeHeld,
        });
      }
    }
    if (sentUp.length > 0) {
      const decision = await createDecision(db, actor, {
        unitId: provinceId,
        formCode: 'bang_khen',
        decidedOn,
        ...period,
        title:
          'Về việc tặng Bằng khen cho tập thể có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
        signerName: null,
        signerTitle: 'Phó Bí thư Thường trực',
        nominationIds: sentUp,
      });
      // The province shows what it commended in the public gallery, for others to learn from.
      for (const entry of decision.entries) {
        const version = (await db.execute<{ version: number }>(sql`SELECT version FROM nominations WHERE id = ${entry.nominationId}`))
          .rows[0]!.version;
        await setNominationPublic(db, actor, entry.nominationId, { version: Number(version), isPublic: true });
      }
    }
  }
  // Sent up to the province after its decision of this year: waiting for the year-end one.
  const first = communes[0];
  if (!first) return;
  const { cells } = await candidatesOf(db, first);
  const waiting = [
    { kind: 'model' as const, subjectUnitId: null, title: 'Mô hình "Chi bộ bốn tốt" trong khu dân cư' },
    ...(cells[0]
      ? [{ kind: 'collective' as const, subjectUnitId: cells[cells.length - 1]!, title: 'Chi bộ tiêu biểu năm ' + thisYear }]
      : []),
  ];
  for (const item of waiting) {
    const created = await createNomination(db, actor, {
      unitId: first.id,
      ...item,
      story: random.pick(COLLECTIVE_STORIES),
      results: `Thu hút ${random.int(50, 300)} lượt người tham gia.`,
      periodFrom: `${thisYear}-01-01`,
      periodTo: `${thisYear}-12-31`,
      registrationIds: [],
      fileIds: [],
    });
    await takeStep(db, actor, created.id, { action: 'submit', version: created.version, reason: null });
  }
}
