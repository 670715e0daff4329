/**
 * The book: search as you type (lightly debounced), or the whole list newest contact first, 50 at
 * a time; filter by tag and stage. Opening a buyer shows the detail; the list keeps its place.
 */
import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Stage } from '../storage/schema';
import { buyerCursor, countBuyers, listBuyers, searchBuyersPage } from '../storage/buyers-repo';
import { t } from '../lib/i18n';
import { BuyerRow } from './buyer-row';
import { StageSelect } from './stage-select';
import { BuyerDetail } from './buyer-detail';
import { useAllTags } from './use-all-tags';
import { useDebouncedValue } from './use-debounced-value';
import { useLivePages } from './use-live-pages';
import { PAGE_SIZE, SEARCH_LIMIT } from './list-sizes';

export interface BuyersViewProps {
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

/**
 * Every read here is live (useLiveQuery): a capture saved, a buyer edited or merged in any
 * panel, tab or the background shows in the list, the search results and the count at once.
 */
export function BuyersView({ selectedId, onSelect }: BuyersViewProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [stage, setStage] = useState<Stage | ''>('');
  const tags = useAllTags();
  const q = useDebouncedValue(query.trim(), 120);
  const filters = { tag: tag || undefined, stage: stage || undefined };

  const list = useLivePages(
    (after) => listBuyers({ after, limit: PAGE_SIZE, ...filters }),
    buyerCursor,
    PAGE_SIZE,
    [tag, stage],
  );
  const found = useLiveQuery(
    async () => {
      if (!q) return null;
      try {
        const page = await searchBuyersPage(q, SEARCH_LIMIT);
        // Search covers the whole book; the filters narrow what it found.
        const buyers = page.buyers.filter((b) => (!tag || b.tags.includes(tag)) && (!stage || b.stage === stage));
        return { buyers, more: page.more, failed: false };
      } catch {
        return { buyers: [], more: false, failed: true };
      }
    },
    [q, tag, stage],
  );
  // Counted apart from the page: it takes longer than the page on a big book, and the list must not wait.
  const total = useLiveQuery(() => (q ? null : countBuyers(filters).catch(() => null)), [q, tag, stage]) ?? null;

  const buyers = q ? found?.buyers ?? null : list.items ?? null;
  const more = q ? found?.more ?? false : list.more;
  const failed = q ? found?.failed ?? false : list.failed;
  const loadMore = list.loadMore;

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
