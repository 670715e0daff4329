/**
 * The book: search as you type (lightly debounced) over every field a seller may remember, with
 * filters (tag, stage, country, platform, no contact for N days) that combine with the search in
 * the index, in three orders. One virtual list, read a keyset page at a time as the seller
 * scrolls. The keyboard works from the search box: ↓ ↑ move, Enter opens, Esc goes back from a
 * buyer (or clears the search), and `/` anywhere in the book focuses the search.
 */
import { lazy, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { countFound } from '../storage/buyers-repo';
import { t } from '../lib/i18n';
import { BuyerFilters, isFiltered, NO_FILTERS, type FilterState } from './buyer-filters';
import { ExportFound } from './export-found';
import { VirtualBuyerList } from './buyer-list-virtual';
import { useDebouncedValue } from './use-debounced-value';
import { useFoundPages } from './use-found-pages';
import { PAGE_SIZE, SEARCH_LIMIT } from './list-sizes';

// The list is what the book opens on; a buyer's card and its forms load when one is opened.
const BuyerDetail = lazy(() => import('./buyer-detail').then((m) => ({ default: m.BuyerDetail })));

export interface BuyersViewProps {
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

/** A key typed into a field is the field's, not a shortcut. */
const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/**
 * Every read here is live (useLiveQuery): a capture saved, a buyer edited or merged in any
 * panel, tab or the background shows in the list, the search results and the count at once.
 */
export function BuyersView({ selectedId, onSelect }: BuyersViewProps) {
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [active, setActive] = useState(-1);
  const q = useDebouncedValue(query.trim(), 120);

  const opts = {
    query: q || undefined,
    tag: filters.tag || undefined,
    stage: filters.stage || undefined,
    country: filters.country || undefined,
    platform: filters.platform || undefined,
    idleDays: filters.idle ? Number(filters.idle) : undefined,
    sort: filters.sort,
  };
  const found = useFoundPages(opts, q ? SEARCH_LIMIT : PAGE_SIZE);
  // Counted apart from the page: it takes longer than the page on a big book, and the list must not wait.
  const countKey = JSON.stringify({ ...opts, query: undefined, sort: undefined });
  const total = useLiveQuery(() => (q ? null : countFound(opts).catch(() => null)), [q, countKey]) ?? null;

  const buyers = found.buyers ?? null;
  // A new search or filter puts the keyboard back above the first row.
  useEffect(() => setActive(-1), [q, countKey, filters.sort]);

  // `/` focuses the search; Esc goes back from a buyer to the list. Only while the book is shown.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || rootRef.current?.closest('[hidden]')) return;
      if (e.key === '/' && !isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        if (selectedId) onSelect(null);
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'Escape' && selectedId && !isTyping(e.target) && !(e.target as Element | null)?.closest?.('[role="dialog"], [role="alertdialog"]')) {
        e.preventDefault();
        onSelect(null);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selectedId, onSelect]);
  // Back from a buyer, the keyboard is in the search box again, on the row it left.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !selectedId) searchRef.current?.focus();
    wasOpen.current = !!selectedId;
  }, [selectedId]);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = buyers?.length ?? 0;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      setActive((a) => Math.min(n - 1, a + 1));
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && n) {
      e.preventDefault();
      onSelect(buyers![Math.max(0, Math.min(active, n - 1))]!.id);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (active >= 0) setActive(-1);
      else setQuery('');
    }
  };

  const canLoadMore = buyers != null && found.more;
  const status = () => {
    if (!buyers) return '';
    if (q) return found.more ? t('searchCountMore', buyers.length) : t('searchCount', buyers.length);
    if (total != null) return t('listCount', buyers.length, total);
    return found.more ? t('listStillLooking', buyers.length) : t('listCountShown', buyers.length);
  };
  const listId = `${id}-list`;

  return (
    <div className="buyers-view" ref={rootRef}>
      {found.readers}
      {selectedId ? (
        <Suspense fallback={<p className="state" role="status" aria-busy="true">{t('loading')}</p>}>
          <BuyerDetail buyerId={selectedId} onBack={() => onSelect(null)} onOpenBuyer={(other) => onSelect(other)} />
        </Suspense>
      ) : null}
      <div hidden={selectedId != null}>
        <div className="search-bar">
          <label htmlFor={`${id}-q`} className="visually-hidden">
            {t('searchLabel')}
          </label>
          <input
            id={`${id}-q`}
            ref={searchRef}
            type="search"
            data-testid="buyer-search"
            placeholder={t('searchPlaceholder')}
            value={query}
            autoComplete="off"
            spellCheck={false}
            aria-controls={listId}
            aria-describedby={`${id}-keys`}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
          />
          <span id={`${id}-keys`} className="visually-hidden">
            {t('searchKeysHint')}
          </span>
        </div>
        <BuyerFilters value={filters} onChange={setFilters} />
        {(q || isFiltered(filters)) && buyers?.length ? (
          <ExportFound find={opts} count={q ? buyers.length : total} searchLimit={Math.max(buyers.length, SEARCH_LIMIT)} />
        ) : null}
        {found.failed ? <p className="notice bad">{t('loadFailed')}</p> : null}
        {buyers == null ? (
          <p className="state">{t('loading')}</p>
        ) : buyers.length === 0 && !found.more ? (
          <div className="state" data-testid="buyers-empty">
            <p>{q || isFiltered(filters) ? t('noMatches') : t('bookEmpty')}</p>
            {isFiltered(filters) ? (
              <button type="button" onClick={() => setFilters({ ...NO_FILTERS, sort: filters.sort })} data-testid="clear-filters">
                {t('clearFilters')}
              </button>
            ) : null}
          </div>
        ) : (
          <>
            <p className="muted small" role="status">
              {status()}
            </p>
            <VirtualBuyerList buyers={buyers} active={active} listId={listId} onOpen={onSelect} onNearEnd={() => canLoadMore && found.loadMore()} />
            {canLoadMore ? (
              <button type="button" className="load-more" onClick={found.loadMore} data-testid="load-more">
                {t('loadMore')}
              </button>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
