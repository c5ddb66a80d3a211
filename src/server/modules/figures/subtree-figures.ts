import type { Database } from '../../platform/db/client';
import { cachedRead } from '../../platform/db/read-cache';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { readFigures } from '../../platform/figures';
import { getUnitOrThrow } from '../units/index';
import { listOpenChildUnits } from './figures.repo';

/** One dashboard's figures: which counters it reads, how it shapes them, and what each one means. */
export type FigureSet<F, D extends Record<string, string> = Record<string, string>> = {
  name: string;
  metrics: (year: number) => string[];
  shape: (values: Record<string, number> | undefined, year: number) => F;
  definitions: D;
};

/**
 * The figures of a subtree and of each open child unit for a year, from the live counters, as of
 * `asOf`. The answer is the same for everyone allowed to read it, so it is kept until the next write
 * (platform/db/read-cache.ts); the permission is checked on every request against the unit's path.
 */
export async function subtreeFigures<F, D extends Record<string, string>>(
  db: Database,
  actor: Actor,
  unitId: number,
  year: number,
  asOf: string,
  set: FigureSet<F, D>,
) {
  const { unitPath, answer } = await cachedRead(db, `${set.name}:${unitId}:${year}:${asOf}`, async () => {
    const unit = await getUnitOrThrow(db, unitId);
    const children = await listOpenChildUnits(db, unitId, asOf);
    const values = await readFigures(db, [unitId, ...children.map((child) => child.id)], set.metrics(year), asOf);
    return {
      unitPath: unit.path,
      answer: {
        unit: { id: unit.id, code: unit.code, name: unit.name },
        year,
        asOf,
        figures: set.shape(values.get(unitId), year),
        definitions: set.definitions,
        children: children.map((child) => ({ unit: child, figures: set.shape(values.get(child.id), year) })),
      },
    };
  });
  assertCan(actor, 'figures.read', unitPath);
  return answer;
}
