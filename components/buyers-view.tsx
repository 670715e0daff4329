/**
 * The book: search as you type (lightly debounced), or the whole list newest contact first, 50 at
 * a time; filter by tag and stage. Opening a buyer shows the detail; the list keeps its place.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { Buyer, Stage } from '../storage/schema';
import { countBuyers, listBuyers, searchBuyersPage } from '../storage/buyers-repo';
import { t } from '../lib/i18n';
import { BuyerRow } from './buyer-row';
import { StageSelect } from './stage-select';
import { BuyerDetail } from './buyer-detail';
import { useAllTags } from './use-all-tags';
import { useDebouncedValue } from './use-debounced-value';
import { PAGE_SIZE, SEARCH_LIMIT } from './list-sizes';

export interface BuyersViewProps {
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** Changes whenever the book changed elsewhere (a capture saved): the list reads again. */
  reloadKey?: unknown;
}

export function BuyersView({ selectedId, onSelect, reloadKey }: BuyersViewProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [stage, setStage] = useState<Stage | ''>('');
  const [buyers, setBuyers] = useState<Buyer[] | null>(null);
  // null while the book is still being counted: the first page shows without waiting for it.
  const [total, setTotal] = useState<number | null>(null);
  // A search: there may be more matches than shown. The list: the last page read was full.
  const [more, setMore] = useState(false);
  const [failed, setFailed] = useState(false);
  const [changes, setChanges] = useState(0);
  const tags = useAllTags(`${String(reloadKey)}:${changes}`);
  const q = useDebouncedValue(query.trim(), 120);

  useEffect(() => {
    let cancelled = false;
    const filters = { tag: tag || undefined, stage: stage || undefined };
    setFailed(false);
    setTotal(null);
    const fail = () => !cancelled && setFailed(true);
    if (q) {
      searchBuyersPage(q, SEARCH_LIMIT).then((found) => {
        if (cancelled) return;
        // Search covers the whole book; the filters narrow what it found.
        setBuyers(found.buyers.filter((b) => (!tag || b.tags.includes(tag)) && (!stage || b.stage === stage)));
        setMore(found.more);
      }, fail);
    } else {
      listBuyers({ offset: 0, limit: PAGE_SIZE, ...filters }).then((page) => {
        if (cancelled) return;
        setBuyers(page);
        setMore(page.length === PAGE_SIZE);
        // Counted only once the page is on screen: it takes longer than the page on a big book.
        countBuyers(filters).then((n) => !cancelled && setTotal(n), fail);
      }, fail);
    }
    return () => {
      cancelled = true;
    };
  }, [q, tag, stage, reloadKey, changes]);

  const loadMore = useCallback(async () => {
    if (!buyers) return;
    try {
      const page = await listBuyers({ offset: buyers.length, limit: PAGE_SIZE, tag: tag || undefined, stage: stage || undefined });
      setBuyers((prev) => {
        const seen = new Set((prev ?? []).map((b) => b.id));
        return [...(prev ?? []), ...page.filter((b) => !seen.has(b.id))];
      });
      setMore(page.length === PAGE_SIZE);
    } catch {
      setFailed(true);
    }
  }, [buyers, tag, stage]);

  const canLoadMore = !q && buyers != null && (total != null ? buyers.length < total : more);
  const status = () => {
    if (!buyers) return '';
    if (q) return more ? t('searchCountMore', buyers.length) : t('searchCount', buyers.length);
    return total != null ? t('listCount', buyers.length, total) : t('listCountShown', buyers.length);
  };

  return (
    <div className="buyers-view">
      {selectedId ? (
        <BuyerDetail
          buyerId={selectedId}
          onBack={() => onSelect(null)}
          onOpenBuyer={(other) => onSelect(other)}
          onChanged={() => setChanges((n) => n + 1)}
        />
      ) : null}
      <div hidden={selectedId != null}>
        <div className="search-bar">
          <label htmlFor={`${id}-q`} className="visually-hidden">
            {t('searchLabel')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            data-testid="buyer-search"
            placeholder={t('searchPlaceholder')}
            value={query}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="row filters">
          <div className="field grow">
            <label htmlFor={`${id}-tag`}>{t('filterTag')}</label>
            <select id={`${id}-tag`} value={tag} onChange={(e) => setTag(e.target.value)} data-testid="filter-tag">
              <option value="">{t('filterAll')}</option>
              {tags.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </div>
          <StageSelect value={stage} onChange={setStage} withAll testId="filter-stage" className="field grow" />
        </div>
        {failed ? <p className="notice bad">{t('loadFailed')}</p> : null}
        {buyers == null ? (
          <p className="state">{t('loading')}</p>
        ) : buyers.length === 0 ? (
          <p className="state" data-testid="buyers-empty">
            {q || tag || stage ? t('noMatches') : t('bookEmpty')}
          </p>
        ) : (
          <>
            <p className="muted small" role="status">
              {status()}
            </p>
            <ul className="buyer-list" aria-label={t('buyersList')}>
              {buyers.map((b) => (
                <BuyerRow key={b.id} buyer={b} onOpen={onSelect} />
              ))}
            </ul>
            {canLoadMore ? (
              <button type="button" className="load-more" onClick={loadMore} data-testid="load-more">
                {t('loadMore')}
              </button>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
