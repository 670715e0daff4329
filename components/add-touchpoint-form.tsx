/** Log a contact with the buyer: channel, direction, what happened, when (now by default), a note. */
import { useState, type FormEvent } from 'react';
import type { Channel, Touchpoint } from '../storage/schema';
import { addTouchpoint } from '../storage/touchpoints-repo';
import { t } from '../lib/i18n';
import { TouchpointKindFields, type TouchpointKindValues } from './touchpoint-kind-fields';
import { DateTimeField, localInputToIso, isoToLocalInput } from './date-time-field';
import { TextField } from './text-field';

const nowIso = () => localInputToIso(isoToLocalInput(new Date().toISOString()));

export function AddTouchpointForm(props: { buyerId: string; defaultChannel?: Channel; onAdded?: (tp: Touchpoint) => void }) {
  const [kinds, setKinds] = useState<TouchpointKindValues>({
    channel: props.defaultChannel ?? 'email',
    direction: 'out',
    kind: 'follow-up',
  });
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
      const tp = await addTouchpoint({ buyerId: props.buyerId, ...kinds, at: when, note: note.trim(), inquiryId: null });
      setNote('');
      setAt(nowIso());
      props.onAdded?.(tp);
    } catch (err) {
      setFailed(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-touchpoint" data-testid="add-touchpoint" onSubmit={submit} aria-label={t('addTouchpoint')}>
      <TouchpointKindFields {...kinds} onChange={(k) => setKinds((x) => ({ ...x, ...k }))} />
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
