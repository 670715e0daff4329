/**
 * Log a contact with the buyer: channel, direction, what happened (the built-in kinds and the
 * seller's own), when (now by default), a note. The quick buttons cover the common ones.
 */
import { useId, useState, type FormEvent } from 'react';
import { CHANNELS, type Channel } from '../storage/schema';
import type { StoredKind } from '../lib/domain';
import { logTouchpoint, type LoggedTouchpoint } from '../storage/touchpoints-repo';
import { channelLabel, directionLabel, storedKindLabel, t } from '../lib/i18n';
import { KindOptions } from './kind-options';
import { useCustomKinds } from './use-custom-kinds';
import { DateTimeField, localInputToIso, isoToLocalInput } from './date-time-field';
import { TextField } from './text-field';

const nowIso = () => localInputToIso(isoToLocalInput(new Date().toISOString()));

export function AddTouchpointForm(props: { buyerId: string; defaultChannel?: Channel; onAdded?: (r: LoggedTouchpoint, label: string) => void }) {
  const id = useId();
  const custom = useCustomKinds();
  const [channel, setChannel] = useState<Channel>(props.defaultChannel ?? 'email');
  const [direction, setDirection] = useState<'in' | 'out'>('out');
  const [kind, setKind] = useState<StoredKind>('follow-up');
  const [at, setAt] = useState(nowIso);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const when = Date.parse(at);
    if (busy || Number.isNaN(when)) return;
    setBusy(true);
    setFailed(null);
    try {
      const r = await logTouchpoint({ buyerId: props.buyerId, channel, direction, kind, at: when, note: note.trim(), inquiryId: null });
      setNote('');
      setAt(nowIso());
      props.onAdded?.(r, storedKindLabel(kind, custom));
    } catch (err) {
      setFailed(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-touchpoint" data-testid="add-touchpoint" onSubmit={submit} aria-label={t('addTouchpoint')}>
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${id}-channel`}>{t('fieldChannel')}</label>
          <select id={`${id}-channel`} value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-direction`}>{t('fieldDirection')}</label>
          <select id={`${id}-direction`} value={direction} onChange={(e) => setDirection(e.target.value as 'in' | 'out')}>
            <option value="out">{directionLabel('out')}</option>
            <option value="in">{directionLabel('in')}</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('fieldKind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as StoredKind)}>
          <KindOptions custom={custom} />
        </select>
      </div>
      <DateTimeField label={t('fieldTime')} value={at} onChange={setAt} required />
      <TextField label={t('fieldNote')} value={note} onChange={setNote} multiline rows={2} maxLength={20_000} />
      {failed ? (
        <p className="notice bad" role="alert">
          {t('saveFailed')} <span className="detail">{failed}</span>
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy || !at}>
        {t('addTouchpointButton')}
      </button>
    </form>
  );
}
