/**
 * One suggested step in the Today view: for whom, what, why, through which channel, when (in the
 * seller's and in the buyer's own time), and Done / snooze / dismiss in one click.
 */
import { useId, useState } from 'react';
import type { DueStep } from '../storage/today-repo';
import { channelLabel, countryLabel, t, uiLocale } from '../lib/i18n';
import { actionLabel, reasonText } from './step-text';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The step writers, loaded at the first click: they bring the touchpoint repository and the
 * search fields it writes (the phone library among them), which the panel's first view, Today,
 * does not need to show its steps.
 */
const steps = () => import('../storage/step-states-repo');

// A formatter costs far more to make than to use, and Today shows two times a step.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "Wed, Nov 18, 09:00" in `zone`. */
export function formatInZone(at: number, zone: string): string {
  const locale = uiLocale();
  const key = `${locale}|${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    formatters.set(key, f);
  }
  return f.format(at);
}

/** Local midnight starting a datetime picker's "YYYY-MM-DD" in the seller's browser. */
const dateInputToTime = (v: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() : null;
};

export function TodayStep(props: {
  step: DueStep;
  now: number;
  sellerZone: string;
  onOpenBuyer?: (id: string) => void;
  /** Whom the step is for (Today); the buyer's own card leaves it out. */
  showBuyer?: boolean;
}) {
  const { step: s, now, sellerZone } = props;
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [date, setDate] = useState('');
  const title = s.buyerName ?? s.buyerCompany ?? t('unnamedBuyer');

  const run = (work: () => Promise<unknown>) => async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await work();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const until = dateInputToTime(date);
  // A day (or three) past the later of now and the due time: snoozing an upcoming step moves it too.
  const later = (days: number) => Math.max(now, s.dueAt) + days * DAY_MS;

  return (
    <li className={`today-step priority-${s.priorityNow}`} data-testid="today-step" data-action={s.action} data-buyer={s.buyerId}>
      <div className="step-head">
        <span className="step-action">{actionLabel(s.action)}</span>
        {s.priorityNow === 0 ? <span className="chip urgent">{t('stepUrgent')}</span> : null}
        {s.snoozed ? <span className="chip">{t('stepSnoozed')}</span> : null}
        {props.showBuyer !== false ? (
          <>
            <button type="button" className="link" aria-label={t('todayOpenBuyer', title)} onClick={() => props.onOpenBuyer?.(s.buyerId)}>
              {title}
            </button>
            {s.buyerCountry ? <span className="muted small">{countryLabel(s.buyerCountry)}</span> : null}
          </>
        ) : null}
      </div>
      <p className="step-reason">{reasonText(s)}</p>
      <p className="step-meta muted small">
        <span data-testid="step-channel">{t('stepVia', channelLabel(s.channel))}</span>
        {' · '}
        <time dateTime={new Date(s.dueAt).toISOString()} data-testid="step-due-seller">
          {t('stepDueYours', formatInZone(s.dueAt, sellerZone))}
        </time>
        {s.buyerTimeZone && s.buyerTimeZone !== sellerZone ? (
          <>
            {' · '}
            <span data-testid="step-due-buyer">{t('stepDueBuyers', formatInZone(s.dueAt, s.buyerTimeZone))}</span>
          </>
        ) : null}
      </p>
      <div className="actions step-actions">
        <button type="button" className="primary" data-testid="step-done" disabled={busy} onClick={run(async () => (await steps()).completeStep(s, { now: Date.now() }))}>
          {t('stepDone')}
        </button>
        <button type="button" data-testid="step-snooze-day" disabled={busy} onClick={run(async () => (await steps()).snoozeStep(s.buyerId, s.key, later(1)))}>
          {t('stepSnoozeDay')}
        </button>
        <button type="button" data-testid="step-snooze-3" disabled={busy} onClick={run(async () => (await steps()).snoozeStep(s.buyerId, s.key, later(3)))}>
          {t('stepSnoozeThreeDays')}
        </button>
        <button type="button" data-testid="step-dismiss" disabled={busy} onClick={run(async () => (await steps()).dismissStep(s.buyerId, s.key))}>
          {t('stepDismiss')}
        </button>
      </div>
      <div className="row step-snooze-date">
        <label htmlFor={`${id}-date`} className="visually-hidden">
          {t('stepSnoozeDate')}
        </label>
        <input id={`${id}-date`} type="date" data-testid="step-snooze-date" value={date} onChange={(e) => setDate(e.target.value)} />
        <button type="button" data-testid="step-snooze-until" disabled={busy || until == null} onClick={run(async () => until != null && (await steps()).snoozeStep(s.buyerId, s.key, until))}>
          {t('stepSnoozeUntil')}
        </button>
      </div>
      {failed ? (
        <p className="notice bad" role="alert">
          {t('stepFailed')}
        </p>
      ) : null}
    </li>
  );
}
