/** The filters and the order of the book: tag, stage, country, platform, "no contact for N days". */
import { memo, useId } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { PLATFORMS, type Platform } from '../lib/capture';
import { countryLabel, platformLabel, t } from '../lib/i18n';
import { allCountries, BUYER_SORTS, type BuyerSort } from '../storage/buyers-repo';
import type { Stage } from '../storage/schema';
import { StageSelect } from './stage-select';
import { useAllTags } from './use-all-tags';

export interface FilterState {
  tag: string;
  stage: Stage | '';
  country: string;
  platform: Platform | '';
  /** Days without contact, '' for any. */
  idle: string;
  sort: BuyerSort;
}

export const NO_FILTERS: FilterState = { tag: '', stage: '', country: '', platform: '', idle: '', sort: 'recent' };

/** The choices of "no contact for N days": a week, a month, a quarter. */
export const IDLE_DAYS = [7, 30, 90] as const;

const SORT_KEYS = { recent: 'sortRecent', newest: 'sortNewest', name: 'sortName' } as const;

export const isFiltered = (f: FilterState) => !!(f.tag || f.stage || f.country || f.platform || f.idle);

/**
 * Memoised: the book re-renders at every page its list reads, and these selects (every tag and
 * country in the book) need to render again only when the filters or their choices change.
 */
export const BuyerFilters = memo(function BuyerFilters({ value, onChange }: { value: FilterState; onChange: (f: FilterState) => void }) {
  const id = useId();
  const tags = useAllTags();
  const countries = useLiveQuery(() => allCountries().catch(() => []), [], [] as string[]);
  const set = <K extends keyof FilterState>(k: K, v: FilterState[K]) => onChange({ ...value, [k]: v });
  const select = (key: 'tag' | 'country' | 'platform' | 'idle' | 'sort', label: string, options: [string, string][], all = true) => (
    <div className="field grow">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={value[key]}
        data-testid={`filter-${key}`}
        onChange={(e) => set(key, e.target.value as never)}
      >
        {all ? <option value="">{key === 'idle' ? t('filterIdleAny') : t('filterAll')}</option> : null}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="filters">
      <div className="row">
        {select('tag', t('filterTag'), tags.map((x) => [x, x]))}
        <StageSelect value={value.stage} onChange={(s) => set('stage', s)} withAll testId="filter-stage" className="field grow" />
        {select(
          'country',
          t('filterCountry'),
          countries.map((c) => [c, countryLabel(c) || c]),
        )}
      </div>
      <div className="row">
        {select('platform', t('filterPlatform'), PLATFORMS.map((p) => [p, platformLabel(p)]))}
        {select('idle', t('filterIdle'), IDLE_DAYS.map((d) => [String(d), t('filterIdleDays', d)]))}
        {select('sort', t('sortLabel'), BUYER_SORTS.map((s) => [s, t(SORT_KEYS[s])]), false)}
      </div>
    </div>
  );
});
