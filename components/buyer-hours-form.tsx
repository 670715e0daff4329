/**
 * A buyer's own time zone and working hours, over what their country gives (a buyer in Los
 * Angeles of a US company, a night-shift purchasing office). Empty fields keep the defaults.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '../lib/i18n';
import { buyerWindow } from '../lib/next-steps/rules';
import { isValidZone } from '../lib/next-steps/zones';
import { getSettings } from '../storage/settings-repo';
import { setBuyerHours } from '../storage/next-step-settings-repo';
import { TextField } from './text-field';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function BuyerHoursForm({ buyerId, country }: { buyerId: string; country: string | null }) {
  const settings = useLiveQuery(() => getSettings(), []);
  const [zone, setZone] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [status, setStatus] = useState<'idle' | 'saved' | 'invalid' | 'error'>('idle');
  const own = settings?.nextSteps.buyerHours[buyerId];

  useEffect(() => {
    setZone(own?.timeZone ?? '');
    setStart(own?.start ?? '');
    setEnd(own?.end ?? '');
  }, [own?.timeZone, own?.start, own?.end]);

  if (!settings) return null;
  const effective = buyerWindow({ id: buyerId, country }, settings.nextSteps).window;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const z = zone.trim();
    if ((z && !isValidZone(z)) || (start && !TIME.test(start.trim())) || (end && !TIME.test(end.trim()))) {
      setStatus('invalid');
      return;
    }
    try {
      const any = z || start.trim() || end.trim();
      await setBuyerHours(buyerId, any ? { timeZone: z || null, start: start.trim() || null, end: end.trim() || null } : null);
      setStatus('saved');
    } catch {
      setStatus('error');
    }
  };

  return (
    <form className="buyer-hours" data-testid="buyer-hours" onSubmit={submit} aria-label={t('buyerHoursTitle')}>
      <p className="muted small">{t('buyerHoursHelp', effective.zone)}</p>
      <TextField label={t('buyerTimeZone')} value={zone} onChange={(v) => (setZone(v), setStatus('idle'))} placeholder={effective.zone} testId="buyer-time-zone" />
      <div className="row">
        <div className="grow">
          <TextField label={t('settingWorkStart')} value={start} onChange={(v) => (setStart(v), setStatus('idle'))} placeholder={settings.nextSteps.workStart} testId="buyer-work-start" />
        </div>
        <div className="grow">
          <TextField label={t('settingWorkEnd')} value={end} onChange={(v) => (setEnd(v), setStatus('idle'))} placeholder={settings.nextSteps.workEnd} testId="buyer-work-end" />
        </div>
      </div>
      <div className="actions" role="status" aria-live="polite">
        <button type="submit" data-testid="save-buyer-hours">
          {t('saveSettings')}
        </button>
        {status === 'saved' ? <span className="notice ok">{t('savedShort')}</span> : null}
        {status === 'invalid' ? <span className="notice bad">{t('buyerHoursInvalid')}</span> : null}
        {status === 'error' ? <span className="notice bad">{t('saveFailed')}</span> : null}
      </div>
    </form>
  );
}

/** The form as a section of the buyer's detail. */
export function BuyerHoursSection(props: { buyerId: string; country: string | null }) {
  return (
    <section className="section" aria-labelledby={`hours-${props.buyerId}`}>
      <h3 id={`hours-${props.buyerId}`}>{t('buyerHoursTitle')}</h3>
      <BuyerHoursForm {...props} />
    </section>
  );
}
