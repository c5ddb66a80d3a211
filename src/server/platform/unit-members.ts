import type { Executor } from './db/client';

/**
 * What the tree needs of the people in it: whether a unit still has members (it cannot be closed
 * then) and moving them when units merge or split. The people module depends on the tree, so the
 * tree must not import it back: the people module provides these at the composition root
 * (modules/domain-handlers.ts), as the modules that follow the tree subscribe to its events.
 */
export type UnitMembers = {
  countActive(tx: Executor, unitId: number): Promise<number>;
  /** Everyone currently in `fromUnitId` (or only `onlyPersonIds`) moves to `toUnitId` on `day`. */
  moveActive(tx: Executor, fromUnitId: number, toUnitId: number, day: string, onlyPersonIds?: number[]): Promise<void>;
};

let provided: UnitMembers | null = null;

export function provideUnitMembers(members: UnitMembers): void {
  provided = members;
}

export function unitMembers(): UnitMembers {
  if (!provided) throw new Error('The people module has not been wired to the tree: call registerDomainHandlers() first.');
  return provided;
}
