/**
 * The book as the list shows it, read live (useLiveQuery): the filtered list a keyset page at a
 * time (each page starts where the one before stopped, even when a bounded read stopped early),
 * or a search, one ranked page that grows as the seller scrolls. Every shown page is read again
 * when the rows it read change in any panel, tab or the background.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { findBuyers, type FindCursor, type FindOptions } from '../storage/buyers-repo';
import type { Buyer } from '../storage/schema';

export interface FoundPages {
  /** undefined while the first read runs. */
  buyers: Buyer[] | undefined;
  /** There may be more to read. */
  more: boolean;
  failed: boolean;
  loadMore: () => void;
}

/** Pages one live read follows at most; past that "load more" would reread too much each change. */
const MAX_PAGES = 200;

export function useFoundPages(opts: Omit<FindOptions, 'after' | 'limit'>, pageSize: number): FoundPages {
  const [pages, setPages] = useState(1);
  const key = JSON.stringify(opts);
  // A new search or new filters start again from one page.
  useEffect(() => setPages(1), [key]);

  const result = useLiveQuery(
    async () => {
      try {
        if (opts.query?.trim()) {
          const page = await findBuyers({ ...opts, limit: pageSize * pages });
          return { buyers: page.buyers, more: page.more, failed: false };
        }
        const buyers: Buyer[] = [];
        let after: FindCursor | undefined;
        let more = false;
        for (let p = 0; p < pages; p++) {
          const page = await findBuyers({ ...opts, after, limit: pageSize });
          buyers.push(...page.buyers);
          more = page.more && page.next != null;
          if (!more) break;
          after = page.next!;
        }
        return { buyers, more, failed: false };
      } catch {
        return { buyers: [] as Buyer[], more: false, failed: true };
      }
    },
    [key, pages, pageSize],
  );
  return {
    buyers: result?.buyers,
    more: result?.more ?? false,
    failed: result?.failed ?? false,
    loadMore: () => setPages((n) => Math.min(MAX_PAGES, n + 1)),
  };
}
