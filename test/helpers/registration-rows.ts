import { registrationActions, registrations } from '../../src/server/db/schema/index';
import type { Database } from '../../src/server/platform/db/client';
import { addFigureDeltas } from '../../src/server/platform/figures';
import { todayIso } from '../../src/server/platform/dates';
import { statusDeltas } from '../../src/server/modules/registrations/index';
import type { RegistrationStatus } from '../../src/shared/contracts/registration-status';

export type RegistrationSeed = {
  unit: { id: number; path: string };
  personId: number | null;
  year?: number;
  status: RegistrationStatus;
  isLeader?: boolean;
  shortcomings?: string;
  actions?: Array<{ area: 'thought' | 'ethics' | 'style'; content: string; measurableResult?: string; deadline?: string | null }>;
};

/**
 * A registration written directly as rows (the form that creates them belongs to another module),
 * with its figures moved exactly as the status machine would have moved them.
 */
export async function insertRegistration(db: Database, seed: RegistrationSeed) {
  const year = seed.year ?? 2026;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(registrations)
      .values({
        kind: seed.personId === null ? 'collective' : 'individual',
        year,
        unitId: seed.unit.id,
        personId: seed.personId,
        status: seed.status,
        isLeader: seed.isLeader ?? false,
        shortcomings: seed.shortcomings ?? 'Đôi khi còn nể nang, ngại va chạm trong tự phê bình',
        revision: 1,
        submittedAt: new Date(),
        approvedAt: ['draft', 'submitted', 'returned'].includes(seed.status) ? null : new Date(),
        publishedAt: ['draft', 'submitted', 'returned', 'approved'].includes(seed.status) ? null : new Date(),
      })
      .returning();
    const actions = seed.actions ?? [
      {
        area: 'ethics' as const,
        content: 'Gương mẫu tiết kiệm, chống lãng phí tại cơ quan',
        measurableResult: 'Giảm 10% chi phí văn phòng phẩm',
        deadline: `${year}-12-31`,
      },
    ];
    if (actions.length > 0) {
      await tx.insert(registrationActions).values(
        actions.map((action, index) => ({
          registrationId: row!.id,
          position: index + 1,
          area: action.area,
          content: action.content,
          measurableResult: action.measurableResult ?? '',
          deadline: action.deadline ?? null,
        })),
      );
    }
    await addFigureDeltas(
      tx,
      statusDeltas({ ...row!, actionCount: actions.length, actionsDone: 0 }, seed.unit.path, null, seed.status, todayIso()),
    );
    return row!;
  });
}
