import { onPersonMoved, onUnitClosed } from '../platform/domain-events';
import { followPersonMove } from './study/index';
import { takeBackStandardsOfClosedUnit } from './standards/index';

/**
 * Subscribes the modules that follow the tree and people to the foundation's events. Called by
 * every entry point that writes (the HTTP app and the CLI); registering twice changes nothing.
 */
export function registerDomainHandlers(): void {
  onPersonMoved(followPersonMove);
  onUnitClosed(takeBackStandardsOfClosedUnit);
}
