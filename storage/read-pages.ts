/**
 * Reads a whole table a page at a time in primary-key order, each page in its own short read
 * transaction (backup, CSV and vCard exports): the seller can keep saving meanwhile, and a million
 * rows are never in memory at once.
 */
import type { Table } from 'dexie';

export async function eachPage<T>(
  table: Table<T, string>,
  pageRows: number,
  keyOf: (row: T) => string,
  fn: (page: T[]) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const read = (after: string | null): Promise<T[]> => {
    const p = (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(pageRows).toArray();
    // Awaited on the next turn; a handler that fails first must not leave its failure unhandled.
    p.catch(() => undefined);
    return p;
  };
  let next = read(null);
  for (;;) {
    if (signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
    const page = await next;
    if (!page.length) return;
    const full = page.length >= pageRows;
    // The next page is asked for before this one is handled: the database reads it while the
    // caller encodes this one (a backup's time was the sum of both).
    if (full) next = read(keyOf(page[page.length - 1]!));
    await fn(page);
    if (!full) return;
  }
}
