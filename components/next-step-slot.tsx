/**
 * The buyer's next step on their card: the steps the pure rules (lib/next-steps) computed from
 * this buyer's history, as stored beside the buyer for Today, read live, so logging a touchpoint,
 * a snooze or a dismissal anywhere changes it at once. The first is shown with Done / Snooze /
 * Dismiss exactly as in Today (the same component, the same repository functions); any others
 * are one click away.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { sellerZone as sellerZoneOf } from '../lib/next-steps/rules';
import { DEFAULT_NEXT_STEP_SETTINGS } from '../lib/next-steps/settings';
import { priorityAt } from '../lib/next-steps/types';
import { t } from '../lib/i18n';
import type { Buyer } from '../storage/schema';
import { getSettings } from '../storage/settings-repo';
import { getBuyerSteps } from '../storage/step-states-repo';
import type { DueStep } from '../storage/today-repo';
import { TodayStep } from './today-step';
import { useNow } from './use-now';

export function NextStepSlot({ buyer }: { buyer: Buyer }) {
  const now = useNow();
  const settings = useLiveQuery(() => getSettings(), []);
  const steps = useLiveQuery(() => getBuyerSteps(buyer.id), [buyer.id]);
  if (!steps || !settings) return null;
  const zone = sellerZoneOf(settings.nextSteps ?? DEFAULT_NEXT_STEP_SETTINGS);
  const due: DueStep[] = steps.map((s) => ({
    ...s,
    buyerName: buyer.name,
    buyerCompany: buyer.company,
    buyerCountry: buyer.country,
    priorityNow: priorityAt(s, now),
  }));
  const [first, ...rest] = due;
  const item = (s: DueStep) => <TodayStep key={s.key} step={s} now={now} sellerZone={zone} showBuyer={false} />;
  return (
    <section className="section next-step" data-testid="buyer-next-step" aria-labelledby={`next-step-${buyer.id}`}>
      <h3 id={`next-step-${buyer.id}`}>{t('cardNextStep')}</h3>
      {first ? (
        <ul className="plain today-steps">{item(first)}</ul>
      ) : (
        <p className="muted small" data-testid="buyer-next-step-none">
          {t('cardNoNextStep')}
        </p>
      )}
      {rest.length ? (
        <details data-testid="buyer-more-steps">
          <summary>{t('cardMoreSteps', rest.length)}</summary>
          <ul className="plain today-steps">{rest.map(item)}</ul>
        </details>
      ) : null}
    </section>
  );
}
