import type { Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { isPathWithin } from '../../platform/auth/policy';
import type { NominationContent } from '../../db/schema/commendations';
import type { NominationLink } from '../../../shared/contracts/commendations';
import { findRegistrationWithUnit } from '../registrations/index';
import { findBreakthroughsByIds } from '../programme/index';
import { findFileNames } from '../files/index';
import { listRegistrationNames } from './nominations.repo';

/** The registrations that prove it must be of the nominating unit's subtree. */
export async function checkRegistrationLinks(executor: Executor, unitPath: string, registrationIds: number[]): Promise<number[]> {
  const ids = [...new Set(registrationIds)];
  for (const id of ids) {
    const found = await findRegistrationWithUnit(executor, id);
    if (!found || !isPathWithin(found.unitPath, unitPath)) {
      throw new AppError('VALIDATION_FAILED', `Bản đăng ký số ${id} không thuộc đơn vị đề nghị.`);
    }
  }
  return ids;
}

/**
 * A breakthrough content reaches the nominating unit when a level above it (or the unit itself)
 * issued it, as the programme lists show it there, or when a unit of its subtree issued or adopted
 * it: those are the ones its work can have carried out.
 */
export async function checkBreakthroughLinks(executor: Executor, unitPath: string, breakthroughIds: number[]): Promise<number[]> {
  const ids = [...new Set(breakthroughIds)];
  const found = new Map((await findBreakthroughsByIds(executor, ids)).map((row) => [row.id, row]));
  for (const id of ids) {
    const content = found.get(id);
    if (!content || content.deletedAt !== null || !(isPathWithin(unitPath, content.unitPath) || isPathWithin(content.unitPath, unitPath))) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Nội dung đột phá số ${id} không do cấp trên hay đơn vị trong phạm vi đơn vị đề nghị đề ra hoặc áp dụng.`,
      );
    }
  }
  return ids;
}

/** How a nomination's links and files read, for its page and for what changed between submissions. */
export type LinkNames = {
  registrations: Map<number, NominationLink>;
  breakthroughs: Map<number, NominationLink>;
  files: Map<number, string>;
};

/** Reads the names of every registration, breakthrough content and file the current row or any submission names. */
export async function loadLinkNames(executor: Executor, contents: Array<Partial<NominationContent>>): Promise<LinkNames> {
  const collect = (key: 'registrationIds' | 'breakthroughIds' | 'fileIds') => [
    ...new Set(contents.flatMap((content) => content[key] ?? [])),
  ];
  // One after another: the reads may share one connection.
  const registrations = await listRegistrationNames(executor, collect('registrationIds'));
  const breakthroughs = await findBreakthroughsByIds(executor, collect('breakthroughIds'));
  const files = await findFileNames(executor, collect('fileIds'));
  return {
    registrations: new Map(registrations.map((row) => [row.id, row])),
    breakthroughs: new Map(breakthroughs.map((row) => [row.id, { id: row.id, name: row.title, year: row.year }])),
    files,
  };
}

/** The links of a nomination in the order it lists them; one no longer found keeps its number. */
export function linksOf(names: LinkNames, registrationIds: number[], breakthroughIds: number[]) {
  const pick = (map: Map<number, NominationLink>, ids: number[]) => ids.map((id) => map.get(id) ?? { id, name: `#${id}`, year: 0 });
  return { registrations: pick(names.registrations, registrationIds), breakthroughs: pick(names.breakthroughs, breakthroughIds) };
}
