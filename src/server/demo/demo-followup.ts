import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../platform/db/client';
import type { Actor, Grant } from '../platform/auth/policy';
import { todayIso } from '../platform/dates';
import { recordCheckInsInBulk, reviewInBulk, selfAssessInBulk, type BulkCheckIn } from '../modules/followup/index';
import { Random } from './random';

/** Keeps the first start quick whatever the size of the registrations demo. */
const MAX_REGISTRATIONS = 800;
const NOTES = [
  'Đã thực hiện đúng kế hoạch, tham gia đầy đủ sinh hoạt chi bộ',
  'Đã hoàn thành phần việc của quý, có biên bản kèm theo',
  'Đang triển khai, gặp khó khăn về thời gian nhưng đã khắc phục',
  'Đã vận động được gia đình và bà con trong khu dân cư cùng tham gia',
  'Đã thực hiện, được chi bộ ghi nhận trong buổi sinh hoạt định kỳ',
];

type Target = {
  id: number;
  kind: string;
  person_id: number | null;
  unit_id: number;
  unit_path: string;
  unit_code: string;
  status: string;
  version: number;
  year: number;
};

function daysBefore(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Who takes a step in the demo: the member themselves, or the system with rights over the unit. */
function actorFor(target: Target, rootPath: string): Actor {
  const grants: Grant[] = [{ id: 0, unitId: 0, unitCode: '', unitName: '', unitPath: rootPath, role: 'admin' }];
  return { userId: null, personId: target.person_id, name: 'Dữ liệu mẫu', grants, ip: null, requestId: null };
}

/**
 * The year's follow-up on the demo registrations (it is late in the year): most published ones
 * have check-ins with progress, about one in seven has had no update for three months or more, and
 * in a few cells members have self-assessed and the cell has reviewed them. Registrations are made
 * by the registrations demo, which must run first; with none, this does nothing. `skipUnitCode`
 * keeps one cell (the demo member's) in progress, so a check-in can still be recorded there.
 */
export async function loadDemoFollowup(db: Database, options: { skipUnitCode?: string } = {}): Promise<void> {
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const rows = await db.execute<Target>(sql`
    SELECT r.id, r.kind, r.person_id, r.unit_id, u.path::text AS unit_path, u.code AS unit_code, r.status, r.version, r.year
    FROM registrations r JOIN units u ON u.id = r.unit_id
    WHERE r.year = ${year} AND r.status IN ('published', 'in_progress')
    ORDER BY u.path, r.id LIMIT ${MAX_REGISTRATIONS}`);
  const targets = rows.rows.map((row) => ({
    ...row,
    id: Number(row.id),
    unit_id: Number(row.unit_id),
    version: Number(row.version),
    person_id: row.person_id === null ? null : Number(row.person_id),
  }));
  if (targets.length === 0) return;
  const rootPath = targets[0]!.unit_path.split('.')[0]!;
  const random = new Random(2026_11);
  // A few cells (not the demo member's) have finished the year: self-assessed and reviewed.
  const cells = [...new Set(targets.map((target) => target.unit_code))].filter((code) => code !== options.skipUnitCode);
  const reviewedCells = new Set(cells.filter((_, index) => index % 7 === 1).slice(0, 4));

  await db.transaction(async (tx) => {
    for (const target of targets) {
      const actor = actorFor(target, rootPath);
      const stale = random.chance(0.15);
      const actions = await tx.execute<{ id: number }>(
        sql`SELECT id FROM registration_actions WHERE registration_id = ${target.id} ORDER BY position`,
      );
      if (stale && target.status === 'published') continue; // published months ago, never updated
      // Check-ins from spring on; a stale registration's last one is 4–6 months old.
      const lastDay = stale ? random.int(120, 180) : random.int(3, 40);
      const checkIns: BulkCheckIn[] = [];
      for (const action of actions.rows) {
        const count = random.int(1, 3);
        let progress = 0;
        for (let index = 0; index < count; index++) {
          const checkedOn = daysBefore(today, lastDay + (count - 1 - index) * random.int(30, 60));
          progress = Math.min(100, progress + random.int(15, 50));
          checkIns.push({
            registrationId: target.id,
            actionId: Number(action.id),
            at: new Date(`${checkedOn}T09:00:00+07:00`),
            progressPercent: progress,
            note: NOTES[random.int(0, NOTES.length - 1)]!,
          });
        }
      }
      // The first check-in moves a published registration to "in progress" (a step of the status machine).
      const versions = await recordCheckInsInBulk(tx, actor, checkIns);
      target.version = versions.get(target.id) ?? target.version;
      if (reviewedCells.has(target.unit_code) && actions.rows.length > 0)
        await finishYear(
          tx,
          actor,
          target,
          actions.rows.map((action) => Number(action.id)),
          random,
        );
    }
  });
}

/** Self-assessment by the member, then the cell's review, through the follow-up module. */
async function finishYear(tx: Executor, actor: Actor, target: Target, actionIds: number[], random: Random) {
  const selfLevel = random.chance(0.3) ? 'completed_well' : random.chance(0.9) ? 'completed' : 'not_completed';
  await selfAssessInBulk(tx, actor, [
    {
      registrationId: target.id,
      version: target.version,
      selfLevel,
      selfExplanation: 'Đã thực hiện các việc đăng ký, kết quả được quần chúng ghi nhận',
      actions: actionIds.map((actionId) => ({ actionId, level: selfLevel, note: 'Đã thực hiện theo kế hoạch' })),
    },
  ]);
  const reviewLevel = selfLevel === 'completed_well' && random.chance(0.3) ? 'completed' : selfLevel;
  await reviewInBulk(tx, actor, [
    { registrationId: target.id, version: target.version + 1, reviewLevel, reviewComment: 'Chi bộ nhất trí với kết quả tự đánh giá' },
  ]);
}
