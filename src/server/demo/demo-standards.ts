import { sql } from 'drizzle-orm';
import { addDaysIso } from '../platform/dates';
import type { Executor } from '../platform/db/client';
import type { Actor } from '../platform/auth/policy';
import { foldVietnamese } from '../../shared/text';
import { STANDARD_KEEPING_KINDS } from '../modules/figures/index';
import { insertStandardsInBulk, type UnitStandardsInput } from '../modules/standards/index';
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

/** The loader, as administrator of the whole tree: the module checks that a writer may keep each unit's standards. */
async function asTreeAdmin(tx: Executor, actor: Actor): Promise<Actor> {
  const roots = await tx.execute<{ id: number; code: string; name: string; path: string }>(
    sql`SELECT id, code, name, path::text AS path FROM units WHERE parent_id IS NULL AND valid_to IS NULL ORDER BY id`,
  );
  const grants = roots.rows.map((root) => ({
    id: 0,
    unitId: Number(root.id),
    unitCode: root.code,
    unitName: root.name,
    unitPath: root.path,
    role: 'admin' as const,
  }));
  return { ...actor, grants };
}

/**
 * Standards for the demo province: about 85% of cells and agencies adopted (a few already on
 * version 2), about 75% posted their sign. `leaveOut` keeps cells untouched for the walkthrough.
 * The standards module writes them in one batch, with their figures, so the demo loads in seconds.
 */
export async function loadDemoStandards(
  tx: Executor,
  actor: Actor,
  today: string,
  leaveOut: string[],
): Promise<{ adopted: number; signs: number }> {
  const units = await tx.execute<{ id: number; code: string; name: string; valid_from: string }>(sql`
    SELECT id, code, name, valid_from::text AS valid_from FROM units
    WHERE valid_to IS NULL AND kind = ANY(${sql.param([...STANDARD_KEEPING_KINDS])}::text[]) ORDER BY id`);
  const input: UnitStandardsInput[] = [];
  for (const row of units.rows) {
    if (leaveOut.includes(row.code)) continue;
    const random = Random.derive(2026, 'standards', row.code);
    if (!random.chance(0.85)) continue;
    const pool = CRITERIA_SETS[criteriaSetFor(foldVietnamese(row.name))];
    // Standards are the reorganised tree's: a unit that is older still adopted them after 1/7/2025.
    const since = row.valid_from > REORGANISATION_DATE ? row.valid_from : REORGANISATION_DATE;
    const firstOn = random.dateBetween(addDaysIso(since, 14), minDate(addDaysIso(since, 200), today));
    const versions = [{ criteria: pickCriteria(random, pool), adoptedOn: firstOn }];
    const revised = random.chance(0.12) ? minDate(addDaysIso(firstOn, random.int(120, 300)), today) : null;
    if (revised) versions.push({ criteria: pickCriteria(random, pool), adoptedOn: revised });
    // Nine in ten adopting units have posted the sign: about 75% of all.
    const sign = random.chance(0.88)
      ? { postedOn: minDate(addDaysIso(firstOn, random.int(3, 45)), today), location: random.pick(SIGN_PLACES) }
      : null;
    input.push({ unitId: Number(row.id), versions, sign });
  }
  return insertStandardsInBulk(tx, await asTreeAdmin(tx, actor), input, { action: 'demo.standards', entityId: 'demo' });
}
