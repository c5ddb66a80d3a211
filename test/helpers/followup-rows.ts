/**
 * Registrations for the follow-up tests, inserted as rows (the registration form lives elsewhere)
 * with their figures written through statusDeltas, so the counters start equal to a recount.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/server/platform/db/client';
import { addFigureDeltas } from '../../src/server/platform/figures';
import { statusDeltas } from '../../src/server/modules/registrations/index';
import { registrationFigureDay } from '../../src/server/modules/figures/index';
import type { RegistrationStatus } from '../../src/shared/contracts/registration-status';

export type RowsInput = {
  kind?: 'individual' | 'collective';
  year?: number;
  personId?: number | null;
  status: RegistrationStatus;
  isLeader?: boolean;
  actions?: number;
};

const AFTER_APPROVAL: RegistrationStatus[] = ['approved', 'published', 'in_progress', 'self_assessed', 'reviewed', 'closed'];
const AFTER_PUBLICATION: RegistrationStatus[] = ['published', 'in_progress', 'self_assessed', 'reviewed', 'closed'];

export async function insertRegistration(db: Database, unit: { id: number; path: string }, input: RowsInput) {
  const kind = input.kind ?? 'individual';
  const year = input.year ?? 2026;
  const isLeader = input.isLeader ?? false;
  return db.transaction(async (tx) => {
    const submitted = input.status !== 'draft';
    const rows = await tx.execute<{ id: number }>(sql`
      INSERT INTO registrations (kind, year, unit_id, person_id, status, shortcomings, is_leader, revision, submitted_at, approved_at, published_at)
      VALUES (${kind}, ${year}, ${unit.id}, ${kind === 'individual' ? (input.personId ?? null) : null}, ${input.status},
        'Còn ngại phát biểu trong sinh hoạt chi bộ', ${isLeader}, ${submitted ? 1 : 0},
        ${submitted ? sql`now() - interval '200 days'` : null},
        ${AFTER_APPROVAL.includes(input.status) ? sql`now() - interval '190 days'` : null},
        ${AFTER_PUBLICATION.includes(input.status) ? sql`now() - interval '180 days'` : null})
      RETURNING id`);
    const id = Number(rows.rows[0]!.id);
    const actionIds: number[] = [];
    const areas = ['thought', 'ethics', 'style'];
    for (let index = 0; index < (input.actions ?? 2); index++) {
      const action = await tx.execute<{ id: number }>(sql`
        INSERT INTO registration_actions (registration_id, position, area, content, measurable_result, deadline)
        VALUES (${id}, ${index + 1}, ${areas[index % 3]!}, ${`Việc làm số ${index + 1}: gương mẫu tham gia sinh hoạt`}, 'Tham gia đủ 12 buổi', ${`${year}-12-15`})
        RETURNING id`);
      actionIds.push(Number(action.rows[0]!.id));
    }
    await addFigureDeltas(
      tx,
      statusDeltas(
        { kind, year, isLeader, hasTwin: false, actionCount: actionIds.length, actionsDone: 0 },
        unit.path,
        null,
        input.status,
        registrationFigureDay(year),
      ),
    );
    return { id, actionIds };
  });
}

export async function versionOf(db: Database, id: number): Promise<number> {
  const rows = await db.execute<{ version: number }>(sql`SELECT version FROM registrations WHERE id = ${id}`);
  return Number(rows.rows[0]!.version);
}

export async function statusOf(db: Database, id: number): Promise<string> {
  const rows = await db.execute<{ status: string }>(sql`SELECT status FROM registrations WHERE id = ${id}`);
  return rows.rows[0]!.status;
}

/** Links a user account to a person, as an administrator does for a member. */
export async function linkUser(db: Database, userId: number, personId: number): Promise<void> {
  await db.execute(sql`UPDATE users SET person_id = ${personId} WHERE id = ${userId}`);
}
