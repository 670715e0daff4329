/**
 * The book: search as you type (lightly debounced), or the whole list newest contact first, 50 at
 * a time; filter by tag and stage. Opening a buyer shows the detail; the list keeps its place.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { STAGES, type Buyer, type Stage } from '../storage/schema';
import { listBuyers, searchBuyers } from '../storage/buyers-repo';
import { stageLabel, t } from '../lib/i18n';
import { BuyerRow } from './buyer-row';
import { BuyerDetail } from './buyer-detail';
import { useAllTags } from './use-all-tags';
import { useDebouncedValue } from './use-debounced-value';

export const PAGE_SIZE = 50;
const SEARCH_LIMIT = 200;

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
  const [total, setTotal] = useState(0);
  const [failed, setFailed] = useState(false);
  const [changes, setChanges] = useState(0);
  const tags = useAllTags(`${String(reloadKey)}:${changes}`);
  const q = useDebouncedValue(query.trim(), 120);

  useEffect(() => {
    let cancelled = false;
    setFailed(false);
    const load = q
      ? searchBuyers(q, SEARCH_LIMIT).then((found) => {
          // Search covers the whole book; the filters narrow what it found.
          const xs = found.filter((b) => (!tag || b.tags.includes(tag)) && (!stage || b.stage === stage));
          return { buyers: xs, total: xs.length };
        })
      : listBuyers({ offset: 0, limit: PAGE_SIZE, tag: tag || undefined, stage: stage || undefined });
    load.then(
      (r) => {
        if (cancelled) return;
        setBuyers(r.buyers);
        setTotal(r.total);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [q, tag, stage, reloadKey, changes]);

  const loadMore = useCallback(async () => {
    if (!buyers) return;
    try {
      const r = await listBuyers({ offset: buyers.length, limit: PAGE_SIZE, tag: tag || undefined, stage: stage || undefined });
      setBuyers((prev) => {
        const seen = new Set((prev ?? []).map((b) => b.id));
        return [...(prev ?? []), ...r.buyers.filter((b) => !seen.has(b.id))];
      });
      setTotal(r.total);
    } catch {
      setFailed(true);
    }
  }, [buyers, tag, stage]);

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
          <div className="field grow">
            <label htmlFor={`${id}-stage`}>{t('fieldStage')}</label>
            <select
              id={`${id}-stage`}
              value={stage}
              onChange={(e) => setStage(e.target.value as Stage | '')}
              data-testid="filter-stage"
            >
              <option value="">{t('filterAll')}</option>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {stageLabel(s)}
                </option>
              ))}
            </select>
          </div>
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
              {q ? t('searchCount', buyers.length) : t('listCount', buyers.length, total)}
            </p>
            <ul className="buyer-list" aria-label={t('buyersList')}>
              {buyers.map((b) => (
                <BuyerRow key={b.id} buyer={b} onOpen={onSelect} />
              ))}
            </ul>
            {!q && buyers.length < total ? (
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
