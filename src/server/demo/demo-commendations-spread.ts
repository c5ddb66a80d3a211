import { sql } from 'drizzle-orm';
import { demoProvinceAdmin } from './demo-actor';
import type { Database } from '../platform/db/client';
import { todayIso } from '../platform/dates';
import { adoptModel, markTypical } from '../modules/commendations/index';
import { Random } from './random';

const ADOPTION_NOTES = [
  'Chi ủy họp triển khai, phân công đảng viên phụ trách từng tổ dân phố; sơ kết sau 3 tháng.',
  'Đưa vào nghị quyết chi bộ, vận động hội viên các đoàn thể cùng tham gia.',
  'Học tập cách làm tại đơn vị được khen thưởng, điều chỉnh cho phù hợp với địa bàn.',
];

/**
 * Spreading the demo province's commended examples: each year it sends a few of them up to the
 * Centre as typical examples, and communes other than the one that nominated a commended model
 * record that they took it up.
 */
export async function loadDemoCommendationsSpread(db: Database, provinceCode: string): Promise<void> {
  const admin = await demoProvinceAdmin(db, provinceCode);
  if (!admin) return;
  const { actor } = admin;
  const provinceId = admin.province.id;
  const random = Random.derive(2026, 'demo-commendations-spread');
  const commended = (
    await db.execute<{ id: number; kind: string; unit_id: number; decided_on: string; period_from: string; version: number }>(sql`
    SELECT n.id, n.kind, n.unit_id, n.decided_on::text AS decided_on, n.period_from::text AS period_from, n.version
    FROM nominations n JOIN commendation_decisions d ON d.id = n.decision_id
    WHERE d.unit_id = ${provinceId} AND n.status = 'commended' ORDER BY n.decided_on, n.id`)
  ).rows.map((row) => ({ ...row, id: Number(row.id), unit_id: Number(row.unit_id), version: Number(row.version) }));
  const communes = (
    await db.execute<{ id: number }>(sql`
    SELECT id FROM units WHERE parent_id = ${provinceId} AND valid_to IS NULL AND kind = 'commune_committee' ORDER BY id`)
  ).rows.map((row) => Number(row.id));
  const today = todayIso();

  const byYear = new Map<number, typeof commended>();
  for (const row of commended)
    byYear.set(Number(row.decided_on.slice(0, 4)), [...(byYear.get(Number(row.decided_on.slice(0, 4))) ?? []), row]);
  for (const [year, rows] of byYear) {
    for (const row of random.shuffle(rows).slice(0, 3)) {
      await markTypical(db, actor, row.id, { version: row.version, unitId: provinceId, year });
    }
  }
  for (const model of commended.filter((row) => row.kind === 'model')) {
    const others = communes.filter((id) => id !== model.unit_id);
    for (const unitId of random.shuffle(others).slice(0, random.int(1, 3))) {
      // Taken up some weeks after the decision, never later than today.
      const day = new Date(`${model.decided_on}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() + random.int(14, 90));
      const adoptedOn = day.toISOString().slice(0, 10) > today ? today : day.toISOString().slice(0, 10);
      await adoptModel(db, actor, model.id, { unitId, adoptedOn, note: random.pick(ADOPTION_NOTES), fileIds: [] });
    }
  }
}
