import { onPersonMoved, onUnitClosed, onUnitMoved } from '../platform/domain-events';
import { followPersonMove } from './study/index';
import { takeBackStandardsOfClosedUnit } from './standards/index';
import { followUnitMove } from './registrations/index';
import { provideUnitMembers } from '../platform/unit-members';
import { countActiveMembers, moveActiveMembers } from './people/index';

/** The people module answers the tree's questions about its members (platform/unit-members.ts). */
export function provideFoundationPorts(): void {
  provideUnitMembers({ countActive: countActiveMembers, moveActive: moveActiveMembers });
}

/**
 * Subscribes the modules that follow the tree and people to the foundation's events. Called by
 * every entry point that writes (the HTTP app and the CLI); registering twice changes nothing.
 */
export function registerDomainHandlers(): void {
  provideFoundationPorts();
  onPersonMoved(followPersonMove);
  onUnitClosed(takeBackStandardsOfClosedUnit);
  onUnitMoved(followUnitMove);
}
