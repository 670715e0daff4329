/**
 * Today: every due step across the book, overdue / today / upcoming. A live query of the
 * nextDueAt index (storage/today-repo.ts), so a step changes the moment its buyer's history does,
 * and the panel never reads the whole book.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { sellerZone as sellerZoneOf } from '../lib/next-steps/rules';
import { DEFAULT_NEXT_STEP_SETTINGS } from '../lib/next-steps/settings';
import { localDayBounds } from '../lib/next-steps/working-hours';
import { t } from '../lib/i18n';
import { getSettings } from '../storage/settings-repo';
import { readToday, TODAY_COUNT_CAP, type DueStep } from '../storage/today-repo';
import { TodayStep } from './today-step';
import { useNow } from './use-now';

type Group = 'overdue' | 'today' | 'upcoming';
/** The index range each group is read from: overdue its own, today and upcoming one together. */
type Range = 'overdue' | 'soon';
const GROUPS: { key: Group; range: Range; label: () => string }[] = [
  { key: 'overdue', range: 'overdue', label: () => t('todayOverdue') },
  { key: 'today', range: 'soon', label: () => t('todayDueToday') },
  { key: 'upcoming', range: 'soon', label: () => t('todayUpcoming') },
];

/**
 * Buyers read per page of a range. Each step is a full card of buttons, so a page is what a
 * seller works through in a sitting, and the panel's first view draws quickly; more on request.
 */
const PAGE_SIZE = 50;

export function TodayView({ onOpenBuyer, pageSize = PAGE_SIZE }: { onOpenBuyer?: (id: string) => void; pageSize?: number }) {
  const now = useNow();
  const settings = useLiveQuery(() => getSettings(), []);
  const zone = sellerZoneOf(settings?.nextSteps ?? DEFAULT_NEXT_STEP_SETTINGS);
  const dayEnd = localDayBounds(now, zone).end;
  // Pages read per range: "show more" adds one, read after the last buyer shown (keyset).
  const [pages, setPages] = useState<Record<Range, number>>({ overdue: 1, soon: 1 });
  const book = useLiveQuery(() => readToday({ now, dayEnd, pages, limit: pageSize }), [now, dayEnd, pages.overdue, pages.soon, pageSize]);
  // A new day starts again from the first page of each range.
  useEffect(() => setPages((p) => (p.overdue === 1 && p.soon === 1 ? p : { overdue: 1, soon: 1 })), [dayEnd]);

  if (!book) return <p className="state">{t('loading')}</p>;
  const total = book.overdue.length + book.today.length + book.upcoming.length;

  return (
    <section className="today" data-testid="today-view" aria-labelledby="today-title">
      <h2 id="today-title">{t('todayTitle')}</h2>
      {total === 0 ? (
        <p className="state" data-testid="today-empty">
          {t('todayEmpty')}
        </p>
      ) : (
        GROUPS.map((g) => {
          const steps: DueStep[] = book[g.key];
          // Buyers read into the group against the whole group's count: a cut list says so.
          const inGroup = book.buyers[g.key];
          const shown = book.read[g.key];
          const cut = shown < inGroup && (g.range === 'overdue' ? book.overdueMore : book.soonMore);
          return (
            <section key={g.key} className="section" data-testid={`today-${g.key}`} aria-label={g.label()}>
              <h3>
                {g.label()} <span className="muted">({steps.length})</span>
              </h3>
              {steps.length ? (
                <ul className="plain today-steps">
                  {steps.map((s) => (
                    <TodayStep key={`${s.buyerId}|${s.key}`} step={s} now={now} sellerZone={zone} onOpenBuyer={onOpenBuyer} />
                  ))}
                </ul>
              ) : cut ? null : (
                <p className="muted small">{t('todayNoneInGroup')}</p>
              )}
              {cut ? (
                <p className="actions more-line" data-testid={`today-more-${g.key}`}>
                  <span className="muted small">{t('todayShownOf', shown, inGroup > shown + TODAY_COUNT_CAP ? `${shown + TODAY_COUNT_CAP}+` : inGroup)}</span>
                  <button type="button" data-testid={`today-load-more-${g.key}`} onClick={() => setPages((p) => ({ ...p, [g.range]: p[g.range] + 1 }))}>
                    {t('todayLoadMore')}
                  </button>
                </p>
              ) : null}
            </section>
          );
        })
      )}
    </section>
  );
}
