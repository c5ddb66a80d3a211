/**
 * `seed --national`: the national data set of the dashboards' benchmarks. The real 34 provinces and
 * 3,321 communes, about 10⁵ grassroots organisations and cells, 5.6 million Party members and about
 * a million cadres and staff who are not members (in each commune's People's Committee and mass
 * organisations), then a year of activity (seed-activity.ts). Prints the time and the size.
 */
import type { DbHandle } from '../server/platform/db/client';
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
  return { units: seeded.units, people: seeded.people, activity, seconds, bytes };
}
