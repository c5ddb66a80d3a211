import { sql } from 'drizzle-orm';
import { addDaysIso } from '../platform/dates';
import { ethicsStandards, standardSigns } from '../db/schema/index';
import type { Executor } from '../platform/db/client';
import type { Actor } from '../platform/auth/policy';
import { recordAudit } from '../platform/audit';
import { addFigureDeltas, type FigureDelta } from '../platform/figures';
import { foldVietnamese } from '../../shared/text';
import { PROGRAMME_METRICS, STANDARD_KEEPING_KINDS } from '../modules/figures/index';
import { Random } from './random';
import { CRITERIA_SETS, criteriaSetFor } from './demo-standards-criteria';
import { REORGANISATION_DATE } from './types';

const SIGN_PLACES = [
  'Hội trường cơ quan',
  'Phòng họp chi bộ',
  'Sảnh tầng 1',
  'Nhà văn hóa',
  'Cổng trụ sở',
  'Hành lang tầng 2',
  'Phòng truyền thống',
];

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Most of the set, in its order: cells start from the same guidance and drop what does not fit them. */
function pickCriteria(random: Random, pool: readonly string[]): Array<{ text: string }> {
  const kept = pool.filter(() => random.chance(0.8));
  return (kept.length >= 4 ? kept : pool.slice(0, 5)).map((text) => ({ text }));
}

/**
 * Standards for the demo province: about 85% of cells and agencies adopted (a few already on
 * version 2), about 75% posted their sign. `leaveOut` keeps cells untouched for the walkthrough.
 * Rows go in with a few multi-row inserts, so the whole demo still loads in seconds.
 */
export async function loadDemoStandards(
  tx: Executor,
  actor: Actor,
  today: string,
  leaveOut: string[],
): Promise<{ adopted: number; signs: number }> {
  const units = await tx.execute<{ id: number; code: string; name: string; path: string; valid_from: string }>(sql`
    SELECT id, code, name, path, valid_from::text AS valid_from FROM units
    WHERE valid_to IS NULL AND kind = ANY(${sql.param([...STANDARD_KEEPING_KINDS])}::text[]) ORDER BY id`);
  const standards: Array<typeof ethicsStandards.$inferInsert> = [];
  const signs: Array<typeof standardSigns.$inferInsert> = [];
  const deltas: FigureDelta[] = [];
  for (const row of units.rows) {
    if (leaveOut.includes(row.code)) continue;
    const random = Random.derive(2026, 'standards', row.code);
    if (!random.chance(0.85)) continue;
    const unitId = Number(row.id);
    const title = `Chuẩn mực đạo đức của cán bộ, đảng viên ${row.name}`;
    const pool = CRITERIA_SETS[criteriaSetFor(foldVietnamese(row.name))];
    // Standards are the reorganised tree's: a unit that is older still adopted them after 1/7/2025.
    const since = row.valid_from > REORGANISATION_DATE ? row.valid_from : REORGANISATION_DATE;
    const firstOn = random.dateBetween(addDaysIso(since, 14), minDate(addDaysIso(since, 200), today));
    const first = pickCriteria(random, pool);
    const revised = random.chance(0.12) ? minDate(addDaysIso(firstOn, random.int(120, 300)), today) : null;
    standards.push({
      unitId,
      versionNumber: 1,
      title,
      criteria: first,
      status: revised ? 'superseded' : 'adopted',
      adoptedOn: firstOn,
      supersededOn: revised,
    });
    if (revised) {
      standards.push({ unitId, versionNumber: 2, title, criteria: pickCriteria(random, pool), status: 'adopted', adoptedOn: revised });
    }
    deltas.push({ unitPath: row.path, metric: PROGRAMME_METRICS.standardsAdopted, day: firstOn, delta: 1 });
    // Nine in ten adopting units have posted the sign: about 75% of all.
    if (random.chance(0.88)) {
      const postedOn = minDate(addDaysIso(firstOn, random.int(3, 45)), today);
      signs.push({ unitId, postedOn, location: random.pick(SIGN_PLACES) });
      deltas.push({ unitPath: row.path, metric: PROGRAMME_METRICS.signsPosted, day: postedOn, delta: 1 });
    }
  }
  for (let start = 0; start < standards.length; start += 500) await tx.insert(ethicsStandards).values(standards.slice(start, start + 500));
  for (let start = 0; start < signs.length; start += 500) await tx.insert(standardSigns).values(signs.slice(start, start + 500));
  await addFigureDeltas(tx, deltas);
  const counts = { adopted: deltas.filter((delta) => delta.metric === PROGRAMME_METRICS.standardsAdopted).length, signs: signs.length };
  await recordAudit(tx, actor, { action: 'demo.standards', entityType: 'system', entityId: 'demo', after: counts });
  return counts;
}
