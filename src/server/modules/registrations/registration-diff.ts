import type { RegistrationDiff, Snapshot, SnapshotAction } from '../../../shared/contracts/registrations';
import { diffFields, diffText as text } from '../../../shared/field-diff';

const FIELDS: Array<keyof SnapshotAction> = ['area', 'content', 'measurableResult', 'deadline', 'linkKind', 'linkId', 'linkIndex'];

/**
 * What changed between two submitted versions. Actions are compared by position, the way the
 * registrant sees and edits them; an action moved to another place shows as changed there.
 */
export function diffSnapshots(before: Snapshot, after: Snapshot, fromRevision: number, toRevision: number): RegistrationDiff {
  const actions: RegistrationDiff['actions'] = [];
  const length = Math.max(before.actions.length, after.actions.length);
  for (let position = 0; position < length; position += 1) {
    const old = before.actions[position];
    const next = after.actions[position];
    if (!old && next)
      actions.push({
        position,
        change: 'added',
        fields: FIELDS.map((field) => ({ field, before: '', after: text(next[field]) })).filter((item) => item.after !== ''),
      });
    else if (old && !next)
      actions.push({
        position,
        change: 'removed',
        fields: FIELDS.map((field) => ({ field, before: text(old[field]), after: '' })).filter((item) => item.before !== ''),
      });
    else if (old && next) {
      const fields = diffFields(old, next, FIELDS);
      if (fields.length > 0) actions.push({ position, change: 'changed', fields });
    }
  }
  return {
    fromRevision,
    toRevision,
    shortcomings: before.shortcomings === after.shortcomings ? null : { before: before.shortcomings, after: after.shortcomings },
    actions,
  };
}
