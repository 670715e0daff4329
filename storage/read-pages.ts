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
  let last: string | null = null;
  for (;;) {
    if (signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
    const page: T[] = await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(pageRows).toArray();
    if (!page.length) return;
    await fn(page);
    last = keyOf(page[page.length - 1]!);
    if (page.length < pageRows) return;
  }
}
