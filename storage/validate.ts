/**
 * Every row is parsed with its zod schema before it is written: a row that fails is refused
 * whole, with an error that names the table and the fields, and nothing is written.
 */
import type { z } from 'zod';

export class StorageValidationError extends Error {
  readonly table: string;
  readonly issues: readonly { path: string; message: string }[];

  constructor(table: string, issues: readonly { path: string; message: string }[]) {
    super(`Refused ${table} row: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'StorageValidationError';
    this.table = table;
    this.issues = issues;
  }
}

export function parseRow<S extends z.ZodType>(table: string, schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new StorageValidationError(
    table,
    r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}

/** Thrown when a function is given the id of a row that is not in the book. */
export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} not found`);
    this.name = 'NotFoundError';
  }
}
