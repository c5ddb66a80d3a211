/**
 * Builders for registration tests and the policy matrix: windows, topics, breakthrough contents and
 * registrations written through the services (so figures and history stay consistent).
 */
import { sql } from 'drizzle-orm';
import { foldVietnamese } from '../../src/shared/text';
import { systemActor } from '../../src/server/platform/auth/policy';
import type { Database } from '../../src/server/platform/db/client';
import type { ActionInput } from '../../src/shared/contracts/registrations';
import { createWindow } from '../../src/server/modules/registrations/windows.service';
import { createOwnRegistration } from '../../src/server/modules/registrations/registrations.service';
import { changeStatus } from '../../src/server/modules/registrations/appraisal.service';
import { rootActor } from './fixtures';

export async function insertTopic(db: Database, unitId: number, title: string, fromYear = 2026, toYear = 2026): Promise<number> {
  const rows = await db.execute<{ id: number }>(sql`
    INSERT INTO study_topics (unit_id, title, from_year, to_year, search_text)
    VALUES (${unitId}, ${title}, ${fromYear}, ${toYear}, ${foldVietnamese(title)}) RETURNING id`);
  return Number(rows.rows[0]!.id);
}

export async function insertBreakthrough(db: Database, unitId: number, title: string, year = 2026): Promise<number> {
  const rows = await db.execute<{ id: number }>(sql`
    INSERT INTO breakthrough_contents (unit_id, year, title, owner_unit_id, target, deadline, search_text)
    VALUES (${unitId}, ${year}, ${title}, ${unitId}, 'Hoàn thành trong năm', ${`${year}-12-31`}, ${foldVietnamese(title)}) RETURNING id`);
  return Number(rows.rows[0]!.id);
}

export function openWindow(
  db: Database,
  rootPath: string,
  unitId: number,
  year = 2026,
  extra: { topicId?: number | null; breakthroughIds?: number[]; toYear?: number } = {},
) {
  return createWindow(db, rootActor(rootPath), {
    unitId,
    year,
    toYear: extra.toYear ?? year,
    opensOn: `${year}-01-05`,
    closesOn: `${year}-03-31`,
    topicId: extra.topicId ?? null,
    breakthroughIds: extra.breakthroughIds ?? [],
    guidance: null,
  });
}

export async function linkUserToPerson(db: Database, userId: number, personId: number): Promise<void> {
  await db.execute(sql`UPDATE users SET person_id = ${personId} WHERE id = ${userId}`);
}

/** The member themself, as the services see them (no grants: they act on their own registration). */
export function memberActor(personId: number, name = 'Đảng viên') {
  return { ...systemActor(name), personId };
}

export function actions(...contents: string[]): ActionInput[] {
  return contents.map((content, index) => ({
    area: (['thought', 'ethics', 'style'] as const)[index % 3]!,
    content,
    measurableResult: `Kết quả đo được của việc ${index + 1}`,
    deadline: '2026-12-31',
    linkKind: null,
    linkId: null,
    linkIndex: null,
  }));
}

/** An individual registration of the person, created and (unless `draft`) submitted by them. */
export async function registerAs(
  db: Database,
  personId: number,
  text: { shortcomings: string; actions: string[] },
  options: { draft?: boolean; year?: number; supplementOfId?: number } = {},
) {
  const actor = memberActor(personId);
  const created = await createOwnRegistration(db, actor, {
    year: options.year ?? 2026,
    shortcomings: text.shortcomings,
    actions: actions(...text.actions),
    supplementOfId: options.supplementOfId ?? null,
  });
  if (options.draft) return created;
  return changeStatus(db, actor, created.id, { transition: 'submit', version: created.version });
}
