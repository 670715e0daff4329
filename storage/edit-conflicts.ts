/**
 * No blind overwrite (issue 9): a form remembers the record as it opened it (`base`); saving
 * re-reads the record in the write transaction and writes only the fields the seller changed.
 * A changed field that also changed underneath (another panel, a capture, a merge) to a different
 * value is a conflict: nothing is written, and the form shows both values for the seller to choose.
 */
export interface FieldConflict<K extends string = string> {
  field: K;
  /** The value in the form. */
  mine: unknown;
  /** The value in the book now. */
  theirs: unknown;
}

export type EditResult<T, K extends string = string> =
  | { kind: 'saved'; value: T }
  | { kind: 'conflict'; conflicts: FieldConflict<K>[]; current: T };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields to write (changed since `base`), or the conflicts when any of them changed underneath. */
export function planEdit<T extends object, K extends keyof T & string>(
  base: T,
  current: T,
  edited: Partial<T>,
  keys: readonly K[],
): { changes: Partial<T>; conflicts: FieldConflict<K>[] } {
  const changes: Partial<T> = {};
  const conflicts: FieldConflict<K>[] = [];
  for (const k of keys) {
    if (!(k in edited) || same(edited[k], base[k])) continue;
    if (!same(current[k], base[k]) && !same(current[k], edited[k])) {
      conflicts.push({ field: k, mine: edited[k], theirs: current[k] });
    } else {
      changes[k] = edited[k];
    }
  }
  return { changes, conflicts };
}
