/**
 * A list read live (dexie-react-hooks' useLiveQuery) a keyset page at a time: "load more" adds a
 * page, and every shown page is read again, each after the last row of the one before, whenever
 * the rows it read change in any panel, tab or the background. No offset and no stored cursor:
 * a row added above or moved never opens a gap or shows twice.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';

export interface LivePages<T> {
  /** undefined while the first read runs. */
  items: T[] | undefined;
  /** The last page read was full: there may be more. */
  more: boolean;
  failed: boolean;
  loadMore: () => void;
}

export function useLivePages<T extends { id: string }, C>(
  readPage: (after: C | undefined) => Promise<T[]>,
  cursorOf: (row: T) => C,
  pageSize: number,
  deps: unknown[],
): LivePages<T> {
  const [pages, setPages] = useState(1);
  const depsKey = JSON.stringify(deps);
  // New filters start again from one page.
  useEffect(() => setPages(1), [depsKey]);

  const result = useLiveQuery(
    async () => {
      try {
        const items: T[] = [];
        let after: C | undefined;
        let full = false;
        for (let p = 0; p < pages; p++) {
          const page = await readPage(after);
          items.push(...page);
          full = page.length >= pageSize;
          if (!full) break;
          after = cursorOf(page[page.length - 1]!);
        }
        return { items, more: full, failed: false };
      } catch {
        return { items: [] as T[], more: false, failed: true };
      }
    },
    [depsKey, pages],
  );
  return {
    items: result?.items,
    more: result?.more ?? false,
    failed: result?.failed ?? false,
    loadMore: () => setPages((n) => n + 1),
  };
}
