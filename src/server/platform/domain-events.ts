import type { Executor } from './db/client';

/**
 * Changes of the tree and of people that other modules must follow in the same transaction (their
 * figures, their records). The foundation modules emit them; later modules subscribe at the
 * composition root (modules/domain-handlers.ts), so the foundation never imports its dependants.
 */
export type PersonMoved = { personId: number; fromUnitPath: string | null; toUnitPath: string; day: string };
export type UnitClosed = { unitId: number; unitPath: string; kind: string; day: string };
/** A unit and its subtree moved under another parent (its figures already moved with it). */
export type UnitMoved = { unitId: number; fromUnitPath: string; toUnitPath: string; day: string };

type Handler<Event> = (tx: Executor, event: Event) => Promise<void>;

const personMovedHandlers: Array<Handler<PersonMoved>> = [];
const unitClosedHandlers: Array<Handler<UnitClosed>> = [];
const unitMovedHandlers: Array<Handler<UnitMoved>> = [];

export function onPersonMoved(handler: Handler<PersonMoved>): void {
  if (!personMovedHandlers.includes(handler)) personMovedHandlers.push(handler);
}

export function onUnitClosed(handler: Handler<UnitClosed>): void {
  if (!unitClosedHandlers.includes(handler)) unitClosedHandlers.push(handler);
}

export function onUnitMoved(handler: Handler<UnitMoved>): void {
  if (!unitMovedHandlers.includes(handler)) unitMovedHandlers.push(handler);
}

export async function emitPersonMoved(tx: Executor, event: PersonMoved): Promise<void> {
  for (const handler of personMovedHandlers) await handler(tx, event);
}

export async function emitUnitClosed(tx: Executor, event: UnitClosed): Promise<void> {
  for (const handler of unitClosedHandlers) await handler(tx, event);
}

export async function emitUnitMoved(tx: Executor, event: UnitMoved): Promise<void> {
  for (const handler of unitMovedHandlers) await handler(tx, event);
}
