import type { Executor } from '../../platform/db/client';
import { addFigureDeltas, type FigureDelta } from '../../platform/figures';
import { adoptedDelta, signDelta } from './standards.figures';
import * as repo from './standards.repo';

/**
 * A unit that closes (or is merged or split) no longer counts among units with standards adopted
 * or a sign posted from that day: its +1 leaves its ancestors' figures, its history stays.
 */
export async function takeBackStandardsOfClosedUnit(tx: Executor, event: { unitId: number; unitPath: string; day: string }): Promise<void> {
  const deltas: FigureDelta[] = [];
  const firstAdoptedOn = await repo.findFirstAdoptedOn(tx, event.unitId);
  if (firstAdoptedOn && firstAdoptedOn <= event.day) {
    deltas.push(adoptedDelta(event.unitPath, event.day, -1));
  }
  const sign = await repo.findSign(tx, event.unitId);
  if (sign && sign.postedOn <= event.day) {
    deltas.push(signDelta(event.unitPath, event.day, -1));
  }
  await addFigureDeltas(tx, deltas);
}
