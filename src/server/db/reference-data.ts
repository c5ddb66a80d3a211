import { sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client';
import { GRADING_RULE_VERSIONS } from './grading-rule-versions';

/**
 * Reference rows every installation starts with. They are inserted after the migrations, not by
 * them: a backup replays the migration files as its schema and then restores the rows it holds,
 * so a migration that inserted rows would collide with them. Existing rows are left as they are.
 */
export async function ensureReferenceData(executor: Executor): Promise<void> {
  await executor.execute(sql`
    INSERT INTO legal_bases (symbol, title, issued_on) VALUES
      ('05-CT/TW', 'Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', '2016-05-15'),
      ('01-KL/TW', 'Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW', '2021-05-18')
    ON CONFLICT (symbol) DO NOTHING`);
  // The usual forms of commendation in the campaign; a level adds its own as rows.
  await executor.execute(sql`
    INSERT INTO commendation_forms (code, name, sort_order) VALUES
      ('bieu_duong', 'Biểu dương', 1),
      ('giay_khen', 'Giấy khen', 2),
      ('bang_khen', 'Bằng khen', 3)
    ON CONFLICT (code) DO NOTHING`);
  // The grading rules in force (QĐ 124, QĐ 366) as data; a new rule is a new row, never an edit of these.
  for (const rule of GRADING_RULE_VERSIONS) {
    await executor.execute(sql`
      INSERT INTO grading_rules (code, name, valid_from_year, config)
      VALUES (${rule.code}, ${rule.name}, ${rule.validFromYear}, ${JSON.stringify(rule.config)}::jsonb)
      ON CONFLICT DO NOTHING`);
  }
}
