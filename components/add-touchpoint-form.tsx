/**
 * Log a contact with the buyer: channel, direction, what happened (the built-in kinds and the
 * seller's own), when (now by default), a note. The quick buttons cover the common ones.
 */
import { useState, type FormEvent } from 'react';
import type { Channel } from '../storage/schema';
import type { StoredKind } from '../lib/domain';
import { logTouchpoint, type LoggedTouchpoint } from '../storage/touchpoints-repo';
import { storedKindLabel, t } from '../lib/i18n';
import { TouchpointFields } from './touchpoint-fields';
import { useCustomKinds } from './use-custom-kinds';
import { DateTimeField, localInputToIso, isoToLocalInput } from './date-time-field';
import { TextField } from './text-field';

const nowIso = () => localInputToIso(isoToLocalInput(new Date().toISOString()));

export function AddTouchpointForm(props: { buyerId: string; defaultChannel?: Channel; onAdded?: (r: LoggedTouchpoint, label: string) => void }) {
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
      <TouchpointFields
        channel={channel}
        direction={direction}
        kind={kind}
        onChange={(p) => {
          if (p.channel) setChannel(p.channel);
          if (p.direction) setDirection(p.direction);
          if (p.kind) setKind(p.kind);
        }}
      />
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
