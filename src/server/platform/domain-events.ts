import type { Executor } from './db/client';

/**
 * Changes of the tree and of people that other modules must follow in the same transaction (their
 * figures, their records). The foundation modules emit them; later modules subscribe at the
 * composition root (modules/domain-handlers.ts), so the foundation never imports its dependants.
 */
export type PersonMoved = { personId: number; fromUnitPath: string | null; toUnitPath: string; day: string };
export type UnitClosed = { unitId: number; unitPath: string; kind: string; day: string };

type Handler<Event> = (tx: Executor, event: Event) => Promise<void>;

const personMovedHandlers: Array<Handler<PersonMoved>> = [];
const unitClosedHandlers: Array<Handler<UnitClosed>> = [];

export function onPersonMoved(handler: Handler<PersonMoved>): void {
  if (!personMovedHandlers.includes(handler)) personMovedHandlers.push(handler);
}

export function onUnitClosed(handler: Handler<UnitClosed>): void {
  if (!unitClosedHandlers.includes(handler)) unitClosedHandlers.push(handler);
}

export async function emitPersonMoved(tx: Executor, event: PersonMoved): Promise<void> {
  for (const handler of personMovedHandlers) await handler(tx, event);
}

export async function emitUnitClosed(tx: Executor, event: UnitClosed): Promise<void> {
  for (const handler of unitClosedHandlers) await handler(tx, event);
}
