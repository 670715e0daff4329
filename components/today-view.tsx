/**
 * Today: every due step across the book, overdue / today / upcoming. A live query of the
 * nextDueAt index (storage/today-repo.ts), so a step changes the moment its buyer's history does,
 * and the panel never reads the whole book.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { sellerZone as sellerZoneOf } from '../lib/next-steps/rules';
import { DEFAULT_NEXT_STEP_SETTINGS } from '../lib/next-steps/settings';
import { localDayBounds } from '../lib/next-steps/working-hours';
import { t } from '../lib/i18n';
import { getSettings } from '../storage/settings-repo';
import { readToday, type DueStep } from '../storage/today-repo';
import { TodayStep } from './today-step';
import { useNow } from './use-now';

type Group = 'overdue' | 'today' | 'upcoming';
const GROUPS: { key: Group; label: () => string }[] = [
  { key: 'overdue', label: () => t('todayOverdue') },
  { key: 'today', label: () => t('todayDueToday') },
  { key: 'upcoming', label: () => t('todayUpcoming') },
];

export function TodayView({ onOpenBuyer }: { onOpenBuyer?: (id: string) => void }) {
  const now = useNow();
  const settings = useLiveQuery(() => getSettings(), []);
  const zone = sellerZoneOf(settings?.nextSteps ?? DEFAULT_NEXT_STEP_SETTINGS);
  const dayEnd = localDayBounds(now, zone).end;
  const book = useLiveQuery(() => readToday({ now, dayEnd }), [now, dayEnd]);


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
              ) : (
                <p className="muted small">{t('todayNoneInGroup')}</p>
              )}
            </section>
          );
        })
      )}
      {book.more ? <p className="muted small">{t('todayMore')}</p> : null}
    </section>
  );
}
