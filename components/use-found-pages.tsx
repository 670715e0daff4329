/**
 * The book as the list shows it, read live: the filtered list a keyset page at a time, each page
 * its own live query (useLiveQuery) starting where the page before it ends, so scrolling on reads
 * one more page and a change reads again only the pages it touches (rereading every shown page
 * on each new one made a long list stutter); or a search, one ranked page that grows as the
 * seller scrolls. A page whose end moves re-anchors the pages after it, so rows never repeat or
 * go missing; while that settles, a buyer shown twice is shown once.
 */
import { memo, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { findBuyers, type FindCursor, type FindOptions, type FindPage } from '../storage/buyers-repo';
import type { Buyer } from '../storage/schema';

export interface FoundPages {
  /** undefined while the first read runs. */
  buyers: Buyer[] | undefined;
  /** There may be more to read. */
  more: boolean;
  failed: boolean;
  loadMore: () => void;
  /** The live readers of the pages: render them anywhere (they render nothing). */
  readers: ReactNode;
}

type Read = { page: FindPage; failed: false } | { page: null; failed: true };

/** Pages (or search growths) one list follows at most. */
const MAX_PAGES = 400;

/**
 * Memoised by its id, which names the read (the filters, the page and where it starts): each page
 * read re-renders the book, and the hundred readers of a long list need not render again.
 */
function PageReader(props: { id: string; opts: FindOptions; onRead: (id: string, r: Read) => void }) {
  const { id, opts, onRead } = props;
  const read = useLiveQuery(
    () => findBuyers(opts).then((page): Read => ({ page, failed: false }), (): Read => ({ page: null, failed: true })),
    [id],
  );
  useEffect(() => {
    if (read) onRead(id, read);
  }, [read, id, onRead]);
  return null;
}
const MemoPageReader = memo(PageReader, (a, b) => a.id === b.id && a.onRead === b.onRead);

export function useFoundPages(opts: Omit<FindOptions, 'after' | 'limit'>, pageSize: number): FoundPages {
  const [pages, setPages] = useState(1);
  const [reads, setReads] = useState<Map<string, Read>>(() => new Map());
  const key = JSON.stringify(opts);
  // A new search or new filters start again from one page.
  useEffect(() => setPages(1), [key]);
  const onRead = useCallback((id: string, r: Read) => setReads((m) => (m.get(id) === r ? m : new Map(m).set(id, r))), []);

  const searching = !!opts.query?.trim();
  const specs: { id: string; opts: FindOptions }[] = [];
  const buyers: Buyer[] = [];
  let more = false;
  let failed = false;
  let pending = false;
  if (searching) {
    const limit = pageSize * pages;
    const id = `${key}|search|${limit}`;
    specs.push({ id, opts: { ...opts, limit } });
    // While a longer search runs, the shorter one stays on screen.
    const r = reads.get(id) ?? (pages > 1 ? reads.get(`${key}|search|${pageSize * (pages - 1)}`) : undefined);
    if (!r) pending = true;
    else if (r.failed) failed = true;
    else {
      buyers.push(...r.page.buyers);
      more = r.page.more;
    }
  } else {
    let after: FindCursor | undefined;
    const seen = new Set<string>();
    for (let i = 0; i < pages; i++) {
      const id = `${key}|${i}|${JSON.stringify(after ?? null)}`;
      specs.push({ id, opts: { ...opts, after, limit: pageSize } });
      const r = reads.get(id);
      if (!r) {
        pending = i === 0;
        more = i > 0;
        break;
      }
      if (r.failed) {
        failed = true;
        break;
      }
      for (const b of r.page.buyers) if (!seen.has(b.id)) (seen.add(b.id), buyers.push(b));
      more = r.page.more && r.page.next != null;
      if (!more) break;
      after = r.page.next!;
    }
  }
  // Reads no reader asks for any more are dropped, so the map stays as small as the list.
  const wanted = specs.map((s) => s.id).join('\n');
  useEffect(() => {
    const ids = new Set(wanted.split('\n'));
    setReads((m) => {
      const keep = [...m].filter(([id]) => ids.has(id) || id.startsWith(`${key}|search|`));
      return keep.length === m.size ? m : new Map(keep);
    });
  }, [wanted, key]);

  // While the next search or filter is read, the list shows what it showed (no flash of "Loading").
  const shown = useRef<{ buyers: Buyer[]; more: boolean } | null>(null);
  if (!pending) shown.current = { buyers, more };
  const last = pending ? shown.current : { buyers, more };

  return {
    buyers: last?.buyers,
    more: last?.more ?? false,
    failed,
    loadMore: () => setPages((n) => Math.min(MAX_PAGES, n + 1)),
    readers: specs.map((s) => <MemoPageReader key={s.id} id={s.id} opts={s.opts} onRead={onRead} />),
  };
}
