/** One field that differs between two versions of a record, both sides as the reader sees them. */
export type FieldChange<F extends string> = { field: F; before: string; after: string };

/** How a stored value reads in a diff: nothing is an empty string. */
export const diffText = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/**
 * The fields whose text differs between two versions, in the order given. Registrations (each
 * action) and nominations (each submission) show what changed the same way.
 */
export function diffFields<T, F extends keyof T & string>(
  before: T,
  after: T,
  fields: readonly F[],
  textOf: (value: T[F], field: F) => string = diffText,
): Array<FieldChange<F>> {
  return fields
    .map((field) => ({ field, before: textOf(before[field], field), after: textOf(after[field], field) }))
    .filter((change) => change.before !== change.after);
}
