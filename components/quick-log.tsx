/**
 * Log a touchpoint in two clicks: one button per common contact, the channel preset to the one
 * the buyer was last reached on (else the first channel the seller owns with them), the
 * direction implied, the time now. The full form is one click further, for the rest.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Buyer, Channel } from '../storage/schema';
import { latestTouchpoint, logTouchpoint, type LoggedTouchpoint } from '../storage/touchpoints-repo';
import { presetChannel, QUICK_ACTIONS, quickChannel, type QuickAction } from '../lib/quick-log';
import { channelLabel, t, type MessageKey } from '../lib/i18n';

const LABELS: Record<QuickAction['id'], MessageKey> = {
  replied: 'quickReplied',
  'quote-sent': 'quickQuoteSent',
  'sample-sent': 'quickSampleSent',
  'followed-up': 'quickFollowedUp',
  called: 'quickCalled',
  'order-placed': 'quickOrderPlaced',
};

export const quickLabel = (a: QuickAction): string => t(LABELS[a.id]);

/** The channel a new touchpoint with this buyer most likely uses, read live. */
export function usePresetChannel(buyer: Buyer): Channel {
  const last = useLiveQuery(() => latestTouchpoint(buyer.id).then((tp) => tp?.channel ?? null, () => null), [buyer.id]);
  return presetChannel(buyer, last ?? null);
}

export function QuickLog(props: { buyer: Buyer; onLogged: (r: LoggedTouchpoint, label: string) => void; onMore: () => void; moreOpen: boolean }) {
  const preset = usePresetChannel(props.buyer);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const log = async (a: QuickAction) => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const r = await logTouchpoint({ buyerId: props.buyer.id, channel: quickChannel(a, preset), direction: a.direction, kind: a.kind, at: Date.now(), note: '' });
      props.onLogged(r, quickLabel(a));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="quick-log" data-testid="quick-log" role="group" aria-label={t('quickLogTitle')}>
      <div className="quick-buttons">
        {QUICK_ACTIONS.map((a) => (
          <button key={a.id} type="button" className="chip" data-testid={`quick-${a.id}`} disabled={busy} onClick={() => void log(a)}>
            {quickLabel(a)}
          </button>
        ))}
        <button type="button" className="chip link" data-testid="quick-more" aria-expanded={props.moreOpen} onClick={props.onMore}>
          {t('quickMore')}
        </button>
      </div>
      <p className="muted small" data-testid="quick-channel" data-value={preset}>
        {t('quickVia', channelLabel(preset))}
      </p>
      {failed ? (
        <p className="notice bad" role="alert">
          {t('quickLogFailed')}
        </p>
      ) : null}
    </div>
  );
}
