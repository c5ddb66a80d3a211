/**
 * `seed --national`: the national data set of the dashboards' benchmarks. The real 34 provinces and
 * 3,321 communes, about 10⁵ grassroots organisations and cells, 5.6 million Party members and about
 * a million cadres and staff who are not members (in each commune's People's Committee and mass
 * organisations), then a year of activity (seed-activity.ts), and the Centre's officer's account
 * to open the national dashboards with. Prints the time and the size.
 */
import type { DbHandle } from '../server/platform/db/client';
import { hashPassword } from '../server/platform/auth/passwords';
import { findUserByUsername, insertGrant, insertUser } from '../server/modules/accounts/index';
import { DEMO_PASSWORD } from '../server/demo/load-demo';
import { foldVietnamese } from '../shared/text';
import { seedActivity, type ActivityCounts } from './seed-activity';
import { formatCount, seedAtScale } from './seed-scale';

export type SeedNationalOptions = {
  /** Units of the Party tree (agencies and mass organisations come on top): 110,000 by default. */
  units?: number;
  /** Party members: 5,600,000 by default. */
  members?: number;
  /** Cadres, civil servants and staff who are not members: 1,000,000 by default. */
  cadres?: number;
  /** The year of activity: the current one by default. */
  year?: number;
  log?: (line: string) => void;
};

export type SeedNationalResult = { units: number; people: number; activity: ActivityCounts; seconds: number; bytes: number };

export const NATIONAL_DEFAULTS = { units: 110_000, members: 5_600_000, cadres: 1_000_000 } as const;

/** The Centre's officer on the national data set; the password is the demo's. */
export const NATIONAL_OFFICER = { username: 'tuyengiao.tw', displayName: 'Ban Tuyên giáo và Dân vận Trung ương' } as const;

/** The officer's account over the root, unless a seed run before made it already. */
async function addCentreOfficer(handle: DbHandle): Promise<void> {
  const roots = await handle.pool.query<{ id: number }>(
    'SELECT id FROM units WHERE parent_id IS NULL AND valid_to IS NULL ORDER BY id LIMIT 1',
  );
  const root = roots.rows[0];
  if (!root) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await handle.db.transaction(async (tx) => {
    if (await findUserByUsername(tx, NATIONAL_OFFICER.username)) return;
    const user = await insertUser(tx, {
      username: NATIONAL_OFFICER.username,
      displayName: NATIONAL_OFFICER.displayName,
      searchText: foldVietnamese(`${NATIONAL_OFFICER.username} ${NATIONAL_OFFICER.displayName}`),
      passwordHash,
    });
    await insertGrant(tx, { userId: user.id, unitId: Number(root.id), role: 'officer' });
  });
}

export async function seedNational(handle: DbHandle, options: SeedNationalOptions = {}): Promise<SeedNationalResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const members = options.members ?? NATIONAL_DEFAULTS.members;
  const cadres = options.cadres ?? NATIONAL_DEFAULTS.cadres;
  const year = options.year ?? new Date().getFullYear();
  const started = performance.now();
  const seeded = await seedAtScale(handle, {
    units: options.units ?? NATIONAL_DEFAULTS.units,
    people: members + cadres,
    withAgencies: true,
    nonPartyShare: members + cadres > 0 ? cadres / (members + cadres) : 0,
    log,
  });
  log(`Một năm hoạt động (${year})…`);
  const activity = await seedActivity(handle, year, (line) => log(`  ${line}`));
  await addCentreOfficer(handle);
  const size = await handle.pool.query<{ bytes: number }>('SELECT pg_database_size(current_database()) AS bytes');
  const bytes = Number(size.rows[0]?.bytes ?? 0);
  const seconds = (performance.now() - started) / 1000;
  log(
    `Xong dữ liệu toàn quốc: ${formatCount(seeded.units)} đơn vị, ${formatCount(seeded.people)} người, ` +
      `${formatCount(activity.registrations)} bản đăng ký, ${formatCount(activity.studied)} người đã học chuyên đề, ` +
      `${formatCount(activity.standards)} bộ chuẩn mực, ${formatCount(activity.feedback)} phản ánh, ${formatCount(activity.remedies)} việc khắc phục, ` +
      `${formatCount(activity.reports)} báo cáo phải nộp, ${formatCount(activity.graded)} đảng viên đã xếp loại, ${formatCount(activity.commended)} điển hình được khen; ` +
      `${formatCount(Math.round(seconds))} s, ${formatCount(Math.round(bytes / 1024 / 1024))} MB.`,
  );
  log(`Tài khoản cán bộ Trung ương: ${NATIONAL_OFFICER.username} (mật khẩu ${DEMO_PASSWORD}).`);
  return { units: seeded.units, people: seeded.people, activity, seconds, bytes };
}
