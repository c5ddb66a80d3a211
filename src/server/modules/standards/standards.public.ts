import type { Executor } from '../../platform/db/client';
import * as repo from './standards.repo';
import { criteriaOf } from './standards.presenter';
import { isStandardKeeping } from './standards.service';

/**
 * What the public may see of a unit's standards: the current adopted version and whether the sign
 * is posted. Drafts, history, the sign's location and photo stay inside the admin app.
 */
export async function findPublicStandards(executor: Executor, unit: { id: number; kind: string }) {
  if (!isStandardKeeping(unit.kind)) return null;
  const current = await repo.findStandardByStatus(executor, unit.id, 'adopted');
  const sign = await repo.findSign(executor, unit.id);
  return {
    current: current
      ? { versionNumber: current.versionNumber, title: current.title, adoptedOn: current.adoptedOn!, criteria: criteriaOf(current) }
      : null,
    signPostedOn: sign?.postedOn ?? null,
  };
}
